"""An HTML <ol> reference list (as CMS exports write it) holds evidence entries."""

from __future__ import annotations

from conditionlint.api import lint_text

PAGE = """\
# Gallbladder polyps

Most polyps do not grow.<sup>1</sup> Larger polyps are removed.<sup>2,3</sup>

## References

<ol>
<li id="r1">Wiles R, et al. Growth rate of small gallbladder polyps. Surgeon. 2014. doi:10.1016/j.surge.2014.01.003</li>
<li id="r2">Foley KG, et al. Management of gallbladder polyps. Eur Radiol. 2022. doi:10.1007/s00330-021-08384-w</li>
<li>A hospital audit.</li>
</ol>
"""


def found(text):
    return [(f.code, f.line, f.column) for f in lint_text(text, select=["CL403", "CL405"])]


def test_html_list_items_resolve_superscripts():
    # <sup>3</sup> resolves to the third <li>, which has no identifier and no year.
    assert found(PAGE) == [("CL405", 10, 5)]


def test_html_list_start_attribute_and_missing_item():
    page = PAGE.replace("<ol>", '<ol start="2">')
    got = found(page)
    assert ("CL403", 3, 25) in got  # <sup>1</sup> now points at nothing
    assert ("CL405", 10, 5) in got


def test_html_list_outside_references_is_not_evidence():
    page = PAGE.replace("## References", "## Further information")
    got = found(page)
    assert got and {c for c, _, _ in got} == {"CL403"}  # every superscript is unresolved


def test_html_list_under_a_flattened_references_line():
    # a CMS export: "**References**" as a bold line, not a heading, then the <ol>
    for head in ("**References**", "References", "__Sources__"):
        page = PAGE.replace("## References", head)
        assert found(page) == [("CL405", 10, 5)], head


def test_html_list_after_a_flattened_references_line_ends_at_the_next_section():
    # the list belongs to the next (flattened) section, "Treatment": not evidence, so
    # every superscript is unresolved
    page = PAGE.replace("## References", "**References**\n\nSee below.\n\n**Treatment**")
    got = found(page)
    assert got and {c for c, _, _ in got} == {"CL403"}
    # ... and a real heading ends the span too
    page = PAGE.replace("## References", "**References**\n\n## Useful links")
    got = found(page)
    assert got and {c for c, _, _ in got} == {"CL403"}


def test_cited_sentences_before_a_flat_references_html_list_are_supported():
    page = PAGE.replace("## References", "**References**").replace(
        "Most polyps do not grow.", "Surgery cures most polyps.")
    codes = [(f.code, f.line) for f in lint_text(page, select=["CL401", "CL403"])]
    assert codes == []


def _lists(text, start=0, end=None):
    from conditionlint.citations import _html_lists

    return [(text[a:c], text[c:d]) for a, _, c, d in _html_lists(
        text, start, len(text) if end is None else end)]


def test_html_lists_are_paired_with_their_own_close_tag():
    # an <ol> nested in an item belongs to the outer list, which ends at its own </ol>
    text = "<ol><li>R1<ol><li>note</li></ol></li><li>R2</li></ol> <UL><li>x</ul >"
    assert _lists(text) == [("<ol>", "<li>R1<ol><li>note</li></ol></li><li>R2</li>"),
                            ("<UL>", "<li>x")]
    # an unclosed outer tag is dropped; the list closed inside it counts
    assert _lists("<ul> menu <ol><li>a</li></ol> end") == [("<ol>", "<li>a</li>")]
    # an unclosed list inside a closed one is dropped with it; a stray close is ignored
    assert _lists("</ol><ol><li>a<ul><li>b</ol>") == [("<ol>", "<li>a<ul><li>b")]
    # attributes, and a close tag past the span's end does not count
    assert _lists('<ol start="3" class="refs"><li>a</li></ol>') == [
        ('<ol start="3" class="refs">', "<li>a</li>")]
    text = "<ol><li>a</li></ol>"
    assert _lists(text, 0, len(text) - 1) == []


def test_html_items_of_the_list_itself_numbered_and_unclosed():
    from conditionlint.citations import _html_items

    def items(body, attrs=""):
        return [(n, body[s:e]) for n, s, e in _html_items(body, attrs, 0, len(body))]

    # a nested list's items are part of the item they are in
    assert items("<li>R1<ul><li>see also</li></ul></li><li>R2</li><li>R3") == [
        ("1", "R1<ul><li>see also</li></ul>"), ("2", "R2"), ("3", "R3")]
    # unclosed items end at the next item or at the content's end; an empty item counts
    assert items("<li>A<li></li><LI class=x>C", ' start="4"') == [("4", "A"), ("6", "C")]


def test_nested_and_unclosed_html_reference_lists_resolve():
    body = ("# Back pain\n\nAcupuncture reduces back pain [1]. Massage relieves neck pain "
            "[2]. Exercise helps sciatica [3].\n\n## References\n\n")
    refs = ["Smith J. Trial one. BMJ. 2019. doi:10.1136/bmj.l100",
            "Brown A. Trial two. Lancet. 2020. PMID: 31234567",
            "Green C. Trial three. JAMA. 2021. doi:10.1001/jama.2021.1"]
    nested = (f"<ol><li>{refs[0]}<ol><li>Commentary in BMJ 2019</li></ol></li>"
              f"<li>{refs[1]}</li><li>{refs[2]}</li></ol>\n")
    unclosed = f"<OL><LI>{refs[0]}<LI>{refs[1]}<LI>{refs[2]}</OL>\n"
    for page in (body + nested, body + unclosed):
        assert [(f.code, f.line) for f in lint_text(
            page, select=["CL401", "CL403", "CL404", "CL405"])] == [], page


def test_unclosed_list_tags_are_linear():
    from conditionlint import citations

    found = []
    real = citations._HTML_LIST_TAG

    class Counting:
        def finditer(self, *args):
            for m in real.finditer(*args):
                found.append(m)
                yield m

    page = "# X\n\n**References**\n\n" + "<ul> x " * 5000 + "</ol> " * 5000 + "\n"
    citations._HTML_LIST_TAG = Counting()
    try:
        lint_text(page, select=["CL403"])
    finally:
        citations._HTML_LIST_TAG = real
    # one pass over the tags for the References span and one for the whole page
    assert len(found) <= 2 * 10_000


HEADLESS = """\
# Gallbladder polyps

Most polyps do not grow.<sup>1</sup> Larger polyps are removed.<sup>2</sup>

<hr>

<ol>
<li>Wiles R, et al. Growth rate of small gallbladder polyps. Surgeon. 2014. doi:10.1016/j.surge.2014.01.003</li>
<li>Foley KG, et al. Management of gallbladder polyps. Eur Radiol. 2022. PMID: 34987654</li>
<li>Ask your pharmacist.</li>
</ol>
"""


def _evidence(text):
    return [(f.code, f.line, f.column) for f in lint_text(text, select=["CL403", "CL404"])]


def test_html_ordered_list_with_no_heading_that_looks_like_references():
    # two of three items carry a work's identifier: those two are entries 1 and 2,
    # cited; the third is not an entry
    assert _evidence(HEADLESS) == []
    # the same list of steps, or of bare web addresses, is no reference list
    steps = HEADLESS.replace("Wiles R, et al. Growth rate of small gallbladder polyps. "
                             "Surgeon. 2014. doi:10.1016/j.surge.2014.01.003",
                             "Rest for a day.").replace(
        "Foley KG, et al. Management of gallbladder polyps. Eur Radiol. 2022. PMID: 34987654",
        "See https://www.nhs.uk/conditions/gallbladder-polyps/")
    assert [c for c, _, _ in _evidence(steps)] == ["CL403", "CL403"]


def test_html_unordered_menu_of_links_is_no_reference_list():
    page = ("# Polyps\n\nMost polyps do not grow.\n\n<ul>\n"
            '<li><a href="https://example.org/a">Smith J, et al. 2020. doi:10.1000/abc1</a></li>\n'
            '<li><a href="https://example.org/b">Jones K, et al. 2021. doi:10.1000/abc2</a></li>\n'
            "</ul>\n")
    # a <ul> with no References heading is not read (no unused CL404 entries from it)
    assert _evidence(page) == []
    assert _evidence(page.replace("<ul>", "<ol>").replace("</ul>", "</ol>")) == [
        ("CL404", 6, 5), ("CL404", 7, 5)]


def test_headless_timeline_with_names_and_years_is_no_reference_list():
    page = ("# Back pain\n\nOur clinic has grown over the years.\n\n"
            "<ol><li>Smith and Partners, 2009: clinic opened in Leeds</li>"
            "<li>Jones K, 2015: second site opened</li>"
            "<li>Patel R, 2021: physiotherapy added</li></ol>\n")
    assert _evidence(page) == []


def test_a_menu_after_the_reference_list_is_not_evidence():
    page = ("# Back pain\n\nAcupuncture reduces back pain [1]. Massage relieves neck pain [2].\n\n"
            "**References**\n\n"
            "<ol><li>Smith J. Trial one. BMJ. 2019. doi:10.1136/bmj.l100</li>"
            "<li>Brown A. Trial two. Lancet. 2020. PMID: 31234567</li></ol>\n\n"
            '<ul><li><a href="/">Home</a></li><li><a href="/book">Book online</a></li>'
            '<li><a href="/contact">Contact us</a></li></ul>\n')
    assert [(f.code, f.line) for f in lint_text(
        page, select=["CL401", "CL403", "CL404", "CL405"])] == []
    # a second list of references there is read (its items look like references)
    page2 = page.replace('<ul><li><a href="/">Home</a></li>',
                         "<ul><li>Green C, et al. Trial three. JAMA. 2021.</li>"
                         "<li>Black D, et al. Trial four. BMJ. 2022.</li>")
    assert [(f.code, f.line) for f in lint_text(page2, select=["CL404"])] == [
        ("CL404", 9), ("CL404", 9)]
