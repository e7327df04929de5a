from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings as _hypothesis_settings

# In CI the property tests explore the same examples every run (no flaky red build
# from a new random draw); locally they keep exploring, and the long campaign in
# benchmarks/fuzz_campaign.py covers the breadth.
_hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TODAY = "2026-11-29"

# The CLI keeps compiled patterns in the user's cache folder (conditionlint.recache);
# the suite's runs (which compile thousands of test patterns) use a folder of their own,
# so they neither fill nor depend on the user's store.
if "CONDITIONLINT_PATTERN_CACHE" not in os.environ:
    import atexit
    import shutil
    import tempfile

    _patterns = tempfile.mkdtemp(prefix="cl-test-patterns-")
    os.environ["CONDITIONLINT_PATTERN_CACHE"] = _patterns
    atexit.register(shutil.rmtree, _patterns, True)


def run_cli(*args: str, cwd: Path | None = None, input: bytes | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the real CLI in a subprocess (what users and CI run)."""
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "conditionlint", *args], cwd=cwd,
                          input=input, capture_output=True, env=full_env, timeout=300)


@pytest.fixture
def cli():
    return run_cli


def codes(findings) -> list[str]:  # noqa: ANN001
    return [f.code for f in findings]


def where(findings, code: str) -> list[tuple[int, int]]:  # noqa: ANN001
    return [(f.line, f.column) for f in findings if f.code == code]


def pytest_configure(config) -> None:  # noqa: ANN001
    # Tests that install things (a real pre-commit run): deselect with -m "not slow".
    config.addinivalue_line("markers", "slow: slow test that builds an environment")


@pytest.fixture
def model_takes_all(monkeypatch):
    """The shipped model, on, scoring every sentence 0.9: whatever reaches it as a
    candidate becomes a finding, and the veto keeps every finding of the rules (the
    claim rounds' tests of what is and is not a model candidate)."""
    import dataclasses

    from conditionlint import claimdetect, claimmodel

    model = claimmodel.load()
    assert model is not None and model.threshold < 0.9 and model.veto < 0.9
    claimmodel.use(dataclasses.replace(model, enabled=True))
    monkeypatch.setattr(claimdetect.claimmodel, "score", lambda m, feats, *a, **k: 0.9)
    yield
    claimmodel.reset()


@pytest.fixture
def rules_alone():
    """The claim rules without the claim model (rules/claim-model.yaml): for tests that
    pin what the phrase rules and their limits decide. The model scores what the rules
    leave open; on a lone invented sentence that names a schedule, a service or a near
    miss of a claim family it can disagree (docs/claims.md, "Seventh session"), and
    tests/test_claim_model.py pins what it does."""
    from conditionlint import claimmodel

    claimmodel.use(None)
    yield
    claimmodel.reset()
