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
