"""Fifteenth session, second pass (speed, same findings): each faster form
against the form it replaced, on the open labelled pages, the examples and edge cases."""

from __future__ import annotations

import re

from conditionlint import claimdetect, gated
from conditionlint.yamlrules import lexicon as load
from tests.open_corpus import open_sentences



SENTENCES = open_sentences()
EDGES = [
    "", "Therapy helps.", "THERAPIES cure it", "Light therapy heals", "Our remedies cure",
    "The tablets, taken daily, relieve pain", "One two three four five tablets relieve it",
    "Chiropractors fix backs", "It works wonders", "\u0130njections help", "K\u212aelp eases",
    "remedy remedies remed", "Acupuncture-style needling eases pain", "Pills. Tablets cure.",
]


def _interventions() -> tuple[str, str]:
    d = load("claims")
    extra = [w for w in d.get("structure", {}).get("interventions", []) if " " not in w]
    alts = list(d.get("interventions", [])) + extra
    return gated._by_first_letter(alts), "|".join(alts)  # noqa: SLF001


def test_interventions_are_grouped() -> None:
    grouped, flat = _interventions()
    assert grouped != flat  # (every intervention starts with one ASCII letter)
    lex = claimdetect.lexicon()
    assert lex.treatment_word.pattern == r"\b(?:%s)\b" % grouped


def _claim_patterns_with_interventions() -> list[tuple[str, str]]:
    """(the shipped pattern, the same with the interventions written flat)."""
    grouped, flat = _interventions()
    d = load("claims")
    out = []
    for spec in d["claim-types"].values():
        for p in spec["patterns"]:
            if "{intervention}" in p:
                out.append((claimdetect.spaced(p.replace("{intervention}", grouped)),
                            claimdetect.spaced(p.replace("{intervention}", flat))))
    return out


def test_grouped_patterns_match_as_flat() -> None:
    pairs = _claim_patterns_with_interventions()
    assert len(pairs) >= 5
    texts = SENTENCES + EDGES
    for new, old in pairs:
        a, b = re.compile(new, re.I), re.compile(old, re.I)
        for t in texts:
            assert [(m.span(), m.groups()) for m in a.finditer(t)] == \
                [(m.span(), m.groups()) for m in b.finditer(t)], (old[:60], t)


def test_grouped_patterns_keep_the_flat_gates() -> None:
    # the grouped form alone would lose words ("t(?:herapy|...)"): gated as the flat
    shipped = {p for _n, _l, rxs in claimdetect.lexicon().types for rx in rxs
               for p in rx.patterns}
    pairs = _claim_patterns_with_interventions()
    lost = 0
    for new, old in pairs:
        assert new in shipped
        assert gated.gate(new, re.I) == gated.required_sets(old, re.I)
        assert gated.required_sets(new, re.I) == gated.required_sets(old, re.I)
        lost += gated._required_sets(new, re.I) != gated._required_sets(old, re.I)  # noqa: SLF001
    assert lost  # (what gate_as is for)


def test_gate_as_ignores_the_same_text() -> None:
    gated.gate_as("abc", "abc")
    assert ("abc", "abc") not in gated._gate_swaps  # noqa: SLF001


def test_percent_is_a_usable_literal() -> None:
    rx = re.compile("%", re.I)
    assert [c for c in map(chr, range(0x110000)) if rx.fullmatch(c)] == ["%"]
    assert gated.required_sets(r"\b95\s?% ?CI\b", re.I) == (
        frozenset({gated.DIGIT}), frozenset({"%"}))
    assert gated.required_sets(r"\b(?:by|of) (?:about )?\d+(?:\.\d+)?\s?%", re.I) == (
        frozenset({gated.DIGIT}), frozenset({"%"}))


def test_percent_gates_hold_in_every_match() -> None:
    lex = claimdetect.lexicon()
    pats = {p for _n, _l, rxs in lex.types for rx in rxs for p in rx.patterns}
    with_percent = [p for p in pats
                    if any("%" in r for r in gated.gate(p, re.I))]
    assert len(with_percent) >= 5
    texts = SENTENCES + EDGES + ["95% CI", "by 30 %", "a 20% reduction", "in 5% vs",
                                 "96% accurate", "30\uff05 of people"]
    for p in with_percent:
        rx = re.compile(p, re.I)
        for t in texts:
            if rx.search(t):
                assert "%" in t, (p[:60], t)


def test_plural_subject_look_ahead_changes_no_match() -> None:
    d = load("claims")
    new = [p for spec in d["claim-types"].values() for p in spec["patterns"]
           if p.startswith(r"\b(?:(?=\w+s\s)(?!(?:its|")]
    assert len(new) == 1
    old = new[0].replace(r"(?=\w+s\s)", "", 1)
    a = re.compile(claimdetect.spaced(new[0]), re.I)
    b = re.compile(claimdetect.spaced(old), re.I)
    texts = SENTENCES + EDGES + [
        "Supplements reduce pain", "supplements\treduce", "its reduce", "Sessions gently ease",
        "they reduce it", "s reduce", "ss reduce", "\u017fs reduce", "creams\u017f reduce",
        "Tablets\n  relieve", "plus reduce", "Herbs naturally calm nerves", "abcs"]
    for t in texts:
        assert [(m.span(), m.groups()) for m in a.finditer(t)] == \
            [(m.span(), m.groups()) for m in b.finditer(t)], t
