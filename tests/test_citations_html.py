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


def _old_lists(text: str) -> list[tuple[int, str, int, int]]:
    # the pattern _html_lists replaces (quadratic on unclosed tags)
    import re

    rx = re.compile(r"<(?P<tag>ol|ul)\b([^>]{0,200})>(.{0,200000}?)</(?P=tag)\s*>", re.I | re.S)
    return [(m.start(), m.group(2), m.start(3), m.end(3)) for m in rx.finditer(text)]


def test_html_lists_pair_tags_as_the_pattern_they_replace():
    import random

    from conditionlint.citations import _html_lists

    pieces = ["<ol>", "<ul>", "</ol>", "</UL >", "<OL start=3>", "<li>a</li>", " text ",
              "\n", "<ol", "</ol", "<ulx>", "</ul>"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14)))
        assert _html_lists(text, 0, len(text)) == _old_lists(text), text
    page = PAGE + "\n<ul><li>x</li></ul>\n"
    assert _html_lists(page, 0, len(page)) == _old_lists(page)
    # limited to a span: a close tag past its end does not count
    text = "<ol><li>a</li></ol>"
    assert _html_lists(text, 0, len(text) - 1) == []


def test_unclosed_list_tags_are_linear():
    from conditionlint import citations

    calls = []
    real = citations.bisect_left

    def counting(*args, **kw):
        calls.append(1)
        return real(*args, **kw)

    page = "# X\n\n**References**\n\n" + "<ul> x " * 5000 + "\n"
    citations.bisect_left = counting
    try:
        lint_text(page, select=["CL403"])
    finally:
        citations.bisect_left = real
    assert len(calls) <= 2 * 5000 + 50  # one bisect per open tag, not a scan each


HEADLESS = """\
# Gallbladder polyps

Most polyps do not grow.<sup>1</sup> Larger polyps are removed.<sup>2</sup>

<hr>

<ol>
<li>Wiles R, et al. Growth rate of small gallbladder polyps. Surgeon. 2014. doi:10.1016/j.surge.2014.01.003</li>
<li>Foley KG, et al. Management of gallbladder polyps. Eur Radiol. 2022.</li>
<li>Ask your pharmacist.</li>
</ol>
"""


def _evidence(text):
    return [(f.code, f.line, f.column) for f in lint_text(text, select=["CL403", "CL404"])]


def test_html_ordered_list_with_no_heading_that_looks_like_references():
    # two of three items look like references (an identifier; authors and a year):
    # those two are entries 1 and 2, cited; the third is not an entry
    assert _evidence(HEADLESS) == []
    # the same list of steps, or of bare web addresses, is no reference list
    steps = HEADLESS.replace("Wiles R, et al. Growth rate of small gallbladder polyps. "
                             "Surgeon. 2014. doi:10.1016/j.surge.2014.01.003",
                             "Rest for a day.").replace(
        "Foley KG, et al. Management of gallbladder polyps. Eur Radiol. 2022.",
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
