"""Citation forms found on blind pages: markers in a row, author-year with name
particles and several works, narrative citations, citations in front-matter strings."""

from __future__ import annotations

from conditionlint.api import lint_text
from conditionlint.claimdetect import sentence_citations
from conditionlint.parser import parse
from conditionlint.source import Source


def doc_of(text: str):
    return parse(Source.from_text("page.md", text))


def findings(text, codes):
    return [(f.code, f.line, f.column, f.message)
            for f in lint_text(text, select=codes, today="2026-11-29")]


FOOTNOTES = """\
# Trigger finger

A steroid injection is the most effective non-surgical treatment and works in
roughly 6 out of 10 people, although the triggering can come back.[^2][^4] Rest
helps some people.[^4]

[^2]: Amirfeyz R, et al. Management of trigger finger. J Hand Surg Eur. 2011. doi:10.1177/1753193410385378
[^4]: Peters-Veluthamaningal C, et al. Corticosteroid injection for trigger finger. Cochrane Database Syst Rev. 2009. doi:10.1002/14651858.CD005617.pub2
"""


def test_two_footnote_markers_after_a_full_stop_are_both_citations():
    doc = doc_of(FOOTNOTES)
    assert [(c.kind, c.keys, doc.text[c.start:c.end]) for c in doc.citations] == [
        ("footnote", ("2",), "[^2]"), ("footnote", ("4",), "[^4]"),
        ("footnote", ("4",), "[^4]")]
    # the claim before the markers cites [^2] (at least) and is not reported
    cites = sentence_citations(doc)
    first = doc.sentences[1]
    assert doc.text[first.start:first.end].startswith("A steroid injection")
    assert [c.keys for c in cites[first.index]][:1] == [("2",)]
    assert findings(FOOTNOTES, ["CL401", "CL403", "CL404"]) == []


def test_markers_in_a_row_other_forms():
    doc = doc_of("# T\n\nSplints help.[1][2] Keys [@a][@b]. Not `[^x]` nor <!-- [^y] -->.\n\n"
                 "See [the guide][1] too.\n\n[1]: https://example.org\n")
    got = [(c.kind, c.keys, doc.text[c.start:c.end]) for c in doc.citations]
    assert got == [("numeric", ("1",), "[1]"), ("numeric", ("2",), "[2]"),
                   ("pandoc", ("a",), "[@a]"), ("pandoc", ("b",), "[@b]")]


AUTHOR_YEAR = """\
# Dupuytren's contracture

Needle fasciotomy has a quicker recovery (van Rijssen et al., 2012). Diet may help
(de Souza & Lima, 2019). Pain may persist (von Korff 2004). Surgery may help
(O'Brien et al. 2015). Rest may help (Smith 2019; Jones et al., 2020). Smith et al.
(2020) found that splints may help. As Van der Windt and Lee (2003) showed, it may
help (Ní Bhriain et al., 2016; St. John et al., 2009; Di Marco, 2018).

## References

- van Rijssen AL, ter Linden H, Werker PM. Five-year results of a randomized trial. Plast Reconstr Surg. 2012;129(2):469-77.
- de Souza R, Lima P. Diet trial. BMJ. 2019;1:1.
- Von Korff M. Chronic pain. Pain. 2004;1:1.
- O'Brien K, et al. Surgery. Lancet. 2015;1:1.
- Smith J. Rest. BMJ. 2019;1:1.
- Jones A, et al. Rest again. BMJ. 2020;1:1.
- Smith J, Lee K. Splints. BMJ. 2020;1:1.
- van der Windt DA, Lee K. Trial. BMJ. 2003;1:1.
- Ní Bhriain S, et al. Trial. BMJ. 2016;1:1.
- St. John A, et al. Trial. BMJ. 2009;1:1.
- Di Marco A. Trial. BMJ. 2018;1:1.
"""


def test_author_year_with_particles_and_several_works():
    doc = doc_of(AUTHOR_YEAR)
    assert [c.keys for c in doc.citations] == [
        ("van Rijssen 2012",), ("de Souza 2019",), ("von Korff 2004",),
        ("O'Brien 2015",), ("Smith 2019", "Jones 2020"), ("Smith 2020",),
        ("Van der Windt 2003",), ("Ní Bhriain 2016", "St. John 2009", "Di Marco 2018")]
    # every reference is cited, every citation resolves
    assert findings(AUTHOR_YEAR, ["CL403", "CL404"]) == []


def test_unresolved_bare_author_year_beside_another_citation_is_reported():
    page = AUTHOR_YEAR.replace("(Smith 2019; Jones", "(Smyth 2019; Jones")
    assert findings(page, ["CL403"]) == [
        ("CL403", 5, 38, "citation '(Smyth 2019; Jones et al., 2020)' resolves to nothing: "
                         "no bibliography entry by Smyth from 2019")]


def test_lowercase_particle_reference_is_checkable_in_a_research_section():
    # Outside a References heading an item must look like a reference: "van Rijssen AL,"
    page = ("# T\n\nNeedle fasciotomy may help (van Rijssen et al., 2012).\n\n"
            "## What the research says\n\n"
            "van Rijssen AL, ter Linden H, Werker PM. Five-year results. 2012.\n")
    assert findings(page, ["CL401", "CL403", "CL404"]) == []


FRONT = """\
---
title: Morton's neuroma
description: Insoles and wider shoes help most people (Thomson et al., 2004).
---
# Morton's neuroma

Insoles may help (Thomson et al., 2013).

## References

- Thomson CE, Gibson JN, Martin D. Interventions for Morton's neuroma. Cochrane Database Syst Rev. 2013. doi:10.1002/14651858.CD003118.pub2
"""


def test_author_year_in_front_matter_description_is_resolved():
    got = findings(FRONT, ["CL403", "CL404"])
    assert got == [("CL403", 3, 55, "citation '(Thomson et al., 2004)' resolves to nothing: "
                                    "no bibliography entry by Thomson from 2004")]
    # the right year resolves; an entry cited only in the description is used
    ok = FRONT.replace("2004)", "2013)").replace("Insoles may help (Thomson et al., 2013).",
                                                 "Insoles may help.")
    assert findings(ok, ["CL403", "CL404"]) == []


MORE_FORMS = """\
# T

A may help (Hindocha et al., 2009, 2011). B may help (Smith, 2020, p. 12). C may help
(World Health Organization, 2019). D may help (National Institute for Health and Care
Excellence, 2016). Smith's (2020) review agrees. E may help (Muller & Schafer, 2010).
F may help (Jones 2005). Smith and colleagues (2020) agree. G may help (for a review,
see Lee et al., 2018).

## References

- Hindocha S, et al. Dupuytren. Hand. 2009. doi:10.1000/1
- Hindocha S, et al. Dupuytren again. Hand. 2011. doi:10.1000/2
- Smith J. Splints. BMJ. 2020. doi:10.1000/3
- World Health Organization. Guidelines. Geneva: WHO; 2019.
- National Institute for Health and Care Excellence. Low back pain. NG59. 2016.
- Müller A, Schäfer B. Trial. BMJ. 2010.
- Jones A. Trial 1999 cohort follow-up. BMJ. 2005.
- Lee K, et al. Review. BMJ. 2018.
"""


def test_several_years_locators_organisations_possessive_accents():
    doc = doc_of(MORE_FORMS)
    assert [c.keys for c in doc.citations] == [
        ("Hindocha 2009", "Hindocha 2011"), ("Smith 2020",),
        ("World Health Organization 2019",),
        ("National Institute for Health and Care Excellence 2016",), ("Smith 2020",),
        ("Muller 2010",), ("Jones 2005",), ("Smith 2020",), ("Lee 2018",)]
    assert findings(MORE_FORMS, ["CL403", "CL404"]) == []


def test_dates_in_parentheses_are_not_author_year_citations():
    doc = doc_of("# T\n\nSee (March, 2020) and (Updated June 2021), (Summer 2019), "
                 "(Low back pain, 2019). The NHS Long Term Plan (2019) says so.\n")
    assert doc.citations == ()


def test_year_elsewhere_in_the_reference_resolves_when_the_first_year_differs():
    page = ("# T\n\nHeat may help (Jones et al., 2019).\n\n## References\n\n"
            "- Jones A, et al. The 2005 cohort revisited. BMJ. 2019. doi:10.1000/9\n")
    assert findings(page, ["CL403", "CL404"]) == []


def test_names_with_digits_and_trial_phases_are_not_authors():
    doc = doc_of("# T\n\nCases rose (COVID-19, 2020). Results (Phase III, 2019) and "
                 "(Stage 2, 2018).\n")
    assert doc.citations == ()


def test_footer_paragraph_after_a_reference_list_is_not_an_entry():
    page = ("# Warts\n\nDuct tape may help (Focht et al., 2002).\n\n## References\n\n"
            "- Focht DR, Spicer C, Fairchok MP. Duct tape vs cryotherapy. Arch Pediatr "
            "Adolesc Med. 2002;156(10):971-4.\n\n"
            "Last updated May 2026. This leaflet gives general information only.\n")
    doc = doc_of(page)
    assert [e.key for e in doc.evidence] == ["1"]
    assert findings(page, ["CL404", "CL405"]) == []
    # paragraph-style references (no list) still count, a footer among them does not
    para = page.replace("- Focht", "Focht")
    assert [e.key for e in doc_of(para).evidence] == ["1"]


def test_wikipedia_notes_italic_et_al_and_html_bulleted_references():
    page = ("# T\n\nPain eased.[[1]](https://en.wikipedia.org/wiki/Pain#cite_note-1) Sleep "
            "improved.[[2]] Rest helps (Smith *et al.*, 2020). Heat helps, as Lee *et al.* "
            "(2019) found.\n\n## References\n\n<ul>\n"
            "<li>Smith J, et al. Rest. BMJ. 2020.</li>\n"
            "<li>Lee K, et al. Heat. BMJ. 2019.</li>\n</ul>\n")
    doc = doc_of(page)
    assert [(c.kind, c.keys) for c in doc.citations] == [
        ("numeric", ("1",)), ("numeric", ("2",)), ("author-year", ("Smith 2020",)),
        ("author-year", ("Lee 2019",))]
    assert [e.key for e in doc.evidence] == ["1", "2"]
    assert findings(page, ["CL403", "CL404"]) == []
    assert findings(page.replace("[[2]]", "[[3]]"), ["CL403"]) == [
        ("CL403", 3, 81, "citation '[[3]]' resolves to nothing: there is no item 3 in a "
                         "References list")]


def test_citations_in_a_folded_description_are_kept_at_the_value():
    page = ("---\ntitle: T\ndescription: >\n  Insoles help most people (Thomson et al., 2013)"
            " and\n  wider shoes help too (Smith et al., 2020; Lee, 2001).\n---\n# T\n\n"
            "Text.\n\n## References\n\n- Thomson CE, et al. Interventions. 2013. "
            "doi:10.1000/1\n- Smith J, et al. Shoes. 2020. doi:10.1000/2\n"
            "- Lee K. Old. 2001. doi:10.1000/3\n")
    doc = doc_of(page)
    assert [(c.kind, c.keys, c.block) for c in doc.citations] == [
        ("author-year", ("Thomson 2013", "Smith 2020", "Lee 2001"), -1)]
    assert findings(page, ["CL403", "CL404"]) == []


def test_numbered_footnote_markers_resolve_to_a_numbered_reference_list():
    page = ("# T\n\nHeat may ease pain.[^1] Rest may help.[^2]\n\n## References\n\n"
            "1. Smith J. Heat. BMJ. 2020. doi:10.1000/1\n")
    assert findings(page, ["CL403", "CL404"]) == [
        ("CL403", 3, 39, "citation '[^2]' resolves to nothing: there is no footnote "
                         "definition '[^2]:'")]
    # with footnote definitions on the page, a missing one is not looked up elsewhere
    page2 = page.replace("## References", "[^2]: Lee K. Rest. 2019. doi:10.1000/2\n\n"
                         "## References")
    assert [f[0] for f in findings(page2, ["CL403", "CL404"])] == ["CL403", "CL404"]


def test_curly_apostrophe_in_a_citation_finds_a_straight_one_in_the_reference():
    page = ("# T\n\nSurgery may help (O\u2019Brien et al. 2015).\n\n## References\n\n"
            "- O'Brien K, et al. Surgery. Lancet. 2015;1:1.\n")
    assert findings(page, ["CL403", "CL404"]) == []


def test_pandoc_citation_with_prefix_and_locator_but_not_an_email():
    doc = doc_of("# T\n\nA [see @smith2020, p. 3]. B [@a; @b]. C [email me@example.com]. "
                 "D [-@doe99].\n")
    assert [(c.kind, c.keys) for c in doc.citations] == [
        ("pandoc", ("smith2020",)), ("pandoc", ("a", "b")), ("pandoc", ("doe99",))]


def test_a_plain_reference_paragraph_after_a_list_still_counts():
    page = ("# T\n\nHeat may help [1]. Rest may help [2].\n\n## References\n\n"
            "1. Smith J, et al. Heat. BMJ. 2020.\n\n"
            "NICE. Low back pain and sciatica in over 16s. NG59. 2016.\n\n"
            "Content reviewed 2026. Please talk to your GP about your symptoms.\n")
    assert [e.key for e in doc_of(page).evidence] == ["1", "2"]


def test_bare_author_year_with_no_entry_is_broken_on_an_author_year_page():
    refs = ("\n\n## References\n\n- Smith J, Lee K. Heat. BMJ. 2020;1:1.\n"
            "- Park K, Kim L. Rest. BMJ. 2019;1:1.\n")
    page = "# T\n\nHeat may help (Smith et al., 2020). Rest may help (Jones 2005)." + refs
    assert findings(page, ["CL403"]) == [
        ("CL403", 3, 51, "citation '(Jones 2005)' resolves to nothing: no bibliography "
                         "entry by Jones from 2005")]
    # with no author-year citation on the page, "(Census 2021)" is prose
    numbered = ("# T\n\nHeat may help [1]. Most adults (Census 2021) are affected [2]."
                + refs.replace("- ", "1. ", 1).replace("- ", "2. ", 1))
    assert [c.kind for c in doc_of(numbered).citations] == ["numeric", "numeric"]


def test_a_footnote_label_defined_twice_does_not_span_the_page_between():
    page = ("# T\n\nA may help.[^1]\n\n[^1]: Smith J. A. 2010. doi:10.1000/1\n    more of it.\n\n"
            "Middle text with doi:10.1000/99 in it.\n\n[^1]: Again. 2011.\n")
    doc = doc_of(page)
    foot = [e for e in doc.evidence if e.origin == "footnote"]
    assert len(foot) == 1
    assert doc.text[foot[0].start:foot[0].end].endswith("more of it.")
    assert [v for _, v, _, _ in foot[0].identifiers] == ["10.1000/1"]


def test_author_year_with_a_letter_suffix_in_parentheses():
    # "(Brown et al., 2017a)" was no citation at all (only a year without a letter
    # opened the parenthesis to the author-year reading): CL401 and an unused reference
    from conditionlint.api import lint_text

    page = ("# Back pain\n\nAcupuncture reduces back pain (Brown et al., 2017a).\n\n"
            "It also helps sleep (Brown, 2017b).\n\n## References\n\n"
            "- Brown E, et al. Trial one. BMJ. 2017a. doi:10.1000/a3\n"
            "- Brown E. Trial two. BMJ. 2017b. doi:10.1000/a4\n")
    # (each letter finds its own entry: 2017b went to the first 2017 entry, leaving
    # the second "never cited")
    assert lint_text(page, select=["CL401", "CL403", "CL404"]) == []
