"""Claims round 38 (docs/round38.md): (1) who gets a condition, compared by sex or age
group ("It is about three times more common in women than in men", "Boys are affected
about twice as often as girls"), is epidemiology, not a health claim: neither a rule's
claim nor a candidate for the claim model; (2) CL402: a seller's own unpublished study,
audit, survey or figures invoked as evidence ("In our own 6-week study, ...", "Our own
figures show ...", "In our clinic's audit, 90% ...") is vague evidence.

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message, with look-alikes that must still fire or stay quiet.
Tests of the model's candidates run with the shipped model and a score the test sets
(every sentence scored scores 0.9, over the threshold and the veto), so that only the
candidate filter and the rules decide.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.test_claims_round12 import TODAY, _claim, _found, _page


def vague(body: str) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.message)
            for f in lint_text(_page("About it", body), select=["CL402"], today=TODAY)]


def msg(words: str) -> str:
    return f"vague evidence ('{words}'): name the source and cite it as an evidence entry"


# -- (1) a group compared by frequency ----------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Widget syndrome is about three times more common in women than in men.",
    "It is more common in older adults.",
    "Widget cysts are much more common in boys and in teenagers.",
    "Boys are affected about twice as often as girls.",
    "Men are more often affected than women.",
    "It affects women about four times as often as men.",
    "Women are slightly more likely than men to develop widget syndrome.",
    "Older people are also more likely to get it.",
    "It can start at any age, but it is far more common in children than in adults.",
    "Widget syndrome is twice as common in men as in women and usually starts after 40.",
])
def test_1_a_group_compared_by_frequency_is_no_claim(model_takes_all, sentence):
    # neither the rules (the veto would keep their claim at 0.9) nor the claim model
    assert _found(_page("About it", sentence)) == []


@pytest.mark.parametrize(("sentence", "kind", "cue"), [
    # a comparison of treatments
    ("Drug A is more effective than drug B.", "efficacy", "more effective"),
    # the group named by what it has or does, not by sex or age
    ("It is more common in people who smoke.", "causal", "more common"),
    ("Anxiety is more common in women with widget syndrome.", "causal", "more common"),
    ("It is more common in children who were born early.", "causal", "more common"),
    # a reason given
    ("Widget cysts are more common in men because the tendon is longer.", "causal",
     "more common"),
    # a claim before the comparison keeps the sentence
    ("Smoking damages the gums, but it is more common in men.", "causal", "damages"),
])
def test_1_look_alikes_still_claim(rules_alone, sentence, kind, cue):
    assert _found(_page("About it", sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


def test_1_a_claiming_clause_after_the_comparison_still_claims(rules_alone):
    page = _page("About it", "It is more common in women and can cause lasting damage to "
                             "the joints.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "can cause lasting damage"))]


def test_1_an_outcome_compared_by_group_is_still_a_candidate(model_takes_all):
    # how the groups fare (recover, react), not who gets it: the model's to judge
    page = _page("About it", "Girls are more likely to recover than boys.\n\n"
                             "Children are more likely to have severe reactions to the bites.")
    assert [(code, line, col) for code, line, col, _ in _found(page)] == [
        ("CL401", 5, 1), ("CL401", 7, 1)]


# -- (2) CL402: the seller's own unpublished study ----------------------------------------------
@pytest.mark.parametrize(("body", "column", "words"), [
    ("In our own 6-week study, users slept an hour longer.", 1, "In our own 6-week study"),
    ("Clinically tested: in our 12-week user trial, 90% of women said their skin felt "
     "softer.", 20, "in our 12-week user trial"),
    ("Our own figures show that most fractures heal by six weeks.", 1,
     "Our own figures show"),
    ("In our clinic's audit, 90% of patients said the pain had gone.", 1,
     "In our clinic's audit"),
    ("Our nursing team's survey found that most parents felt reassured.", 1,
     "Our nursing team's survey found"),
    ("Our research with carers found that short visits help.", 1,
     "Our research with carers found"),
    ("In our carer survey, 8 out of 10 said the visits helped.", 1, "In our carer survey"),
])
def test_2_the_sellers_own_study_is_vague(body, column, words):
    assert ("CL402", 5, column, msg(words)) in vague(body)


@pytest.mark.parametrize("body", [
    # an invitation, not evidence
    "Take part in our 12-week study.",
    # the figures or the audit named, no finding drawn from them
    "Our own service figures are published every spring.",
    "Our clinic's audit is published every spring.",
])
def test_2_look_alikes_stay_quiet(body):
    assert vague(body) == []


def test_2_a_study_cited_to_a_resolved_reference_is_not_vague():
    page = ("# Widget syndrome\n\n"
            "A 2023 trial (Smith et al., 2023) found that the gel eased itching within a "
            "week.\n\n## References\n\n"
            "- Smith J, Jones K, Brown L. Gel for itching in widget syndrome: a randomised "
            "trial. BMJ. 2023;380:e071234. doi:10.1136/bmj-2022-071234\n")
    assert [f.code for f in lint_text(page, select=["CL401", "CL402", "CL403"],
                                      today=TODAY)] == []
    # without the citation the same words are vague and the claim is unsupported
    bare = page.replace(" (Smith et al., 2023)", "")
    assert [(f.code, f.line, f.column, f.message) for f in
            lint_text(bare, select=["CL401", "CL402"], today=TODAY)] == [
        ("CL401", 3, 1, _claim("efficacy", "eased")),
        ("CL402", 3, 1, msg("A 2023 trial found"))]
