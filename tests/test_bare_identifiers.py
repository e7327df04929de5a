"""Labelled identifiers in prose as citations (issue 4): "(doi:10.1136/bmj.m1234)",
"PMID: 31234567", "PubMed ID 31234567", "PMC7654321" and "NCT01234567" cite the work
they name, like a link to it. Every case runs end to end through the CLI."""

from __future__ import annotations

import pytest

from tests.test_link_citations2 import DOI_MESSAGE, check

HEAD = "---\ntitle: Test\n---\n# Test\n\n"


@pytest.mark.parametrize("cite", [
    "(doi:10.1002/14651858.CD001218.pub3)",
    "(DOI: 10.1002/14651858.CD001218.pub3)",
    "(PMID: 24780090)",
    "(PMID 24780090)",
    "(PubMed ID 24780090)",
    "(PMC7654321)",
    "(trial NCT01234567)",
])
def test_a_labelled_identifier_supports_the_claim(tmp_path, cite):
    code, found = check(tmp_path, HEAD + f"Acupuncture reduced migraine days by 1.4 a month "
                                         f"{cite}.\n")
    assert (code, found) == (0, [])


def test_the_same_sentence_without_it_is_unsupported(tmp_path):
    code, found = check(tmp_path, HEAD + "Acupuncture reduced migraine days by 1.4 a month.\n")
    assert code == 1
    assert [(c, line, col) for c, line, col, *_ in found] == [("CL401", 6, 1)]


def test_an_unlabelled_doi_in_prose_is_not_a_citation(tmp_path):
    # "10.1000/xyz123" could be a ratio or a product code; only "doi:" makes it a DOI
    code, found = check(tmp_path, HEAD + "Magnesium reduces cramps, see 10.1000/xyz123.\n")
    assert code == 1
    assert [c for c, *_ in found] == ["CL401"]


def test_a_malformed_labelled_doi_is_reported_at_its_value(tmp_path):
    text = HEAD + "Acupuncture reduced migraine days by 1.4 a month (doi:10.12/bad).\n"
    code, found = check(tmp_path, text)
    assert code == 1
    assert found == [("CL406", 6, 55, 6, 64,
                      f"DOI '10.12/bad' {DOI_MESSAGE}")]


def test_the_sentence_names_the_design_for_cl408(tmp_path):
    text = HEAD + "Ginger cures nausea in pregnancy, as one case series showed (PMID: 24780090).\n"
    code, found = check(tmp_path, text, select="CL401,CL408")
    assert code == 0  # CL408 is a warning
    assert [(c, line, col, msg) for c, line, col, _, _, msg in found] == [
        ("CL408", 6, 1, "'cures' overstates the evidence cited ('pmid:24780090' is case "
                        "series): hedge the claim (e.g. 'may')")]


def test_a_url_and_its_own_doi_label_are_one_work(tmp_path):
    # the DOI inside the address is the address's, not a second citation
    text = HEAD + ("Magnesium reduced cramps in one trial (https://doi.org/10.1000/abc.2020, "
                   "doi:10.1000/abc.2020).\n")
    assert check(tmp_path, text) == (0, [])


def test_identifiers_in_a_reference_list_stay_entries_not_links(tmp_path):
    # a References item's PMID makes the item an entry; "[1]" cites it
    text = HEAD + ("Ginger eased nausea in pregnancy in a randomised trial [1].\n\n"
                   "## References\n\n1. Smith J. Ginger for nausea. 2014. PMID: 24780090\n")
    assert check(tmp_path, text) == (0, [])


def test_an_unquoted_identifier_with_a_leading_zero_is_read_as_written():
    # YAML 1.1 reads 0306406152 as octal: the valid ISBN-10 was reported as "ISBN
    # '52038762' must have 10 or 13 digits", and pmid: 0123 was silently 83
    from conditionlint.api import lint_text

    page = ("---\ntitle: X\nevidence:\n  - id: b\n    title: A book\n    year: 2001\n"
            "    design: guideline\n    isbn: 0306406152\n  - id: c\n    title: A paper\n"
            "    year: 2001\n    design: rct\n    pmid: 0123\n---\n# X\n\nText [@b] and [@c].\n")
    got = [(f.code, f.line, f.column, f.message)
           for f in lint_text(page, select=["CL406", "CL405", "CL203"])]
    assert got == [("CL406", 13, 11, "evidence entry 'c': PMID '0123' must be 1 to 9 "
                                     "digits, not starting with 0")]
