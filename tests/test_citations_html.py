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
