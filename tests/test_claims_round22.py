"""Claims round 22 (thirteenth session; blind40 to blind43 seen): precision look-alikes,
an exclusion in a first clause, and general families only, each shown by misses on
several seen pages (docs/round22.md).

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message, with a look-alike that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. a treatment subject with a verb of schedule or make-up is no efficacy claim ---------
def test_a_sessions_schedule_or_contents_is_no_efficacy_claim():
    page = _page("Treatment",
                 "Sessions last an hour.\n\n"
                 "Each session follows a set routine.\n\n"
                 "The session includes a lymph reset.\n\n"
                 "Treatments last between 30 and 45 minutes.\n\n"
                 "Each treatment ends with a short walk.\n\n"
                 "The programme runs over twelve weeks.\n\n"
                 "Sessions begin at the clinic door.")
    assert _found(page) == []


def test_a_treatment_that_acts_still_claims_after_the_schedule_verbs():
    page = _page("Treatment",
                 "Treatment takes the pain away.\n\n"
                 "Weekly sessions loosen the stiff muscles.\n\n"
                 "The session includes exercises that ease the pain.\n\n"
                 "Treatment includes relieving the pressure on the heel.\n\n"
                 "Each course lasts six weeks and heals most ulcers.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "takes")),
        ("CL401", 7, 1, _claim("efficacy", "loosen")),
        ("CL401", 9, 1, _claim("efficacy", "that ease")),
        ("CL401", 11, 1, _claim("efficacy", "relieving")),
        ("CL401", 13, 1, _claim("efficacy", "heals")),
    ]


# -- 2. an exclusion in a first clause silences that clause only ------------------------
def test_a_claim_after_an_excluded_first_clause_is_flagged():
    page = _page("Treatment",
                 "We treat 500 patients a year, but eczema clears in most within weeks.\n\n"
                 "A red patch can be a sign of a trapped nerve; this usually recovers by "
                 "itself over a few months.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "clears")),
        ("CL401", 7, 1, _claim("prognosis", "usually recovers")),
    ]


def test_an_excluded_first_clause_with_no_claim_after_it_stays_quiet():
    page = _page("Treatment",
                 "I'm not a doctor \u2013 just a mum who read a lot and got brilliant help.\n\n"
                 "Book your free consultation today, so we can plan your first visit.\n\n"
                 "Ask your pharmacist; they stock most creams.\n\n"
                 "Some say it eases itching; there is little good evidence for it.\n\n"
                 "Can this be a sign of a trapped nerve, or does it usually recover?")
    assert _found(page) == []


# -- 3. a ranking verdict in the predicate is a comparative claim -----------------------
def test_a_ranking_verdict_in_the_predicate_is_a_comparative_claim():
    page = _page("Treatment",
                 "Swimming is the best exercise for a stiff hip.\n\n"
                 "Splinting is the main conservative treatment for widget syndrome.\n\n"
                 "Cold therapy was the single best thing I tried.\n\n"
                 "Keyhole release is the most comfortable option.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "is the best exercise")),
        ("CL401", 7, 1, _claim("comparative", "is the main conservative treatment")),
        ("CL401", 9, 1, _claim("comparative", "was the single best thing")),
        ("CL401", 11, 1, _claim("comparative", "is the most comfortable option")),
    ]


def test_rankings_of_fear_frequency_or_what_to_say_stay_quiet():
    page = _page("Treatment",
                 "Seeing your child faint is one of the most frightening things a parent "
                 "can go through.\n\n"
                 "Honestly, this is the main thing I want to say.\n\n"
                 "Our reception desk is the main way to book a visit.")
    assert _found(page) == []


# -- 4. what most people do after treatment is a prognosis -------------------------------
def test_what_most_people_do_after_treatment_is_a_prognosis():
    page = _page("Treatment",
                 "Most patients drive within six weeks of surgery.\n\n"
                 "With treatment, most children hear better by the summer.")
    # (the outcome word is quoted, so an older cue earlier in the sentence still wins:
    # "Most people make a full recovery" quotes 'make a full recovery')
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "within six weeks")),
        ("CL401", 7, 1, _claim("prognosis", "better")),
    ]


def test_how_many_sessions_most_people_need_is_no_prognosis():
    page = _page("Treatment",
                 "Most patients need three sessions, a week apart, and some are well sooner.\n\n"
                 "Most people don't need treatment and are well.\n\n"
                 "Most people think widget syndrome is rare.")
    assert _found(page) == []


# -- 5. a first-person outcome: the writer's own symptom now compared -------------------
def test_a_first_person_outcome_is_an_efficacy_claim():
    page = _page("Stories",
                 "I started the drops in May. My heel pain is much less sharp now.\n\n"
                 "The marks on my arms are about 60% lighter.")
    assert _found(page) == [
        ("CL401", 5, 29, _claim("efficacy", "My heel pain is much less")),
        ("CL401", 7, 1, _claim("efficacy", "my arms are about 60% lighter")),
    ]


def test_a_first_person_comparison_with_no_outcome_stays_quiet():
    page = _page("Stories",
                 "My sister is older than me.\n\n"
                 "My energy is lower than usual in winter.\n\n"
                 "Is my skin less greasy yet, or is it the light?")
    assert _found(page) == []


# -- 6. an action in -ing as the subject of a verb of effect (a cause: older patterns) ---
def test_an_action_in_ing_as_the_subject_of_an_effect_or_a_cause_is_a_claim():
    page = _page("Self-care",
                 "Resting the wrist gives the tendon a chance to settle.\n\n"
                 "Rinsing the eye with clean water removes most grit.\n\n"
                 "Taking more than 4 g a day can cause liver damage.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "gives")),
        ("CL401", 7, 1, _claim("efficacy", "removes")),
        ("CL401", 9, 1, _claim("causal", "can cause")),
    ]


def test_an_ing_subject_that_is_negated_a_noun_or_a_fact_stays_quiet():
    page = _page("Self-care",
                 "Curing it doesn't protect you for good, though.\n\n"
                 "Imaging helps rule out other causes.\n\n"
                 "Wearing a personal alarm means you can get help quickly.\n\n"
                 "Living with widget syndrome can affect your whole week.")
    assert _found(page) == []


# -- 7. a treatment judged adequate -----------------------------------------------------
def test_a_treatment_judged_a_good_option_or_enough_is_a_claim():
    page = _page("Treatment",
                 "Splints may be a good option for some people.\n\n"
                 "Ibuprofen is usually enough for the pain.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "be a good option")),
        ("CL401", 7, 1, _claim("efficacy", "is usually enough for the pain")),
    ]


def test_a_good_idea_or_enough_time_is_no_claim():
    page = _page("Treatment",
                 "It is a good idea to bring a friend to your appointment.\n\n"
                 "One form is enough for the whole family.")
    assert _found(page) == []
