"""Worker processes: the same report whatever --jobs is, per-file config in workers,
and a pool that breaks falls back to checking in the parent."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conditionlint import parallel
from conditionlint.config import ConfigFinder
from conditionlint.registry import build
from conditionlint.runner import CheckSettings, discover

from .conftest import ROOT, TODAY, run_cli

EXAMPLES = ROOT / "examples"


def make_tree(root: Path, copies: int = 4) -> Path:
    """Example pages (good and bad) copied into nested folders: >= 8 files so the
    pool is used, a nested config that turns a rule off for one folder."""
    pages = sorted(EXAMPLES.glob("*/*.md"))
    assert len(pages) >= 3
    for i in range(copies):
        for p in pages:
            folder = root / "content" / f"area{i % 2}" / f"part{i}"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(p, folder / f"{p.parent.name}-{p.name}")
    # A page with encoding damage in every copy, so some findings carry fixes.
    for i in range(copies):
        (root / "content" / f"area{i % 2}" / f"mojibake-{i}.md").write_text(
            "# Neck pain\n\nMost cases are nonspecific \u00e2\u20ac\u201d no cause is found.\n",
            encoding="utf-8")
    (root / "content" / "area1" / ".conditionlint.yaml").write_text(
        "ignore: [CL301]\n", encoding="utf-8")
    return root / "content"


def check_json(tmp: Path, *args: str) -> tuple[int, bytes]:
    r = run_cli("check", "--today", TODAY, "--output-format", "json", "--no-cache",
                *args, "content", cwd=tmp)
    assert r.returncode in (0, 1), r.stderr.decode()
    return r.returncode, r.stdout


def test_jobs_1_and_2_give_byte_identical_reports(tmp_path: Path) -> None:
    make_tree(tmp_path)
    rc1, out1 = check_json(tmp_path, "--jobs", "1")
    rc2, out2 = check_json(tmp_path, "--jobs", "2")
    rc3, out3 = check_json(tmp_path)  # the default: one worker per CPU
    assert out1 == out2 == out3
    assert rc1 == rc2 == rc3 == 1
    report = json.loads(out1)
    paths = {f["path"] for f in report["findings"]}
    assert len(paths) >= 8  # findings from many files, not one
    codes = {f["code"] for f in report["findings"]}
    assert "CL301" in codes


def test_per_file_config_is_applied_in_workers(tmp_path: Path) -> None:
    make_tree(tmp_path)
    _, out = check_json(tmp_path, "--jobs", "2")
    findings = json.loads(out)["findings"]
    mojibake = [f["path"] for f in findings if f["code"] == "CL301"
                and f["path"].split("/")[-1].startswith("mojibake-")]
    # area1 has a config that ignores CL301; area0 has none.
    assert mojibake and all(p.startswith("content/area0/") for p in mojibake)
    assert {p.split("/")[2] for p in mojibake} == {"mojibake-0.md", "mojibake-2.md"}


def test_unreadable_file_is_reported_the_same_by_workers(tmp_path: Path) -> None:
    content = make_tree(tmp_path)
    (content / "area0" / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    _, out1 = check_json(tmp_path, "--jobs", "1")
    _, out2 = check_json(tmp_path, "--jobs", "2")
    assert out1 == out2
    hits = [f for f in json.loads(out2)["findings"] if f["path"] == "content/area0/image.md"]
    assert [f["code"] for f in hits] == ["CL903"]


def _results(content: Path, jobs: int) -> list[tuple[str, list]]:
    registry = build()
    finder = ConfigFinder(registry)
    targets = discover([str(content)], finder).targets
    checked = parallel.check_all(targets, finder, registry,
                                 CheckSettings(today=__import__("datetime").date(2026, 11, 29)),
                                 jobs=jobs, use_cache=False, progress=False)
    return [(c.display, c.findings) for c in checked]


def test_results_come_back_in_target_order(tmp_path: Path, monkeypatch) -> None:
    content = make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    one = _results(content, 1)
    two = _results(content, 2)
    assert [d for d, _ in one] == sorted(d for d, _ in one)
    assert one == two


def test_a_broken_pool_falls_back_to_the_parent(tmp_path: Path, monkeypatch, capsys) -> None:
    content = make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    expected = _results(content, 1)
    parent = os.getpid()
    real_check = parallel._Worker.check

    def dying_check(self, i):  # noqa: ANN001
        if os.getpid() != parent:
            os._exit(3)  # a worker killed by the system (out of memory, signal)
        return real_check(self, i)

    monkeypatch.setattr(parallel._Worker, "check", dying_check)
    assert _results(content, 2) == expected
    assert "worker processes failed" in capsys.readouterr().err


def test_spawned_workers_rebuild_the_registry(tmp_path: Path, monkeypatch, capsys) -> None:
    """macOS and Windows spawn workers: the plan (configs with compiled patterns)
    must pickle, and each worker builds its own registry."""
    import multiprocessing

    content = make_tree(tmp_path)
    (tmp_path / ".conditionlint.yaml").write_text(
        "overrides:\n  - files: ['content/area0/**']\n    ignore: [CL101]\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    expected = _results(content, 1)
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    assert _results(content, 2) == expected
    assert "worker processes failed" not in capsys.readouterr().err  # no fallback


def test_forked_workers_start_after_the_parent_checked_the_first_file(
        tmp_path: Path, monkeypatch) -> None:
    """The parent checks the first file itself (imports, lexicons and patterns are
    then built once and inherited by the forked workers); the pool gets the rest, and
    the results are the same, in the same order."""
    content = make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    expected = _results(content, 1)
    starts: list[int] = []
    real_pool = parallel._run_pool

    def pool(plan, registry, workers, start, n, *rest):  # noqa: ANN001, ANN202
        starts.append(start)
        return real_pool(plan, registry, workers, start, n, *rest)

    monkeypatch.setattr(parallel, "_run_pool", pool)
    assert _results(content, 2) == expected
    assert starts == [1]


def test_the_collector_is_paused_for_the_first_file_only(tmp_path: Path, monkeypatch) -> None:
    """pause_gc_first (the command line's): the first file is checked with the cyclic
    collector off, the rest with it on again; the results do not change."""
    import gc

    content = make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    expected = _results(content, 1)
    states: list[bool] = []
    real_check = parallel._Worker.check

    def check(self, job):  # noqa: ANN001, ANN202
        states.append(gc.isenabled())
        return real_check(self, job)

    monkeypatch.setattr(parallel._Worker, "check", check)
    registry = build()
    finder = ConfigFinder(registry)
    targets = discover([str(content)], finder).targets
    assert gc.isenabled()
    try:
        checked = parallel.check_all(
            targets, finder, registry,
            CheckSettings(today=__import__("datetime").date(2026, 11, 29)),
            jobs=1, use_cache=False, progress=False, pause_gc_first=True)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert [(c.display, c.findings) for c in checked] == expected
    assert states[0] is False and all(states[1:]) and len(states) == len(expected)
