"""Flat memory: discovery written out in report order, the spool keeping nothing per
file, jobs handed out a few at a time, SARIF and JUnit written piece by piece. Each
streamed form gives the same results and bytes as the whole one."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from conditionlint import parallel, spool
from conditionlint.config import ConfigFinder
from conditionlint.formatters import Report, html, junit, sarif
from conditionlint.model import Edit, Finding, Fix
from conditionlint.registry import build
from conditionlint.runner import CheckSettings, FileList, Target, discover, display_path

from .conftest import ROOT, TODAY

GOOD = (ROOT / "examples" / "good").glob("*.md")

# names that sort differently as whole paths than folder by folder
NAMES = ["a.md", "a-b.md", "a/x.md", "a/b/y.md", "a0.md", "a.b/z.md", "A.md", "b.md",
         "a/a.md", "ab/c.md", "Ä.md", "a b/c.md", "z/a/b/c/d.md", "z/a-b.md"]


def make(root: Path, names: list[str]) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("# Title\n\nText.\n", encoding="utf-8")


def displays(paths: list[str]) -> list[str]:
    return [t.display for t in discover(paths, ConfigFinder(build())).targets]


def test_discovery_comes_out_in_sorted_display_order(tmp_path, monkeypatch) -> None:
    make(tmp_path / "site", NAMES)
    (tmp_path / "site" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "site" / ".hidden").mkdir()
    (tmp_path / "site" / ".hidden" / "h.md").write_text("# H\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    want = sorted(f"site/{n}" for n in NAMES)
    assert displays(["site"]) == want
    # from inside, and from outside the working folder (absolute display paths)
    monkeypatch.chdir(tmp_path / "site")
    assert displays(["."]) == sorted(NAMES)
    monkeypatch.chdir(tmp_path / "site" / "a")
    outside = displays([str(tmp_path / "site" / "z")])
    assert outside == sorted(outside) and outside[0].startswith(str(tmp_path))


def test_each_file_once_when_reached_twice(tmp_path, monkeypatch) -> None:
    make(tmp_path / "site", NAMES)
    monkeypatch.chdir(tmp_path)
    want = sorted(f"site/{n}" for n in NAMES)
    # overlapping folders, a file named on its own, the same folder twice
    assert displays(["site/a", "site"]) == want
    assert displays(["site", "site/a.md", "site/a/x.md", "site"]) == want
    assert displays(["site/z/a-b.md", "site/a.md"]) == ["site/a.md", "site/z/a-b.md"]
    # a link to a file inside: checked once, under its first name in report order
    (tmp_path / "site" / "0-alias.md").symlink_to(tmp_path / "site" / "b.md")
    (tmp_path / "site" / "zz-alias.md").symlink_to(tmp_path / "site" / "a.md")
    got = displays(["site"])
    assert got == sorted(["site/0-alias.md"] + [w for w in want if w != "site/b.md"])
    # a link to a folder inside: walked first ("link" < "z"), the folder itself is then
    # the one already visited
    (tmp_path / "site" / "link").symlink_to(tmp_path / "site" / "z", target_is_directory=True)
    assert displays(["site"]) == sorted(d.replace("site/z/", "site/link/") for d in got)


def test_target_list_reads_back_any_number_of_times(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(spool, "BATCH_ROWS", 3)
    names = [f"d{i % 4}/p{i:03d}.md" for i in range(50)]
    make(tmp_path, names)
    monkeypatch.chdir(tmp_path)
    targets = discover(["."], ConfigFinder(build())).targets
    assert len(targets) == 50 and targets
    first = [t.display for t in targets]
    assert first == sorted(names) == [t.display for t in targets]
    assert all(t.path == Path(t.display) and not t.explicit for t in targets)
    assert not targets._twice  # nothing remembered per file
    assert len(targets._rows._pending) < 3


def test_file_list_merges_problem_paths() -> None:
    targets = [Target(Path(p), p, False) for p in ("a.md", "c.md")]
    files = FileList(targets, ["b", "c.md", "0", "b"])
    assert list(files) == ["0", "a.md", "b", "c.md"] and len(files) == 4


def test_display_path_unchanged(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "x" / "a.md") == "x/a.md"
    assert display_path(Path("/elsewhere/a.md")) == "/elsewhere/a.md"


# -- the store under the spool ---------------------------------------------------------
def test_records_in_batches_in_memory_and_when_the_disk_fills(monkeypatch) -> None:
    rows = [(i, f"r{i}") for i in range(10)]
    rec = spool.Records(batch=3)
    rec.extend(rows)
    assert len(rec) == 10 and list(rec) == rows == list(rec)
    assert len(rec._batches) == 3 and len(rec._pending) == 1

    def no_temp(*a, **kw):  # noqa: ANN002, ANN003, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_temp)
    rec = spool.Records(batch=3)
    rec.extend(rows)
    assert list(rec) == rows and not rec._batches
    monkeypatch.undo()

    real = os.pwrite
    calls = []

    def filling(fd, data, offset):  # noqa: ANN001, ANN202
        calls.append(offset)
        if len(calls) > 1:
            return real(fd, data[: len(data) // 2], offset)  # half written, then full
        return real(fd, data, offset)

    monkeypatch.setattr(os, "pwrite", filling)
    rec = spool.Records(batch=3)
    rec.extend(rows)
    assert list(rec) == rows and len(rec._batches) == 1


def _f(path: str, line: int, code: str = "CL401", severity: str = "error") -> Finding:
    return Finding(path, code, "x", severity, f"m{line}", line, 1, line, 2)


def test_spool_counts_files_without_keeping_paths(monkeypatch) -> None:
    monkeypatch.setattr(spool, "BATCH_ROWS", 2)
    s = spool.FindingSpool()
    for i in range(7):
        s.add([_f(f"p{i}.md", 2), _f(f"p{i}.md", 1)])
    assert s.files_with_findings() == 7
    s.add([_f("p3.md", 9, "CL903"), _f("folder", 1, "CL903", "warning")])  # out of order
    assert s.files_with_findings() == 8
    assert s.paths == {f"p{i}.md" for i in range(7)} | {"folder"}
    found = list(s)
    assert found == sorted(found, key=Finding.sort_key) and len(found) == len(s) == 16
    assert s.counts() == {"error": 15, "warning": 1, "info": 0}


# -- jobs handed out a few at a time -----------------------------------------------------
def test_many_files_through_a_small_window(tmp_path, monkeypatch, capsys) -> None:
    """More files than the jobs sent ahead: results still in order, same as one
    process, and a pool dying half way leaves the rest to the parent."""
    pages = sorted(GOOD) + sorted((ROOT / "examples" / "bad").glob("*.md"))
    for i in range(60):
        src = pages[i % len(pages)]
        folder = tmp_path / "content" / f"f{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, folder / f"{i:02d}-{src.name}")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(parallel, "CHUNKS_AHEAD", 1)
    registry = build()

    def run(jobs: int) -> list[tuple[str, list[Finding]]]:
        finder = ConfigFinder(registry)
        targets = discover(["content"], finder).targets
        got: list[tuple[str, list[Finding]]] = []
        out = parallel.check_all(targets, finder, registry,
                                 CheckSettings(today=__import__("datetime").date.fromisoformat(
                                     TODAY)),
                                 jobs=jobs, use_cache=False, progress=False,
                                 sink=lambda c: got.append((c.display, c.findings)))
        assert out == []
        return got

    one = run(1)
    assert len(one) == 60 and [d for d, _ in one] == sorted(d for d, _ in one)
    assert run(2) == one

    parent = os.getpid()
    real_check = parallel._Worker.check
    count = {"n": 0}

    def dying(self, job):  # noqa: ANN001, ANN202
        if os.getpid() != parent:
            count["n"] += 1
            if count["n"] > 5:
                os._exit(3)
        return real_check(self, job)

    monkeypatch.setattr(parallel._Worker, "check", dying)
    capsys.readouterr()
    assert run(2) == one
    assert "worker processes failed" in capsys.readouterr().err


# -- SARIF, JUnit and HTML written piece by piece ----------------------------------------------
def _report(findings: list[Finding], files: list[str]) -> Report:
    return Report(findings=findings, files=files, registry=build(), version="1.0")


FIX = Fix("replace", (Edit(0, 1, "x"),))
CASES = [
    ([], []),
    ([], ["a.md"]),
    ([_f("a.md", 1)], ["a.md"]),
    ([_f("a.md", 1), _f("a.md", 3, "CL901"), _f("c.md", 2, "CL301", "warning")],
     ["a.md", "b.md", "c.md", "d.md"]),
    ([Finding("b <&>\"\n.md", "CL301", "n", "info", "m\x1b<&>\u202e", 1, 1, 1, 2,
              fix=FIX, snippet="s\x00\ud800", edit_positions=((1, 1, 1, 2),))],
     ["a.md", "b <&>\"\n.md"]),
    ([_f("z.md", 1)], ["a.md"]),  # a path with findings that is not among the files
]


@pytest.mark.parametrize("findings,files", CASES)
def test_junit_stream_is_the_whole_tree(findings, files) -> None:
    report = _report(findings, files)
    pieces = list(junit.stream(report))
    assert "".join(pieces) == junit.render_whole(report)
    if files:
        assert len(pieces) == len(set(files) | {f.path for f in findings}) + 2


@pytest.mark.parametrize("findings,files", CASES)
def test_html_stream_is_the_whole_report(findings, files) -> None:
    report = _report(findings, files)
    pieces = list(html.stream(report))
    assert "".join(pieces) == html.render_whole(report)
    pages = len(set(files) | {f.path for f in findings})
    # the head, a checklist row per page, the rule table, a section per page, the foot
    assert len(pieces) == 2 * pages + 3
    assert all(p.endswith("\n") for p in pieces)


def test_html_report_of_a_spool_reads_it_without_holding_it() -> None:
    """From a spool (as the command line gives it), the report is the same, and the
    findings are read in passes, never turned into one list."""
    findings = [_f("a.md", 1), _f("a.md", 3, "CL901"), _f("c.md", 2, "CL301", "warning"),
                _f("e.md", 1, "CL301", "info")]
    files = ["a.md", "b.md", "c.md", "d.md", "e.md"]
    whole = html.render_whole(_report(findings, files))
    s = spool.FindingSpool()
    s.add(findings)
    reads = {"n": 0}
    real = spool.FindingSpool.__iter__

    def counted(self):  # noqa: ANN001, ANN202
        reads["n"] += 1
        return real(self)

    spooled = _report(s, files)
    try:
        spool.FindingSpool.__iter__ = counted  # type: ignore[method-assign]
        assert "".join(html.stream(spooled)) == whole
    finally:
        spool.FindingSpool.__iter__ = real  # type: ignore[method-assign]
    assert reads["n"] == 3
    assert whole.count("<section ") == 5
    assert '<div class="card"><b>2</b>pages passing</div>' in whole


def test_html_and_junit_of_unsorted_lists_are_those_of_sorted_ones() -> None:
    """An API caller's findings and files need not come sorted by path."""
    findings = [_f("b.md", 2), _f("a.md", 5), _f("b.md", 1, "CL301", "warning")]
    files = ["c.md", "b.md", "a.md"]
    ordered = _report(sorted(findings, key=lambda f: f.path), sorted(files))
    shuffled = _report(findings, files)
    assert html.render(shuffled) == html.render(ordered) == html.render_whole(ordered)
    assert junit.render(shuffled) == junit.render(ordered) == junit.render_whole(ordered)
    assert html.render(ordered).count("<section ") == 3


@pytest.mark.parametrize("findings,files", CASES)
def test_sarif_stream_is_the_whole_document(findings, files) -> None:
    import json

    report = _report(findings, files)
    text = "".join(sarif.stream(report))
    doc = json.loads(text)
    run = doc["runs"][0]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        sarif._uri(p)[0] for p in files]
    assert len(run["results"]) == len(findings)
    assert run["invocations"][0]["executionSuccessful"] == (
        not any(f.code == "CL901" for f in findings))
    # the document dumped whole, as before streaming
    assert text == json.dumps(doc, ensure_ascii=True, separators=(",", ":")) + "\n"
    from conditionlint.baseline import fingerprints

    assert [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in run["results"]] == \
        fingerprints(findings)
