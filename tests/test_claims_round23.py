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


# =========================================================================================
# review 23 mends: the reviewer's invented reproductions (docs/round23.md, "Review mends"),
# each pinned on both sides, the false finding gone and a true claim kept
# =========================================================================================
_TICK = "\u2713"


def _ticked(*items: str) -> str:
    return "\n".join(f"- {_TICK} {x}" for x in items)


# -- D1: a plural noun at the start of a ticked item is no verb ------------------------------
def test_m23_d1_ticked_symptoms_things_to_bring_and_hours_stay_quiet():
    page = (_page("Symptoms to watch for",
                  _ticked("Headaches that get worse", "Rashes that spread", "Seizures or fits"))
            + "\n## What to bring\n\n"
            + _ticked("Glasses if you wear them", "Fewer than three bags",
                      "Letters from your GP", "Mondays and Thursdays 9am to 5pm")
            + "\n\n## Benefits\n\n" + _ticked("Softens rough, scaly patches") + "\n")
    assert _found(page) == [("CL401", 18, 3, _claim("efficacy", "Softens"))]


# -- D2: services, checklists, milestones and service comparatives --------------------------
def test_m23_d2_ticked_services_and_checklists_stay_quiet_benefits_are_kept():
    page = _page("Why choose us", _ticked(
        "Less paperwork for you", "Fewer forms to fill in", "Accepts most insurers",
        "Offers evening appointments", "Cheaper than the high street", "Quicker booking",
        "Friendlier staff", "More appointments", "Uses organic aloe", "Absorbs quickly",
        "Walks without help", "Removes jewellery", "Better for the planet",
        "Less itching at night", "Fills fine cracks and pits", "Rounder, fuller cheeks"))
    assert _found(page) == [
        ("CL401", 18, 3, _claim("efficacy", "Less itching")),
        ("CL401", 19, 3, _claim("efficacy", "Fills")),
        ("CL401", 20, 3, _claim("efficacy", "Rounder")),
    ]


# -- D3: an auxiliary is no verb of effect ---------------------------------------------------
def test_m23_d3_a_negated_ticked_item_is_not_quoted_from_does():
    page = _page("Benefits", _ticked("Does not irritate skin", "Soothes itchy skin in minutes"))
    assert _found(page) == [("CL401", 6, 3, _claim("efficacy", "Soothes"))]


# -- D4: a fallback yields to the lead-in's cue, the column's header and a reason cue -------
def test_m23_d4_a_fallback_yields_to_lead_in_column_and_reason_cues():
    page = ("# Hair removal\n\n## Treatment\n\nOur laser treatment helps with:\n\n"
            f"- {_TICK} Fewer ingrown hairs\n- {_TICK} Softens rough patches\n\n"
            "| Treatment | How it works | Benefits |\n|---|---|---|\n"
            f"| Cream | Softens the hair | {_TICK} Softens rough patches |\n\n"
            "## Self-care\n\nUse a humidifier at night \u2013 it keeps your airways moist.\n\n"
            "- Take the tablets with food, as this takes the sting out of the side effects\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "helps with")),
        ("CL401", 7, 3, _claim("efficacy", "helps with")),
        ("CL401", 8, 3, _claim("efficacy", "helps with")),
        ("CL401", 12, 11, _claim("mechanism", "How it works column")),
        ("CL401", 12, 30, _claim("efficacy", "Benefits column")),
        ("CL401", 16, 1, _claim("causal", "it keeps")),
        ("CL401", 18, 3, _claim("causal", "this takes")),
    ]


# -- D5: a later clause's fallback keeps its flag, so the section default wins -------------
def test_m23_d5_a_later_clause_fallback_yields_to_the_section_default():
    page = ("# Sepsis\n\n## Complications\n\nAbout 1 in 4 people who get sepsis die.\n\n"
            "We can help with bookings and questions, but about 1 in 4 people who get "
            "sepsis die.\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "Complications section")),
        ("CL401", 7, 1, _claim("prognosis", "Complications section")),
    ]


# -- D6: "keeps moving" is going on moving -------------------------------------------------
def test_m23_d6_keeps_moving_stays_quiet_a_kept_state_is_kept():
    page = _page("Living with widget syndrome",
                 "The pain keeps moving from joint to joint.\n\n"
                 "Your baby keeps moving their legs in their sleep.\n\n"
                 "The tremor keeps the hand moving.\n\n"
                 "A thick balm keeps the skin supple through the winter.")
    assert _found(page) == [("CL401", 11, 1, _claim("efficacy", "keeps the skin supple"))]


# -- D7: household and admin objects, the body at work, a negating subject -----------------
def test_m23_d7_keeps_household_admin_body_and_nothing_stay_quiet():
    page = ("# Dry eye\n\n## How the eye works\n\n"
            "A thin film of tears keeps the eye moist and clear.\n\n"
            "## Living with dry eye\n\nA lid keeps the food moist.\n\n"
            "The app keeps your appointments under control.\n\n"
            "The fridge keeps the vaccine healthy.\n\n"
            "Nothing keeps the skin smooth for long.\n\n"
            "Hand washing keeps the ward clear of germs.\n\n"
            "This drain keeps the wound clear.\n\n"
            "A warm compress keeps the eyes moist for hours.\n")
    assert _found(page) == [("CL401", 21, 1, _claim("efficacy", "keeps the eyes moist"))]


# -- D8: "responsible for most", "biggest driver", "main reason" outside health ------------
def test_m23_d8_non_health_causes_ranked_stay_quiet_health_ones_are_kept():
    page = (_page("About us",
                  "The front desk is responsible for most bookings.\n\n"
                  "The biggest driver is our word-of-mouth.\n\n"
                  "The weather is the main reason the clinic closes early.")
            + "\n## Causes\n\nGenes are responsible for most cases.\n\n"
            "The main driver is an overactive pelvic floor.\n")
    assert _found(page) == [
        ("CL401", 13, 1, _claim("causal", "are responsible for most")),
        ("CL401", 15, 1, _claim("causal", "The main driver is")),
    ]


# -- D9: a chance of getting an appointment or a prize -------------------------------------
def test_m23_d9_non_health_chances_stay_quiet_inheritance_is_kept():
    page = (_page("Your visit",
                  "You have a 50% chance of getting an appointment this week.\n\n"
                  "Each entrant has a 1 in 50 chance of getting a prize.\n\n"
                  "You have a 1 in 3 chance of being seen by a student.")
            + "\n## Inheritance\n\nEach child has a 1-in-4 chance of having it.\n\n"
            "Each child stands a 50% chance of inheriting the gene.\n")
    assert _found(page) == [
        ("CL401", 13, 1, _claim("causal", "has a 1-in-4 chance of having")),
        ("CL401", 15, 1, _claim("causal", "stands a 50% chance of inheriting")),
    ]


# -- D10: plants, staff, and a cause-of-death share are no prognosis -----------------------
def test_m23_d10_non_health_and_cause_of_death_shares_stay_quiet():
    page = _page("Prevalence",
                 "Half of the plants in the garden died in the frost.\n\n"
                 "A third of our staff survived the marathon.\n\n"
                 "About 1 in 4 people die of heart disease in the UK.\n\n"
                 "About half of people with widget syndrome die within 5 years.")
    assert _found(page) == [
        ("CL401", 11, 1, _claim("prognosis", "half of people with widget syndrome die")),
    ]


# -- D11: a treatment's deaths are a safety claim -------------------------------------------
def test_m23_d11_deaths_after_a_treatment_are_a_safety_claim():
    page = _page("Risks of surgery",
                 "About 1 in 1000 people who have the operation die.\n\n"
                 "About 1 in 5 people who get widget syndrome die.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "1 in 1000 people who have the operation die")),
        ("CL401", 7, 1, _claim("prognosis", "1 in 5 people who get widget syndrome die")),
    ]


# -- D12: take the heat off the pan, pain out of the equation, nothing took it away ---------
def test_m23_d12_non_treatment_and_negated_take_off_stay_quiet():
    page = (_page("After surgery",
                  "You can take the heat off the pan.\n\n"
                  "She takes pain out of the equation by planning ahead.")
            + "\n## Treatment\n\nNothing took the itch away.\n\n"
            "The cream takes away the itch.\n")
    assert _found(page) == [("CL401", 13, 1, _claim("efficacy", "takes away the itch"))]


# -- D13: a service working just as well; an open question ----------------------------------
def test_m23_d13_services_and_an_open_question_stay_quiet():
    page = (_page("Booking",
                  "Paying by card works just as well.\n\n"
                  "Email works just as well if you prefer.\n\n"
                  "A text reminder works almost as well as a letter.")
            + "\n## Treatment\n\nWe are testing whether the gel works just as well.\n\n"
            "Home exercises work every bit as well over a few weeks.\n")
    assert _found(page) == [("CL401", 15, 1, _claim("comparative", "work every bit as well"))]


# -- D14 (documented, not changed): a fallback yields to a cue anywhere in the sentence ----
def test_m23_d14_a_verdict_yields_to_a_later_clause_cue_as_documented():
    page = _page("Treatment",
                 "Swimming is the best exercise for a stiff hip because it reduces strain.\n\n"
                 "Physiotherapy is the main treatment and usually helps.\n\n"
                 "Swimming is the best exercise for a stiff hip.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "reduces")),
        ("CL401", 7, 1, _claim("efficacy", "helps")),
        ("CL401", 9, 1, _claim("comparative", "is the best exercise")),
    ]
