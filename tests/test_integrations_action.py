"""The composite GitHub Action: its shape, and its check step run locally with bash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.integration_pages import damaged

ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def _step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def test_composite_action_installs_and_uploads_sarif() -> None:
    assert ACTION["runs"]["using"] == "composite"
    uses = [s.get("uses", "") for s in ACTION["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    upload = next(s for s in ACTION["runs"]["steps"]
                  if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "pip install" in _step("Install conditionlint")["run"]
    # Inputs reach scripts through env, never pasted into the script (injection).
    for s in ACTION["runs"]["steps"]:
        assert "${{ inputs" not in s.get("run", "")


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("page, rc", [("dirty", "1"), ("clean", "0")])
def test_check_step_writes_sarif_and_exit_code(tmp_path: Path, page: str, rc: str) -> None:
    text = damaged() if page == "dirty" else damaged().replace("\u0e42\u20ac\u201d", "-")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "m.md").write_text(text, "utf-8")
    out_file = tmp_path / "github_output"
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    env.update(CL_PATHS="content", CL_ARGS="--select CL3 --no-cache",
               CL_SARIF="out.sarif", GITHUB_OUTPUT=str(out_file),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), env["PATH"]]))
    r = subprocess.run(["bash", "-e", "-c", _step("Run conditionlint")["run"]], cwd=tmp_path,
                       env=env, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert out_file.read_text() == f"exit-code={rc}\n"
    sarif = json.loads((tmp_path / "out.sarif").read_text("utf-8"))
    assert len(sarif["runs"][0]["results"]) == int(rc)
    if rc == "1":
        assert r.stdout.decode().startswith("::error file=content/m.md,line=7,col=64,")
