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
    # Enough pages that the run cannot finish before the signal, even on a fast
    # machine (about 3 ms a page: some 12 s of work; it is stopped after 1.5 s).
    for i in range(4000):
        (tmp_path / f"p{i:04}.md").write_text(page, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    proc = subprocess.Popen([sys.executable, "-m", "conditionlint", "check", "--jobs", "1",
                             "--no-cache", "."], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    time.sleep(1.5)  # let it start checking
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (proc.returncode, err[-500:])
    assert b"interrupted" in err
    assert b"Traceback" not in err
