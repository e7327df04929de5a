"""Reference lists the way CMS pages end them (issue 4): under an HTML heading
(``<h2>References</h2>`` + ``<ol><li>``), as endnote lines after a rule with no heading
("<sup>1</sup> Holden BA, ... 2016."), or as an ordered list of references with no
heading. Every case runs through the CLI; markers resolve, and lists that are not
references (steps, tips) stay out."""

from __future__ import annotations

from tests.test_link_citations2 import check

HEAD = "---\ntitle: Widget syndrome\n---\n# Widget syndrome\n\n"
CLAIM = "Pelvic floor training reduced leaks in a randomised trial.{m}\n\n"
REF1 = ("Dumoulin C, Cacciari LP, Hay-Smith EJC. Pelvic floor muscle training for "
        "urinary incontinence. Cochrane Database Syst Rev. 2018. "
        "doi:10.1002/14651858.CD005654.pub4")
REF2 = "Subak LL, Wing R, West DS, et al. Weight loss to treat incontinence. 2009. PMID: 19179316"


def codes(found):
    return [(code, line, col) for code, line, col, *_ in found]


def test_html_heading_and_html_list(tmp_path):
    text = (HEAD + CLAIM.format(m="<sup>1</sup>") + "<h2>References</h2>\n<ol>\n"
            f"<li id=\"r1\">{REF1}\n<li id=\"r2\">{REF2}\n</ol>\n")
    code, found = check(tmp_path, text, select="CL401,CL403")
    assert (code, found) == (0, [])


def test_html_heading_then_a_markdown_list(tmp_path):
    text = (HEAD + CLAIM.format(m=" [2]") + "<h2>Sources</h2>\n\n"
            f"1. {REF1}\n2. {REF2}\n")
    assert check(tmp_path, text, select="CL401,CL403") == (0, [])


def test_endnote_lines_after_a_rule_with_no_heading(tmp_path):
    text = (HEAD + CLAIM.format(m="<sup>2</sup>") + "---\n\n"
            f"<sup>1</sup> {REF1}\n<sup>2</sup> {REF2}\n")
    assert check(tmp_path, text, select="CL401,CL403") == (0, [])


def test_a_marker_beyond_the_endnotes_is_still_unknown(tmp_path):
    text = (HEAD + CLAIM.format(m="<sup>3</sup>") + "---\n\n"
            f"<sup>1</sup> {REF1}\n<sup>2</sup> {REF2}\n")
    code, found = check(tmp_path, text, select="CL401,CL403")
    assert code == 1
    assert codes(found) == [("CL401", 6, 1), ("CL403", 6, 59)]


def test_an_ordered_list_of_references_with_an_unknown_heading(tmp_path):
    text = (HEAD + CLAIM.format(m=" [1]") + "## Scientific papers we like\n\n"
            f"1. {REF1}\n2. {REF2}\n")
    assert check(tmp_path, text, select="CL401,CL403") == (0, [])


def test_a_numbered_list_of_steps_is_not_a_reference_list(tmp_path):
    # the marker [1] must not resolve to "Rest for two days."
    text = (HEAD + CLAIM.format(m=" [1]") + "## What to do\n\n"
            "1. Rest for two days.\n2. Use an ice pack for 20 minutes.\n"
            "3. Smith Street pharmacy can advise you in 2024.\n")
    code, found = check(tmp_path, text, select="CL401,CL403")
    assert code == 1
    assert [c for c, *_ in found] == ["CL401", "CL403"]


def test_one_reference_in_a_list_of_tips_does_not_make_it_a_reference_list(tmp_path):
    text = (HEAD + CLAIM.format(m=" [2]") + "## Tips\n\n"
            f"1. {REF1}\n2. Drink water.\n3. Walk daily.\n4. Sleep well.\n")
    code, found = check(tmp_path, text, select="CL401,CL403")
    assert [c for c, *_ in found] == ["CL401", "CL403"]


def test_a_leaflet_footer_under_unnumbered_references_is_not_an_entry(tmp_path):
    # paragraphs, not a list: the footer has a year but speaks to the reader
    text = (HEAD + "Cabbage leaves eased engorgement in one trial (Wong et al., 2017).\n\n"
            "## References\n\n"
            "Wong BB, Chan YH, Leow MQH, et al. (2017) Cabbage leaves compared to gel "
            "packs. Int J Nurs Stud 76, 92-99. doi:10.1016/j.ijnurstu.2017.08.014\n\n"
            "If you need this leaflet in large print, please ask a member of staff. "
            "Review due September 2028.\n")
    assert check(tmp_path, text, select="CL401,CL403,CL404") == (0, [])


def test_author_year_names_the_first_author_not_a_co_author(tmp_path):
    # both 2012 papers list a Miller; "(Miller et al., 2012)" is the one Miller led
    text = (HEAD + "A review found less crying (Dobson et al., 2012). A trial found the same "
            "(Miller et al., 2012).\n\n## References\n\n"
            "- Dobson D, Lucassen PL, Miller JJ, et al. Manipulative therapies for colic. "
            "2012. doi:10.1002/14651858.CD004796.pub2\n"
            "- Miller JE, Newell D, Bolton JE. Chiropractic for infant colic. 2012. "
            "doi:10.1016/j.jmpt.2012.09.010\n")
    assert check(tmp_path, text, select="CL401,CL403,CL404") == (0, [])


REFS3 = ("\n\n## References\n\n1. A B. Trial one. 2001. doi:10.1000/a1\n"
         "2. C D. Trial two. 2002. doi:10.1000/a2\n"
         "3. Vickers AJ, et al. Acupuncture for chronic pain. 2018. "
         "doi:10.1016/j.jpain.2017.11.005\n")


def test_link_words_pointing_at_a_references_number_cite_that_item(tmp_path):
    # "[one large trial][3]" with no definition of [3]: markdown-it leaves it as text;
    # the writer pointed the words at References item 3
    text = HEAD + "Acupuncture reduced pain in [one large trial][3]." + REFS3
    code, found = check(tmp_path, text, select="CL401,CL403,CL404")
    assert [(c, line) for c, line, *_ in found] == [("CL404", 10), ("CL404", 11)]


def test_link_words_pointing_at_a_missing_number_are_an_unknown_citation(tmp_path):
    text = HEAD + "Acupuncture reduced pain in [one large trial][7]." + REFS3
    code, found = check(tmp_path, text, select="CL403")
    assert [(c, line, col) for c, line, col, *_ in found] == [("CL403", 6, 46)]


def test_with_a_definition_naming_a_work_it_is_one_link_citation(tmp_path):
    text = (HEAD + "Acupuncture reduced pain in [one large trial][3].\n\n"
            "[3]: https://doi.org/10.1016/j.jpain.2017.11.005\n")
    assert check(tmp_path, text, select="CL401,CL403,CL404") == (0, [])
