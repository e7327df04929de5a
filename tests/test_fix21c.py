"""Fix session 21c (an outside audit): body review lines that open with "Reviewed on",
malformed PMCIDs/PMIDs in links, future publication years in reference items, citation
ranges, duplicate footnotes and reference numbers."""

from __future__ import annotations

import datetime as _dt

import pytest

from conditionlint.api import lint_text

TODAY = _dt.date(2026, 12, 1)


def found(text: str, select, config=None):
    return [(f.code, f.line, f.column, f.message) for f in
            lint_text(text, select=list(select), today=TODAY, config=config)]


# -- 3. CL206 reads the "Reviewed on DATE" line CL204/CL205 read -------------------------
_REVIEW = ("---\ntitle: Back pain\nreviewed_by: Dr A\n---\n\n# Back pain\n\n"
           "Back pain is common.\n\n{line}\n")
_REVIEW_RULES = ["CL204", "CL205", "CL206"]


@pytest.mark.parametrize("line", [
    "*Reviewed on 3 December 2027*",
    "Reviewed on 3 December 2027",
    "_Updated 3 December 2027_",
    "> Reviewed 3 December 2027",
    "*Reviewed by Dr A on 3 December 2027*",
])
def test_future_review_line_is_cl206(line):
    got = found(_REVIEW.format(line=line), _REVIEW_RULES)
    assert [(c, ln) for c, ln, _, _ in got] == [("CL206", 10)], got
    assert "2027-12-03, which is in the future" in got[0][3]


def test_past_review_line_is_still_cl204_only():
    got = found(_REVIEW.format(line="*Reviewed on 3 December 2010*"), _REVIEW_RULES)
    assert [(c, ln) for c, ln, _, _ in got] == [("CL204", 10)], got


@pytest.mark.parametrize("line", [
    "The national guideline was updated on 3 December 2027.",
    "*Reviewed on 1 December 2026*",
    "This page will be updated 3 December 2027.",
])
def test_prose_or_current_review_line_is_not_cl206(line):
    got = found(_REVIEW.format(line=line), ["CL206"])
    assert got == [], got


# -- 6. a malformed PMCID/PMID in a PMC or PubMed link is CL406 --------------------------
_LINK = ("---\ntitle: Back pain\n---\n\n# Back pain\n\n"
         "Exercise therapy reduces chronic back pain ({cite}).\n")


@pytest.mark.parametrize("url, named", [
    ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12x/", "PMCID 'PMC12x'"),
    ("https://pmc.ncbi.nlm.nih.gov/articles/PMCabc/", "PMCID 'PMCabc'"),
    ("https://pubmed.ncbi.nlm.nih.gov/abc/", "PMID 'abc'"),
    ("https://www.ncbi.nlm.nih.gov/pubmed/12x", "PMID '12x'"),
    ("https://doi.org/10.1000", "DOI '10.1000'"),
])
def test_malformed_id_in_work_link_is_cl406(url, named):
    got = found(_LINK.format(cite=f"[source]({url})"), ["CL401", "CL406"])
    assert [c for c, *_ in got] == ["CL406"], got
    assert got[0][3].startswith(f"link 'source': {named} "), got


@pytest.mark.parametrize("url", [
    "https://pubmed.ncbi.nlm.nih.gov/advanced/",
    "https://pubmed.ncbi.nlm.nih.gov/?term=back+pain",
])
def test_pubmed_site_pages_are_no_work(url):
    got = found(_LINK.format(cite=f"[source]({url})"), ["CL401", "CL406"])
    assert [c for c, *_ in got] == ["CL401"], got


@pytest.mark.parametrize("cite", [
    "[source](https://pmc.ncbi.nlm.nih.gov/articles/PMC5861590/)",
    "[source](https://pubmed.ncbi.nlm.nih.gov/29198932/)",
])
def test_well_formed_work_links_still_cite(cite):
    assert found(_LINK.format(cite=cite), ["CL401", "CL406"]) == []


@pytest.mark.parametrize("cite, message", [
    ("PMCID: PMC12x", "PMCID 'PMC12x' must be 'PMC' followed by digits"),
    ("PMID: 0", "PMID '0' must be 1 to 9 digits"),
])
def test_bare_identifier_message_names_the_identifier(cite, message):
    got = found(_LINK.format(cite=cite), ["CL406"])
    assert len(got) == 1 and got[0][3].startswith(message), got
    assert "link" not in got[0][3]


# -- 8. a future publication year in a References item or footnote -----------------------
_CITED = "---\ntitle: Back pain\n---\n\n# Back pain\n\nHeat eases back pain{marker}.\n\n"


@pytest.mark.parametrize("marker, entry, line, col, what", [
    (" [1]", "## References\n\n1. Jones B. Heat. Spine. 2099;1:2-3. doi:10.1000/x2\n",
     11, 26, "reference '1'"),
    (".[^1]", "[^1]: Jones B. Heat. Spine. 2099;1:2-3. doi:10.1000/x2\n", 9, 29,
     "footnote '[^1]'"),
    (" [1]", "## References\n\n1. Jones B. Heat in back pain. doi:10.1000/x2. 2031\n",
     11, 48, "reference '1'"),
])
def test_future_reference_year_is_one_cl405(marker, entry, line, col, what):
    got = found(_CITED.format(marker=marker) + entry,
                ["CL203", "CL403", "CL404", "CL405", "CL406"])
    assert got == [("CL405", line, col,
                    f"{what}: year {2099 if col < 40 else 2031} is after this year "
                    f"(today is 2026-12-01)")], got


@pytest.mark.parametrize("entry", [
    "## References\n\n1. Jones B. Heat. Spine. 2026;1:2-3. doi:10.1000/x2\n",
    "## References\n\n1. WHO. Roadmap to 2030. Geneva: WHO; 2021. doi:10.1000/x2\n",
])
def test_this_year_or_a_title_year_is_not_reported(entry):
    got = found(_CITED.format(marker=" [1]") + entry, ["CL405"])
    assert got == [], got


def test_front_matter_future_year_stays_cl203_alone():
    text = ("---\ntitle: Back pain\nevidence:\n  - id: j\n    title: Heat\n    year: 2099\n"
            "    design: rct\n    doi: 10.1000/x2\n---\n\n# Back pain\n\nHeat eases back "
            "pain [@j].\n")
    assert [c for c, *_ in found(text, ["CL203", "CL405"])] == ["CL203"]


# -- 9. a citation range is one marker: one finding --------------------------------------
_ONE_REF = ("---\ntitle: Back pain\n---\n\n# Back pain\n\nHeat eases back pain {m}.\n\n"
            "## References\n\n1. Jones B. Heat. Spine. 2019;1:2-3. doi:10.1000/x2\n")


@pytest.mark.parametrize("m, message", [
    ("[1-60]", "citation '[1-60]': items 2-60 are not in the References list"),
    ("[2-9]", "citation '[2-9]' resolves to nothing: items 2-9 are not in the References "
              "list"),
    ("[1,3,5-7]", "citation '[1,3,5-7]': items 3 and 5-7 are not in the References list"),
    ("<sup>1-4</sup>", "citation '<sup>1-4</sup>': items 2-4 are not in the References "
                       "list"),
])
def test_range_is_one_cl403(m, message):
    got = found(_ONE_REF.format(m=m), ["CL403"])
    assert [x[3] for x in got] == [message], got


def test_one_missing_number_keeps_its_message():
    # (fix21e, review s21 D9: "[1,2]" does not resolve to nothing when item 1 is
    # there; one missing number of a list is named like several, without that phrase)
    got = found(_ONE_REF.format(m="[1,2]"), ["CL403"])
    assert [x[3] for x in got] == ["citation '[1,2]': item 2 is not in the References "
                                   "list"], got


# -- 10. duplicate footnote definitions and reference numbers ------------------------------
_EVIDENCE_RULES = ["CL403", "CL404", "CL405", "CL406"]


@pytest.mark.parametrize("between", ["", "\n"])
def test_duplicate_footnote_definition_is_cl405(between):
    text = ("---\ntitle: Back pain\n---\n\n# Back pain\n\nHeat eases back pain.[^1]\n\n"
            "[^1]: Jones B. Heat. Spine. 2019;1:2-3. doi:10.1000/x2\n" + between +
            "[^1]: Smith C. Cold. Spine. 2018;1:2-3. doi:10.1000/x3\n")
    got = found(text, _EVIDENCE_RULES)
    assert got == [("CL405", 10 + len(between), 1,
                    "footnote '[^1]' is defined twice (first on line 9): a citation "
                    "'[^1]' can only point at one of them")], got


def test_first_footnote_definition_keeps_only_its_own_text():
    from conditionlint.parser import parse
    from conditionlint.source import Source

    text = ("# Back pain\n\nHeat eases back pain.[^1]\n\n"
            "[^1]: Jones B. Heat. Spine. 2019;1:2-3. doi:10.1000/x2\n"
            "[^1]: Smith C. Cold. Spine. 2018;1:2-3. doi:10.1000/x3\n")
    doc = parse(Source.from_text("page.md", text))
    [entry] = [e for e in doc.evidence if e.origin == "footnote"]
    assert "Smith" not in doc.text[entry.start:entry.end]


_REFS = ("---\ntitle: Back pain\n---\n\n# Back pain\n\nHeat eases back pain [1]. Cold "
         "too [{cited}].\n\n## References\n\n"
         "1. Jones B. Heat. Spine. 2019;1:2-3. doi:10.1000/x2\n"
         "{n2}. Smith C. Cold. Spine. 2018;1:2-3. doi:10.1000/x3\n"
         "{n3}. Lee D. Ice. Spine. 2017;1:2-3. doi:10.1000/x4\n")


def test_duplicate_reference_number_is_one_cl405():
    got = found(_REFS.format(cited=2, n2=2, n3=2), _EVIDENCE_RULES)
    assert got == [("CL405", 13, 4,
                    "reference number 2 is used twice (first on line 12); the list shows "
                    "this item as 3, and a citation '[2]' points only at the first")], got


def test_cl404_names_the_item_as_the_reader_sees_it():
    got = found(_REFS.format(cited=3, n2=3, n3=4), _EVIDENCE_RULES)
    assert got == [("CL404", 13, 4,
                    "reference 3 (written '4.' in the source) is never cited")], got
    got = found(_REFS.format(cited=2, n2=2, n3=3), _EVIDENCE_RULES)
    assert got == [("CL404", 13, 4, "reference '3' is never cited")], got


def test_two_lists_may_each_start_at_one():
    text = _REFS.format(cited=2, n2=2, n3=3) + (
        "\n## Further reading\n\n1. Back pain. NHS. 2024.\n")
    assert [c for c, *_ in found(text, ["CL405"])] == []
