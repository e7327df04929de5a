"""Which kind of section a heading names (symptoms, treatment, references...).

The headings come from ``rules/sections.yaml``; rules ask :func:`kinds_of` and
:func:`sections_of_kind` rather than matching heading text themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from conditionlint.document import Document, Section
from conditionlint.parser import fold


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Any], list[tuple[str, re.Pattern[str]]]]:
    from conditionlint.yamlrules import lexicon

    lex = lexicon("sections")
    compiled = []
    for kind, spec in lex["sections"].items():
        alts = []
        for h in spec["headings"]:
            pieces = [re.escape(fold(part)) for part in h.split("*")]
            body = r"\w+(?: \w+)*".join(
                p + (" " if i < len(pieces) - 1 and p else "") if i == 0 else
                (" " + p if p else p) for i, p in enumerate(pieces))
            alts.append(body)
        rx = re.compile(r"(?:%s)(?: (?:of|for|in|with|and|from|about) .*)?" % "|".join(alts))
        compiled.append((kind, rx))
    return lex, compiled


def lexicon() -> dict[str, Any]:
    return _table()[0]


@lru_cache(maxsize=8192)
def kinds_of(norm_heading: str) -> tuple[str, ...]:
    """Every kind a folded heading names (e.g. "symptoms and diagnosis" names two).

    Pure on its argument (the lexicon is built in and read once), and asked about the
    same few headings many times per page by several rules: cached."""
    _, compiled = _table()
    return tuple(kind for kind, rx in compiled if rx.fullmatch(norm_heading))


def title_of(kind: str) -> str:
    return lexicon()["sections"][kind]["title"]


def examples_of(kind: str, n: int = 2) -> list[str]:
    heads = [h for h in lexicon()["sections"][kind]["headings"] if "*" not in h]
    return [h[:1].upper() + h[1:] for h in heads[:n]]


_MAX_FLAT_WORDS = 8


def flattened_heading_kinds(doc: Document) -> set[str]:
    """Kinds named by *flattened* headings: a one-line paragraph such as "Symptoms" or
    "**Treatment**" standing alone, as in pages scraped to text or written without
    Markdown headings. Only lines that name a known section kind count."""
    kinds: set[str] = set()
    for b in doc.blocks:
        if b.kind != "paragraph" or b.list_depth or b.footnote is not None \
                or b.blockquote:
            continue
        # Pages scraped without blank lines keep each heading on a line of its own
        # inside one long paragraph: every line is a candidate.
        for line in b.text.splitlines():
            t = line.strip()
            if not t or t[-1] in ".!;,\"" or len(t.split()) > _MAX_FLAT_WORDS:
                continue
            kinds.update(kinds_of(fold(t)))
    return kinds


_NUMBERED = re.compile(r"(?:\d{1,3} )+(?=\D)")  # "1. Treatment", "2.3 Causes" (folded)
_MAX_QUALIFIED_WORDS = 8


@lru_cache(maxsize=4096)
def heading_kinds(norm_heading: str) -> tuple[str, ...]:
    """:func:`kinds_of`, and for a heading it names no kind, the kind its words name
    once what headings add to a section's name is set aside: a number before it ("1.
    Treatment"), a qualifier or an attribute block after it ("Treatment (adults)",
    "Treatment {#treatment}": the words before the rest), or one word before a
    one-word name ("Home treatment", "Common symptoms"). For the rules that ask
    whether a page has a section (CL101, CL102, the disclaimer's), not for how the
    claim detector reads a section."""
    got = kinds_of(norm_heading)
    if got:
        return got
    words = _NUMBERED.sub("", norm_heading, count=1).split()
    if not words or len(words) > _MAX_QUALIFIED_WORDS:
        return ()
    for n in range(len(words), 0, -1):
        got = kinds_of(" ".join(words[:n]))
        if got:
            return got
    if len(words) == 2:
        return kinds_of(words[1])
    return ()


def sections_of_kind(doc: Document, kind: str) -> list[Section]:
    return [s for s in doc.sections if s.heading is not None and s.heading.level >= 2
            and kind in heading_kinds(s.heading.norm)]


def intro_blocks(doc: Document) -> list[int]:
    """Prose blocks before the first level-2+ heading (the text under the H1)."""
    out = []
    for s in doc.sections:
        if s.heading is None or s.heading.level == 1:
            out.extend(b for b in s.blocks if doc.blocks[b].kind != "heading")
    return out
