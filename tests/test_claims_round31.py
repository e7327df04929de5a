"""Claims round 31 (blind64 to blind75 seen; open-class families, precision first): a
lead-in that is only a purpose ("To lower the risk:"); the state before told as a habit
of the past ("I used to ..."), opening a sentence or a review's body; a cue in a review's
headline glued to the body's first sentence, scored by the body alone (docs/round31.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay as they are. Tests that
pin what the phrase rules decide run without the claim model (``rules_alone``); the
headline family runs with the shipped model, its scores set to one value, so that only
the veto decides.
"""

from __future__ import annotations

import dataclasses

import pytest

from conditionlint import claimdetect, claimmodel
from tests.test_claims_round12 import _claim, _found, _page


def _scored(monkeypatch, value: float) -> None:
    """The shipped model, on, with every sentence scored ``value``."""
    model = claimmodel.load()
    assert model is not None and model.veto > 0
    claimmodel.use(dataclasses.replace(model, enabled=True))
    monkeypatch.setattr(claimdetect.claimmodel, "score", lambda *a, **k: value)


@pytest.fixture
def model_scores(monkeypatch):
    yield lambda fraction: _scored(monkeypatch, claimmodel.load().veto * fraction)
    claimmodel.reset()


# -- (a) a lead-in that is only a purpose ----------------------------------------------------
def test_a_purpose_lead_in_claims_nothing(rules_alone):
    page = _page("Prevention",
                 "To lower the chance of catching it again:\n\n"
                 "- wash your hands before meals\n"
                 "- keep grazes covered\n\n"
                 "To reduce your risk of a flare-up:\n\n"
                 "- dry the skin gently\n\n"
                 "Regular handwashing lowers the chance of catching it again.")
    assert _found(page) == [("CL401", 14, 1, _claim("efficacy", "lowers"))]


def test_a_lead_in_that_names_what_helps_still_claims(rules_alone):
    page = _page("Prevention",
                 "Two simple steps lower the chance of catching it again:\n\n"
                 "- wash your hands before meals\n"
                 "- keep grazes covered")
    found = _found(page)
    assert found and found[0][:3] == ("CL401", 5, 1)


# -- (b) the state before, told as a habit of the past ---------------------------------------
def test_the_state_before_is_no_claim(rules_alone):
    page = _page("What my clients say",
                 '> "My eczema used to disappear only in the summer holidays. Now my skin '
                 'stays clear all year." \u2014 Jo, Leeds')
    assert _found(page) == [("CL401", 5, 61, _claim("efficacy", "stays clear"))]


def test_the_state_before_with_the_change_told_still_claims(rules_alone):
    page = _page("What our customers say",
                 '> "My knees used to swell up after every walk, but now they stay '
                 'normal." \u2014 Jo, Leeds')
    assert [(c, line, col) for c, line, col, _ in _found(page)] == [("CL401", 5, 3)]


def test_a_treatment_used_to_treat_still_claims(rules_alone):
    page = _page("Treatment",
                 "Steroid creams are often used to calm the itch within days.")
    assert [(c, line, col) for c, line, col, _ in _found(page)] == [("CL401", 5, 1)]


# -- (c) a cue in a review's headline: the body is scored alone ------------------------------
_REVIEWS = ("Customer reviews",
            "\u2605\u2605\u2605\u2605\u2605 **Life-changing** \u2014 *Verified buyer, Hull*\n"
            "I had tried every spray on the shelf.")


@pytest.fixture
def body_scores(monkeypatch):
    """The shipped model, on: a sentence with the headline's words scores twice the
    veto (the whole is kept by the veto as before), any other sentence the given share
    of the veto."""
    model = claimmodel.load()
    assert model is not None and model.veto > 0
    claimmodel.use(dataclasses.replace(model, enabled=True))

    def use(share: float) -> None:
        monkeypatch.setattr(
            claimdetect.claimmodel, "score",
            lambda m, feats, *a, **k: 2 * model.veto
            if any("chang" in f for f in feats) else share * model.veto)
    yield use
    claimmodel.reset()


def test_a_headline_cue_is_let_go_when_the_body_scores_below_half_the_veto(body_scores):
    body_scores(0.4)
    assert _found(_page(*_REVIEWS)) == []


def test_a_headline_cue_is_kept_when_the_body_scores_above_half_the_veto(body_scores):
    body_scores(0.6)
    assert _found(_page(*_REVIEWS)) == [("CL401", 5, 1, _claim("efficacy", "Life-changing"))]


# -- (d) how a study was done, with no result ------------------------------------------------
def test_a_study_design_without_a_result_is_no_claim(rules_alone):
    page = _page("What the research says",
                 "A large Swedish study followed 9,000 gardeners for ten years.\n\n"
                 "Several small trials have compared the cream with a plain moisturiser.\n\n"
                 "The cream eased the itch within a week.")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "eased"))]


def test_a_study_design_with_its_result_still_claims(rules_alone):
    page = _page("What the research says",
                 "A large Swedish study followed 9,000 gardeners and found the cream "
                 "halved the itch.")
    assert [(c, line, col) for c, line, col, _ in _found(page)] == [("CL401", 5, 1)]


# -- (e) a condition for emergency care ------------------------------------------------------
@pytest.fixture
def model_takes_everything(monkeypatch):
    """The shipped model, on, scoring every sentence 1: it adds every candidate the rules
    leave open, so only what keeps a sentence from being a candidate decides."""
    model = claimmodel.load()
    assert model is not None
    claimmodel.use(dataclasses.replace(model, enabled=True))
    monkeypatch.setattr(claimdetect.claimmodel, "score", lambda *a, **k: 1.0)
    yield
    claimmodel.reset()


def test_a_condition_for_emergency_care_is_an_instruction(model_takes_everything):
    page = _page("When to get help",
                 "If your arm becomes very painful, tense and swollen after an injury, go "
                 "to A&E.\n\n"
                 "If your child has swallowed a battery, call 999 straight away, even if "
                 "they seem well.")
    assert _found(page) == []


def test_a_condition_for_care_followed_by_a_claim_still_claims(model_takes_everything):
    page = _page("When to get help",
                 "If your arm becomes very painful after an injury, go to A&E, where a "
                 "splint eases the pain within minutes.\n\n"
                 "If your arm becomes very painful after an injury, rest it for a day.")
    assert [(c, line) for c, line, _, _ in _found(page)] == [("CL401", 5), ("CL401", 7)]
