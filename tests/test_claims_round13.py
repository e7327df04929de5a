"""Claims round 13: families written from an invented probe list and the real tool errors
that the blind14 adjudication lists (docs/blind14-adjudication.md, section 5; docs/claims.md,
"Round 13").

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message (the cue), with nearby sentences that must stay quiet.
"""

from __future__ import annotations

import pytest

# the helpers of round 12's tests: a page with one section, the CL401 findings, the message
from tests.test_claims_round12 import _claim, _found, _page


# -- precision: lists (structural, claimdetect.py) -------------------------------------
def test_a_risk_factor_lead_in_and_its_items_raise_nothing():
    page = _page("Who is at risk", "Other things that make widget syndrome more likely include:\n\n"
                                   "- being over 60\n- anything that blocks the flow of bile")
    assert _found(page) == []


def test_list_items_naming_a_group_of_people_raise_nothing():
    page = _page("When to get help", "Get help sooner if you are in one of these groups:\n\n"
                                     "- people over 65\n"
                                     "- people taking medicines that suppress the immune system")
    assert _found(page) == []


def test_a_list_of_skills_taught_raises_nothing():
    page = _page("The course", "The widget course teaches you to:\n\n"
                               "- slow your breathing and reduce tension in your jaw\n- pace your day")
    assert _found(page) == []


def test_a_claiming_lead_in_still_lends_its_claim():
    # the list structure is not silenced wholesale: a lead-in that claims keeps its claim
    page = _page("Treatment", "Our splints relieve jaw pain fast:\n\n- at night\n- during the day")
    assert _found(page) != []


# -- precision: description, service text, instructions (rules/claims.yaml) -----------
@pytest.mark.parametrize("heading, sentence", [
    ("Guarantee", "If you're not completely satisfied, return the box within 30 days for a full refund."),
    ("Booking", "Our team will help you check your insurance policy."),
    ("About me", "I'm a registered osteopath who has specialised in jaw pain for ten years."),
    ("Overview", "Widget syndrome is an infection that inflames the lining of the gums."),
    ("Evidence", "A Dutch trial randomised adults with widget syndrome to either splints or exercises."),
    ("Treatment", "Treatment for widget syndrome involves clearing the infection and preventing complications."),
    ("Overview", "It runs along the inside of the jaw and stops the teeth grinding together."),
    ("Overview", "Your body usually prevents these germs from reaching your gums."),
    ("What to expect", "You will then build strength in the jaw muscles and work on posture."),
    ("Before you start", "Before starting the exercises you should have seen your dentist to rule out decay."),
    ("Treatment", "The splint does not replace your painkillers, and you should keep taking them as prescribed."),
    ("Treatment", "Splints are used alongside your usual treatment."),
    ("What we offer", "Our package includes an assessment, six sessions and a written plan."),
    ("Treatment", "Your dental team will give you a mouthguard before your treatment starts."),
    ("Evidence", "There is less evidence that they help people with dentures."),
])
@pytest.mark.usefixtures("rules_alone")
def test_descriptions_service_text_and_instructions_are_not_claims(heading, sentence):
    assert _found(_page(heading, sentence)) == []


@pytest.mark.parametrize("heading, sentence, cue", [
    # the same shapes with what the treatment does stay claims
    ("Overview", "Widget syndrome is a rash caused by the widget virus.", ("causal", "caused by")),
    ("Treatment", "Our clinic's approach combines splints with massage to help ease the pain.",
     ("efficacy", "to help ease")),
])
def test_the_same_shapes_with_an_effect_stay_claims(heading, sentence, cue):
    assert _found(_page(heading, sentence)) == [("CL401", 5, 1, _claim(*cue))]


# -- recall: plain efficacy, outcomes, recovery times, side effects, causes -----------
@pytest.mark.parametrize("heading, sentence, kind, cue", [
    ("Treatment", "The splint works like a natural bypass.", "efficacy", "works like a natural bypass"),
    ("Treatment", "A soft splint is basically useless.", "efficacy", "is basically useless"),
    ("Reviews", "Down 9 kg in five months.", "efficacy", "Down 9 kg"),
    ("Reviews", "\"The clinic got me through the worst month.\"", "efficacy", "got me through"),
    ("Recovery", "Recovery 3 to 6 weeks.", "prognosis", "Recovery 3 to 6 weeks"),
    ("Outlook", "Many people regain the stiffness when they stop the exercises.", "prognosis",
     "Many people regain"),
    ("Side effects", "They can, rarely, cause a rash on the chest.", "safety", "can, rarely, cause"),
    ("Side effects", "Our coated tablet means no stomach upset.", "safety", "means no stomach upset"),
    ("Causes", "An underactive thyroid can also make your heart beat faster.", "causal",
     "can also make your heart beat faster"),
    ("Causes", "Grinding at night is well known for causing morning headaches.", "causal",
     "well known for causing"),
    ("Causes", "Sports such as rugby carry the highest risk.", "causal", "carry the highest risk"),
])
def test_recall_families(heading, sentence, kind, cue, rules_alone):
    assert _found(_page(heading, sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


@pytest.mark.parametrize("heading, sentence", [
    ("Symptoms", "A blocked ear can make you feel dizzy."),
    ("Causes", "Teeth grinding can make you feel tired."),
    ("Booking", "You can make your appointment online."),
    ("About us", "It is one of the most common reasons children visit a dentist."),
    ("Reviews", "I was nervous before my first visit."),
])
def test_limits_of_the_recall_families(heading, sentence):
    assert _found(_page(heading, sentence)) == []


# -- later steps: reason after "otherwise", usual treatment, causes that make the body act,
# the "before" half of a testimonial, a body part that may feel a symptom -------------
@pytest.mark.parametrize("heading, sentence, kind, cue", [
    ("Treatment", "Keep using the drops until the bottle is finished, even if you feel better, "
                  "otherwise the infection may come back.", "prognosis", "may come back"),
    ("Treatment", "Most people are treated at home with a course of antibiotic tablets.",
     "efficacy", "Most people are treated at home with"),
    ("Treatment", "Simethicone joins small bubbles together so they're easier to pass.",
     "efficacy", "so they're easier to"),
    ("Causes", "Hormone changes cause the body to retain water.", "causal",
     "cause the body to retain"),
])
def test_later_recall_families(heading, sentence, kind, cue):
    assert _found(_page(heading, sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


@pytest.mark.parametrize("heading, sentence", [
    ("Treatment", "Keep using the drops, otherwise you will need a new bottle."),
    ("Reviews", "\"Before the splint I couldn't sleep through the night."),
    ("Symptoms", "Later, the jaw may feel stiff when you chew."),
])
def test_later_quiet_families(heading, sentence):
    assert _found(_page(heading, sentence)) == []


def test_a_risk_factor_list_under_a_descriptive_heading_raises_nothing():
    page = _page("Who is at risk", "Things that raise your risk include:\n\n"
                                   "- smoking\n- medicines that thin the blood")
    assert _found(page) == []
