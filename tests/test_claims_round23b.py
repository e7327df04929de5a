"""Claims round 23b (blind44 to blind47 seen): round 23's two structural leads, general
families only, each shown by misses on several seen pages of at least two sets
(docs/round23.md, "Round 23b").

Every page here is invented, not taken from the corpus. Each change is pinned by rule
code, line, column and message, with a look-alike that must stay quiet. The tests pin
what the phrase rules decide, so they run without the claim model (``rules_alone``).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page

pytestmark = pytest.mark.usefixtures("rules_alone")


# -- 1. a labelled item's hedged cause under Causes names another harm ---------------------
def test_a_labelled_causes_item_whose_hedged_cause_names_another_harm_claims():
    page = _page("Causes",
                 "In adults, common causes include:\n\n"
                 "- **Sugar disease.** Sugar disease can lead to scarring of the kidney filters.\n"
                 "- **Mouth rinses.** A blue mouth rinse can cause dark marks on the gums if "
                 "you use it for weeks.")
    assert _found(page) == [
        ("CL401", 7, 22, _claim("prognosis", "can lead to")),
        ("CL401", 8, 21, _claim("causal", "can cause")),
    ]


def test_a_labelled_causes_item_that_leads_to_the_condition_itself_stays_quiet():
    # how the page's condition arises, a possibility, who gets it: descriptions
    page = _page("Causes",
                 "In adults, common causes include:\n\n"
                 "- **Nerve injury.** A pinched nerve in the hip can lead to widget syndrome.\n"
                 "- **Old injuries.** Joints that have been hurt before are more likely to get it.\n"
                 "- **Genes.** Some genes have been linked to the condition.")
    assert _found(page) == []


# -- 2. an adverb opening ('Gently') before a gerund or a verb in -s is no instruction ------
def test_an_adverb_before_a_gerund_subject_is_no_instruction():
    page = _page("Self-care",
                 "Gently massaging your tummy in slow circles can help move trapped wind along.\n\n"
                 "Gently stretching the calf while you use the balm may also help.\n\n"
                 "Always wearing the sock can keep the swelling down.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "can help")),
        ("CL401", 7, 1, _claim("efficacy", "help")),
        ("CL401", 9, 1, _claim("safety", "keep the swelling down")),
    ]


def test_a_ticked_item_with_an_adverb_before_its_verb_is_a_benefit():
    page = _page("Why choose our tea",
                 "- \u2713 Gently soothes an upset tummy\n"
                 "- \u2713 Gently pour it into a cup\n"
                 "- \u2713 Gently calms the gut after a meal")
    assert _found(page) == [
        ("CL401", 5, 3, _claim("efficacy", "soothes")),
        ("CL401", 7, 3, _claim("efficacy", "calms")),
    ]


def test_an_adverb_before_a_plain_instruction_stays_an_instruction():
    page = _page("Self-care",
                 "Gently rub the balm into the calf twice a day.\n\n"
                 "Never stop the tablets suddenly.\n\n"
                 "Always press the pad on the spot.")
    assert _found(page) == []


# -- 3. a practitioner's verdict from experience, at the sentence start (fallback) ----------
def test_a_verdict_from_experience_is_a_claim():
    page = _page("What is really going on",
                 "In my experience, widget syndrome is at heart a gut problem.\n\n"
                 "But in our experience the splints make little difference.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "In my experience")),
        ("CL401", 7, 1, _claim("efficacy", "in our experience")),
    ]


def test_experience_not_opening_the_sentence_stays_quiet():
    page = _page("About us",
                 "Our clinic has grown a lot from our experience of running it.\n\n"
                 "We have been open for ten years, and our experience shows in every visit.")
    assert _found(page) == []
