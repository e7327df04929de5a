"""A link whose address names one work (DOI, PubMed, PMC, ClinicalTrials.gov) cites it,
as health publishers write: "[A 2019 trial](https://pubmed.ncbi.nlm.nih.gov/...) found"."""

from __future__ import annotations

from conditionlint import identifiers
from conditionlint.api import lint_text
from conditionlint.parser import parse
from conditionlint.source import Source

RULES = ["CL401", "CL402", "CL403", "CL404", "CL405", "CL406"]


def found(text):
    return [(f.code, f.line, f.column, f.message) for f in lint_text(text, select=RULES)]


def doc_of(text):
    return parse(Source.from_text("page.md", text))


def test_pubmed_link_cites_the_claim_of_its_sentence():
    page = ("# Colds\n\nColds are common. [A 2019 trial](https://pubmed.ncbi.nlm.nih.gov/"
            "31234567/) found that zinc lozenges shorten colds.\n")
    assert found(page) == []
    doc = doc_of(page)
    [c] = doc.citations
    assert (c.kind, c.keys) == ("link", ("pmid:31234567",))
    [e] = doc.evidence
    assert (e.key, e.origin, e.fields, e.identifiers) == (
        "pmid:31234567", "link", {"title": "A 2019 trial", "year": 2019},
        (("pmid", "31234567", 74, 82),))
    assert page[74:82] == "31234567"


def test_pubmed_search_link_is_no_citation():
    page = ("# Colds\n\n[Research](https://pubmed.ncbi.nlm.nih.gov/?term=zinc+cold) shows that "
            "zinc lozenges shorten colds.\n")
    assert found(page) == [
        ("CL401", 3, 2, "efficacy claim ('Research shows') cites no evidence entry"),
        ("CL402", 3, 2, "vague evidence ('Research shows'): name the source and cite it "
                        "as an evidence entry"),
    ]
    doc = doc_of(page)
    assert doc.citations == () and doc.evidence == ()


def test_topic_home_and_organisation_pages_are_no_citation():
    for url in ("https://www.healthline.com/nutrition/zinc", "https://jamanetwork.com/journals/jama",
                "https://www.who.int/", "https://doi.org/", "https://www.ncbi.nlm.nih.gov/pmc/",
                "https://clinicaltrials.gov/search?cond=cold"):
        page = f"# Colds\n\n[Research]({url}) shows that zinc lozenges shorten colds.\n"
        assert [c for c, *_ in found(page)] == ["CL401", "CL402"], url
        assert doc_of(page).evidence == ()


def test_link_with_a_malformed_doi_is_cl406():
    page = ("# Colds\n\n[Research](https://doi.org/10.10/jama.2019) shows that honey relieves "
            "coughs.\n")
    assert found(page) == [
        ("CL406", 3, 28, "link 'Research': DOI '10.10/jama.2019' does not match the pattern "
                         "10.NNNN/suffix (e.g. 10.1016/j.jpain.2017.11.005)"),
    ]


def test_same_doi_in_front_matter_and_link_is_one_used_entry():
    page = """---
evidence:
  - id: hemila2017
    title: "Zinc lozenges and the common cold"
    year: 2017
    design: meta-analysis
    doi: 10.1001/jama.2019.1234
---
# Colds

[Research](https://doi.org/10.1001/JAMA.2019.1234) shows that zinc lozenges shorten colds.
"""
    assert found(page) == []
    doc = doc_of(page)
    [e] = doc.evidence
    assert e.origin == "front-matter" and e.aliases == ("link:doi:10.1001/jama.2019.1234",)
    without_link = page.replace("[Research](https://doi.org/10.1001/JAMA.2019.1234)",
                                "Research")
    assert ("CL404", 3, 9, "evidence entry 'hemila2017' is never cited") in found(without_link)


def test_same_pmid_in_reference_list_and_link_is_one_entry():
    page = """# Colds

Zinc lozenges shorten colds, [a trial](https://pubmed.ncbi.nlm.nih.gov/31234567) found.

## References

1. Smith J, et al. Zinc lozenges for colds. JAMA. 2019. PMID: 31234567
"""
    assert found(page) == []
    [e] = doc_of(page).evidence
    assert (e.origin, e.aliases) == ("references", ("link:pmid:31234567",))


def test_same_work_linked_twice_is_one_entry():
    page = ("# Colds\n\n[A trial](https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/) found that "
            "zinc shortens colds. [The same trial](https://www.ncbi.nlm.nih.gov/pmc/articles/"
            "PMC1234567/) found that zinc eases sore throats.\n")
    assert found(page) == []
    doc = doc_of(page)
    assert [c.keys for c in doc.citations] == [("pmcid:pmc1234567",)] * 2
    [e] = doc.evidence
    assert (e.origin, e.fields) == ("link", {"title": "A trial"})


def test_html_anchor_clinical_trial_and_cochrane_links():
    page = ("# Colds\n\nZinc <a href=\"https://clinicaltrials.gov/study/NCT01234567\">"
            "shortened colds</a> in adults.\n\n"
            "[A Cochrane review](https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858."
            "CD001364.pub5/full) shows that vitamin C does not prevent colds.\n\n"
            "[Older research](https://clinicaltrials.gov/ct2/show/NCT0123) shows that honey "
            "relieves coughs.\n")
    got = found(page)
    assert got == [
        ("CL406", 7, 54, "link 'Older research': NCT number 'NCT0123' must be 'NCT' followed "
                         "by 8 digits (e.g. NCT01234567)"),
    ]
    keys = sorted(e.key for e in doc_of(page).evidence)
    assert keys == ["doi:10.1002/14651858.cd001364.pub5", "nct:nct0123", "nct:nct01234567"]


def test_links_in_references_and_code_are_not_prose_citations():
    page = """# Colds

Zinc lozenges shorten colds.[1] `[x](https://doi.org/10.1000/abc)` is an example.

## References

1. Smith J. Zinc. [Full text](https://doi.org/10.1000/zinc2019). 2019.
"""
    doc = doc_of(page)
    assert [c.kind for c in doc.citations] == ["numeric"]
    assert [e.origin for e in doc.evidence] == ["references"]
    assert found(page) == []


def test_work_of_url_forms():
    w = identifiers.work_of_url
    assert w("https://doi.org/10.1001/jama.2019.1234").value == "10.1001/jama.2019.1234"
    assert w("https://dx.doi.org/10.1001%2Fjama.1").value == "10.1001/jama.1"
    assert w("https://www.ncbi.nlm.nih.gov/pubmed/12345").value == "12345"
    assert w("https://onlinelibrary.wiley.com/doi/full/10.1002/abc.123").value == "10.1002/abc.123"
    assert w("https://pubmed.ncbi.nlm.nih.gov/?term=zinc") is None
    assert w("https://pubmed.ncbi.nlm.nih.gov/") is None
    assert w("https://www.healthline.com/health/cold-flu/zinc") is None


def test_same_sentences_with_links_to_no_work_are_uncited(rules_alone):
    page = ("# Colds\n\nZinc <a href=\"https://www.who.int/zinc\">shortened colds</a> in adults."
            "\n\nColds are common. [A 2019 trial](https://www.who.int/x) found that zinc "
            "lozenges shorten colds.\n")
    assert [f[:3] for f in found(page)] == [("CL401", 3, 1), ("CL401", 5, 20), ("CL402", 5, 20)]
    page = page.replace("https://www.who.int/zinc", "https://clinicaltrials.gov/study/NCT01234567")
    page = page.replace("https://www.who.int/x", "https://pubmed.ncbi.nlm.nih.gov/31234567/")
    assert found(page) == []


def test_link_text_is_the_title_without_markup():
    page = ("# Colds\n\n[**A 2020** <em>review</em>](https://doi.org/10.1000/zinc.2020) found that "
            "zinc shortens colds. <a href='https://doi.org/10.1000/zinc.2021'><b>Another</b> "
            "trial</a> found the same.\n")
    doc = doc_of(page)
    assert [e.fields for e in doc.evidence] == [{"title": "A 2020 review", "year": 2020},
                                                {"title": "Another trial"}]


def test_work_of_url_article_paths_europe_pmc_and_documents():
    w = identifiers.work_of_url

    def kv(url):  # noqa: ANN001, ANN202
        f = w(url)
        return f and (f.kind, f.value)

    assert kv("https://link.springer.com/article/10.1007/s00404-019-05234-1") == (
        "doi", "10.1007/s00404-019-05234-1")
    assert kv("https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full") == (
        "doi", "10.3389/fpsyg.2020.01234")
    assert kv("https://europepmc.org/article/MED/31234567") == ("pmid", "31234567")
    assert kv("https://europepmc.org/article/PMC/PMC7654321") == ("pmcid", "PMC7654321")
    # one document with no identifier in its address: the address (to its document)
    assert kv("https://www.nice.org.uk/guidance/ng123/chapter/Recommendations") == (
        "url", "https://www.nice.org.uk/guidance/ng123")
    assert kv("https://www.bmj.com/content/368/bmj.m1234.long") == (
        "url", "https://www.bmj.com/content/368/bmj.m1234")
    assert kv("https://www.sciencedirect.com/science/article/pii/S0140673619312345") == (
        "url", "https://www.sciencedirect.com/science/article/pii/S0140673619312345")
    # topic, news, list and home pages name no work
    for url in ("https://www.nice.org.uk/guidance", "https://www.gov.uk/",
                "https://www.cdc.gov/common-cold/about/index.html",
                "https://www.iarc.who.int/news-events/iarc-monographs-volume-124/",
                "https://www.bmj.com/", "https://www.bmj.com/content/368/bmj.m1234.longer"):
        assert w(url) is None, url


def test_links_to_guidelines_and_article_pages_support_their_sentence(tmp_path, rules_alone):
    from tests.test_link_citations2 import check

    page = ("# Colds\n\n"
            "[NICE guidance](https://www.nice.org.uk/guidance/ng123) says pelvic floor "
            "training reduces leaks.\n"
            "Zinc lozenges shorten colds ([a 2019 trial](https://www.sciencedirect.com/"
            "science/article/pii/S0140673619312345)).\n"
            "Zinc lozenges shorten colds ([see this](https://www.cdc.gov/common-cold/"
            "about/index.html)).\n")
    code, findings = check(tmp_path, page)
    assert code == 1
    assert [(c, line, col, msg) for c, line, col, _, _, msg in findings] == [
        ("CL401", 5, 1, "efficacy claim ('shorten') cites no evidence entry")]
    doc = doc_of(page)
    assert [(e.origin, e.identifiers[0][:2]) for e in doc.evidence] == [
        ("link", ("url", "https://www.nice.org.uk/guidance/ng123")),
        ("link", ("url", "https://www.sciencedirect.com/science/article/pii/"
                         "S0140673619312345"))]
