"""fix22b: the outside audit's findings (docs/briefs audit22): each pinned through the
CLI or the API with the code, line, column, message and exit code it must give."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fix21_helpers import TODAY, fixed, lint, msgs  # noqa: F401

GOOD = (Path(__file__).resolve().parents[1] / "examples" / "good" / "low-back-pain.md"
        ).read_text(encoding="utf-8")


def _cli(cwd, *args, input=None, timeout=120):
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1] / "src")  # this tree's code
    return subprocess.run([sys.executable, "-m", "conditionlint", *args], cwd=cwd,
                          input=input, capture_output=True, env=env, timeout=timeout)


# -- 1. exclude and overrides globs match in linear time -------------------------------
HOSTILE_GLOBS = ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c",
                 "**/a**a**a**a**a**a**a**a**a**a**a**a**a**a**c"]


@pytest.mark.parametrize("key", ["exclude", "overrides"])
def test_hostile_glob_does_not_hang_the_run(tmp_path, key):
    (tmp_path / ("a" * 60 + ".md")).write_text(GOOD, encoding="utf-8")
    globs = json.dumps(HOSTILE_GLOBS)
    cfg = (f"exclude: {globs}\n" if key == "exclude"
           else f"overrides:\n  - files: {globs}\n    ignore: [CL401]\n")
    (tmp_path / ".conditionlint.yaml").write_text(cfg, encoding="utf-8")
    # (a hang guard, not a timing: the old regex took hours on this name)
    r = _cli(tmp_path, "check", "--no-cache", "--output-format", "json", ".", timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["summary"]["files"] == 1


def test_glob_matching_is_the_linear_engine():
    from conditionlint.config import glob_to_regex

    rx = glob_to_regex(HOSTILE_GLOBS[0])
    assert type(rx).__module__.startswith("re2")
    assert rx.fullmatch("a" * 100_000 + ".md") is None
    assert rx.fullmatch("d/" + "a" * 30 + "c")


@pytest.mark.parametrize("glob, path, hit", [
    ("*.md", "a/b/c.md", True), ("a/*.md", "a/b/c.md", False), ("a/**/c.md", "a/c.md", True),
    ("a/**", "a/b/c.md", True), ("?.md", "x.md", True), ("?.md", "xy.md", False),
    ("[!a]*.md", "b.md", True), ("[!a]*.md", "a.md", False), ("*.md", "a\nb.md", True),
    ("drafts/é*.md", "drafts/étude.md", True),
])
def test_glob_meanings_are_kept(glob, path, hit):
    from conditionlint.config import glob_to_regex

    assert bool(glob_to_regex(glob).fullmatch(path)) is hit
