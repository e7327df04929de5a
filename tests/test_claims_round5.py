"""Claims round 5: the blind evaluation's findings (docs/evaluation.md) as behaviour.

Scraped-page sections, disclaimers and dates that are not claims, recovery predictions
typed as prognosis, causal prose in Causes sections, cues that quote the words that make
the claim, and the CL407/CL410/CL411 wording the blind pages used.
"""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def found(text: str, select=("CL4",)):
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.message)
            for f in lint_text(text, select=list(select), today=TODAY)]


def lines(text: str, select=("CL401",)):
    return [(f.code, f.line) for f in lint_text(text, select=list(select), today=TODAY)]


def test_unknown_flattened_heading_ends_a_flattened_symptoms_section():
    page = ("Gallstones\n\nSymptoms\n\nPain: sudden pain under the ribs.\n\n"
            "Our Flush Programme\n\nOur flush softens and dissolves stones.\n")
    assert found(page, ["CL401"]) == [
        ("CL401", 9, 1, 9, 40,
         "efficacy claim ('softens and dissolves stones') cites no evidence entry")]


def test_disclaimers_and_the_supplement_notice_are_not_claims():
    page = ("# Menopause\n\nChiropractic care is not a substitute for medical advice.\n\n"
            "This product is not intended to diagnose, treat, cure, or prevent any disease.\n\n"
            "This page gives general information only and is not a substitute for advice "
            "from your doctor.\n")
    assert found(page, ["CL401", "CL407"]) == []


def test_review_date_line_is_not_vague_evidence_but_a_clinical_trial_is():
    page = ("# Bell's palsy\n\nMost people get better with time.\n\n"
            "Page last reviewed: 02 April 2024\nNext review due: 02 April 2027\n\n"
            "A clinical trial showed that 4 in 5 clients improved.\n\n"
            "It eased hot flushes in a clinical study.\n")
    assert [(c, ln, col, msg) for c, ln, col, _, _, msg in found(page, ["CL402"])] == [
        ("CL402", 8, 1, "vague evidence ('A clinical trial showed'): name the source and "
                        "cite it as an evidence entry"),
        ("CL402", 10, 22, "vague evidence ('in a clinical study'): name the source and "
                          "cite it as an evidence entry")]


def test_recovery_predictions_are_prognosis_claims():
    page = ("# Cold sores\n\nThey usually clear up without treatment within 7 to 10 days.\n\n"
            "Most small kidney stones pass on their own within a few weeks.\n\n"
            "With the right plan, almost everyone recovers without surgery.\n")
    assert [msg for *_, msg in found(page, ["CL401"])] == [
        "prognosis claim ('usually clear up') cites no evidence entry",
        "prognosis claim ('Most small kidney stones pass') cites no evidence entry",
        "prognosis claim ('almost everyone recovers') cites no evidence entry"]


def test_negated_cues_instructions_and_definitions_are_not_claims():
    page = ("# Achilles pain\n\nObstructive sleep apnoea is when your breathing stops "
            "and starts while you sleep.\n\n"
            "Raynaud's is a condition in which your fingers feel numb and cold.\n\n"
            "## Treatment\n\nYou do not need to stop moving altogether.\n\n"
            "We take a full history and, where helpful, arrange a stool test.\n\n"
            "If self-care has not stopped the pain getting worse, see your doctor.\n\n"
            "## See a GP if\n\n- the cold sore has not healed after 10 days\n")
    assert found(page, ["CL401"]) == []


def test_cue_is_the_verb_not_a_preposition_or_a_noun():
    page = ("# Bladder\n\nBotox injections into the bladder wall cure urge incontinence.\n\n"
            "Needling specific points improves blood flow to the pelvis.\n\n"
            "Our remedial massage therapists release the deep muscle guarding.\n")
    assert [msg.split(" cites")[0] for *_, msg in found(page, ["CL401"])] == [
        "efficacy claim ('cure')", "efficacy claim ('improves')",
        "efficacy claim ('therapists release')"]


def test_testimonials_imperative_promises_and_mechanisms(rules_alone):
    page = ("# Endometriosis\n\nTake back control of your cycle with acupuncture.\n\n"
            "Friendly, professional and it works.\n\n"
            "\"I'm sleeping through the night again!\"\n\n"
            "D-mannose stops E. coli sticking to the bladder wall.\n\n"
            "Nifedipine, which widens the blood vessels, is sometimes used.\n")
    assert lines(page) == [("CL401", 3), ("CL401", 5), ("CL401", 7), ("CL401", 9),
                           ("CL401", 11)]


def test_causes_prose_is_causal_but_hedged_factors_and_list_items_are_not():
    page = ("# Kidney stones\n\n## Causes\n\n"
            "Kidney stones are often caused by not drinking enough fluid.\n\n"
            "Stress and poor diet are thought to play a part.\n\n"
            "- Aging causes wear and tear on the valves that help control blood flow\n")
    assert [msg for *_, msg in found(page, ["CL401"])] == [
        "causal claim ('often caused by') cites no evidence entry"]


def test_absolute_outcomes_and_natural_promotion():
    page = ("# Nail fungus\n\nLaser treatment permanently kills the fungus.\n\n"
            "After six sessions the pain was gone for good.\n\n"
            "\"The pain has never come back.\"\n\n"
            "Our 100% natural formula eases hot flushes.\n\n"
            "Because the ingredients are natural, you can take it alongside your other "
            "medicines.\n")
    got = [(c, ln, msg.split(":")[0]) for c, ln, _, _, _, msg in
           found(page, ["CL407", "CL411"])]
    assert got == [
        ("CL407", 3, "absolute claim ('permanently kills')"),
        ("CL407", 5, "absolute claim ('gone for good')"),
        ("CL407", 7, "absolute claim ('never come back')"),
        ("CL411", 9, "promotional wording ('100% natural') implies the therapy is safe; "
                     "describe its risks instead"),
        ("CL411", 11, "promotional wording ('Because the ingredients are natural') implies "
                      "the therapy is safe; describe its risks instead")]


def test_care_discouraging_wording():
    page = ("# Gallstones\n\nDissolve gallstones and keep your gallbladder, no surgery "
            "needed.\n\nOur care avoids the need for splints or surgery.\n\n"
            "A safe, natural alternative to antibiotics.\n\n"
            "Why surgery is not always the answer\n\n"
            "Do not stop taking your medicines without talking to your GP.\n")
    assert [(c, ln) for c, ln, *_ in found(page, ["CL410"])] == [
        ("CL410", 3), ("CL410", 5), ("CL410", 7), ("CL410", 9)]


@pytest.mark.usefixtures("rules_alone")
def test_recurrence_is_a_prognosis_and_a_disclosed_risk_is_a_safety_claim():
    # Round 5 left "can cause bruising" unflagged (flagging it might push writers to drop
    # risk information); round 18 flags a treatment named as the subject of "can cause",
    # as every labelled folder since counts it: an unsupported safety claim
    # (tests/test_claims_round18.py). "Pain can cause poor sleep" stays quiet.
    page = ("# Insomnia\n\nSleeping pills can cause drowsiness the next day.\n\n"
            "Cold sores often come back.\n\n"
            "Pain can cause poor sleep.\n")
    # The rules alone; the claim model scores sentences with no cue and, since the
    # seventh session, may take a treatment's disclosed side effect for the safety
    # claim later labelled sets count it as ("The main side effect is bleeding").
    assert [msg for *_, msg in found(page, ["CL401"])] == [
        "safety claim ('can cause') cites no evidence entry",
        "prognosis claim ('often come back') cites no evidence entry"]
