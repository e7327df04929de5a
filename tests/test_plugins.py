"""Third-party rules from the ``conditionlint.rules`` entry-point group, loaded from a
fake installed distribution (a .dist-info folder on PYTHONPATH)."""

from __future__ import annotations

import os

from tests.conftest import run_cli

PLUGIN = '''
from conditionlint.model import Problem
from conditionlint.registry import rule


@rule(code="CX101", name="no-todo", summary="No TODO left in a page.", severity="warning")
def no_todo(doc, options):
    """No TODO markers.

    ## Why

    Drafts leak.

    ## Fix

    Finish the text.
    """
    i = doc.text.find("TODO")
    if i >= 0:
        yield Problem(i, i + 4, "TODO left in the page")


@rule(code="CX102", name="always-crashes", summary="Raises.", severity="error")
def always_crashes(doc, options):
    """Crashes.

    ## Why

    To test isolation.

    ## Fix

    None.
    """
    raise RuntimeError("boom")
'''


def make_plugin(tmp_path):
    site = tmp_path / "site"
    (site / "demo_plugin").mkdir(parents=True)
    (site / "demo_plugin" / "__init__.py").write_text(PLUGIN)
    info = site / "demo_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: demo-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[conditionlint.rules]\ndemo = demo_plugin\nbroken = demo_plugin_missing\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


def test_plugin_rule_runs_and_broken_plugin_warns(tmp_path):
    env = make_plugin(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nA TODO here.\n")
    r = run_cli("check", "--select", "CX101", "--output-format", "concise", "--no-cache",
                "a.md", cwd=tmp_path, env=env)
    out = r.stdout.decode().splitlines()
    assert out[0] == "a.md:3:3: CX101 [warning] TODO left in the page"
    err = r.stderr.decode()
    assert "plugin 'broken' (demo_plugin_missing) could not be loaded" in err
    assert "Traceback" not in err
    assert r.returncode == 0  # a warning only


def test_crashing_rule_is_cl901_and_run_goes_on(tmp_path):
    env = make_plugin(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nA TODO here.\n")
    (tmp_path / "b.md").write_text("# U\n\nTODO\n")
    r = run_cli("check", "--select", "CX101,CX102", "--output-format", "concise",
                "--no-cache", ".", cwd=tmp_path, env=env)
    lines = r.stdout.decode().splitlines()
    assert "a.md:1:1: CL901 [error] rule CX102 always-crashes failed on this file: " \
           "RuntimeError: boom" in "\n".join(lines)
    assert "a.md:3:3: CX101 [warning] TODO left in the page" in lines
    assert "b.md:3:1: CX101 [warning] TODO left in the page" in lines
    assert r.returncode == 2  # an internal error is not a clean pass


def test_plugin_rules_listed(tmp_path):
    env = make_plugin(tmp_path)
    r = run_cli("rules", env=env)
    rows = [ln.split()[:2] for ln in r.stdout.decode().splitlines()]
    assert ["CX101", "no-todo"] in rows


MISBEHAVING = '''
import sys

from conditionlint.model import Problem
from conditionlint.registry import rule


def _doc(f):
    f.__doc__ = "Misbehaves.\\n\\n## Why\\n\\nTests.\\n\\n## Fix\\n\\nNone.\\n"
    return f


@rule(code="CX201", name="exits", summary="Calls sys.exit.", severity="error")
@_doc
def exits(doc, options):
    sys.exit(0)


@rule(code="CX202", name="float-offsets", summary="Bad offsets.", severity="error")
@_doc
def float_offsets(doc, options):
    yield Problem(1.5, 3.7, "x")


@rule(code="CX203", name="odd-severity", summary="Bad severity.", severity="error")
@_doc
def odd_severity(doc, options):
    yield Problem(0, 1, "m", severity="fatal")


@rule(code="CX204", name="number-message", summary="Bad message.", severity="error")
@_doc
def number_message(doc, options):
    yield Problem(0, 1, 12345)


@rule(code="CX205", name="prints", summary="Prints.", severity="warning")
@_doc
def prints(doc, options):
    print("GARBAGE ON STDOUT")
    return iter(())
'''


def make_misbehaving_plugin(tmp_path):
    site = tmp_path / "site2"
    (site / "bad_plugin").mkdir(parents=True)
    (site / "bad_plugin" / "__init__.py").write_text(MISBEHAVING)
    info = site / "bad_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: bad-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[conditionlint.rules]\nbad = bad_plugin\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


def test_misbehaving_rules_are_contained(tmp_path):
    # Each used to end the run: sys.exit(0) made it exit 0 with no report at all, and
    # bad offsets, severities or messages were tracebacks after every page was checked.
    env = make_misbehaving_plugin(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nA page.\n")
    (tmp_path / "b.md").write_text("# U\n\nAnother page.\n")
    expected = {
        "CX201": "SystemExit: 0",
        "CX202": "TypeError: yielded a Problem whose start is 1.5, not a whole number",
        "CX203": "ValueError: yielded a Problem whose severity is 'fatal', not one of "
                 "'error', 'warning', 'info'",
        "CX204": "TypeError: yielded a Problem whose message is int, not text",
    }
    for jobs in ("1", "2"):
        for code, words in expected.items():
            r = run_cli("check", "--select", f"{code},CL105", "--output-format", "concise",
                        "--no-cache", "--jobs", jobs, ".", cwd=tmp_path, env=env)
            out = r.stdout.decode()
            assert "Traceback" not in r.stderr.decode(), r.stderr.decode()
            for page in ("a.md", "b.md"):
                assert f"{page}:1:1: CL901 [error] rule {code} " in out, out
                assert words in out.split(f"{page}:1:1: CL901")[1].splitlines()[0], out
            assert r.returncode == 2, (code, jobs)


def test_a_rule_that_prints_cannot_corrupt_stdout(tmp_path):
    import json

    env = make_misbehaving_plugin(tmp_path)
    page = "# T\n\nIt helps \u00e2\u20ac\u201d a lot.\n"
    (tmp_path / "a.md").write_text(page, encoding="utf-8")
    for jobs in ("1", "2"):
        r = run_cli("check", "--select", "CX205,CL301", "--output-format", "json",
                    "--no-cache", "--jobs", jobs, "a.md", cwd=tmp_path, env=env)
        assert json.loads(r.stdout)["findings"][0]["code"] == "CL301"
        assert "GARBAGE ON STDOUT" in r.stderr.decode()
    r = run_cli("check", "--select", "CX205,CL301", "--fix", "-", cwd=tmp_path, env=env,
                input=page.encode())
    assert r.stdout == "# T\n\nIt helps \u2014 a lot.\n".encode()
