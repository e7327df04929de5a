"""`check --watch`: a real process that re-checks after a page changes."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from conditionlint.watch import Watcher
from tests.house_rules import rule, rules_file
from tests.integration_pages import MOJIBAKE


def test_watcher_ignores_touches_and_sees_edits_new_and_deleted_files(tmp_path) -> None:
    page = tmp_path / "a.md"
    page.write_text("# A\n", "utf-8")
    (tmp_path / ".hidden").mkdir()
    w = Watcher([str(tmp_path)])
    assert w.changed() == []
    st = page.stat()
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # touch only
    assert w.changed() == []
    page.write_text("# B\n", "utf-8")
    assert w.changed() == [str(page)]
    (tmp_path / "new.md").write_text("# N\n", "utf-8")
    (tmp_path / "notes.txt").write_text("not a page", "utf-8")
    (tmp_path / ".hidden" / "x.md").write_text("# H\n", "utf-8")
    assert w.changed() == [str(tmp_path / "new.md")]
    (tmp_path / ".conditionlint.yaml").write_text("ignore: [CL102]\n", "utf-8")
    assert w.changed() == [str(tmp_path / ".conditionlint.yaml")]
    page.unlink()
    assert w.changed() == [str(page)]


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32",
                    reason="symbolic links")
def test_watcher_follows_links_to_folders_made_while_watching(tmp_path) -> None:
    # The check follows a link to a folder; the watcher did not, so editing a page
    # reached through one never triggered a run.
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("# A\n", "utf-8")
    shared = content / "shared"
    shared.mkdir()
    (shared / "s.md").write_text("# S\n", "utf-8")
    w = Watcher([str(content)])
    (content / "linked").symlink_to(shared, target_is_directory=True)
    (content / "loop").symlink_to(content, target_is_directory=True)
    # As in the check, each folder is walked once, in sorted order: the page is now
    # reached as linked/s.md first (and content/shared is not walked again)
    assert w.changed() == [str(content / "linked" / "s.md"), str(shared / "s.md")]
    (shared / "s.md").write_text("# S2\n", "utf-8")
    assert w.changed() == [str(content / "linked" / "s.md")]
    assert w.changed() == []


def test_watcher_watches_the_config_given_with_config(tmp_path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.md").write_text("# A\n", "utf-8")
    cfg = tmp_path / "elsewhere" / "lint.yaml"
    cfg.parent.mkdir()
    cfg.write_text("ignore: [CL102]\n", "utf-8")
    w = Watcher([str(tmp_path / "pages")], (str(cfg),))
    cfg.write_text("ignore: [CL103]\n", "utf-8")
    assert w.changed() == [str(cfg)]


def test_watcher_watches_the_baseline_file(tmp_path) -> None:
    (tmp_path / "a.md").write_text("# A\n", "utf-8")
    base = tmp_path / "out" / "bl.json"
    base.parent.mkdir()
    base.write_text('{"version": 1, "findings": []}\n', "utf-8")
    w = Watcher([str(tmp_path / "a.md")], (), (str(base),))
    base.write_text('{"version": 1, "findings": [] }\n', "utf-8")
    assert w.changed() == [str(base)]


def test_watcher_watches_the_files_a_config_extends(tmp_path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.md").write_text("# A\n", "utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "org.yaml").write_text("ignore: [CL101]\n", "utf-8")
    (shared / "site.yaml").write_text("extend: org.yaml\n", "utf-8")
    (tmp_path / "pages" / ".conditionlint.yaml").write_text(
        "extend: ../shared/site.yaml\n", "utf-8")
    cfg = tmp_path / "elsewhere" / "lint.yaml"
    cfg.parent.mkdir()
    (cfg.parent / "base.yaml").write_text("ignore: [CL102]\n", "utf-8")
    cfg.write_text("extend: base.yaml\n", "utf-8")
    w = Watcher([str(tmp_path / "pages")], (str(cfg),))
    assert w.changed() == []  # (the --config file was once reported at the first poll)
    (shared / "org.yaml").write_text("ignore: [CL103]\n", "utf-8")
    assert w.changed() == [str(shared / "org.yaml")]
    (cfg.parent / "base.yaml").write_text("ignore: [CL104]\n", "utf-8")
    assert w.changed() == [str(cfg.parent / "base.yaml")]
    (shared / "site.yaml").write_text("extend: org.yaml\nfail-on: warning\n", "utf-8")
    assert w.changed() == [str(shared / "site.yaml")]


def test_watcher_watches_rule_files_of_rule_paths(tmp_path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.md").write_text("# A\n", "utf-8")
    (tmp_path / "house").mkdir()
    rules = tmp_path / "house" / "rules.yaml"
    rules.write_text("kind: rules\nrules: []\n", "utf-8")
    single = tmp_path / "one.yml"
    single.write_text("kind: rules\nrules: []\n", "utf-8")
    (tmp_path / "pages" / ".conditionlint.yaml").write_text(
        "rule-paths: [../house, ../one.yml]\n", "utf-8")
    w = Watcher([str(tmp_path / "pages")])
    assert w.changed() == []
    rules.write_text("kind: rules\nrules: []\n# edited\n", "utf-8")
    assert w.changed() == [str(rules)]
    single.write_text("kind: rules\nrules: []\n# edited\n", "utf-8")
    assert w.changed() == [str(single)]
    (tmp_path / "house" / "more.yaml").write_text("kind: rules\nrules: []\n", "utf-8")
    assert w.changed() == [str(tmp_path / "house" / "more.yaml")]


def test_watcher_watches_a_configs_front_matter_schema(tmp_path) -> None:
    (tmp_path / "a.md").write_text("# A\n", "utf-8")
    schema = tmp_path / "schemas" / "page.json"
    schema.parent.mkdir()
    schema.write_text('{"type": "object"}', "utf-8")
    (tmp_path / ".conditionlint.yaml").write_text("schema: schemas/page.json\n", "utf-8")
    w = Watcher([str(tmp_path / "a.md")])
    schema.write_text('{"type": "object", "required": ["title"]}', "utf-8")
    assert w.changed() == [str(schema)]


def _reader(stream, q: queue.Queue) -> None:  # noqa: ANN001
    for line in iter(stream.readline, b""):
        q.put(line.decode())


def _wait_for(q: queue.Queue, text: str, timeout: float = 60) -> str:
    seen = []
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = q.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise AssertionError(f"{text!r} not seen; got {''.join(seen)!r}")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_watch_rechecks_after_a_change(tmp_path) -> None:
    page = tmp_path / "p.md"
    page.write_text("# Title\n\nClean text.\n", "utf-8")
    with _watching(tmp_path, "--select", "CL105,CL301", "--no-cache", "p.md") as queues:
        out_q, err_q = queues
        _wait_for(out_q, "All checks passed (1 file checked).")
        _wait_for(err_q, "watching for changes")
        page.write_text(f"# Title\n\nDamaged {MOJIBAKE} text.\n", "utf-8")
        report = _wait_for(out_q, "Found 1 problem")
        assert "p.md:3:9: CL301 [error]" in report
        assert "changed: p.md; checking again" in _wait_for(err_q, "checking again")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_watch_reads_an_edited_rule_file_again(tmp_path) -> None:
    rules = tmp_path / "house" / "r.yaml"
    rules.parent.mkdir()
    rules.write_text(rules_file(), "utf-8")
    (tmp_path / ".conditionlint.yaml").write_text("rule-paths: [house]\nselect: [HX001]\n",
                                                  "utf-8")
    (tmp_path / "p.md").write_text("# T\n\nA miracle cure. A wonder drug.\n", "utf-8")
    with _watching(tmp_path, "p.md") as (out_q, err_q):
        assert "p.md:3:3: HX001 [error] avoid 'miracle cure'" in _wait_for(out_q, "Found 1")
        _wait_for(err_q, "watching for changes")
        rules.write_text(rules_file(rule(phrases="wonder drug")), "utf-8")
        report = _wait_for(out_q, "Found 1 problem")
        # the process read the rule file again (it kept the first one's rules before)
        assert "p.md:3:19: HX001 [error] avoid 'wonder drug'" in report
        assert "house/r.yaml" in _wait_for(err_q, "checking again")


@contextlib.contextmanager
def _watching(cwd, *args: str, stop: int = signal.SIGINT, code: int = 130):  # noqa: ANN001, ANN202
    """``check --watch --output-format concise ARGS`` in ``cwd``: its stdout and stderr
    lines as two queues; stopped at the end with ``stop`` (Ctrl-C), which must exit
    ``code`` (the exit-code table's 130 for Ctrl-C, 143 for SIGTERM)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "conditionlint", "check", "--watch", "--output-format",
         "concise", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out_q: queue.Queue = queue.Queue()
    err_q: queue.Queue = queue.Queue()
    for stream, q in ((proc.stdout, out_q), (proc.stderr, err_q)):
        threading.Thread(target=_reader, args=(stream, q), daemon=True).start()
    try:
        yield out_q, err_q
    finally:
        proc.send_signal(stop)
        try:
            rc = proc.wait(timeout=30)
        finally:
            proc.kill()
    assert rc == code


def test_watch_refuses_stdin(tmp_path) -> None:
    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--watch", "-"],
                       cwd=tmp_path, input=b"# x\n", capture_output=True, timeout=60)
    assert r.returncode == 2
    assert b"--watch cannot be used with stdin" in r.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM to a child process")
def test_watch_stopped_by_sigterm_exits_143(tmp_path) -> None:
    (tmp_path / "p.md").write_text("# Title\n\nClean text.\n", "utf-8")
    with _watching(tmp_path, "--select", "CL301", "--no-cache", "p.md",
                   stop=signal.SIGTERM, code=143) as (out_q, err_q):
        _wait_for(err_q, "watching for changes")


def test_watch_stops_at_once_on_an_option_no_change_can_mend(tmp_path) -> None:
    # -o names a page the run checks: the first run refused it and then watched forever
    (tmp_path / "p.md").write_text("# x\n", "utf-8")
    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--watch",
                        "--no-cache", "-o", "report.md", "."],
                       cwd=tmp_path, capture_output=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr.decode() == ("conditionlint: error: -o report.md names a page this "
                                 "run checks; it would be overwritten with the report\n")
    assert not (tmp_path / "report.md").exists()


def test_watcher_takes_a_config_naming_a_path_no_file_can_have(tmp_path) -> None:
    # a NUL in 'extend' (the check reports it as a config error): the watcher's stat of
    # it raised ValueError, a traceback before the first check
    (tmp_path / ".conditionlint.yaml").write_text('extend: "a\\0b.yaml"\n', "utf-8")
    page = tmp_path / "p.md"
    page.write_text("# A\n", "utf-8")
    w = Watcher([str(page)])
    page.write_text("# B\n", "utf-8")
    assert w.changed() == [str(page)]
