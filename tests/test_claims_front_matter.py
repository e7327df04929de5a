"""CL401 on claims in front-matter strings: every citation form counts there too."""

from __future__ import annotations

from conditionlint.api import lint_text
from tests.conftest import TODAY

BODY = """# Morton's neuroma

## References

Thomson CE, Beggs I, Martin DJ. Methylprednisolone injections for Morton neuroma: a
randomized trial. J Bone Joint Surg Am. 2013;95(9):790-8. doi:10.2106/JBJS.I.01780
"""


def _cl401(description: str) -> list[tuple[int, int, str]]:
    text = f"---\ntitle: Morton's neuroma\ndescription: {description}\n---\n" + BODY
    return [(f.line, f.column, f.message) for f in lint_text(text, select=["CL401"],
                                                            today=TODAY)]


def test_author_year_citation_in_the_description_supports_its_claim():
    assert _cl401("Steroid injections help most people (Thomson et al., 2013).") == []


def test_author_year_citation_that_resolves_to_nothing():
    assert _cl401("Steroid injections help most people (Thomson et al., 2004).") == [
        (3, 14, "efficacy claim ('help most') cites no evidence entry "
                "(its citation resolves to nothing)")]


def test_uncited_claim_in_the_description():
    assert _cl401("Steroid injections help most people.") == [
        (3, 14, "efficacy claim ('help most') cites no evidence entry")]
