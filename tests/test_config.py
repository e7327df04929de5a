"""Config discovery, validation with positions, overrides, exclude, YAML rules."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from tests.house_rules import rule, rules_file

PAGE = "## Symptoms\n\nPain.\n\n## Treatment\n\nRest.\n"  # CL105 (no title)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def concise(tmp_path, *args):
    r = run_cli("check", "-q", "--no-cache", "--output-format", "concise", *args,
                cwd=tmp_path)
    return r, [ln for ln in r.stdout.decode().splitlines() if ln]


def test_unknown_key_is_error_with_line(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "fail-on: error\nselcet: [CL1]\n")
    write(tmp_path, "a.md", PAGE)
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert ".conditionlint.yaml:2:1: unknown key 'selcet'" in r.stderr.decode()


def test_bad_value_names_key_and_line(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "rules:\n  CL105:\n    severity: fatal\n")
    write(tmp_path, "a.md", PAGE)
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert ".conditionlint.yaml:" in err and "CL105" in err


def test_a_bad_rule_setting_names_the_key_or_the_allowed_values(tmp_path):
    # "is not valid under any of the given schemas", with neither, was the message
    write(tmp_path, "a.md", PAGE)
    for cfg, want in (
            ("rules:\n  CL105:\n    severity: warning\n    optionz: {}\n",
             ".conditionlint.yaml:4:5: unknown key 'optionz' in rules.CL105"),
            ("rules:\n  CL105: warnin\n",
             ".conditionlint.yaml:2:3: rules.CL105: 'warnin' is not one of 'error', "
             "'warning', 'info', 'off', 'on'; did you mean 'warning'?"),
            ("rules:\n  CL105:\n    severity: warnin\n",
             ".conditionlint.yaml:3:5: rules.CL105.severity: 'warnin' is not one of "
             "'error', 'warning', 'info'"),
            ("rules:\n  CL105:\n    options: 3\n",
             ".conditionlint.yaml:3:5: rules.CL105.options: 3 should be an object")):
        write(tmp_path, ".conditionlint.yaml", cfg)
        r, _ = concise(tmp_path, "a.md")
        assert r.returncode == 2
        assert want in r.stderr.decode(), r.stderr.decode()
        assert "any of the given schemas" not in r.stderr.decode()


def test_a_toml_config_given_with_config(tmp_path):
    # a TOML file not named pyproject.toml was read as YAML ("must be a mapping"); a
    # pyproject.toml without our table, named with --config, was silently the defaults
    write(tmp_path, "a.md", PAGE)
    write(tmp_path, "lint.toml", 'select = ["CL105"]\n[rules]\nCL105 = "warning"\n')
    r, lines = concise(tmp_path, "--config", "lint.toml", "a.md")
    assert lines == ["a.md:1:1: CL105 [warning] page has no level-1 heading (# Title)"]
    write(tmp_path, "tool.toml", '[tool.conditionlint]\nselect = ["CL105"]\n')
    r, lines = concise(tmp_path, "--config", "tool.toml", "a.md")
    assert [ln.split()[1] for ln in lines] == ["CL105"]
    write(tmp_path, "bad.toml", 'select = ["CL105"]\n[rules]\nCL105 = "warnin"\n')
    r, _ = concise(tmp_path, "--config", "bad.toml", "a.md")
    assert r.returncode == 2 and "bad.toml:3:1: rules.CL105: 'warnin' is not one of" in \
        r.stderr.decode()
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    r, _ = concise(tmp_path, "--config", "pyproject.toml", "a.md")
    assert r.returncode == 2
    assert "pyproject.toml: has no [tool.conditionlint] table; nothing to configure" in \
        r.stderr.decode()


def test_unknown_rule_in_config(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "ignore:\n  - CL105\n  - CL777\n")
    write(tmp_path, "a.md", PAGE)
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert ".conditionlint.yaml:3:5: unknown rule 'CL777' in 'ignore'" in r.stderr.decode()


def test_invalid_yaml_config(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "rules: [unclosed\n")
    write(tmp_path, "a.md", PAGE)
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2 and "invalid YAML" in r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()


def test_bad_rule_option(tmp_path):
    write(tmp_path, ".conditionlint.yaml",
          "rules:\n  CL101:\n    options:\n      sections: 3\n")
    write(tmp_path, "a.md", PAGE)
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert ".conditionlint.yaml:4:7: CL101 missing-section options:" in r.stderr.decode()


def test_closest_config_wins(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "select: [CL105]\n")
    write(tmp_path, "sub/.conditionlint.yaml", "select: [CL101]\n")
    write(tmp_path, "top.md", PAGE)
    write(tmp_path, "sub/inner.md", "# T\n\nx\n")
    _, lines = concise(tmp_path, ".")
    got = sorted((ln.split(":")[0], ln.split()[1]) for ln in lines if "CL1" in ln)
    assert ("top.md", "CL105") in got
    assert ("sub/inner.md", "CL101") in got
    assert all(not (p == "sub/inner.md" and c == "CL105") for p, c in got)
    assert all(not (p == "top.md" and c == "CL101") for p, c in got)


def test_pyproject_table(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname='x'\n\n[tool.conditionlint]\n"
                                      "select = ['CL105']\n")
    write(tmp_path, "a.md", PAGE)
    _, lines = concise(tmp_path, "a.md")
    assert [ln.split()[1] for ln in lines] == ["CL105"]


def test_pyproject_unknown_key_line(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname='x'\n\n[tool.conditionlint]\n"
                                      "select = ['CL105']\nbogus = 1\n")
    write(tmp_path, "a.md", PAGE)
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2 and "pyproject.toml:6:1: unknown key 'bogus'" in r.stderr.decode()


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "select: [CL105]\n")
    write(tmp_path, "sub/pyproject.toml", "[project]\nname='x'\n")
    write(tmp_path, "sub/a.md", PAGE)
    _, lines = concise(tmp_path, "sub/a.md")
    assert [ln.split()[1] for ln in lines] == ["CL105"]


def test_explicit_config_and_missing_config(tmp_path):
    write(tmp_path, "custom.yaml", "select: [CL105]\n")
    write(tmp_path, "a.md", PAGE)
    _, lines = concise(tmp_path, "--config", "custom.yaml", "a.md")
    assert [ln.split()[1] for ln in lines] == ["CL105"]
    r, _ = concise(tmp_path, "--config", "missing.yaml", "a.md")
    assert r.returncode == 2 and "missing.yaml" in r.stderr.decode()


def test_severity_override_and_off(tmp_path):
    write(tmp_path, ".conditionlint.yaml",
          "select: [CL1]\nrules:\n  CL105: warning\n  missing-section: off\n"
          "  CL102: off\n")
    write(tmp_path, "a.md", PAGE)
    r, lines = concise(tmp_path, "a.md")
    assert lines == ["a.md:1:1: CL105 [warning] page has no level-1 heading (# Title)"]
    assert r.returncode == 0


def test_overrides_per_path(tmp_path):
    write(tmp_path, ".conditionlint.yaml",
          "select: [CL105]\noverrides:\n  - files: ['blog/**']\n    rules:\n"
          "      CL105: off\n  - files: ['news/*.md']\n    rules:\n      CL105: info\n")
    write(tmp_path, "a.md", PAGE)
    write(tmp_path, "blog/2026/b.md", PAGE)
    write(tmp_path, "news/c.md", PAGE)
    _, lines = concise(tmp_path, ".")
    assert lines == ["a.md:1:1: CL105 [error] page has no level-1 heading (# Title)",
                     "news/c.md:1:1: CL105 [info] page has no level-1 heading (# Title)"]


def test_command_line_select_beats_the_configs_off_but_not_a_pages_override(tmp_path):
    # --select turns on what the config's global "off" turned off (as ruff's does); a
    # page's overrides ("off", ignore) still hold for that page: --select CL105 (or ALL)
    # used to check blog pages whose override turned CL105 off.
    write(tmp_path, ".conditionlint.yaml",
          "rules:\n  CL105: off\noverrides:\n  - files: ['blog/**']\n    rules:\n"
          "      CL105: off\n  - files: ['news/**']\n    ignore: [CL1]\n")
    for name in ("a.md", "blog/b.md", "news/c.md"):
        write(tmp_path, name, PAGE)
    for sel in ("CL105", "ALL", "CL1"):
        _, lines = concise(tmp_path, "--select", sel, ".")
        assert [ln for ln in lines if "CL105" in ln] == [
            "a.md:1:1: CL105 [error] page has no level-1 heading (# Title)"], sel
    _, lines = concise(tmp_path, ".")
    assert [ln for ln in lines if "CL105" in ln] == []


def test_globs_of_a_config_elsewhere_are_relative_to_it_however_paths_are_written(tmp_path):
    # A config kept in .github/ (given with --config): its globs matched or not by how
    # the folder was written on the command line and where the run started.
    write(tmp_path, ".github/conditionlint.yaml",
          "select: [CL105]\nexclude: ['../content/drafts/**']\n"
          "overrides:\n  - files: ['../content/blog/*.md']\n    rules:\n      CL105: info\n")
    for name in ("content/a.md", "content/drafts/d.md", "content/blog/b.md"):
        write(tmp_path, name, PAGE)
    expected = ["a.md:1:1: CL105 [error] page has no level-1 heading (# Title)",
                "blog/b.md:1:1: CL105 [info] page has no level-1 heading (# Title)"]
    for where, cfg, target in (
            (tmp_path, ".github/conditionlint.yaml", "content"),
            (tmp_path, ".github/conditionlint.yaml", "./content"),
            (tmp_path, ".github/conditionlint.yaml", str(tmp_path / "content")),
            (tmp_path / "content", "../.github/conditionlint.yaml", ".")):
        r = run_cli("check", "-q", "--no-cache", "--output-format", "concise", "--config",
                    cfg, target, cwd=where)
        lines = [ln for ln in r.stdout.decode().splitlines() if ln]
        shown = [ln.split("content/", 1)[-1] for ln in lines]
        assert shown == expected, (where, target, lines)


def test_exclude_and_force_exclude(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "select: [CL105]\nexclude: ['drafts/', '_*.md']\n")
    write(tmp_path, "a.md", PAGE)
    write(tmp_path, "drafts/d.md", PAGE)
    write(tmp_path, "sub/_partial.md", PAGE)
    _, lines = concise(tmp_path, ".")
    assert [ln.split(":")[0] for ln in lines] == ["a.md"]
    # A path named on the command line is checked unless --force-exclude.
    _, named = concise(tmp_path, "drafts/d.md")
    assert [ln.split(":")[0] for ln in named] == ["drafts/d.md"]
    _, forced = concise(tmp_path, "--force-exclude", "drafts/d.md")
    assert forced == []
    # and the folders a walk never enters (pre-commit passes node_modules/x/README.md)
    write(tmp_path, "node_modules/pkg/README.md", PAGE)
    write(tmp_path, ".github/ISSUE.md", PAGE)
    _, forced = concise(tmp_path, "--force-exclude", "node_modules/pkg/README.md",
                        ".github/ISSUE.md", str(tmp_path / "node_modules/pkg/README.md"),
                        "a.md")
    assert [ln.split(":")[0] for ln in forced] == ["a.md"]
    _, named = concise(tmp_path, "node_modules/pkg/README.md")
    assert [ln.split(":")[0] for ln in named] == ["node_modules/pkg/README.md"]
    # the same folders named themselves, and stdin named as a page in one
    _, forced = concise(tmp_path, "--force-exclude", "node_modules", ".github",
                        "node_modules/pkg", "a.md")
    assert [ln.split(":")[0] for ln in forced] == ["a.md"]
    _, named = concise(tmp_path, "node_modules")
    assert [ln.split(":")[0] for ln in named] == ["node_modules/pkg/README.md"]
    r = run_cli("check", "--no-cache", "--output-format", "concise", "--force-exclude",
                "--stdin-filename", "node_modules/pkg/README.md", input=PAGE.encode(),
                cwd=tmp_path)
    assert r.stdout.decode() == "All checks passed (0 files checked).\n"
    assert r.returncode == 0
    r = run_cli("check", "--no-cache", "--output-format", "concise",
                "--stdin-filename", "node_modules/pkg/README.md", input=PAGE.encode(),
                cwd=tmp_path)
    assert "node_modules/pkg/README.md:1:1: CL105" in r.stdout.decode()
    # a folder whose pages are all excluded: said, not only "0 files checked"
    write(tmp_path, "drafts/e.md", PAGE)
    write(tmp_path, ".conditionlint.yaml", "select: [CL105]\nexclude: ['drafts/**']\n")
    r = run_cli("check", "--no-cache", "drafts", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stdout.decode() == "All checks passed (0 files checked).\n"
    assert r.stderr.decode() == (
        "conditionlint: note: no Markdown pages found in drafts: none there, or the "
        "config's exclude leaves them out (--show-config PATH shows which)\n")
    assert run_cli("check", "--no-cache", "--force-exclude", "drafts/e.md",
                   cwd=tmp_path).stderr == b""  # pre-commit stays quiet


def test_user_yaml_rule_from_rule_paths(tmp_path):
    write(tmp_path, "house/rules.yaml", rules_file(rule(phrases="miracle cure, wonder drug")))
    write(tmp_path, ".conditionlint.yaml", "rule-paths: [house]\nselect: [HX001]\n")
    write(tmp_path, "a.md", "# T\n\nThis is a Miracle  cure for pain.\n")
    r, lines = concise(tmp_path, "a.md")
    assert lines == ["a.md:3:11: HX001 [error] avoid 'Miracle cure'"]
    assert r.returncode == 1


def test_sarif_describes_rule_paths_rules(tmp_path):
    # tool.driver.rules listed the built-in rules only: a user rule's results had no
    # ruleIndex, no summary, no help
    write(tmp_path, "house/rules.yaml", rules_file())
    write(tmp_path, ".conditionlint.yaml", "rule-paths: [house]\nselect: [HX001]\n")
    write(tmp_path, "a.md", "# T\n\nThis is a miracle cure for pain.\n")
    r = run_cli("check", "--no-cache", "--output-format", "sarif", "a.md", cwd=tmp_path)
    run = json.loads(r.stdout)["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    (res,) = run["results"]
    assert res["ruleId"] == "HX001" and ids[res["ruleIndex"]] == "HX001"
    entry = run["tool"]["driver"]["rules"][res["ruleIndex"]]
    assert entry["shortDescription"] == {"text": "Do not call anything a miracle."}
    assert "CL101" in ids
    # and `rules` / `rule` know it (they answered "unknown rule", exit 2)
    listed = run_cli("rules", "--output-format", "json", cwd=tmp_path)
    assert {"code": "HX001", "name": "no-miracle", "severity": "error", "fixable": False,
            "summary": "Do not call anything a miracle.", "origin": "yaml:rules.yaml",
            "url": None} in json.loads(listed.stdout)
    shown = run_cli("rule", "no-miracle", cwd=tmp_path)
    assert shown.returncode == 0
    assert shown.stdout.decode().startswith("# HX001 no-miracle\n")
    elsewhere = run_cli("rule", "HX001", "--config", str(tmp_path / ".conditionlint.yaml"),
                        cwd=tmp_path / "house")
    assert elsewhere.returncode == 0
    assert run_cli("rule", "HX001", cwd=tmp_path / "house").returncode == 0  # config above


def test_command_line_selectors_know_rule_paths_rules(tmp_path):
    # --select/--extend-select/--ignore used to be checked before any config was read,
    # so a rule from rule-paths was "unknown" there while the config could name it.
    write(tmp_path, "house/rules.yaml", rules_file())
    write(tmp_path, ".conditionlint.yaml", "rule-paths: [house]\n")
    write(tmp_path, "a.md", "# T\n\nThis is a miracle cure for pain.\n")
    for args in (("--select", "HX001"), ("--select", "no-miracle"), ("--select", "HX"),
                 ("--select", "CL105", "--extend-select", "HX001")):
        r, lines = concise(tmp_path, *args, "a.md")
        assert "a.md:3:11: HX001 [error] avoid 'miracle cure'" in lines, args
        assert r.returncode == 1
    r, lines = concise(tmp_path, "--ignore", "HX001", "a.md")
    assert not any("HX001" in ln for ln in lines) and lines
    # --config names the config from elsewhere; stdin uses --stdin-filename's folder
    write(tmp_path, "other/b.md", "# T\n\nA miracle cure.\n")
    r, lines = concise(tmp_path, "--config", ".conditionlint.yaml", "--select", "HX001",
                       "other/b.md")
    assert lines == ["other/b.md:3:3: HX001 [error] avoid 'miracle cure'"]
    r = run_cli("check", "-q", "--no-cache", "--output-format", "concise", "--select",
                "HX001", "--stdin-filename", "x.md", "-", cwd=tmp_path,
                input=b"# T\n\nA miracle cure.\n")
    assert r.stdout.decode().splitlines() == ["x.md:3:3: HX001 [error] avoid 'miracle cure'"]
    # still unknown: a code no config applying to the named paths defines
    write(tmp_path, "elsewhere/c.md", "# T\n")
    write(tmp_path, "elsewhere/.conditionlint.yaml", "fail-on: error\n")
    for args in (("--select", "HX999", "a.md"), ("--ignore", "HX001", "elsewhere/c.md")):
        r, _ = concise(tmp_path, *args)
        assert r.returncode == 2, args
        assert f"error: unknown rule {args[1]!r}" in r.stderr.decode()


def test_user_yaml_rule_pattern_errors_have_positions(tmp_path):
    write(tmp_path, "house/rules.yaml", """\
kind: rules
rules:
  - code: HX001
    name: bad-pattern
    summary: s
    severity: error
    patterns: ['(?<!x)cure']
    message: m
""")
    write(tmp_path, ".conditionlint.yaml", "rule-paths: [house]\n")
    write(tmp_path, "a.md", PAGE)
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "rules.yaml:7:16: pattern '(?<!x)cure': not a pattern the linear-time RE2 " \
           "engine accepts" in err
    assert "look-arounds" in err and "Traceback" not in err


def test_catastrophic_user_pattern_runs_in_linear_time(tmp_path):
    # (a+)+$ makes Python's engine backtrack exponentially on 'aaaa...b'; user
    # patterns run on RE2, so this finishes at once and still matches where it should.
    write(tmp_path, "house/rules.yaml", """\
kind: rules
rules:
  - code: HX002
    name: runs-of-a
    summary: s
    severity: warning
    patterns: ['(a+)+$', 'cure[sd]?']
    message: "found '{match}'"
""")
    write(tmp_path, ".conditionlint.yaml", "rule-paths: [house]\nselect: [HX002]\n")
    write(tmp_path, "a.md", "# T\n\n" + "a" * 50_000 + "b\n\nIt cures. Then aaa\n")
    r, lines = concise(tmp_path, "a.md")
    assert lines == ["a.md:5:4: HX002 [warning] found 'cures'",
                     "a.md:5:16: HX002 [warning] found 'aaa'"]
    assert r.returncode == 0


def test_init_writes_valid_config(tmp_path):
    r = run_cli("init", cwd=tmp_path)
    assert r.returncode == 0
    text = (tmp_path / ".conditionlint.yaml").read_text()
    assert "CL101" in text and "CL904" in text
    write(tmp_path, "a.md", PAGE)
    show = run_cli("check", "--show-config", "a.md", cwd=tmp_path)
    assert show.returncode == 0, show.stderr
    assert json.loads(show.stdout)["config-file"].endswith(".conditionlint.yaml")
    assert run_cli("init", cwd=tmp_path).returncode == 2  # exists; needs --force


def test_bad_glob_is_a_config_error_with_its_place(tmp_path):
    # These used to end in a traceback (re.error, exit 1); '[[' also leaked a
    # FutureWarning from Python's regex compiler.
    write(tmp_path, "a.md", PAGE)
    cases = {
        "exclude: ['[z-a].md']\n":
            ".conditionlint.yaml:1:11: bad pattern '[z-a].md' in 'exclude': the range 'z-a' "
            "runs backwards",
        "exclude: [x.md, '[]']\n":
            ".conditionlint.yaml:1:17: bad pattern '[]' in 'exclude': '[]' matches nothing",
        "overrides:\n  - files: ['[z-a]']\n    ignore: [CL105]\n":
            ".conditionlint.yaml:2:13: bad pattern '[z-a]' in 'files': the range 'z-a' runs "
            "backwards",
    }
    for text, message in cases.items():
        write(tmp_path, ".conditionlint.yaml", text)
        r, _ = concise(tmp_path, "a.md")
        assert r.returncode == 2, text
        err = r.stderr.decode()
        assert message in err, err
        assert "Traceback" not in err


def test_glob_classes(tmp_path):
    write(tmp_path, ".conditionlint.yaml",
          "exclude: ['[!a-c].md', 'x[[:]].md', 'y[ab-].md']\n")
    for name in ("a.md", "d.md", "x:].md", "xq.md", "y-.md", "yb.md", "yc.md"):
        write(tmp_path, name, PAGE)
    r, lines = concise(tmp_path, ".")
    assert "Warning" not in r.stderr.decode()
    assert sorted({ln.split(":")[0] for ln in lines}) == ["a.md", "xq.md", "yc.md"]


def test_pyproject_whose_tool_is_not_a_table_is_not_ours(tmp_path):
    # "tool = 5" used to raise AttributeError (a traceback, exit 1) on every run.
    write(tmp_path, "pyproject.toml", "tool = 5\n")
    write(tmp_path, "a.md", PAGE)
    r, lines = concise(tmp_path, "a.md")
    assert r.returncode == 1 and "Traceback" not in r.stderr.decode()
    assert any(" CL105 " in ln for ln in lines)


def test_max_file_size_has_a_ceiling(tmp_path):
    # 2**63 - 1 passed the schema and then failed every file (OverflowError, CL901).
    write(tmp_path, "a.md", PAGE)
    write(tmp_path, ".conditionlint.yaml", "max-file-size: 9223372036854775807\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert ".conditionlint.yaml:1:1: max-file-size: 9223372036854775807 is greater than " \
           "the maximum of 1099511627776" in r.stderr.decode()
    write(tmp_path, ".conditionlint.yaml", "max-file-size: 1099511627776\n")
    r, lines = concise(tmp_path, "a.md")
    assert r.returncode == 1 and any(" CL105 " in ln for ln in lines)


def test_force_exclude_does_not_depend_on_how_a_path_is_spelled(tmp_path):
    # a project kept in a hidden folder, checked from inside it: the folder holding the
    # working folder is no skipped folder, however the page is named ("../.proj/..."
    # was passed over while the absolute path was checked)
    proj = tmp_path / ".proj"
    write(proj, ".conditionlint.yaml", "select: [CL105]\n")
    write(proj, "content/x.md", PAGE)
    write(tmp_path, "other/node_modules/y.md", PAGE)
    for spelled in ("content/x.md", "./content/x.md", "../.proj/content/x.md",
                    str(proj / "content/x.md"), "content/../content/x.md"):
        _, lines = concise(proj, "--force-exclude", spelled)
        assert len(lines) == 1 and lines[0].endswith(
            "CL105 [error] page has no level-1 heading (# Title)"), (spelled, lines)
    # outside the working folder: the folders below the one the two share still count
    for spelled in ("../other/node_modules/y.md", str(tmp_path / "other/node_modules/y.md")):
        _, lines = concise(proj, "--force-exclude", spelled)
        assert lines == [], spelled


def test_force_exclude_applies_to_stdin_filename(tmp_path):
    # It used to be ignored for '-': an excluded draft piped in was still reported.
    write(tmp_path, ".conditionlint.yaml", 'exclude: ["drafts/**"]\n')
    page = b"# T\n\nIt helps \xc3\xa2\xe2\x82\xac\xe2\x80\x9d a lot.\n"
    for name, reported in (("drafts/x.md", False), ("content/x.md", True)):
        r = run_cli("check", "--no-cache", "--output-format", "concise", "--force-exclude",
                    "--stdin-filename", name, "-", cwd=tmp_path, input=page)
        assert (b"CL301" in r.stdout) == reported, (name, r.stdout)
        assert r.returncode == (1 if reported else 0)
        r = run_cli("check", "--fix", "--force-exclude", "--stdin-filename", name, "-",
                    cwd=tmp_path, input=page)
        assert (r.stdout == page) != reported
    r = run_cli("check", "--no-cache", "--output-format", "concise", "--stdin-filename",
                "drafts/x.md", "-", cwd=tmp_path, input=page)  # named, not forced
    assert b"CL301" in r.stdout


def test_an_option_value_that_names_nothing_is_a_config_error(tmp_path):
    # "sections: [symptomz]" required nothing and "page-types: [conditon]" turned CL503
    # off for condition pages, silently
    write(tmp_path, "a.md", PAGE)
    for cfg, want in (
            ("rules:\n  CL101:\n    options:\n      sections: [symptomz]\n",
             ":4:18: CL101 missing-section options: sections[0]: 'symptomz' is not one of "
             "'causes', "),
            ("rules:\n  CL102:\n    options:\n      sections: [causes, causez]\n",
             ":4:26: CL102 missing-recommended-section options: sections[1]: 'causez'"),
            ("rules:\n  CL503:\n    options:\n      page-types: [conditon]\n",
             ":4:20: CL503 missing-urgent-care-advice options: page-types[0]: 'conditon' is "
             "not one of 'condition', 'symptom', 'therapy', 'test'")):
        write(tmp_path, ".conditionlint.yaml", cfg)
        r, _ = concise(tmp_path, "a.md")
        assert r.returncode == 2 and want in r.stderr.decode(), r.stderr.decode()
    write(tmp_path, ".conditionlint.yaml",
          "rules:\n  CL101:\n    options:\n      sections: [symptoms, treatment]\n")
    r, lines = concise(tmp_path, "--select", "CL101", "a.md")
    assert r.returncode == 0 and lines == []
