"""Section defaults (issue 4): prose under *Complications* states what can go wrong, a
prognosis claim, even without a claim cue; list items, lead-ins, questions,
instructions and conditions for getting care there claim nothing."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def cl401(sentence: str, heading: str = "Complications") -> list[tuple[int, int, str]]:
    page = f"# Widget syndrome\n\n## {heading}\n\n{sentence}\n"
    return [(f.line, f.column, f.message)
            for f in lint_text(page, select=["CL401"], today=TODAY)]


@pytest.mark.parametrize("sentence", [
    "A widget rash that is scratched a lot turns leathery over the years.",
    "The nail on the affected toe sometimes lifts away from its bed.",
    "Some people notice a dent in the skin where the lump was.",
])
def test_complications_prose_is_a_prognosis_claim(sentence, rules_alone):
    assert cl401(sentence) == [
        (5, 1, "prognosis claim ('Complications section') cites no evidence entry")]


@pytest.mark.parametrize("sentence", [
    "A widget rash that is scratched a lot turns leathery over the years.",
    "The nail on the affected toe sometimes lifts away from its bed.",
])
def test_the_same_sentence_elsewhere_needs_a_cue(sentence):
    assert cl401(sentence, heading="A few words") == []


@pytest.mark.parametrize("sentence", [
    "If you suddenly cannot lift your thumb, please contact us.",
    "If the skin turns white, call your GP straight away.",
    "What are the complications?",
    "Complications can include:\n\n- stiffness\n- a lump over the bone",
    "- stiffness that lasts for months",
    "Keep your hand raised for the first few days.",
    "Rare.",
])
def test_conditions_for_care_questions_lists_and_instructions_claim_nothing(sentence):
    assert cl401(sentence) == []


def test_a_noun_list_of_complications_is_left_to_the_model(rules_alone):
    # a noun list, no verb: the rules claim nothing of it
    assert cl401("Scarring, stiffness, a bent finger and lasting pain.") == []


@pytest.mark.xfail(strict=True, reason=(
    "known false finding again since the twenty-third session: the model retrained "
    "through blind79 scores it 0.380, over its threshold 0.35 (the one before: 0.366, "
    "under 0.425; docs/model23.md)"))
def test_the_model_no_longer_takes_a_noun_list_of_complications_for_a_prognosis():
    # From the fifteenth session (threshold 0.425) the model took this list for a
    # prognosis claim: a known false finding, part of the lower threshold's price
    # (docs/claims.md, "Fifteenth session"). The model retrained in the eighteenth
    # session (new section headings change its training candidates) leaves it, as the
    # rules do.
    assert cl401("Scarring, stiffness, a bent finger and lasting pain.") == []


def test_a_cited_complication_is_supported():
    page = ("# Widget syndrome\n\n## Complications\n\nSmoking slows down bone healing "
            "(doi:10.1000/bone.2020).\n")
    assert lint_text(page, select=["CL401"], today=TODAY) == []


@pytest.mark.parametrize("heading", [
    "Complications", "Possible complications", "Widget syndrome complications",
    "What are the complications?", "Is widget syndrome serious?", "Long-term problems",
])
def test_complications_headings_in_their_usual_wordings(heading, rules_alone):
    assert cl401("A widget rash that is scratched a lot turns leathery over the years.",
                 heading=heading) == [
        (5, 1, "prognosis claim ('Complications section') cites no evidence entry")]
