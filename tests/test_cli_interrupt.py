"""Ctrl-C: exit code 130, a one-line message, no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT


def test_interrupt_exits_130_without_traceback(tmp_path):
    page = (ROOT / "examples" / "bad" / "neck-pain-clinic.md").read_text(encoding="utf-8")
    for i in range(400):
        (tmp_path / f"p{i:03}.md").write_text(page, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    proc = subprocess.Popen([sys.executable, "-m", "conditionlint", "check", "--jobs", "1",
                             "--no-cache", "."], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    time.sleep(2.0)  # let it start checking (400 pages take far longer than this)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (proc.returncode, err[-500:])
    assert b"interrupted" in err
    assert b"Traceback" not in err
