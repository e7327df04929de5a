"""Claims round 18: recall of the rules (docs/claims.md, "Round 18"). Shapes written
from the rules' misses on blind24 to blind27 (seen), as general shapes rather than
phrases.

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message (the cue): the claim now flagged and the look-alike
non-claim still silent. The tests pin the phrase rules, so they run without the claim
model (the ``rules_alone`` fixture); the round's mends (docs/claims.md, "Round 18 mends",
after an independent review) add checks as shipped (the ``as_shipped`` fixture).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")

REVIEW = '★★★★★ "{}" — *Jo, Leeds*'


@pytest.fixture
def as_shipped(rules_alone):
    """The claim model as shipped (after the module's ``rules_alone``)."""
    from conditionlint import claimmodel

    claimmodel.reset()
    yield


# -- 1. an imperative word followed by a modal is the subject, not an instruction -------
def test_an_imperative_word_followed_by_a_modal_is_a_subject():
    page = _page("Looking after yourself",
                 "Rest can help ease the ache in a sprained wrist.\n\n"
                 "Rest your wrist on a cushion while you sleep. "
                 "Ice the area for ten minutes at a time.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "can help ease"))]


# -- 2. a treatment as the subject of "can cause" is a safety claim ---------------------
def test_a_treatment_that_can_cause_something_is_a_safety_claim():
    page = _page("Side effects",
                 "These tablets can also cause heartburn and a dry cough. "
                 "Late cancellations of physiotherapy sessions can cause long waits.\n\n"
                 "Steroid drops put into the eye may cause blurred vision for a few minutes.\n\n"
                 "Steroid drops are put in four times a day.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "can also cause")),
        ("CL401", 7, 1, _claim("safety", "may cause")),
    ]


def test_a_disclosed_harm_of_a_treatment_is_a_safety_claim():
    # Round 5 held that "can cause bruising" was a disclosed risk, no claim; every
    # labelled folder since calls such sentences unsupported safety claims (10 of them
    # on 6 folders, none left unlabelled), so tests/test_claims_round5.py and
    # tests/test_claims_structure.py were changed with this round
    page = _page("Massage", "Massage can cause bruising in some people.")
    assert _found(page) == [("CL401", 5, 1, _claim("safety", "can cause"))]


def test_a_medicine_that_can_cause_a_condition_counts_in_a_causes_section():
    page = _page("What causes it?",
                 "Some heart medicines can also cause swollen ankles.\n\n"
                 "Some heart medicines are taken at night.")
    assert _found(page) == [("CL401", 5, 1, _claim("safety", "can also cause"))]


# -- 3. seriousness stated plainly is a prognosis ---------------------------------------
def test_seriousness_stated_plainly_is_a_prognosis():
    page = _page("Outlook",
                 "Sudden flare-ups can happen at any time and can be very serious.\n\n"
                 "Sudden flare-ups are recorded in your symptom diary.\n\n"
                 "Widget fever is rare, but it is serious. "
                 "Widget fever is rare, but it is worth knowing about.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "can be very serious")),
        ("CL401", 9, 1, _claim("prognosis", "rare, but it is serious")),
    ]


# -- 4. the course in plain words is a prognosis ----------------------------------------
def test_the_course_in_plain_words_is_a_prognosis():
    page = _page("Outlook",
                 "Torn cartilage does not heal on its own. "
                 "Torn cartilage does not show on an X-ray.\n\n"
                 "Most people do well once the cause is treated. "
                 "Most people do their exercises at home.\n\n"
                 "If you keep kneeling, your symptoms will keep coming back. "
                 "If you keep a diary, your notes will keep coming in handy.\n\n"
                 "It takes longer to recover after open surgery. "
                 "It takes longer to park at the main hospital.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "does not heal on its own")),
        ("CL401", 7, 1, _claim("prognosis", "Most people do well")),
        ("CL401", 9, 1, _claim("prognosis", "will keep coming back")),
        ("CL401", 11, 1, _claim("prognosis", "takes longer to recover")),
    ]


# -- 5. what a treatment keeps you from, saves, makes rarer, treats successfully --------
def test_what_a_treatment_keeps_you_from_or_saves_is_efficacy():
    page = _page("Treatment",
                 "Zinc nasal gel can keep you from getting a second cold. "
                 "Zinc nasal gel can keep for a year in the fridge.\n\n"
                 "An inhaler can save your life in a severe attack. "
                 "An inhaler can save you a trip to the pharmacy.\n\n"
                 "The flu vaccines have made winter outbreaks much less common. "
                 "The flu vaccines have made the clinic much busier.\n\n"
                 "Widget syndrome can be treated successfully. "
                 "Widget syndrome can be treated at your local surgery.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can keep you from getting")),
        ("CL401", 7, 1, _claim("efficacy", "can save your life")),
        ("CL401", 9, 1, _claim("efficacy", "have made winter outbreaks much less common")),
        ("CL401", 11, 1, _claim("efficacy", "can be treated successfully")),
    ]


# -- 6. what a reviewer reports at a time counted from the treatment --------------------
def test_a_review_sentence_timed_from_the_treatment_is_an_outcome():
    page = _page("What our clients say",
                 '★★★★★ "Three weeks after my first session I walked to the shops." — *Jo, Leeds*\n\n'
                 '★★★★★ "Two years after my second baby I still had a gap. The team were lovely."'
                 ' — *Sam, Hove*\n\n'
                 '★★★★★ "After the second session she slept in her own bed." — *Ann, Ely*')
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "Three weeks after my first session I")),
        ("CL401", 9, 1, _claim("efficacy", "After the second session she")),
    ]


# -- 7. under a treatment heading, a pronoun that can cause something is the treatment --
def test_a_pronoun_that_can_cause_something_under_treatment_is_a_safety_claim():
    page = _page("Treatment",
                 "Steroid creams are used for a week at a time. "
                 "They can cause thinning of the skin if used for months. "
                 "They come in several strengths.")
    assert _found(page) == [("CL401", 5, 47, _claim("safety", "can cause"))]


def test_a_pronoun_that_can_cause_something_elsewhere_is_the_condition():
    page = _page("Causes", "Widget syndrome is common in runners. It can cause a limp.")
    assert _found(page) == []


# -- 8. one option more reliable than another, the gold standard ------------------------
def test_one_option_more_reliable_than_another_is_comparative():
    page = _page("Treatment",
                 "A splint is more reliable than strapping for a broken toe. "
                 "A splint is lighter than a plaster cast.\n\n"
                 "A crown is the gold standard for a cracked tooth. "
                 "Our reception service is the gold standard in the region.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("comparative", "more reliable than")),
        ("CL401", 7, 1, _claim("comparative", "is the gold standard")),
    ]


# -- 9. safety in plain words (and rare complications, a prognosis, anywhere) ------------
def test_safety_in_plain_words():
    page = _page("About our drops",
                 "The drops are suitable for adults and children over 6. "
                 "The clinic is suitable for people using wheelchairs.\n\n"
                 "The scan didn't hurt at all. The scan didn't take long.\n\n"
                 "The procedure is quick and complications are rare. "
                 "The procedure is quick and parking is free.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "are suitable for adults")),
        ("CL401", 7, 1, _claim("safety", "didn't hurt")),
        ("CL401", 9, 1, _claim("prognosis", "complications are rare")),
    ]


# -- 10. items that complete a lead-in's "help you:" are claims, not instructions --------
def test_items_completing_help_you_are_claims_and_instructions_stay_instructions():
    page = _page("Our programme",
                 "Over four sessions our coaching can help you:\n\n"
                 "- Sleep in your own bed without a night light\n"
                 "- Eat out without a safety plan")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can help")),
        ("CL401", 7, 3, _claim("efficacy", "can help")),
        ("CL401", 8, 3, _claim("efficacy", "can help")),
    ]


# -- 11. severity for a group, with a contracted "is" -------------------------------------
def test_severity_for_a_group_with_a_contracted_is():
    page = _page("Overview",
                 "Anyone can get widget fever, but it's most dangerous for newborn babies. "
                 "It's more dangerous in the car park at night, so please use the lit path.")
    assert _found(page) == [("CL401", 5, 1, _claim("prognosis", "'s most dangerous for"))]


# -- 12. a reviewer's change told against before ------------------------------------------
def test_a_review_that_compares_with_before_is_an_outcome():
    page = _page("What our clients say",
                 '★★★★★ "My knee has never felt better." — *Jo, Leeds*\n\n'
                 '★★★★★ "The reception has never been better staffed." — *Sam, Hove*\n\n'
                 '★★★★★ "The bruises went in three days instead of a week." — *Ann, Ely*\n\n'
                 '★★★★★ "The ache was about half by the time I left." — *Kit, Bude*\n\n'
                 '★★★★★ "The car park was about half full by the time I left." — *Lee, Bude*')
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "never felt better")),
        ("CL401", 9, 1, _claim("efficacy", "instead of a week")),
        ("CL401", 11, 1, _claim("efficacy", "ache was about half by the time I left")),
    ]


# -- 13. a cause ranked among others; a treatment tolerated well --------------------------
def test_a_cause_ranked_among_others_is_causal():
    page = _page("Causes",
                 "Stress is another common trigger. "
                 "Stress is another topic we cover in our workshops.\n\n"
                 "Long hours at a desk are one of the most common reasons for neck pain. "
                 "Long hours at a desk are one of the most common complaints of our staff.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "is another common trigger")),
        ("CL401", 7, 1, _claim("causal", "are one of the most common reasons for")),
    ]


def test_a_treatment_tolerated_well_is_a_safety_claim():
    page = _page("What to expect",
                 "Most people find treatment very comfortable. "
                 "Most people get used to the new booking app quickly.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "Most people find treatment very comfortable"))]


# == Round 18 mends (after the independent review) =======================================
# -- D1. a review's time marker is an outcome only inside a review ----------------------
def test_a_clinics_own_timed_plan_is_no_outcome():
    page = _page("What to expect",
                 "After your first session we will send you a home exercise plan.\n\n"
                 "After the first appointment we write to your GP with our findings.\n\n"
                 "After each treatment our therapist will note your progress.\n\n"
                 "After the first dose, our nurse will watch you for 15 minutes.")
    assert _found(page) == []


def test_a_review_timed_errand_is_no_outcome_and_a_timed_harm_is_safety():
    page = _page("What our clients say",
                 REVIEW.format("After the second session I went for a coffee next door.") + "\n\n"
                 + REVIEW.format("Within a week of booking I had an appointment.") + "\n\n"
                 + REVIEW.format("Four months into therapy, she asked for a library card.") + "\n\n"
                 + REVIEW.format("Within a week of starting treatment I was in hospital with a rash."))
    assert _found(page) == [
        ("CL401", 9, 1, _claim("efficacy", "Four months into therapy, she")),
        ("CL401", 11, 1, _claim("safety", "Within a week of starting treatment I")),
    ]


def test_a_clinics_timed_plan_and_a_timed_review_as_shipped(as_shipped):
    page = _page("What to expect",
                 "After your first session we will send you a home exercise plan.\n\n"
                 "Within two weeks of your visit we will call you to check in.\n\n"
                 + REVIEW.format("After three sessions my back pain had gone."))
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "After three sessions my"))]


# -- D2. the treatment that "can cause" is the subject, and causes no hold-up ------------
def test_a_treatment_only_mentioned_before_can_cause_is_no_subject():
    page = _page("Booking",
                 "High demand for the flu vaccine can cause delays in booking.\n\n"
                 "Roadworks near the surgery car park can cause delays on Monday mornings.\n\n"
                 "Steroid tablets, taken for a long time, can cause weight gain.")
    assert _found(page) == [("CL401", 9, 1, _claim("safety", "can cause"))]


def test_a_treatment_after_a_comma_can_cause_as_shipped(as_shipped):
    # (the model still flags "High demand for the flu vaccine can cause delays" on its
    # own, as before round 18; the rules no longer do)
    page = _page("Side effects", "Steroid tablets, taken for a long time, can cause weight gain.")
    assert _found(page) == [("CL401", 5, 1, _claim("safety", "can cause"))]


# -- D3. a pronoun's harm under Treatment only after a treatment as subject -------------
def test_a_pronoun_after_an_errand_or_the_condition_is_no_treatment_harm():
    page = _page("Treatment",
                 "Please bring your referral letter. It can cause delays if you forget it.\n\n"
                 "Widget syndrome is not usually serious. It can cause a limp for a few weeks.\n\n"
                 "Steroid tablets are taken for five days. They may cause trouble sleeping.")
    assert _found(page) == [
        ("CL401", 7, 1, _claim("prognosis", "is not usually serious")),
        ("CL401", 9, 42, _claim("safety", "may cause")),
    ]


def test_a_pronoun_after_an_errand_as_shipped(as_shipped):
    # No rule takes it for a claim. The model retrained in the tenth session (with
    # blind28 to blind31) does, on its own: docs/claims.md lists it among the
    # look-alikes the model flags.
    page = _page("Treatment",
                 "Please bring your referral letter. It can cause delays if you forget it.")
    assert [m for *_, m in _found(page) if not m.endswith("(found by the claim model)")] == []


# -- D4. the ranked causes, "made rarer" and the comma after a time marker ---------------
def test_every_ranked_cause_and_a_rarer_illness_match():
    page = _page("Causes",
                 "Dust mites are one of the most common indoor allergy triggers.\n\n"
                 "Dairy is one of the biggest culprits.\n\n"
                 "Parking is another common cause of complaints from visitors.\n\n"
                 "Billing questions are one of the most common reasons for calls to our team.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "are one of the most common indoor allergy triggers")),
        ("CL401", 7, 1, _claim("causal", "is one of the biggest culprits")),
    ]
    page = _page("Treatment",
                 "Vaccination has made measles far rarer.\n\n"
                 "The vaccine has made polio extremely rare.\n\n"
                 "Online forms have made paper letters much less common at the practice.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "has made measles far rarer")),
        ("CL401", 7, 1, _claim("efficacy", "has made polio extremely rare")),
    ]


# -- D5. seriousness, the course, keeps and saves: a health subject ----------------------
def test_service_sentences_are_no_course_or_seriousness():
    page = _page("About us",
                 "Our nurses can be very serious about hand hygiene.\n\n"
                 "Missing your slot could be very serious for your place on the waiting list.\n\n"
                 "A card payment does not usually settle on its own; please call reception.\n\n"
                 "Unfortunately a draft message usually cannot be saved in the patient portal.\n\n"
                 "Most of our trainees did well in the audit.\n\n"
                 "Sepsis can be life-threatening.\n\n"
                 "Without treatment the tooth usually cannot be saved.")
    assert _found(page) == [
        ("CL401", 15, 1, _claim("prognosis", "can be life-threatening")),
        ("CL401", 17, 1, _claim("prognosis", "tooth usually cannot be saved")),
    ]


def test_service_sentences_are_no_efficacy():
    page = _page("Contact",
                 "We will keep you well informed about your test results.\n\n"
                 "Our text reminders can keep you from being charged a late fee.\n\n"
                 "Our heated waiting room will keep you comfortable while you wait.\n\n"
                 "Most questions can usually be managed well by our reception team.\n\n"
                 "Home treatment can keep your baby comfortable.")
    assert _found(page) == [
        ("CL401", 13, 1, _claim("efficacy", "can keep your baby comfortable"))]


def test_service_sentences_as_shipped(as_shipped):
    page = _page("About us",
                 "Our nurses can be very serious about hand hygiene.\n\n"
                 "Most of our trainees did well in the audit.\n\n"
                 "Sepsis can be life-threatening.")
    assert _found(page) == [("CL401", 9, 1, _claim("prognosis", "can be life-threatening"))]


# -- D6. comparatives and who it suits: a health anchor ----------------------------------
def test_service_comparisons_and_who_a_place_suits_are_no_claims():
    page = _page("Visiting us",
                 "Our new online booking system is more reliable than the old phone line.\n\n"
                 "Weekend slots are easier on your diary than weekday ones.\n\n"
                 "This leaflet is suitable for adults and teenagers.\n\n"
                 "Booking online is completely painless.\n\n"
                 "Drops given by mouth are less reliable than the injection.\n\n"
                 "These drops are suitable for children from 2 years.")
    assert _found(page) == [
        ("CL401", 13, 1, _claim("comparative", "less reliable than")),
        ("CL401", 15, 1, _claim("safety", "are suitable for children")),
    ]


def test_service_comparisons_as_shipped(as_shipped):
    page = _page("Visiting us",
                 "Our new online booking system is more reliable than the old phone line.\n\n"
                 "The clinic is suitable for people using wheelchairs.\n\n"
                 "A splint is more reliable than strapping for a broken toe.")
    assert _found(page) == [("CL401", 9, 1, _claim("comparative", "more reliable than"))]


# -- D7. a contracted "is" in a place, an instruction with "also", a service's "help you:"
def test_a_place_an_instruction_and_a_services_help_you_are_no_claims():
    page = _page("What you can do",
                 "Drink also plenty of fluids to help your body recover.\n\n"
                 "Rest also helps the swelling go down.\n\n"
                 "Our reception team can help you:\n\n"
                 "- Book an appointment\n"
                 "- Order a repeat prescription")
    found = _found(page)
    assert found[0] == ("CL401", 7, 1, _claim("efficacy", "helps"))
    # the service's items are instructions again (the lead-in's own "can help" is an
    # older call, not pinned here)
    assert [f for f in found if f[1] > 9] == []
