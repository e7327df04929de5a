"""Claims round 7: cue families for the misses of blind set 6 (docs/claims.md).

Every sentence here is invented, not taken from the corpus: each family gets a claim
that must be found and a nearby sentence that must stay quiet.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def _page(sentence: str, heading: str) -> str:
    return f"# Widget syndrome\n\n## {heading}\n\n{sentence}\n"


def cl401(sentence: str, heading: str = "A few words") -> str | None:
    """The claim type CL401 names for the sentence, or None."""
    found = [f for f in lint_text(_page(sentence, heading), select=["CL401"], today=TODAY)]
    assert len(found) <= 1
    return found[0].message.split(" claim ")[0] if found else None


def cl402(sentence: str) -> list[str]:
    return [f.message for f in lint_text(_page(sentence, "A few words"), select=["CL402"],
                                         today=TODAY)]


# -- CL402: trials as a place, professions, experts' beliefs, case reports, labels ------
@pytest.mark.parametrize("sentence, words", [
    ("The new balm has been shown in clinical trials to calm redness.",
     "has been shown in clinical trials"),
    ("This gel has been tested in large studies.", "has been tested in large studies"),
    ("Midwives recommend a barrier cream at every change.", "Midwives recommend"),
    ("Nurses agree that a warm bath helps.", "Nurses agree"),
    ("Scientists now think the gut plays a part in mood.", "Scientists now think"),
    ("Experts estimate that one in five adults has it.", "Experts estimate"),
    ("There was a case report in the Lancet about a man who recovered.",
     "a case report in the Lancet"),
    ("Dermatologically tested and fragrance-free.", "Dermatologically tested"),
])
def test_vague_evidence_families(sentence, words):
    assert [m for m in cl402(sentence) if f"('{words}" in m]


@pytest.mark.parametrize("sentence", [
    "Your midwife may recommend a barrier cream.",
    "Nurses will show you how to use the pump.",
    "Scientists think about this a lot.",
    "We will send a report in the post.",
    "Your blood is typically tested for iron.",
])
def test_nearby_sentences_invoke_no_evidence(sentence):
    assert cl402(sentence) == []


def test_a_product_label_alone_is_vague_but_claims_nothing():
    # CL402 only: it gestures at testing without saying what the testing showed
    assert cl401("Dermatologically tested and fragrance-free.") is None
    assert cl402("Dermatologically tested and fragrance-free.")
