"""Claims round 12: structural families written from an invented probe list and the
misses and false findings of blind13 (docs/claims.md, "Round 12").

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message (the cue), with nearby sentences that must stay quiet.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def _found(page: str, codes: tuple[str, ...] = ("CL401",)) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.message)
            for f in lint_text(page, select=list(codes), today=TODAY)]


def _page(heading: str, body: str) -> str:
    return f"# Widget syndrome\n\n## {heading}\n\n{body}\n"


def _claim(kind: str, cue: str) -> str:
    return f"{kind} claim ('{cue}') cites no evidence entry"


# -- 1. an instruction's reason clause is judged on its own ---------------------------
def test_a_list_item_whose_reason_after_a_dash_predicts_harm(rules_alone):
    page = _page("Do and don't", "Don't:\n\n- rub the rash – breaking the skin lets germs in")
    assert _found(page) == [("CL401", 7, 3, _claim("causal", "lets"))]


def test_an_instruction_whose_reason_after_as_predicts_harm():
    page = _page("Self-care", "Do not drink strong coffee at night, as it can dehydrate you.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "can dehydrate"))]


def test_a_reason_clause_that_is_itself_a_claim_gives_its_own_cue():
    page = _page("Self-care", "Do not use the spray for more than a week – using it for too long "
                              "can make your symptoms worse.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "make your symptoms worse"))]


@pytest.mark.parametrize("sentence", [
    "Bring your reading glasses – you will need to fill in a form.",
    "Keep the dressing on, as you will need it at your next visit.",
    "Do not eat before the scan, because the scanner room is cold.",
])
def test_reasons_that_say_nothing_about_the_body_stay_instructions(sentence):
    assert _found(_page("Your visit", sentence)) == []


# -- 2. "X and Y" headings; prevalence reported by an organisation (CL402 only) -------
def test_a_symptoms_and_causes_heading_is_not_skipped_as_symptoms():
    page = _page("Symptoms and causes",
                 "According to the Widget Society, sugar makes the itching worse.")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL401", 5, 1, _claim("causal", "makes the itching worse")),
        ("CL402", 5, 1, "vague evidence ('According to the Widget'): name the source and "
                        "cite it as an evidence entry"),
    ]


def test_symptoms_alone_is_still_skipped():
    page = _page("Symptoms", "According to the Widget Society, sugar makes the itching worse.")
    assert [f[0] for f in _found(page, ("CL401", "CL402"))] == ["CL402"]


def test_a_prevalence_figure_from_an_organisation_is_vague_evidence_not_a_claim(rules_alone):
    page = _page("Overview", "According to the National Institute of Widgets, about 4% of "
                             "adults have widget syndrome in any given year.")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL402", 5, 1, "vague evidence ('According to the National'): name the source and "
                        "cite it as an evidence entry"),
    ]


def test_a_prevalence_figure_as_told_by_a_group_is_not_a_statistic_claim():
    assert _found(_page("Overview", "Around 1 in 5 men say they have had it at some point.")) == []


def test_an_effect_or_outcome_according_to_an_organisation_is_both_cl401_and_cl402():
    page = _page("Outlook", "According to the Widget Foundation, up to 12% of these lumps "
                            "turn into cancer.")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL401", 5, 1, _claim("prognosis", "turn into cancer")),
        ("CL402", 5, 1, "vague evidence ('According to the Widget'): name the source and "
                        "cite it as an evidence entry"),
    ]


# -- 3. side effects by rank and in whom; the course by shape --------------------------
@pytest.mark.usefixtures("rules_alone")
def test_side_effects_by_rank_and_in_whom():
    page = _page("Treatment", "The main side effect of the cream is stinging.\n\n"
                              "Some patients have a headache for a day or two.\n\n"
                              "Most people notice the rash first on the arms.\n\n"
                              "The biggest risk factor is age.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "main side effect of the cream is")),
        ("CL401", 7, 1, _claim("safety", "Some patients have a headache")),
    ]


def test_the_course_by_shape(rules_alone):
    page = _page("Outlook", "Widget lumps almost never turn into cancer.\n\n"
                            "Long-standing widget syndrome can be hard to treat.\n\n"
                            "I have been in remission for three years.\n\n"
                            "Children grow quickly at this age.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "almost never turn into cancer")),
        ("CL401", 7, 1, _claim("prognosis", "can be hard to treat")),
        ("CL401", 9, 1, _claim("prognosis", "been in remission")),
    ]


def test_responds_well_to_stays_an_efficacy_cue(rules_alone):
    assert _found(_page("Treatment", "Widget syndrome often responds well to rest.")) == [
        ("CL401", 5, 1, _claim("efficacy", "responds well to"))]


# -- 4. precision: advice lead-ins, procedures, what the page explains ----------------
def test_a_lead_in_whose_subject_is_an_adviser_lends_no_claim_to_its_items():
    page = _page("Treatment", "A pharmacist can give you advice about sprays that can help, "
                              "such as:\n\n- saline sprays\n- steroid sprays")
    assert _found(page) == []


def test_a_lead_in_whose_subject_is_the_reader_lends_no_claim():
    page = _page("Prevention", "You can also lower your risk by:\n\n- washing your hands\n"
                               "- not sharing towels")
    assert _found(page) == []


def test_a_claiming_lead_in_still_lends_its_cue():
    page = _page("How our therapy helps", "Our balm soothes:\n\n- itchy skin\n- dry patches")
    assert [f[1] for f in _found(page)] == [5, 7, 8]


@pytest.mark.parametrize("sentence", [
    "A thin tube with a light is passed through your nose into the throat.",
    "Here our nurses explain what happens on the day and how to prepare.",
    "That is why we check your blood pressure first.",
    "There are things you can try to help ease your symptoms.",
])
def test_procedures_and_what_the_page_explains_are_not_claims(sentence):
    assert _found(_page("The procedure", sentence)) == []


def test_an_instrument_that_is_said_to_do_something_still_claims():
    page = _page("The procedure", "A small balloon is passed into the tube and inflated, "
                                  "which widens it and relieves the pressure.")
    assert [f[0] for f in _found(page)] == ["CL401"]


# -- 5. a clause opening with a pronoun; a named cause of the page's condition --------
def test_a_pronoun_opening_a_clause_after_and_is_a_subject():
    page = _page("My story", "In March I started the new tablets, and honestly it has been "
                             "life-changing.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "life-changing"))]


@pytest.mark.usefixtures("rules_alone")
def test_a_pronoun_after_a_bare_comma_is_not():
    assert _found(_page("Our clinic", "Unlike the old building, it has a lift.")) == []


def test_a_named_cause_of_the_pages_condition(rules_alone):
    page = _page("Causes", "Damp housing causes widget syndrome in most children.\n\n"
                           "Doctors don't know what causes widget syndrome.\n\n"
                           "Widget syndrome is a skin problem that causes widget spots.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "causes widget"))]


# -- 6. what a reviewer says changed; verbless slogans ---------------------------------
_REVIEW = _page("Reviews", "By the third visit the difference was obvious.\n\n"
                          "I went from ten flares a month to two.\n\n"
                          "I went from part-time to full-time work last spring.")


def test_what_a_reviewer_says_changed_in_general_words():
    # lines 5 and 7 are pinned; line 9 is the known false finding below
    assert [f for f in _found(_REVIEW) if f[1] != 9] == [
        ("CL401", 5, 1, _claim("efficacy", "the difference was obvious")),
        ("CL401", 7, 1, _claim("efficacy", "went from ten flares a month to two")),
    ]


@pytest.mark.xfail(strict=True, reason="known false finding since model25: the model "
                   "retrained through blind87 scores 'I went from part-time to full-time work "
                   "last spring.' 0.457, over its threshold 0.375 (the one before: 0.315, "
                   "under 0.35; docs/model25.md)")
def test_a_reviewers_change_of_job_is_no_claim():
    assert [f for f in _found(_REVIEW) if f[1] == 9] == []


@pytest.mark.parametrize("sentence, cue", [
    ("Softer skin in just seven days.", "Softer skin"),
    ("Deep, restful sleep without the morning grogginess.", "restful sleep"),
    ("Peppermint tea for the cramps.", "for the cramps"),
    ("Finally — calm, steady focus without the jitters.", "without the jitters"),
])
def test_verbless_slogans(sentence, cue, rules_alone):
    assert _found(_page("Our balm", sentence)) == [("CL401", 5, 1, _claim("efficacy", cue))]


@pytest.mark.parametrize("sentence", [
    "Our 6-week Calm Skin plan includes two video calls.",
    "Treatment targets for blood sugar vary from person to person.",
    "Prices for the first visit.",
])
def test_sentences_with_a_verb_or_no_benefit_are_not_slogans(sentence):
    assert _found(_page("Our balm", sentence)) == []


# -- 7. something named harms a part of the body ----------------------------------------
def test_a_named_agent_harms_a_body_part(rules_alone):
    page = _page("Causes", "Dry office air irritates the delicate lining of the nose.\n\n"
                           "Osteoporosis weakens bones.\n\n"
                           "The meniscus is a rubbery disc that cushions the knee.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "irritates"))]


# -- 8. more body words; any verb after a pronoun opening a reason clause ---------------
def test_body_words_lips_hands_brain_heart_count_as_health_objects(rules_alone):
    page = _page("Our balm", "Smoother hands in just a week.\n\n"
                             "The foods that protect your heart also protect your brain.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "Smoother hands")),
        ("CL401", 7, 1, _claim("efficacy", "protect")),
    ]


def test_a_reason_clause_opening_with_a_pronoun_and_any_verb(rules_alone):
    page = _page("Self-care", "Don't:\n\n- wear tight rings, as they squeeze the blood "
                              "supply to your fingers")
    assert _found(page) == [("CL401", 7, 3, _claim("causal", "they squeeze"))]


def test_a_pronoun_reason_with_nothing_about_the_body_stays_an_instruction():
    assert _found(_page("Your visit", "Bring a friend, as they make the wait shorter.")) == []
