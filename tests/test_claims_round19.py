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
