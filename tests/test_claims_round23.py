"""Claims round 23 (fourteenth session; blind44 to blind47 seen): review 22's D7 second
part, then general families only, each shown by misses on several seen pages of at
least two sets (docs/round23.md).

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message, with a look-alike that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- D7 (review 22, second part): a ranking verdict an older pattern finds keeps its cue ----
def test_a_ranking_verdict_an_older_pattern_finds_is_quoted_as_before_round_22():
    page = _page("Treatment",
                 "Surgery is the best treatment for widget syndrome.\n\n"
                 "Splinting is one of the best things you can do for it.\n\n"
                 "For most people, rest is the most effective treatment.\n\n"
                 "Stopping smoking is the single most important thing you can do.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "the best treatment")),
        ("CL401", 7, 1, _claim("comparative", "one of the best things")),
        ("CL401", 9, 1, _claim("comparative", "the most effective treatment")),
        ("CL401", 11, 1, _claim("comparative", "the single most important thing")),
    ]


def test_a_ranking_verdict_no_older_cue_finds_is_still_quoted_from_its_verb():
    page = _page("Treatment",
                 "Swimming is the best exercise for a stiff hip.\n\n"
                 "Keyhole release is the most comfortable option.\n\n"
                 "Our reception desk is the main way to book a visit.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "is the best exercise")),
        ("CL401", 7, 1, _claim("comparative", "is the most comfortable option")),
    ]


# -- 1. a ticked benefit in a list ---------------------------------------------------------
def test_a_ticked_benefit_is_an_efficacy_claim():
    page = _page("Benefits",
                 "- \u2713 Softens rough, scaly patches\n"
                 "- \u2714 Fills fine cracks and pits\n"
                 "- \u2713 Rounder, fuller cheeks within a month\n"
                 "- \u2713 Less time scratching at night\n"
                 "- \u2705 A younger, more even smile line")
    assert _found(page) == [
        ("CL401", 5, 3, _claim("efficacy", "Softens")),
        ("CL401", 6, 3, _claim("efficacy", "Fills")),
        ("CL401", 7, 3, _claim("efficacy", "Rounder")),
        ("CL401", 8, 3, _claim("efficacy", "Less time")),
        ("CL401", 9, 3, _claim("efficacy", "younger")),
    ]


def test_a_ticked_product_detail_or_service_stays_quiet():
    page = _page("Why choose us?",
                 "- \u2713 Vegan and gluten-free\n"
                 "- \u2713 Over 2,000 jars sold\n"
                 "- \u2713 Lasts for months\n"
                 "- \u2713 Same-week appointments\n"
                 "- \u2713 Free parking on site\n"
                 "- \u2713 Comes in three sizes\n"
                 "- Softer towels for the whole family")
    assert _found(page) == []


# -- 2. what a treatment takes off or down -------------------------------------------------
def test_what_a_treatment_takes_off_or_down_is_an_efficacy_claim():
    page = _page("Treatment",
                 "A soft insole under the ball of the foot, taking pressure off the sore joint.\n\n"
                 "A steroid cream for a few days takes the itch down.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "taking pressure off")),
        ("CL401", 7, 1, _claim("efficacy", "takes the itch down")),
    ]


def test_taking_the_edge_off_no_symptom_stays_quiet():
    page = _page("Treatment",
                 "The short bus ride took the edge off the journey.\n\n"
                 "It did not take the pain away.")
    assert _found(page) == []


# -- 3. a named cause ranked ---------------------------------------------------------------
def test_a_named_cause_ranked_is_a_causal_claim():
    page = _page("Causes",
                 "In adults, the most common cause is a blocked duct.\n\n"
                 "Injuries and infections are common causes.\n\n"
                 "In my experience, the commonest trigger is stress.\n\n"
                 "A virus is responsible for most cases.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "the most common cause is")),
        ("CL401", 7, 1, _claim("causal", "are common causes")),
        ("CL401", 9, 1, _claim("causal", "the commonest trigger is")),
        ("CL401", 11, 1, _claim("causal", "is responsible for most")),
    ]


def test_a_lead_in_of_causes_or_the_reasons_people_come_stay_quiet():
    page = _page("About us",
                 "It is one of the most common reasons people come to see us.\n\n"
                 "Widget syndrome is the main reason we opened the clinic.")
    assert _found(page) == []


# -- 4. a chance in figures ----------------------------------------------------------------
def test_a_chance_in_figures_is_a_causal_claim():
    page = _page("Causes",
                 "Each child of a parent with widget syndrome has a 1 in 2 chance of "
                 "inheriting it.\n\n"
                 "If both parents carry the gene, each child has a 25% chance of having it.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "has a 1 in 2 chance of inheriting")),
        ("CL401", 7, 1, _claim("causal", "has a 25% chance of having")),
    ]


def test_a_chance_of_no_health_outcome_stays_quiet():
    page = _page("Raffle",
                 "Every ticket has a 1 in 3 chance of winning a prize.\n\n"
                 "There is a chance of rain on the day.")
    assert _found(page) == []


# -- 5. survival in figures ----------------------------------------------------------------
def test_survival_in_figures_is_a_prognosis_claim():
    page = _page("Outlook",
                 "Without treatment, about half of people with widget syndrome die within "
                 "5 years.\n\n"
                 "If surgery happens quickly, about 90% of joints can be saved.\n\n"
                 "After a day, fewer than 1 in 10 grafts survive.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "half of people with widget syndrome die")),
        ("CL401", 7, 1, _claim("prognosis", "90% of joints can be saved")),
        ("CL401", 9, 1, _claim("prognosis", "1 in 10 grafts survive")),
    ]


def test_surviving_on_something_stays_quiet():
    page = _page("About us", "Half of our staff survive on coffee.")
    assert _found(page) == []


# -- 6. works just as well -----------------------------------------------------------------
def test_working_just_or_almost_as_well_is_a_comparative_claim():
    page = _page("Treatment",
                 "Hyfrecation costs less and works just as well for one or two bumps.\n\n"
                 "This works almost as well as the hospital treatment for me.\n\n"
                 "Home exercises work every bit as well over a few weeks.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "works just as well")),
        ("CL401", 7, 1, _claim("comparative", "works almost as well as")),
        ("CL401", 9, 1, _claim("comparative", "work every bit as well")),
    ]


def test_a_service_working_just_as_well_stays_quiet():
    page = _page("Booking", "Our online booking works just as well.")
    assert _found(page) == []


# -- 7. what a treatment keeps in a good state ---------------------------------------------
def test_what_a_treatment_keeps_in_a_good_state_is_an_efficacy_claim():
    page = _page("Treatment",
                 "A thick balm keeps the skin supple through the winter.\n\n"
                 "Placing a rolled towel under the knee keeps your leg level overnight.\n\n"
                 "The right mix of treatment can keep flare-ups under control.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "keeps the skin supple")),
        ("CL401", 7, 1, _claim("efficacy", "keeps your leg level")),
        ("CL401", 9, 1, _claim("efficacy", "can keep flare-ups under control")),
    ]


def test_advice_to_keep_or_a_service_keeping_stays_quiet():
    page = _page("Treatment",
                 "Call before you visit so that we can keep you from waiting.\n\n"
                 "Keep moving as much as you can.\n\n"
                 "You keep the skin moist by washing less.\n\n"
                 "The shop keeps its doors open until six.")
    assert _found(page) == []
