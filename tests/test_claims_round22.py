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
        # (review 22 D4: the comparative is quoted with its adjective)
        ("CL401", 5, 29, _claim("efficacy", "My heel pain is much less sharp")),
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


# == review 22 mends (docs/round22.md, "Review mends") =====================================
# The reviewer's invented reproductions (review 22 findings D1-D7, D11, D12; D9 and D10 are
# in tests/test_claims_session13.py): the false finding gone, the true claim kept.


# -- D1. "end/start/begin" stay efficacy verbs before a direct object --------------------
def test_review22_d1_end_start_begin_before_an_object_still_claim():
    page = _page("Treatment",
                 "Injections end the pain within a day.\n\n"
                 "These drops end the itching in minutes.\n\n"
                 "Steroid injections end flare-ups for months.\n\n"
                 "Surgery ends the pain for good.\n\n"
                 "Acupuncture starts the healing process.\n\n"
                 "Laser treatment begins repairing the damage within a week.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "end")),
        ("CL401", 7, 1, _claim("efficacy", "end")),
        ("CL401", 9, 1, _claim("efficacy", "end")),
        ("CL401", 11, 1, _claim("efficacy", "ends")),
        ("CL401", 13, 1, _claim("efficacy", "starts")),
        ("CL401", 15, 1, _claim("efficacy", "begins")),
    ]


def test_review22_d1_end_start_begin_before_a_time_or_place_stay_quiet():
    page = _page("Treatment",
                 "Sessions end at 5pm.\n\n"
                 "Treatments begin in the spring.\n\n"
                 "Each treatment ends with a short walk.\n\n"
                 "Sessions begin a week after surgery.\n\n"
                 "Treatment starts 2 weeks after the scan.")
    assert _found(page) == []


# -- D2. any duration after "last(s)" is a schedule ----------------------------------------
def test_review22_d2_a_duration_after_last_is_a_schedule():
    page = _page("Treatment",
                 "Sessions last a whole morning.\n\n"
                 "Sessions last weeks.\n\n"
                 "Sessions last about forty minutes.\n\n"
                 "Each course lasts six weeks and heals most ulcers.")
    assert _found(page) == [("CL401", 11, 1, _claim("efficacy", "heals"))]


# -- D3. "most people": admin, onset and non-outcome words are no prognosis ----------------
def test_review22_d3_most_people_admin_onset_and_plain_words_stay_quiet():
    page = _page("About",
                 "Most people get their test results back within two weeks.\n\n"
                 "Most people hear back from us within five working days.\n\n"
                 "Most customers receive their order within three days.\n\n"
                 "Most families can claim back the cost of travel.\n\n"
                 "Most people with the virus develop symptoms within five days.\n\n"
                 "Most people first notice the rash within a week of the bite.\n\n"
                 "Most children catch chickenpox before the age of ten, usually within a "
                 "few days of contact.\n\n"
                 "Most people have a good understanding of their condition.\n\n"
                 "Most people are good at spotting the early signs.\n\n"
                 "Most babies are born at a normal weight.\n\n"
                 "Most people are able to drive themselves home.")
    assert _found(page) == []


def test_review22_d3_most_people_with_an_outcome_still_claim():
    page = _page("About",
                 "Most of our patients notice the first changes within four to six "
                 "sessions.\n\n"
                 "The outlook for most people with widget syndrome is very good.\n\n"
                 "If it is treated early, most people keep good central vision.\n\n"
                 "Most people recover fully within six weeks.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "within four to six sessions")),
        ("CL401", 7, 1, _claim("prognosis", "The outlook for most people with widget syndrome is very good")),
        ("CL401", 9, 1, _claim("prognosis", "good central vision")),
        ("CL401", 11, 1, _claim("prognosis", "Most people recover")),
    ]


# -- D12. "most people" keeps the earlier verb group in its quote ---------------------------
def test_review22_d12_most_people_feel_better_quotes_the_verb_group():
    page = _page("About", "Most people with shingles feel better within a month.")
    assert _found(page) == [("CL401", 5, 1, _claim("prognosis", "feel better"))]


# -- D4. "my ...": only the writer's body part or symptom ----------------------------------
def test_review22_d4_my_things_that_are_no_body_part_claim_no_outcome():
    page = _page("My story",
                 "My electricity bill is lower this month.\n\n"
                 "My new phone is smaller.\n\n"
                 "My house is quieter since the kids left.\n\n"
                 "Since moving house, my commute is longer.\n\n"
                 "My English is better than my French.")
    assert _found(page) == [("CL401", 13, 1, _claim("comparative", "better than"))]


def test_review22_d4_my_body_part_outcome_quotes_the_whole_comparative():
    page = _page("My story",
                 "My skin is less greasy than my sister's.\n\n"
                 "My fasting glucose readings are definitely lower.\n\n"
                 "My chest pain is much less frequent now.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "My skin is less greasy")),
        ("CL401", 7, 1, _claim("efficacy", "My fasting glucose readings are definitely lower")),
        ("CL401", 9, 1, _claim("efficacy", "My chest pain is much less frequent")),
    ]


# -- D5. an -ing subject: no admin step, no -ing noun, no access for the reader --------------
def test_review22_d5_admin_and_noun_ing_subjects_stay_quiet():
    page = _page("My story",
                 "Booking an appointment gives you a reference number.\n\n"
                 "Registering online gives you access to your records.\n\n"
                 "Using the portal removes the need to phone.\n\n"
                 "Signing up gives you 10% off your first order.\n\n"
                 "Spring brings warmer weather.\n\n"
                 "Sharing this page helps us reach more people.")
    assert _found(page) == []


def test_review22_d5_an_ing_action_on_the_body_still_claims():
    page = _page("My story",
                 "Resting the joint gives the bone a chance to heal.\n\n"
                 "Stretching eases stiffness.\n\n"
                 "Using a humidifier eases a blocked nose.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "gives")),
        ("CL401", 7, 1, _claim("efficacy", "eases")),
        ("CL401", 9, 1, _claim("efficacy", "eases")),
    ]


# -- D6. a treatment judged adequate: not a payment, contact, clinic or parking subject ----
def test_review22_d6_service_and_payment_options_stay_quiet():
    page = _page("My story",
                 "Paying by direct debit is a good option.\n\n"
                 "Telephone appointments are a useful option for busy parents.\n\n"
                 "Email is a useful alternative if you cannot phone.\n\n"
                 "Our Saturday clinic is a good choice for working parents.\n\n"
                 "The car park on King Street is a good option if the main one is full.\n\n"
                 "A phone call is usually all you need to book.\n\n"
                 "Ten minutes is usually enough for most people to fill in the form.")
    assert _found(page) == []


def test_review22_d6_a_treatment_judged_adequate_still_claims():
    page = _page("My story",
                 "Paracetamol is usually enough for the pain.\n\n"
                 "Tacrolimus ointment can be a useful option if steroids don't work.\n\n"
                 "Online CBT programmes may be a good option if you are on a waiting list.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "is usually enough for the pain")),
        ("CL401", 7, 1, _claim("efficacy", "be a useful option")),
        ("CL401", 9, 1, _claim("efficacy", "be a good option")),
    ]


# -- D7. ranking verdicts: no price or step words; ways to book are no claim ----------------
def test_review22_d7_price_steps_and_ways_to_book_stay_quiet():
    page = _page("Treatment",
                 "The standard plan is the most affordable option.\n\n"
                 "Step one is the easiest step.\n\n"
                 "Online booking is the easiest way to book.\n\n"
                 "Calling us is the quickest way to speak to a nurse.\n\n"
                 "The app is the fastest way to update your details.\n\n"
                 "Our website is the easiest way to register.")
    assert _found(page) == []


def test_review22_d7_a_treatment_ranked_still_claims():
    page = _page("Treatment",
                 "Laser closure is the most comfortable option.\n\n"
                 "Surgery is the quickest way to get rid of the cyst.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "is the most comfortable option")),
        ("CL401", 7, 1, _claim("comparative", "the quickest way")),
    ]


# -- D11. a service's help after a call to action is no effect ------------------------------
def test_review22_d11_help_with_queries_after_a_call_to_action_stays_quiet():
    page = _page("Treatment",
                 "Contact us today; our friendly team is happy to help with any query.\n\n"
                 "Call us; we can help with bookings and questions.\n\n"
                 "Book now; our balm clears acne in days.")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "clears"))]
