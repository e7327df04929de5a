"""Claims round 20: CL401 as shipped on blind32 to blind35 (all four seen), precision
and recall together (docs/round20.md). General shapes, not phrases.

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message (the cue): the claim now flagged or the non-claim now
silent, and a look-alike on the other side. The tests pin what the phrase rules decide,
so they run without the claim model (the ``rules_alone`` fixture).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. how long recovery takes, in any words (prognosis) ------------------------------
def test_recovery_time_in_any_words_is_a_prognosis_claim():
    page = _page("Recovery",
                 "Full return to climbing usually takes around four months.\n\n"
                 "Finger strength may take up to six weeks to return completely.\n\n"
                 "A torn calf muscle may take longer, sometimes 8 to 10 weeks.\n\n"
                 "It might be up to eight weeks before your energy feels normal again.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "Full return to climbing usually takes around")),
        ("CL401", 7, 1, _claim("prognosis", "take up to six weeks to return")),
        ("CL401", 9, 1, _claim("prognosis", "may take longer, sometimes 8 to 10 weeks")),
        ("CL401", 11, 1, _claim("prognosis",
                                "might be up to eight weeks before your energy feels normal")),
    ]


def test_how_long_a_service_takes_is_no_claim():
    page = _page("Recovery",
                 "Your test results take up to two weeks to come back.\n\n"
                 "Refunds may take up to 10 days to return to your account.\n\n"
                 "It may be two weeks before we can offer you a slot.\n\n"
                 "Your follow-up appointment usually takes around 20 minutes.")
    assert _found(page) == []


# -- 2. causes in plain verbs --------------------------------------------------------
def test_plain_causes_are_causal_claims():
    page = _page("Causes",
                 "Chewing gum all day tends to aggravate jaw clicking.\n\n"
                 "Lifting a toddler onto one hip is a surprisingly common trigger.\n\n"
                 "Skipping meals can make you feel dizzy.\n\n"
                 "A cracked tooth gives bacteria an easy way in.\n\n"
                 "Stress can affect how you sleep.\n\n"
                 "Our quiet room can make you feel at home.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "tends to aggravate")),
        ("CL401", 7, 1, _claim("causal", "is a surprisingly common trigger")),
        ("CL401", 9, 1, _claim("causal", "can make you feel dizzy")),
        ("CL401", 11, 1, _claim("causal", "gives bacteria an easy way")),
        ("CL401", 13, 1, _claim("causal", "can affect how you sleep")),
    ]


# -- 3. a reviewer's outcome told by what did not happen ------------------------------
def test_a_reviewers_outcome_by_what_did_not_happen():
    page = _page("What our swimmers say",
                 "Forty lengths on Sunday, zero shoulder pain.\n\n"
                 "I used the spray all winter and had no cold sores at all.\n\n"
                 "I'm back swimming twice a week.\n\n"
                 "We had no problems at all finding parking.\n\n"
                 "Not a single parking space was free.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "zero shoulder pain")),
        ("CL401", 7, 1, _claim("efficacy", "had no cold sores at all")),
        ("CL401", 9, 1, _claim("efficacy", "I'm back swimming")),
    ]


# -- 4. transmission, likelihood of harm, spread, course --------------------------------
def test_transmission_and_likelihood_of_harm_are_causal_claims():
    page = _page("Overview",
                 "You can't catch it from another person.\n\n"
                 "Many people got it from blood transfusions.\n\n"
                 "Wet skin is more likely to blister than dry skin.\n\n"
                 "The infection sometimes spreads into the joint next to it.\n\n"
                 "You can get it from your pharmacy.\n\n"
                 "Patients are more likely to be seen quickly in the morning.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "You can't catch it from another person")),
        ("CL401", 7, 1, _claim("causal", "Many people got it from blood")),
        ("CL401", 9, 1, _claim("causal", "is more likely to blister")),
        ("CL401", 11, 1, _claim("causal", "infection sometimes spreads into")),
    ]


def test_the_course_in_plain_words_is_a_prognosis_claim():
    page = _page("Outlook",
                 "Younger people tend to do best.\n\n"
                 "It often comes and goes for months or years.\n\n"
                 "For many people it eventually burns itself out.\n\n"
                 "Delirium affects up to half of older people after hip surgery.\n\n"
                 "The offer affects up to half of our customers after March.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "tend to do best")),
        ("CL401", 7, 1, _claim("prognosis", "comes and goes for months")),
        ("CL401", 9, 1, _claim("prognosis", "burns itself out")),
        ("CL401", 11, 1, _claim("prognosis", "affects up to half of older people after")),
    ]


# -- 5. the goals of care, a lead-in to practical steps ---------------------------------
def test_the_goals_of_care_are_no_claim_unless_a_later_clause_claims():
    page = _page("Treatment",
                 "The goals of treatment are to ease the itching and protect the skin.\n\n"
                 "Treatment focuses on keeping the joint moving.\n\n"
                 "The goal of treatment is to ease the pain, but most people also find it "
                 "clears the rash within a week.")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "to ease"))]


def test_a_lead_in_to_practical_steps_lends_no_claim():
    page = _page("At school", "Helpful steps include:\n\n- letting the child answer by raising a hand")
    assert _found(page) == []


# -- 6. harms and benefits in plain words ---------------------------------------------
def test_harms_in_plain_words_are_claims():
    page = _page("Risks",
                 "There is a small risk of tearing the gullet.\n\n"
                 "There is a small risk of missing your appointment.\n\n"
                 "You are at higher risk of developing it if your mother had it.\n\n"
                 "Some people who have the operation may later develop reflux.\n\n"
                 "It can occasionally leave light spots on darker skin.\n\n"
                 "Infection can cut off the blood supply to the bone.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "small risk of tearing")),
        ("CL401", 11, 1, _claim("safety", "may later develop")),
        ("CL401", 13, 1, _claim("safety", "can occasionally leave light spots")),
        ("CL401", 15, 1, _claim("causal", "cut off the blood supply")),
    ]


def test_benefits_in_plain_words_are_claims():
    page = _page("About",
                 "Used early, adrenaline can be life-saving.\n\n"
                 "Families genuinely speed recovery.\n\n"
                 "Podiatrists and sports doctors around the world trust it.\n\n"
                 "Our nurses trust you to follow the plan.\n\n"
                 "The new braces are kinder to developing teeth.\n\n"
                 "It feels no worse than having a filling.\n\n"
                 "Some people still have pain a year later.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can be life-saving")),
        ("CL401", 7, 1, _claim("efficacy", "speed recovery")),
        ("CL401", 9, 1, _claim("efficacy", "Podiatrists and sports doctors around the world trust")),
        ("CL401", 13, 1, _claim("comparative", "kinder to developing teeth")),
        ("CL401", 15, 1, _claim("comparative", "feels no worse than")),
        ("CL401", 17, 1, _claim("prognosis", "still have pain a year later")),
    ]


def test_benefit_bullets_that_flatten_or_replenish():
    page = ("# ScarGel\n\n## Benefits\n\n"
            "- Flattens raised and lumpy scars\n- Replenishes friendly bacteria\n")
    assert _found(page) == [
        ("CL401", 5, 3, _claim("efficacy", "Flattens")),
        ("CL401", 6, 3, _claim("efficacy", "Replenishes")),
    ]


# -- 7. 'safe' before a place or practice, fabric care ---------------------------------
def test_safe_before_a_place_or_practice_and_fabric_care_are_no_claims():
    page = _page("What to do",
                 "Lay them on their side on a safe surface.\n\n"
                 "Theatres follow a latex-safe protocol.\n\n"
                 "The cream is safe for children.\n\n"
                 "No – it washes out at 30°C and won't damage technical fabrics.\n\n"
                 "It won't harm fabrics and soothes sore skin.")
    assert _found(page) == [
        ("CL401", 9, 1, _claim("safety", "safe")),
        ("CL401", 13, 1, _claim("safety", "won't harm")),
    ]


# -- 8. the usual treatment by its users ----------------------------------------------
def test_the_usual_treatment_by_its_users_is_an_efficacy_claim():
    page = _page("Treatment",
                 "Light therapy is another option and is often used in teenagers.\n\n"
                 "This test is often used in children.\n\n"
                 "This form is often used for children under five.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "is often used in teenagers"))]


# -- eleventh session, after the round: a lack or excess of a treatment word -----------
def test_a_lack_or_excess_of_something_that_is_also_a_treatment_is_a_causal_claim():
    # "vitamin" is a treatment word, so the named-subject cause pattern left the
    # sentence to the safety cues, which want the treatment itself as the subject
    page = _page("Causes",
                 "Low levels of vitamin B12 can also cause memory problems.\n\n"
                 "A lack of vitamin D can cause weak bones.\n\n"
                 "Not getting enough magnesium may lead to cramps.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can also cause")),
        ("CL401", 7, 1, _claim("causal", "can cause")),
        ("CL401", 9, 1, _claim("causal", "may lead to")),
    ]


def test_a_lack_or_excess_of_a_service_is_no_claim():
    page = _page("Causes",
                 "Low levels of stock can cause delays to your order.\n\n"
                 "Too much paperwork can cause delays at reception.")
    assert _found(page) == []
