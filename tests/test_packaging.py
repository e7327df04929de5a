"""The wheel carries rules/ and schemas/, and the installed package runs from it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                        str(out), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    [whl] = list(out.glob("conditionlint-*.whl"))
    return whl


def test_wheel_contains_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in (ROOT / "rules").glob("*.yaml"):
        assert f"conditionlint/data/rules/{f.name}" in names
    for f in (ROOT / "schemas").glob("*.json"):
        assert f"conditionlint/data/schemas/{f.name}" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_wheel_runs_rules_from_packaged_data(wheel, tmp_path):
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q",
                        "--target", str(target), str(wheel)], capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = subprocess.run(
        [sys.executable, "-c", "import conditionlint.resources as r; "
         "print(r.data_dir('rules')); print(r.data_dir('schemas'))"],
        capture_output=True, text=True, env=env, cwd=tmp_path)
    assert probe.returncode == 0, probe.stderr
    assert all(line.startswith(str(target)) for line in probe.stdout.splitlines())
    rules = subprocess.run([sys.executable, "-m", "conditionlint", "rules"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert rules.returncode == 0, rules.stderr
    assert "CL101" in rules.stdout and "missing-section" in rules.stdout
