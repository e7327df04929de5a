"""Audit23 findings 2, 3, 8, 9, 12 and 15 (fix23c): whole-number settings and years,
rule-paths folders, a rule named twice in `rules`, plugins' broken problems and fixes,
and a TOML config with keys both at the top and in [tool.conditionlint]."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.house_rules import rule, rules_file

PAGE = "# Back pain\n\nBack pain is common.\n"


def run(tmp_path, config: str, *args: str, name: str = ".conditionlint.yaml"):  # noqa: ANN001, ANN201
    (tmp_path / name).write_text(config, encoding="utf-8")
    if not (tmp_path / "a.md").exists():
        (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    r = run_cli("check", "--no-cache", *args, "a.md", cwd=tmp_path)
    err = r.stderr.decode()
    assert "Traceback" not in err
    return r.returncode, r.stdout.decode(), err


# -- 2: a whole number written as a float is no integer setting ------------------------
@pytest.mark.parametrize("config, message", [
    ("max-file-size: 1000.0\n",
     ".conditionlint.yaml:1:1: max-file-size: 1000.0 must be a whole number, e.g. 1000"),
    ("max-file-size: 100000.0\n",
     ".conditionlint.yaml:1:1: max-file-size: 100000.0 must be a whole number, e.g. 100000"),
    ("rules:\n  CL204:\n    options:\n      max-age-months: 12.0\n",
     ".conditionlint.yaml:4:7: CL204 review-overdue options: max-age-months: 12.0 must be "
     "a whole number, e.g. 12"),
    ("rules:\n  CL409:\n    options:\n      years: 2.0\n",
     ".conditionlint.yaml:4:7: CL409 outdated-evidence options: years: 2.0 must be a whole "
     "number, e.g. 2"),
    ("overrides:\n  - files: ['*.md']\n    rules:\n      outdated-evidence:\n"
     "        options: {years: 5.0}\n",
     ".conditionlint.yaml:5:19: CL409 outdated-evidence options: years: 5.0 must be a "
     "whole number, e.g. 5"),
])
def test_a_whole_float_integer_setting_is_a_config_error(tmp_path, config, message):
    rc, out, err = run(tmp_path, config)
    assert rc == 2
    assert f"conditionlint: config error: {tmp_path}/{message}\n" in err
    assert "CL901" not in out


def test_a_toml_exponent_is_no_integer_either(tmp_path):
    rc, out, err = run(tmp_path, "max-file-size = 1e3\n", "--config", "c.toml", name="c.toml")
    assert (rc, out) == (2, "")
    assert err == "conditionlint: config error: c.toml:1:1: max-file-size: 1000.0 must be " \
                  "a whole number, e.g. 1000\n"


def test_a_pyproject_float_option_is_reported_at_its_key(tmp_path):
    rc, _, err = run(tmp_path, "[tool.black]\nline-length = 99\n\n"
                               "[tool.conditionlint.rules.CL409.options]\nyears = 3.0\n",
                     name="pyproject.toml")
    assert rc == 2
    assert f"config error: {tmp_path}/pyproject.toml:5:1: CL409 outdated-evidence " \
           f"options: years: 3.0 must be a whole number, e.g. 3\n" in err


@pytest.mark.parametrize("config", ["max-file-size: 100000\n",
                                    "rules:\n  CL409:\n    options:\n      years: 2\n"])
def test_whole_numbers_written_whole_still_work(tmp_path, config):
    rc, out, err = run(tmp_path, config, "--select", "CL204,CL409")
    assert (rc, err) == (0, "")
    assert out == "All checks passed (1 file checked).\n"


# -- 3: an evidence year written as a float is no whole-number year --------------------
def _good_page(year: str) -> str:
    from pathlib import Path

    text = (Path(__file__).parent.parent / "examples/good/low-back-pain.md").read_text(
        encoding="utf-8")
    assert text.count("    year: 2018\n") == 1
    return text.replace("    year: 2018\n", f"    year: {year}\n")


@pytest.mark.parametrize("year, message", [
    ("2018.0", "evidence[0].year: 2018.0 should be a whole number, written without a "
               "decimal point or exponent (e.g. 2018)"),
    ("1500.0", "evidence[0].year: 1500.0 should be a whole number, written without a "
               "decimal point or exponent (e.g. 1500)"),  # (one finding, not also "minimum")
    ("2030.0", "evidence[0].year: 2030.0 should be a whole number, written without a "
               "decimal point or exponent (e.g. 2030)"),
    ("!!float 2018", "evidence[0].year: 2018.0 should be a whole number, written without "
                     "a decimal point or exponent (e.g. 2018)"),
])
def test_a_float_year_is_cl203_at_its_key_and_not_judged_by_cl409(year, message):
    from conditionlint.api import lint_text

    found = [(f.code, f.line, f.column, f.message)
             for f in lint_text(_good_page(year), today="2045-01-01")
             if f.code not in ("CL204",)]
    # CL409 judges what CL203 accepts: the 2018 meta-analysis cited at line 61 is no
    # year to it now (with "year: 2018" it is reported there); nothing crashes (CL901)
    assert found == [("CL203", 12, 5, message),
                     ("CL409", 34, 1, "the newest evidence this claim cites is from "
                                      "2020, more than 10 years old"),
                     ("CL409", 55, 1, "the newest evidence this claim cites is from "
                                      "2020, more than 10 years old")]


def test_the_same_page_with_a_whole_year_is_judged_by_cl409():
    from conditionlint.api import lint_text

    found = [(f.code, f.line) for f in lint_text(_good_page("2018"), today="2045-01-01")
             if f.code in ("CL203", "CL409")]
    assert found == [("CL409", 34), ("CL409", 55), ("CL409", 61)]


def test_a_float_year_is_reported_by_the_cli_too(tmp_path):
    (tmp_path / "y.md").write_text(_good_page("2018.0"), encoding="utf-8")
    r = run_cli("check", "--no-cache", "--select", "CL203,CL409", "--today", "2045-01-01",
                "--output-format", "concise", "y.md", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.decode().splitlines()[:2] == [
        "y.md:12:5: CL203 [error] evidence[0].year: 2018.0 should be a whole number, "
        "written without a decimal point or exponent (e.g. 2018)",
        "y.md:34:1: CL409 [info] the newest evidence this claim cites is from 2020, more "
        "than 10 years old"]


# -- 8: a rule-paths folder: hidden files are skipped; others must have `kind:` ------------
RULES = rules_file(rule(code="HR001", name="house-miracle", phrases="miracle",
                        severity="warning"))


def test_rule_paths_dot_skips_the_config_itself(tmp_path):
    (tmp_path / "house.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "a.md").write_text("# T\n\nA miracle.\n", encoding="utf-8")
    rc, out, err = run(tmp_path, "rule-paths: [.]\n", "--select", "HR001",
                       "--output-format", "concise")
    assert (rc, err) == (0, "")
    assert out.splitlines()[0] == "a.md:3:3: HR001 [warning] avoid 'miracle'"


def test_a_hidden_yaml_file_in_a_rules_folder_is_not_read(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "rules" / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n", encoding="utf-8")
    rc, out, err = run(tmp_path, "rule-paths: [rules]\n", "--select", "HR001")
    assert (rc, err) == (0, "")
    assert out == "All checks passed (1 file checked).\n"


@pytest.mark.parametrize("text, line", [("# built with mkdocs\nsite_name: x\n", 2),
                                        ("", 1), ("# only a comment\n", 1)])
def test_a_yaml_file_without_kind_is_not_a_rule_file(tmp_path, text, line):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mkdocs.yml").write_text(text, encoding="utf-8")
    rc, out, err = run(tmp_path, "rule-paths: [rules]\n")
    assert (rc, out) == (2, "")
    assert err == (f"conditionlint: config error: {tmp_path}/rules/mkdocs.yml:{line}:1: "
                   f"not a rule file (no `kind:`; a rule file says 'kind: rules' or "
                   f"'kind: lexicon')\n")


# -- 9: one rule named twice in one `rules` ---------------------------------------------
@pytest.mark.parametrize("config, message", [
    ("rules:\n  CL401: warning\n  unsupported-claim: off\n",
     ".conditionlint.yaml:3:3: rules: 'CL401' (line 2, column 3) and 'unsupported-claim' "
     "(line 3, column 3) name the same rule, CL401 unsupported-claim: give its settings "
     "once"),
    ("rules:\n  unsupported-claim: {severity: info}\n  CL204: off\n  cl401: off\n",
     ".conditionlint.yaml:4:3: rules: 'unsupported-claim' (line 2, column 3) and 'cl401' "
     "(line 4, column 3) name the same rule, CL401 unsupported-claim: give its settings "
     "once"),
    ("overrides:\n  - files: ['*.md']\n    rules:\n      unsupported-claim: off\n"
     "      Unsupported-Claim: {severity: info}\n",
     ".conditionlint.yaml:5:7: overrides[0].rules: 'unsupported-claim' (line 4, column 7) "
     "and 'Unsupported-Claim' (line 5, column 7) name the same rule, CL401 "
     "unsupported-claim: give its settings once"),
])
def test_a_rule_named_twice_in_rules_is_a_config_error(tmp_path, config, message):
    rc, out, err = run(tmp_path, config)
    assert (rc, out) == (2, "")
    assert err == f"conditionlint: config error: {tmp_path}/{message}\n"


def test_a_rule_named_twice_in_a_toml_inline_table(tmp_path):
    rc, out, err = run(tmp_path, '[tool.conditionlint]\nrules = { CL401 = "warning", '
                                 'unsupported-claim = "off" }\n', name="pyproject.toml")
    assert (rc, out) == (2, "")
    assert err == (f"conditionlint: config error: {tmp_path}/pyproject.toml:2:30: rules: "
                   f"'CL401' (line 2, column 11) and 'unsupported-claim' (line 2, column "
                   f"30) name the same rule, CL401 unsupported-claim: give its settings "
                   f"once\n")


def test_an_extending_config_may_set_its_base_rule_by_name(tmp_path):
    (tmp_path / "base.yaml").write_text("rules:\n  CL401: off\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# T\n\nAcupuncture cures back pain.\n", encoding="utf-8")
    rc, out, err = run(tmp_path, "extend: base.yaml\nrules:\n  unsupported-claim: on\n",
                       "--select", "CL401", "--output-format", "concise")
    assert (rc, err) == (1, "")
    assert out.splitlines()[0].startswith("a.md:3:1: CL401 [error] ")


# -- 12: a plugin's Problem or fix that cannot be reported or applied as given ------------
BROKEN_PLUGIN = '''
from conditionlint.model import Edit, Fix, Problem
from conditionlint.registry import rule


def _doc(f):
    f.__doc__ = "Misbehaves.\\\\n\\\\n## Why\\\\n\\\\nTests.\\\\n\\\\n## Fix\\\\n\\\\nNone.\\\\n"
    return f


@rule(code="CY301", name="past-the-end", summary="s", severity="error")
@_doc
def past_the_end(doc, options):
    yield Problem(0, 10 ** 6, "m")


@rule(code="CY302", name="negative-start", summary="s", severity="error")
@_doc
def negative_start(doc, options):
    yield Problem(-5, 1, "m")


@rule(code="CY303", name="backwards", summary="s", severity="error")
@_doc
def backwards(doc, options):
    yield Problem(5, 2, "m")


@rule(code="CY304", name="overlapping-fix", summary="s", severity="error", fixable=True)
@_doc
def overlapping_fix(doc, options):
    yield Problem(0, 1, "m", fix=Fix("f", (Edit(0, 3, "a"), Edit(2, 4, "b"))))


@rule(code="CY305", name="fix-past-the-end", summary="s", severity="error", fixable=True)
@_doc
def fix_past_the_end(doc, options):
    yield Problem(0, 1, "m", fix=Fix("f", (Edit(10, 99, ""),)))


@rule(code="CY306", name="backwards-fix", summary="s", severity="error", fixable=True)
@_doc
def backwards_fix(doc, options):
    yield Problem(0, 1, "m", fix=Fix("f", (Edit(4, 2, ""),)))


@rule(code="CY307", name="empty-fix", summary="s", severity="error", fixable=True)
@_doc
def empty_fix(doc, options):
    yield Problem(0, 1, "m", fix=Fix("f", ()))


@rule(code="CY308", name="good-fix", summary="s", severity="error", fixable=True)
@_doc
def good_fix(doc, options):
    if doc.text.startswith("# T"):  # two edits that touch, one insertion: applied whole
        yield Problem(2, 3, "m", fix=Fix("f", (Edit(2, 3, "U"), Edit(3, 3, "!"),
                                                Edit(0, 2, "# "))))
'''


def _broken_plugin(tmp_path):  # noqa: ANN001, ANN202
    import os

    site = tmp_path / "site"
    (site / "cy_plugin").mkdir(parents=True)
    (site / "cy_plugin" / "__init__.py").write_text(BROKEN_PLUGIN, encoding="utf-8")
    info = site / "cy_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cy-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[conditionlint.rules]\ncy = cy_plugin\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.md").write_text("# T\n\nA page.\n", encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}


@pytest.mark.parametrize("code, words", [
    ("CY301", "rule CY301 past-the-end failed on this file: ValueError: yielded a Problem "
              "whose span 0..1000000 is outside the text (0..13)"),
    ("CY302", "rule CY302 negative-start failed on this file: ValueError: yielded a "
              "Problem whose span -5..1 is outside the text (0..13)"),
    ("CY303", "rule CY303 backwards failed on this file: ValueError: yielded a Problem "
              "whose start (5) is after its end (2)"),
    ("CY304", "rule CY304 overlapping-fix failed on this file: ValueError: yielded a fix "
              "whose edits overlap (0..3 and 2..4)"),
    ("CY305", "rule CY305 fix-past-the-end failed on this file: ValueError: yielded a fix "
              "with an edit whose span 10..99 is outside the text (0..13)"),
    ("CY306", "rule CY306 backwards-fix failed on this file: ValueError: yielded a fix "
              "with an edit whose start (4) is after its end (2)"),
    ("CY307", "rule CY307 empty-fix failed on this file: ValueError: yielded a fix with "
              "no edits (a tuple of Edit)"),
])
@pytest.mark.parametrize("fix", [(), ("--fix",)])
def test_a_plugin_problem_or_fix_out_of_shape_is_cl901(tmp_path, code, words, fix):
    env = _broken_plugin(tmp_path)
    r = run_cli("check", "--no-cache", "--select", code, "--output-format", "concise",
                *fix, "pages", cwd=tmp_path, env=env)
    out = r.stdout.decode().splitlines()
    assert "Traceback" not in r.stderr.decode()
    assert r.returncode == 2
    assert len(out) == 2 and out[0].startswith(f"pages/a.md:1:1: CL901 [error] {words} at ")
    # (not counted fixable, and the page is left as it was)
    assert out[1] == "Found 1 problem (1 error, 0 warnings) in 1 file; 0 fixable " \
                     "(1 file checked)."
    assert (tmp_path / "pages" / "a.md").read_text(encoding="utf-8") == "# T\n\nA page.\n"


def test_a_plugin_fix_of_touching_edits_is_applied_whole(tmp_path):
    env = _broken_plugin(tmp_path)
    r = run_cli("check", "--no-cache", "--select", "CY308", "--fix", "pages",
                cwd=tmp_path, env=env)
    assert (r.returncode, r.stderr.decode()) == (0, "")
    assert (tmp_path / "pages" / "a.md").read_text(encoding="utf-8") == "# U!\n\nA page.\n"


# -- 15: a TOML config with our keys both at its top level and in [tool.conditionlint] ----
def test_top_level_keys_beside_the_table_are_a_config_error(tmp_path):
    rc, out, err = run(tmp_path, '# lint settings\nfail-on = "warning"\nselect = ["CL1"]\n\n'
                                 '[tool.conditionlint]\nignore = ["CL102"]\n',
                       "--config", "lint.toml", name="lint.toml")
    assert (rc, out) == (2, "")
    assert err == ("conditionlint: config error: lint.toml:2:1: 'fail-on', 'select' are set "
                   "at the top level, but this file has a [tool.conditionlint] table, which "
                   "is all that is read: move them into the table (or drop the table)\n")


def test_a_pyproject_key_of_ours_beside_the_table_is_a_config_error(tmp_path):
    rc, out, err = run(tmp_path, 'cache = false\n\n[tool.conditionlint]\nignore = ["CL102"]\n',
                       name="pyproject.toml")
    assert (rc, out) == (2, "")
    assert err == (f"conditionlint: config error: {tmp_path}/pyproject.toml:1:1: 'cache' "
                   f"is set at the top level, but this file has a [tool.conditionlint] "
                   f"table, which is all that is read: move it into the table (or drop "
                   f"the table)\n")


@pytest.mark.parametrize("config", [
    'name = "site"\n\n[project]\nname = "x"\n\n[tool.conditionlint]\nselect = ["CL201"]\n',
    'select = ["CL201"]\n',  # (top-level keys alone: read, as before)
])
def test_a_toml_config_of_one_kind_is_read(tmp_path, config):
    rc, out, err = run(tmp_path, config, "--config", "lint.toml", "--output-format",
                       "concise", name="lint.toml")
    assert (rc, err) == (0, "")
    assert [ln.split()[1] for ln in out.splitlines()[:-1]] == ["CL201"]
