"""Claims round 34 (every split but the held-back ones seen; precision families decided by
a position or a structure, docs/round34.md): (a) the practice's record told as people
accompanied ("our counsellors have supported more than 1,200 carers through this stage");
(b) an instruction opening with a plain verb and its object ("Dip a foam swab in clean
water ...") is no candidate for the claim model; (c) a lead-in ending in a verb of report
or expectation, whatever its subject ("Clients who complete it typically tell us that:").

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


# -- (a) the practice's record told as people accompanied --------------------------------------
@pytest.mark.parametrize("sentence", [
    "At Harbour Lane our counsellors have supported more than 900 carers and family members "
    "through this stage.",
    "I have supported people of many faiths and none.",
])
def test_a_record_of_people_accompanied_is_no_claim(rules_alone, sentence):
    assert _found(_page("About us", sentence)) == []


@pytest.mark.parametrize("sentence", [
    "At Harbour Lane our counsellors have supported more than 900 carers and family members "
    "through this stage.",
    "At Willowby we have supported more than 1,100 mums-to-be through the last weeks of "
    "pregnancy, and we know how long those weeks feel.",
    "Our chartered physiotherapists have guided more than 800 knee patients through recovery.",
    "I trained in 2015, and I have walked alongside more than sixty families since.",
])
def test_a_record_of_people_accompanied_is_no_candidate_for_the_model(model_takes_all,
                                                                       sentence):
    assert _found(_page("About us", sentence)) == []


def test_a_record_with_a_result_or_help_still_claims(rules_alone):
    # a result told after the count, and "helped ... through" (its object's outcome)
    page = _page("About us",
                 "I've supported more than 300 clients, and over 70% no longer need their "
                 "tablets after six months.\n\n"
                 "I've now helped more than 150 runners through shin splints.\n\n"
                 "We have supported hundreds of women, and most get back to running within "
                 "weeks.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "supported")),
        ("CL401", 7, 1, _claim("efficacy", "helped")),
        ("CL401", 9, 1, _claim("prognosis", "get back to running within weeks")),
    ]


# -- (b) an instruction opening with a plain verb and its object --------------------------------
@pytest.mark.parametrize("sentence", [
    "1. Dip a foam swab in clean water and gently wipe away any debris from the gums.",
    "Remove the dentures first, clean them separately and spread the gel on the gums.",
    "Measure your stoma regularly and cut the opening no more than 3 mm larger.",
    "Spread the cost with 0% finance over 12 months.",
])
def test_a_plain_verb_instruction_is_no_candidate_for_the_model(model_takes_all, sentence):
    assert _found(_page("How to use", sentence)) == []


def test_look_alikes_of_a_plain_verb_instruction_still_reach_the_model(model_takes_all):
    page = _page("How to use",
                 # a promise after "and you"
                 "Ignore it and you're looking at three months of pain.\n\n"
                 # not a verb: a word of the list
                 "Whatever the trigger, the body makes too many inflammatory proteins.\n\n"
                 # a word with an ending: no plain verb
                 "Swabbing the gums twice a day keeps the mouth comfortable.\n\n"
                 # a reason clause explains the instruction
                 "Dab the gel on the gums, because a dry mouth cracks and bleeds.")
    assert _found(page) == [
        # (the quoted words are the model's: since the twenty-third session's retraining
        # through blind79, "three months"; docs/model23.md)
        ("CL401", 5, 1, _by_model("efficacy", "three months")),
        ("CL401", 7, 1, _by_model("causal", "trigger")),
        ("CL401", 9, 1, _by_model("efficacy", "keeps")),
        ("CL401", 11, 1, _by_model("causal", "because")),
    ]


def test_a_plain_verb_opening_in_a_testimonial_still_reaches_the_model(model_takes_all):
    page = _page("Reviews", '> "Dip the brush in water first. My gums stopped bleeding in a '
                            'week." — *Ann, 64*')
    # (a testimonial's first sentence: the reviewer, not the reader, is told)
    assert _found(page)[0] == ("CL401", 5, 3,
                               _by_model("efficacy", '"Dip the brush in water first.'))


# -- (c) a lead-in ending in a verb of report or expectation ------------------------------------
@pytest.mark.parametrize("lead", [
    "Clients who complete it typically tell us that:",
    "After a short course of treatment, most of our patients find that:",
    "Within 12 weeks most of our patients report:",
])
def test_a_report_lead_in_is_no_claim_whatever_its_subject(model_takes_all, lead):
    page = _page("What to expect", f"{lead}\n\n- ✓ They sleep better within two weeks")
    assert _found(page) == [("CL401", 7, 3, _claim("efficacy", "sleep better"))]


def test_a_report_lead_in_with_a_cue_is_no_claim_and_lends_it(rules_alone):
    page = _page("What to expect", "Within 12 weeks most of our patients report:\n\n"
                                   "- ✓ Fewer dislocations\n- ✓ Less pain on stairs")
    assert [(c, line) for c, line, _, _ in _found(page)] == [("CL401", 7), ("CL401", 8)]


def test_a_lead_in_that_ends_otherwise_still_reaches_the_model(model_takes_all):
    page = _page("What to expect", "Our programme works in three stages:\n\n"
                                   "- assessment\n- treatment\n- review")
    # (quoted words as the model retrained through blind79 weighs them: docs/model23.md)
    assert _found(page) == [("CL401", 5, 1, _by_model("efficacy", "programme works in three"))]
