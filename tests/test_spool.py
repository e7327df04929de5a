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


def test_fix_and_diff_of_many_files_stream_and_match_one_file_runs(tmp_path: Path) -> None:
    """Over _SPOOL_FROM files, --diff prints each page's diff and --fix writes each page
    as its result comes (findings spooled): the diffs, the pages written and the report
    are those of checking each page on its own (the in-memory path)."""
    from conditionlint import app
    from conditionlint.api import fix_text

    root = Path(__file__).resolve().parents[1]
    sources = sorted((root / "examples" / "bad").glob("*.md"))
    n = app._SPOOL_FROM + 8  # noqa: SLF001
    names = [f"p{i:02d}.md" for i in range(n)]
    for i, name in enumerate(names):
        (tmp_path / name).write_bytes(sources[i % len(sources)].read_bytes())
    (tmp_path / "p05.md").write_bytes((tmp_path / "p05.md").read_bytes() + b"\nCaf\xc3\xa9\n")
    before = {name: (tmp_path / name).read_bytes() for name in names}

    many = _run("--diff", "--output-format", "concise", "-q", *names, cwd=tmp_path)
    one = [_run("--diff", "--output-format", "concise", "-q", name, cwd=tmp_path)
           for name in names]
    assert many.returncode == 1
    assert many.stdout == "".join(r.stdout for r in one)
    assert many.stdout.count("\n--- ") + many.stdout.startswith("--- ") >= 4
    assert many.stderr == "".join(r.stderr for r in one)
    assert {name: (tmp_path / name).read_bytes() for name in names} == before  # untouched

    fixed = _run("--fix", "--output-format", "json", *names, cwd=tmp_path)
    report = json.loads(fixed.stdout)
    assert fixed.returncode == 1
    for name in names:
        assert (tmp_path / name).read_bytes() == fix_text(before[name], name,
                                                          today="2026-11-29"), name
    changed = [name for name in names if (tmp_path / name).read_bytes() != before[name]]
    assert len(changed) >= 4
    # the report is of the pages as fixed: checking them again finds the same
    again = json.loads(_run("--output-format", "json", *names, cwd=tmp_path).stdout)
    assert report["findings"] == again["findings"]


def test_many_files_are_fixed_one_result_at_a_time(tmp_path: Path, monkeypatch) -> None:
    """With more than _SPOOL_FROM files, --fix writes each page as its result comes:
    no list of results (with every page's text) is built."""
    from click.testing import CliRunner

    from conditionlint import app
    from conditionlint.cli import main

    n = app._SPOOL_FROM + 3  # noqa: SLF001
    for i in range(n):
        (tmp_path / f"p{i:02d}.md").write_bytes(b"# Back pain\n\nCaf\xc3\x83\xc2\xa9 au lait.\n")
    calls: list[int] = []
    real = app._write_fixes  # noqa: SLF001

    def counted(results):  # noqa: ANN001, ANN202
        calls.append(len(results))
        return real(results)

    monkeypatch.setattr(app, "_write_fixes", counted)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--fix", "--no-cache", "-j", "1", "-q",
                                       "--select", "CL301", "."])
    assert result.exit_code == 0, result.output
    assert calls[:-1] == [1] * n and calls[-1] == 0  # then the (empty) in-memory list
    assert all(p.read_bytes() == b"# Back pain\n\nCaf\xc3\xa9 au lait.\n"
               for p in tmp_path.glob("*.md"))


def test_baseline_over_many_files_is_applied_file_by_file(tmp_path: Path) -> None:
    """Over _SPOOL_FROM files the baseline is applied to each file's findings as they
    come; the report and the count hidden are those of one-page runs added up."""
    from conditionlint import app

    root = Path(__file__).resolve().parents[1]
    sources = sorted((root / "examples" / "bad").glob("*.md"))
    names = [f"p{i:02d}.md" for i in range(app._SPOOL_FROM + 5)]  # noqa: SLF001
    for i, name in enumerate(names):
        (tmp_path / name).write_bytes(sources[i % len(sources)].read_bytes())
    wrote = _run("--write-baseline", "base.json", *names, cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    for name in ("p03.md", "p20.md"):  # a new problem in two pages
        page = tmp_path / name
        page.write_bytes(page.read_bytes() + b"\nThis cream cures eczema for good.\n")
    many = _run("--baseline", "base.json", "--output-format", "json", *names, cwd=tmp_path)
    ones = [_run("--baseline", "base.json", "--output-format", "json", name, cwd=tmp_path)
            for name in names]
    got = json.loads(many.stdout)["findings"]
    assert got == [f for r in ones for f in json.loads(r.stdout)["findings"]]
    assert {f["path"] for f in got} == {"p03.md", "p20.md"}
    assert many.returncode == 1

    def hidden(err: str) -> int:
        return sum(int(line.split("hidden")[0].split()[-2]) for line in err.splitlines()
                   if "hidden by the baseline" in line)

    assert hidden(many.stderr) == sum(hidden(r.stderr) for r in ones) > 100


def test_rewriting_a_baseline_over_many_files_keeps_every_finding(tmp_path: Path) -> None:
    """--baseline with --write-baseline (refreshing a baseline) records every finding,
    on many files as on few: the baseline read is not applied to what is written."""
    from conditionlint import app

    root = Path(__file__).resolve().parents[1]
    page = (root / "examples" / "bad" / "neck-pain-clinic.md").read_bytes()
    for n in (3, app._SPOOL_FROM + 4):  # noqa: SLF001
        folder = tmp_path / f"n{n}"
        folder.mkdir()
        for i in range(n):
            (folder / f"p{i:02d}.md").write_bytes(page)
        first = _run("--write-baseline", "b0.json", ".", cwd=folder)
        again = _run("--baseline", "b0.json", "--write-baseline", "b1.json", ".", cwd=folder)
        assert first.returncode == again.returncode == 0, again.stderr
        assert first.stderr.splitlines()[-1].replace("b0", "b1") == \
            again.stderr.splitlines()[-1]
        assert (folder / "b0.json").read_text() == (folder / "b1.json").read_text()


def test_a_closed_pipe_during_streamed_diffs_is_no_worker_failure(tmp_path: Path) -> None:
    """A reader that stops early (`| head -1`) ends the run quietly: writing a diff out
    failing is not reported as the workers failing, and no page is checked twice."""
    from conditionlint import app

    root = Path(__file__).resolve().parents[1]
    page = (root / "examples" / "bad" / "neck-pain-clinic.md").read_bytes()
    for i in range(app._SPOOL_FROM + 30):  # noqa: SLF001
        (tmp_path / f"p{i:02d}.md").write_bytes(page)
    proc = subprocess.Popen([sys.executable, "-m", "conditionlint", "check", "--no-cache",
                             "--diff", "-j", "2", "."], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert first.startswith(b"--- a/p00.md")
    assert "worker processes failed" not in err
    assert "Traceback" not in err


def test_streamed_fix_with_workers_reports_a_page_it_could_not_write(tmp_path: Path,
                                                                   monkeypatch) -> None:
    """With workers and many files, a page that cannot be written keeps its findings,
    gets a 'not fixed' finding, and every other page is fixed."""
    from click.testing import CliRunner

    from conditionlint import app, fixer
    from conditionlint.cli import main

    names = [f"p{i:02d}.md" for i in range(app._SPOOL_FROM + 4)]  # noqa: SLF001
    for name in names:
        (tmp_path / name).write_bytes(b"# Back pain\n\nCaf\xc3\x83\xc2\xa9 au lait.\n")
    real = fixer.write_atomic

    def refuse_one(path, data, expected=None):  # noqa: ANN001, ANN202
        if Path(path).name == "p07.md":
            raise fixer.WriteError(f"{path} is read-only; not fixed")
        return real(path, data, expected=expected)

    monkeypatch.setattr(fixer, "write_atomic", refuse_one)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--fix", "--no-cache", "-j", "2", "--select",
                                  "CL301", "--output-format", "json", "."])
    found = json.loads(r.stdout)["findings"]
    assert r.exit_code == 1
    assert [(f["path"], f["code"], f["line"]) for f in found] == [("p07.md", "CL903", 1),
                                                                  ("p07.md", "CL301", 3)]
    assert "not fixed" in found[0]["message"]
    for name in names:
        want = (b"# Back pain\n\nCaf\xc3\x83\xc2\xa9 au lait.\n" if name == "p07.md"
                else b"# Back pain\n\nCaf\xc3\xa9 au lait.\n")
        assert (tmp_path / name).read_bytes() == want, name
