"""CL401-CL411 on one page that has a bit of everything: codes, positions, messages."""

from __future__ import annotations

from conditionlint.api import lint_text
from tests.conftest import TODAY

PAGE = """---
title: Neck pain
description: Cupping reduces neck pain.
evidence:
  - id: good2020
    title: "Exercise for neck pain"
    year: 2020
    design: systematic-review
    doi: 10.1000/neck2020
  - id: weak2019
    title: "Cupping for neck pain: a case series"
    year: 2019
    design: case-series
    pmid: "31234567"
  - id: old2001
    title: "Massage for neck pain"
    year: 2001
    design: rct
    doi: 10.1000/massage2001
  - id: good2020
    year: 2020
    design: rct
    doi: 10.12/bad
  - id: unused2022
    title: "Unused"
    year: 2022
    design: rct
    nct: NCT1234
---
# Neck pain

Exercise may ease neck pain [@good2020]. Cupping relieves neck pain [@weak2019].
Massage may help [@old2001]. Heat helps [@missing]. Studies show acupuncture works.

From a clinic perspective, our treatment:

- Relaxes tight muscles
- Improves posture

Our treatment is 100% safe. Try it instead of surgery. It is natural, drug-free care.
Is heat safe? Book a session to find out.
"""

EXPECTED = [
    ("CL401", 3, 14, 3, 40, "efficacy claim ('reduces') cites no evidence entry"),
    ("CL405", 20, 5, 20, 17, "evidence entry 'good2020' has no title"),
    ("CL405", 20, 9, 20, 17, "duplicate evidence id 'good2020' (first used on line 5)"),
    ("CL406", 23, 10, 23, 19, "evidence entry 'good2020': DOI '10.12/bad' does not match "
                              "the pattern 10.NNNN/suffix (e.g. 10.1016/j.jpain.2017.11.005)"),
    ("CL404", 24, 9, 24, 19, "evidence entry 'unused2022' is never cited"),
    ("CL406", 28, 10, 28, 17, "evidence entry 'unused2022': NCT number 'NCT1234' must be "
                              "'NCT' followed by 8 digits (e.g. NCT01234567)"),
    ("CL408", 32, 42, 32, 81, "'relieves' overstates the evidence cited ('weak2019' is case "
                              "series): hedge the claim (e.g. 'may')"),
    ("CL409", 33, 1, 33, 29, "the newest evidence this claim cites is from 2001, more than "
                             "10 years old"),
    ("CL401", 33, 30, 33, 52, "efficacy claim ('helps') cites no evidence entry (its citation "
                              "resolves to nothing)"),
    ("CL403", 33, 41, 33, 51, "citation '[@missing]' resolves to nothing: no front-matter "
                              "evidence entry has id 'missing'"),
    ("CL401", 33, 53, 33, 84, "efficacy claim ('Studies show') cites no evidence entry"),
    ("CL402", 33, 53, 33, 65, "vague evidence ('Studies show'): name the source and cite it "
                              "as an evidence entry"),
    ("CL401", 37, 3, 37, 24, "efficacy claim ('Relaxes tight muscles') cites no evidence entry"),
    ("CL401", 38, 3, 38, 19, "efficacy claim ('Improves') cites no evidence entry"),
    ("CL401", 40, 1, 40, 28, "safety claim ('100% safe') cites no evidence entry"),
    ("CL407", 40, 18, 40, 27, "absolute claim ('100% safe'): no treatment is guaranteed, "
                              "permanent or free of risk, even with evidence"),
    ("CL410", 40, 36, 40, 54, "discourages medical care ('instead of surgery'): present the "
                              "therapy alongside medical care, not instead of it"),
    ("CL411", 40, 71, 40, 80, "promotional wording ('drug-free') implies the therapy is safe; "
                              "describe its risks instead"),
]


def found(text: str, select=("CL4",)):
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.message)
            for f in lint_text(text, select=list(select), today=TODAY)]


def test_every_cl4_rule_position_and_message():
    assert found(PAGE) == EXPECTED


def test_cited_claim_with_good_evidence_passes():
    # Line 32's first sentence cites a systematic review: no CL401/CL408/CL409 there.
    assert not [f for f in found(PAGE) if f[1] == 32 and f[2] == 1]


def test_outdated_evidence_years_option(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL409:\n    options:\n      years: 30\n", encoding="utf-8")
    got = [f.code for f in lint_text(PAGE, select=["CL409"], today=TODAY, config=cfg)]
    assert got == []


def test_questions_calls_to_action_and_instructions_are_not_claims():
    page = ("# Back pain\n\nIs acupuncture safe? Book a consultation to see how it helps.\n\n"
            "Rest and take ibuprofen to reduce pain.\n\n"
            "There is no good evidence that magnets help back pain.\n")
    assert found(page, ["CL401"]) == []


def test_symptom_list_and_risk_factor_items_are_not_claims_but_causal_prose_is():
    # A Causes section's prose makes causal claims; its list items (risk factors), the
    # lead-in to them and hedged possibilities ("can play a part") describe.
    page = ("# Back pain\n\n## Symptoms\n\n- Pain that reduces mobility\n"
            "- Stiffness that is caused by sitting\n\n"
            "## Causes\n\nSmoking doubles the risk of disc problems.\n\n"
            "These things raise the risk of back pain:\n\n- heavy lifting increases the risk\n\n"
            "Stress and poor sleep can also play a part.\n\n"
            "## Treatment\n\nAcupuncture relieves the stiffness.\n")
    assert [(c, line, msg) for c, line, _, _, _, msg in found(page, ["CL401"])] == [
        ("CL401", 10, "causal claim ('doubles the risk') cites no evidence entry"),
        ("CL401", 20, "efficacy claim ('relieves') cites no evidence entry")]


def test_superscript_after_full_stop_supports_the_sentence_before():
    page = ("# Sleep\n\nCBT improves sleep.<sup>1</sup> Melatonin helps.\n\n"
            "## References\n\n1. Trauer JM. CBT for insomnia. 2015. doi:10.7326/M14-2841\n")
    assert found(page, ["CL401", "CL403"]) == [
        ("CL401", 3, 33, 3, 49, "efficacy claim ('helps') cites no evidence entry")]


def test_uncheckable_footnote_does_not_support_a_claim():
    page = "# Pain\n\nHeat relieves pain.[^1]\n\n[^1]: Our own experience.\n"
    assert found(page, ["CL401", "CL405"]) == [
        ("CL401", 3, 1, 3, 24, "efficacy claim ('relieves') cites no evidence entry that a "
                               "reader can check (no identifier in what it cites)"),
        ("CL405", 5, 1, 5, 26, "footnote '[^1]' gives no identifier (DOI, PMID, PMCID, NCT, ISBN "
                               "or URL) and no year: a reader cannot find it"),
    ]


def test_glued_number_to_missing_reference_is_unknown():
    page = "Pain\n\nHeat relieves pain.4 Next one.\n\nReferences\n\n1. Smith J. Heat. 2020.\n"
    got = found(page, ["CL403", "CL404"])
    assert got == [
        ("CL403", 3, 20, 3, 21, "citation '4' resolves to nothing: there is no item 4 in a "
                                "References list"),
        ("CL404", 7, 4, 7, 24, "reference '1' is never cited"),
    ]


def test_no_cure_and_talk_to_your_doctor_are_fine():
    page = ("# Pain\n\nThere is no cure, but most people improve [@x].\n\n"
            "Do not stop taking your medication without talking to your doctor.\n")
    assert found(page, ["CL407", "CL410"]) == []
