"""The claim model (rules/claim-model.yaml, src/conditionlint/claimmodel.py): the file
loads and validates, the training script regenerates it byte for byte, the model's
findings respect the rules' exclusions, and the shipped ``enabled`` flag is obeyed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conditionlint import claimdetect, claimmodel
from conditionlint.api import lint_text
from conditionlint.config import ConfigError
from conditionlint.yamlrules import lexicon

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_override():
    claimmodel.reset()
    yield
    claimmodel.reset()


def _cl401(page: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in lint_text(page, select=["CL401"])]


def test_shipped_file_loads_and_validates():
    data = lexicon("claim-model")  # validated against schemas/rule.schema.json
    assert set(data) <= {"enabled", "threshold", "bias", "weights", "scope", "veto", "types"}
    model = claimmodel.load()
    assert model is not None
    assert model.scope in {"candidates", "open"}  # "prose" is never shipped
    assert 1000 <= len(model.weights) <= 3000
    assert 0 < model.threshold < 1
    # words, word pairs, shapes and section kinds; never the rules' own verdict
    # ("rule:efficacy" taught the model to trust the rules where they were tuned)
    assert {f.split(":", 1)[0] for f in model.weights} == {"w", "b", "shape", "section"}


def test_features_do_not_depend_on_the_rules():
    feats = claimmodel.features("Ice reduces swelling.", {"treatment"})
    assert "section:treatment" in feats and "w:reduces" in feats
    assert not [f for f in feats if f.startswith("rule:")]


def test_shipped_model_is_on_for_the_candidates_the_rules_leave():
    # docs/claims.md, "Seventh session": switched on, on blind15's first run, in the
    # narrowest scope (the rules' exclusions hold: test below with a model that
    # scores everything)
    model = claimmodel.load()
    assert model is not None and model.enabled and model.scope == "candidates"
    assert claimmodel.current() is model
    # an effect and a testimonial outcome in plain words, which no cue of
    # rules/claims.yaml names
    first = "Regular stretching keeps the tendon from tightening up again."
    second = "Within a fortnight of starting the exercises my arm was back above my head."
    page = f"# Frozen shoulder\n\n{first}\n\n{second}\n"
    claimmodel.use(None)
    assert _cl401(page) == []
    claimmodel.reset()
    found = lint_text(page, select=["CL401"])
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [
        (3, 1, 3, len(first) + 1), (5, 1, 5, len(second) + 1)]
    for f, sentence in zip(found, (first, second), strict=True):
        # the message quotes words of the sentence (the heaviest in the model)
        cue = f.message.split("'")[1]
        assert f.message.startswith("efficacy claim (") and cue and cue in sentence
        assert f.message.endswith("cites no evidence entry (found by the claim model)")


def test_training_script_reproduces_the_file_byte_for_byte():
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "train_claim_model.py"),
                        "--check"], capture_output=True, text=True, cwd=ROOT, check=False)
    # Features include section kinds and the lexicon's hedge and imperative lists, so a
    # change to rules/sections.yaml or those lists changes the model (as does a new
    # labelled folder): regenerate it with .venv/bin/python
    # benchmarks/train_claim_model.py and commit the file.
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr
    assert "rules/claim-model.yaml is up to date" in r.stdout


def test_runtime_does_not_import_numpy():
    code = ("import sys; from conditionlint.api import lint_text; "
            "lint_text('# X\\n\\nWe never needed the operation.\\n', select=['CL401']); "
            "print(sorted(m for m in ('numpy', 'sklearn') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


PAGE = """# Knee pain

## Overview

Knee pain is a condition in which the joint aches when you climb stairs.

We never needed the operation.

Move like you did at thirty.

Wear flat shoes with a cushioned sole.

Is knee pain serious?

Book a free assessment today.

## Symptoms

- a knee that locks

## Causes

Stress and poor sleep can also play a part.

These things raise the risk:

- heavy lifting
"""


def _always(threshold: float = 0.5) -> claimmodel.Model:
    """A model that scores every sentence 1.0: what it flags is decided by the
    exclusions alone."""
    return claimmodel.Model({"w:operation": 2.0, "w:move": 1.0}, 50.0, threshold, True)


def test_model_findings_respect_the_rules_exclusions():
    claimmodel.use(_always())
    # Only the two open-ended prose sentences: not the definition, the instruction,
    # the question, the call to action, the symptom item, the hedged possible cause,
    # the lead-in or its list item.
    assert _cl401(PAGE) == [
        (7, "efficacy claim ('operation') cites no evidence entry (found by the claim model)"),
        (9, "efficacy claim ('Move') cites no evidence entry (found by the claim model)"),
    ]


def test_prose_scope_scores_every_uncited_prose_sentence_without_a_rule_claim():
    claimmodel.use(claimmodel.Model({"w:operation": 2.0, "w:move": 1.0}, 50.0, 0.5, True,
                                    "prose"))
    found = _cl401(PAGE)
    # The rules' own limits no longer hold: definitions, instructions, questions, calls
    # to action, list items and lead-ins are all scored (and this model flags them all).
    assert [line for line, _ in found] == [5, 7, 9, 11, 13, 15, 19, 23, 25, 27]
    # ...but never a heading, and never twice: a sentence the rules claimed keeps the
    # rules' finding alone.
    page = "# Knee pain\n\nIce reduces swelling after a sprain.\n"
    claimmodel.use(None)
    rules_only = _cl401(page)
    assert len(rules_only) == 1
    claimmodel.use(claimmodel.Model({}, 50.0, 0.5, True, "prose"))
    assert _cl401(page) == rules_only


def test_open_scope_leaves_descriptive_lists_and_hedges_alone():
    claimmodel.use(claimmodel.Model({}, 50.0, 0.5, True, "open"))
    found = _cl401(PAGE)
    # as prose, but not the symptom item (19), the hedged possible cause (23), the
    # lead-in (25) or its list item (27) of the descriptive sections
    assert [line for line, _ in found] == [5, 7, 9, 11, 13, 15]


def test_prose_scope_skips_cited_sentences_and_reference_items():
    claimmodel.use(claimmodel.Model({}, 50.0, 0.5, True, "prose"))
    page = ("# Knee pain\n\nWe never needed the operation [1].\n\n## References\n\n"
            "1. Smith J. Knee trial. BMJ. 2020. doi:10.1000/xyz123\n")
    assert _cl401(page) == []


def test_cited_sentence_is_not_a_model_claim():
    claimmodel.use(_always())
    page = ("---\nevidence:\n  - id: k1\n    title: Knee trial\n    year: 2020\n"
            "    design: rct\n    doi: 10.1000/xyz123\n---\n# Knee pain\n\n"
            "We never needed the operation [@k1].\n")
    assert _cl401(page) == []


def test_shipped_type_model_has_every_claim_type_in_order():
    model = claimmodel.load()
    assert model is not None
    assert [name for name, _, _ in model.types] == [
        "efficacy", "safety", "statistic", "causal", "prognosis", "comparative", "mechanism"]
    parsed = claimmodel._type_models(model.types)  # noqa: SLF001
    for (name, bias, lines), (pname, pbias, weights) in zip(model.types, parsed, strict=True):
        assert (pname, pbias) == (name, bias)
        assert 100 <= len(weights) <= 600 == len(lines.splitlines())
        assert {f.split(":", 1)[0] for f in weights} <= {"w", "b", "shape", "section"}


def _typed(**weights: dict[str, float]) -> tuple[tuple[str, float, str], ...]:
    return tuple((name, 0.0, "".join(f"{v} {f}\n" for f, v in w.items()))
                 for name, w in weights.items())


def test_claim_type_is_the_highest_scoring_type_first_on_a_tie():
    types = _typed(efficacy={"w:helps": 1.0}, safety={"w:bruising": 3.0, "w:helps": -1.0},
                   causal={"w:because": 2.0})
    model = claimmodel.Model({}, 0.0, 0.5, types=types)
    assert claimmodel.claim_type(model, ["w:helps"])[0] == "efficacy"
    assert claimmodel.claim_type(model, ["w:helps", "w:bruising"])[0] == "safety"
    # safety 3.0 - 1.0 = 2.0 and causal 2.0 tie: the first in the file's order wins
    assert claimmodel.claim_type(model, ["w:bruising", "w:helps", "w:because"])[0] == "safety"
    assert claimmodel.claim_type(model, ["w:other"])[0] == "efficacy"  # all 0: the first
    assert claimmodel.claim_type(claimmodel.Model({}, 0.0, 0.5), ["w:helps"]) is None


def test_model_finding_takes_its_type_and_cue_from_the_type_model():
    types = _typed(efficacy={}, safety={"w:bruising": 3.0, "b:minor bruising": 1.0})
    claimmodel.use(claimmodel.Model({"w:happen": 0.5}, 50.0, 0.5, True, types=types))
    page = "# Acupuncture\n\nMinor bruising where the needles go in can happen.\n"
    # the type's own weights pick the quoted words: "bruising" (3.0 + 1.0 for the pair)
    assert _cl401(page) == [
        (3, "safety claim ('Minor bruising') cites no evidence entry (found by the claim model)")]
    # without a type model: the rules' type cues (none here: efficacy), and the claim
    # model's own heaviest word
    claimmodel.use(claimmodel.Model({"w:happen": 0.5}, 50.0, 0.5, True))
    assert _cl401(page) == [
        (3, "efficacy claim ('happen') cites no evidence entry (found by the claim model)")]


def test_a_type_the_claim_lexicon_does_not_list_still_reads_as_a_claim():
    # (review defect 13: a hand-edited model naming its own type gave "harm ('...')")
    types = _typed(harm={"w:bruising": 3.0})
    claimmodel.use(claimmodel.Model({"w:happen": 0.5}, 50.0, 0.5, True, types=types))
    page = "# Acupuncture\n\nMinor bruising where the needles go in can happen.\n"
    assert _cl401(page) == [
        (3, "harm claim ('bruising') cites no evidence entry (found by the claim model)")]


def test_a_type_weight_that_is_not_a_number_is_a_config_error_naming_its_line():
    types = (("efficacy", 0.0, "0.5 w:helps\n"), ("safety", 0.0, "1.0 w:bruising\nhigh w:x\n"))
    claimmodel.use(claimmodel.Model({"w:happen": 0.5}, 50.0, 0.5, True, types=types))
    page = "# Acupuncture\n\nMinor bruising where the needles go in can happen.\n"
    with pytest.raises(ConfigError) as err:
        lint_text(page, select=["CL401"])
    assert err.value.path.endswith("claim-model.yaml")
    assert "types: safety: weights, line 2: 'high' is not a number" in str(err.value)


def test_cue_span_is_the_heaviest_short_run_of_words_in_one_clause():
    text = "Over time, regular stretching keeps the tendon supple and strong."
    model = claimmodel.Model({"w:keeps": 1.0, "w:supple": 0.5, "b:tendon supple": 0.4,
                              "w:time": 0.9, "w:the": 5.0}, 0.0, 0.5)

    def quote(m: claimmodel.Model, t: str = text, extra=None) -> str | None:
        span = claimmodel.cue_span(m, t, extra)
        return None if span is None else t[span[0]:span[1]]

    # "keeps the tendon supple": 1.0 + 0 ("the" is a function word: no weight of its
    # own) + 0.2 + 0.7, less 0.2 for each word after the first; "time" alone (0.9) is
    # lighter, and the comma keeps "time" and "regular" apart
    assert quote(model) == "keeps the tendon supple"
    # at most four words: "and strong" would make it six
    assert len(quote(model).split()) <= claimmodel._CUE_WORDS  # noqa: SLF001
    # a word that adds less than the cost of quoting it is left out
    assert quote(claimmodel.Model({"w:keeps": 1.0, "w:supple": 0.1}, 0.0, 0.5)) == "keeps"
    # articles and prepositions at the ends are trimmed
    assert quote(claimmodel.Model({"b:of the": 3.0, "w:best": 1.0}, 0.0, 0.5),
                 "One of the best ways.") == "best"
    # the type's weights are added
    assert quote(claimmodel.Model({"w:keeps": 1.0}, 0.0, 0.5), extra={"w:strong": 2.0}) \
        == "strong"
    # nothing weighs above zero: no span (the finding then quotes the sentence's start)
    assert quote(claimmodel.Model({"w:keeps": -1.0}, 0.0, 0.5)) is None
    assert quote(model, "") is None


def test_shipped_type_model_types_a_disclosed_harm_as_safety():
    # examples/good cites its source for this sentence; uncited, the shipped model
    # takes it for a claim, and its type model says what kind
    page = ("# Low back pain\n\n## Risks and side effects\n\n"
            "Minor bruising or soreness where the needles go in can happen.\n")
    # (the model retrained through blind79 in the twenty-third session weighs "minor"
    # too: docs/model23.md)
    assert _cl401(page) == [
        (5, "safety claim ('Minor bruising or soreness') cites no evidence entry "
            "(found by the claim model)")]


def test_model_claim_type_comes_from_the_rules_type_cues():
    # a model without a type model: the earliest type cue names the type, whatever
    # the limits the rules apply; no cue at all: efficacy
    assert claimdetect._likely_type("It is safe for children") == "safety"  # noqa: SLF001
    assert claimdetect._likely_type("Most people recover within two weeks") == "prognosis"  # noqa: SLF001
    assert claimdetect._likely_type("We never needed the operation") == "efficacy"  # noqa: SLF001


def test_threshold_is_applied():
    claimmodel.use(claimmodel.Model({}, -5.0, 0.5, True))  # scores ~0.007
    assert _cl401(PAGE) == []


def test_shipped_flag_decides_whether_claim_detection_uses_it(monkeypatch):
    model = claimmodel.load()
    assert model is not None
    page = ("# Frozen shoulder\n\n"
            "Regular stretching keeps the tendon from tightening up again.\n")
    claimmodel.use(None)
    rules_only = _cl401(page)
    claimmodel.reset()
    # the file says enabled: the shipped model is used and adds its finding
    monkeypatch.setattr(claimmodel, "_shipped_enabled", lambda: True)
    assert claimmodel.current() is model
    assert len(_cl401(page)) == len(rules_only) + 1
    # a file that says "enabled: false" is obeyed: no model, the rules alone
    monkeypatch.setattr(claimmodel, "_shipped_enabled", lambda: False)
    assert claimmodel.current() is None
    assert _cl401(page) == rules_only


def test_shipped_weights_flag_a_clinic_claim_but_not_instructions_or_questions():
    # A pin on the shipped weights (the first sentence is training data, blind4, so
    # this says the model learnt it, not that it generalises: docs/claims.md has the
    # cross-validated figures). The others are the sentence kinds the rules exclude and
    # the prose scope leaves to the model.
    shipped = claimmodel.load()
    assert shipped is not None
    claimmodel.use(claimmodel.Model(shipped.weights, shipped.bias, shipped.threshold, True,
                                    "open"))
    page = ("# Piriformis syndrome\n\n"
            "Because we correct the root cause, the problem doesn't keep coming back.\n\n"
            "Take off your shoes before the session.\n\n"
            "Massage is when a therapist works the soft tissues with the hands.\n\n"
            "Book your free consultation today.\n\nWhat is a migraine?\n")
    found = _cl401(page)
    # (the rules now read the first sentence as a prognosis claim themselves)
    assert [line for line, _ in found] == [3]


# -- the veto (claimmodel.Model.veto, claimdetect._vetoed) --------------------------------

VETO_PAGE = """\
---
title: Knee pain
description: Knee braces relieve pain.
evidence:
  - id: k1
    title: Knee trial
    year: 2020
    design: rct
    doi: 10.1000/xyz123
---
# Knee pain

Your kneecap glides in a groove at the end of the thigh bone.

Taping the knee eases pain on stairs.

Taping the knee eases pain on stairs [@k1].

Our clinic treatment:

- Loosens stiff joints

Bracing modulates:

- load on the joint

Studies show that taping eases pain.

Acupuncture cures knee pain.

Knee injections are safe for everyone.
"""


def _veto_all(veto: float = 0.99) -> claimmodel.Model:
    """A model that scores every sentence ~0.5 and lets go of every rule claim it may
    (veto above the score), and scores nothing in (threshold 0.99)."""
    return claimmodel.Model({}, 0.0, 0.99, True, "candidates", veto)


def _cl401_lines(page: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(page, select=["CL401"], today="2026-11-29")]


def test_veto_lets_go_of_plain_rule_claims_and_keeps_the_shapes_it_never_touches():
    claimmodel.use(None)
    rules = _cl401_lines(VETO_PAGE)
    # The rules alone: the front-matter description (3), the uncited effect (15), the
    # item after a lead-in that names a treatment (21), the mechanism lead-in (23) and
    # the item that takes its cue (25), the evidence invoked (27), the strong word (29)
    # and the safety claim (31); the cited line 17 is no CL401
    assert rules == [(3, 14), (15, 1), (21, 3), (23, 1), (25, 3), (27, 1), (29, 1), (31, 1)]
    claimmodel.use(_veto_all())
    # let go: the plain effect claim, scored below the veto; kept whatever the score:
    # front matter, a lead-in and its items, evidence invoked, strong words, safety
    assert _cl401_lines(VETO_PAGE) == [(3, 14), (21, 3), (23, 1), (25, 3), (27, 1), (29, 1),
                                       (31, 1)]


TABLE_PAGE = (
    "# Widget syndrome\n\n## Compare your options\n\n"
    "| Treatment | How it works | Results | Price |\n"
    "|---|---|---|---|\n"
    "| Zap laser | Coats pigment deep in the skin | Gradual, often patchy | £90 |\n"
)


def test_veto_keeps_comparison_table_cells():
    # a cell is a claim by its column's header, which the model never sees
    claimmodel.use(None)
    rules = _cl401_lines(TABLE_PAGE)
    assert rules == [(7, 15), (7, 48)]
    claimmodel.use(_veto_all())
    assert _cl401_lines(TABLE_PAGE) == rules


def test_veto_zero_or_above_the_score_decides():
    claimmodel.use(None)
    rules = _cl401_lines(VETO_PAGE)
    # veto 0 (the default): the model never overrules a rule
    claimmodel.use(claimmodel.Model({}, 0.0, 0.99, True, "candidates"))
    assert _cl401_lines(VETO_PAGE) == rules
    # a score of 0.5 at or above the veto keeps the claim; below it, it goes
    claimmodel.use(_veto_all(0.5))
    assert _cl401_lines(VETO_PAGE) == rules
    claimmodel.use(_veto_all(0.51))
    assert len(_cl401_lines(VETO_PAGE)) < len(rules)


def test_an_item_after_a_lead_in_is_scored_with_the_lead_in():
    # a lead-in that names no treatment: the model sees "From the first week: Loosens
    # stiff joints", not the item alone, so a weight on a word of the lead-in decides
    page = VETO_PAGE.replace("Our clinic treatment:", "From the first week:")
    claimmodel.use(None)
    assert (21, 3) in _cl401_lines(page)
    claimmodel.use(claimmodel.Model({"w:week": 5.0}, 0.0, 0.99, True, "candidates", 0.9))
    assert (21, 3) in _cl401_lines(page)
    claimmodel.use(claimmodel.Model({"w:loosens": 5.0}, 0.0, 0.99, True, "candidates", 0.9))
    assert (21, 3) in _cl401_lines(page)
    claimmodel.use(claimmodel.Model({"w:nothing": 5.0}, 0.0, 0.99, True, "candidates", 0.9))
    assert (21, 3) not in _cl401_lines(page)


def _training_constant(name: str) -> float:
    # the value benchmarks/train_claim_model.py records as chosen (docs/claims.md)
    script = (ROOT / "benchmarks" / "train_claim_model.py").read_text(encoding="utf-8")
    found = re.search(rf"^{name}(?:: [^=]+)? = ([0-9.]+)$", script, re.M)
    assert found, name
    return float(found.group(1))


def test_shipped_veto_and_threshold_are_read_from_the_file():
    model = claimmodel.load()
    assert model is not None
    assert model.veto == lexicon("claim-model")["veto"] == _training_constant("VETO") == 0.1
    assert (model.threshold == lexicon("claim-model")["threshold"]
            == _training_constant("PINNED") == 0.375)  # docs/model25.md
    assert claimmodel.Model({}, 0.0, 0.5).veto == 0.0  # a model without one never vetoes


def test_shipped_veto_lets_go_of_a_description_the_rules_take_for_a_claim(rules_alone):
    # A pin on the shipped weights: how the body works, in words the rules read as a
    # mechanism (the kind of sentence the veto was chosen on, blind20-23)
    page = ("# Histamine intolerance\n\n"
            "Normally an enzyme in your gut breaks down histamine from food.\n")
    assert _cl401_lines(page) == [(3, 1)]  # the rules alone
    claimmodel.reset()
    assert _cl401_lines(page) == []  # as shipped
