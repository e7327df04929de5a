"""Fix session 21g: defects from the second independent review of session 21's fixes
(/work/briefs/review-s21b-findings.md): E2, E3, E4, E7, E8, E9, E11, E13."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def wording(sentence):
    return [f.code for f in lint_text(f"# X\n\n{sentence}\n", select=["CL410", "CL411"],
                                      today=TODAY)]


# -- E2. CL410: the "end of a course" exception needs the illness gone, no product ---
@pytest.mark.parametrize("sentence", [
    "After a course of our herbal drops you will never need antibiotics again.",
    "Our tea works so well that your asthma is better and you will no longer need your inhaler.",
    "Once your child's ears have healed with our oil, they will never need grommets.",
    "Once the pain has gone you will no longer need your doctor.",
    "Once the infection has cleared you will no longer need your GP.",
])
def test_course_exception_keeps_promotion(sentence):
    assert "CL410" in wording(sentence)


@pytest.mark.parametrize("sentence", [
    "Once the infection has gone you will no longer need your antibiotics.",
    "When the course is finished you will no longer need the antibiotics.",
])
def test_end_of_a_course_stays_quiet(sentence):
    assert wording(sentence) == []


# -- E3. CL411: a concession word alone does not exempt "free from side effects" ------
@pytest.mark.parametrize("sentence", [
    "Though plant-based, it is completely free from side effects.",
    "Although it is plant-based, our balm is free from side effects.",
    "Whilst being all herbal, so no risks at all.",
])
def test_concession_keeps_safety_promise(sentence):
    assert "CL411" in wording(sentence)


def test_negated_safety_promise_stays_quiet():
    assert wording("Although plant-based, it is not free from side effects.") == []
