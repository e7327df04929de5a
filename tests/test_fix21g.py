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


# -- E4. CL403/CL404: a bare noun then ordinary words is a citation -------------------
_REFS3 = ("\n\n## References\n\n"
          "1. Smith J. Heel pain trial. BMJ. 2019;1:2-3. doi:10.1136/bmj.1234\n"
          "2. Jones K. Heel pain review. Lancet. 2020;2:3-4. doi:10.1016/S0140-6736(20)1234\n"
          "3. Brown L. Stretching study. Foot. 2021;3:4-5. doi:10.1016/j.foot.2021.1\n")
_CIT = ("CL403", "CL404", "CL405", "CL406")


def cite_page(body: str, refs: str = _REFS3) -> str:
    return "# Heel pain\n\nHeel pain is common.\n\n" + body + refs


def found(text: str, select):
    return [(f.code, f.line, f.column, f.message) for f in
            lint_text(text, select=list(select), today=TODAY)]


@pytest.mark.parametrize("sentence", [
    "Exercise is key [2] for most people.",
    "Stretching is an option [2] that many people try.",
    "Rest is the first step [2] in treatment.",
    "Heel cups are one option [2] (see below).",
    "Orthotics are an option [2] - ask your podiatrist.",
])
def test_bare_noun_then_words_is_a_citation(sentence):
    assert found(cite_page(sentence + " Rest helps [1,3]."), _CIT) == []


def test_bare_noun_then_words_missing_item_is_reported():
    got = found(cite_page("Surgery is an option [9] for most people. Rest helps [1-3]."), _CIT)
    assert [c for c, *_ in got] == ["CL403"]


@pytest.mark.parametrize("sentence", [
    "Fill in step [4] of the form.",
    "It is option [4] on the keypad.",
    "Then it is step [4] to continue.",
    "Wait for option [4] and press the hash key.",
])
def test_bare_noun_then_instruction_stays_quiet(sentence):
    assert found(cite_page("Stretching helps [1-3]. " + sentence), _CIT) == []


# -- E7. CL503: "shouldn't hesitate", "must not delay calling" are advice -------------
def _urgent(sentence):
    page = ("# Heel pain\n\nHeel pain is common.\n\n## When to get urgent help\n\n"
            + sentence + "\n")
    return [f.code for f in lint_text(page, select=["CL503"], today=TODAY)]


@pytest.mark.parametrize("sentence", [
    "Parents should not delay calling 999 if the foot is cold.",
    "You shouldn't hesitate to call 999 if the foot is cold.",
    "You must not delay calling 999 if the foot is cold.",
    "Don't delay going to A&E if the foot is cold.",
    "You should not hesitate to call 999 if the foot is cold.",
])
def test_urged_action_is_advice(sentence):
    assert _urgent(sentence) == []


@pytest.mark.parametrize("sentence", [
    "You should not call 999 if the foot is cold.",
    "You need not call 999 if the foot is only cold.",
    "Calling 999 for a cold foot wastes ambulance time.",
    "You won't need calling 999 for this.",
])
def test_gerund_or_negated_action_is_not_advice(sentence):
    assert _urgent(sentence) == ["CL503"]


# -- E8. four-digit numbers beside a short one are markers; a year alone is not -------
@pytest.mark.parametrize("body, message", [
    ("Rest helps [1-1000].", "citation '[1-1000]': items 4-1000 are not in the References list"),
    ("Rest helps [1, 2, 1000]. Shoes help [3].",
     "citation '[1, 2, 1000]': item 1000 is not in the References list"),
])
def test_four_digit_numbers_in_a_marker(body, message):
    assert [(c, m) for c, _, _, m in found(cite_page(body), _CIT)] == [("CL403", message)]


@pytest.mark.parametrize("body", [
    "In [2024] rest helped [1-3].",
    "In [2019, 2020] rest helped [1-3].",
])
def test_years_alone_are_not_markers(body):
    assert found(cite_page(body), _CIT) == []


# -- E9. CL405 names a lazily numbered list's items as CL404 does ---------------------
def test_lazy_list_items_have_one_name():
    refs = ("\n\n## References\n\n"
            "1. Smith J. Heel pain trial. BMJ. 2019;1:2-3. doi:10.1136/bmj.1234\n"
            "1. Jones K. A talk.\n"
            "1. Brown L. Stretching study. Foot. 2099;3:4-5.\n")
    got = {(c, m.split(" gives")[0].split(":")[0].split(" is never")[0])
           for c, _, _, m in found(cite_page("Rest helps [1] and [2].", refs), _CIT)}
    assert got == {("CL405", "reference '2'"), ("CL404", "reference '3'"),
                   ("CL405", "reference '3'")}


def test_cl406_names_a_lazy_item_as_the_reader_sees_it():
    refs = ("\n\n## References\n\n"
            "1. Smith J. Heel pain trial. BMJ. 2019;1:2-3. doi:10.1136/bmj.1234\n"
            "1. Jones K. Heel pain review. Lancet. 2020;2:3-4. PMID: 12x45\n")
    got = [m for c, _, _, m in found(cite_page("Rest helps [1] and [2].", refs), _CIT)
           if c == "CL406"]
    assert got and all(m.startswith("reference '2'") for m in got), got


# -- E11. CL410: "skip the hospital stay" and a product replacing the stay ------------
@pytest.mark.parametrize("sentence", [
    "You can skip the hospital stay with our home kit.",
    "Avoid a hospital stay by treating it yourself with our oil.",
])
def test_skipping_the_stay_is_reported(sentence):
    assert "CL410" in wording(sentence)


@pytest.mark.parametrize("sentence", [
    "Keeping active can help you avoid a hospital stay.",
    "Take your antibiotics as prescribed to avoid hospital admission.",
    "Skip the GP surgery car park and use the side street.",
])
def test_avoiding_the_stay_stays_quiet(sentence):
    assert wording(sentence) == []


# -- E13. CL104: an invisible character at a heading's end leaves no space in the name
@pytest.mark.parametrize("heading", ["## Causes &shy;", "## Causes \u00ad", "## Causes\u200b &#8203;"])
def test_duplicate_heading_named_without_trailing_space(heading):
    page = "# Heel pain\n\nText.\n\n## Causes\n\nText.\n\n" + heading + "\n\nMore.\n"
    got = [f.message for f in lint_text(page, select=["CL104"], today=TODAY)]
    assert got == ["duplicate section 'Causes' (first at line 5)"]
