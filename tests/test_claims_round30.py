"""Claims round 30 (blind62 to blind71 seen; open-class families, recall first): the
veto keeps a rules finding on a ticked line; a Symptoms section's prose is read for the
course of the symptoms over a span of time; an outcome adjective of what can be done as
the predicate (docs/round30.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay as they are. Tests that
pin what the phrase rules decide run without the claim model (``rules_alone``); the veto
family runs with the shipped model whose scores are all set below its veto, so that
only the veto's exceptions decide.
"""

from __future__ import annotations

import dataclasses

import pytest

from conditionlint import claimdetect, claimmodel
from tests.test_claims_round12 import _claim, _found, _page


@pytest.fixture
def veto_everything(monkeypatch):
    """The shipped model, on, with every sentence scored 0: a rules finding the veto
    does not keep by one of its exceptions is let go, and the model adds nothing."""
    model = claimmodel.load()
    assert model is not None and model.veto > 0
    claimmodel.use(dataclasses.replace(model, enabled=True))
    monkeypatch.setattr(claimdetect.claimmodel, "score", lambda *a, **k: 0.0)
    yield
    claimmodel.reset()


# -- (a) the veto keeps a rules finding on a line that opens with a tick ---------------------
def test_a_ticked_benefit_is_kept_by_the_veto(veto_everything):
    page = _page("Why customers love it",
                 "- \u2713 Softens rough, scaly patches\n"
                 "- \u2714 Rebuilds the skin barrier overnight\n"
                 "- \u2705 Calms redness in days")
    assert _found(page) == [
        ("CL401", 5, 3, _claim("efficacy", "Softens")),
        ("CL401", 6, 3, _claim("efficacy", "Rebuilds")),
        ("CL401", 7, 3, _claim("efficacy", "Calms")),
    ]


def test_the_same_words_without_a_tick_are_left_to_the_veto(veto_everything):
    page = _page("Why customers love it",
                 "Our balm softens rough, scaly patches.\n\n"
                 "- Rebuilds the skin barrier overnight\n"
                 "- Calms redness in days")
    assert _found(page) == []


def test_a_tick_that_opens_no_claim_stays_quiet(veto_everything):
    page = _page("Product details",
                 "- \u2713 Vegan, gluten-free and made in the UK\n"
                 "- \u2714 Free delivery over \u00a330")
    assert _found(page) == []


# -- (b) a Symptoms section's prose: the course over a span of time --------------------------
def test_the_course_of_symptoms_over_a_span_is_a_prognosis_claim(rules_alone):
    page = _page("Symptoms",
                 "The main symptom is a dull ache behind the knee.\n\n"
                 "These symptoms usually get better on their own within 4 weeks.\n\n"
                 "The stiffness normally passes within a few days.\n\n"
                 "The ache usually gets worse over many years.")
    found = _found(page)
    assert [(code, line) for code, line, _, _ in found] == [
        ("CL401", 7), ("CL401", 9), ("CL401", 11)]
    assert all("prognosis claim" in message for _, _, _, message in found)
    assert [column for _, _, column, _ in found] == [1, 1, 1]


def test_symptoms_prose_without_a_span_or_in_a_list_stays_quiet(rules_alone):
    page = _page("Symptoms",
                 "The ache often eases when you lie down.\n\n"
                 "The ache usually gets worse as the cyst grows.\n\n"
                 "Common signs include:\n\n"
                 "- a swelling that usually goes away within 2 weeks\n"
                 "- stiffness in the morning")
    assert _found(page) == []


def test_the_same_course_outside_symptoms_is_found_as_before(rules_alone):
    page = _page("Outlook", "These symptoms usually get better on their own within 4 weeks.")
    assert _found(page) == [("CL401", 5, 1, _claim("prognosis", "usually get better"))]


# -- (c) an outcome adjective of what can be done, as the predicate --------------------------
def test_an_outcome_adjective_as_the_predicate_is_a_prognosis_claim(rules_alone):
    page = _page("About widget syndrome",
                 "Widget syndrome is reversible.\n\n"
                 "If you catch it early, it is completely reversible.\n\n"
                 "Widget syndrome looks alarming, but it is preventable.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "reversible")),
        ("CL401", 7, 1, _claim("prognosis", "reversible")),
        ("CL401", 9, 1, _claim("prognosis", "preventable")),
    ]


def test_most_of_them_can_be_prevented_is_a_prognosis_claim_under_prevention(rules_alone):
    # under a Prevention heading no older cue took it (outside one, an efficacy cue does)
    page = _page("Prevention", "Most widget injuries can be prevented.\n\n"
                               "Some widget injuries cannot be avoided.")
    assert _found(page) == [("CL401", 5, 1, _claim("prognosis", "be prevented"))]


def test_a_negated_questioned_or_partial_outcome_adjective_stays_quiet(rules_alone):
    page = _page("About widget syndrome",
                 "Is widget syndrome curable?\n\n"
                 "Widget syndrome is not a preventable condition.\n\n"
                 "Congenital widget syndrome can't be prevented.\n\n"
                 "Some complications are preventable.")
    assert _found(page) == []


# -- (d) a fragment that is a share and nothing else --------------------------------------
def test_a_share_as_a_whole_cell_is_an_efficacy_claim(rules_alone):
    page = _page("Treatments compared",
                 "| | Widget band | Widget sleeve |\n"
                 "|---|---|---|\n"
                 "| Weight lost | 10–15% over a year | 25–30% of body weight |\n"
                 "| Price | From £90 | 0% finance available |\n")
    assert _found(page) == [
        ("CL401", 7, 17, _claim("efficacy", "10–15%")),
        ("CL401", 7, 38, _claim("efficacy", "25–30%")),
    ]


def test_a_share_with_more_words_stays_as_before(rules_alone):
    page = _page("Product details",
                 "- 100% natural ginger extract\n"
                 "- 20% off your first order")
    assert _found(page) == []
