"""Fourteenth session (speed): the store's digests without hashlib, shipped rule files
digested as read, and the content cache's leaner writes (docs/performance.md)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conditionlint import cache, recache, yamlrules
from conditionlint.cache import Store

SRC = Path(__file__).resolve().parents[1] / "src"


def test_digest_names_length_and_content():
    a = recache.digest(b"abc")
    assert a == recache.digest(b"abc")
    assert a.startswith("3:")
    assert recache.digest(b"abd") != a
    assert recache.digest(b"") == recache.digest(bytes())
    assert recache.digest(b"abc" * 1000) != recache.digest(b"abc" * 1001)


def test_building_the_rules_and_gates_imports_no_hashlib():
    """hashlib loads OpenSSL and looks up every algorithm: a --no-cache run needs no
    digest it offers (the content cache imports it where it makes a key)."""
    code = ("import sys\n"
            "from conditionlint import cache, gated, yamlrules\n"
            "gated._store_stamp(); gated.source_stamp()\n"
            "yamlrules.lexicon('claims'); cache.encode([])\n"
            "from conditionlint.registry import build\n"
            "build()\n"
            "print('hashlib' in sys.modules)\n")
    env = dict(os.environ, PYTHONPATH=str(SRC))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


@pytest.mark.parametrize("raw", [b"a: 1\nb: [x, y]\n", b"a: 1\r\nb: 2\r\n", b"a: 1\rb: 2\r",
                                 b"\xef\xbb\xbfa: 1\r\n", "k: \u00e9\u2014\r\n\r".encode()])
def test_decoded_reads_as_read_text(tmp_path, raw):
    p = tmp_path / "f.yaml"
    p.write_bytes(raw)
    assert yamlrules._decoded(raw) == p.read_text(encoding="utf-8-sig")  # noqa: SLF001


def test_shipped_files_decode_as_read_text():
    for p in sorted((SRC.parent / "rules").glob("*.yaml")):
        assert yamlrules._decoded(p.read_bytes()) == p.read_text(encoding="utf-8-sig")  # noqa: SLF001


def test_parsed_from_bytes_and_from_text_agree():
    import yaml

    raw = "a: [b, c]\r\nd: \u2014\r\n".encode()
    by_bytes = yamlrules._parsed("rules/p14.yaml", None, yaml, raw)  # noqa: SLF001
    by_text = yamlrules._parsed("rules/p14t.yaml", raw.decode(), yaml)  # noqa: SLF001
    assert by_bytes == by_text == {"a": ["b", "c"], "d": "\u2014"}


def test_entries_go_to_sixteen_shards_without_leftovers(tmp_path):
    store = Store(tmp_path / "c")
    assert store.prepare() is None
    # the shard is the first hex digit of the entry's name (a MAC of the key); 48 keys
    # whose names start with each digit three times
    names: dict[str, list[str]] = {}
    i = 0
    while any(len(names.get(d, ())) < 3 for d in "0123456789abcdef"):
        k = f"{i:064x}"
        names.setdefault(cache.entry_name(k)[0], []).append(k)
        i += 1
    keys = [k for d in "0123456789abcdef" for k in names[d][:3]]
    for k in keys:
        store.put(k, {"lines": ["x"], "rows": []})
    base = tmp_path / "c" / f"v{cache.FORMAT}"
    shards = sorted(p.name for p in base.iterdir() if p.is_dir())
    assert shards == [f"{d}x" for d in "0123456789abcdef"]
    for k in keys:
        assert store.get(k) == {"lines": ["x"], "rows": []}
        assert store._path(k).parent.name == cache.entry_name(k)[0] + "x"  # noqa: SLF001
    assert not list(base.rglob(".tmp-*"))


def test_a_removed_folder_is_made_again_and_a_blocked_one_is_ignored(tmp_path):
    store = Store(tmp_path / "c")
    store.prepare()
    key = "a" * 64
    store.put(key, {"lines": [], "rows": []})
    import shutil

    shutil.rmtree(tmp_path / "c")  # another run (or a user) removed the cache
    store.put(key, {"lines": [], "rows": []})
    assert store.get(key) == {"lines": [], "rows": []}
    # a file where the shard folder should be: no error, no entry (a key whose shard
    # is not the first key's, whose folder is there)
    blocked = next(b for b in (c * 64 for c in "bcdef0123456789")
                   if cache.entry_name(b)[0] != cache.entry_name(key)[0])
    shard = cache.entry_name(blocked)[0] + "x"
    (tmp_path / "c" / f"v{cache.FORMAT}" / shard).write_text("not a folder")
    store.put(blocked, {"lines": [], "rows": []})
    assert store.get(blocked) is None
    assert not list((tmp_path / "c").rglob(".tmp-*"))


def test_entries_of_the_old_layout_are_still_pruned(tmp_path):
    store = Store(tmp_path / "c")
    store.prepare()
    old_shard = tmp_path / "c" / f"v{cache.FORMAT}" / "ab"
    old_shard.mkdir()
    old = old_shard / ("ab" + "0" * 62 + ".json")
    old.write_text("{}")
    week = time.time() - 8 * 24 * 3600
    os.utime(old, (week, week))
    assert store.prune() == 1 and not old.exists()


def test_a_write_that_fails_leaves_no_temporary_file(tmp_path, monkeypatch):
    folder = tmp_path / "s"
    folder.mkdir()

    def fail(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "write", fail)
    with pytest.raises(OSError):
        cache._write_entry(str(folder), "k.json", b"{}")  # noqa: SLF001
    assert list(folder.iterdir()) == []
