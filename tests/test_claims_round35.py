"""Claims round 35 (every split but the held-back ones seen; families kept only when their
gain comes from at least four seen folders other than blind82 and blind83,
docs/round35.md): (a) a lead-in whose colon closes a noun phrase naming a class (people
"who" or "with", effects that "include"): its items name the class's members and take no
cue from it.

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must still fire. Tests that pin
what the phrase rules decide run without the claim model (``rules_alone``); tests of the
model's candidates run with the shipped model and a score the test sets (every sentence
scored scores 0.9, over the threshold and the veto), so that only the candidate filter
decides.
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page


def _by_model(kind: str, cue: str) -> str:
    return _claim(kind, cue) + " (found by the claim model)"


# -- (a) a lead-in naming a class: its items name members -------------------------------------
@pytest.mark.parametrize(("lead", "kind", "cue"), [
    ("People of all ages may benefit from a communication board, including those with:",
     "efficacy", "benefit from"),
    ("Our nurses recommend the flu jab for adults who:", "efficacy", "Our nurses recommend"),
    ("Common side effects include:", "safety", "Common side effects"),
])
def test_a_the_items_of_a_lead_in_naming_a_class_take_no_cue(rules_alone, lead, kind, cue):
    page = _page("Who it is for", f"{lead}\n\n- autism\n- a long-term lung condition\n"
                                  "- are over 65\n- a sore arm")
    # the lead-in keeps its own claim; its items name who (or which effects), not what
    assert _found(page) == [("CL401", 5, 1, _claim(kind, cue))]


def test_a_the_items_of_a_lead_in_naming_a_class_are_no_candidates(model_takes_all):
    page = _page("Who it is for", "Most charities look for applicants who:\n\n"
                                  "- have at least one seizure a month\n"
                                  "- live in a home where a dog can be kept")
    # (the lead-in, with no cue of its own, is the model's to judge; its items are not)
    assert _found(page) == [("CL401", 5, 1, _by_model(
        "efficacy", "Most charities look for applicants who:"))]


def test_a_an_item_with_its_own_cue_still_claims(rules_alone):
    page = _page("Who it is for", "People at higher risk include those with:\n\n"
                                  "- diabetes\n"
                                  "- a habit of smoking, because smoking can cause gum disease")
    assert _found(page) == [("CL401", 8, 3, _claim("safety", "because smoking can cause"))]


def test_a_look_alikes_still_lend_their_cue_to_the_items(rules_alone):
    # a verb of effect ("modulates:") and a verb of help before the people ("helps people
    # with:"): the items complete the claim
    page = _page("How it helps", "Acupuncture modulates:\n\n- pain signals\n- muscle tension\n\n"
                                 "Acupuncture helps people with:\n\n- back pain\n- migraine")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("mechanism", "modulates")),
        ("CL401", 7, 3, _claim("mechanism", "modulates")),
        ("CL401", 8, 3, _claim("mechanism", "modulates")),
        ("CL401", 10, 1, _claim("efficacy", "helps people")),
        ("CL401", 12, 3, _claim("efficacy", "helps people")),
        ("CL401", 13, 3, _claim("efficacy", "helps people")),
    ]


# -- (b) a study told by its design, no finding ------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Most of the trials in that review were observational, so the groups may have differed.",
    "Two large trials in Spain and Canada tested this.",
    "The study that convinced me was a Danish cohort that followed babies from birth.",
    "The scare came from a big Dutch study that compared about 900 people with the disease "
    "with about 2,000 people without it.",
    "The HEARWELL trial was the first large randomised trial to test the idea directly.",
])
def test_b_a_study_told_by_its_design_is_no_claim(model_takes_all, sentence):
    # neither the rules nor the claim model: the sentence reports no finding
    assert _found(_page("What the research says", sentence)) == []


def test_b_a_study_with_a_finding_still_claims(rules_alone):
    page = _page("What the research says",
                 # a finding after the design
                 "A large Danish study followed 9,000 people and found that fewer of them "
                 "fell.\n\n"
                 # a result after "In a study that followed ..."
                 "In one study that followed women for ten years, 4 in 10 developed "
                 "hypothyroidism.\n\n"
                 # an effect before it
                 "Exercise reduced pain in two large trials that compared it with rest.")
    assert [(c, line) for c, line, _, _ in _found(page)] == [
        ("CL401", 5), ("CL401", 7), ("CL401", 9)]


# -- (c) the items of a lead-in announcing outcomes ---------------------------------------------
def test_c_ticked_items_under_an_outcome_lead_in_claim(rules_alone):
    page = _page("What to expect",
                 "After your programme you can expect to:\n\n"
                 "- ✓ Walk into a clinic feeling calm\n"
                 "- ✓ An end to cold sensitivity\n\n"
                 "With Baseline, our members:\n\n"
                 "- ✓ Faster return to tennis and running\n"
                 "- Parking on site")
    assert _found(page) == [
        ("CL401", 7, 3, _claim("efficacy", "you can expect to")),
        ("CL401", 8, 3, _claim("efficacy", "you can expect to")),
        ("CL401", 12, 3, _claim("efficacy", "our members")),
    ]


def test_c_any_item_under_an_expectation_lead_in_claims(rules_alone):
    page = _page("Our programme", "What you can expect:\n\n- Less fatigue and brain fog\n"
                                  "- An end to cold hands")
    assert _found(page) == [
        ("CL401", 7, 3, _claim("efficacy", "What you can expect")),
        ("CL401", 8, 3, _claim("efficacy", "What you can expect")),
    ]


def test_c_look_alikes_stay_quiet(rules_alone):
    page = _page("Symptoms and features",
                 # a symptom list under a report lead-in, with no tick
                 "You might notice:\n\n- a dull ache in the morning\n- a red patch\n\n"
                 # ticked features under a lead-in that announces no outcome
                 "Why you'll love it:\n\n- ✓ Vegan and cruelty-free\n- ✓ Free delivery\n\n"
                 # the steps of a visit: "What to expect:" names no outcome
                 "What to expect:\n\n- A 60-minute assessment\n- A written plan to take home")
    assert _found(page) == []


# -- (d) a strap line of segments parted by middle dots -----------------------------------------
@pytest.mark.parametrize("line", [
    "£249.00 ~~£299.00~~ · Free UK delivery · VAT relief for eligible customers · 4.8 (512 "
    "reviews)",
    "**Contents:** Overview · Side effects · Reducing side effects · Recovery and outlook",
    "Soothing Night Syrup · Children's paracetamol · Saline drops for babies",
])
def test_d_a_strap_line_is_no_claim(model_takes_all, line):
    assert _found(_page("Buy", line)) == []


def test_d_one_or_two_segments_still_claim(rules_alone):
    # a single middle dot parts two segments: no strap line
    page = _page("Buy", "Soothes a sore throat in minutes · Free delivery")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "Soothes"))]
