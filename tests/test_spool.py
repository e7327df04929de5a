"""conditionlint.spool and the streamed report: same bytes as the report built whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conditionlint.model import Finding
from conditionlint.spool import FindingSpool


def _f(path: str, line: int, code: str = "CL401", severity: str = "error") -> Finding:
    return Finding(path, code, "x", severity, f"m{line}", line, 1, line, 2)


def test_spool_reads_back_in_report_order_any_number_of_times() -> None:
    spool = FindingSpool()
    spool.add([_f("a.md", 3), _f("a.md", 1)])  # one file's findings, unsorted
    spool.add([])
    spool.add([_f("b.md", 2, "CL301", "warning")])
    spool.add([_f("a.md", 2, "CL903")])  # out of path order (a discovery problem)
    want = [("a.md", 1), ("a.md", 2), ("a.md", 3), ("b.md", 2)]
    assert [(f.path, f.line) for f in spool] == want
    assert [(f.path, f.line) for f in spool] == want  # a second pass
    # two passes at once (a formatter grouping while another reads)
    it1, it2 = iter(spool), iter(spool)
    assert (next(it1).line, next(it2).line, next(it1).line) == (1, 1, 2)
    assert len(spool) == 4 and spool
    assert spool.counts() == {"error": 3, "warning": 1, "info": 0}
    assert spool.paths == {"a.md", "b.md"} and "CL903" in spool.codes


def test_empty_spool() -> None:
    spool = FindingSpool()
    assert not spool and len(spool) == 0 and list(spool) == []


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "conditionlint", "check", "--no-cache",
                           "--today", "2026-11-29", *args], cwd=cwd, capture_output=True,
                          text=True, check=False)


def test_streamed_reports_equal_whole_reports(tmp_path: Path) -> None:
    """Plain checking streams findings through the spool; --diff takes the in-memory
    path. Both must give the same report for the same files."""
    root = Path(__file__).resolve().parents[1]
    for p in sorted((root / "examples" / "bad").glob("*.md")):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "notes.md").write_bytes(b"\xff\xfe\x00bad")  # unreadable: a CL903
    for fmt in ("json", "concise", "full", "github", "sarif"):
        streamed = _run("--output-format", fmt, ".", cwd=tmp_path)
        whole = _run("--output-format", fmt, "--diff", ".", cwd=tmp_path)
        assert streamed.returncode == 1, streamed.stderr
        # with --diff the report goes to stderr, after the diff on stdout
        assert streamed.stdout == whole.stderr, fmt
    data = json.loads(_run("--output-format", "json", ".", cwd=tmp_path).stdout)
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert data["summary"]["findings"] == len(data["findings"]) > 40


def test_quiet_drops_only_the_summary(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    page = root / "examples" / "bad" / sorted(p.name for p in (root / "examples" / "bad")
                                             .glob("*.md"))[0]
    (tmp_path / "p.md").write_bytes(page.read_bytes())
    full = _run("p.md", cwd=tmp_path).stdout
    quiet = _run("-q", "p.md", cwd=tmp_path).stdout
    assert full.startswith(quiet) and quiet.endswith("\n") and not quiet.endswith("\n\n")
    assert full[len(quiet):].strip().startswith("Found ")


def test_no_temporary_folder_keeps_findings_in_memory(monkeypatch) -> None:
    import tempfile

    def refuse(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    spool = FindingSpool()
    spool.add([_f("a.md", 1)])
    spool.add([_f("b.md", 1)])
    assert [(f.path, f.line) for f in spool] == [("a.md", 1), ("b.md", 1)]


def test_a_full_disk_mid_run_loses_nothing(monkeypatch) -> None:
    spool = FindingSpool()
    spool.add([_f("a.md", 1), _f("a.md", 2)])
    real = os.pwrite

    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full)
    spool.add([_f("b.md", 1)])
    spool.add([_f("c.md", 1)])
    monkeypatch.setattr(os, "pwrite", real)
    assert [(f.path, f.line) for f in spool] == [("a.md", 1), ("a.md", 2), ("b.md", 1),
                                                ("c.md", 1)]
    assert len(spool) == 4
