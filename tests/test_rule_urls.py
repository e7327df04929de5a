"""Reports link a rule to its documentation only where it has some: a built-in rule's
page, or the ``url`` a YAML rule file or a plugin gives (a user's rule used to link
to a built-in page that cannot exist)."""

from __future__ import annotations

import json
import os

import jsonschema

from conditionlint.resources import schema
from tests.conftest import run_cli
from tests.house_rules import rule, rules_file

DOCS = "https://github.com/conditionlint/conditionlint/blob/main/docs/rules/"
RULES = rules_file(
    rule(phrases="miracle", url="https://wiki.example.org/style#miracle"),
    rule("HX002", "no-wonder", "wonder", summary="Do not call anything a wonder."))
PLUGIN = '''
from conditionlint.model import Problem
from conditionlint.registry import rule


@rule(code="CX201", name="no-todo-linked", summary="No TODO.", severity="warning",
      url="https://plugins.example.org/CX201")
def linked(doc, options):
    """No TODO."""
    i = doc.text.find("TODO")
    if i >= 0:
        yield Problem(i, i + 4, "TODO left")


@rule(code="CX202", name="no-fixme", summary="No FIXME.", severity="warning")
def unlinked(doc, options):
    """No FIXME."""
    i = doc.text.find("FIXME")
    if i >= 0:
        yield Problem(i, i + 5, "FIXME left")
'''


def setup(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(RULES, "utf-8")
    (tmp_path / ".conditionlint.yaml").write_text(
        "rule-paths: [house]\nselect: [HX001, HX002, CL105, CX201, CX202]\n", "utf-8")
    (tmp_path / "a.md").write_text("A miracle, a wonder. TODO FIXME\n", "utf-8")  # CL105
    site = tmp_path / "site"
    (site / "url_plugin").mkdir(parents=True)
    (site / "url_plugin" / "__init__.py").write_text(PLUGIN, "utf-8")
    info = site / "url_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: url-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[conditionlint.rules]\nurls = url_plugin\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


def check(tmp_path, env, fmt):
    r = run_cli("check", "--no-cache", "--output-format", fmt, "a.md", cwd=tmp_path, env=env)
    assert r.returncode == 1, r.stderr.decode()
    return r.stdout.decode()


def test_json_and_sarif_link_only_documented_rules(tmp_path):
    env = setup(tmp_path)
    report = json.loads(check(tmp_path, env, "json"))
    jsonschema.validate(report, schema("report"))
    urls = {f["code"]: f["url"] for f in report["findings"]}
    assert urls == {"CL105": DOCS + "CL105.md",
                    "HX001": "https://wiki.example.org/style#miracle", "HX002": None,
                    "CX201": "https://plugins.example.org/CX201", "CX202": None}
    sarif = json.loads(check(tmp_path, env, "sarif"))
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["CL105"]["helpUri"] == DOCS + "CL105.md"
    assert rules["HX001"]["helpUri"] == "https://wiki.example.org/style#miracle"
    assert rules["CX201"]["helpUri"] == "https://plugins.example.org/CX201"
    assert "helpUri" not in rules["HX002"] and "helpUri" not in rules["CX202"]


def test_junit_and_html_link_only_documented_rules(tmp_path):
    env = setup(tmp_path)
    junit = check(tmp_path, env, "junit")
    assert f"see {DOCS}CL105.md" in junit
    assert "see https://wiki.example.org/style#miracle" in junit
    assert "HX002.md" not in junit and "CX202.md" not in junit
    assert junit.count("see ") == 3
    html = check(tmp_path, env, "html")
    assert f'href="{DOCS}CL105.md"' in html
    assert 'href="https://plugins.example.org/CX201"' in html
    assert "HX002.md" not in html and "CX202.md" not in html
    assert "<b>HX002</b>" in html


def test_a_rule_files_url_must_be_a_web_address(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.yaml").write_text(
        RULES.replace("https://wiki.example.org/style#miracle", "not a link"), "utf-8")
    (tmp_path / ".conditionlint.yaml").write_text("rule-paths: [house]\n", "utf-8")
    (tmp_path / "a.md").write_text("# A\n", "utf-8")
    r = run_cli("check", "--no-cache", "a.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "r.yaml" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_rules_and_rule_give_the_same_links_as_the_reports(tmp_path):
    env = setup(tmp_path)
    listed = json.loads(run_cli("rules", "--output-format", "json", cwd=tmp_path,
                                env=env).stdout)
    urls = {x["code"]: x["url"] for x in listed}
    assert urls["CL105"] == DOCS + "CL105.md"
    assert urls["HX001"] == "https://wiki.example.org/style#miracle"
    assert urls["HX002"] is None
    assert urls["CX201"] == "https://plugins.example.org/CX201"
    assert urls["CX202"] is None
    for code in ("CL105", "HX001", "HX002", "CX201", "CX202"):
        url = urls[code]
        shown = run_cli("rule", code, cwd=tmp_path, env=env).stdout.decode()
        if url is None:
            assert "\nOnline: " not in shown, code
        else:
            assert shown.endswith(f"\n\nOnline: {url}\n"), code
