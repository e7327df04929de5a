"""A Complications section lists the condition's harms; its noun lists are not claims."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text

PAGE = """\
# Back pain

Back pain is common.

## Complications

Chronic disability, reduced quality of life, work absenteeism and opioid dependence.

## Outlook

Acupuncture cures back pain for good.
"""


@pytest.mark.usefixtures("rules_alone")
def test_complications_list_is_not_a_claim_but_outlook_is_checked():
    got = [(f.code, f.line) for f in lint_text(PAGE, select=["CL401"])]
    assert ("CL401", 7) not in got
    assert ("CL401", 11) in got
