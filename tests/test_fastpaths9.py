"""The ninth performance session's fast paths give what the code they replace gave.

Each fast path (a cheap test before a regex, a regex written so that re's compiler
finds its first character, a walk instead of a search) is checked against the plain
form on the sentences and blocks of the open labelled pages (never the blind sets) and
on edge cases: non-ASCII letters that IGNORECASE folds, line breaks, empty text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conditionlint import claimdetect, claimstructure, gated, sentences
from conditionlint.parser import parse
from conditionlint.source import Source

ROOT = Path(__file__).resolve().parents[1]


def _docs() -> list:
    pages = [p for split in ("dev", "heldout", "heldout2")
             for p in sorted((ROOT / "tests" / "corpus" / split).glob("*.md"))]
    return [parse(Source.from_text(p.name, p.read_text(encoding="utf-8"))) for p in pages[:60]]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    out: list[str] = []
    for doc in _docs():
        out += [s.text for s in doc.sentences]
        out += [b.text for b in doc.blocks]
    out += [t.upper() for t in out[:500]] + [" - " + t for t in out[:300]]
    out += ["", "\n", "...", "Don't do it", "DO NOT touch", "  **Try** this", "Getting better",
            "\u017ftop it", "\u0130f you can", "ıs it", "it's", "x'd", "is_", "it2", "a: b",
            "A: b", "x:  y", ":a", "do it \u2013 now", "a - b", "x; y", "x, as it is",
            "go as they say", "abc\n.", "e.g. this", "Dr. A. Example said so."]
    return out


def test_openings_match_the_pattern(texts: list[str]) -> None:
    imp = claimdetect.lexicon().imperative
    assert isinstance(imp, gated.Openings)
    plain = imp._rx  # noqa: SLF001
    for t in texts:
        a, b = plain.match(t), imp.match(t)
        assert (a and a.span()) == (b and b.span()), t


def test_openings_with_a_phrase_that_opens_with_punctuation_always_search() -> None:
    rx = re.compile(r"^\W*(?:'til|go)\b", re.I)
    op = gated.Openings(rx, ["'til", "go"])
    assert op._firsts is None  # noqa: SLF001
    for t in ("'til then", "til then", "go on", "Go", "gone"):
        a, b = op.match(t), rx.match(t)
        assert (a and a.span()) == (b and b.span()), t


@pytest.mark.parametrize(("pattern", "prefixed"), [
    (r"\?\s*(?:yes|no)?$", True),
    (r"\(n\s*=\s*\d+\)", True),
    ("[\u00a3$\u20ac]\\s?\\d", True),
    (r"\b95\s?%\s+?CI\b", False),  # "\b" first: no prefix for re, the guard stays
    (r"(?:call|dial)\s+999", False),  # cased letters under IGNORECASE
    (r"\d+%", False),
])
def test_guard_only_where_re_finds_no_prefix(pattern: str, prefixed: bool) -> None:
    assert gated._sre_prefixed(pattern, re.I) is prefixed  # noqa: SLF001
    rx = gated.compile_guarded(pattern, re.I)
    assert (rx.pattern == pattern) is (prefixed or not gated.first_char_guard(pattern, re.I))


def test_finite_is_the_search(texts: list[str]) -> None:
    for t in texts:
        assert claimstructure._finite(t) is (claimstructure._FINITE.search(t) is not None), t  # noqa: SLF001


def test_colon_clause(texts: list[str]) -> None:
    colon = re.compile(r"(?<=[a-z]):\s+(?=[a-z])")
    for t in texts:
        for lo in (0, 3):
            a, b = colon.search(t, lo), claimdetect._COLON_CLAUSE.search(t, lo)  # noqa: SLF001
            assert (a and a.span()) == (b and b.span()), t


def test_abbreviation_walk_is_the_search(texts: list[str]) -> None:
    word_before = re.compile(r"([\w.]+)$")

    def by_search(text: str, dot: int) -> bool:
        w = word_before.search(text, max(0, dot - 20), dot)
        if not w:
            return False
        word = w.group(1).lower().strip(".")
        if not word:
            return False
        if word in sentences.ABBREVIATIONS or word.rsplit(".", 1)[-1] in sentences.ABBREVIATIONS:
            return True
        if len(w.group(1)) == 1 and w.group(1).isupper():
            before = text[w.start() - 1] if w.start() > 0 else " "
            return before.isspace() or before in "(["
        return False

    extra = ["x_y.z.", "\u00e91.", "\n.", ".", "   \n\n.", "a" * 30 + ".", "\u0661\u0662.",
             "see A. Example", "(B. x"]
    for t in texts + extra:
        for dot in [i for i, c in enumerate(t) if c == "."][:20]:
            assert sentences._is_abbreviation(t, dot) is by_search(t, dot), (t, dot)  # noqa: SLF001


def test_testimonial_lines_are_the_line_by_line_scan() -> None:
    class Doc:
        def __init__(self, text: str) -> None:
            self.text = text

    def by_line(text: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if len(line) <= 600 and claimdetect._REVIEW_CHARS.search(line) \
                    and claimdetect._is_review(line):  # noqa: SLF001
                out.append((pos, end))
            pos = end + 1
        return out

    pages = [d.source.text for d in _docs()]
    pages += ['"Great" \u2014 Ann\n', '\n\n"x" - Bob', "> quote. \u2014 Ann\n>",
              '\u2605\u2605\u2605\u2605\u2605 wow\r\n"a" Sam, Clifton\n' * 3, "", "\n",
              '"' * 700 + '\n"ok" \u2014 Al']
    for text in pages:
        assert claimdetect.testimonial_lines(Doc(text)) == by_line(text)  # type: ignore[arg-type]


def test_markdown_tokens_as_before() -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    from conditionlint.parser import _markdown

    old = MarkdownIt("commonmark", {"maxNesting": 100})
    old.enable("table")
    old.use(footnote_plugin, move_to_end=False, always_match_refs=True)
    old.disable(["text", "linkify", "newline", "escape", "backticks", "strikethrough",
                 "emphasis", "link", "image", "autolink", "html_inline", "entity",
                 "footnote_inline", "footnote_ref"], ignoreInvalid=True)
    old.core.ruler.disable(["inline"], ignoreInvalid=True)
    new = _markdown()
    pages = [d.source.text for d in _docs()[:20]]
    pages += [p.replace("\n", "\r\n") for p in pages[:5]] + [p.replace("\n", "\r") for p in pages[:5]]
    pages += [p.replace("e", "\0", 3) for p in pages[:5]] + ["a\r\nb\rc\0d\n\n# x\r\n", ""]

    def key(tokens: list) -> list:
        return [(t.type, t.tag, t.nesting, t.map, t.level, t.content, t.markup, t.info,
                 t.meta, t.block, t.hidden, t.attrs) for t in tokens]

    for text in pages:
        env_a: dict = {}
        env_b: dict = {}
        assert key(old.parse(text, env_a)) == key(new.parse(text, env_b))
        assert env_a == env_b
