"""Sixteenth session (speed, same findings): each faster form against the form it
replaced, on the open labelled pages, the examples and edge cases."""

from __future__ import annotations

from conditionlint import claimdetect
from conditionlint.document import Document
from conditionlint.parser import parse
from conditionlint.source import Source
from tests.open_corpus import open_paths, open_sentences

SENTENCES = open_sentences()
EDGES = [
    "", " ", "It helps.", "Acupuncture relieves pain.", "ACUPUNCTURE CURES IT",
    "\u0130njections help the pain", "K\u212aelp eases cramps", "\ufb01sh oil reduces swelling",
    "Massage may reduce pain, but it does not cure it.", "They usually clear up in a week.",
]


def _old_live_types(lex: claimdetect.Lexicon, text: str) -> list[tuple[str, str, object]]:
    """The form replaced: the live members (as a set), then lex.types walked in order."""
    live = frozenset(lex.type_alternations.live(text))
    return [(name, label, rx) for name, label, rxs in lex.types for rx in rxs if rx in live]


def test_live_in_is_the_live_set_in_order() -> None:
    lex = claimdetect.lexicon()
    items = claimdetect._types_of(lex)  # noqa: SLF001
    assert [(n, lb, rx) for (n, lb), rx in items] == [
        (n, lb, rx) for n, lb, rxs in lex.types for rx in rxs]
    for text in SENTENCES + EDGES:
        got = lex.type_alternations.live_in(text, items)
        assert [(n, lb, rx) for (n, lb), rx, _ in got] == _old_live_types(lex, text), text
        for _, rx, cands in got:
            # the candidates are the ones finditer asks its gates for
            assert cands == rx._candidates(text), text  # noqa: SLF001


def test_finditer_in_finds_what_finditer_finds() -> None:
    lex = claimdetect.lexicon()
    items = claimdetect._types_of(lex)  # noqa: SLF001
    for text in SENTENCES[::3] + EDGES:
        for _, rx, cands in lex.type_alternations.live_in(text, items):
            new = [(m.span(), m.group(), m.re.pattern) for m in rx.finditer_in(text, cands)]
            old = [(m.span(), m.group(), m.re.pattern) for m in rx.finditer(text)]
            assert new == old, text
    rx = items[0][1]
    assert list(rx.finditer_in("anything", ())) == []


def test_first_affirmed_with_candidates() -> None:
    lex = claimdetect.lexicon()
    items = claimdetect._types_of(lex)  # noqa: SLF001
    for text in SENTENCES[::2] + EDGES:
        for _, rx, cands in lex.type_alternations.live_in(text, items):
            for descriptive, lo in ((False, 0), (True, 0), (False, 5)):
                a = claimdetect._first_affirmed(rx, text, descriptive, lo)  # noqa: SLF001
                b = claimdetect._first_affirmed(rx, text, descriptive, lo, cands)  # noqa: SLF001
                assert (a and (a.span(), a.re.pattern)) == (b and (b.span(), b.re.pattern))


def test_hedge_test_only_where_a_type_is_allowed(monkeypatch) -> None:  # noqa: ANN001
    """rule_claims asks the hedge test only where a claim type is allowed (with none,
    the allowed types are empty either way); its claims and candidates are those of
    a run that asks it everywhere."""
    asked: list[str] = []
    hedged = claimdetect._hedged  # noqa: SLF001

    def counting(text: str, lex: claimdetect.Lexicon) -> bool:
        asked.append(text)
        return hedged(text, lex)

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in open_paths()[:60]]
    before = []
    for text in texts:
        doc: Document = parse(Source.from_text("page.md", text))
        before.append(claimdetect.rule_claims(doc))
    monkeypatch.setattr(claimdetect, "_hedged", counting)
    for text, old in zip(texts, before):
        doc = parse(Source.from_text("page.md", text))
        assert claimdetect.rule_claims(doc) == old
    page = parse(Source.from_text(
        "page.md", "# Widget pain\n\n## Treatment\n\nMassage may ease the pain. It can help.\n"))
    asked.clear()
    claimdetect.rule_claims(page)
    assert asked == []  # (treatment prose: no type is allowed, nothing to ask)
