"""Ninth session: a sentence whose citations all resolve to nothing is as uncited as one
without a marker, so the claim model scores it (docs/claims.md, "Ninth session")."""

from __future__ import annotations

import pytest

from conditionlint import claimmodel
from conditionlint.api import lint_text

PAGE = """\
# Glandular fever

Almost everyone with glandular fever who takes amoxicillin gets a rash (Thompson & Ramsey, 2017).

## References

- Shenoy ES, Macy E, Rowe T, Blumenthal KG. Evaluation and management of penicillin allergy. JAMA. 2019;321(2):188-199. doi:10.1001/jama.2018.19283
"""

# A model that takes any sentence with "rash" for a claim: what is pinned is which
# sentences reach the model, not the shipped weights.
RASH = claimmodel.Model({"w:rash": 5.0}, 0.0, 0.5, True, "candidates", 0.0)


def _found(text: str) -> list[tuple[str, int, int, int, str]]:
    return [(f.code, f.line, f.column, f.end_column, f.message)
            for f in lint_text(text, select=["CL401", "CL403"], today="2026-11-29")]


@pytest.fixture
def rash_model():
    claimmodel.use(RASH)
    yield
    claimmodel.reset()


def test_a_citation_that_resolves_to_nothing_leaves_the_sentence_to_the_model(rash_model):
    found = _found(PAGE)
    assert [f[:3] for f in found] == [("CL401", 3, 1), ("CL403", 3, 72)]
    assert found[0][4] == "efficacy claim ('rash') cites no evidence entry (found by the claim model)"
    assert found[0][3] == 98  # the whole sentence (97 characters), its citation included


def test_a_citation_that_resolves_supports_it(rash_model):
    cited = PAGE.replace("(Thompson & Ramsey, 2017)", "(Shenoy et al., 2019)")
    assert _found(cited) == []


def test_one_live_citation_among_dead_ones_still_leaves_it_out(rash_model):
    both = PAGE.replace("(Thompson & Ramsey, 2017)", "(Thompson & Ramsey, 2017; Shenoy et al., 2019)")
    assert [f[0] for f in _found(both)] == ["CL403"]


def test_without_the_model_only_the_dead_citation_is_reported():
    claimmodel.use(None)
    try:
        assert [f[:3] for f in _found(PAGE)] == [("CL403", 3, 72)]
    finally:
        claimmodel.reset()


@pytest.mark.parametrize(("text", "start"), [
    ("Rest     otherwise it hurts more.", 4),  # from the first space of the run
    ("Rest, otherwise it hurts more.", 4),     # the comma belongs to the separator
    ("Rest,   otherwise it hurts more.", 4),
])
def test_the_reason_separator_starts_where_its_white_space_starts(text, start):
    # "Rest" + 40,000 spaces took 10 s while ",?\s+otherwise" was tried at every space;
    # it may now start only where the run of white space does (same match as before)
    from conditionlint.claimdetect import _REASON_CLAUSE

    m = _REASON_CLAUSE.search(text)
    assert m is not None and m.start() == start and text[m.end():].startswith("it hurts")
    assert _REASON_CLAUSE.search("Rest" + " " * 50 + "x.") is None
    assert _REASON_CLAUSE.pattern.count("(?<!\\s),?\\s+otherwise") == 1


def _cl402(body: str) -> list[tuple[int, int, str]]:
    page = "# Widget syndrome\n\n" + body + "\n"
    return [(f.line, f.column, f.message.split("'")[1])
            for f in lint_text(page, select=["CL402"], today="2026-11-29")]


# CL402 families from blind28 and blind29's misses (seen after their first run)
@pytest.mark.parametrize(("body", "col", "phrase"), [
    ("Honey is a time-honoured remedy, and now science agrees.", 42, "science agrees"),
    ("Dermatologists say this is the best long-term fix.", 1, "Dermatologists say"),
    ("Paediatricians often believe it is safe from six months.", 1,
     "Paediatricians often believe"),
    ("Doctors will tell you they are not caused by diet.", 1, "Doctors will tell you"),
])
def test_ninth_session_vague_families(body, col, phrase):
    assert _cl402(body) == [(3, col, phrase)]


@pytest.mark.parametrize("body", [
    "Our doctors will tell you when to stop the tablets.",     # the reader's own doctors
    "Your doctor will tell you how long to take them for.",
    "Our therapists believe in treating the whole person.",  # "believe in": a creed
    "The science of sleep is fascinating.",
])
def test_ninth_session_look_alikes_stay_quiet(body):
    assert _cl402(body) == []
