"""Claims round 26 (blind52 to blind59 seen; open-class families for unseen pages): a
ticked benefit that opens with any verb in -s, a visit's or a session's length, and a
first-person story's setup (docs/round26.md).

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``),
except the last, which checks that an excluded sentence is kept from the model too.
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page


# -- (a) a ticked benefit that opens with any verb in -s ---------------------------------------
def test_a_ticked_benefit_opening_with_any_verb_in_s_is_an_efficacy_claim(rules_alone):
    page = _page("Why choose Widgetol?",
                 "- ✓ Recalibrates the widget pathway overnight\n"
                 "- ✓ Untangles your sprockets in a week\n"
                 "- ✓ Gently rewinds the inner coil")
    assert _found(page) == [
        ("CL401", 5, 3, _claim("efficacy", "Recalibrates")),
        ("CL401", 6, 3, _claim("efficacy", "Untangles")),
        ("CL401", 7, 3, _claim("efficacy", "Gently rewinds")),
    ]


def test_a_ticked_product_fact_a_noun_or_a_plain_bullet_stays_quiet(rules_alone):
    page = _page("Why choose Widgetol?",
                 "- ✓ Contains 60 tablets\n"
                 "- ✓ Comes in lemon flavour\n"
                 "- ✓ Accepts most insurers\n"
                 "- ✓ Tastes like real strawberries\n"
                 "- ✓ Pets and children love it\n"
                 "- ✓ Ships in plain packaging\n"
                 "- ✓ Vegan, gluten-free and made in the UK\n"
                 "- Recalibrates the widget pathway overnight")
    assert _found(page) == []


# -- (b) how long a visit or a session takes ---------------------------------------------------
def test_a_visits_or_a_sessions_length_is_no_claim(rules_alone):
    page = _page("Your first visit",
                 "Our widget medicals are approved by the Widget Board and take about 40 "
                 "minutes.\n\n"
                 "A typical first treatment lasts just under three hours, and some people "
                 "need two more sessions.\n\n"
                 "Each session lasts 45 minutes and includes a full widget check.")
    assert _found(page) == []


def test_a_length_with_an_outcome_or_a_risk_stays_a_claim(rules_alone):
    page = _page("Your first visit",
                 "The procedure takes about 20 minutes, and most patients walk out "
                 "pain-free.\n\n"
                 "The treatment takes under an hour and is completely safe.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "pain-free")),
        ("CL401", 7, 1, _claim("safety", "completely safe")),
    ]


# -- (c) a first-person story's setup ----------------------------------------------------------
def test_a_first_person_setup_is_no_claim(rules_alone):
    page = _page("What our clients say",
                 '"Six weeks after the widget fever I could barely get off the sofa.\n\n'
                 "After my widget surgery I couldn't work a full day.\n\n"
                 "Two days after the festival, I noticed a small, very itchy red patch on "
                 "my widget.")
    assert _found(page) == []


def test_a_story_that_turns_to_an_outcome_stays_a_claim(rules_alone):
    page = _page("What our clients say",
                 "I couldn't walk to the end of the road, but now I walk five miles a "
                 "day.\n\n"
                 "After my widget surgery I couldn't work a full day, but two sessions later "
                 "the pain had vanished.\n\n"
                 "I couldn't believe how quickly the widget drops relieved my pain.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "now I")),
        ("CL401", 7, 1, _claim("efficacy", "vanished")),
        ("CL401", 9, 1, _claim("efficacy", "relieved")),
    ]


def test_an_excluded_setup_or_length_is_kept_from_the_claim_model():
    # as shipped (the claim model on): the exclusions take the sentences out of the
    # model's scope too, so it adds nothing of them
    page = _page("Your first visit",
                 "Our widget medicals are approved by the Widget Board and take about 40 "
                 "minutes.\n\n"
                 "Three days after getting home from the coast, I noticed a small, very "
                 "itchy red line on the sole of my left foot.")
    assert _found(page) == []


# -- (d) a lead-in announcing what people report or can expect -----------------------------------
def test_a_report_lead_in_lends_its_cue_but_is_no_claim_itself():
    page = _page("Why choose us",
                 "With our widget therapy you can expect:\n\n"
                 "- ✓ Smoother sprockets after your first session\n"
                 "- ✓ A calmer inner coil\n\n"
                 "Widget therapy relieves:\n\n"
                 "- sprocket ache\n"
                 "- coil strain")
    cue = _claim("efficacy", "With our widget therapy")
    assert _found(page) == [
        ("CL401", 7, 3, cue),
        ("CL401", 8, 3, cue),
        ("CL401", 10, 1, _claim("efficacy", "relieves")),
        ("CL401", 12, 3, _claim("efficacy", "relieves")),
        ("CL401", 13, 3, _claim("efficacy", "relieves")),
    ]


# -- (e) a person or a service that can help ----------------------------------------------------
def test_a_helper_that_can_help_is_no_claim_an_activity_or_a_treatment_is(rules_alone):
    page = _page("Getting help",
                 "Your GP or a local widget service can help.\n\n"
                 "It can be hard to tell a flare from a relapse, and a nurse can help.\n\n"
                 "Talking to your GP or our helpline can help.\n\n"
                 "Widget cream can help.")
    assert _found(page) == [
        ("CL401", 9, 1, _claim("efficacy", "can help")),
        ("CL401", 11, 1, _claim("efficacy", "can help")),
    ]
