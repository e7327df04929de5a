"""Config attacks: invalid YAML, wrong types, unknown rule codes and users' regular
expressions that would hang Python's backtracking engine. Each is exit 2 with the
file's line and column, before any page is read; never a traceback."""

from __future__ import annotations

import pytest

from conditionlint.yamlrules import pattern_problem
from tests.conftest import run_cli

PAGE = "# Back pain\n\nBack pain is common.\n"


def run(tmp_path, config: str, *args: str):  # noqa: ANN001, ANN201
    (tmp_path / ".conditionlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    r = run_cli("check", "--no-cache", *args, "a.md", cwd=tmp_path)
    err = r.stderr.decode()
    assert "Traceback" not in err
    return r.returncode, err


@pytest.mark.parametrize("config, message", [
    ("select: [CL101\n", ".conditionlint.yaml:1:9: invalid YAML: while parsing a flow "
                         "sequence, did not find expected ',' or ']'"),
    ("max-file-size: big\n", ".conditionlint.yaml:1:1: max-file-size: 'big' should be an "
                             "integer"),
    ("ignore: 5\n", ".conditionlint.yaml:1:1: ignore: 5 should be an array"),
    ("select: [CL999]\n", ".conditionlint.yaml:1:10: unknown rule 'CL999' in 'select'"),
    ("a: &x [1]\nb: *x\n", ".conditionlint.yaml:1:4: anchors and aliases"),
    ("a: !!python/object/apply:os.system ['true']\n",
     ".conditionlint.yaml:1:4: the tag 'tag:yaml.org,2002:python/object/apply:os.system' "
     "is not allowed"),
])
def test_bad_config_is_exit_2_with_position(tmp_path, config, message):
    rc, err = run(tmp_path, config)
    assert rc == 2
    assert "conditionlint: config error: " in err and message in err


def test_unknown_rule_on_the_command_line(tmp_path):
    rc, err = run(tmp_path, "{}\n", "--select", "CL999")
    assert rc == 2
    assert "conditionlint: error: unknown rule 'CL999' (see 'conditionlint rules')" in err


@pytest.mark.parametrize("pattern", [
    r"(a+)+$", r"(a*)*$", r"(a|aa)+$", r"^(\w+\s?)+$", r"(x+x+)+y", r"(?:a+){2,}$",
    r"(.*a){8}z", r"(a{1,5}){1,9}$", r"\s*\s*\s*x", r"[a-z]+[a-z]+b",
])
def test_catastrophic_patterns_are_refused(pattern):
    assert pattern_problem(pattern) is not None


@pytest.mark.parametrize("pattern", [
    r"\bcures?\b", r"\b\d{1,3}\s?%\s+(?:of\s+)?(?:patients|people)\b",
    r"guaranteed?\s+(?:results|relief)", r"(?<!not )proven\b", r"\w+\s\w+", r"a*b*",
])
def test_ordinary_patterns_are_allowed(pattern):
    assert pattern_problem(pattern) is None


def test_catastrophic_user_rule_runs_on_re2_and_does_not_hang(tmp_path):
    # The guard's textbook case for Python's engine; user patterns run on RE2.
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "rules.yaml").write_text(
        "kind: rules\nrules:\n  - code: HX001\n    name: slow\n    summary: s\n"
        "    severity: error\n    patterns: ['\\s*\\s*\\s*\\s*\\s*\\s*x']\n    message: m\n",
        encoding="utf-8")
    (tmp_path / "b.md").write_text("# T\n\n" + " " * 100_000 + "y\n", encoding="utf-8")
    (tmp_path / ".conditionlint.yaml").write_text("rule-paths: [house]\nselect: [HX001]\n")
    r = run_cli("check", "--no-cache", "--output-format", "concise", "b.md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().startswith("All checks passed")
    assert b"Traceback" not in r.stderr

def test_config_errors_speak_of_the_file_not_front_matter(tmp_path):
    # The YAML guard's messages were written for front matter, and said so for a
    # config or rule file too ("... not allowed in front matter").
    rc, err = run(tmp_path, "a: &x 1\nb: *x\n")
    assert rc == 2
    assert ".conditionlint.yaml:1:4: anchors and aliases ('&' and '*') are not allowed in " \
           "this file" in err
    assert "front matter" not in err
