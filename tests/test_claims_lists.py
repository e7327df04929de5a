"""Lead-in plus list: the items of a list of causes or risk factors are not claims."""

from __future__ import annotations

from conditionlint.api import lint_text
from tests.conftest import TODAY


def _cl401(body: str) -> list[tuple[int, int, str]]:
    # a heading that names no section kind: every claim type counts there (in a Causes
    # section a lead-in is a description anyway)
    text = "# Snoring\n\n## Snoring and your evenings\n\n" + body
    return [(f.line, f.column, f.message) for f in lint_text(text, select=["CL401"],
                                                            today=TODAY)]


def test_hedged_causal_lead_in_and_its_items_raise_nothing():
    assert _cl401("Other things that can play a part:\n\n- sleeping on your back\n"
                  "- smoking\n- sleeping tablets and some other sedating medicines\n") == []


def test_efficacy_lead_in_still_lends_its_cue_to_its_items():
    got = _cl401("## Treatment\n\nOur massage helps with:\n\n- neck pain\n- back pain\n")
    assert [(line, col) for line, col, _ in got] == [(7, 1), (9, 3), (10, 3)]
