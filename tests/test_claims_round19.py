"""Claims round 19: CL401 as shipped on blind28 to blind31 (seen), precision and recall
together (docs/claims.md, "Round 19"). General shapes, not phrases.

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message (the cue): the claim now flagged and the look-alike
non-claim still silent. The tests pin the phrase rules, so they run without the claim
model (the ``rules_alone`` fixture); where the model's own finding is what the change
keeps away (an exclusion keeps a sentence from reaching it), the check runs as shipped.
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


@pytest.fixture
def as_shipped(rules_alone):
    """The claim model as shipped (after the module's ``rules_alone``)."""
    from conditionlint import claimmodel

    claimmodel.reset()
    yield


# -- 1. a hedged cause in a Causes section names its effect ---------------------------
def test_a_hedged_cause_that_names_its_effect_claims_under_causes():
    page = _page("Causes",
                 "Stress, poor sleep and caffeine can all make the twitching worse.\n\n"
                 "Stress and poor sleep can play a part.\n\n"
                 "Cold weather may make it worse.\n\n"
                 "It can be spread by sharing towels.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "all make the twitching worse")),
        ("CL401", 11, 1, _claim("causal", "be spread by")),
    ]


# -- 2. the service offering help, a "may help to:" lead-in, years of experience -------
def test_the_service_offering_help_names_no_outcome():
    page = _page("How we can help",
                 "If your back hurts, we can help.\n\n"
                 "Our pharmacists and breastfeeding advisers can help.\n\n"
                 "Our massage can help your back pain settle.\n\n"
                 "Dr Lee has 20 years' experience helping women with cysts.")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "can help"))]


def test_the_service_offering_help_stays_quiet_as_shipped(as_shipped):
    page = _page("How we can help", "If your back hurts, we can help.")
    assert _found(page) == []


def test_a_may_help_to_lead_in_is_no_claim():
    page = _page("Self-help", "You cannot always prevent it, but it may help to:\n\n"
                              "- keep your nails short")
    assert _found(page) == []


# -- 3. the plain "causes" -------------------------------------------------------------
def test_a_cause_in_the_plain_present_is_a_causal_claim():
    page = ("# Ovarian cysts\n\n## Causes\n\n"
            "Endometriosis causes a type of cyst called an endometrioma.\n\n"
            "Ovarian cysts cause a dull ache in the tummy.\n\n"
            "It causes a dull ache.\n")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "causes"))]


def test_the_pages_condition_causing_its_symptoms_is_a_description():
    page = _page("Causes", "Widget syndrome causes itchy, dry skin.\n\n"
                           "Damp housing causes widget syndrome in most children.")
    # (a named cause of the page's condition keeps round 12's longer cue)
    assert _found(page) == [("CL401", 7, 1, _claim("causal", "causes widget"))]


# -- 4. lead-in items written as sentences of their own ------------------------------
def test_an_item_written_as_a_sentence_is_judged_on_its_own():
    page = _page("Self-help", "Some steps can lower your chances of a flare:\n\n"
                              "- Stay well hydrated, especially in hot weather.\n"
                              "- neck pain")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can lower")),
        ("CL401", 8, 3, _claim("efficacy", "can lower")),
    ]


def test_an_instruction_item_under_a_claiming_lead_in_is_quiet():
    page = _page("Treatment", "Our massage eases the ache:\n\n"
                              "- Book online before your first visit.\n"
                              "- in the neck and shoulders")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "eases")),
        ("CL401", 8, 3, _claim("efficacy", "eases")),
    ]


# -- 5. what a page says about itself or reports without asserting --------------------
@pytest.mark.parametrize("sentence", [
    "This leaflet is for adults who have had a shoulder put back in place.",
    "Produced with the help of our medical advisory panel.",
    "Return unopened packs within 30 days for a full refund.",
    "Researchers are still studying this.",
    "Conventional medicine treats widget syndrome as a skin problem.",
    "We are often asked about vitamin D and cure programmes sold online.",
    "Some websites promote creams to get rid of widget spots.",
    "Barrier creams are often sold to prevent widget spots.",
    "The main goal is to keep you safe.",
])
def test_a_page_about_itself_or_a_report_is_no_claim(sentence):
    assert _found(_page("About this leaflet", sentence)) == []


def test_a_product_sold_by_others_with_a_claiming_clause_still_claims():
    page = _page("Treatment", "Onion gels are widely sold for scars, and many people are "
                              "happy with them.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "happy with them"))]


def test_a_treatment_that_treats_as_still_claims_when_it_works():
    # ("treats ... as" is a view; "starts to treat every flight as a threat" is no
    # treatment at all, and an effect verb elsewhere still claims)
    page = _page("Treatment", "Our cream treats widget spots and clears them in a week.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "treats"))]


# -- 6. the service's hold-ups are kept from the claim model ---------------------------
def test_a_hold_up_is_no_claim_as_shipped(as_shipped):
    page = _page("Treatment", "Please bring your referral letter. "
                              "It can cause delays if you forget it.")
    assert _found(page) == []


# -- 7. what makes a named event more likely ------------------------------------------
def test_what_makes_a_named_event_more_likely_is_a_causal_claim():
    page = _page("Causes",
                 "Taking blood thinners can make a nosebleed in children more likely.\n\n"
                 "Booking early can make a slot at your preferred clinic more likely to be "
                 "free.\n\n"
                 "Certain foods can make acid levels rise.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can make a nosebleed in children more likely")),
        ("CL401", 9, 1, _claim("causal", "can make acid levels rise")),
    ]


# == Round 19 mends (review 19, defects 1-5, 10-12) ===================================
def _titled(title: str, heading: str, body: str) -> str:
    # (the body starts on line 9)
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n## {heading}\n\n{body}\n"


# -- M1. the service's hold-ups: a service object, not any "cause confusion" -----------
def test_a_harm_worded_as_delays_or_confusion_is_a_claim_again():
    assert _found(_titled("Delirium", "Causes",
                          "Anaesthesia can cause confusion in older people.")) == [
        ("CL401", 9, 1, _claim("causal", "can cause"))]
    assert _found(_titled("Wound care", "Causes",
                          "Smoking can cause delays in wound healing.")) == [
        ("CL401", 9, 1, _claim("causal", "can cause"))]


def test_a_hold_up_at_the_service_stays_quiet():
    page = _titled("Booking", "Booking",
                   "Forgetting your card can cause delays at reception.\n\n"
                   "Roadworks near the surgery car park can cause delays on Monday mornings.")
    assert _found(page) == []


def test_a_harm_worded_as_confusion_is_a_claim_as_shipped(as_shipped):
    page = _titled("Delirium", "Side effects",
                   "Some sleeping tablets may cause confusion and falls in older adults.")
    assert _found(page) == [
        ("CL401", 9, 1, _claim("safety", "sleeping tablets may cause")
         + " (found by the claim model)")]


# -- M2. the page talking about itself: a claiming clause after it still claims -------
@pytest.mark.parametrize(("sentence", "kind", "cue"), [
    ("Our supplement relieves joint pain in seven days, or return it for a full refund.",
     "efficacy", "relieves"),
    ("Our clinic treats eczema as a whole-body problem and our approach clears it in 90% "
     "of cases.", "efficacy", "treats"),
    ("Conventional dermatology treats rosacea as a skin problem, but our herbal protocol "
     "cures it permanently.", "efficacy", "treats"),
    ("The aim of acupuncture is to relieve pain, and it works for 90% of people.",
     "efficacy", "to relieve"),
    ("We're often asked whether acupuncture works: it does, and it is completely safe.",
     "safety", "completely safe"),
    ("This leaflet is for people starting statins, which cut the risk of heart attack by "
     "a third.", "efficacy", "cut the risk"),
    ("Doctors are investigating it because it halved attacks in a small trial.",
     "efficacy", "halved"),
])
def test_a_claim_after_the_page_talking_about_itself_still_claims(sentence, kind, cue):
    assert _found(_page("About this leaflet", sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


@pytest.mark.parametrize("sentence", [
    "This leaflet is for people who wear dentures, and for family members and carers "
    "who help someone look after their dentures.",
    "This leaflet is for adults who have had a shoulder dislocation put back in place.",
    "We are often asked about gingko biloba, vitamin D and \"cure\" programmes sold online.",
    "If you're not happy within 60 nights, send them back for a full refund.",
    "Not happy? Return unopened packs within 30 days for a full refund.",
    "Unopened items can be returned within 30 days for a full refund.",
])
def test_the_page_talking_about_itself_at_length_stays_quiet(sentence):
    assert _found(_page("About this leaflet", sentence)) == []


def test_a_claim_after_the_page_talking_about_itself_as_shipped(as_shipped):
    page = _page("About this leaflet", "The goal of isotretinoin is to clear acne for good, "
                                       "and it does so in 85% of people.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "to clear"))]


# -- M3. a plain "causes" needs a health word on one side; the noun "Causes" ----------
@pytest.mark.parametrize(("title", "heading", "body"), [
    ("Back pain", "Booking", "Our new booking system sometimes causes a delay in "
                             "confirmation emails."),
    ("Back pain", "Booking", "Parking near the clinic often causes problems on Saturdays."),
    ("Back pain", "Booking", "A missed appointment causes a charge of 20 pounds."),
    ("Back pain", "Booking", "Changing the date online causes the old booking to be "
                             "cancelled."),
    ("Back pain", "Website", "Clearing your cookies causes the site to forget your "
                             "settings."),
    ("MRI scan", "What happens", "The scan takes about 20 minutes. The machine causes a "
                                 "loud knocking noise."),
    ("Dizziness", "Causes", "Causes differ between children and adults."),
    ("Dizziness", "Causes", "Causes range from ear infections to low blood pressure."),
    ("Dizziness", "Causes", "Some causes need urgent treatment, so see a GP."),
    ("Migraine", "Self-help", "Whatever causes your flare-ups, keep a diary."),
    ("Chickenpox", "Overview", "The varicella-zoster virus causes an itchy, spotty rash."),
])
def test_a_plain_causes_about_no_health_matter_is_no_claim(title, heading, body):
    assert _found(_titled(title, heading, body)) == []


def test_a_named_cause_in_plain_causes_still_claims():
    page = _titled("Ovarian cysts", "Causes",
                   "Endometriosis causes a type of cyst called an endometrioma.\n\n"
                   "Sun exposure causes skin cancer.\n\n"
                   "Smoking causes emphysema.")
    assert _found(page) == [
        ("CL401", 9, 1, _claim("causal", "causes")),
        ("CL401", 11, 1, _claim("causal", "causes")),
        ("CL401", 13, 1, _claim("causal", "causes")),
    ]


def test_a_plain_causes_about_the_service_as_shipped(as_shipped):
    page = _titled("Back pain", "Booking",
                   "Parking near the clinic often causes problems on Saturdays.\n\n"
                   "Sun exposure causes skin cancer.")
    assert _found(page) == [("CL401", 11, 1, _claim("causal", "causes"))]


# -- M4. a short or abbreviated title names the page's condition ----------------------
def test_a_short_condition_name_causing_its_symptoms_is_a_description():
    assert _found(_titled("Flu", "Overview", "Flu often causes a sudden high temperature "
                                             "and aching body.")) == []
    assert _found(_titled("Irritable bowel syndrome (IBS)", "Overview",
                          "IBS causes bloating and cramps.")) == []


def test_another_short_condition_still_names_a_cause():
    page = _titled("Irritable bowel syndrome (IBS)", "Causes",
                   "HIV causes bloating.")
    assert _found(page) == [("CL401", 9, 1, _claim("causal", "causes"))]


# -- M5. a hedged course in a Causes section stays a description ----------------------
def test_a_hedged_course_under_causes_is_no_prognosis_claim():
    page = _titled("Back pain", "Causes",
                   "The pain can come and go over several weeks.\n\n"
                   "Symptoms can last for a few days or several weeks.\n\n"
                   "You can catch chickenpox more than once, but it is rare.\n\n"
                   "Heavy lifting can strain the muscles and ligaments in your back.")
    assert _found(page) == [
        ("CL401", 15, 1, _claim("causal", "strain the muscles and ligaments"))]


def test_a_hedged_grave_outcome_under_complications_still_claims():
    page = _titled("Pneumonia", "Complications",
                   "HELLP syndrome can be life-threatening for both the pregnant person "
                   "and the baby.")
    assert [(c, ln, col) for c, ln, col, _ in _found(page)] == [("CL401", 9, 1)]


# -- M10. fragments with full stops still complete a claiming lead-in -----------------
def test_fragment_items_with_full_stops_complete_the_lead_in():
    page = _page("How we help", "Our spinal adjustments relieve:\n\n"
                                "- back pain.\n- neck stiffness.\n- sciatica.")
    cue = _claim("efficacy", "adjustments relieve")
    assert _found(page) == [("CL401", 5, 1, cue), ("CL401", 7, 3, cue),
                            ("CL401", 8, 3, cue), ("CL401", 9, 3, cue)]


def test_sentence_items_after_a_lead_in_are_judged_on_their_own():
    page = _page("Self-help", "Things you can do:\n\n"
                              "- Get up slowly after sitting or lying down.\n"
                              "- Rest.\n- Drink plenty of water.")
    assert _found(page) == []


# -- M11. a failed treatment before "we can help" promises an outcome -----------------
def test_we_can_help_after_other_treatments_failed_is_a_claim():
    page = _titled("Back pain", "Treatment",
                   "If nothing else has worked for your back pain, our osteopaths can help.\n\n"
                   "If you have questions about your booking, our team can help.")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "can help"))]


# -- M12. what a booking or an errand makes more likely is no cause -------------------
def test_a_booking_made_more_likely_is_no_causal_claim():
    page = _titled("Booking", "Booking",
                   "Booking early can make a morning appointment more likely.\n\n"
                   "Sending your letter by email will make a faster reply more likely.\n\n"
                   "Ordering in September will make stock levels rise before the winter rush.\n\n"
                   "Lying still makes a clear image more likely.")
    assert _found(page) == []


def test_a_named_event_made_more_likely_still_claims():
    page = _titled("Nosebleeds", "Causes",
                   "Taking blood thinners can make a nosebleed in children more likely.\n\n"
                   "Some antibiotics can make bilirubin levels rise.")
    assert _found(page) == [
        ("CL401", 9, 1, _claim("causal", "can make a nosebleed in children more likely")),
        ("CL401", 11, 1, _claim("causal", "can make bilirubin levels rise")),
    ]
