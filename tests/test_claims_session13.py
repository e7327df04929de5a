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


# == review 22 mends (D9, D10; docs/round22.md, "Review mends") ===========================
# -- D9. a figure on unnamed evidence is a statistic, whichever verb reports it -------------
def test_review22_d9_a_figure_on_unnamed_evidence_is_a_statistic_whatever_the_verb():
    page = _page("About",
                 "Studies suggest that 1 in 7 adults have it.\n\n"
                 "Studies show that 1 in 7 adults have it.\n\n"
                 "Research indicates that half of adults have it.\n\n"
                 "Evidence shows that 30% of adults have it.\n\n"
                 "Research shows two in three people snore.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("statistic", "Studies suggest")),
        ("CL401", 7, 1, _claim("statistic", "Studies show")),
        ("CL401", 9, 1, _claim("statistic", "Research indicates")),
        ("CL401", 11, 1, _claim("statistic", "Evidence shows")),
        ("CL401", 13, 1, _claim("statistic", "Research shows")),
    ]


def test_review22_d9_unnamed_evidence_with_no_figure_stays_efficacy():
    page = _page("Treatment", "Studies show that acupuncture eases back pain.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "Studies show"))]


# -- D10. a survey or poll with no health outcome is no efficacy claim ---------------------
def test_review22_d10_an_opinion_survey_is_a_statistic_not_efficacy():
    page = _page("About",
                 "Surveys suggest most people want more information.\n\n"
                 "Recent polls suggest a tight race in the election.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("statistic", "Surveys suggest")),
        ("CL401", 7, 1, _claim("statistic", "Recent polls suggest")),
    ]
    assert [f for f in _found(page, ("CL402",))] == [
        ("CL402", 5, 1, _vague("Surveys suggest")),
        ("CL402", 7, 1, _vague("Recent polls suggest")),
    ]


def test_review22_d10_a_survey_reporting_a_treatment_effect_still_claims_efficacy():
    page = _page("About", "Surveys show the cream heals eczema.")
    assert _found(page) == [("CL401", 5, 1, _claim("efficacy", "heals"))]
