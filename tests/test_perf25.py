"""Twenty-fifth performance session (perf25): each fast path gives what the code it
skips gave, on the open labelled pages (never the held-back ones), the examples and edge
cases where the gate is open and where it is closed (docs/performance.md)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from conditionlint import claimdetect
from conditionlint.checks import structure
from conditionlint.document import Document
from conditionlint.model import Problem
from conditionlint.parser import parse
from conditionlint.source import Source
from tests.open_corpus import open_paths, open_sentences
from tests.test_claims_round12 import _found, _page
from tests.test_claims_round32 import scored_words  # noqa: F401 (a fixture)

try:
    from re import _parser as P  # Python >= 3.11
except ImportError:  # pragma: no cover
    import sre_parse as P  # type: ignore[no-redef]

C = P  # the opcodes are re-exported by the parser module
CHARS = [chr(x) for x in range(sys.maxunicode + 1) if not 0xD800 <= x <= 0xDFFF]
SPACES = ["\u00a0", "\u2003", "\u3000", "\u2028", "\x1c", "\x0b", "\x0c", "\r", "\t"]
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


# -- 1. CL103: a section body whose first non-space character nothing can hide ------------
def _empty_section_before(doc: Document, options: dict[str, Any]) -> Iterator[Problem]:
    """The rule as it was before perf25 (a copy): the substitutions on every body."""
    text = doc.text
    for s in doc.sections:
        h = s.heading
        if h is None or s.children:
            continue
        body = text[h.end:s.body_end]
        body = structure._INVISIBLE.sub("", structure._COMMENT.sub("", body))
        if not body.strip() or structure._only_setext_underline(body):
            yield Problem(h.text_start, h.text_end,
                          f"section '{structure.shown_heading(h.text)}' is empty")


def _both(text: str) -> tuple[list[Problem], list[Problem]]:
    doc = parse(Source.from_text("page.md", text))
    return list(structure.empty_section(doc, {})), list(_empty_section_before(doc, {}))


def _first_items(pattern: re.Pattern[str]) -> list[list[Any]]:
    """Each top-level alternative of ``pattern``, as its list of parsed items."""
    parsed = list(P.parse(pattern.pattern, pattern.flags))
    while len(parsed) == 1 and parsed[0][0] is C.SUBPATTERN:
        parsed = list(parsed[0][1][-1])
    if len(parsed) == 1 and parsed[0][0] is C.BRANCH:
        return [list(b) for b in parsed[0][1][1]]
    return [parsed]


def _opening_chars(items: list[Any]) -> set[str]:
    """The characters an alternative's first consumed character can be, once "^" and up
    to a bounded run of spaces ("^ {0,3}") are passed: raises if it cannot be told."""
    i = 0
    while items[i][0] is C.AT:
        i += 1
    op, av = items[i]
    if op is C.MAX_REPEAT and list(av[2]) == [(C.LITERAL, 32)]:
        i += 1  # " {0,3}": spaces, which str.isspace counts as white space
        op, av = items[i]
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        chars: set[str] = set()
        for kind, val in av:
            if kind is C.LITERAL:
                chars.add(chr(val))
            elif kind is C.RANGE:
                chars |= {chr(c) for c in range(val[0], val[1] + 1)}
            else:
                raise AssertionError(f"cannot tell the first characters of {items!r}")
        return chars
    raise AssertionError(f"cannot tell the first character of {items!r}")


def test_every_match_opens_with_a_character_of_may_hide() -> None:
    opening: set[str] = set()
    for rx in (structure._COMMENT, structure._INVISIBLE):
        for alt in _first_items(rx):
            opening |= _opening_chars(alt)
    assert opening == set("<[&") | set(ZERO_WIDTH)
    assert opening <= set(structure._MAY_HIDE)
    assert set(structure._MAY_HIDE) == opening | {"=", "-"}
    # no character of the gate is white space (it would be stripped before the test),
    # and IGNORECASE folds none of them to another code point
    assert not any(c.isspace() for c in structure._MAY_HIDE)
    for c in structure._MAY_HIDE:
        one = re.compile(re.escape(c), re.I).fullmatch
        assert [x for x in CHARS if one(x)] == [c]


def test_no_match_starts_at_a_character_outside_may_hide() -> None:
    tails = ["!-- x -->", "br>", "nbsp;", "x]: https://a.example", "#160;", "", "-->",
             "div>", "a id='x'></a>", "zwj;"]
    comment, invisible = structure._COMMENT.match, structure._INVISIBLE.match
    for c in CHARS[:0x10000]:  # (the structural test above covers every code point)
        if c.isspace() or c in structure._MAY_HIDE:
            continue
        for tail in tails:
            for text in (c + tail, "   " + c + tail):
                assert comment(text) is None and invisible(text) is None, (hex(ord(c)), tail)


EMPTY_SECTION_EDGES = [
    "<!-- todo -->", "<!--", "<!-- a --> text", "\u200b", "\u200b\u200bx", "\ufeff",
    "\u2060 ", "&nbsp;", "&NBSP;", "&nbsp; words", "&amp;", "<br>", "<BR/>", "<b>x</b>",
    "<img src='x.png'>", "[nhs]: https://www.nhs.uk", "   [nhs]: https://www.nhs.uk",
    "    [nhs]: https://www.nhs.uk", "[^1]: A footnote.", "[link](https://a.example)",
    "---", "===", "- item", "-", "=", "= x", "-- x", "***", "text", "Text <!-- c -->",
    "x\u200b", "|a|b|\n|-|-|\n|1|2|", "```\ncode\n```", "> quote", "1. one", "\\<!-- -->",
    "", " ", "\n\n\n", "\\", "<", "&", "[", "\u00a0", "&#160;", "&#x200B;",
    "<!-- a -->\n\n---", "<!-- a -->\n\nText.", "\u200b\n\n===",
]


@pytest.mark.parametrize("space", ["", " ", "\n", *SPACES, "\u00a0\n\u2003 "])
@pytest.mark.parametrize("body", EMPTY_SECTION_EDGES)
def test_empty_section_edges(space: str, body: str) -> None:
    for page in (f"# T\n\nIntro.\n\n## Causes\n\n{space}{body}\n\n## Next\n\nText.\n",
                 f"# T\n\nIntro.\n\n## Causes\n{space}{body}",
                 f"# T\n\nIntro.\n\n## Causes {space}{body}\n\n## Next\n\nText.\n"):
        new, old = _both(page)
        assert new == old, (page, new, old)


@pytest.mark.parametrize("body", [
    "<!-- todo -->", "\u200b", "&nbsp;", "<br>", "[nhs]: https://www.nhs.uk", "\ufeff",
    "\u2060", "&ZeroWidthSpace;", "<div></div>", "<!-- a -->\n\n---"])
@pytest.mark.parametrize("space", ["", "\u00a0", "\u3000 ", "\n\x1c"])
def test_a_body_that_shows_nothing_is_still_empty(space: str, body: str) -> None:
    """Would fail if the gate let a hiding character through (the finding skipped)."""
    if body.startswith("[") and space:
        space = space + "\n   "  # (a link reference definition opens its line)
    page = f"# T\n\nIntro.\n\n## Causes\n\n{space}{body}\n\n## Next\n\nText.\n"
    new, old = _both(page)
    assert [p.message for p in new] == ["section 'Causes' is empty"] == \
        [p.message for p in old]


@pytest.fixture(scope="module")
def open_docs() -> list[Document]:
    return [parse(Source.from_text(p.name, p.read_text(encoding="utf-8", errors="replace")))
            for p in open_paths()]


def test_empty_section_as_before_on_every_open_page(open_docs: list[Document]) -> None:
    gated = 0
    for doc in open_docs:
        assert list(structure.empty_section(doc, {})) == \
            list(_empty_section_before(doc, {})), doc.path
        for s in doc.sections:
            if s.heading is not None and not s.children:
                gated += doc.text[s.heading.end:s.body_end].lstrip()[:1] \
                    not in structure._MAY_HIDE
    assert gated > 1000  # the gate closes on most bodies of the open pages


# -- 2. _STATE_NOW only where the lowered sentence holds "now" ----------------------------
def test_only_n_o_w_fold_to_n_o_w() -> None:
    """The pattern needs `\\bnow\\b` under re.I: the three characters it matches there are
    "n"/"N", "o"/"O", "w"/"W" alone, and str.lower makes "n", "o", "w" of those alone, so
    the match's three characters lowered are "now" in the lowered sentence."""
    assert re.search(r"\\bnow\\b", claimdetect._STATE_NOW.compiled().pattern)
    assert claimdetect._STATE_NOW.compiled().flags & re.I
    lowered = [c.lower() for c in CHARS]
    for letter in "now":
        one = re.compile(letter, re.I).fullmatch
        assert [c for c in CHARS if one(c)] == sorted([letter.upper(), letter])
        assert [c for c, low in zip(CHARS, lowered) if letter in low] == \
            sorted([letter.upper(), letter])


def _gate_open(text: str) -> bool:
    return "now" in text.lower()


STATE_NOW_EDGES = [
    '"Zara is now talking in sentences."', '"We sleep now!"', '"WE SLEEP NOW!"',
    '"We Sleep Now!"', '"we sleep nOw!"', '"Theo is now chatting in full sentences."',
    '"It is snowing now."', '"I know it works."', '"We sleep snow!"', '"I am known now."',
    '"She is NOWHERE now."', '"He is nowhere."', '"They are\u00a0now walking."',
    '"I\u2019m now pain free."', '"Is it working now?"', '"We now open on Saturdays."',
    "We now open on Saturdays.", '"I booked now and then."', "", "now", "NOW", "n o w",
    '"We are \u0130 now."', '"K\u212a is now fine."', '"We are n\u0307ow well."',
]


@pytest.mark.parametrize("text", STATE_NOW_EDGES)
def test_state_now_edges(text: str) -> None:
    m = claimdetect._STATE_NOW.match(text)
    assert m is None or _gate_open(text)


def test_state_now_matches_where_the_gate_opens() -> None:
    """Would fail if the gate were case-sensitive or closed on a real match."""
    for text in ['"WE SLEEP NOW!"', '"We Sleep Now!"', '"Zara is now talking in sentences."',
                 '"They are\u00a0now walking."', '"She is NOWHERE now."']:
        assert claimdetect._STATE_NOW.match(text), text
        assert _gate_open(text), text
    for text in ['"I know it works."', '"It is snowing."', '"He is nowhere."']:
        assert claimdetect._STATE_NOW.match(text) is None


def test_state_now_never_matches_where_the_gate_is_closed() -> None:
    texts = open_sentences()
    texts += [t.upper() for t in texts[:3000]] + STATE_NOW_EDGES
    closed = matched = 0
    for t in texts:
        m = claimdetect._STATE_NOW.match(t)
        matched += m is not None
        if not _gate_open(t):
            closed += 1
            assert m is None, t
    assert closed > 10 * matched and matched > 0


@pytest.mark.parametrize("line", [
    '> "We walk the dog together now!" \u2014 Sam, Hull',
    '> "WE WALK THE DOG TOGETHER NOW!" \u2014 Sam, Hull',
    '> "We walk the dog together Now!" \u2014 Sam, Hull'])
def test_the_veto_keeps_the_state_after_in_any_case(scored_words, line: str) -> None:
    """The model scores the sentence under the veto: only _STATE_NOW keeps the claim.
    Would fail if the gate missed "NOW" (a test of "now" in the raw sentence would)."""
    scored_words("we", "walk", "now", "dog", "the")
    page = _page("What our clients say", line)
    assert [(c, ln, col) for c, ln, col, _ in _found(page)] == [("CL401", 5, 3)]
