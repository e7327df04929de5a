"""A real pre-commit run against this project's `.pre-commit-hooks.yaml`.

Slow (about a minute the first time): `pre-commit try-repo` builds the hook's virtual
environment by pip-installing this project and its dependencies from PyPI into a fresh,
test-local PRE_COMMIT_HOME. Deselect with `-m "not slow"`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

GOOD_PAGE = """\
---
title: Tension headache
type: condition
---
# Tension headache

A tension headache is a dull, pressing pain on both sides of the head.

## Symptoms

A tight band around the forehead{dash}often worse late in the day.

## Causes

Stress, poor sleep and missed meals can set one off.

## Diagnosis

A doctor diagnoses it from the description of the pain.

## Treatment

Rest, fluids and ordinary painkillers help most people.

## Evidence and references

- NICE clinical guideline CG150 (2012).
"""


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One pre-commit home for the module, so the hook env is built once."""
    return _env(tmp_path_factory.mktemp("pre-commit-home"))


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "PRE_COMMIT", "VIRTUAL_ENV")}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    # pre-commit must come from this test environment, whatever PATH says.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _try_repo(site: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
        cwd=site, env=env, capture_output=True, text=True, timeout=900)


def test_hooks_file_declares_both_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"conditionlint", "conditionlint-fix"}
    for h in hooks.values():
        assert h["language"] == "python"
        assert h["types"] == ["markdown"]
        assert "--force-exclude" in h["entry"]
    assert "--output-format concise" in hooks["conditionlint"]["entry"]
    assert "--fix" in hooks["conditionlint-fix"]["entry"]
    for h in hooks.values():  # file names are never read as options (fix21: the
        # entry's --pre-commit moves them after "--", so user args need no "--")
        assert "--pre-commit" in h["entry"]
        assert "args" not in h


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_file_named_like_an_option_stays_a_file(tmp_path: Path,
                                                  hook_env: dict[str, str]) -> None:
    # "-oREADME.md" used to be read as "-o README.md": the hook wrote its report over
    # README.md and never checked the page.
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout (try-repo clones it)")
    site = tmp_path / "site"
    site.mkdir()
    (site / "README.md").write_text(GOOD_PAGE.format(dash=" \u2014 "), encoding="utf-8")
    (site / "-oREADME.md").write_text("# T\n\nx \u0e42\u20ac\u201d y\n", "utf-8")
    (site / ".conditionlint.yaml").write_text("select: [CL3]\n", "utf-8")
    _git("init", "-q", cwd=site)
    _git("add", ".", cwd=site)
    before = (site / "README.md").read_bytes()
    run = _try_repo(site, "conditionlint", hook_env)
    out = run.stdout + run.stderr
    assert (site / "README.md").read_bytes() == before
    assert "-oREADME.md:3:3: CL301 [error]" in out, out
    assert run.returncode == 1, out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo_fails_then_passes(tmp_path: Path,
                                               hook_env: dict[str, str]) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout (try-repo clones it)")
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    page = site / "content" / "tension-headache.md"
    # UTF-8 em dash read as Windows-874: CL301 mojibake, an error.
    page.write_text(GOOD_PAGE.format(dash=" \u0e42\u20ac\u201d "), encoding="utf-8")
    # An excluded draft with the same damage: --force-exclude keeps it out.
    (site / "drafts").mkdir()
    (site / "drafts" / "wip.md").write_text("# WIP\n\nx \u0e42\u20ac\u201d y\n", "utf-8")
    # Only the encoding rules: other families are still growing, and this test is
    # about the hook, not about what the rules think of the page.
    (site / ".conditionlint.yaml").write_text('select: [CL3]\nexclude: ["drafts/**"]\n',
                                              "utf-8")
    _git("init", "-q", cwd=site)
    _git("add", ".", cwd=site)
    env = hook_env

    first = _try_repo(site, "conditionlint", env)
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    assert "content/tension-headache.md:11:34: CL301 [error]" in out, out
    assert "drafts/wip.md" not in out, out

    page.write_text(GOOD_PAGE.format(dash=" \u2014 "), encoding="utf-8")
    _git("add", ".", cwd=site)
    second = _try_repo(site, "conditionlint", env)
    out = second.stdout + second.stderr
    assert second.returncode == 0, out
    assert "CL301" not in out
    assert "Passed" in out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_fix_hook_repairs_the_page(tmp_path: Path,
                                              hook_env: dict[str, str]) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout (try-repo clones it)")
    site = tmp_path / "site"
    site.mkdir()
    page = site / "page.md"
    page.write_text(GOOD_PAGE.format(dash=" \u0e42\u20ac\u201d "), encoding="utf-8")
    (site / ".conditionlint.yaml").write_text("select: [CL3]\n", "utf-8")
    _git("init", "-q", cwd=site)
    _git("add", ".", cwd=site)
    run = _try_repo(site, "conditionlint-fix", hook_env)
    # pre-commit fails a hook that modified files, and the file is now repaired.
    assert run.returncode == 1, run.stdout + run.stderr
    assert "files were modified by this hook" in run.stdout
    assert page.read_text("utf-8") == GOOD_PAGE.format(dash=" \u2014 ")
