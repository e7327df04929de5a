"""The Python API (conditionlint.api): selectors as the command line reads them."""

from __future__ import annotations

import pytest

from conditionlint.api import fix_text, lint_text

PAGE = "# T\n\nIntro.\n\n## Symptoms\n\n## Treatment\n\nRest \u00e2\u20ac\u201d now.\n"


def test_a_string_selector_is_one_rule_or_a_comma_list():
    # select="CL103" was read letter by letter ("C", "L", "1"...): every rule ran
    assert [(f.code, f.line) for f in lint_text(PAGE, select="CL103")] == [("CL103", 5)]
    assert sorted({f.code for f in lint_text(PAGE, select="CL103, CL301")}) == [
        "CL103", "CL301"]
    assert {f.code for f in lint_text(PAGE, select=["CL1"], ignore="CL102")} == {"CL103"}
    assert fix_text(PAGE, select="CL301").endswith("Rest \u2014 now.\n".encode())


def test_a_selector_that_names_no_rule_is_an_error():
    # it silently returned no findings, where the command line exits 2
    with pytest.raises(ValueError, match="unknown rule 'CL999'"):
        lint_text(PAGE, select=["CL999"])
    with pytest.raises(ValueError, match="unknown rule 'nonsense'"):
        lint_text(PAGE, ignore="nonsense")
    with pytest.raises(ValueError, match="unknown rule 'CL999'"):
        fix_text(PAGE, select="CL999")
