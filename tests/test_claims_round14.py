"""Claims round 14: families written from blind15's seen disagreements (docs/claims.md,
"Round 14"), as sentence shapes and page structure where that was possible.

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message (the cue), with nearby sentences that must stay quiet.
"""

from __future__ import annotations

import pytest

# the helpers of round 12's tests: a page with one section, the CL401 findings, the message
from tests.test_claims_round12 import _claim, _found, _page


# -- structure: a Complications list item written as full sentences ------------------
def test_a_complications_item_written_as_sentences_is_prose():
    page = _page("Complications", "- **Lungs.** Untreated widget syndrome can lead to scarring "
                                  "in the lungs.\n- **Heart.** Rarely, this may lead to death.\n"
                                  "- bleeding\n- infection of the wound")
    assert _found(page) == [
        ("CL401", 5, 14, _claim("prognosis", "widget syndrome can")),
        ("CL401", 6, 14, _claim("prognosis", "may lead to")),
    ]


def test_a_complications_item_gets_no_section_default():
    # a full-sentence item with no cue is not a claim by standing in the section
    page = _page("Complications", "- **Blood.** Bacteria in the bloodstream (bacteraemia).\n"
                                  "- **Breathing.** You may have trouble breathing in enough oxygen.")
    assert _found(page) == []


def test_items_of_other_descriptive_sections_stay_descriptions():
    page = _page("Causes", "- **Age.** Widget syndrome can lead to scarring in older people.")
    assert _found(page) == []


# -- structure: a clause after a colon inside the sentence ---------------------------
def test_a_clause_after_a_colon_is_judged_on_its_own():
    page = _page("Is it right for me?", "If you take it every day, stopping suddenly is risky: "
                                        "withdrawal can cause fits.")
    assert _found(page) == [("CL401", 5, 1, _claim("causal", "can cause"))]


def test_a_colon_clause_without_a_cue_stays_quiet():
    page = _page("Booking", "One thing to know: sessions run on weekdays only.")
    assert _found(page) == []


# -- structure: a lead-in's citation is not lent to items that cite on their own -----
_ENTRY = """---
evidence:
  - id: smith2020
    title: "Splints for widget syndrome"
    year: 2020
    design: rct
    doi: 10.1000/widget.2020
---
"""


def test_a_lead_in_citation_does_not_cover_items_that_cite_on_their_own(rules_alone):
    page = _ENTRY + ("# Widget syndrome\n\n## Options\n\nYou will be offered two routes "
                     "[@smith2020]:\n\n1. **Night splints** (worn in bed). They calm the jaw down within a "
                     "few weeks. Most people improve within a month [@smith2020].\n2. **Surgery** to "
                     "free the joint. It is a permanent fix for the clicking.\n")
    assert _found(page) == [
        ("CL401", 15, 37, _claim("efficacy", "They calm")),
        ("CL401", 16, 35, _claim("efficacy", "fix")),
    ]


def test_a_lead_in_citation_still_covers_items_without_their_own():
    page = _ENTRY + ("# Widget syndrome\n\n## Options\n\nSplints help in three ways "
                     "[@smith2020]:\n\n- They relax the jaw muscles.\n- They reduce grinding.\n")
    assert _found(page) == []


# -- precision: service text, procedures and descriptions ----------------------------
@pytest.mark.parametrize("heading, sentence", [
    ("Treatment", "If you have an ear infection, or there's a risk you might get one while "
                  "your gum heals, they may prescribe antibiotics."),
    ("Treatment", "You might need surgery to repair a large tear in the gum."),
    ("Overview", "This is why everyone with widget syndrome should have regular dental checks."),
    ("Treatment", "This is why you may be started on splints before all your results are back."),
    ("How to use", "Children 5 years and over: dissolve 1 tablet in the mouth at bedtime."),
    ("Product", "Sugar-free and suitable from 3 years."),
    ("Treatment", "Jawmab is an injection that you can give yourself once a month."),
    ("Treatment", "Hydrocortisone (or sometimes prednisolone) replaces cortisol."),
    ("Diagnosis", "Widget syndrome can be hard to diagnose because it may cause few symptoms."),
    ("What we do", "We'll also give you some simple jaw exercises to do at home."),
    ("Overview", "It usually begins in the late teens or twenties."),
    ("Overview", "They make hormones that help control your blood pressure."),
    ("Products", "- lozenges that dissolve under the tongue"),
    ("Treatment", "It may be offered if your symptoms have come back."),
    ("Types", "The widespread type affects five or more joints."),
    ("My story", "Some people online say cutting out sugar cures widget syndrome."),
    ("Treatment", "They need to be used every day for several weeks before you notice a difference."),
    ("Reviews", "\"I was diagnosed at 30 and by 35 I could barely open my mouth to eat.\" — Jo"),
    ("Reviews", "\"Hard to tell if it helped or if it just settled.\" — Sam"),
    ("Product", "A homeopathic medicinal product used within the homeopathic tradition for the "
                "symptomatic relief of jaw ache."),
    ("Prevention", "You cannot always prevent widget syndrome, but some things can lower your chances."),
])
def test_descriptions_and_service_text_are_not_claims(heading, sentence):
    assert _found(_page(heading, sentence)) == []


@pytest.mark.parametrize("heading, sentence, cue", [
    # the same shapes that say what the treatment does stay claims
    ("Treatment", "Your GP may prescribe a splint, which reduces grinding at night.",
     ("efficacy", "reduces")),
    # (round 17: "can't" negates like "cannot", so the claim's cue is the splint's effect,
    # not the negated "prevent")
    ("Prevention", "You can't always prevent it, but a night splint makes flare-ups less frequent.",
     ("causal", "makes flare-ups less frequent")),
    ("Treatment", "Fludrocortisone replaces aldosterone and helps keep your salt levels in balance.",
     ("mechanism", "balance")),
])
def test_the_same_shapes_with_an_effect_stay_claims(heading, sentence, cue):
    assert _found(_page(heading, sentence)) == [("CL401", 5, 1, _claim(*cue))]


# -- recall: side effects ------------------------------------------------------------
@pytest.mark.parametrize("heading, sentence, kind, cue", [
    ("Side effects", "Some people feel sick or have vivid dreams while taking it.", "safety",
     "Some people feel sick or have vivid dreams while taking it"),
    ("Side effects", "Some people feel flushed if the drip runs too fast.", "safety",
     "Some people feel flushed if the drip"),
    ("Side effects", "Some women notice spotting in the first 3 months.", "safety",
     "Some women notice spotting in the first 3 months"),
    ("Side effects", "Jawmab can, rarely, wipe out your white blood cells.", "safety",
     "can, rarely, wipe"),
    ("Side effects", "It can make children feel sick on the day they take it.", "safety",
     "It can make children feel sick"),
])
def test_side_effect_families(heading, sentence, kind, cue):
    assert _found(_page(heading, sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


def test_a_pseudo_cleft_is_not_a_page_description():
    page = _page("My story", "What you must know is that jawmab can, rarely, wipe out your "
                             "white blood cells.")
    assert _found(page) == [("CL401", 5, 1, _claim("safety", "can, rarely, wipe"))]


# -- recall: what reviewers say changed ----------------------------------------------
@pytest.mark.parametrize("review, cue", [
    ("Six sessions and I can finally eat an apple again.", "I can finally eat"),
    ("The clicking was gone by day three.", "was gone by day three"),
    ("I felt like I had my life back.", "had my life back"),
    ("It took the edge off the worst of it.", "took the edge off"),
    ("The relief was instant.", "relief was instant"),
    ("By Thursday she slept right through.", "slept right through"),
    ("They really do work.", "really do work"),
    ("I don't wake up with a sore jaw anymore.", "I don't wake up with a sore jaw anymore"),
    ("Skin is definitely softer.", "Skin is definitely softer"),
    ("Eyes a little better.", "Eyes a little better"),
    # (round 18: the review's time counted from the treatment is quoted whole)
    ("Two weeks after surgery I chewed a steak.", "Two weeks after surgery I"),
    ("Two stone lighter by summer.", "Two stone lighter"),
])
def test_reviewer_outcomes(review, cue, rules_alone):
    page = _page("Reviews", f"★★★★★ \"{review}\" — Gail W.")
    found = _found(page)
    assert [(c, ln, m) for c, ln, _col, m in found] == [("CL401", 5, _claim("efficacy", cue))]


@pytest.mark.parametrize("review", [
    "Treatment is so gentle that many babies sleep right through it.",
    "I don't wear make-up any more.",
])
def test_limits_of_the_reviewer_outcomes(review):
    assert _found(_page("Reviews", f"★★★★★ \"{review}\" — Gail W.")) == []


def test_a_patient_group_that_needs_fewer_painkillers():
    page = _page("Results", "Many of our patients find they need far fewer painkillers.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "need far fewer painkillers"))]


# -- recall: causes, course, plain efficacy and comparisons ---------------------------
@pytest.mark.parametrize("heading, sentence, kind, cue", [
    ("Causes", "Most cases in children happen because of a middle ear infection.", "causal",
     "happen because of"),
    ("Overview", "Nicotine is highly addictive, especially for developing brains.", "causal",
     "highly addictive"),
    ("Causes", "Heavy drinking starves the brain of vitamins.", "causal", "starves the"),
    ("Causes", "Stress and a poor diet also fan the flames.", "causal", "fan the flames"),
    ("Causes", "The pressure of fluid can make it tear.", "causal", "can make it tear"),
    ("Treatment", "It works in most people, but you may need a second course.", "efficacy",
     "works in most people"),
    ("Outlook", "With treatment, most people can live full, active lives.", "prognosis",
     "most people can live full"),
    ("Outlook", "People who stop in their sixties still gain years of life.", "prognosis",
     "gain years of life"),
    ("Outlook", "Left alone, many people wait two years for the jaw to settle.", "prognosis",
     "Left alone,"),
    ("Outlook", "Others continue to have flares into adult life.", "prognosis",
     "continue to have flares"),
    ("Treatment", "Vaping carries a small fraction of the risk of smoking.", "comparative",
     "a small fraction of the risk"),
    ("Treatment", "A drip is the only way to get full absorption.", "comparative",
     "the only way to get"),
    ("Safety", "It's natural, so there's nothing harmful going into your system.", "safety",
     "there's nothing harmful"),
])
def test_recall_families(heading, sentence, kind, cue, rules_alone):
    assert _found(_page(heading, sentence)) == [("CL401", 5, 1, _claim(kind, cue))]


def test_it_happens_after_a_fall_is_a_description():
    assert _found(_page("Causes", "It usually happens after a fall onto an outstretched hand.")) == []


# -- CL402: evidence invoked without a source -----------------------------------------
@pytest.mark.parametrize("sentence, phrase", [
    ("Studies in Japan have found splints to be more effective than exercises.",
     "Studies in Japan have found"),
    ("Clinical studies report that most patients improve.", "Clinical studies report"),
    ("Leading dental experts now call it the future of care.", "Leading dental experts now call"),
    ("Splints are also known to improve sleep.", "are also known to improve"),
])
def test_vague_evidence_families(sentence, phrase):
    found = _found(_page("Treatment", sentence), ("CL402",))
    assert [(c, ln, col) for c, ln, col, _m in found] == [("CL402", 5, sentence.index(phrase) + 1)]
