"""Claims round 39 (docs/round39.md): (1) a suitability statement, the whole sentence ("It
is not suitable for children under 12 without a prescription.", "HRT isn't right for
everyone.", "Not suitable for people with epilepsy."), says who should not use a
treatment; it is not an efficacy or safety claim: neither a rule's claim nor a candidate
for the claim model; (2) the seller's account of mainstream medicine, with it as the
subject ("Conventional medicine treats the symptoms.", "Conventional medicine calls it
\"autoimmune\" and stops there."), says what others think or do, not what a treatment
does: neither a claim nor a candidate, unless it says the medicine fails or cures.

Every page here is invented, not taken from the corpus. The family is pinned by rule
code, line, column and message, with look-alikes that must still fire. Tests of the
model's candidates run with the shipped model and a score the test sets (every sentence
scored scores 0.9, over the threshold and the veto), so that only the candidate filter and
the rules decide.
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page


# -- (1) a suitability statement ----------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Widgetol is not suitable for children under 12.",
    "It is not suitable for children under 12 without a prescription.",
    "It is not recommended for children under 5 without advice from a pharmacist.",
    "Not suitable for people with epilepsy.",
    "Not suitable for under-18s.",
    "Widget therapy isn't right for everyone.",
    "Widget cream isn’t suitable for everyone.",
    "These drops are not appropriate for babies.",
    "This test kit is not suitable for pregnant women.",
])
def test_1_a_suitability_statement_is_no_claim(model_takes_all, sentence):
    # neither the rules (the veto would keep their claim at 0.9) nor the claim model
    assert _found(_page("About it", sentence)) == []


@pytest.mark.parametrize(("sentence", "kind", "cue"), [
    # "safe" is a safety claim
    ("It isn't safe for people with heart failure.", "safety", "isn't safe for"),
    # a reason given
    ("Widgetol is not recommended in pregnancy because it can harm the baby.", "safety",
     "is not recommended in pregnancy"),
    ("Widgetol is not suitable for children because it can harm them.", "safety",
     "is not suitable for"),
    # a group named by what it does
    ("Widgetol is not suitable for people who have never smoked.", "safety",
     "is not suitable for"),
    # a claim before it in the same sentence
    ("It eases pain and is not suitable for children under 12.", "efficacy", "eases"),
    # a clause after a comma
    ("Widgetol is not suitable for children, but it clears acne in adults.", "safety",
     "is not suitable for"),
    # not negated
    ("Widgetol is suitable for children and clears acne.", "safety",
     "suitable for children"),
])
def test_1_look_alikes_still_claim(rules_alone, sentence, kind, cue):
    assert _found(_page("About it", sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


def test_1_the_statement_leaves_the_next_sentence_alone(rules_alone):
    page = _page("About it", "Widgetol is not suitable for children under 12. It clears "
                             "acne within a week.")
    assert _found(page) == [("CL401", 5, 49, _claim("efficacy", "clears"))]


# -- (2) the seller's account of mainstream medicine --------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Conventional medicine treats the symptoms.",
    "Conventional medicine calls widget syndrome \"idiopathic\" and stops there.",
    "Conventional medicine tends to see widget syndrome as a problem of the nerves.",
    "Mainstream medicine often waits until the damage is done before acting.",
    "Conventional medicine only recognises the condition when the glands have "
    "almost completely failed.",
])
def test_2_mainstream_medicine_as_the_subject_is_no_claim(model_takes_all, sentence):
    assert _found(_page("About it", sentence)) == []


@pytest.mark.parametrize(("sentence", "kind", "cue"), [
    # what it fails to do, or does not do, is still a claim
    ("Conventional medicine cannot cure widget syndrome.", "efficacy",
     "cannot cure widget syndrome"),
    ("Conventional medicine only masks the symptoms.", "efficacy",
     "only masks the symptoms"),
    # a claiming clause after it keeps the sentence
    ("Conventional medicine treats the symptoms, but acupuncture relieves the pain.",
     "efficacy", "treats"),
    # not at the start: the sentence's own subject claims
    ("Unlike conventional medicine, our herbal tonic reverses widget syndrome.", "comparative",
     "Unlike conventional medicine"),
])
def test_2_look_alikes_still_claim(rules_alone, sentence, kind, cue):
    assert _found(_page("About it", sentence)) == [("CL401", 5, 1, _claim(kind, cue))]
