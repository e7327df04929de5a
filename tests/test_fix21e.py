"""Fix session 21e: defects from the independent review of session 21's fixes
(/work/briefs/review-s21-findings.md): citations, CL410/CL411 wording, CL503, CL104."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def codes(text: str, select=None):
    return [(f.code, f.line) for f in
            lint_text(text, select=list(select) if select else None, today=TODAY)]


def found(text: str, select):
    return [(f.code, f.line, f.column, f.message) for f in
            lint_text(text, select=list(select), today=TODAY)]


_REFS3 = ("\n\n## References\n\n"
          "1. Smith J. Heel pain trial. BMJ. 2019;1:2-3. doi:10.1136/bmj.1234\n"
          "2. Jones K. Heel pain review. Lancet. 2020;2:3-4. doi:10.1016/S0140-6736(20)1234\n"
          "3. Brown L. Stretching study. Foot. 2021;3:4-5. doi:10.1016/j.foot.2021.1\n")
_CIT = ("CL403", "CL404", "CL405", "CL406")


def cite_page(body: str, refs: str = _REFS3) -> str:
    return "# Heel pain\n\nHeel pain is common.\n\n" + body + refs


# -- D6. "is key [2]." and "an option [4]." end a clause with a citation ---------------
@pytest.mark.parametrize("body", [
    "Exercise is key [2]. Stretching helps [1]. Shoes help [3].",
    "Stretching is the best first step [2]. Rest helps [1]. Shoes help [3].",
    "Injections are one of the options [3]. Rest helps [1,2].",
    "Stretching is one option [1], rest is another [2]; shoes are a third choice [3].",
])
def test_noun_before_a_clause_end_is_a_citation(body):
    assert codes(cite_page(body), _CIT) == []


def test_missing_item_after_a_bare_noun_is_reported():
    got = codes(cite_page("Surgery is a last-resort option [4]. Stretching helps [1-3]."),
                _CIT)
    assert got == [("CL403", 5)]


@pytest.mark.parametrize("sentence", [
    "Choose option [4] for the nurse.",
    "Go to step [4].",
    "Select option [4].",
    "Fill in step [4] of the form.",
    "Press [4].",
])
def test_instruction_shapes_stay_quiet(sentence):
    assert codes(cite_page("Stretching helps [1-3]. " + sentence), _CIT) == []


# -- D8. one numbering model: a number no item is written with is the one shown -------
def _refs(n1, n2, n3):
    return ("\n\n## References\n\n"
            f"{n1}. Smith J. Heel pain trial. BMJ. 2019;1:2-3. doi:10.1136/bmj.1234\n"
            f"{n2}. Jones K. Heel pain review. Lancet. 2020;2:3-4. doi:10.1016/S0140-6736(20)1234\n"
            f"{n3}. Brown L. Stretching study. Foot. 2021;3:4-5. doi:10.1016/j.foot.2021.1\n")


@pytest.mark.parametrize("numbers", [(1, 1, 1), (1, 2, 4)])
def test_markers_resolve_against_the_numbers_shown(numbers):
    page = cite_page("Stretching helps [1]. Rest helps [2]. Shoes help [3].", _refs(*numbers))
    assert codes(page, _CIT) == []


def test_lazy_numbering_names_an_uncited_item_as_shown():
    page = cite_page("Stretching helps [1]. Rest helps [2].", _refs(1, 1, 1))
    assert [(c, m) for c, _, _, m in found(page, _CIT)] == [
        ("CL404", "reference '3' is never cited")]


def test_a_number_written_in_the_source_keeps_its_item():
    page = cite_page("Stretching helps [1]. Rest helps [3].", _refs(1, 3, 4))
    assert [(c, m) for c, _, _, m in found(page, _CIT)] == [
        ("CL404", "reference 3 (written '4.' in the source) is never cited")]
    page = cite_page("Stretching helps [1]. Rest helps [2]. Shoes help [4]. Ice [5].",
                     _refs(1, 2, 4))
    assert [c for c, *_ in found(page, _CIT)] == ["CL403"]


# -- D11. CL410/CL411: neutral or cautionary sentences stay quiet ----------------------
def wording(sentence):
    return [f.code for f in lint_text(f"# X\n\n{sentence}\n", select=["CL410", "CL411"],
                                      today=TODAY)]


@pytest.mark.parametrize("sentence", [
    "Keeping active can help you avoid a hospital stay.",
    "Take your antibiotics as prescribed to avoid hospital admission.",
    "Once the infection has gone you will no longer need your antibiotics.",
    "Although plant-based, it is not free from side effects.",
    "It is natural to worry, and there are no side effects from talking about it.",
    "Herbal remedies are popular, and no side effects were reported in the small trial.",
])
def test_wording_look_alikes_stay_quiet(sentence):
    assert wording(sentence) == []


@pytest.mark.parametrize("code, sentence", [
    ("CL410", "Avoid the hospital: our clinic has everything you need."),
    ("CL410", "Skip the GP and book with us."),
    ("CL410", "With our programme you will no longer need surgery."),
    ("CL411", "The gel is organic, with no added chemicals and no side effects."),
    ("CL411", "Being herbal, it has no side effects."),
])
def test_wording_true_findings_kept(code, sentence):
    assert code in wording(sentence)


# -- D9. a list or range that partly resolves is not "nothing"; wide ranges -----------
@pytest.mark.parametrize("body, message", [
    ("Stretching helps [1,2,7]. Rest helps [3].",
     "citation '[1,2,7]': item 7 is not in the References list"),
    ("Stretching helps [1-200].",
     "citation '[1-200]': items 4-200 are not in the References list"),
    ("Stretching helps [1-999].",
     "citation '[1-999]': items 4-999 are not in the References list"),
    ("Stretching helps [1]. Rest helps [2-150, 160].",
     "citation '[2-150, 160]': items 4-150 and 160 are not in the References list"),
])
def test_partly_resolving_markers(body, message):
    assert [(c, m) for c, _, _, m in found(cite_page(body), _CIT)] == [("CL403", message)]


# -- D7. only a range from 0 is a scale; a list or lone number from 0 is a marker -----
@pytest.mark.parametrize("body, message", [
    ("Stretching helps [0,1]. Rest helps [2,3].",
     "citation '[0,1]': item 0 is not in the References list"),
    ("Stretching helps [0]. Rest helps [1-3].",
     "citation '[0]' resolves to nothing: there is no item 0 in a References list"),
])
def test_markers_from_zero_are_checked(body, message):
    assert [(c, m) for c, _, _, m in found(cite_page(body), _CIT)] == [("CL403", message)]


@pytest.mark.parametrize("scale", ["[0-10]", "[0 - 10]", "[0\u20135]"])
def test_ranges_from_zero_are_scales(scale):
    body = f"Rate your pain on a scale of {scale}. Rest helps [1-3]."
    assert codes(cite_page(body), _CIT) == []


# -- D10. CL406: a malformed id in a PubMed, PMC or doi.org link in an entry ----------
@pytest.mark.parametrize("item, message", [
    ("[PubMed](https://pubmed.ncbi.nlm.nih.gov/12x45/)",
     "reference '1': PMID '12x45' must be 1 to 9 digits, not starting with 0"),
    ("https://pubmed.ncbi.nlm.nih.gov/12x45/",
     "reference '1': PMID '12x45' must be 1 to 9 digits, not starting with 0"),
    ("[PMC](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12x/)",
     "reference '1': PMCID 'PMC12x' must be 'PMC' followed by digits (e.g. PMC5861590)"),
    ("[DOI](https://doi.org/10.1000)",
     "reference '1': DOI '10.1000' does not match the pattern 10.NNNN/suffix "
     "(e.g. 10.1016/j.jpain.2017.11.005)"),
])
def test_malformed_link_ids_in_references(item, message):
    page = cite_page("Stretching helps [1].", "\n\n## References\n\n1. Smith J. Heel pain "
                     f"trial. BMJ. 2019;1:2-3. {item}\n")
    assert [(c, m) for c, _, _, m in found(page, _CIT)] == [("CL406", message)]


def test_malformed_link_id_in_a_footnote():
    page = ("# Heel pain\n\nStretching helps.[^1]\n\n[^1]: Smith J. Trial. BMJ. 2019;1:2-3. "
            "[PMC](https://pmc.ncbi.nlm.nih.gov/articles/PMC12x/)\n")
    got = found(page, _CIT)
    assert [(c, m) for c, _, _, m in got] == [
        ("CL406", "footnote '[^1]': PMCID 'PMC12x' must be 'PMC' followed by digits "
                  "(e.g. PMC5861590)")]
    assert page[page.index("PMC12x"):].startswith("PMC12x") and got[0][2] == \
        page.index("PMC12x") - page.rindex("\n", 0, page.index("PMC12x"))


def test_well_formed_link_ids_in_references_stay_quiet():
    page = cite_page("Stretching helps [1].", "\n\n## References\n\n1. Smith J. Heel pain "
                     "trial. BMJ. 2019;1:2-3. [PubMed](https://pubmed.ncbi.nlm.nih.gov/"
                     "12345/) [PMC](https://pmc.ncbi.nlm.nih.gov/articles/PMC12345/)\n")
    assert codes(page, _CIT) == []


# -- D12. CL503: "should not hesitate to call 999" is advice -----------------------------
_URGENT = ("# Heel pain\n\nHeel pain is common.\n\n## Symptoms\n\n- Pain\n\n"
           "## When to get urgent help\n\n{s}\n")


@pytest.mark.parametrize("sentence", [
    "Parents should not hesitate to call 999 if the foot is cold.",
    "You should not hesitate to call 999 if the foot is cold.",
    "You should not wait to call 999 if the foot is cold.",
    "Carers must never delay to call 999 if the foot is cold.",
])
def test_not_hesitate_is_advice(sentence):
    assert codes(_URGENT.format(s=sentence), ["CL503"]) == []


@pytest.mark.parametrize("sentence", [
    "Carers should not take the child to A&E for a sore heel.",
    "You should not call 999 for heel pain.",
])
def test_prohibitions_stay_non_advice(sentence):
    assert [c for c, _ in codes(_URGENT.format(s=sentence), ["CL503"])] == ["CL503"]


# -- D14. a footnote is named by its label as written, in every CL404-CL406 message ---
def test_footnotes_are_named_alike():
    page = ("# Heel pain\n\nStretching helps.[^1] Rest helps.[^2] Ice helps.[^3]\n\n"
            "[^1]: Smith J. Trial. BMJ. 2019;1:2-3. doi:10.1136/bmj.1234\n"
            "[^1]: Lee K. Trial. BMJ. 2018;1:2-3. doi:10.1136/bmj.1235\n"
            "[^2]: Brown L. Stretching study. Foot. 2028;3:4-5. doi:10.1016/j.foot.2021.1\n"
            "[^3]: Green M. Ice.\n"
            "[^4]: White N. Heat. Foot. 2020;3:4-5. doi:10.1016/j.foot.2020.1\n")
    messages = [m for _, _, _, m in found(page, _CIT)]
    assert any(m.startswith("footnote '[^1]' is defined twice") for m in messages), messages
    assert any(m.startswith("footnote '[^2]': year 2028") for m in messages), messages
    assert any(m.startswith("footnote '[^3]' gives no identifier") for m in messages), messages
    assert "footnote '[^4]' is never cited" in messages, messages


# -- D15. CL104: a soft hyphen or zero-width space in a heading shows nothing -----------
@pytest.mark.parametrize("heading", [
    "## C&shy;auses", "## C\u00adauses", "## Cau&#173;ses", "## Cau\u200bses", "## Cau&#x200B;ses",
])
def test_invisible_characters_do_not_make_a_heading_new(heading):
    page = ("# Heel pain\n\nHeel pain is common.\n\n## Causes\n\nStrain.\n\n"
            f"{heading}\n\nMore.\n")
    assert [(c, m) for c, _, _, m in found(page, ["CL104"])] == [
        ("CL104", "duplicate section 'Causes' (first at line 5)")]
