"""A config's ``extend``: starting from another config file (as ruff's ``extend``)."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from tests.house_rules import rule, rules_file

PAGE = "## Symptoms\n\nPain.\n\n## Treatment\n\nRest.\n"  # CL105 (no title), CL101...
OLD = """\
---
title: Old evidence
evidence:
  - id: old
    title: An old trial of rest
    year: 2012
    design: rct
    doi: 10.1000/xyz123
---
# Old evidence

Rest reduces pain by half [@old].
"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def concise(tmp_path, *args, cache=False):
    r = run_cli("check", "-q", *(() if cache else ("--no-cache",)), "--output-format",
                "concise", *args, cwd=tmp_path)
    return r, [ln for ln in r.stdout.decode().splitlines() if ln]


def found(lines):
    return sorted({(ln.split(":")[0], ln.split()[1]) for ln in lines})


def test_a_config_starts_from_its_base_with_the_bases_paths_relative_to_the_base(tmp_path):
    write(tmp_path, "site/.conditionlint.yaml", """\
select: [CL1]
exclude: ["drafts/**"]
overrides:
  - files: ["blog/old/**"]
    ignore: [CL105]
""")
    write(tmp_path, "site/blog/.conditionlint.yaml",
          "extend: ../.conditionlint.yaml\nignore: [CL102]\n")
    for name in ("site/drafts/a.md", "site/blog/drafts/b.md", "site/blog/old/c.md",
                 "site/blog/d.md"):
        write(tmp_path, name, PAGE)
    r, lines = concise(tmp_path, "site")
    got = found(lines)
    # the base's exclude is relative to site/: site/drafts is skipped, site/blog/drafts
    # is not; its override (blog/old/**) still means site/blog/old; the child's own
    # ignore comes on top of the base's select
    assert ("site/drafts/a.md", "CL105") not in got
    assert ("site/blog/drafts/b.md", "CL105") in got
    assert ("site/blog/old/c.md", "CL105") not in got
    assert ("site/blog/old/c.md", "CL101") in got
    assert ("site/blog/d.md", "CL105") in got
    assert not [c for _, c in got if c == "CL102" or not c.startswith("CL1")]
    assert r.returncode == 1


def test_a_select_in_the_child_starts_the_selection_again(tmp_path):
    write(tmp_path, "base.yaml", "select: [CL101]\nfail-on: warning\n")
    write(tmp_path, "docs/.conditionlint.yaml", "extend: ../base.yaml\nselect: [CL105]\n")
    write(tmp_path, "docs/a.md", PAGE)
    _, lines = concise(tmp_path, "docs/a.md")
    assert found(lines) == [("docs/a.md", "CL105")]


def test_fail_on_and_rule_settings_are_inherited_and_merged_rule_by_rule(tmp_path):
    write(tmp_path, "base.yaml", """\
select: [CL409]
fail-on: info
rules:
  CL409:
    severity: warning
    options: {years: 20}
""")
    write(tmp_path, "a/.conditionlint.yaml", "extend: ../base.yaml\n")
    write(tmp_path, "b/.conditionlint.yaml",
          "extend: ../base.yaml\nrules:\n  CL409:\n    options: {years: 5}\n")
    write(tmp_path, "a/p.md", OLD)
    write(tmp_path, "b/p.md", OLD)
    r, lines = concise(tmp_path, "--today", "2026-11-30", "a/p.md")
    assert lines == [] and r.returncode == 0  # 20 years: not outdated
    r, lines = concise(tmp_path, "--today", "2026-11-30", "b/p.md")
    # the child's years, the base's severity and fail-on
    assert len(lines) == 1 and "CL409 [warning]" in lines[0], lines
    assert r.returncode == 1


def test_the_base_can_extend_another_and_the_chain_is_shown(tmp_path):
    write(tmp_path, "org.yaml", "ignore: [CL101]\n")
    write(tmp_path, "site/base.yaml", "extend: ../org.yaml\nignore: [CL102]\n")
    write(tmp_path, "site/pages/.conditionlint.yaml", "extend: ../base.yaml\n")
    write(tmp_path, "site/pages/a.md", PAGE)
    _, lines = concise(tmp_path, "site/pages/a.md")
    got = {c for _, c in found(lines)}
    assert "CL105" in got and "CL101" not in got and "CL102" not in got
    r = run_cli("check", "--show-config", "site/pages/a.md", cwd=tmp_path)
    shown = json.loads(r.stdout)
    assert [p.replace("\\", "/").split("/")[-2:] for p in shown["extends"]] == [
        ["site", "base.yaml"], [tmp_path.name, "org.yaml"]]
    assert "CL101" not in shown["rules"] and "CL105" in shown["rules"]


def test_a_loop_a_missing_base_and_an_error_in_the_base_are_config_errors(tmp_path):
    write(tmp_path, "a.md", PAGE)
    write(tmp_path, ".conditionlint.yaml", "fail-on: error\nextend: other.yaml\n")
    write(tmp_path, "other.yaml", "extend: .conditionlint.yaml\n")
    r, _ = concise(tmp_path, "a.md")
    err = r.stderr.decode()
    assert r.returncode == 2
    assert "other.yaml:1:1: 'extend' makes a loop:" in err, err
    assert "Traceback" not in err

    write(tmp_path, ".conditionlint.yaml", "fail-on: error\nextend: nowhere.yaml\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert ".conditionlint.yaml:2:1: 'extend': config file" in r.stderr.decode()
    assert "nowhere.yaml' does not exist" in r.stderr.decode()

    (tmp_path / "folder.yaml").mkdir()
    write(tmp_path, ".conditionlint.yaml", "extend: folder.yaml\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert "folder.yaml' is not a regular file" in r.stderr.decode()

    (tmp_path / "binary.yaml").write_bytes(b"\xff\xfe\x00junk")
    write(tmp_path, ".conditionlint.yaml", "extend: binary.yaml\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert "binary.yaml:1:1: config file is not UTF-8: it starts with the UTF-16 " \
           "byte-order mark FF FE; save it as UTF-8\n" in r.stderr.decode()

    write(tmp_path, ".conditionlint.yaml", "extend: other.yaml\n")
    write(tmp_path, "other.yaml", "fail-on: error\nrules:\n  CL999: off\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert "other.yaml:3:3: unknown rule 'CL999' in 'rules'" in r.stderr.decode()

    write(tmp_path, "other.yaml", "extend: 3\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2 and "other.yaml:1:" in r.stderr.decode()


def test_a_base_pyproject_must_have_our_table_and_a_toml_child_can_extend(tmp_path):
    write(tmp_path, "a.md", PAGE)
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path, ".conditionlint.yaml", "extend: pyproject.toml\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert "pyproject.toml: has no [tool.conditionlint] table" in r.stderr.decode()

    (tmp_path / ".conditionlint.yaml").unlink()
    write(tmp_path, "base.yaml", "select: [CL105, CL101]\n")
    write(tmp_path, "pyproject.toml",
          "[tool.conditionlint]\nextend = 'base.yaml'\nignore = ['CL101']\n")
    _, lines = concise(tmp_path, "a.md")
    assert found(lines) == [("a.md", "CL105")]


def test_a_bases_rule_paths_rules_can_be_named_and_run_from_the_child(tmp_path):
    write(tmp_path, "house/rules.yaml", rules_file(rule(severity="warning")))
    write(tmp_path, "base.yaml", "rule-paths: [house]\n")
    write(tmp_path, "pages/.conditionlint.yaml",
          "extend: ../base.yaml\nselect: [HX001]\nrules:\n  HX001: error\n")
    write(tmp_path, "pages/a.md", "# T\n\nA miracle cure.\n")
    r, lines = concise(tmp_path, "pages/a.md")
    assert lines == ["pages/a.md:3:3: HX001 [error] avoid 'miracle cure'"]
    assert r.returncode == 1


def test_a_change_in_the_base_is_seen_by_a_cached_run(tmp_path):
    write(tmp_path, "base.yaml", "select: [CL105]\n")
    write(tmp_path, "pages/.conditionlint.yaml", "extend: ../base.yaml\n")
    write(tmp_path, "pages/a.md", PAGE)
    _, first = concise(tmp_path, "pages/a.md", cache=True)
    assert found(first) == [("pages/a.md", "CL105")]
    write(tmp_path, "base.yaml", "select: [CL105]\nignore: [CL105]\n")
    r, second = concise(tmp_path, "pages/a.md", cache=True)
    assert second == [] and r.returncode == 0


def test_on_turns_back_on_what_the_base_turned_off(tmp_path):
    write(tmp_path, "base.yaml", "rules:\n  CL105: off\n  CL101: off\n")
    write(tmp_path, "a/.conditionlint.yaml", "extend: ../base.yaml\nrules:\n  CL105: on\n")
    write(tmp_path, "b/.conditionlint.yaml",
          "extend: ../base.yaml\nrules:\n  CL105: 'on'\n  CL101: warning\n")
    write(tmp_path, "c/.conditionlint.yaml", "extend: ../base.yaml\n")
    for d in "abc":
        write(tmp_path, f"{d}/p.md", PAGE)
    _, lines = concise(tmp_path, ".")
    got = found(lines)
    assert ("a/p.md", "CL105") in got and ("b/p.md", "CL105") in got
    assert ("c/p.md", "CL105") not in got
    # a severity set later turns the rule back on with that severity (fix session 20;
    # it used to set the severity and leave the rule off)
    assert [p for p, c in got if c == "CL101"] == ["b/p.md"]


def test_a_misspelt_key_gets_a_suggestion(tmp_path):
    write(tmp_path, "a.md", PAGE)
    write(tmp_path, ".conditionlint.yaml", "fial-on: error\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.returncode == 2
    assert r.stderr.decode() == ("conditionlint: config error: "
                                 f"{tmp_path / '.conditionlint.yaml'}:1:1: unknown key "
                                 "'fial-on'; did you mean 'fail-on'?\n")
    write(tmp_path, ".conditionlint.yaml", "rules:\n  CL105:\n    severty: error\n")
    r, _ = concise(tmp_path, "a.md")
    assert "3:5: unknown key 'severty' in rules.CL105; did you mean 'severity'?" in \
        r.stderr.decode()
    write(tmp_path, ".conditionlint.yaml", "zzz: 1\n")
    r, _ = concise(tmp_path, "a.md")
    assert r.stderr.decode().endswith("unknown key 'zzz'\n")


def test_a_rule_defined_twice_across_rule_paths_is_a_config_error(tmp_path):
    # the base's HX001 won and the extending config's vanished without a word
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "rules.yaml").write_text(rules_file(), "utf-8")
    (tmp_path / ".conditionlint.yaml").write_text("rule-paths: [r/]\n", "utf-8")
    sub = tmp_path / "sub"
    (sub / "r").mkdir(parents=True)
    (sub / "r" / "rules.yaml").write_text(rules_file(rule(phrases="wonder drug")), "utf-8")
    (sub / ".conditionlint.yaml").write_text(
        "extend: ../.conditionlint.yaml\nrule-paths: [r/]\n", "utf-8")
    (sub / "p.md").write_text("# T\n\nA miracle cure.\n", "utf-8")
    r = run_cli("check", "--no-cache", "p.md", cwd=sub)
    assert r.returncode == 2
    # at the second definition's code, naming the first's file, line and column
    # (fix23: it used to name the config, with no line)
    assert r.stderr.decode() == (
        f"conditionlint: config error: {sub / 'r' / 'rules.yaml'}:3:11: rule HX001 "
        f"no-miracle has the same code as rule HX001 no-miracle at "
        f"{tmp_path / 'r' / 'rules.yaml'}:3:11 (rule-paths of "
        f"{sub / '.conditionlint.yaml'} and the configs it extends): give each rule "
        f"its own code and name\n")
    # one file reached twice (the base's folder named again from below) is one file
    (sub / ".conditionlint.yaml").write_text(
        "extend: ../.conditionlint.yaml\nrule-paths: [../r/]\n", "utf-8")
    r = run_cli("check", "--no-cache", "--select", "HX001", "--output-format", "concise",
                "p.md", cwd=sub)
    assert r.returncode == 1, r.stderr
    assert r.stdout.decode().startswith("p.md:3:3: HX001 [error] avoid 'miracle cure'")
    # two rules of one file with one name: the second vanished
    (sub / ".conditionlint.yaml").write_text("rule-paths: [r/]\n", "utf-8")
    (sub / "r" / "rules.yaml").write_text(
        rules_file(rule(), rule("HX002", phrases="wonder drug")), "utf-8")
    r = run_cli("check", "--no-cache", "p.md", cwd=sub)
    assert r.returncode == 2
    rules = sub / "r" / "rules.yaml"
    assert f"config error: {rules}:10:11: rule HX002 no-miracle has the same name as " \
           f"rule HX001 no-miracle at {rules}:4:11 (" in r.stderr.decode()
    # one code twice in one file: the second one's line, not the first match of the
    # code in the file's text
    (sub / "r" / "rules.yaml").write_text(
        rules_file(rule(), rule(name="'no-wonder'", phrases="wonder drug")), "utf-8")
    r = run_cli("check", "--no-cache", "p.md", cwd=sub)
    assert r.returncode == 2
    assert f"config error: {rules}:9:11: rule HX001 no-wonder has the same code as " \
           f"rule HX001 no-miracle at {rules}:3:11 (" in r.stderr.decode()
