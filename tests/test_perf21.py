"""Eighteenth session (speed, same findings): each faster form against the form it
replaced, on the open labelled pages, the examples and edge cases."""

from __future__ import annotations

import dataclasses
import gc
import re
import sys

import pytest

from conditionlint import claimdetect, claimmodel, gated
from conditionlint.checks import safety
from conditionlint.document import Block
from tests.open_corpus import open_paths, open_sentences

SENTENCES = open_sentences()
EDGES = [
    "", " ", "?", "(", "Is it safe?", "is it safe ?", "(n = 40)", "\u0130s it safe?",
    "K\u212aelp eases cramps?", "It helps 2\u00b2 people", "\u00b2", "\u0663 days", "x\x1cy?",
    "Call 999 or go to A&E.", "HONcode", "phone us", "doi:10.1000/1", "pmid 123",
]


# -- 1. Cue, Claim and Candidate: slotted, built by fast_init --------------------------------
@pytest.mark.parametrize("cls", [claimdetect.Cue, claimdetect.Claim, claimdetect.Candidate])
def test_claim_classes_are_slotted_and_fast_built(cls: type) -> None:
    assert "__slots__" in cls.__dict__
    assert "_set0" in cls.__init__.__code__.co_names  # (fast_init's, not the generated one)
    params = cls.__dataclass_params__
    assert params.frozen and params.eq and not params.unsafe_hash


def _block() -> Block:
    from conditionlint.parser import parse
    from conditionlint.source import Source

    return parse(Source.from_text("p.md", "# T\n\nSome text here.\n")).blocks[-1]


def test_claim_classes_build_as_the_generated_init_did() -> None:
    cue = claimdetect.Cue("efficacy", "efficacy claim", "cures", 3, 8)
    assert (cue.type, cue.label, cue.text, cue.start, cue.end, cue.fallback) == (
        "efficacy", "efficacy claim", "cures", 3, 8, False)
    assert claimdetect.Cue(type="a", label="b", text="c", start=1, end=2, fallback=True) \
        == claimdetect.Cue("a", "b", "c", 1, 2, True)
    assert hash(cue) == hash(claimdetect.Cue("efficacy", "efficacy claim", "cures", 3, 8))
    assert repr(cue) == ("Cue(type='efficacy', label='efficacy claim', text='cures', start=3, "
                         "end=8, fallback=False)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        claimdetect.Cue("a", "b", "c", 1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        claimdetect.Cue("a", "b", "c", 1, 2, False, 9)  # type: ignore[call-arg]
    claim = claimdetect.Claim(0, 10, cue, (), False, 3)
    assert (claim.inherited, claim.by_model, claim.sentence, claim.cue) == (False, False, 3, cue)
    assert dataclasses.replace(claim, by_model=True).by_model is True
    assert claimdetect.Claim(start=0, end=10, cue=cue, citations=(), hedged=False,
                             sentence=3) == claim
    b = _block()
    cand = claimdetect.Candidate(1, 2, 9, "text", frozenset({"causes"}), b)
    assert (cand.sentence, cand.start, cand.end, cand.masked, cand.kinds, cand.block) == (
        1, 2, 9, "text", frozenset({"causes"}), b)
    assert cand.features() == claimdetect.model_features("text", frozenset({"causes"}), b)


# -- 2. the claim model's digit feature -------------------------------------------------------
def test_ascii_digit_search_is_isdigit_on_ascii() -> None:
    for c in map(chr, range(128)):
        assert (claimmodel._ASCII_DIGIT.search(c) is not None) == c.isdigit(), repr(c)  # noqa: SLF001
    # (outside ASCII, str.isdigit is wider than "\d": the old scan is kept there)
    assert "\u00b2".isdigit() and re.search(r"\d", "\u00b2") is None


def _old_features(text: str, kinds: frozenset[str], **kw: bool) -> list[str]:
    """The form replaced: the digit test as any(map(str.isdigit, text)) in every text."""
    got = claimmodel.features(text, kinds, **kw)
    digit = any(map(str.isdigit, text))
    assert ("shape:digit" in got) == digit, text
    return got


def test_features_same_digit_feature_on_open_sentences() -> None:
    for text in SENTENCES + EDGES:
        for kinds in (frozenset(), frozenset({"causes", "treatment"})):
            _old_features(text, kinds, list_item=True, hedged=True)


# -- 3. Gated._may: the plain literals first ---------------------------------------------------
def _old_may(rx: gated.Gated, text: str, endpos: int) -> bool:
    """The form replaced (Gated._may before the eighteenth session)."""
    if endpos < len(text):
        return True
    low = "" if gated.has_fold_exception(text) else text.lower()
    if not low:
        return True
    for r in rx._reqs:  # noqa: SLF001
        for lit, first, last in r:
            if lit == gated.DIGIT:
                if gated._ANY_DIGIT.search(low) is not None:  # noqa: SLF001
                    break
            elif lit in low and (not (first or last)
                                 or gated._at_edges(low, lit, first, last)):  # noqa: SLF001
                break
        else:
            return False
    return True


def _all_gated() -> list[gated.Gated]:
    from conditionlint import citations  # noqa: F401 - its _ID_HINT
    from conditionlint.api import lint_text

    for path in open_paths()[:3]:  # (every rule's patterns built)
        lint_text(path.read_text(encoding="utf-8", errors="replace"))
    gc.unfreeze()  # an earlier in-process CLI run froze them; get_objects skips frozen ones
    return [o for o in gc.get_objects() if isinstance(o, gated.Gated)]


def test_may_same_answers_as_before() -> None:
    patterns = _all_gated()
    assert len(patterns) >= 10
    assert any(any(e[1] or e[2] for r in p._reqs for e in r) for p in patterns)  # noqa: SLF001
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in open_paths()]
    blocks = [b for t in texts for b in t.split("\n\n")]
    sample = blocks[::3] + SENTENCES[::5] + EDGES + [t.upper() for t in EDGES]
    differ = []
    for text in sample:
        for p in patterns:
            for endpos in (sys.maxsize, max(0, len(text) - 1)):
                if p._may(text, endpos) != _old_may(p, text, endpos):  # noqa: SLF001
                    differ.append((p.pattern[:60], text[:60]))
    assert not differ


def test_may_checks_split_every_requirement() -> None:
    for p in _all_gated():
        assert len(p._checks) == len(p._reqs)  # noqa: SLF001
        for (plain, edged, digit), r in zip(p._checks, p._reqs, strict=True):  # noqa: SLF001
            assert set(plain) | {e[0] for e in edged} | ({gated.DIGIT} if digit else set()) \
                == {e[0] for e in r}
