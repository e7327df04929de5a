"""The seventh session's code review of the claim detector, as behaviour: anchored
patterns bounded at the sentence start, a definition's relative clause that ends where
a new main clause starts (also when hard-wrapped) and keeps a treatment's effect, a risk
factor named without a measure, and the per-document claim cache keyed on the model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conditionlint import claimdetect, claimmodel
from conditionlint.api import lint_text
from conditionlint.parser import parse
from conditionlint.source import Source

ROOT = Path(__file__).resolve().parents[1]


def cl401(page: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in lint_text(page, select=["CL401"])]


@pytest.mark.parametrize("name", ["claims.yaml", "risky-wording.yaml"])
def test_no_shipped_pattern_opens_with_an_unbounded_non_word_run(name):
    # '^\W*' followed by a class that also takes '-' or an apostrophe backtracked
    # quadratically on a sentence opening with thousands of them (79 s at 50,000)
    text = (ROOT / "rules" / name).read_text(encoding="utf-8")
    body = text.split("\ndata:", 1)[1]  # the description explains the rule itself
    assert "^\\W{,40}" in body
    assert not re.search(r"\^\\W\*", body)


@pytest.mark.usefixtures("rules_alone")
@pytest.mark.parametrize("page, cue", [
    # a treatment's effect inside the relative clause is still a claim
    ("# Shingles\n\nShingles is a viral infection that our acupuncture sessions ease.\n",
     "sessions ease"),
    ("# Gout\n\nGout is a type of inflammation that cherry juice reduces.\n", "reduces"),
    # the clause ends at ", but" also when the line breaks before "but", and at ", and"
    ("# Shingles\n\nShingles is a viral infection that can cause a painful rash,\n"
     "but our acupuncture sessions ease it.\n", "sessions ease"),
    ("# Shingles\n\nShingles is a viral infection that can cause a painful rash, but our "
     "acupuncture sessions ease it.\n", "sessions ease"),
    ("# Shingles\n\nShingles is a viral infection that can cause a painful rash, and "
     "acupuncture relieves the pain.\n", "relieves"),
])
def test_definitions_keep_the_claims_after_or_inside_their_clause(page, cue):
    assert cl401(page) == [(3, 1, f"efficacy claim ('{cue}') cites no evidence entry")]


@pytest.mark.usefixtures("rules_alone")
def test_definition_clauses_that_describe_stay_quiet():
    assert cl401("# Ringworm\n\nRingworm is a common fungal infection that can cause a "
                 "rash.\n") == []


def test_a_risk_factor_named_is_not_a_measured_risk():
    page = ("# Pancreatitis\n\n## Risk factors\n\n"
            "- **Cystic fibrosis.** This inherited condition is a risk factor for "
            "pancreatitis.\n"
            "- **Smoking.** Smokers are on average three times more likely to develop "
            "it.\n")
    assert [(line, col) for line, col, _ in cl401(page)] == [(6, 16)]


def test_the_claim_cache_is_per_model():
    doc = parse(Source.from_text("x.md", "# Frozen shoulder\n\n"
                                 "Regular stretching keeps the tendon from tightening up again.\n"))
    try:
        claimmodel.use(None)
        assert claimdetect.find_claims(doc) == []
        claimmodel.reset()  # the shipped model, on the same document
        assert len(claimdetect.find_claims(doc)) == 1
        claimmodel.use(None)
        assert claimdetect.find_claims(doc) == []
    finally:
        claimmodel.reset()
