"""conditionlint.gated: the gated alternation finds exactly what the joined pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conditionlint import claimdetect
from conditionlint.gated import Alternation, required_literals
from conditionlint.parser import parse
from conditionlint.source import Source

ROOT = Path(__file__).resolve().parents[1]


def _spans(ms) -> list[tuple[int, int]]:
    return [m.span() for m in ms]


def _all_alternations() -> list[Alternation]:
    lex = claimdetect.lexicon()
    alts = [lex.exclusions, lex.reasons, lex.hedges, lex.strong, *lex.vague]
    for _name, _label, rxs in lex.types:
        alts.extend(rxs)
    from conditionlint.checks import wording
    from conditionlint.yamlrules import lexicon

    for group in lexicon("risky-wording"):
        anyrx, pairs, unless, not_within = wording._matchers(group)  # noqa: SLF001
        alts += [anyrx, unless, *not_within, *(rx for pair in pairs for rx in pair)]
    return [a for a in alts if isinstance(a, Alternation)]


@pytest.mark.parametrize(("pattern", "expected"), [
    # sre folds the common prefix 'e'; " reduce": it must start a word (after "\b")
    (r"\breduc(?:es|ed)\b", {" reduce"}),
    (r"(?:ease|relie)\w*", {"ease", "relie"}),
    (r"\b(?:is|are)\s+(?:proven|effective)", {" proven", " effective"}),
    (r"(?P<verb>helps?)\s+with", {" with"}),  # (a tie with "help": the marked first)
    (r"colou?r", {"colo"}),
    (r"(?!no)\bworks?\b", {" work"}),  # look-aheads are not required text
    (r"\b(?:can|could|may)\b", {" can ", " could ", " may "}),  # whole words
    (r"\bcan(?!not)\s", {" can "}),  # a look-around between changes nothing
    (r"^try\b", {" try "}),
    (r"\b(?:(?!not)\w+ )?cures\b", {"cures "}),  # after an optional group: unknown
    (r"x-ray\b", {"x-ray"}),  # not made of word characters: no marks
    (r"(?a)\bcan\b", {"can"}),  # ASCII "\b" is not the index's word edge
    (r"\bcan(?i:x)", {" can"}),
])
def test_required_literals(pattern: str, expected: set[str]) -> None:
    assert required_literals(pattern, re.IGNORECASE) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    r"ab+c",  # no literal of three characters is required
    r"(?:optional)?\s+x",  # an optional group is not required
    r"(?x) verbose  mode",  # verbose mode: white space means nothing, not gated
    r"[a-z]+ly",
    r"a|bc|def",  # a branch without a long enough literal
])
def test_ungated_patterns(pattern: str) -> None:
    assert required_literals(pattern, re.IGNORECASE) is None


def test_a_required_digit_is_a_gate() -> None:
    from conditionlint.gated import DIGIT

    assert required_literals(r"\bp\s?[<=]\s?0?\.\d", re.I) == frozenset({DIGIT})
    assert required_literals(r"\bin\s+[0-9]+\s?%", re.I) == frozenset({DIGIT})
    assert required_literals(r"\bRR\s*=\s*[^0-9]", re.I) is None  # a negated class
    # "95" is too short a literal, but it holds a digit (tenth session)
    assert required_literals(r"\b95\s?%\s+?CI\b", re.I) == frozenset({DIGIT})
    alt = Alternation([r"\bp\s?<\s?0?\.\d"])
    assert alt.search("no numbers here, p < x") is None
    assert alt.search("significant (p < 0.05)").span() == (13, 20)
    # \d matches every decimal digit, not only ASCII ones: so does the gate
    assert alt.search("p<.\u0663").span() == (0, 4)


def test_case_folding_exceptions_are_complete() -> None:
    """Under re.IGNORECASE an ASCII character matches only characters whose lower case
    is its own lower case, except the three the gate bypasses; checked over every
    code point."""
    from conditionlint.gated import FOLD_EXCEPTIONS

    found = set()
    printable = re.compile(r"[!-~]", re.IGNORECASE)  # any ASCII character but space and controls
    for cp in range(128, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if printable.fullmatch(ch):
            # ch matches some ASCII character c; the gate is safe when that is because
            # ch.lower() is c's lower case (Kelvin sign -> 'k')
            low = ch.lower()
            if not (len(low) == 1 and low.isascii()):
                found.add(ch)
    assert found == {"\u0130", "\u0131", "\u017f"}
    assert all(FOLD_EXCEPTIONS.fullmatch(ch) for ch in found)


def _check_same(alt: Alternation, text: str) -> None:
    joined = re.compile(alt.pattern or r"(?!)", re.IGNORECASE)
    m1, m2 = alt.search(text), joined.search(text)
    assert (m1 and m1.span()) == (m2 and m2.span()), (alt.pattern[:80], text)
    assert _spans(alt.finditer(text)) == _spans(joined.finditer(text)), text
    for pos in (1, len(text) // 2):
        m1, m2 = alt.search(text, pos), joined.search(text, pos)
        assert (m1 and m1.span()) == (m2 and m2.span()), (pos, text)


def _corpus_sentences() -> list[str]:
    out: list[str] = []
    # never the blind sets: a failure here would print their sentences
    pages = [p for split in ("dev", "heldout", "heldout2")
             for p in sorted((ROOT / "tests" / "corpus" / split).glob("*.md"))]
    for page in pages[:60]:
        doc = parse(Source.from_text(page.name, page.read_text(encoding="utf-8")))
        out.extend(s.text for s in doc.sentences)
    return out


def test_same_matches_as_the_joined_pattern_on_corpus_sentences() -> None:
    sentences = _corpus_sentences()
    assert len(sentences) > 1000
    alts = _all_alternations()
    matched = 0
    for text in sentences:
        for alt in alts:
            _check_same(alt, text)
            matched += alt.search(text) is not None
    assert matched > 500  # the comparison saw real matches, not only misses


def test_fold_exceptions_bypass_the_gate() -> None:
    alt = Alternation([r"\bsafe\b", r"\bcures?\b"])
    # 'ſ' (long s) matches 's' under re.IGNORECASE, though 'ſ'.lower() is not 's'
    assert alt.search("totally \u017fafe").span() == (8, 12)
    assert alt.search("it cures").span() == (3, 8)
    assert alt.search("nothing here") is None


def test_every_requirement_must_hold() -> None:
    from conditionlint.gated import required_sets

    sets = required_sets(r"\bcuts?\s+(?:the\s+)?risk\s+of\s+(?:migraine|headache)", re.I)
    assert set(sets) == {frozenset({" cut"}), frozenset({"risk "}),
                         frozenset({" migraine", " headache"})}
    assert sets[0] == frozenset({" migraine", " headache"})  # the most selective first
    alt = Alternation([r"\bcuts?\s+(?:the\s+)?risk\s+of\s+(?:migraine|headache)"])
    assert alt.search("it cuts the risk of migraine").span() == (3, 28)
    assert alt.search("migraine: cut the cost") is None  # 'risk' is missing


def test_ties_go_to_the_earlier_alternative() -> None:
    alt = Alternation([r"reduces pain", r"reduces"])
    assert alt.search("it reduces pain").span() == (3, 15)
    alt = Alternation([r"reduces", r"reduces pain"])
    assert alt.search("it reduces pain").span() == (3, 10)


def test_empty_matches_fall_back_to_re() -> None:
    alt = Alternation([r"x*"])
    assert _spans(alt.finditer("axxb")) == _spans(re.finditer(r"(?:x*)", "axxb", re.IGNORECASE))


_WORDS = ["reduces", "pain", "may", "help", "studies", "show", "proven", "safe", "cure",
          "not", "no", "evidence", "that", "\u017f", "\u0130", "effective", "treatment",
          "acupuncture", "significantly", "%", "50", "relieves", "symptoms", "."]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=25))
def test_same_matches_on_generated_text(words: list[str]) -> None:
    text = " ".join(words)
    for alt in _all_alternations():
        _check_same(alt, text)


def test_gate_table_is_current(tmp_path: Path) -> None:
    """rules/pattern-gates.json holds the gates of the shipped lexicons; regenerate it
    with `python -m conditionlint.gated` after changing a lexicon."""
    from conditionlint import gated
    from conditionlint.resources import data_dir

    fresh = tmp_path / "gates.json"
    gated.write_table(str(fresh))
    shipped = data_dir("rules") / "pattern-gates.json"
    assert fresh.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), (
        "rules/pattern-gates.json is stale: run `python -m conditionlint.gated`")


def test_table_entries_equal_computed_gates() -> None:
    import json

    from conditionlint import gated
    from conditionlint.resources import data_dir

    table = json.loads((data_dir("rules") / "pattern-gates.json").read_text("utf-8"))
    lex = claimdetect.lexicon()
    checked = 0
    for alt in _all_alternations():
        for p in alt._patterns:  # noqa: SLF001
            key = gated._key(p, re.IGNORECASE)  # noqa: SLF001
            assert key in table
            want = gated.required_sets(p, re.IGNORECASE)
            assert table[key] == ([sorted(r) for r in want] or None)
            checked += 1
    assert lex and checked > 100


def test_a_pattern_missing_from_the_table_is_gated_at_run_time() -> None:
    alt = Alternation([r"\bnot-in-any-table-(?:yes|no)\b"])
    assert alt.search("x not-in-any-table-yes y").span() == (2, 22)
    assert alt.search("unrelated text") is None


# -- the match method, first-character guards, the structure's word lists ---------------
def test_match_is_the_joined_match() -> None:
    alt = Alternation([r"\bpain\s+relief\b", r"\bpain\b", r"\brelie(?:f|ves)\b", r"x*"])
    joined = re.compile(alt.pattern, re.IGNORECASE)
    for text, pos in [("pain relief now", 0), ("Pain, relief", 0), ("no pain", 3),
                      ("no pain", 2), ("relieves", 0), ("xx pain", 0), ("abc", 0)]:
        m1, m2 = alt.match(text, pos), joined.match(text, pos)
        assert (m1 and m1.span()) == (m2 and m2.span()), (text, pos)


@pytest.mark.parametrize(("pattern", "guard"), [
    (r"\b(?:may|might|can)\b", "(?=[cm])"),
    (r"(?<!get\s)\bhelps", "(?=[h])"),
    (r"\d+%", r"(?=[\d])"),
    (r"^\W*(?:ask|see)", ""),  # \W* may match nothing: the first character is unknown
    (r"(?i:abc)", ""),  # scoped flags
    (r"(?i)abc", ""),  # global inline flags must stay first
    (r"(?:a|)b", "(?=[ab])"),  # an alternative that consumes nothing: "b" follows
    (r"[^a]b", ""),
    # optional items (tenth session): their first characters and those that follow
    (r"\b(?:S?MD|RR)\s*=", "(?=[MRS])"),
    (r"\b(?:a\s+|an\s+)?(?:clear|strong)\s+link", "(?=[acs])"),
    (r"(?:ab)?", ""),  # may match the empty string
    (r"\W?x", ""),  # (nearly) any character: no guard
    # an alternative anchored at the start: "^" holds there, or the others' characters
    (r"\bfoo|^\W{,4}bar", "(?:^|(?=[f]))"),
    (r"\bfoo|\Abar", "(?=[bf])"),  # (told without the anchor: as before)
    (r"^\W{,4}bar", ""),  # anchored: re itself tries the start only
])
def test_first_char_guard(pattern: str, guard: str) -> None:
    from conditionlint.gated import first_char_guard

    assert first_char_guard(pattern, re.IGNORECASE) == guard


def _structure_sentences() -> list[str]:
    texts = _corpus_sentences()
    # letters re.IGNORECASE folds unlike lower(), and upper case
    return texts + [t.upper() for t in texts[:300]] + [
        t.replace("i", "\u0131").replace("s", "\u017f") for t in texts[:300]]


def test_structure_word_lists_find_what_one_pattern_finds() -> None:
    from conditionlint import claimstructure as cs
    from conditionlint.yamlrules import lexicon

    st_ = cs.structure()
    assert st_ is not None
    d = lexicon("claims")
    words = list(d.get("interventions", [])) + list(d["structure"].get("interventions", []))
    intervention = re.compile(r"\b(?:%s)\b" % cs._words(words), re.IGNORECASE)  # noqa: SLF001
    effect = re.compile(r"\b(?:%s)\b" % (cs._verb_alternatives(  # noqa: SLF001
        d["structure"].get("effect-verbs", [])) or r"(?!)"), re.IGNORECASE)
    found = 0
    for text in _structure_sentences():
        m1, m2 = st_.intervention.search(text), intervention.search(text)
        assert (m1 and m1.span()) == (m2 and m2.span()), text
        found += m1 is not None
        for pos in (0, len(text) // 3):
            m1, m2 = st_.intervention.match(text, pos), intervention.match(text, pos)
            assert (m1 and m1.span()) == (m2 and m2.span()), (text, pos)
        assert _spans(st_.effect.finditer(text)) == _spans(effect.finditer(text)), text
    assert found > 100


class _Counting:
    """A compiled pattern that counts its searches."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx, self.searches = rx, 0

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        self.searches += 1
        return self.rx.search(text, pos, endpos)


def test_finditer_asks_an_alternative_again_only_when_it_is_passed() -> None:
    # one alternative matches often, another passes its gate ("heal") and never
    # matches: it was searched again to the end after every match (quadratic)
    alt = Alternation([r"\bdoes not usually\b", r"\bheals? (?:by|with)\b", r"\bheal\b"])
    text = "does not usually heal x " * 200
    counters = [_Counting(alt._rx(i)) for i in range(3)]  # noqa: SLF001
    alt._compiled[:] = counters  # noqa: SLF001
    alt._twins[:] = counters  # (an ASCII text is searched with the ASCII twins)  # noqa: SLF001
    got = _spans(alt.finditer(text))
    assert got == _spans(alt.joined().finditer(text))
    assert len(got) == 400
    # the one that never matches: once; the two that match: about once a match
    assert counters[1].searches == 1
    assert counters[0].searches <= 201 and counters[2].searches <= 201


# -- ASCII twins (tenth session) ------------------------------------------------------
def test_ascii_folds_are_complete() -> None:
    """The non-ASCII characters that re.IGNORECASE equates with an ASCII character, in
    a pattern or in a text, are the four gated.ASCII_FOLDS (every code point checked)."""
    from conditionlint.gated import ASCII_FOLDS

    ascii_set = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    found = set()
    for cp in range(128, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        lit = re.compile(re.escape(ch), re.IGNORECASE)
        if ascii_set.fullmatch(ch) or any(lit.fullmatch(chr(a)) for a in (
                ord(ch.lower()[0]), ord(ch.upper()[0])) if a < 128):
            found.add(ch)
    assert found == set(ASCII_FOLDS)


def test_ascii_and_unicode_classes_agree_on_ascii_but_separators() -> None:
    """\\w, \\d, \\s and \\b are the same in ASCII and Unicode mode on every ASCII
    character but "\\x1c"-"\\x1f" (Unicode white space): texts with those are searched
    with the Unicode patterns (gated.plain_ascii)."""
    from conditionlint.gated import plain_ascii

    for cls in (r"\w", r"\d", r"\s", r"\W", r"\D", r"\S"):
        uni, asc = re.compile(cls, re.I), re.compile(cls, re.I | re.A)
        differ = {chr(c) for c in range(128)
                  if bool(uni.fullmatch(chr(c))) != bool(asc.fullmatch(chr(c)))}
        assert differ <= {"\x1c", "\x1d", "\x1e", "\x1f"}, cls
    assert plain_ascii("plain text") and not plain_ascii("a\x1fb")
    assert not plain_ascii("caf\u00e9")


def test_ascii_twin() -> None:
    from conditionlint.gated import ascii_twin

    assert ascii_twin(r"\bcan\b", re.I).flags & re.ASCII
    assert ascii_twin(r"\u017fafe", re.I) is None  # the long s matches "s"
    assert ascii_twin(r"[\u0100-\u0200]x", re.I) is None  # a range holding it
    assert ascii_twin(r"(?u:x)y", re.I) is None
    assert ascii_twin(r"can", 0) is None  # no IGNORECASE: nothing to gain
    alt = Alternation([r"\bcan\b\s+help", r"\u017fafe"])
    assert alt.search("It can\x1chelp").span() == (3, 11)  # "\x1c" is "\s" to Unicode
    assert alt.search("totally safe").span() == (8, 12)
    assert alt.search("CAN HELP").span() == (0, 8)


def test_word_edge_gates_and_endpos() -> None:
    """A gate literal that must end a word does not let "cancer" through; a search
    that stops before the text's end sees the text cut there (re's "\\b" does)."""
    alt = Alternation([r"\bcan\b"])
    assert alt.search("cancer care") is None
    assert alt.search("scan it") is None
    assert alt.search("it can") .span() == (3, 6)
    assert alt.search("cans", 0, 3).span() == (0, 3)
    assert alt.search("scan", 1) is None  # re looks before pos
    assert alt.match("cans", 0, 3).span() == (0, 3)


def test_gated_search_skips_texts_without_the_words() -> None:
    """gated.Gated (the safety lexicons' elements): a text without a literal of each
    requirement is not searched; otherwise, and for a text cut at endpos or holding a
    case-folding exception, the pattern's own answer."""
    from conditionlint.gated import Gated, gated_search

    pattern = r"\bresults?\s+(?:may\s+)?vary\b"
    plain = re.compile(pattern, re.I | re.M)
    rx = gated_search(plain, pattern, re.I | re.M)
    assert isinstance(rx, Gated)
    texts = ["Results may vary.", "results\nvary", "no match here", "result varies",
             "RESULTS VARY", "re\u017fults vary", "the results vary a lot"]
    for text in texts:
        for pos, endpos in ((0, len(text)), (3, len(text)), (0, 12)):
            m1, m2 = rx.search(text, pos, endpos), plain.search(text, pos, endpos)
            assert (m1 and m1.span()) == (m2 and m2.span()), (text, pos, endpos)
            m1, m2 = rx.match(text, pos, endpos), plain.match(text, pos, endpos)
            assert (m1 and m1.span()) == (m2 and m2.span()), (text, pos, endpos)
        assert _spans(rx.finditer(text)) == _spans(plain.finditer(text))
    assert rx.pattern == pattern and rx.flags == plain.flags
    assert gated_search(re.compile("ab", re.I), "ab", re.I).__class__ is re.Pattern
