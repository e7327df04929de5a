"""CL1xx: page structure (sections and title)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from conditionlint import sectionmap
from conditionlint.document import Document
from conditionlint.model import Problem
from conditionlint.parser import fold, shown_heading
from conditionlint.registry import rule

_KINDS_OPTION = {
    # x-known: checked against rules/sections.yaml's kinds when a config is read
    # (config._validate_options), not at import
    "type": ["array", "null"], "items": {"type": "string", "x-known": "section-kinds"},
    "default": None,
    "description": "Section kinds (from rules/sections.yaml) to require instead of the "
                   "page type's profile.",
}


def _profile(doc: Document) -> dict[str, Any]:
    profiles = sectionmap.lexicon()["profiles"]
    return profiles.get(doc.page_type, profiles["condition"])


def _present(doc: Document, kind: str, profile: dict[str, Any]) -> bool:
    if sectionmap.sections_of_kind(doc, kind):
        return True
    if kind == "overview" and profile.get("overview-from-intro", False):
        return any(doc.blocks[b].text.strip() for b in sectionmap.intro_blocks(doc))
    if kind == "evidence" and any(e.origin in ("footnote", "references")
                                  for e in doc.evidence):
        return True  # footnote definitions or a reference list are the references
    if _titled(doc, kind):
        return True
    return kind in sectionmap.flattened_heading_kinds(doc)


# "Migraine symptoms", "Migraine treatment": the page's own title, then a kind's word.
# (Read here, for presence only: as a section kind for every rule, "* symptoms" would
# also take "Easing your symptoms", a treatment section, and its claims.)
_KIND_WORDS = {"symptoms": ("symptoms", "signs"), "causes": ("causes", "triggers"),
               "diagnosis": ("diagnosis", "tests"), "treatment": ("treatment", "treatments",
                                                                  "management")}


def _titled(doc: Document, kind: str) -> bool:
    """A heading that names ``kind`` for presence only: the title and a section word,
    or one side of an "and" ("Diagnosis & treatment" is both; as a section kind for
    every rule it reads as its first)."""
    for h in doc.headings:
        if h.level >= 2 and " and " in h.norm and any(
                kind in sectionmap.kinds_of(part) for part in h.norm.split(" and ")):
            return True
    words = _KIND_WORDS.get(kind)
    if not words or doc.title is None:
        return False
    title = fold(doc.title.text)
    if not title:
        return False
    named = {f"{title} {w}" for w in words}
    return any(h.level >= 2 and h.norm in named for h in doc.headings)


def _anchor(doc: Document) -> tuple[int, int]:
    """Where a page-level finding points: the H1 text, else the start of the body."""
    if doc.title is not None:
        return doc.title.text_start, doc.title.text_end
    return doc.body_start, doc.body_start


def _has_therapy(doc: Document) -> bool:
    fm = doc.front_matter
    therapy = fm.get("therapy") if fm else None
    return bool(therapy)


def _missing(doc: Document, kinds: list[str], profile: dict[str, Any], label: str
             ) -> Iterator[Problem]:
    start, end = _anchor(doc)
    known = sectionmap.lexicon()["sections"]
    for kind in kinds:
        if kind not in known or _present(doc, kind, profile):
            continue
        examples = " or ".join(f"'{h}'" for h in sectionmap.examples_of(kind))
        where = " (the text under the title counts)" if kind == "overview" else ""
        yield Problem(start, end, f"missing {label} section '{sectionmap.title_of(kind)}' "
                                  f"(a heading such as {examples}){where}")


@rule(code="CL101", name="missing-section", severity="error",
      summary="A section the page type requires is missing.",
      options={"properties": {"sections": _KINDS_OPTION}})
def missing_section(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """A section that the page's type requires is missing.

    The page type comes from the front matter's `type:` (default `condition`).
    Section profiles and the headings that count for each section live in
    `rules/sections.yaml`: headings are compared case- and punctuation-insensitively
    and synonyms count ("Signs and symptoms", "What are the symptoms?", "Symptoms of
    migraine", "How migraine is treated"). A heading joined by "and" names each side
    ("Symptoms & causes" is both), and the page's title followed by a section's word
    counts ("Migraine symptoms", "Migraine treatment"). So does a heading whose first
    words name the section, after a number ("1. Treatment") and before a qualifier or
    an attribute block ("Treatment (adults)", "Outlook / prognosis", "Treatment
    {#treatment}"), and a one-word name with one word before it ("Home treatment",
    "Typical symptoms"). For a `condition` page the
    overview, symptoms and treatment (or management) sections are required; the text
    under the H1 serves as the overview.

    The finding points at the page title (the H1), or at the start of the page when
    there is none.

    ## Why

    Readers come to a condition page for what it is, how it shows and what helps.
    A page without these sections is a sales page, not health information.

    ## Options

    `sections` replaces the profile's list of required section kinds.

    ## Fails

    ```markdown
    # Migraine

    Migraine is a common headache disorder.

    ## Symptoms

    Throbbing headache, often on one side.
    ```

    ## Passes

    ```markdown
    # Migraine

    Migraine is a common headache disorder.

    ## Signs and symptoms

    Throbbing headache, often on one side.

    ## Managing migraine

    Rest in a dark room.
    ```

    ## Fix

    Add the section under a heading that names it. There is no automatic fix: the
    tool never writes clinical text.
    """
    profile = _profile(doc)
    kinds = options.get("sections")
    if kinds is None:
        kinds = list(profile.get("required", []))
    yield from _missing(doc, kinds, profile, "required")


@rule(code="CL102", name="missing-recommended-section", severity="warning",
      summary="A section the page type recommends is missing.",
      options={"properties": {"sections": {**_KINDS_OPTION, "description":
               "Section kinds to recommend instead of the page type's profile."}}})
def missing_recommended_section(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """A section that the page type recommends is missing: for a `condition` page,
    causes, diagnosis and evidence/references; with a `therapy:` in the front matter,
    also risks and side effects.

    ## Why

    These sections are what separate a complete, balanced page from a partial one:
    a therapy page without its risks is one-sided.

    ## Options

    `sections` replaces the profile's list of recommended section kinds.

    ## Fails

    ```markdown
    ---
    title: Back pain
    therapy: acupuncture
    ---
    # Back pain

    Back pain is common.

    ## Symptoms

    Aching.

    ## Causes

    Strain.

    ## Diagnosis

    History and examination.

    ## Treatment

    Keep active.

    ## References

    1. Example reference.
    ```

    ## Passes

    ```markdown
    # Back pain

    Back pain is common.

    ## Symptoms

    Aching.

    ## Causes

    Strain.

    ## Diagnosis

    History and examination.

    ## Treatment

    Keep active.

    ## References

    1. Example reference.
    ```

    ## Fix

    Add the section. No automatic fix.
    """
    profile = _profile(doc)
    kinds = options.get("sections")
    if kinds is None:
        kinds = list(profile.get("recommended", []))
        if _has_therapy(doc):
            kinds += [k for k in profile.get("recommended-with-therapy", []) if k not in kinds]
    yield from _missing(doc, kinds, profile, "recommended")


# An unclosed "<!--" must not scan to the end once per "<!--" (quadratic): stop at the next one.
_COMMENT = re.compile(r"<!--(?:(?!<!--).)*?-->", re.S)


@rule(code="CL103", name="empty-section", severity="warning",
      summary="A heading with nothing under it.")
def empty_section(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """A heading with no content under it: no text, list, table, code or
    sub-section before the next heading. What shows nothing where it stands is no
    content: a comment, a link reference definition (`[nhs]: https://...`), a line
    break, an empty anchor or wrapper (`<a id="x"></a>`, `<div></div>`), a no-break or
    zero-width space. A footnote definition counts (it is shown at the foot of the page).

    ## Why

    An empty section promises information the page does not give; it is usually a
    template left unfinished.

    ## Fails

    ```markdown
    # Sciatica

    Sciatica is pain along the sciatic nerve.

    ## Causes

    ## Treatment

    Keep moving.
    ```

    ## Passes

    ```markdown
    # Sciatica

    Sciatica is pain along the sciatic nerve.

    ## Causes

    A slipped disc is the most common cause.
    ```

    ## Fix

    Write the section or remove the heading.
    """
    text = doc.text
    for s in doc.sections:
        h = s.heading
        if h is None or s.children:
            continue
        content_end = s.body_end
        body = text[h.end:content_end]
        if body.lstrip()[:1] not in _MAY_HIDE:
            # perf25: what the first character after white space is decides alone. Every
            # match of _COMMENT and _INVISIBLE opens with one of _MAY_HIDE's characters
            # (the link reference definition after at most three spaces), so none can
            # start in the white space before it nor cover it: it stays, the section is
            # not empty, and it is no setext underline ("=" or "-"). "" (only white space)
            # is in _MAY_HIDE, so such a body takes the full path below.
            continue
        body = _INVISIBLE.sub("", _COMMENT.sub("", body))
        if not body.strip() or _only_setext_underline(body):
            yield Problem(h.text_start, h.text_end,
                          f"section '{shown_heading(h.text)}' is empty")


# What shows nothing where it stands: link reference definitions ("[nhs]: https://..."),
# line breaks, empty anchors and wrappers, no-break and zero-width spaces. An image, a
# table or any text inside a tag still counts, and so do footnote definitions (shown
# at the foot of the page, which is where a References section holding only them is).
_INVISIBLE = re.compile(
    r"(?im)^ {0,3}\[(?!\^)[^\]\n]{1,999}\]:[ \t]*(?:<[^<>\n]{0,2048}>|\S{1,2048})"
    r"(?:[ \t]+(?:\"[^\"\n]{0,999}\"|'[^'\n]{0,999}'|\([^()\n]{0,999}\)))?[ \t]*$"
    r"|</?(?:br|hr|div|span|p|a|section|b|i|em|strong|center|font)\b[^<>]{0,500}>"
    r"|&(?:nbsp|ensp|emsp|thinsp|zwnj|zwj|ZeroWidthSpace|#160|#x0*a0|#8203|#x0*200b);"
    r"|[\u200b\u200c\u200d\u2060\ufeff]")


# perf25: the characters a match of _COMMENT or _INVISIBLE can start with ("<", "[",
# "&", the zero-width characters), the setext underline's "=" and "-", and "" (a body of
# white space only: `"" in s` holds for any string s). tests/test_perf25.py checks the
# patterns' first characters against this string.
_MAY_HIDE = "<[&=-\u200b\u200c\u200d\u2060\ufeff"


def _only_setext_underline(body: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:=+|-+)\s*", body))


@rule(code="CL104", name="duplicate-section", severity="warning",
      summary="Two sections with the same heading at the same level.")
def duplicate_section(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """Two headings with the same text (compared case- and punctuation-insensitively)
    at the same level under the same parent section. Reported at the second one.
    Headings are compared and shown as a reader sees them: an HTML entity or a
    non-breaking space (`## Symptoms&nbsp;`, `Symptoms &amp; signs`) is read as the
    character it stands for, and an HTML comment (`## Causes <!-- todo -->`) is not
    part of the heading, nor is a character that shows nothing inside a word (a soft
    hyphen, `C&shy;auses`, or a zero-width space).

    ## Why

    Duplicated sections split information readers expect in one place, and usually
    come from pasted templates; the two copies drift apart.

    ## Fails

    ```markdown
    # Migraine

    A headache disorder.

    ## Symptoms

    Throbbing pain.

    ## Symptoms

    Nausea.
    ```

    ## Passes

    ```markdown
    # Migraine

    A headache disorder.

    ## Symptoms

    Throbbing pain and nausea.
    ```

    ## Fix

    Merge the sections.
    """
    seen: dict[tuple[int | None, int, str], int] = {}
    for s in doc.sections:
        h = s.heading
        if h is None or not h.norm:
            continue
        key = (s.parent, h.level, _heading_key(h.text, h.norm))
        first = seen.get(key)
        if first is None:
            seen[key] = s.index
            continue
        first_line = doc.source.position(doc.sections[first].heading.start).line  # type: ignore[union-attr]
        # (spaces left beside a removed character go too: "Causes &shy;" is named
        # "Causes", not "Causes ", review s21b E13)
        shown = " ".join(_UNSEEN.sub("", shown_heading(h.text)).split())
        yield Problem(h.text_start, h.text_end,
                      f"duplicate section '{shown}' (first at line {first_line})")


# Characters a heading shows nothing for, inside a word: a soft hyphen ("C&shy;auses",
# shown "Causes" unless the line breaks there), zero-width spaces and joiners.
_UNSEEN = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _heading_key(text: str, norm: str) -> str:
    """A heading's folded text for comparison: its norm, or, when it holds a character
    that shows nothing (written or as an entity, "&shy;", "&#8203;"), the text as shown
    without it ("C&shy;auses" is "causes", not "c auses")."""
    if "&" not in text and _UNSEEN.search(text) is None:
        return norm
    shown = shown_heading(text)
    if _UNSEEN.search(shown) is None:
        return norm
    return fold(_UNSEEN.sub("", shown))


@rule(code="CL105", name="missing-title", severity="error",
      summary="The page has no level-1 heading.")
def missing_title(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """The page has no level-1 heading (`# Title`) to name the condition.

    Reported at the first line of the body (after the front matter). A front-matter
    `title:` does not replace the visible heading.

    ## Why

    The H1 tells readers and search engines which condition the page is about, and
    section profiles hang from it.

    ## Fails

    ```markdown
    ## Symptoms

    Pain.
    ```

    ## Passes

    ```markdown
    # Back pain

    Pain in the back.
    ```

    ## Fix

    Add `# <condition name>` at the top of the page.
    """
    if doc.title is not None:
        return
    fm = doc.front_matter
    title = fm.get("title") if fm else None
    hint = f" (front matter has title: {title!r}; add '# {title}')" \
        if isinstance(title, str) and title else ""
    pos = doc.body_start
    # Point at the first non-blank line of the body.
    text = doc.text
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    end = pos
    while end < len(text) and text[end] not in "\r\n":
        end += 1
    yield Problem(pos, end, f"page has no level-1 heading (# Title){hint}")
