"""Claims round 15: families written from blind16's and blind17's seen disagreements and
their adjudication (docs/blind16-17-adjudication.md; docs/claims.md, "Round 15"), as
sentence shapes and page structure where that was possible.

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message (the cue), with nearby sentences that must stay quiet. The
tests are about the phrase rules, so they run without the claim model (the
``rules_alone`` fixture, as in tests/test_claims_round14.py's lone-sentence tests).
"""

from __future__ import annotations

import pytest

# the helpers of round 12's tests: a page with one section, the CL401 findings, the message
from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


def _vague(cue: str) -> str:
    return f"vague evidence ('{cue}'): name the source and cite it as an evidence entry"


# -- structure: a risk-factor item with a bold run-in label and a full sentence --------
def test_a_labelled_risk_factor_item_that_measures_the_risk_is_prose():
    page = _page("Risk factors", "Things that raise the risk of widget syndrome include:\n\n"
                                 "- **Smoking.** Smokers are about four times more likely to "
                                 "get widget syndrome.\n"
                                 "- **Weight.** Being overweight raises the risk of widget "
                                 "syndrome.\n"
                                 "- **Age.** Older joints are more likely to develop widgets.\n"
                                 "- **Genes.**")
    assert _found(page) == [
        ("CL401", 7, 16, _claim("causal", "Smokers are about four times more likely")),
        ("CL401", 8, 15, _claim("causal", "raises the risk")),
    ]


def test_a_bold_subject_that_opens_the_sentence_is_no_run_in_label():
    # "**Viral widgets** are often caused by ..." names a kind; the item describes it
    page = _page("Causes", "- **Viral widgets** are often caused by a cold virus.\n"
                           "- **Age.** Older joints that have been injured are more likely "
                           "to develop widgets.")
    assert _found(page) == []


# -- structure: the relative clause of a definition or of how the body works ---------
def test_a_cue_inside_a_definitions_relative_clause_is_description():
    page = _page("What is it?", "Widget syndrome is a common skin infection that can cause "
                                "a red, itchy rash.\n\nThe spleen is a small organ behind the "
                                "stomach that makes cells which fight infection.")
    assert _found(page) == []


def test_the_rest_of_a_definition_is_still_judged():
    page = _page("What is it?", "Widget syndrome is an infection that can cause a rash; "
                                "antibiotics clear it within a week.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "antibiotics clear"))]


def test_a_definitions_clause_about_treatment_is_not_removed():
    page = _page("What is it?", "Widget syndrome is a skin infection that clears up quickly "
                                "with antibiotic cream.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "clears"))]


# -- exclusions: procedures and treatments not needed ---------------------------------
def test_what_the_surgeon_does_is_description_unless_it_says_what_it_does():
    page = _page("The operation", "During the operation, the surgeon makes a small cut behind "
                                  "the knee and removes the widget.\n\nThe surgeon removes the "
                                  "widget, which relieves the pain straight away.")
    assert _found(page) == [("CL401", 7, 1, _claim("efficacy", "relieves"))]


def test_a_treatment_rarely_needed_is_description_unless_it_says_why():
    page = _page("Treatment", "Surgery is very rarely needed.\n\nAntibiotics are not usually "
                              "needed because it clears up by itself.")
    assert _found(page) == [("CL401", 7, 1, _claim("prognosis", "clears up by itself"))]


# -- recall by shape --------------------------------------------------------------------
def test_thats_why_so_many_people_is_causal_but_why_to_see_a_gp_is_not():
    page = _page("Overview", "That's why so many people with widget syndrome also have hay "
                             "fever.\n\nThat's why it's important to see a GP if the rash "
                             "spreads.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "That's why so many people"))]


def test_a_two_word_efficacy_sentence():
    page = _page("Treatment", "The cream works.\n\nStudies show the cream works.")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL401", 5, 1, _claim("efficacy", "The cream works.")),
        ("CL401", 7, 1, _claim("efficacy", "Studies show")),
        ("CL402", 7, 1, _vague("Studies show")),
    ]


def test_what_reviewers_say_changed():
    page = _page("Reviews", "\"The itch I had every night has completely gone.\"\n\n"
                            "\"Flare-ups are definitely less frequent now.\"\n\n"
                            "\"I can ride my bike to work again.\"\n\n"
                            "\"Eight months on, I'm off all my painkillers.\"\n\n"
                            "\"The swelling has gone down.\"\n\n"
                            "\"I can see why people like it.\"")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "itch I had every night has completely gone")),
        ("CL401", 7, 1, _claim("efficacy", "Flare-ups are definitely less frequent")),
        ("CL401", 9, 1, _claim("efficacy", "\"I can ride my bike to work again.\"")),
        ("CL401", 11, 1, _claim("efficacy", "\"Eight months on, I'm")),
    ]


def test_the_course_in_plain_words():
    page = _page("Recovery", "The pain is usually at its worst in the first few days.\n\n"
                             "Most people go home the same day.\n\n"
                             "Widget syndrome is a progressive disease.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "is usually at its worst in the first")),
        ("CL401", 7, 1, _claim("prognosis", "Most people go home the same day")),
    ]


def test_suitability_denied():
    # (round 39: the whole sentence "The tablets aren't suitable for everyone." is a
    # suitability statement and no claim, as round 11 already had it for "are not",
    # docs/round39.md; after a comma it still claims)
    page = _page("Is it safe?", "Like any medicine, the tablets aren't suitable for everyone.\n\n"
                                "It isn't for everyone, though.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "aren't suitable for everyone")),
    ]


# -- precision: failed remedies, advisers, symptoms, getting used to, who gets it -----
def test_a_failed_remedy_is_narrative_unless_a_change_follows():
    page = _page("Reviews", "\"Lovely smell, but it did nothing for me.\"\n\n"
                            "\"Didn't notice any difference, sadly.\"\n\n"
                            "\"The gel did nothing for me until I used it twice a day, and "
                            "now the itch has gone.\"")
    assert _found(page) == [("CL401", 9, 1, _claim("efficacy", "itch has gone"))]


def test_advisers_diaries_symptoms_and_who_gets_it_are_no_claims():
    page = _page("Treatment", "A pharmacist can help with widget syndrome.\n\n"
                              "Keeping a symptom diary helps you spot your triggers.\n\n"
                              "Many symptoms of widget syndrome are similar to those of other "
                              "skin conditions.\n\n"
                              "Small widgets often don't cause symptoms.\n\n"
                              "The splint took a week or two to get used to.\n\n"
                              "It is also seen in children, but less often.\n\n"
                              "This is why every child in the UK is offered a widget check "
                              "at school.")
    assert _found(page) == []


# -- CL402: unnamed studies, bodies of evidence, guidelines, hearsay, approval --------
def test_vague_evidence_of_round_15():
    page = _page("Does it work?",
                 "Long-term studies from Norway show that the splint keeps working.\n\n"
                 "Larger trials found it worked no better than a placebo.\n\n"
                 "A growing body of research links widgets to stress.\n\n"
                 "Good posture has even been shown to lift your mood.\n\n"
                 "Most guidelines suggest two litres of water a day.\n\n"
                 "Doctors I've spoken to say most children grow out of it.\n\n"
                 "Members tell us that pacing helped them most.\n\n"
                 "Many of our members tell us it took years to get a diagnosis.")
    assert [(f[1], f[3]) for f in _found(page, ("CL402",))] == [
        (5, _vague("studies from Norway show")),
        (7, _vague("Larger trials found")),
        (9, _vague("A growing body of research")),
        (11, _vague("has even been shown")),
        (13, _vague("Most guidelines suggest")),
        (15, _vague("Doctors I've spoken to say")),
        (17, _vague("Members tell us")),
    ]


def test_an_approving_profession_as_a_bullet():
    page = _page("Why choose us", "- Physiotherapist recommended\n- Pharmacist-approved formula")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL401", 5, 3, _claim("efficacy", "Physiotherapist recommended")),
        ("CL402", 5, 3, _vague("Physiotherapist recommended")),
    ]


# -- side effects disclosed with "can cause", an operation's risks listed -------------
def test_side_effects_with_a_treatment_or_pronoun_as_subject():
    page = _page("Treatment", "It can cause a dry mouth, drowsiness and constipation.\n\n"
                              "These tablets can cause headaches.\n\n"
                              "Surgery has its own risks, including infection and "
                              "numbness.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("safety", "It can cause a dry mouth")),
        ("CL401", 7, 1, _claim("safety", "These tablets can cause headaches")),
        ("CL401", 9, 1, _claim("safety", "has its own risks")),
    ]


# -- the outlook, back to normal, untreated, managed with a treatment ------------------
def test_outlook_recovery_and_management_in_plain_words():
    page = _page("Outlook", "The outlook is very good.\n\n"
                            "Most people feel back to normal within a week.\n\n"
                            "A widget that's not treated can cause permanent scarring.\n\n"
                            "Most people manage their symptoms well with a splint.\n\n"
                            "Keeping the gel in the fridge makes it even more soothing.\n\n"
                            "The outlook section below explains more.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("prognosis", "The outlook is very good")),
        ("CL401", 7, 1, _claim("prognosis", "feel back to normal within")),
        ("CL401", 9, 1, _claim("prognosis", "that's not treated can")),
        ("CL401", 11, 1, _claim("efficacy", "Most people manage their symptoms well with")),
        ("CL401", 13, 1, _claim("efficacy", "makes it even more soothing")),
    ]
