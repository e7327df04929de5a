"""Claims round 17: precision first (docs/claims.md, "Round 17"). Structural limits
written from the false findings of blind20 to blind23 (seen), as general shapes rather
than phrases.

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message (the cue): the non-claim that is now silent and the
look-alike claim that is still flagged. The tests pin the rules, so they run without the
claim model (the ``rules_alone`` fixture, as in tests/test_claims_round16.py).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. a bold run-in label that the item goes on to explain names the item ------------
def test_a_bold_run_in_label_followed_by_its_explanation_is_a_name():
    page = _page("Our programme",
                 "Our programme has three parts:\n\n"
                 "1. **Joint healing.** We start with a full assessment of the joint.\n"
                 "2. **Stress support.** Weekly breathing classes with our team.\n"
                 "3. **Gut repair.** Probiotics repair the gut lining within weeks.")
    assert _found(page) == [("CL401", 9, 20, _claim("efficacy", "Probiotics repair"))]


def test_a_bold_label_that_is_the_whole_item_or_states_a_claim_still_counts():
    page = _page("Why choose us",
                 "- **Heals sprains faster.**\n"
                 "- **Massage reduces pain in most people.** Ask us about it.")
    assert _found(page) == [
        ("CL401", 5, 5, _claim("efficacy", "Heals")),
        ("CL401", 6, 5, _claim("efficacy", "reduces")),
    ]


# -- 2. a list announced as signs, symptoms or triggers describes the condition --------
def test_items_under_a_lead_in_announcing_signs_or_triggers_describe():
    page = _page("About widget syndrome",
                 "Common signs include:\n\n"
                 "- tiredness that isn't relieved by sleep\n"
                 "- stiffness and reduced movement in the morning\n\n"
                 "The most common triggers are:\n\n"
                 "- stopping the contraceptive pill\n\n"
                 "Our treatment can help with:\n\n"
                 "- tiredness that isn't relieved by sleep")
    assert _found(page) == [
        ("CL401", 14, 1, _claim("efficacy", "can help")),
        ("CL401", 16, 3, _claim("efficacy", "can help")),
    ]


def test_items_under_a_heading_asking_for_the_signs_describe():
    page = ("# Widget syndrome\n\n## What are the signs?\n\n"
            "- painkillers that work less well than they used to\n\n"
            "## What helps?\n\n"
            "- painkillers that work less well than they used to\n")
    assert _found(page) == [("CL401", 9, 3, _claim("efficacy", "work less well"))]


def test_signs_of_recovery_are_not_a_description_of_the_condition():
    page = _page("After treatment", "Signs that the treatment is working:\n\n"
                                    "- pain that eases within a week")
    assert _found(page) == [("CL401", 7, 3, _claim("efficacy", "eases"))]


def test_a_scraped_symptoms_line_with_short_lines_under_it_is_a_list():
    page = _page("Widget syndrome",
                 "Symptoms\nPain when lifting the arm\nStiffness that eases with rest\n"
                 "Weakness\n\n"
                 "Treatment\nPain when lifting the arm\nMassage eases the stiffness\n"
                 "Weakness")
    assert _found(page) == [("CL401", 10, 1, _claim("efficacy", "eases"))]


# -- 3. a part of the body at its normal work, no treatment named, describes the body --
def test_a_part_of_the_body_doing_its_normal_work_is_a_description():
    page = _page("How it works", "Your ribs protect your heart and lungs.\n\n"
                                 "Your heart rate slows down and the vessels in your legs widen.\n\n"
                                 "Your muscles protect your knees when you exercise.\n\n"
                                 "Taping protects your knees.")
    assert _found(page) == [
        ("CL401", 9, 1, _claim("efficacy", "protect")),
        ("CL401", 11, 1, _claim("efficacy", "protects")),
    ]


# -- 4. a professional or the service doing its job, no outcome promised ---------------
def test_a_professional_doing_the_job_promises_nothing():
    page = _page("Our clinic", "Our physiotherapists treat runners, dancers and office workers.\n\n"
                               "A pharmacist can suggest things to help, such as a cream.\n\n"
                               "We can refer you on if we think an injection would help.\n\n"
                               "Our physiotherapists treat runners and get them back to sport "
                               "within weeks.\n\n"
                               "Our pharmacists can help you recover faster from a cold.")
    assert _found(page) == [
        ("CL401", 11, 1, _claim("efficacy", "physiotherapists treat")),
        ("CL401", 13, 1, _claim("efficacy", "can help")),
    ]


# -- 5. a contracted negation ("couldn't", "doesn't", "isn't") negates like "not" -------
def test_an_effect_after_a_contracted_negation_claims_nothing():
    page = _page("What our patients say",
                 "\"I couldn't lift my arm to wash my hair.\n\n"
                 "\"Three doctors couldn't help.\n\n"
                 "\"After four sessions I could lift my arm again.")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "lift"))]


def test_a_treatment_for_cases_that_dont_respond_is_an_option_not_a_claim():
    page = _page("Treatment", "For people whose pain doesn't settle, there are injections.\n\n"
                              "For people whose pain doesn't settle, injections settle it.")
    assert _found(page) == [("CL401", 7, 1, _claim("efficacy", "settle"))]


# -- 6. what a procedure consists of ---------------------------------------------------
def test_what_a_procedure_consists_of_is_a_description():
    page = _page("What to expect",
                 "This usually involves releasing the tissue over the nerve.\n\n"
                 "Dry needling uses a very thin needle inserted into the muscle.\n\n"
                 "This is done with a small cut after numbing the skin.\n\n"
                 "This usually involves releasing the tissue to relieve pressure on the nerve.")
    assert _found(page) == [("CL401", 11, 1, _claim("efficacy", "to relieve"))]


# -- 7. self-care offered as an option --------------------------------------------------
def test_you_can_treat_it_yourself_is_an_option_not_a_claim():
    page = _page("Self-care", "You can usually treat a corn yourself if you're otherwise healthy.\n\n"
                              "You can usually treat a corn yourself with plasters that "
                              "soften the skin.")
    assert _found(page) == [("CL401", 7, 1, _claim("efficacy", "can usually treat"))]


# -- 8. "give" that hands over a thing or a property -----------------------------------
def test_give_that_hands_over_a_thing_or_a_property_is_no_benefit():
    page = _page("Our clinic", "Screens give off blue light.\n\n"
                               "The spray contains capsaicin, the compound that gives chillies "
                               "their heat.\n\n"
                               "We give every patient a smell-training kit.\n\n"
                               "The spray gives fast relief from a blocked nose.")
    assert _found(page) == [("CL401", 11, 1, _claim("efficacy", "gives fast relief"))]
