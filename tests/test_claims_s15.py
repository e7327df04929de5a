"""Fifteenth session (issue 4): the claim model's threshold at 0.425 (retrained through
blind51), the service sentences it would take for claims, and a reviewer's short verdict
that its veto keeps (docs/claims.md, "Fifteenth session: the threshold chosen again").
These run as shipped: the model is on."""

from __future__ import annotations

import pytest

from conditionlint import claimmodel
from tests.claim_sentences import cl401


def test_the_shipped_model_is_on_at_its_threshold():
    # 0.425 from the fifteenth session; 0.35 since the twenty-third, when the model was
    # retrained through blind79 and its threshold calibrated (docs/model23.md); 0.375
    # since model25, retrained through blind87 and calibrated the same way
    model = claimmodel.current()
    assert model is not None and model.threshold == 0.375 and model.veto == 0.1


@pytest.mark.parametrize("sentence", [
    "Your results are usually ready within a week.",
    "Your blood test results are usually back within two days.",
    "Most of our trainees did well in the audit.",
    "Our practice did very well in its last inspection.",
    "Our new online booking system is more reliable than the old phone line.",
    "The main options are physiotherapy, painkillers and a strap.",
])
def test_service_news_is_no_claim(sentence):
    assert cl401(sentence) is None


@pytest.mark.parametrize(("sentence", "kind"), [
    # the same shapes with a health outcome stay claims
    ("Most patients did well after surgery.", "prognosis"),
    ("A splint is more reliable than strapping for a broken toe.", "comparative"),
    ("The main treatments are surgery and radiotherapy, which cure most people.",
     "efficacy"),
    ("The main options include steroid injections, which relieve pain for months.",
     "efficacy"),
])
def test_health_look_alikes_stay_claims(sentence, kind):
    assert cl401(sentence) == kind


@pytest.mark.parametrize("sentence", ["Does the job.", "Did the trick.",
                                      "Smells odd but works."])
def test_the_veto_keeps_a_reviewers_short_verdict(sentence):
    assert cl401(sentence, "Reviews") == "efficacy"


def test_the_veto_still_lets_go_of_other_outcome_words(rules_alone):
    # the keep is for the verdicts alone: the rules find this outcome ...
    assert cl401("Each one left me feeling looser for about an afternoon and then the "
                 "ache came back.", "My story") == "efficacy"


@pytest.mark.xfail(strict=True, reason=(
    "known false finding since the twenty-third session: the model retrained through "
    "blind79 scores it 0.134 (the one before 0.031), above the veto 0.1 (docs/model23.md)"))
def test_and_the_model_lets_it_go_as_shipped():
    # ... and the shipped veto lets it go (a seen page labels it no claim)
    assert cl401("Each one left me feeling looser for about an afternoon and then the "
                 "ache came back.", "My story") is None
