"""Audit25 findings: text nested past the Markdown parser's depth (1), broken configs
and missing paths in the machine reports (2), the invisible characters CL304-CL306
name (3), config files that are not UTF-8 (4), and the summary line of a run with a
missing path (5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conditionlint.api import lint_text
from tests.conftest import run_cli

ROOT = Path(__file__).parent.parent
TODAY = "2026-11-29"
GOOD = (ROOT / "examples/good/low-back-pain.md").read_text(encoding="utf-8")
CLAIM = "Acupuncture is a safe, proven therapy that cures back pain.\n"


def _deep_message(first: int, last: int | None = None) -> str:
    what = "it was" if last is None else f"lines {first}-{last} were"
    return (f"line {first} is nested 100 levels deep or more (a blockquote is one level, "
            f"a list two), deeper than the Markdown parser reads: {what} not checked "
            f"(claims, evidence, sections); nest less")


def found(text: str, select=None):  # noqa: ANN001, ANN201
    return [(f.code, f.severity, f.line, f.column, f.end_line, f.end_column, f.message)
            for f in lint_text(text, today=TODAY, select=select)]


# -- 1: text nested past the parser's depth is reported, not passed ---------------------
def test_a_claim_in_150_nested_blockquotes_is_a_cl903_error_not_a_pass():
    # (the claim is found where the parser reads it)
    assert [c for c, *_ in found(GOOD + "\n" + CLAIM)] == ["CL407"]
    line = GOOD.count("\n") + 2
    deep = "> " * 150 + CLAIM
    assert found(GOOD + "\n" + deep) == [
        ("CL903", "error", line, 1, line, len(deep), _deep_message(line))]


def test_49_nested_lists_are_read_and_50_are_not():
    assert [c for c, *_ in found(GOOD + "\n" + "- " * 49 + CLAIM)] == ["CL407"]
    line = GOOD.count("\n") + 2
    assert [(c, ln, m) for c, _, ln, _, _, _, m in found(GOOD + "\n" + "- " * 50 + CLAIM)] \
        == [("CL903", line, _deep_message(line))]


def test_99_blockquotes_are_read_and_100_are_not():
    assert [c for c, *_ in found(GOOD + "\n" + "> " * 99 + CLAIM)] == ["CL407"]
    line = GOOD.count("\n") + 2
    assert [(c, ln) for c, _, ln, *_ in found(GOOD + "\n" + "> " * 100 + CLAIM)] == [
        ("CL903", line)]


def test_each_run_of_lines_passed_over_is_named_and_the_rest_is_checked():
    text = ("# T\n\n" + "> " * 120 + "a\n" + "> " * 120 + "b\n\nIt cures back pain.\n\n"
            + "> " * 101 + "c\n")
    deep = [(ln, col, end_ln, m) for c, _, ln, col, end_ln, _, m in
            found(text, select=["CL407", "CL903"]) if c == "CL903"]
    assert deep == [(3, 1, 3, _deep_message(3, 4)), (8, 1, 8, _deep_message(8))]
    assert [(c, ln, col) for c, _, ln, col, *_ in found(text, select=["CL407"])] == [
        ("CL903", 3, 1), ("CL407", 6, 4), ("CL903", 8, 1)]


def test_a_list_nested_too_deep_hides_the_rest_of_the_page_and_says_so():
    # markdown-it passes over the rest of the list item, which here is the page's end:
    # the paragraph after the list, claim and all, was never read either
    items = "".join("  " * i + "- x\n" for i in range(60))
    text = "# T\n\n" + items + "\nIt cures back pain.\n"
    assert [(c, ln, m) for c, _, ln, _, _, _, m in found(text, select=["CL407"])] == [
        ("CL903", 52, _deep_message(52, 64))]


def test_the_cli_fails_a_page_with_text_too_deep(tmp_path):
    (tmp_path / "p.md").write_text(GOOD + "\n" + "> " * 150 + CLAIM, encoding="utf-8")
    r = run_cli("check", "--no-cache", "--today", TODAY, "--output-format", "concise",
                "p.md", cwd=tmp_path)
    line = GOOD.count("\n") + 2
    assert (r.returncode, r.stderr) == (1, b"")
    assert r.stdout.decode() == (
        f"p.md:{line}:1: CL903 [error] {_deep_message(line)}\n"
        f"Found 1 problem (1 error, 0 warnings) in 1 file; 0 fixable (1 file checked).\n")


# -- 2: broken configs (and missing paths) in the machine reports ----------------------
BROKEN = {
    ".conditionlint.yaml": ("fail-on: [\n", 2, 1, "invalid YAML: while parsing a flow node, "
                            "did not find expected node content"),
    "pyproject.toml": ("[tool.conditionlint]\nfail-on = \n", 2, 11,
                       "invalid TOML: Invalid value (at line 2, column 11)"),
}


def _site(tmp_path: Path, name: str = ".conditionlint.yaml") -> tuple[int, int, str]:
    """site/good.md (clean) and site/sub/p.md under a broken config site/sub/NAME."""
    (tmp_path / "site" / "sub").mkdir(parents=True)
    (tmp_path / "site" / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "site" / "sub" / "p.md").write_text(GOOD + "\n" + CLAIM, encoding="utf-8")
    text, line, col, message = BROKEN[name]
    (tmp_path / "site" / "sub" / name).write_text(text, encoding="utf-8")
    return line, col, message


def _check(tmp_path: Path, fmt: str, *paths: str):  # noqa: ANN202
    r = run_cli("check", "--no-cache", "--today", TODAY, "--output-format", fmt, *paths,
                cwd=tmp_path)
    assert "Traceback" not in r.stderr.decode()
    return r


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_nested_config_is_in_the_json_report(tmp_path, name):
    import json

    from jsonschema import Draft202012Validator

    line, col, message = _site(tmp_path, name)
    r = _check(tmp_path, "json", "site", "nope.md")
    assert r.returncode == 2
    assert r.stderr.decode() == (
        "conditionlint: error: nope.md: no such file or folder\n"
        f"conditionlint: config error: {tmp_path}/site/sub/{name}:{line}:{col}: {message}\n")
    report = json.loads(r.stdout)
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(report)) == []
    assert report["errors"] == [
        {"path": "nope.md", "message": "no such file or folder", "kind": "missing"},
        {"path": f"site/sub/{name}", "message": message, "kind": "config", "line": line,
         "column": col}]
    assert (report["summary"]["files"], report["findings"]) == (1, [])


def test_a_broken_nested_config_alone_makes_the_sarif_run_unsuccessful(tmp_path):
    import json

    line, col, message = _site(tmp_path)
    r = _check(tmp_path, "sarif", "site")
    assert r.returncode == 2
    run = json.loads(r.stdout)["runs"][0]
    assert run["invocations"] == [{
        "executionSuccessful": False,
        "toolExecutionNotifications": [{
            "level": "error",
            "message": {"text": f"config error: site/sub/.conditionlint.yaml:{line}:{col}: "
                                f"{message}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": "site/sub/.conditionlint.yaml",
                                     "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": line, "startColumn": col}}}]}]}]
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["site/good.md"]
    assert run["results"] == []
    sarif_schema = ROOT.parent / "shared" / "eval-data" / "sarif" / "sarif-schema-2.1.0.json"
    if sarif_schema.is_file():  # (as tests/test_formatters_sarif.py finds it)
        import jsonschema

        schema = json.loads(sarif_schema.read_text("utf-8"))
        validator = jsonschema.validators.validator_for(schema)(schema)
        assert [e.message for e in validator.iter_errors(json.loads(r.stdout))] == []


def test_junit_has_an_error_per_missing_path_and_broken_config(tmp_path):
    line, col, message = _site(tmp_path)
    r = _check(tmp_path, "junit", "site", "nope.md", "gone")
    assert r.returncode == 2
    assert r.stdout.decode() == f"""\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="conditionlint" tests="4" failures="0" errors="3">
  <testsuite name="conditionlint" tests="4" failures="0" errors="3" skipped="0" time="0">
    <testcase classname="conditionlint" name="nope.md" file="nope.md" time="0">
      <error type="missing path" message="no such file or folder">nope.md: no such file or folder</error>
    </testcase>
    <testcase classname="conditionlint" name="gone" file="gone" time="0">
      <error type="missing path" message="no such file or folder">gone: no such file or folder</error>
    </testcase>
    <testcase classname="conditionlint" name="site/sub/.conditionlint.yaml" file="site/sub/.conditionlint.yaml" time="0">
      <error type="config error" message="{line}:{col} {message}">site/sub/.conditionlint.yaml:{line}:{col}: config error: {message}</error>
    </testcase>
    <testcase classname="conditionlint" name="site/good.md" file="site/good.md" time="0" />
  </testsuite>
</testsuites>
"""


def test_junit_is_written_when_nothing_could_be_checked(tmp_path):
    # (it used to write nothing at all: the CI step that reads the file found none)
    r = _check(tmp_path, "junit", "nope.md")
    assert (r.returncode, r.stderr) == (2, b"conditionlint: error: nope.md: no such file "
                                           b"or folder\n")
    assert r.stdout.decode() == """\
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="conditionlint" tests="1" failures="0" errors="1">
  <testsuite name="conditionlint" tests="1" failures="0" errors="1" skipped="0" time="0">
    <testcase classname="conditionlint" name="nope.md" file="nope.md" time="0">
      <error type="missing path" message="no such file or folder">nope.md: no such file or folder</error>
    </testcase>
  </testsuite>
</testsuites>
"""



# -- 3: the pages of CL304-CL306 name the characters they concern ----------------------
_ROW = re.compile(r"^\| (U\+[0-9A-F]{4,6}(?:(?:-|, )U\+[0-9A-F]{4,6})*) \| ([^|]*) \|", re.M)


def _listed(code: str) -> dict[int, str]:
    """The code points a rule's docs page lists in its table, with the row's text."""
    out: dict[int, str] = {}
    for cell, what in _ROW.findall((ROOT / "docs" / "rules" / f"{code}.md").read_text("utf-8")):
        for part in cell.split(", "):
            a, _, b = part.partition("-")
            out.update((c, what) for c in range(int(a[2:], 16), int((b or a)[2:], 16) + 1))
    return out


def _matched(pattern: re.Pattern[str]) -> set[int]:
    return {c for c in range(0x110000) if pattern.match(chr(c))}


def test_the_cl304_page_lists_every_code_point_the_rule_reports():
    from conditionlint.checks import encoding

    listed = _listed("CL304")
    assert set(listed) == _matched(encoding._CONTROL)
    assert len(listed) == 130
    assert {0x0009, 0x000A, 0x000D, 0xFEFF, 0x200B} & set(listed) == set()
    assert listed[0x0B] == "vertical tab, form feed"
    # each is reported in a page: by CL304, or by CL301 in a run it repairs
    cps = sorted(listed)
    page = "# T\n\n" + "".join(f"word {chr(c)} word\n\n" for c in cps)
    lines = {f.line for f in lint_text(page, today=TODAY, select=["CL304", "CL301"])}
    assert [hex(c) for i, c in enumerate(cps) if 3 + 2 * i not in lines] == []


def test_the_cl306_page_lists_every_character_by_its_code_point_and_name():
    from conditionlint.checks import encoding

    listed = _listed("CL306")
    assert set(listed) == _matched(encoding._INVISIBLE)
    assert listed[0x200B] == "zero-width space"
    assert listed[0x202E] == "right-to-left override"
    assert listed[0x2061] == "function application"  # (the page named none of these)
    cps = sorted(listed)
    page = "# T\n\n" + "".join(f"word{chr(c)}word\n\n" for c in cps)
    got = {f.line: f.message for f in lint_text(page, today=TODAY, select=["CL306"])}
    # each is reported, under the name its row gives it
    assert [(hex(c), got.get(3 + 2 * i)) for i, c in enumerate(cps)
            if got.get(3 + 2 * i, "").split(" <U+")[0] != f"invisible {listed[c]}"] == []


def test_the_pages_name_the_invisible_characters_of_their_examples():
    text = {code: (ROOT / "docs" / "rules" / f"{code}.md").read_text("utf-8")
            for code in ("CL304", "CL305", "CL306")}
    assert "The line ends in a backspace (U+0008), which shows as nothing:" in text["CL304"]
    assert "U+FEFF (zero-width no-break space) as its first character, the bytes EF BB " \
           "BF." in " ".join(text["CL305"].split())
    assert "The page starts with U+FEFF, which shows as nothing:" in text["CL305"]
    assert "A zero-width space (U+200B) inside \"cetirizine\"" in text["CL306"]



# -- 4: a config file that is not UTF-8 ------------------------------------------------
LATIN1 = "the byte 0xE9 ('é' in Windows-1252 or Latin-1?) cannot be read; save the file " \
         "as UTF-8"


def _config_error(tmp_path: Path, name: str, data: bytes, *args: str) -> str:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "p.md").write_text(GOOD, encoding="utf-8")
    r = run_cli("check", "--no-cache", "--today", TODAY, *args, "p.md", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (2, b"")
    return r.stderr.decode()


@pytest.mark.parametrize("name, data, where, message", [
    (".conditionlint.yaml", 'exclude: ["café/**"]\n'.encode("latin-1"), "1:15",
     f"config file is not UTF-8: {LATIN1}"),
    # a UTF-8 byte-order mark is no column; an 'é' in UTF-8 is one
    (".conditionlint.yaml", '\ufefffail-on: error\nexclude: ["é'.encode("utf-8") + b'\xe9"]\n',
     "2:13", f"config file is not UTF-8: {LATIN1}"),
    ("pyproject.toml", '[tool.conditionlint]\r\nfail-on = "error"\r\n# café\r\n'.encode(
        "latin-1"), "3:6", f"config file is not UTF-8: {LATIN1}"),
    (".conditionlint.yaml", "fail-on: error\n".encode("utf-16"), "1:1",
     "config file is not UTF-8: it starts with the UTF-16 byte-order mark FF FE; save it as "
     "UTF-8"),
    (".conditionlint.yaml", "fail-on: error\n".encode("utf-32"), "1:1",
     "config file is not UTF-8: it starts with the UTF-32 byte-order mark FF FE 00 00; save "
     "it as UTF-8"),
    (".conditionlint.yaml", "fail-on: error\n".encode("utf-16-le"), "1:1",
     "config file is not UTF-8: every other byte is NUL, as in UTF-16-LE without a "
     "byte-order mark; save it as UTF-8"),
    # past ASCII: not valid UTF-8 either, and still named as UTF-16 (review25 #3)
    (".conditionlint.yaml", 'exclude: ["café/**"]\n'.encode("utf-16-le"), "1:1",
     "config file is not UTF-8: every other byte is NUL, as in UTF-16-LE without a "
     "byte-order mark; save it as UTF-8"),
    # 0x80-0x9F print only in Windows-1252 (control characters in Latin-1)
    (".conditionlint.yaml", b'exclude: ["caf\x93/**"]\n', "1:15",
     "config file is not UTF-8: the byte 0x93 ('\u201c' in Windows-1252?) cannot be read; "
     "save the file as UTF-8"),
    ("pyproject.toml", '[tool.conditionlint]\nfail-on = "error"\n'.encode("utf-16-be"), "1:1",
     "config file is not UTF-8: every other byte is NUL, as in UTF-16-BE without a "
     "byte-order mark; save it as UTF-8"),
], ids=["latin-1", "utf-8-bom-then-latin-1", "pyproject-crlf-latin-1", "utf-16-bom",
        "utf-32-bom", "utf-16-le-no-bom", "utf-16-le-no-bom-past-ascii", "cp1252-only-byte",
        "pyproject-utf-16-be-no-bom"])
def test_a_config_that_is_not_utf8_is_a_config_error_at_its_place(tmp_path, name, data,
                                                                   where, message):
    assert _config_error(tmp_path, name, data) == \
        f"conditionlint: config error: {tmp_path}/{name}:{where}: {message}\n"


def test_a_config_given_with_config_that_is_not_utf8(tmp_path):
    err = _config_error(tmp_path, "lint.toml", "max-file-size = 10\n# \x81\n".encode(
        "latin-1"), "--config", "lint.toml")
    assert err == "conditionlint: config error: lint.toml:2:3: config file is not UTF-8: the " \
                  "byte 0x81 cannot be read; save the file as UTF-8\n"


def test_a_rule_file_and_a_schema_that_are_not_utf8(tmp_path):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "x.yaml").write_bytes("kind: rules\n# é\n".encode("latin-1"))
    err = _config_error(tmp_path, "c.yaml", b"rule-paths: [r]\n", "--config", "c.yaml")
    assert err == f"conditionlint: config error: {tmp_path}/r/x.yaml:2:3: rule file is not " \
                  f"UTF-8: {LATIN1}\n"
    (tmp_path / "s.json").write_bytes('{"title": "é"}'.encode("latin-1"))
    err = _config_error(tmp_path, "c.yaml", b"schema: s.json\n", "--config", "c.yaml")
    assert err == f"conditionlint: config error: s.json:1:12: the front-matter " \
                  f"schema is not UTF-8: {LATIN1}\n"


def test_a_nested_latin1_config_is_in_the_json_report_with_its_place(tmp_path):
    import json

    (tmp_path / "site" / "sub").mkdir(parents=True)
    (tmp_path / "site" / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "site" / "sub" / "p.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "site" / "sub" / ".conditionlint.yaml").write_bytes(
        "# Café\nfail-on: error\n".encode("latin-1"))
    r = _check(tmp_path, "json", "site")
    assert r.returncode == 2
    assert json.loads(r.stdout)["errors"] == [
        {"path": "site/sub/.conditionlint.yaml", "message": f"config file is not UTF-8: {LATIN1}",
         "kind": "config", "line": 1, "column": 6}]


# -- 5: the summary line of a run that failed is not "All checks passed" ----------------
def test_a_missing_path_beside_a_good_page_is_no_pass_in_the_summary(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    r = _check(tmp_path, "full", "nope.md", "good.md")
    assert (r.returncode, r.stderr) == (2, b"conditionlint: error: nope.md: no such file "
                                           b"or folder\n")
    assert r.stdout == b"No problems found (1 file checked). The run failed: 1 path does " \
                       b"not exist.\n"


def test_the_summary_names_broken_configs_after_the_findings(tmp_path):
    _site(tmp_path)
    (tmp_path / "site" / "bad.md").write_text(GOOD + "\n" + CLAIM, encoding="utf-8")
    r = _check(tmp_path, "concise", "site", "nope.md", "gone.md")
    assert r.returncode == 2
    line = GOOD.count("\n") + 2
    assert r.stdout.decode() == (
        f"site/bad.md:{line}:44: CL407 [error] absolute claim ('cures'): no treatment is "
        f"guaranteed, permanent or free of risk, even with evidence\n"
        f"Found 1 problem (1 error, 0 warnings) in 1 file; 0 fixable (2 files checked). "
        f"The run failed: 2 paths do not exist, 1 config file is broken (the pages under "
        f"it were not checked).\n")


# -- 6: what CL902 says when few rules run is documented -------------------------------
def test_cl902_with_few_rules_behaves_as_its_page_says():
    page = ("# T\n\n<!-- conditionlint-disable-next-line CL407 -->\nIt cures back pain.\n\n"
            "<!-- conditionlint-disable-next-line -->\nIt cures back pain.\n")
    # a named rule that did not run: not reported; a comment naming none: reported
    assert [(c, ln, m) for c, _, ln, _, _, _, m in found(page, select=["CL902"])] == [
        ("CL902", 6, "suppression comment suppresses nothing")]
    assert [c for c, *_ in found(page, select=["CL902", "CL407"])] == []
    doc = " ".join((ROOT / "docs/rules/CL902.md").read_text("utf-8").split())
    assert "A rule the comment names that did not run (left out by `--select`, `ignore`, " \
           "`off` or an `overrides` entry) is not reported" in doc
    assert "with `--select CL902` alone (or CL902 and a few rules) it is reported as " \
           "suppressing nothing" in doc
