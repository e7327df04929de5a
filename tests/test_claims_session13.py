"""Claims, thirteenth session, beside round 22: a figure reported on unnamed evidence is
a statistic claim (review 21's D4), and surveys and polls report as studies do (CL402).

Every page here is invented. Each change is pinned by rule code, line, column and
message, with a look-alike on the other side; the rules alone decide (no claim model).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page
from tests.test_claims_round15 import _vague

pytestmark = pytest.mark.usefixtures("rules_alone")


def test_a_figure_reported_on_unnamed_evidence_is_a_statistic_claim():
    page = _page("Overview", "Some surveys put it at more than half of patients.\n\n"
                             "Studies estimate that 1 in 7 adults live with it.\n\n"
                             "Research suggests that acupuncture eases it.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("statistic", "Some surveys put it at")),
        ("CL401", 7, 1, _claim("statistic", "Studies estimate")),
        # no figure: the evidence is invoked for an effect
        ("CL401", 9, 1, _claim("efficacy", "Research suggests")),
    ]


def test_a_prevalence_figure_on_unnamed_evidence_stays_no_claim():
    # (how many people have it is no claim, whoever reports it)
    page = _page("Overview", "According to the NIMH, about 7% of adults have it in any "
                             "given year.")
    assert _found(page) == []


def test_surveys_and_polls_report_as_studies_do():
    page = _page("Overview", "Surveys suggest that many people improve.\n\n"
                             "National surveys show that acupuncture helps.\n\n"
                             "Polls indicate that most users are satisfied.\n\n"
                             "Fill in our survey to show us how we are doing.")
    assert _found(page, ("CL402",)) == [
        ("CL402", 5, 1, _vague("Surveys suggest")),
        ("CL402", 7, 10, _vague("surveys show")),
        ("CL402", 9, 1, _vague("Polls indicate")),
    ]
