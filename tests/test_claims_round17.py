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
            "- painkillers, which ease the ache within an hour\n")
    assert _found(page) == [("CL401", 9, 3, _claim("efficacy", "which ease"))]


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


# -- Round 17 mends (an independent review of round 17) ---------------------------------
# 4. a lead-in with its own treatment or outcome cue is no sign lead-in, and an item that
# claims for a treatment in its own clause still claims under a real one
def test_a_lead_in_saying_what_relieves_the_symptoms_is_no_sign_lead_in():
    page = _page("Treatment", "Symptoms can be relieved by:\n\n"
                              "- acupuncture\n\n"
                              "Symptoms that acupuncture relieves include:\n\n"
                              "- hot flushes\n\n"
                              "Symptoms that disappear within days of using our cream:\n\n"
                              "- itching\n\n"
                              "Symptoms you may notice:\n\n"
                              "- hot flushes\n")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "be relieved by")),
        ("CL401", 7, 3, _claim("efficacy", "be relieved by")),
        ("CL401", 9, 1, _claim("efficacy", "relieves")),
        ("CL401", 11, 3, _claim("efficacy", "relieves")),
        ("CL401", 13, 1, _claim("prognosis", "disappear within days")),
        ("CL401", 15, 3, _claim("prognosis", "disappear within days")),
    ]


def test_a_lead_in_saying_symptoms_are_eased_is_no_sign_lead_in():
    page = _page("Treatment", "Symptoms are usually eased by:\n\n- warm baths\n\n"
                              "Common signs include:\n\n- tiredness that isn't eased by sleep")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "eased")),
        ("CL401", 7, 3, _claim("efficacy", "eased")),
    ]


def test_an_item_claiming_for_a_treatment_under_a_sign_lead_in_still_claims():
    page = _page("Treatment", "Symptoms you may notice:\n\n"
                              "- hot flushes, which acupuncture relieves in most women\n"
                              "- painkillers that work less well than they used to\n"
                              "- stopping the contraceptive pill\n"
                              "- night sweats")
    assert _found(page) == [("CL401", 7, 3, _claim("efficacy", "relieves"))]


# 7. a run-in label that claims by itself is not skipped as a name
def test_a_run_in_label_that_claims_by_itself_still_counts():
    page = _page("Why choose us",
                 "- **Clinically proven relief.** Our method was developed in Germany.\n"
                 "- **No side effects.** We use gentle pressure only.\n"
                 "- **Permanent cure for migraines.** Book a session.\n"
                 "- **Gut healing.** Probiotics, zinc and fibre are in our blend.\n\n"
                 "1. **95% success rate.** Our surgeons have done over 2,000 operations.\n"
                 "2. **Sound generators.** Small, discreet devices worn in the ear.")
    assert _found(page) == [
        ("CL401", 5, 5, _claim("efficacy", "proven")),
        ("CL401", 6, 5, _claim("safety", "No side effects")),
        ("CL401", 7, 5, _claim("efficacy", "cure")),
        ("CL401", 10, 6, _claim("statistic", "95% success")),
    ]


# 8. a flattened "Symptoms" section with a strong or safety line is no description list
def test_a_scraped_symptoms_list_with_a_strong_claim_is_not_a_description():
    page = ("# Acupuncture\n\nSymptoms\nHot flushes, which our herbal tea cures\n"
            "Night sweats\nPoor sleep\n\n"
            "# Widget syndrome\n\nSymptoms\nHot flushes\nNight sweats\nPoor sleep\n")
    assert _found(page) == [("CL401", 3, 1, _claim("efficacy", "cures"))]


# 9. a contraction with a typographic apostrophe (U+2019) negates too
def test_a_curly_apostrophe_contraction_negates():
    page = _page("Treatment", "It doesn\u2019t heal.\n\n"
                              "The cream won\u2019t cure it.\n\n"
                              "Massage isn\u2019t proven to help.\n\n"
                              "You can\u2019t always prevent it, but a night splint makes "
                              "flare-ups less frequent.\n\n"
                              "The cream will cure it.")
    assert _found(page) == [
        ("CL401", 11, 1, _claim("causal", "makes flare-ups less frequent")),
        ("CL401", 13, 1, _claim("efficacy", "will cure")),
    ]


# 6. the service, procedure and self-care exclusions hold only when no clause after them
# claims
@pytest.mark.parametrize("sentence, kind, cue", [
    ("Our podiatrists treat the whole foot and stop heel pain coming back.",
     "efficacy", "podiatrists treat"),
    ("Our physiotherapists treat runners and have them pain-free in a fortnight.",
     "efficacy", "physiotherapists treat"),
    ("The team will treat your knee and you will be running again in six weeks.",
     "efficacy", "will treat"),
    ("Our pharmacists can give you advice on remedies that shorten a cold by two days.",
     "efficacy", "give"),
    ("Our specialists can treat your varicose veins in one visit with no scarring.",
     "efficacy", "can treat"),
    ("The procedure is performed under local anaesthetic and has a 95% success rate.",
     "statistic", "95% success"),
    ("The procedure uses a heated needle to switch off the pain nerve for up to two years.",
     "efficacy", "switch off"),
    ("Shockwave therapy uses a small device to send sound waves that break down calcium "
     "deposits.", "efficacy", "uses"),
    ("You can often treat thrush yourself, and it usually goes in a few days.",
     "efficacy", "can often treat"),
    ("You can treat most sprains at home and be back to normal in a week.",
     "efficacy", "can treat"),
    ("You can usually treat a cold sore yourself and stop it spreading.",
     "efficacy", "can usually treat"),
])
def test_a_claim_in_a_clause_after_a_described_service_still_counts(sentence, kind, cue):
    assert _found(_page("Our clinic", sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


@pytest.mark.parametrize("sentence", [
    "Our pharmacists can give you advice in store.",
    "A pharmacist can suggest things to help, such as a cream.",
    "We can refer you on if we think an injection would help.",
    "Our podiatrists treat the whole foot, not just the toe.",
    "Our physiotherapists treat runners, dancers and office workers.",
    "Your provider will also treat your GERD.",
    "This usually involves releasing the tissue over the nerve.",
    "This is done with a small cut after numbing the area.",
    "Dry needling uses a very thin, sterile needle.",
    "You can usually treat a corn or callus yourself if you're otherwise healthy.",
    "You can usually treat yourself or your child at home.",
])
def test_a_described_service_procedure_or_self_care_option_is_still_quiet(sentence):
    assert _found(_page("Our clinic", sentence)) == []
