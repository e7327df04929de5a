"""fix22b: the outside audit's findings (docs/briefs audit22): each pinned through the
CLI or the API with the code, line, column, message and exit code it must give."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fix21_helpers import TODAY, fixed, lint, msgs  # noqa: F401

GOOD = (Path(__file__).resolve().parents[1] / "examples" / "good" / "low-back-pain.md"
        ).read_text(encoding="utf-8")


def _cli(cwd, *args, input=None, timeout=120):
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1] / "src")  # this tree's code
    return subprocess.run([sys.executable, "-m", "conditionlint", *args], cwd=cwd,
                          input=input, capture_output=True, env=env, timeout=timeout)


# -- 1. exclude and overrides globs match in linear time -------------------------------
HOSTILE_GLOBS = ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c",
                 "**/a**a**a**a**a**a**a**a**a**a**a**a**a**a**c"]


@pytest.mark.parametrize("key", ["exclude", "overrides"])
def test_hostile_glob_does_not_hang_the_run(tmp_path, key):
    (tmp_path / ("a" * 60 + ".md")).write_text(GOOD, encoding="utf-8")
    globs = json.dumps(HOSTILE_GLOBS)
    cfg = (f"exclude: {globs}\n" if key == "exclude"
           else f"overrides:\n  - files: {globs}\n    ignore: [CL401]\n")
    (tmp_path / ".conditionlint.yaml").write_text(cfg, encoding="utf-8")
    # (a hang guard, not a timing: the old regex took hours on this name)
    r = _cli(tmp_path, "check", "--no-cache", "--output-format", "json", ".", timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["summary"]["files"] == 1


def test_glob_matching_is_the_linear_engine():
    from conditionlint.config import glob_to_regex

    rx = glob_to_regex(HOSTILE_GLOBS[0])
    assert type(rx).__module__.startswith("re2")
    assert rx.fullmatch("a" * 100_000 + ".md") is None
    assert rx.fullmatch("d/" + "a" * 30 + "c")


@pytest.mark.parametrize("glob, path, hit", [
    ("*.md", "a/b/c.md", True), ("a/*.md", "a/b/c.md", False), ("a/**/c.md", "a/c.md", True),
    ("a/**", "a/b/c.md", True), ("?.md", "x.md", True), ("?.md", "xy.md", False),
    ("[!a]*.md", "b.md", True), ("[!a]*.md", "a.md", False), ("*.md", "a\nb.md", True),
    ("drafts/é*.md", "drafts/étude.md", True),
])
def test_glob_meanings_are_kept(glob, path, hit):
    from conditionlint.config import glob_to_regex

    assert bool(glob_to_regex(glob).fullmatch(path)) is hit


# -- 2. CL301 never fixes to a character CL304 or CL306 reports -------------------------
RLO = "---\ntitle: T\n---\n# T\n\nSee bidi\u00e2\u20ac\u00aeover and zw\u00e2\u20ac\u2039space.\n"


def test_cl301_repairs_to_invisible_characters_get_no_fix(tmp_path):
    page = tmp_path / "rlo.md"
    page.write_bytes(RLO.encode("utf-8"))
    r = _cli(tmp_path, "check", "--no-cache", "--select", "CL301,CL306", "--fix",
             "--output-format", "json", "rlo.md")
    assert r.returncode == 1
    assert page.read_bytes() == RLO.encode("utf-8")  # nothing written
    got = [(f["code"], f["line"], f["column"], f["message"], f.get("fix") is not None)
           for f in json.loads(r.stdout)["findings"]]
    assert got == [
        ("CL301", 6, 9, "'\u00e2\u20ac\u00ae' looks like '<U+202E>' (UTF-8 read as "
                        "Windows-1252), an invisible right-to-left override: not repaired "
                        "automatically; delete it or retype what was meant", False),
        ("CL301", 6, 23, "'\u00e2\u20ac\u2039' looks like '<U+200B>' (UTF-8 read as "
                         "Windows-1252), an invisible zero-width space: not repaired "
                         "automatically; delete it or retype what was meant", False)]


@pytest.mark.parametrize("word, fixable", [
    ("a\u00adb", False), ("\u00c7a\u200cva", False),  # soft hyphen; joiner in Latin
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", True),  # Persian: CL306 accepts
    ("\U0001F468\u200d\U0001F469", True),  # an emoji sequence
])
def test_cl301_fix_only_when_cl306_would_accept_the_repair(word, fixable):
    damaged = word.encode("utf-8").decode("latin-1")
    text = f"# T\n\nThe word {damaged} is here.\n"
    found = lint(text, select=["CL301"])
    hidden = [f for f in found if "\u200c" in word or "\u200d" in word or "\u00ad" in word
              if any(c in f.message for c in ("<U+200C>", "<U+200D>", "<U+00AD>"))]
    assert hidden and all((f.fix is not None) is fixable for f in hidden)
    out = fixed(text, select=["CL301"])
    assert (word in out) is fixable
    assert lint(out, select=["CL306"]) == [] or not fixable


def test_cl301_escaped_repair_to_a_bidi_control_gets_no_fix():
    text = '---\ntitle: "x\\u00e2\\u20ac\\u00aey"\n---\n# T\n'
    found = [f for f in lint(text, select=["CL301"]) if f.code == "CL301"]
    assert [(f.line, f.column, f.fix) for f in found] == [(2, 10, None)]
    assert "an invisible right-to-left override: not repaired" in found[0].message


# -- 3. a page of too many lines (blocks) is not checked, quickly -----------------------
def test_page_over_the_line_limit_is_cl903(tmp_path):
    from conditionlint.engine import MAX_LINES

    page = tmp_path / "p.md"
    page.write_text(GOOD.replace("## Causes", "x\n\n" * 300_000 + "## Causes"),
                    encoding="utf-8")
    before = page.read_bytes()
    r = _cli(tmp_path, "check", "--no-cache", "--fix", "--output-format", "json", "p.md")
    assert r.returncode == 1
    got = [(f["code"], f["line"], f["column"], f["message"])
           for f in json.loads(r.stdout)["findings"]]
    lines = before.count(b"\n")
    assert got == [("CL903", 1, 1, f"page has {lines:,} lines, more than the limit of "
                                   f"{MAX_LINES:,} lines a page; not checked")]
    assert page.read_bytes() == before


def test_line_limit_boundary():
    from conditionlint.engine import MAX_LINES

    at = "# T\n\n" + "x\n" * (MAX_LINES - 2)
    assert at.count("\n") == MAX_LINES
    assert [f.code for f in lint(at, select=["CL903", "CL304"])] == []
    over = at + "x\n"
    assert [(f.code, f.line, f.column) for f in lint(over, select=["CL304"])] == \
        [("CL903", 1, 1)]


# -- 4. a loop of symbolic links to a page is reported in a folder walk ----------------
def test_symlink_loop_in_a_walk_is_cl903(tmp_path):
    (tmp_path / "ok.md").write_text(GOOD, encoding="utf-8")
    os.symlink("b.md", tmp_path / "a.md")
    os.symlink("a.md", tmp_path / "b.md")
    r = _cli(tmp_path, "check", "--no-cache", "--output-format", "json", ".")
    assert r.returncode == 1, r.stderr
    got = [(f["path"], f["code"], f["line"], f["column"], f["message"])
           for f in json.loads(r.stdout)["findings"]]
    why = "cannot read file: Too many levels of symbolic links"
    assert got == [("a.md", "CL903", 1, 1, why), ("b.md", "CL903", 1, 1, why)]


# -- 5. allowed-characters beyond U+10FFFF are a config error, not a crash -------------
@pytest.mark.parametrize("code, value, col", [("CL304", "U+110000", 48),
                                              ("CL306", "U+FFFFFF", 48)])
def test_allowed_characters_out_of_range_is_a_config_error(tmp_path, code, value, col):
    (tmp_path / "p.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".conditionlint.yaml").write_text(
        f'rules: {{{code}: {{options: {{allowed-characters: ["{value}"]}}}}}}\n',
        encoding="utf-8")
    r = _cli(tmp_path, "check", "--no-cache", "p.md")
    assert r.returncode == 2
    assert r.stdout == b""
    name = {"CL304": "control-character", "CL306": "invisible-character"}[code]
    assert r.stderr.decode().strip().endswith(
        f".conditionlint.yaml:1:{col}: {code} {name} options: allowed-characters[0]: "
        f'should be one character, or "U+" and 4 to 6 hex digits of a code point from '
        f"U+0000 to U+10FFFF")
    assert b"Traceback" not in r.stderr and b"CL901" not in r.stdout


def test_allowed_characters_highest_code_points_still_work(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text('rules:\n  CL306: {options: {allowed-characters: ["U+200B"]}}\n'
                   '  CL304: {options: {allowed-characters: ["U+10FFFF"]}}\n',
                   encoding="utf-8")
    text = "# T\n\nA\u200bB and C\U0010FFFFD.\n"
    assert [f.code for f in lint(text, select=["CL304", "CL306"])] == ["CL306", "CL304"]
    assert lint(text, select=["CL304", "CL306"], config=cfg) == []


# -- 6. a tampered cache entry is a miss, whatever its values --------------------------
def _tamper(tmp_path, edit):
    page = tmp_path / "p.md"
    page.write_text("# T\n\nIt cures back pain forever.\n", encoding="utf-8")
    first = _cli(tmp_path, "check", "--output-format", "json", "p.md")
    assert first.returncode == 1
    (entry,) = (tmp_path / ".conditionlint_cache" / "v1").glob("*/*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    edit(data["rows"][-1])
    entry.write_text(json.dumps(data), encoding="utf-8")
    again = _cli(tmp_path, "check", "--output-format", "json", "p.md")
    return first, again


@pytest.mark.parametrize("index, value", [
    (2, "bogus"), (4, -5), (4, 10 ** 30), (5, 0), (8, -1), (11, -1), (11, 99),
])
def test_tampered_cache_entry_is_recomputed(tmp_path, index, value):
    def edit(row):
        row[index] = value
    first, again = _tamper(tmp_path, edit)
    assert again.returncode == 1 and b"Traceback" not in again.stderr, again.stderr
    assert json.loads(again.stdout)["findings"] == json.loads(first.stdout)["findings"]
    last = json.loads(again.stdout)["findings"][-1]
    assert (last["code"], last["line"], last["column"], last["severity"]) == \
        ("CL407", 3, 20, "error")


# -- 9. a broken config in one folder leaves the other folders checked -----------------
@pytest.mark.parametrize("args", [(".",), ("b", "a/p.md"), ("a", "b")])
def test_bad_config_in_a_subfolder_keeps_the_rest_checked(tmp_path, args):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "p.md").write_text("# T\n\nIt cures pain.\n", encoding="utf-8")
    (tmp_path / "b" / ".conditionlint.yaml").write_text("fail-on: nope\n", encoding="utf-8")
    r = _cli(tmp_path, "check", "--no-cache", "--select", "CL401", "--output-format",
             "json", *args)
    assert r.returncode == 2
    got = [(f["path"], f["code"], f["line"], f["column"])
           for f in json.loads(r.stdout)["findings"]]
    assert got == [("a/p.md", "CL401", 3, 1)]
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("conditionlint: config error: ")
    assert err[0].endswith("b/.conditionlint.yaml:1:1: fail-on: 'nope' is not one of "
                           "'error', 'warning', 'info'")


# -- 10. a lone NUL in a text page is CL304 (and fixed); binary files stay CL903 -------
def test_lone_nul_is_checked_as_text_and_fixed(tmp_path):
    page = tmp_path / "p.md"
    page.write_text(GOOD.replace("Scans", "Sc\x00ans", 1), encoding="utf-8")
    r = _cli(tmp_path, "check", "--no-cache", "--output-format", "json", "p.md")
    assert r.returncode == 1
    got = [(f["code"], f["line"], f["column"], f["message"], f["fix"] is not None)
           for f in json.loads(r.stdout)["findings"]]
    assert got == [("CL304", 50, 79, "control character <U+0000>", True)]
    r = _cli(tmp_path, "check", "--no-cache", "--fix", "p.md")
    assert r.returncode == 0
    assert page.read_text(encoding="utf-8") == GOOD


@pytest.mark.parametrize("data", [b"# T\n\nA\x00\x00B\n", b"# T\n" + b"ab\x00" * 100,
                                  b"\x7fELF\x02\x01\x01"])
def test_binary_files_stay_cl903(tmp_path, data):
    (tmp_path / "b.md").write_bytes(data)
    r = _cli(tmp_path, "check", "--no-cache", "--output-format", "json", "b.md")
    assert r.returncode == 1
    (f,) = json.loads(r.stdout)["findings"]
    assert (f["code"], f["line"], f["column"]) == ("CL903", 1, 1)
    assert f["message"].startswith("binary file")


# -- 12. GitHub annotations name the real file --------------------------------------
def test_github_file_property_keeps_control_characters():
    from conditionlint.api import default_registry
    from conditionlint.formatters import Report
    from conditionlint.formatters.github import render
    from conditionlint.model import Finding

    f = Finding(path="a\x1bb\u202e,c:%\n.md", code="CL401", name="unsupported-claim",
                severity="error", message="m\x1b", line=3, column=5, end_line=3,
                end_column=9)
    out = render(Report(findings=[f], files=[f.path], registry=default_registry(),
                        version="0"))
    assert out == ("::error file=a\x1bb\u202e%2Cc%3A%25%0A.md,line=3,col=5,endLine=3,"
                   "endColumn=9,title=conditionlint CL401::m<U+001B>\n")


def test_github_annotation_of_a_file_named_with_esc(tmp_path):
    name = "a\x1bb.md"
    (tmp_path / name).write_text("# T\n\nIt cures pain.\n", encoding="utf-8")
    env_run = _cli(tmp_path, "check", "--no-cache", "--select", "CL401",
                   "--output-format", "github", name)
    assert env_run.returncode == 1
    assert env_run.stdout.decode() == (
        "::error file=a\x1bb.md,line=3,col=1,endLine=3,endColumn=15,title=conditionlint "
        "CL401::efficacy claim ('cures') cites no evidence entry\n")


# -- 13. config globs: folders only, absolute paths, an empty select ---------------
def _site13(tmp_path, cfg):
    (tmp_path / "sub").mkdir()
    for rel in ("p.md", "sub/q.md"):
        (tmp_path / rel).write_text("# T\n\nIt cures pain.\n", encoding="utf-8")
    if cfg is not None:
        (tmp_path / ".conditionlint.yaml").write_text(cfg, encoding="utf-8")
    r = _cli(tmp_path, "check", "--no-cache", "--select", "CL401", "--output-format",
             "json", ".")
    paths = [f["path"] for f in json.loads(r.stdout)["findings"]] if r.stdout else None
    return r, paths


@pytest.mark.parametrize("globs, left", [
    ('["p.md/"]', ["p.md", "sub/q.md"]), ('["sub/"]', ["p.md"]), ('["sub"]', ["p.md"]),
    ('["/sub/**"]', ["p.md"]), ('["*.md"]', []),
])
def test_exclude_trailing_slash_names_folders_only(tmp_path, globs, left):
    r, paths = _site13(tmp_path, f"exclude: {globs}\n")
    assert r.returncode == (1 if left else 0), r.stderr
    assert paths == left


def test_exclude_spelling_the_config_folder_absolutely_works(tmp_path):
    base = tmp_path.resolve().as_posix()
    r, paths = _site13(tmp_path, f'exclude: ["{base}/sub/**"]\n')
    assert r.returncode == 1 and paths == ["p.md"]


def test_exclude_absolute_path_elsewhere_is_a_config_error(tmp_path):
    assert os.path.isdir("/proc")
    r, paths = _site13(tmp_path, 'exclude: ["/proc/**"]\n')
    assert r.returncode == 2 and paths == []  # (the JSON report is still written)
    root = tmp_path
    assert r.stderr.decode().strip().endswith(
        f".conditionlint.yaml:1:11: bad pattern '/proc/**' in 'exclude': '/proc/**' is an "
        f"absolute path, not one inside this config's folder ({root}), so it matches no "
        f"page: exclude patterns are relative to the config's folder (a leading '/' "
        f"anchors them there, as in .gitignore)")


def test_empty_select_is_a_config_error(tmp_path):
    r, paths = _site13(tmp_path, "fail-on: error\nselect: []\n")
    assert r.returncode == 2 and paths == []  # (the JSON report is still written)
    assert r.stderr.decode().strip().endswith(
        ".conditionlint.yaml:2:1: select: [] selects no rule, so nothing would be checked: "
        "leave 'select' out to run every rule, or name the rules to run")


def test_empty_select_option_is_a_usage_error(tmp_path):
    (tmp_path / "p.md").write_text("# T\n", encoding="utf-8")
    r = _cli(tmp_path, "check", "--no-cache", "--select", "", "p.md")
    assert r.returncode == 2 and r.stdout == b""
    assert b"Invalid value for '--select': names no rule" in r.stderr


# -- 7. denials of a guarantee are not absolute claims (CL407) or promises (CL505) ---
def _under_treatment(sentence):
    i = GOOD.index("## Treatment")
    j = GOOD.index("\n\n", i)
    return GOOD[:j] + "\n\n" + sentence + GOOD[j:]


@pytest.mark.parametrize("sentence", [
    "Nothing is guaranteed.", "None of these treatments is guaranteed to work.",
    "Guaranteed results are impossible.", "None of them is guaranteed.",
])
def test_denied_guarantees_are_quiet(sentence):
    base = {(f.code, f.message) for f in lint(GOOD)}
    new = [(f.code, f.line) for f in lint(_under_treatment(sentence))
           if (f.code, f.message) not in base and f.code in ("CL407", "CL505")]
    assert new == []


@pytest.mark.parametrize("sentence, col", [
    ("Guaranteed results!", 1), ("Our treatment is guaranteed to work.", 18),
    ("Nothing works like our guaranteed cure.", 24),
])
def test_guarantees_still_reported(sentence, col):
    found = lint(_under_treatment(sentence))
    got = sorted((f.code, f.line, f.column) for f in found
                 if f.code in ("CL407", "CL505") and f.line == 55)
    assert got == [("CL407", 55, col), ("CL505", 55, col)]
    assert "absolute claim ('" in next(f.message for f in found
                                       if f.code == "CL407" and f.line == 55)


# -- 11. messages in plain words, at the place -------------------------------------
def test_control_character_in_front_matter_is_located_and_plain():
    found = [f for f in lint("---\ntitle: ab\x1bcd\n---\n# T\n") if f.code == "CL202"]
    assert [(f.line, f.column, f.message) for f in found] == [
        (2, 10, "invalid YAML: the character U+001B is not allowed in YAML: delete it")]


def _toml(tmp_path, text):
    (tmp_path / "p.md").write_text("# T\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    r = _cli(tmp_path, "check", "--no-cache", "p.md")
    assert r.returncode == 2 and r.stdout == b""
    return r.stderr.decode().strip()


def test_toml_date_is_shown_as_written(tmp_path):
    err = _toml(tmp_path, "[tool.conditionlint]\nmax-file-size = 1979-05-27T07:32:00Z\n")
    assert err.endswith("pyproject.toml:2:1: max-file-size: 1979-05-27T07:32:00Z should be "
                        "an integer")


def test_tool_conditionlint_not_a_table_has_a_line(tmp_path):
    err = _toml(tmp_path, '[project]\nname = "x"\n\n[tool]\nblack = {}\nconditionlint = 5\n')
    assert err.endswith("pyproject.toml:6:1: [tool.conditionlint] must be a table, not a "
                        "number (5)")


def test_rule_clashing_with_a_built_in_has_a_line(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "rules.yaml").write_text(
        "kind: rules\nrules:\n  - code: HX001\n    name: unsupported-claim\n    summary: s\n"
        "    severity: error\n    patterns: ['cure']\n    message: m\n", encoding="utf-8")
    (tmp_path / ".conditionlint.yaml").write_text("rule-paths: [house]\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("# T\n", encoding="utf-8")
    r = _cli(tmp_path, "check", "--no-cache", "p.md")
    assert r.returncode == 2
    assert r.stderr.decode().strip().endswith(
        "house/rules.yaml:4:11: rule HX001 unsupported-claim clashes with a built-in or "
        "plugin rule")


# -- 8. a rare capital does not beat a common small letter in capitals (CL301) -------
@pytest.mark.parametrize("damaged, want", [
    ("D\u00c3\u00bcSSELDORF", "D\u00fcSSELDORF"), ("D\u00c3\u00bcsseldorf", "D\u00fcsseldorf"),
    ("M\u00c3\u0153NCHEN", "M\u00dcNCHEN"),
])
def test_upper_case_context_gets_the_common_letter(damaged, want):
    text = f"# T\n\nIn {damaged} today.\n"
    (f,) = lint(text, select=["CL301"])
    assert (f.line, f.column) == (3, 5)
    assert f.message.endswith("(UTF-8 read as Windows-1252)")
    assert fixed(text, select=["CL301"]) == f"# T\n\nIn {want} today.\n"
