"""Offline identifier checks and extraction from reference text."""

from __future__ import annotations

import pytest

from conditionlint.identifiers import check, extract, isbn_problem, normalize_doi


@pytest.mark.parametrize("kind,value", [
    ("doi", "10.1016/j.jpain.2017.11.005"),
    ("doi", "10.1002/14651858.CD004376.pub3"),
    ("doi", "10.1016/S0140-6736(18)31793-8"),
    ("doi", "https://doi.org/10.1136/BMJ.M123"),
    ("doi", "doi:10.7326/M14-2841"),
    ("pmid", "29198932"), ("pmid", 29198932),
    ("pmcid", "PMC5861590"), ("pmcid", "pmc5861590"),
    ("nct", "NCT01234567"),
    ("isbn", "0-306-40615-2"), ("isbn", "978-0-306-40615-7"), ("isbn", "080442957X"),
    ("url", "https://www.nice.org.uk/guidance/ng59"),
])
def test_valid_identifiers(kind, value):
    assert check(kind, value) is None


@pytest.mark.parametrize("kind,value,message", [
    ("doi", "10.12/abc", "DOI '10.12/abc' does not match the pattern 10.NNNN/suffix "
                         "(e.g. 10.1016/j.jpain.2017.11.005)"),
    ("doi", "10.1000/not a doi", None),
    ("doi", "11.1016/j.x", None),
    ("pmid", "0123", "PMID '0123' must be 1 to 9 digits, not starting with 0"),
    ("pmid", "1234567890", None),
    ("pmid", "2919893X", None),
    ("pmcid", "5861590", "PMCID '5861590' must be 'PMC' followed by digits (e.g. PMC5861590)"),
    ("nct", "NCT1234567", "NCT number 'NCT1234567' must be 'NCT' followed by 8 digits "
                          "(e.g. NCT01234567)"),
    ("isbn", "978-0-306-40615-8", "ISBN-13 '978-0-306-40615-8' has a wrong check digit"),
    ("isbn", "0-306-40615-3", "ISBN-10 '0-306-40615-3' has a wrong check digit"),
    ("isbn", "12345", "ISBN '12345' must have 10 or 13 digits"),
    ("url", "www.example.org", "URL 'www.example.org' is not an absolute http(s) address"),
    ("doi", True, "DOI must be a string, not True"),
])
def test_invalid_identifiers(kind, value, message):
    problem = check(kind, value)
    assert problem is not None
    if message:
        assert problem == message


def test_normalize_doi_strips_resolver_and_prefix():
    assert normalize_doi(" https://dx.doi.org/10.1/x ") == "10.1/x"
    assert normalize_doi("DOI: 10.1000/abc") == "10.1000/abc"


def test_isbn_ignores_spaces_and_hyphens():
    assert isbn_problem("978 0 306 40615 7") is None


def test_extract_reference_item():
    text = ("Smith J. Title. BMJ. 2020;1:2. doi:10.1136/bmj.m123. PMID: 12345678. "
            "PMC5861590 NCT01234567 ISBN 978-0-306-40615-7 https://example.org/a.")
    found = [(f.kind, f.value) for f in extract(text)]
    assert found == [("doi", "10.1136/bmj.m123"), ("pmid", "12345678"),
                     ("pmcid", "PMC5861590"), ("nct", "NCT01234567"),
                     ("isbn", "978-0-306-40615-7"), ("url", "https://example.org/a")]
    f = extract(text)[0]
    assert text[f.start:f.end] == "10.1136/bmj.m123"


def test_extract_doi_and_pubmed_links_are_not_also_urls():
    text = "https://doi.org/10.1001/jama.2018.1234 and https://pubmed.ncbi.nlm.nih.gov/29198932/"
    assert [(f.kind, f.value) for f in extract(text)] == [
        ("doi", "10.1001/jama.2018.1234"), ("pmid", "29198932")]


def test_extract_keeps_balanced_parentheses_in_doi():
    text = "Lancet. doi:10.1016/S0140-6736(18)31793-8)."
    assert [f.value for f in extract(text)] == ["10.1016/S0140-6736(18)31793-8"]


def test_extract_reports_labelled_malformed_identifiers():
    found = [(f.kind, f.value) for f in extract("doi: 10.12/abc. PMID: 0123x, NCT123")]
    assert found == [("doi", "10.12/abc"), ("pmid", "0123x"), ("nct", "NCT123")]


def test_extract_ignores_prose_mention_of_doi():
    assert extract("The doi is missing from this reference.") == []


def test_extract_doi_org_link_without_scheme_or_with_www():
    text = "Smith J. 2019. doi.org/10.1016/j.x.2019.01.002. See www.doi.org/10.1000/abc"
    found = extract(text)
    assert [(f.kind, f.value) for f in found] == [
        ("doi", "10.1016/j.x.2019.01.002"), ("doi", "10.1000/abc")]
    assert text[found[0].start:found[0].end] == "10.1016/j.x.2019.01.002"
    assert normalize_doi("doi.org/10.1000/abc") == "10.1000/abc"
    assert check("doi", "https://www.doi.org/10.1000/abc") is None
