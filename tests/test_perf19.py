"""Seventeenth session (speed, same findings): each faster form against the form it
replaced, on the open labelled pages, the examples and edge cases."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from conditionlint import citations, claimdetect, gated
from conditionlint.checks import safety
from conditionlint.yamlrules import lexicon as load
from tests.open_corpus import open_paths, open_sentences

SENTENCES = open_sentences()
SAMPLE = SENTENCES[::12]  # (every alternation over every sentence took minutes)
EDGES = [
    "", " ", "It helps.", "Acupuncture relieves pain.", "ACUPUNCTURE CURES IT",
    "\u0130njections help the pain", "K\u212aelp eases cramps", "\ufb01sh oil reduces swelling",
    "Massage may reduce pain, but it does not cure it.", "They usually clear up in a week.",
    "Smoking damages the lining of your airways.", "Stress thins the hair.",
    "It may help, it may help, it may help.", "may may may", "A & E", "A&E", "a\u00a0&\u00a0e",
]


def _old_finditer(rx: gated.Alternation, text: str,
                  cands: tuple[int, ...]) -> Iterator[re.Match[str]]:
    """The form replaced: Alternation._finditer as a generator from the first search."""
    if gated.plain_ascii(text):
        compiled, get = rx._twins, rx._twin  # noqa: SLF001
    else:
        compiled, get = rx._compiled, rx._rx  # noqa: SLF001
    nxt: dict[int, re.Match[str] | None] = {}
    pos = 0
    while pos <= len(text):
        best = None
        for i in cands:
            m = nxt.get(i, gated._UNSET)  # noqa: SLF001
            if m is gated._UNSET or (m is not None and m.start() < pos):  # noqa: SLF001
                m = nxt[i] = (compiled[i] or get(i)).search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        if best.start() == best.end():
            yield from rx.joined().finditer(text, pos)
            return
        yield best
        pos = best.end()


def _alternations() -> list[gated.Alternation]:
    lex = claimdetect.lexicon()
    out = [rx for _, _, rxs in lex.types for rx in rxs]
    out += [lex.exclusions, lex.reasons, lex.hedges, lex.strong, lex.plain_exclusions]
    out += list(lex.vague)
    return out


def _spans(ms: Iterator[re.Match[str]]) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), m.re.groups) for m in ms]


def test_finditer_finds_what_the_generator_found() -> None:
    texts = SAMPLE + EDGES + [t.upper() for t in EDGES]
    for rx in _alternations():
        for k, text in enumerate(texts):
            cands = rx._candidates(text)  # noqa: SLF001
            got = _spans(rx.finditer(text))
            assert got == _spans(_old_finditer(rx, text, cands)), (rx.patterns[:1], text)
            assert got == _spans(rx.finditer_in(text, cands)), text
            if k % 8 == 0 or k >= len(SAMPLE):
                # every alternative, not only the gated candidates: the same matches
                got = _spans(rx.finditer_in(text, rx._all))  # noqa: SLF001
                assert got == _spans(_old_finditer(rx, text, rx._all)), text  # noqa: SLF001


def test_finditer_remembers_its_first_match_as_the_last_search() -> None:
    for rx in _alternations()[:40]:
        for text in SAMPLE[:300] + EDGES:
            it = rx.finditer(text)
            first = next(iter(it), None)
            want = rx.joined().search(text)
            last = rx._last_search  # noqa: SLF001
            if last is not None and last[0] is text:
                got = last[3]
                assert (got is None) == (want is None), text
                if got is not None and want is not None:
                    assert got.span() == want.span(), text
            if first is not None and want is not None and want.start() != want.end():
                assert first.span() == want.span(), text


def test_nothing_found_is_the_shared_empty_iterator() -> None:
    lex = claimdetect.lexicon()
    assert lex.hedges.finditer("Book online today.") is gated._NOTHING  # noqa: SLF001
    assert lex.hedges.finditer_in("Book online today.", lex.hedges._all) is gated._NOTHING  # noqa: SLF001
    assert [m.group() for m in lex.hedges.finditer("It may help and might not.")] == [
        "may", "might"]


def test_search_with_one_candidate_is_the_loop() -> None:
    for rx in _alternations():
        for text in SAMPLE[:300] + EDGES:
            cands = rx._candidates(text)  # noqa: SLF001
            for i in cands:
                m = rx._search(text, (i,), 0, sys.maxsize)  # noqa: SLF001
                want = rx._rx(i).search(text)  # noqa: SLF001
                assert (m is None) == (want is None), text
                if m is not None and want is not None:
                    assert m.span() == want.span(), text


def test_clause_patterns_gated_find_what_they_found() -> None:
    clauses = load("claims").get("clause-patterns", {})
    assert clauses
    for name, pattern in clauses.items():
        rx = claimdetect._clause(name)  # noqa: SLF001
        plain = gated.twinned(gated.compile_guarded(pattern, re.I))
        for text in SENTENCES[::4] + EDGES:
            a, b = rx.search(text), plain.search(text)
            assert (a is None) == (b is None), (name, text)
            if a is not None and b is not None:
                assert a.span() == b.span() and a.groupdict() == b.groupdict(), (name, text)
            a, b = rx.match(text), plain.match(text)
            assert (a is None) == (b is None), (name, text)
            assert [m.span() for m in rx.finditer(text)] == [
                m.span() for m in plain.finditer(text)], (name, text)
            if len(text) > 10:
                a, b = rx.search(text, 5), plain.search(text, 5)
                assert (a is None) == (b is None), (name, text)
    # the harm verbs have a gate (the pattern searched in most sentences)
    assert isinstance(claimdetect._clause("harm-verb"), gated.Gated)  # noqa: SLF001


def test_id_hint_gate_is_the_computed_one() -> None:
    want = gated._gate(citations._ID_HINT_PATTERN, re.I)  # noqa: SLF001
    assert tuple(citations._ID_HINT._reqs) == gated.Gated(  # noqa: SLF001
        citations._ID_HINT._rx, want)._reqs  # noqa: SLF001


def test_id_hint_finds_what_the_pattern_finds() -> None:
    plain = re.compile(citations._ID_HINT_PATTERN, re.I)  # noqa: SLF001
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in open_paths()]
    texts += [line for t in texts for line in t.splitlines()]
    texts += ["see doi:10.1/x", "PMID: 123", "PubMed  ID 4", "PMC77", "NCT0123", "xdoi:",
              "apmid", "DO\u0130:1", "\u0130 pmc1", "(doi:10.1136/bmj.m1234)", "pmid\u00a0",
              "PUBMED\nID 5", "xpmc1", "nct"]
    for text in texts:
        a, b = citations._ID_HINT.search(text), plain.search(text)  # noqa: SLF001
        assert (a is None) == (b is None), text
        if a is not None and b is not None:
            assert a.span() == b.span(), text


def test_ampersand_is_matched_by_itself_alone() -> None:
    # (as for "%": no other character matches "&" under any flag)
    for flags in (re.I, re.I | re.A, 0):
        rx = re.compile("&", flags)
        assert [c for c in map(chr, range(sys.maxunicode + 1)) if rx.fullmatch(c)] == ["&"]
    assert "&" in gated._SHORT_USABLE  # noqa: SLF001
    assert gated._gate(r"\bA\s*&\s*E\b", re.I | re.M) == (frozenset({"&"}),)  # noqa: SLF001


def test_emergency_element_gated_and_every_match_passes_its_gate() -> None:
    lex = safety.lexicon()
    el = lex.element("emergency")
    assert el is not None
    rx = el[2]
    assert isinstance(rx, gated.Gated)
    inner = rx._rx  # noqa: SLF001
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in open_paths()]
    texts += [line for t in texts for line in t.splitlines()]
    texts += ["Go to A&E.", "go to a & e now", "A\u00a0&\u00a0E", "In an emergency, call 999.",
              "A&Ex", "xA&E"]
    for text in texts:
        a, b = rx.search(text), inner.search(text)
        assert (a is None) == (b is None), text
        if a is not None and b is not None:
            assert a.span() == b.span(), text
