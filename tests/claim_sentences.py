"""Helpers of the claim-round tests (test_claims_round6.py, test_claims_round7.py): one
invented sentence on a page under a heading, and what CL401 / CL402 say of it."""

from __future__ import annotations

from conditionlint.api import lint_text
from tests.conftest import TODAY


def _page(sentence: str, heading: str) -> str:
    return f"# Widget syndrome\n\n## {heading}\n\n{sentence}\n"


def cl401(sentence: str, heading: str = "A few words") -> str | None:
    """The claim type CL401 names for the sentence, or None."""
    found = [f for f in lint_text(_page(sentence, heading), select=["CL401"], today=TODAY)]
    assert len(found) <= 1
    return found[0].message.split(" claim ")[0] if found else None


def cl402(sentence: str) -> list[str]:
    return [f.message for f in lint_text(_page(sentence, "A few words"), select=["CL402"],
                                         today=TODAY)]
