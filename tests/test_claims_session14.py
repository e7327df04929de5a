"""Claims, fourteenth session, beside round 23: after the claim model was retrained with
blind44-47 it took how a clinic's staff did in an assessment for an efficacy claim;
an exclusion says it is no health outcome (the model leaves excluded sentences too).

Every page here is invented. Pinned by rule code, line, column and message, as shipped
(rules and claim model), with a health outcome on the other side.
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page


@pytest.fixture(autouse=True)
def _as_shipped():
    from conditionlint import claimmodel

    claimmodel.reset()
    yield
    claimmodel.reset()


def test_how_the_staff_did_in_an_assessment_is_no_claim():
    page = _page("About us",
                 "Most of our trainees did well in the audit.\n\n"
                 "Our nurses scored highly in the inspection.\n\n"
                 "The clinic's physios all did very well in their exams.\n\n"
                 "Most patients did well after the operation.")
    assert _found(page) == [
        ("CL401", 11, 1, _claim("prognosis", "Most patients did well"))]


def test_patients_doing_well_in_a_trial_is_still_a_claim():
    # the exclusion names staff, not the people a treatment is for
    found = _found(_page("About us", "Our patients did well in the trial."))
    assert [(code, line, col) for code, line, col, _ in found] == [("CL401", 5, 1)]
    assert found[0][3].startswith("efficacy claim (")
