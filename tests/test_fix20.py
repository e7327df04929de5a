"""Fix session 20: config robustness (hostile paths, extend depth, inherited
schema-mode, severities that turn a rule back on, /dev/null as --config, messages in
YAML spellings) and review dates (overflow, dates with extra digits)."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import run_cli

PAGE = """\
---
title: Gout
reviewed_by: Dr A. Example
last_reviewed: 2026-03-01
next_review: 2027-03-01
---
# Gout

A form of arthritis.
"""
LONG = "a" * 300


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def check(tmp_path, *args, input=None):
    r = run_cli("check", "--no-cache", *args, cwd=tmp_path, input=input)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def config_error(tmp_path, config_text, *args):
    write(tmp_path, ".conditionlint.yaml", config_text)
    write(tmp_path, "page.md", PAGE)
    code, _, err = check(tmp_path, *(args or ("page.md",)))
    assert "Traceback" not in err, err
    assert code == 2, err
    return err


# -- 1. hostile paths in a config; a chain of extends too deep ---------------------------
@pytest.mark.parametrize("text, key", [
    ('extend: "a\\0b.yaml"\n', "extend"),
    ('schema: "s\\0.json"\n', "schema"),
    ('rule-paths: ["r\\0.yaml"]\n', "rule-paths"),
])
def test_nul_in_a_path_is_a_config_error(tmp_path, text, key):
    err = config_error(tmp_path, text)
    assert ".conditionlint.yaml:1:" in err
    assert f"'{key}': cannot use the path" in err and "NUL character" in err


@pytest.mark.parametrize("text, key", [
    (f"extend: {LONG}.yaml\n", "extend"),
    (f"rule-paths: [{LONG}.yaml]\n", "rule-paths"),
    (f"schema: {LONG}.json\n", "schema"),
])
def test_a_file_name_too_long_is_a_config_error(tmp_path, text, key):
    err = config_error(tmp_path, text)
    assert ".conditionlint.yaml:1:" in err
    assert f"'{key}': cannot use the path" in err and "File name too long" in err


def _chain(tmp_path, n):
    for i in range(n):
        write(tmp_path, f"c{i}.yaml", f"extend: c{i + 1}.yaml\n")
    write(tmp_path, f"c{n}.yaml", "fail-on: warning\n")
    write(tmp_path, "page.md", PAGE)


def test_a_chain_of_extends_too_deep_is_a_config_error(tmp_path):
    _chain(tmp_path, 330)
    code, _, err = check(tmp_path, "--config", "c0.yaml", "page.md")
    assert "Traceback" not in err and code == 2, err
    assert "c31.yaml:1:1: 'extend': too deep" in err
    assert "starts at " + repr(str(tmp_path / "c0.yaml")) in err
    assert "32" in err
    r = run_cli("rules", "--config", "c0.yaml", cwd=tmp_path)
    assert r.returncode == 2 and b"too deep" in r.stderr and b"Traceback" not in r.stderr


def test_a_chain_of_32_configs_is_allowed(tmp_path):
    _chain(tmp_path, 31)  # c0 ... c31: 32 configs
    code, out, err = check(tmp_path, "--config", "c0.yaml", "--show-config", "page.md")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["fail-on"] == "warning" and len(shown["extends"]) == 31


def test_stdin_filename_too_long(tmp_path):
    write(tmp_path, "page.md", PAGE)
    code, out, err = check(tmp_path, "--stdin-filename", f"{LONG}/x.md",
                           input=PAGE.encode())
    assert "Traceback" not in err and code in (0, 1) and "x.md" in out, err
    code, out, err = check(tmp_path, "--show-config", f"{LONG}/x.md")
    assert "Traceback" not in err and code == 0, err
    assert json.loads(out)["config-file"] is None


# -- 2. a child's `schema:` alone keeps the inherited schema-mode -------------------------
SCHEMA = json.dumps({"type": "object", "properties": {"audience": {"type": "string"}}})


def test_schema_alone_keeps_the_inherited_schema_mode(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "schema: s.json\nschema-mode: extend\n")
    write(tmp_path, "s.json", SCHEMA)
    write(tmp_path, "sub/.conditionlint.yaml", "extend: ../.conditionlint.yaml\n"
                                               "schema: s2.json\n")
    write(tmp_path, "sub/s2.json", SCHEMA)
    write(tmp_path, "sub/p.md", PAGE)
    code, out, err = check(tmp_path, "--show-config", "sub/p.md")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["schema-mode"] == "extend"
    assert shown["schema"] == str(tmp_path / "sub" / "s2.json")
    # extend: the shipped schema still holds (a title that is a number breaks it)
    write(tmp_path, "sub/q.md", PAGE.replace("title: Gout", "title: 12"))
    code, out, err = check(tmp_path, "--output-format", "concise", "--select", "CL203",
                           "sub/q.md")
    assert code == 1 and "CL203" in out, (out, err)
    # the child may still choose: `schema-mode: replace` set there wins
    write(tmp_path, "sub/.conditionlint.yaml", "extend: ../.conditionlint.yaml\n"
                                               "schema: s2.json\nschema-mode: replace\n")
    code, out, err = check(tmp_path, "--show-config", "sub/p.md")
    assert json.loads(out)["schema-mode"] == "replace"


# -- 3. a severity set later turns a rule back on ----------------------------------------
OLD_REVIEW = PAGE.replace("last_reviewed: 2026-03-01\nnext_review: 2027-03-01\n",
                          "last_reviewed: 2020-03-01\n")


def _rules(tmp_path, page="sub/p.md"):
    code, out, err = check(tmp_path, "--show-config", page)
    assert code == 0, err
    return json.loads(out)["rules"]


@pytest.mark.parametrize("child, severity", [
    ("CL204: warning", "warning"),
    ("CL204: info", "info"),
    ("CL204: {severity: error}", "error"),
    ("CL204: on", "warning"),
    ("CL204: {enabled: true}", "warning"),
])
def test_a_severity_in_an_extending_config_turns_the_rule_back_on(tmp_path, child, severity):
    write(tmp_path, ".conditionlint.yaml", "rules:\n  CL204: off\n")
    write(tmp_path, "sub/.conditionlint.yaml",
          f"extend: ../.conditionlint.yaml\nrules:\n  {child}\n")
    write(tmp_path, "sub/p.md", OLD_REVIEW)
    assert _rules(tmp_path)["CL204"]["severity"] == severity
    code, out, _ = check(tmp_path, "--output-format", "concise", "--select", "CL204",
                         "sub/p.md")
    assert "CL204" in out


def test_an_explicit_off_with_a_severity_stays_off(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "rules:\n  CL204: warning\n")
    write(tmp_path, "sub/.conditionlint.yaml", "extend: ../.conditionlint.yaml\nrules:\n"
                                               "  CL204: {severity: error, enabled: false}\n")
    write(tmp_path, "sub/p.md", OLD_REVIEW)
    assert "CL204" not in _rules(tmp_path)
    # options alone do not turn it back on
    write(tmp_path, ".conditionlint.yaml", "rules:\n  CL204: off\n")
    write(tmp_path, "sub/.conditionlint.yaml", "extend: ../.conditionlint.yaml\nrules:\n"
                                               "  CL204: {options: {max-age-months: 6}}\n")
    assert "CL204" not in _rules(tmp_path)


def test_a_severity_in_an_override_turns_the_rule_back_on(tmp_path):
    write(tmp_path, ".conditionlint.yaml",
          "rules:\n  CL204: off\noverrides:\n  - files: ['news/**']\n    rules:\n"
          "      CL204: info\n  - files: ['news/old/**']\n    rules:\n      CL204: off\n"
          "  - files: ['news/old/keep/**']\n    rules:\n      CL204: error\n")
    for page in ("p.md", "news/p.md", "news/old/p.md", "news/old/keep/p.md"):
        write(tmp_path, page, OLD_REVIEW)
    assert "CL204" not in _rules(tmp_path, "p.md")
    assert _rules(tmp_path, "news/p.md")["CL204"]["severity"] == "info"
    assert "CL204" not in _rules(tmp_path, "news/old/p.md")
    assert _rules(tmp_path, "news/old/keep/p.md")["CL204"]["severity"] == "error"


def test_init_template_under_a_base_keeps_the_base_settings(tmp_path):
    write(tmp_path, ".conditionlint.yaml",
          "rules:\n  CL401: warning\n  CL204: off\n"
          "  CL101:\n    options:\n      sections: [overview, symptoms]\n")
    (tmp_path / "sub").mkdir()
    r = run_cli("init", "sub", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    target = tmp_path / "sub" / ".conditionlint.yaml"
    text = target.read_text("utf-8")
    assert "\n# extend: ../.conditionlint.yaml\n" in text
    target.write_text(text.replace("\n# extend: ", "\nextend: "), "utf-8")
    write(tmp_path, "sub/p.md", PAGE)
    rules = _rules(tmp_path)
    assert rules["CL401"]["severity"] == "warning"
    assert "CL204" not in rules
    assert rules["CL101"]["options"]["sections"] == ["overview", "symptoms"]


# -- 4. --config /dev/null: no config; a FIFO is not a regular file ------------------------
def test_config_dev_null_is_an_empty_config(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "rules:\n  CL105: off\nfail-on: info\n")
    write(tmp_path, "page.md", PAGE.replace("# Gout\n", ""))
    code, out, err = check(tmp_path, "--config", os.devnull, "--show-config", "page.md")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["config-file"] == os.devnull and shown["fail-on"] == "error"
    assert "CL105" in shown["rules"]  # the folder's config is not read
    code, out, err = check(tmp_path, "--config", os.devnull, "--output-format", "concise",
                           "page.md")
    assert code == 1 and "CL105" in out, err
    r = run_cli("rules", "--config", os.devnull, cwd=tmp_path)
    assert r.returncode == 0 and b"CL105" in r.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_config_fifo_is_not_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "fifo.yaml")
    write(tmp_path, "page.md", PAGE)
    code, _, err = check(tmp_path, "--config", "fifo.yaml", "page.md")
    assert code == 2 and "Traceback" not in err
    assert "fifo.yaml: cannot read config file: is not a regular file" in err


def test_config_missing_or_too_long(tmp_path):
    write(tmp_path, "page.md", PAGE)
    code, _, err = check(tmp_path, "--config", "nothere.yaml", "page.md")
    assert code == 2 and "nothere.yaml: config file does not exist" in err
    code, _, err = check(tmp_path, "--config", f"{LONG}.yaml", "page.md")
    assert code == 2 and "Traceback" not in err and "File name too long" in err


# -- 5. messages in YAML spellings; did-you-mean; TOML positions ---------------------------
@pytest.mark.parametrize("text, want", [
    ("fail-on: off\n", "1:1: fail-on: false is not one of 'error', 'warning', 'info' "
                       "(YAML reads an unquoted no, off and false as false: quote a word "
                       "meant as text, as in 'off')"),
    ("rules:\n  CL204: {severity: off}\n", "2:11: rules.CL204.severity: false is not one "
                                           "of 'error', 'warning', 'info' (YAML reads"),
    ("ignore: [no]\n", "1:10: ignore[0]: false should be a string (YAML reads an unquoted "
                       "no, off and false as false"),
    ("extend:\n", "1:1: extend: null should be a string (an empty value is null in YAML)"),
    ("cache: null\n", "1:1: cache: null should be a boolean (an empty value is null in YAML)"),
    ("rules:\n  CL204: warn\n", "2:3: rules.CL204: 'warn' is not one of 'error', 'warning', "
                                "'info', 'off', 'on'; did you mean 'warning'?"),
    ("rules:\n  CL204:\n    options:\n      max-age-month: 3\n",
     "4:7: CL204 review-overdue options: unknown key 'max-age-month'; did you mean "
     "'max-age-months'?"),
    ("rules:\n  CL204:\n    options:\n      max-age-months: off\n",
     "4:7: CL204 review-overdue options: max-age-months: false should be an integer\n"),
    ("select: [unsupported-claims]\n", "1:10: unknown rule 'unsupported-claims' in 'select'; "
                                       "did you mean 'unsupported-claim'?"),
    ("ignore: [CL2044]\n", "1:10: unknown rule 'CL2044' in 'ignore'; did you mean 'CL204'?"),
    ("rules:\n  CL2O4: off\n", "2:3: unknown rule 'CL2O4' in 'rules'; did you mean 'CL204'?"),
    ("ignore: [banana]\n", "1:10: unknown rule 'banana' in 'ignore'\n"),
    ("fail-on: error\nzzz: 1\nyyy: 2\n", "2:1: unknown key 'yyy', 'zzz'"),
])
def test_config_messages_in_yaml_spellings(tmp_path, text, want):
    err = config_error(tmp_path, text)
    assert "False" not in err and "None" not in err and "True" not in err
    assert f".conditionlint.yaml:{want}" in err, err


def test_cli_select_gets_a_suggestion(tmp_path):
    write(tmp_path, "page.md", PAGE)
    code, _, err = check(tmp_path, "--select", "unsupported-claims", "page.md")
    assert code == 2
    assert "unknown rule 'unsupported-claims'; did you mean 'unsupported-claim'?" in err


def test_toml_positions_of_unknown_keys(tmp_path):
    write(tmp_path, "page.md", PAGE)
    write(tmp_path, "lint.toml", 'select = ["CL105"]\n\n[tool.black]\nline-length = 88\n')
    code, _, err = check(tmp_path, "--config", "lint.toml", "page.md")
    assert code == 2 and "lint.toml:3:2: unknown key 'tool'" in err, err
    write(tmp_path, "pyproject.toml",
          '[project]\nname = "x"\n\n[tool.conditionlint]\nfail-on = "error"\n\n'
          '[tool.conditionlint.rules.CL204.options]\nmax-age-month = 3\nrespect = 1\n')
    code, _, err = check(tmp_path, "page.md")
    assert code == 2 and "pyproject.toml:8:1: CL204 review-overdue options: unknown key " \
                         "'max-age-month', 'respect'" in err, err


def test_front_matter_messages_in_yaml_spellings():
    from conditionlint.api import lint_text
    from tests.conftest import TODAY

    got = [f.message for f in lint_text("---\ntitle: no\n---\n# T\n", select=["CL203"],
                                        today=TODAY)]
    assert got == ["title: false should be text (YAML reads an unquoted no, off and false "
                   "as false: quote a word meant as text, as in 'off')"]


# -- 6. CL204: no date overflow ------------------------------------------------------------
def _cl204(tmp_path, page, today, options=""):
    from conditionlint.api import lint_text

    cfg = None
    if options:
        cfg = write(tmp_path, "c.yaml", f"rules:\n  CL204:\n    options:\n{options}")
    return [(f.code, f.message) for f in lint_text(page, select=["CL204", "CL206", "CL901"],
                                                    today=today, config=cfg)]


def test_max_age_months_has_a_maximum(tmp_path):
    err = config_error(tmp_path, "rules:\n  CL204:\n    options:\n      max-age-months: 120000\n")
    assert "4:7: CL204 review-overdue options: max-age-months: 120000 is greater than the " \
           "maximum of 1200" in err


def test_cl204_date_arithmetic_saturates(tmp_path):
    old = PAGE.replace("last_reviewed: 2026-03-01\nnext_review: 2027-03-01\n",
                       "last_reviewed: 0001-01-01\n")
    assert _cl204(tmp_path, old, "2026-12-01", "      max-age-months: 1200\n") == [
        ("CL204", "review overdue: last_reviewed 0001-01-01 is more than 1200 months "
                  "before today (2026-12-01)")]
    late = PAGE.replace("last_reviewed: 2026-03-01\nnext_review: 2027-03-01\n",
                        "last_reviewed: 9999-12-31\n")
    assert _cl204(tmp_path, late, "9999-12-31") == []
    assert _cl204(tmp_path, late, "9999-12-31", "      max-age-months: 1200\n") == []
    body = "# Gout\n\nA form of arthritis.\n\nPage last reviewed: 31 December 9999\n"
    assert _cl204(tmp_path, body, "9999-12-31") == []


def test_add_months_saturates():
    import datetime as dt

    from conditionlint.checks.meta import _add_months

    assert _add_months(dt.date(9999, 12, 31), 1) == dt.date.max
    assert _add_months(dt.date(1, 1, 1), -1) == dt.date.min
    assert _add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


# -- 7. body review dates with extra digits are no dates ----------------------------------
@pytest.mark.parametrize("written", ["1 January 20255", "2025-01-011", "1 January 99999",
                                     "January 20255", "1.1.20255", "2025-011-01"])
def test_a_body_date_with_extra_digits_is_not_a_date(tmp_path, written):
    body = f"# Gout\n\nA form of arthritis.\n\nPage last reviewed: {written}\n"
    assert _cl204(tmp_path, body, "2026-12-01") == [
        ("CL206", f"the page says it was last reviewed '{written}', which is not a date")]
    body = f"# Gout\n\nA form of arthritis.\n\nNext review due: {written}\n"
    assert _cl204(tmp_path, body, "2026-12-01") == [
        ("CL206", f"the page's next review date '{written}' is not a date")]


@pytest.mark.parametrize("written, read", [
    ("1 January 2025", "2025-01-01"), ("2025-01-01T10:00", "2025-01-01"),
    ("14 March 2025.", "2025-03-14"), ("March 2025", "2025-03-01"),
    ("01/02/2025", "2025-02-01")])
def test_body_dates_that_end_at_their_number_still_read(tmp_path, written, read):
    body = f"# Gout\n\nA form of arthritis.\n\nPage last reviewed: {written}\n"
    got = _cl204(tmp_path, body, "2026-12-01")
    assert [c for c, _ in got] == ["CL204"] and f"last reviewed {read}," in got[0][1]
