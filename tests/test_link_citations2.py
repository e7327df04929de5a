"""Links as citations, second round (issue 4): reference-style links resolved through
markdown-it's definitions, bare addresses and autolinks, links in raw HTML paragraphs
and in the front-matter description, and the study design a link's words name (for
CL408). Every case runs end to end through the CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conditionlint.cli import main
from conditionlint.parser import parse
from conditionlint.source import Source

RULES = "CL401,CL402,CL403,CL404,CL405,CL406,CL408"


def check(tmp_path, text, select=RULES):
    """(exit code, [(code, line, column, end line, end column, message)]) of
    ``conditionlint check`` on ``text``."""
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--select", select, "--output-format",
                                       "json", "--no-cache", "-j", "1", "--today",
                                       "2026-11-29", str(page)])
    findings = json.loads(result.output)["findings"]
    return result.exit_code, [(f["code"], f["line"], f["column"], f["end_line"],
                               f["end_column"], f["message"]) for f in findings]


def doc_of(text):
    return parse(Source.from_text("page.md", text))


DOI_MESSAGE = ("does not match the pattern 10.NNNN/suffix (e.g. "
               "10.1016/j.jpain.2017.11.005)")


# -- 1. reference-style links -------------------------------------------------------------
FULL = """# Colds

Zinc lozenges shorten colds, [a 2019 trial][3] found.

[3]: https://pubmed.ncbi.nlm.nih.gov/31234567/
"""


def test_full_reference_link_cites_its_sentence(tmp_path):
    assert check(tmp_path, FULL) == (0, [])
    doc = doc_of(FULL)
    [c] = doc.citations
    assert (c.kind, c.keys, FULL[c.start:c.end]) == ("link", ("pmid:31234567",),
                                                     "[a 2019 trial][3]")
    [e] = doc.evidence
    assert (e.origin, e.fields, e.aliases) == ("link", {"title": "a 2019 trial", "year": 2019},
                                              ("linkdef:3",))
    # the identifier is located in the definition
    [(kind, value, s, t)] = e.identifiers
    assert (kind, value, FULL[s:t]) == ("pmid", "31234567", "31234567")


def test_reference_link_without_its_definition_is_a_marker_that_resolves_to_nothing(tmp_path):
    # with no definition "[3]" is a numbered marker (References item 3 would resolve
    # it, see tests/test_reference_lists_headless.py); here nothing does
    page = FULL.replace("[3]: https://pubmed.ncbi.nlm.nih.gov/31234567/\n", "")
    code, got = check(tmp_path, page)
    assert code == 1
    assert got == [
        ("CL401", 3, 1, 3, 54, "efficacy claim ('shorten') cites no evidence entry (its "
                               "citation resolves to nothing)"),
        ("CL402", 3, 31, 3, 53, "vague evidence ('a 2019 trial found'): name the source and "
                                "cite it as an evidence entry"),
        ("CL403", 3, 44, 3, 47, "citation '[3]' resolves to nothing: there is no item 3 in a "
                                "References list"),
    ]


def test_collapsed_and_shortcut_reference_links_any_case(tmp_path):
    page = """# Colds

Vitamin C does not prevent colds, says the [Cochrane review][].
Honey relieves coughs in children, as the [Paul Trial] showed.

[cochrane review]: https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD000980.pub4/full
[paul trial]: <https://doi.org/10.1001/archpedi.161.12.1140> "Paul 2007"
"""
    assert check(tmp_path, page) == (0, [])
    doc = doc_of(page)
    assert [(c.kind, page[c.start:c.end]) for c in doc.citations] == [
        ("link", "[Cochrane review][]"), ("link", "[Paul Trial]")]
    assert [(e.key, e.fields) for e in doc.evidence] == [
        ("doi:10.1002/14651858.cd000980.pub4",
         {"title": "Cochrane review", "design": "systematic-review"}),
        ("doi:10.1001/archpedi.161.12.1140", {"title": "Paul Trial"}),
    ]


def test_numbered_marker_prefers_the_references_item_then_the_definition(tmp_path):
    # "[1]" is item 1 of the References list (the definition names the same work: one
    # entry); "[2]" has no item 2 and falls back to the definition "[2]:"; "[4]" is
    # defined with an address that names no work, so it still resolves to nothing.
    page = """# Colds

Zinc lozenges shorten colds [1]. Honey relieves coughs [2]. Steam eases congestion [4].

## References

1. Hemila H. Zinc lozenges and the common cold. JRSM Open. 2017. doi:10.1177/2054270417694291

[1]: https://doi.org/10.1177/2054270417694291
[2]: https://doi.org/10.1001/archpedi.161.12.1140
[4]: https://www.nhs.uk/conditions/common-cold/
"""
    code, got = check(tmp_path, page)
    assert code == 1
    assert got == [
        ("CL401", 3, 61, 3, 88, "efficacy claim ('eases') cites no evidence entry (its "
                                "citation resolves to nothing)"),
        ("CL403", 3, 84, 3, 87, "citation '[4]' resolves to nothing: there is no item 4 in "
                                "a References list"),
    ]
    doc = doc_of(page)
    assert [c.kind for c in doc.citations] == ["numeric"] * 3
    assert [(e.origin, e.key, e.aliases) for e in doc.evidence] == [
        ("references", "1", ("link:doi:10.1177/2054270417694291", "linkdef:1")),
        ("link", "doi:10.1001/archpedi.161.12.1140", ("linkdef:2",)),
    ]


def test_references_item_wins_over_a_definition_of_another_work(tmp_path):
    page = """# Colds

Zinc lozenges shorten colds [1].

## References

1. Hemila H. Zinc lozenges and the common cold. JRSM Open. 2017. doi:10.1177/2054270417694291

[1]: https://pubmed.ncbi.nlm.nih.gov/31234567/
"""
    assert check(tmp_path, page) == (0, [])
    doc = doc_of(page)
    from conditionlint.citations import Resolver

    [c] = doc.citations
    [(_, entry)] = Resolver(doc).resolve(c)
    assert entry.origin == "references"


def test_markers_in_a_row_resolve_through_definitions(tmp_path):
    page = """# Colds

Echinacea shortens colds [1][2].

[1]: https://pubmed.ncbi.nlm.nih.gov/111111/
[2]: https://pubmed.ncbi.nlm.nih.gov/222222/
"""
    assert check(tmp_path, page) == (0, [])
    assert [c.keys for c in doc_of(page).citations] == [("1",), ("2",)]


def test_malformed_doi_in_a_definition_is_cl406_at_the_definition(tmp_path):
    page = """# Colds

Zinc lozenges shorten colds, a [2019 trial][zinc] found.
Garlic prevents colds, [one review][garlic] says. Steam relieves congestion `[x][zinc]`.

[zinc]: https://doi.org/10.10/zinc
[garlic]: https://www.nhs.uk/garlic
"""
    code, got = check(tmp_path, page)
    assert code == 1
    assert got == [
        ("CL401", 4, 1, 4, 50, "efficacy claim ('prevents') cites no evidence entry"),
        ("CL401", 4, 51, 4, 89, "efficacy claim ('relieves') cites no evidence entry"),
        ("CL406", 6, 25, 6, 35, f"link '2019 trial': DOI '10.10/zinc' {DOI_MESSAGE}"),
    ]


def test_unused_definition_is_not_unused_evidence(tmp_path):
    page = """# Colds

Colds are common.

[zinc]: https://pubmed.ncbi.nlm.nih.gov/31234567/
"""
    assert check(tmp_path, page) == (0, [])


# -- 2. bare addresses and autolinks -------------------------------------------------------
BARE = """# Colds

Zinc lozenges shorten colds (https://pubmed.ncbi.nlm.nih.gov/12345678/).
Honey relieves coughs in children <https://doi.org/10.1001/archpedi.161.12.1140>.
Steam eases congestion, see doi.org/10.1000/steam.2019.
Saline sprays ease congestion ([a trial](https://doi.org/10.1000/saline.2018)).
"""


def test_bare_addresses_and_autolinks_cite_their_sentence(tmp_path):
    assert check(tmp_path, BARE) == (0, [])
    doc = doc_of(BARE)
    assert [BARE[c.start:c.end] for c in doc.citations] == [
        "https://pubmed.ncbi.nlm.nih.gov/12345678/",
        "<https://doi.org/10.1001/archpedi.161.12.1140>",
        "doi.org/10.1000/steam.2019",  # the full stop is the sentence's
        "[a trial](https://doi.org/10.1000/saline.2018)",  # one citation, not two
    ]
    first = doc.evidence[0]
    # a bare address is its own title, and its digits are no year
    assert first.fields == {"title": "https://pubmed.ncbi.nlm.nih.gov/12345678/"}
    assert [BARE[s:t] for e in doc.evidence for _, _, s, t in e.identifiers] == [
        "12345678", "10.1001/archpedi.161.12.1140", "10.1000/steam.2019",
        "10.1000/saline.2018"]
    assert doc.evidence[2].fields == {"title": "doi.org/10.1000/steam.2019"}


def test_bare_search_address_is_no_citation(tmp_path):
    page = "# Colds\n\nSteam eases congestion (https://pubmed.ncbi.nlm.nih.gov/?term=steam).\n"
    code, got = check(tmp_path, page)
    assert code == 1
    assert got == [("CL401", 3, 1, 3, 70, "efficacy claim ('eases') cites no evidence entry")]
    assert doc_of(page).evidence == ()


def test_bare_address_after_the_full_stop_cites_the_sentence_before(tmp_path):
    page = "# Colds\n\nGarlic prevents colds. https://doi.org/10.10/garlic\n"
    code, got = check(tmp_path, page)
    assert code == 1
    assert got == [("CL406", 3, 40, 3, 52, "link 'https://doi.org/10.10/garlic': DOI "
                                           f"'10.10/garlic' {DOI_MESSAGE}")]


def test_address_in_an_html_attribute_or_code_is_not_bare(tmp_path, rules_alone):
    page = ("# Colds\n\nSteam eases congestion <img src=\"https://doi.org/10.1000/x.1\">. "
            "Zinc shortens colds `https://doi.org/10.1000/x.2`.\n")
    code, got = check(tmp_path, page)
    assert code == 1
    assert [g[:5] for g in got] == [("CL401", 3, 1, 3, 64), ("CL401", 3, 65, 3, 115)]
    assert doc_of(page).citations == ()


def test_bare_address_of_a_guideline_or_article_page_cites_its_sentence(tmp_path):
    """A bare address or autolink of one published document (a NICE guideline, a
    journal's article page) cites its sentence as the same link written [text](url)
    does; a bare topic page does not."""
    page = ("# Low back pain\n\n"
            "Exercise therapy reduces chronic back pain (https://www.nice.org.uk/guidance/ng59).\n\n"
            "Heat wraps ease acute back pain <https://jamanetwork.com/journals/jama/fullarticle/2617379>.\n\n"
            "Massage relieves back pain (https://www.nhs.uk/conditions/back-pain/).\n")
    code, got = check(tmp_path, page)
    assert code == 1
    assert got == [("CL401", 7, 1, 7, 71, "efficacy claim ('relieves') cites no evidence entry")]
    doc = doc_of(page)
    assert [page[c.start:c.end] for c in doc.citations] == [
        "https://www.nice.org.uk/guidance/ng59",
        "<https://jamanetwork.com/journals/jama/fullarticle/2617379>"]
    assert [e.identifiers[0][:2] for e in doc.evidence] == [
        ("url", "https://www.nice.org.uk/guidance/ng59"),
        ("url", "https://jamanetwork.com/journals/jama/fullarticle/2617379")]


def test_an_image_address_is_no_citation(tmp_path):
    """An image's address (a chart or cover hosted on a guideline or journal site) names
    no work the sentence cites."""
    page = ("# Back pain\n\n"
            "Exercise reduces back pain ![chart](https://www.nice.org.uk/guidance/ng59/chart.png).\n\n"
            "Heat eases back pain ![](https://doi.org/10.1000/heat.1).\n\n"
            "Ice eases back pain ![fig](https://doi.org/10.1016/S0140-6736(20)30183-5).\n")
    code, got = check(tmp_path, page)
    assert code == 1
    assert [g[:3] for g in got] == [("CL401", 3, 1), ("CL401", 5, 1), ("CL401", 7, 1)]
    assert doc_of(page).citations == ()


# -- 3. raw HTML paragraphs and the front-matter description -------------------------------
def test_links_in_html_paragraphs(tmp_path):
    page = """# Colds

<p>Echinacea shortens colds, <a href="https://doi.org/10.1000/ech.2019">a trial</a> found.</p>

<p>Garlic prevents colds, <a href="https://www.who.int/garlic">a trial</a> found.
Steam relieves congestion.</p>
"""
    code, got = check(tmp_path, page)
    assert code == 1
    assert got == [
        ("CL401", 5, 4, 5, 82, "efficacy claim ('prevents') cites no evidence entry"),
        ("CL402", 5, 64, 5, 81, "vague evidence ('a trial found'): name the source and cite "
                                "it as an evidence entry"),
        ("CL401", 6, 1, 6, 27, "efficacy claim ('relieves') cites no evidence entry"),
    ]
    [e] = doc_of(page).evidence
    assert (e.key, e.fields) == ("doi:10.1000/ech.2019", {"title": "a trial"})


def test_html_list_blocks_are_not_read_as_paragraphs(tmp_path):
    # an HTML reference list is read by the References reader, not as prose
    page = """# Colds

Zinc shortens colds.<sup>1</sup>

## References

<ol>
<li><p>Hemila H. Zinc lozenges and the common cold. 2017. doi:10.1177/2054270417694291</p></li>
</ol>
"""
    assert check(tmp_path, page) == (0, [])
    assert [e.origin for e in doc_of(page).evidence] == ["references"]


DESCRIPTION = """---
title: Colds
description: "Zinc lozenges shorten colds, as [a 2017 meta-analysis](https://doi.org/10.1177/2054270417694291) found. Honey relieves coughs, as [research](https://www.who.int/honey) shows."
---
# Colds

Colds are common.
"""


def test_links_in_the_front_matter_description(tmp_path):
    code, got = check(tmp_path, DESCRIPTION)
    assert code == 1
    # the first sentence cites a meta-analysis (no CL402 for "a 2017 meta-analysis");
    # the second links to a home page, which cites nothing
    assert got == [("CL401", 3, 119, 3, 189, "efficacy claim ('relieves') cites no evidence "
                                             "entry")]
    doc = doc_of(DESCRIPTION)
    [c] = doc.citations
    assert (c.kind, c.block) == ("link", -1)
    [e] = doc.evidence
    assert e.fields == {"title": "a 2017 meta-analysis", "year": 2017,
                        "design": "meta-analysis"}


def test_malformed_doi_in_the_description(tmp_path):
    page = DESCRIPTION.replace("10.1177/2054270417694291", "10.11/zinc")
    code, got = check(tmp_path, page, select="CL406")
    assert (code, got) == (1, [("CL406", 3, 86, 3, 96,
                                f"link 'a 2017 meta-analysis': DOI '10.11/zinc' {DOI_MESSAGE}")])


# -- 4. the study design a link's words name ----------------------------------------------
DESIGNS = """# Colds

Vitamin C cures colds, [a 2019 study in mice](https://doi.org/10.1000/vitc.2019) found.
A case series ([Lee 2020](https://doi.org/10.1000/cup.2020)) found that cupping relieves neck pain.
Zinc relieves colds in the lab, [one test](https://doi.org/10.1000/zinc.lab) found.
Garlic relieves colds, [a trial](https://doi.org/10.1000/garlic.2021) found.
A cohort study found that saunas reduce colds, as [this](https://doi.org/10.1000/sauna.1) and [that](https://doi.org/10.1000/sauna.2) did.
Echinacea reduces colds ([a systematic review and meta-analysis](https://doi.org/10.1000/ech.2015)).
Honey relieves coughs ([an RCT](https://doi.org/10.1000/honey.2007); [a 2019 Cochrane review](https://doi.org/10.1000/honey.cochrane)).
Ginger relieves nausea, a test-tube study showed: https://pubmed.ncbi.nlm.nih.gov/7654321/
"""


def test_design_from_the_link_text_or_its_sentence(tmp_path):
    designs = {e.key: e.fields.get("design") for e in doc_of(DESIGNS).evidence}
    assert designs == {
        "doi:10.1000/vitc.2019": "animal",  # link text
        "doi:10.1000/cup.2020": "case-series",  # its sentence
        "doi:10.1000/zinc.lab": "in-vitro",  # "in the lab"
        "doi:10.1000/garlic.2021": None,  # "a trial": not said which kind
        "doi:10.1000/sauna.1": None,  # two works in the sentence: which is the cohort?
        "doi:10.1000/sauna.2": None,
        "doi:10.1000/ech.2015": "meta-analysis",
        "doi:10.1000/honey.2007": "rct",
        "doi:10.1000/honey.cochrane": "systematic-review",
        "pmid:7654321": "in-vitro",
    }


def test_cl408_judges_link_entries_of_a_weak_design(tmp_path):
    code, got = check(tmp_path, DESIGNS, select="CL408")
    assert code == 0  # warnings
    assert got == [
        ("CL408", 3, 1, 3, 88, "'cures' overstates the evidence cited "
                               "('doi:10.1000/vitc.2019' is animal): hedge the claim (e.g. 'may')"),
        ("CL408", 4, 1, 4, 100, "'relieves' overstates the evidence cited "
                               "('doi:10.1000/cup.2020' is case series): hedge the claim "
                               "(e.g. 'may')"),
        ("CL408", 5, 1, 5, 84, "'relieves' overstates the evidence cited "
                               "('doi:10.1000/zinc.lab' is in vitro): hedge the claim (e.g. 'may')"),
        ("CL408", 10, 1, 10, 91, "'relieves' overstates the evidence cited "
                                 "('pmid:7654321' is in vitro): hedge the claim (e.g. 'may')"),
    ]


def test_hedged_or_unknown_design_is_not_overstated(tmp_path):
    page = ("# Colds\n\nVitamin C may ease colds, [a 2019 study in mice](https://doi.org/10.1000/"
            "vitc.2019) suggests.\nGarlic relieves colds, [research](https://doi.org/10.1000/"
            "garlic.2021) found.\n")
    assert check(tmp_path, page, select="CL401,CL408") == (0, [])


def test_a_denied_design_is_not_the_design(tmp_path):
    """'not a randomised trial', 'non-randomised', 'rather than an RCT' deny a design:
    the link entry's design is the one named without a denial, if any."""
    page = ("# Colds\n\n"
            "Zinc cures colds ([a case series, not a randomised trial](https://doi.org/10.1000/z.1)).\n"
            "Honey cures coughs ([a non-randomised trial](https://doi.org/10.1000/h.1)).\n"
            "Garlic cures colds ([an RCT](https://doi.org/10.1000/g.1)).\n")
    designs = {e.key: e.fields.get("design") for e in doc_of(page).evidence}
    assert designs == {"doi:10.1000/z.1": "case-series", "doi:10.1000/h.1": None,
                       "doi:10.1000/g.1": "rct"}
    code, got = check(tmp_path, page, select="CL408")
    assert [g[:3] for g in got] == [("CL408", 3, 1)]
    assert "'doi:10.1000/z.1' is case series" in got[0][5]


def test_same_work_by_reference_link_and_references_item_is_one_entry(tmp_path):
    page = """# Colds

Zinc lozenges shorten colds, [a trial][zinc] found.

## References

1. Smith J, et al. Zinc lozenges for colds. JAMA. 2019. PMID: 31234567

[zinc]: https://pubmed.ncbi.nlm.nih.gov/31234567/
"""
    assert check(tmp_path, page) == (0, [])
    [e] = doc_of(page).evidence
    assert (e.origin, e.aliases) == ("references", ("link:pmid:31234567", "linkdef:ZINC"))
