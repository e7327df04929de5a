"""Every rule's documentation: examples run as tests; docs/rules/ is up to date."""

from __future__ import annotations

import pytest

from conditionlint.api import default_registry, lint_text
from conditionlint.ruledocs import examples, render_rule_doc, sections
from tests.conftest import ROOT, TODAY

RULES = default_registry().sorted()
ENGINE_ONLY = {"CL901", "CL903"}  # produced by the engine for broken rules / files
# Invalid bytes cannot be written in a text example; tests/test_encoding_rules.py
# covers CL302 with byte-level cases.
BYTES_ONLY = {"CL302"}


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_has_documentation(r):
    s = sections(r.doc)
    assert s.get("What"), f"{r.code} has no description"
    assert "Why" in s, f"{r.code} doc lacks '## Why'"
    assert "Fix" in s, f"{r.code} doc lacks '## Fix'"
    fails, passes = examples(r)
    if r.code in BYTES_ONLY:
        assert passes, f"{r.code} needs a Passes example"
    elif r.code not in ENGINE_ONLY:
        assert fails and passes, f"{r.code} needs Fails and Passes examples"


CASES = [(r, i, ex, True) for r in RULES for i, ex in enumerate(examples(r)[0])] + \
        [(r, i, ex, False) for r in RULES for i, ex in enumerate(examples(r)[1])]


@pytest.mark.parametrize("r,i,example,should_fail", CASES,
                         ids=[f"{c[0].code}-{'fails' if c[3] else 'passes'}-{c[1]}"
                              for c in CASES])
def test_rule_doc_example(r, i, example, should_fail):
    found = [f.code for f in lint_text(example, path="example.md", today=TODAY)]
    if should_fail:
        assert r.code in found, f"{r.code} Fails example {i} raised {found}"
    else:
        assert r.code not in found, f"{r.code} Passes example {i} raised {found}"


@pytest.mark.parametrize("r", [r for r in RULES if r.origin == "builtin"], ids=lambda r: r.code)
def test_docs_page_is_generated_from_rule(r):
    page = ROOT / "docs" / "rules" / f"{r.code}.md"
    assert page.exists(), f"run: python -m conditionlint.ruledocs docs/rules ({page} missing)"
    assert page.read_text(encoding="utf-8") == render_rule_doc(r), \
        f"{page} is stale: run python -m conditionlint.ruledocs docs/rules"
