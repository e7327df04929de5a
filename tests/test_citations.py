"""Citation markers in every form, evidence entries, and what resolves to what."""

from __future__ import annotations

from conditionlint.citations import Resolver, expand
from conditionlint.parser import parse
from conditionlint.source import Source

FRONT = """---
title: T
evidence:
  - id: vickers2018
    title: "Acupuncture for chronic pain"
    year: 2018
    design: meta-analysis
    authors: [Vickers AJ, Linde K]
    doi: 10.1016/j.jpain.2017.11.005
---
"""


def doc_of(text: str):
    return parse(Source.from_text("page.md", text))


def marks(doc):
    return [(c.kind, c.keys, doc.text[c.start:c.end]) for c in doc.citations]


def test_expand_lists_and_ranges():
    assert expand("1, 3-5") == ("1", "3", "4", "5")
    assert expand("2\u20134") == ("2", "3", "4")
    assert expand("\u00b9\u00b2") == ("12",)
    assert expand("7-2") == ("7", "2")


def test_every_citation_form():
    doc = doc_of(
        "# T\n\nA [@a; @b]. B [^n]. C [1]. D [1,2]. E [3-4]. F<sup>5</sup> G "
        "<sup><a href=\"#r6\">6</a></sup>. H.7 Next (Smith et al., 2020). "
        "Lee and Park (2019) said. I\u00b9\u00b2 x.\n")
    assert marks(doc) == [
        ("pandoc", ("a", "b"), "[@a; @b]"),
        ("footnote", ("n",), "[^n]"),
        ("numeric", ("1",), "[1]"),
        ("numeric", ("1", "2"), "[1,2]"),
        ("numeric", ("3", "4"), "[3-4]"),
        ("superscript", ("5",), "<sup>5</sup>"),
        ("superscript", ("6",), "<sup><a href=\"#r6\">6</a></sup>"),
        ("numeric", ("7",), "7"),
        ("author-year", ("Smith 2020",), "(Smith et al., 2020)"),
        ("author-year", ("Lee 2019",), "Lee and Park (2019)"),
        ("superscript", ("12",), "\u00b9\u00b2"),
    ]


def test_not_citations():
    doc = doc_of("# T\n\nVersion 2.0 is out. Pain fell (MD -1.26 VAS). See (up to 2025) "
                 "and (e.g., 2025 older adult RCT). `[1]` in code. [link](http://x.org) "
                 "Evidence map (2025) shows.\n")
    assert marks(doc) == []


def test_front_matter_footnote_and_reference_entries():
    doc = doc_of(FRONT + "# T\n\nX [@vickers2018]. Y [^f]. Z [2].\n\n"
                 "[^f]: Foot PMID: 12345678.\n\n"
                 "## References\n\n"
                 "1. Vickers AJ, et al. Acupuncture for chronic pain. J Pain. 2018. "
                 "doi:10.1016/J.JPAIN.2017.11.005\n"
                 "2. Smith J. Heat therapy. BMJ. 2020;1:2.\n")
    ev = [(e.origin, e.key, e.aliases) for e in doc.evidence]
    # The References item 1 has the front-matter entry's DOI (case differs): one entry.
    assert ev == [("front-matter", "vickers2018", ("references:1",)),
                  ("footnote", "f", ()), ("references", "2", ())]
    fm = doc.evidence[0]
    assert fm.identifiers == (("doi", "10.1016/j.jpain.2017.11.005",
                               doc.text.index("10.1016"), doc.text.index("10.1016") + 27),)
    assert doc.evidence[1].identifiers[0][:2] == ("pmid", "12345678")
    assert doc.evidence[2].fields == {"year": 2020}
    r = Resolver(doc)
    assert [[e.key if e else None for _, e in r.resolve(c)] for c in doc.citations] == \
        [["vickers2018"], ["f"], ["2"]]
    # Citing the References copy resolves to the merged entry.
    dup = doc_of(doc.text.replace("Z [2]", "Z [1]"))
    assert [e.key for _, e in Resolver(dup).resolve(dup.citations[-1])] == ["vickers2018"]


def test_unordered_sources_get_positions_and_prose_is_not_an_entry():
    doc = doc_of("# T\n\nA [2].\n\n## Sources\n\nThe sources are listed below.\n\n"
                 "- NICE. Low back pain. 2016. https://www.nice.org.uk/guidance/ng59\n"
                 "- Smith J. Heat. 2020.\n")
    assert [(e.key, e.text[:5]) for e in doc.evidence] == [("1", "NICE."), ("2", "Smith")]


def test_research_section_keeps_only_items_that_look_like_references():
    doc = doc_of("# T\n\n## What the research says\n\n- Trials are small.\n"
                 "- Smith J, Lee K. Heat wraps. BMJ. 2020;1:2.\n")
    assert [(e.key, e.text[:5]) for e in doc.evidence] == [("1", "Smith")]


def test_flattened_references_heading_and_numbered_lines():
    doc = doc_of("Back pain\n\nHeat helps.1\n\nReferences\n\n"
                 "[1] Smith J. Heat. 2020. doi:10.1000/abc1\n"
                 "[2] Lee K. Cold. 2019.\n    wrapped line\n")
    assert [(e.key, e.origin) for e in doc.evidence] == [("1", "references"),
                                                         ("2", "references")]
    assert doc.evidence[1].text == "[2] Lee K. Cold. 2019. wrapped line"
    # The "[1]" that labels an entry is not a citation.
    assert marks(doc) == [("numeric", ("1",), "1")]


def test_author_year_resolves_by_surname_and_year():
    doc = doc_of(FRONT + "# T\n\nA (Vickers et al., 2018). B (Linde 2018). C (Smith 2018). "
                 "D (Vickers, 2017).\n")
    r = Resolver(doc)
    got = [(c.keys, [e.key if e else None for _, e in r.resolve(c)]) for c in doc.citations]
    # "(Smith 2018)" has no comma and names no entry: not taken for a citation.
    assert got == [(("Vickers 2018",), ["vickers2018"]), (("Linde 2018",), ["vickers2018"]),
                   (("Vickers 2017",), [None])]


def test_citation_spans_across_hard_wrapped_author_year():
    doc = doc_of("# T\n\nDiet helps (Black et al.,\n2022).\n")
    assert marks(doc) == [("author-year", ("Black 2022",), "(Black et al.,\n2022)")]
