"""Files besides pages (configs, rule files, schemas, baselines, cache entries) may come
from a pull request: a FIFO must not block the run, a device must not be read, and a
file over its limit is refused (src/conditionlint/safeio.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conditionlint.safeio import read_regular

PAGE = "# T\n\n## Symptoms\n\nPain.\n"


def test_read_regular_reads_a_regular_file_and_follows_links(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"x: 1\n")
    os.symlink("a.yaml", tmp_path / "link.yaml")
    assert read_regular(tmp_path / "a.yaml", 5) == b"x: 1\n"
    assert read_regular(tmp_path / "link.yaml", 5) == b"x: 1\n"


@pytest.mark.parametrize("make, message", [
    (lambda p: os.mkfifo(p), "is not a regular file"),
    (lambda p: os.symlink("/dev/zero", p), "is not a regular file"),
    (lambda p: os.mkdir(p), "is a folder, not a file"),
    (lambda p: p.write_bytes(b"123456"), "is 6 bytes, over the limit of 5"),
])
def test_read_regular_refuses_at_once(tmp_path, make, message):
    p = tmp_path / "x.yaml"
    make(p)
    with pytest.raises(OSError) as exc:
        read_regular(p, 5)
    assert exc.value.strerror == message


def run(*args: str, cwd) -> subprocess.CompletedProcess[bytes]:  # noqa: ANN001
    # a short timeout: before, each of these hung until killed
    return subprocess.run([sys.executable, "-m", "conditionlint", "check",
                           "--output-format", "concise", *args], cwd=cwd,
                          capture_output=True, timeout=60)


def test_a_fifo_among_the_rule_files_is_a_config_error(tmp_path):
    (tmp_path / "house").mkdir()
    os.mkfifo(tmp_path / "house" / "f.yaml")
    (tmp_path / ".conditionlint.yaml").write_text("rule-paths: [house]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    r = run("--no-cache", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "house/f.yaml: cannot read rule file: is not a regular file" in r.stderr.decode()


def test_a_fifo_as_schema_or_baseline_is_an_error(tmp_path):
    os.mkfifo(tmp_path / "s.json")
    (tmp_path / ".conditionlint.yaml").write_text("schema: s.json\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    r = run("--no-cache", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "cannot read the front-matter schema: is not a regular file" in r.stderr.decode()
    (tmp_path / ".conditionlint.yaml").unlink()
    os.mkfifo(tmp_path / "b.json")
    r = run("--no-cache", "--baseline", "b.json", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "cannot read baseline b.json: is not a regular file" in r.stderr.decode()


def test_a_fifo_in_the_cache_is_a_miss(tmp_path):
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    first = run("a.md", cwd=tmp_path)
    entries = [p for p in (tmp_path / ".conditionlint_cache").rglob("*.json")]
    assert len(entries) == 1
    entries[0].unlink()
    os.mkfifo(entries[0])
    again = run("a.md", cwd=tmp_path)
    assert again.stdout == first.stdout and again.returncode == first.returncode
