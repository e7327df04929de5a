"""Pruning the content cache (cache.Store.prune): entries untouched for a week go, at
most once a day; a hit keeps an entry alive; a run never fails over it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conditionlint import cache
from conditionlint.cache import Store

from .conftest import TODAY, run_cli

DAY = 24 * 3600


def _entry(store: Store, key: str, age_days: float, now: float) -> Path:
    store.put(key, {"lines": [], "rows": []})
    path = store._path(key)  # noqa: SLF001
    t = now - age_days * DAY
    os.utime(path, (t, t))
    return path


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / f"v{cache.FORMAT}").glob("??/*") if p.is_file())


def test_prune_removes_what_was_untouched_for_a_week(tmp_path):
    store = Store(tmp_path / "c")
    assert store.prepare() is None
    now = time.time()
    old = _entry(store, "aa" + "0" * 62, 8, now)
    kept = _entry(store, "ab" + "0" * 62, 5, now)
    stray = old.parent / ".tmp-123-0-x.json"  # a run killed while writing
    stray.write_bytes(b"{")
    os.utime(stray, (now - 9 * DAY, now - 9 * DAY))
    assert store.prune(now) == 2
    assert not old.exists() and not stray.exists() and kept.exists()
    assert (tmp_path / "c" / "CACHEDIR.TAG").exists()
    # not again within a day, even with something old to remove...
    again = _entry(store, "ac" + "0" * 62, 30, now)
    assert store.prune(now + DAY - 60) == 0 and again.exists()
    # ...but the next day
    assert store.prune(now + DAY + 60) == 1 and not again.exists() and kept.exists()


def test_a_hit_keeps_an_entry_alive(tmp_path):
    store = Store(tmp_path / "c")
    store.prepare()
    now = time.time()
    path = _entry(store, "ad" + "0" * 62, 8, now)
    assert store.get("ad" + "0" * 62) == {"lines": [], "rows": []}
    assert path.stat().st_mtime > now - 60
    assert store.prune(now) == 0 and path.exists()


def test_prune_without_a_usable_folder_is_quiet(tmp_path):
    assert Store(tmp_path / "missing").prune() == 0


def test_a_run_prunes_entries_of_files_that_are_gone(tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\nText.\n", encoding="utf-8")
    args = ("check", "--cache-dir", "c", "--today", TODAY, "--jobs", "1",
            "--output-format", "concise", "a.md")
    first = run_cli(*args, "b.md", cwd=tmp_path)
    entries = _entries(tmp_path / "c")
    assert first.returncode == 1 and len(entries) == 2
    week_ago = time.time() - 8 * DAY
    for p in [*entries, tmp_path / "c" / f"v{cache.FORMAT}" / ".pruned"]:
        os.utime(p, (week_ago, week_ago))
    (tmp_path / "b.md").unlink()
    second = run_cli(*args, cwd=tmp_path)
    # a.md's entry was a hit (kept, refreshed); b.md's went
    assert second.returncode == 1
    left = _entries(tmp_path / "c")
    assert len(left) == 1 and left[0].stat().st_mtime > week_ago + DAY
    assert b"a.md" in second.stdout and b"b.md" not in second.stdout
