"""The CLI as users and CI run it: exit codes, formats, selection, determinism."""

from __future__ import annotations

import json

from conditionlint import __version__
from tests.conftest import ROOT, TODAY, run_cli

GOOD = ROOT / "examples" / "good" / "low-back-pain.md"
PAGE_NO_TITLE = "## Symptoms\n\nPain.\n\n## Treatment\n\nRest.\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and __version__ in r.stdout.decode()


def test_clean_page_exits_zero(tmp_path):
    r = run_cli("check", "--today", TODAY, str(GOOD))
    assert r.returncode == 0, r.stdout.decode()
    assert r.stdout.decode().strip() == "All checks passed (1 file checked)."


def test_findings_exit_one_and_concise_format(tmp_path):
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    r = run_cli("check", "--select", "CL105", "--output-format", "concise", "a.md",
                cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stdout.decode().splitlines()
    assert lines[0] == "a.md:1:1: CL105 [error] page has no level-1 heading (# Title)"
    assert lines[-1].startswith("Found 1 problem (1 error, 0 warnings) in 1 file; 0 fixable")


def test_missing_path_exits_two(tmp_path):
    r = run_cli("check", "nope.md", cwd=tmp_path)
    assert r.returncode == 2
    assert "nope.md: no such file or folder" in r.stderr.decode()
    assert r.stdout == b""


def test_unknown_rule_in_select_exits_two(tmp_path):
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    r = run_cli("check", "--select", "CL999", "a.md", cwd=tmp_path)
    assert r.returncode == 2 and "unknown rule 'CL999'" in r.stderr.decode()


def test_fail_on_and_exit_zero(tmp_path):
    write(tmp_path, "a.md", "# T\n\nIntro.\n\n## Symptoms\n\n## Treatment\n\nRest.\n")
    base = ["check", "--select", "CL103", "a.md"]
    assert run_cli(*base, cwd=tmp_path).returncode == 0  # CL103 is a warning
    assert run_cli(*base, "--fail-on", "warning", cwd=tmp_path).returncode == 1
    assert run_cli(*base, "--fail-on", "warning", "--exit-zero", cwd=tmp_path).returncode == 0


def test_fail_on_is_each_pages_own_configs(tmp_path):
    # The exit code used the first loaded config that set fail-on: a nested config's
    # "fail-on: warning" counted or not depending on the order of the arguments.
    write(tmp_path, ".conditionlint.yaml", "fail-on: error\n")
    write(tmp_path, "sub/.conditionlint.yaml", "fail-on: warning\n")
    page = "# T\n\nIntro.\n\n## Symptoms\n\n## Treatment\n\nRest.\n"  # CL103: warning
    write(tmp_path, "sub/w.md", page)
    write(tmp_path, "top.md", page)
    base = ["check", "--no-cache", "-q", "--select", "CL103"]
    for args, rc in ((["sub/w.md"], 1), (["."], 1), (["top.md", "sub/w.md"], 1),
                     (["sub/w.md", "top.md"], 1), (["top.md"], 0)):
        assert run_cli(*base, *args, cwd=tmp_path).returncode == rc, args
    # --fail-on is for every page; a page's warning under "fail-on: error" passes
    assert run_cli(*base, "--fail-on", "error", ".", cwd=tmp_path).returncode == 0
    write(tmp_path, "sub/.conditionlint.yaml", "fail-on: error\n")
    write(tmp_path, ".conditionlint.yaml", "fail-on: warning\n")
    assert run_cli(*base, "sub/w.md", cwd=tmp_path).returncode == 0
    assert run_cli(*base, ".", cwd=tmp_path).returncode == 1  # top.md's warning


def test_select_by_name_prefix_and_ignore(tmp_path):
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    by_name = run_cli("check", "--select", "missing-title", "-q", "--output-format",
                      "concise", "a.md", cwd=tmp_path)
    assert [ln.split()[1] for ln in by_name.stdout.decode().splitlines()] == ["CL105"]
    prefix = run_cli("check", "--select", "CL1", "--ignore", "CL105,CL102", "-q",
                     "--output-format", "concise", "a.md", cwd=tmp_path)
    assert {ln.split()[1] for ln in prefix.stdout.decode().splitlines()} == {"CL101"}


def test_json_output_matches_schema_and_is_deterministic(tmp_path):
    from jsonschema import Draft202012Validator

    write(tmp_path, "b/x.md", PAGE_NO_TITLE)
    write(tmp_path, "a/y.md", "# Y\n\n## Symptoms\n\n## Symptoms\n\nA.\n")
    args = ("check", "--today", TODAY, "--no-cache", "--output-format", "json", ".")
    first = run_cli(*args, cwd=tmp_path)
    second = run_cli(*args, cwd=tmp_path)
    assert first.returncode == 1
    assert first.stdout == second.stdout
    doc = json.loads(first.stdout)
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
    Draft202012Validator(schema).validate(doc)
    assert doc["summary"]["files"] == 2
    paths = [f["path"] for f in doc["findings"]]
    assert paths == sorted(paths) and paths[0] == "a/y.md"
    f105 = [f for f in doc["findings"] if f["code"] == "CL105"][0]
    assert (f105["path"], f105["line"], f105["column"], f105["end_line"],
            f105["end_column"]) == ("b/x.md", 1, 1, 1, 12)
    assert f105["url"].endswith("CL105.md") and f105["fix"] is None


def test_output_file_and_no_color(tmp_path):
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    r = run_cli("check", "--select", "CL105", "-o", "out.txt", "--color", "a.md",
                cwd=tmp_path)
    assert r.returncode == 1 and r.stdout == b""
    text = (tmp_path / "out.txt").read_text()
    assert "\x1b[" not in text and "CL105 missing-title" in text
    colored = run_cli("check", "--select", "CL105", "--color", "a.md", cwd=tmp_path)
    assert b"\x1b[" in colored.stdout
    plain = run_cli("check", "--select", "CL105", "a.md", cwd=tmp_path,
                    env={"NO_COLOR": "1"})
    assert b"\x1b[" not in plain.stdout


def test_full_format_shows_line_and_caret(tmp_path):
    write(tmp_path, "a.md", "# T\n\nIntro.\n\n## Symptoms\n\n## Treatment\n\nRest.\n")
    r = run_cli("check", "--select", "CL103", "a.md", cwd=tmp_path)
    out = r.stdout.decode().splitlines()
    assert out[0] == "a.md"
    assert out[1] == "  5:4  warning  CL103 empty-section"
    assert out[2] == "    section 'Symptoms' is empty"
    assert out[3] == "     5 | ## Symptoms"
    assert out[4] == "       |    ^^^^^^^^"


def test_quiet_and_statistics(tmp_path):
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    r = run_cli("check", "-q", "--select", "CL105", "--output-format", "concise", "a.md",
                cwd=tmp_path)
    assert r.stdout.decode().splitlines() == [
        "a.md:1:1: CL105 [error] page has no level-1 heading (# Title)"]
    s = run_cli("check", "--statistics", "--select", "CL1", "--output-format", "concise",
                "a.md", cwd=tmp_path)
    assert "     1  CL105  missing-title" in s.stdout.decode().splitlines()


def test_directory_recursion_order_and_extensions(tmp_path):
    write(tmp_path, "z.md", PAGE_NO_TITLE)
    write(tmp_path, "sub/a.markdown", PAGE_NO_TITLE)
    write(tmp_path, "sub/notes.txt", PAGE_NO_TITLE)
    write(tmp_path, ".hidden/h.md", PAGE_NO_TITLE)
    r = run_cli("check", "--select", "CL105", "-q", "--output-format", "concise",
                cwd=tmp_path)
    assert [ln.split(":")[0] for ln in r.stdout.decode().splitlines()] == [
        "sub/a.markdown", "z.md"]


def test_rules_and_rule_commands():
    r = run_cli("rules")
    lines = r.stdout.decode().splitlines()
    assert lines[0].split()[:4] == ["CODE", "NAME", "SEVERITY", "FIX"]
    codes = [ln.split()[0] for ln in lines[1:]]
    assert codes == sorted(codes) and "CL101" in codes and "CL904" in codes
    doc = run_cli("rule", "missing-section")
    assert doc.returncode == 0
    assert doc.stdout.decode().startswith("# CL101 missing-section")
    assert "## Fails" in doc.stdout.decode()
    assert run_cli("rule", "CL999").returncode == 2


def test_show_config(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "rules:\n  CL103: error\n")
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    r = run_cli("check", "--show-config", "a.md", cwd=tmp_path)
    assert r.returncode == 0
    shown = json.loads(r.stdout)
    assert shown["rules"]["CL103"]["severity"] == "error"
    assert shown["config-file"].endswith(".conditionlint.yaml")
    assert (shown["fail-on"], shown["cache"], shown["schema"], shown["schema-mode"],
            shown["follow-external-symlinks"]) == ("error", True, None, "replace", False)


def test_show_config_shows_every_setting_and_the_command_lines_fail_on(tmp_path):
    write(tmp_path, "schemas/our.schema.json", '{"type": "object"}')
    write(tmp_path, ".conditionlint.yaml",
          "fail-on: warning\nschema: schemas/our.schema.json\nschema-mode: extend\n"
          "cache: false\nfollow-external-symlinks: true\n")
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    shown = json.loads(run_cli("check", "--show-config", "a.md", cwd=tmp_path).stdout)
    assert shown["fail-on"] == "warning"
    assert shown["schema"].replace("\\", "/").endswith("schemas/our.schema.json")
    assert (shown["schema-mode"], shown["cache"], shown["follow-external-symlinks"]) == (
        "extend", False, True)
    shown = json.loads(run_cli("check", "--show-config", "--fail-on", "info", "a.md",
                               cwd=tmp_path).stdout)
    assert shown["fail-on"] == "info"


def test_show_config_says_what_the_command_line_changes_and_honours_o(tmp_path):
    write(tmp_path, ".conditionlint.yaml", "exclude: ['drafts/**']\n")
    write(tmp_path, "drafts/d.md", PAGE_NO_TITLE)
    write(tmp_path, "a.md", PAGE_NO_TITLE)
    shown = json.loads(run_cli("check", "--show-config", "--no-cache", "--force-exclude",
                               "drafts/d.md", cwd=tmp_path).stdout)
    assert (shown["cache"], shown["excluded"]) == (False, True)
    # named without --force-exclude, the check checks it (fix21b)
    shown = json.loads(run_cli("check", "--show-config", "drafts/d.md", cwd=tmp_path).stdout)
    assert shown["excluded"] is False
    shown = json.loads(run_cli("check", "--show-config", "a.md", cwd=tmp_path).stdout)
    assert (shown["cache"], shown["excluded"]) == (True, False)
    # -o takes it as it takes a report (it went to stdout, and no file was written)
    r = run_cli("check", "--show-config", "-o", "shown.json", "a.md", cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, b"")
    assert json.loads((tmp_path / "shown.json").read_text("utf-8")) == shown
    # the config file absolute however it was found, and the folder its exclude globs
    # (here a base's) are relative to
    write(tmp_path, "sub/.conditionlint.yaml", "extend: ../.conditionlint.yaml\n")
    write(tmp_path, "sub/b.md", PAGE_NO_TITLE)
    for given in ((), ("--config", "sub/.conditionlint.yaml")):
        shown = json.loads(run_cli("check", "--show-config", *given, "sub/b.md",
                                   cwd=tmp_path).stdout)
        assert shown["config-file"] == str(tmp_path / "sub" / ".conditionlint.yaml"), given
        assert (shown["exclude"], shown["exclude-root"]) == (["drafts/**"], str(tmp_path))


def test_stdin_with_filename(tmp_path):
    r = run_cli("check", "-", "--stdin-filename", "content/x.md", "--select", "CL105",
                "--output-format", "concise", input=PAGE_NO_TITLE.encode(), cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.decode().startswith("content/x.md:1:1: CL105")


def test_stdin_filename_alone_reads_stdin_and_never_touches_files(tmp_path):
    # --stdin-filename without '-' used to be ignored: the folder was checked and, with
    # --fix, its pages rewritten while the text on stdin was never read.
    damaged = "# X\n\nMost cases \u0e42\u20ac\u201d no cause.\n"
    other = write(tmp_path, "other.md", damaged)
    r = run_cli("check", "-q", "--fix", "--stdin-filename", "x.md", input=damaged.encode(),
                cwd=tmp_path)
    assert r.stdout.decode() == "# X\n\nMost cases \u2014 no cause.\n"
    assert other.read_text(encoding="utf-8") == damaged
    r = run_cli("check", "--fix", "--stdin-filename", "x.md", "other.md",
                input=damaged.encode(), cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == b""
    assert ("error: --stdin-filename names the text read from stdin: give '-' as the "
            "only path, or no path") in r.stderr.decode()
    assert other.read_text(encoding="utf-8") == damaged


def test_python_dash_m_and_console_script_agree(tmp_path):
    import shutil
    import subprocess

    write(tmp_path, "a.md", PAGE_NO_TITLE)
    exe = shutil.which("conditionlint")
    if exe is None:
        import sys
        from pathlib import Path

        exe = str(Path(sys.executable).parent / "conditionlint")
    a = subprocess.run([exe, "check", "--select", "CL105", "a.md"], cwd=tmp_path,
                       capture_output=True)
    b = run_cli("check", "--select", "CL105", "a.md", cwd=tmp_path)
    assert a.returncode == b.returncode == 1 and a.stdout == b.stdout


def test_statistics_in_json_and_aside_for_formats_without_a_place(tmp_path):
    # --statistics was silently dropped by every format but full and concise
    from jsonschema import Draft202012Validator

    write(tmp_path, "a.md", PAGE_NO_TITLE)
    write(tmp_path, "b.md", PAGE_NO_TITLE)
    r = run_cli("check", "--no-cache", "--statistics", "--select", "CL105,CL102",
                "--output-format", "json", ".", cwd=tmp_path)
    report = json.loads(r.stdout)
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(report)) == []
    assert report["statistics"] == [
        {"code": "CL102", "name": "missing-recommended-section", "count": 6, "fixable": 0},
        {"code": "CL105", "name": "missing-title", "count": 2, "fixable": 0}]
    plain = json.loads(run_cli("check", "--no-cache", "--select", "CL105",
                               "--output-format", "json", ".", cwd=tmp_path).stdout)
    assert "statistics" not in plain
    r = run_cli("check", "--no-cache", "--statistics", "--select", "CL105",
                "--output-format", "sarif", ".", cwd=tmp_path)
    assert json.loads(r.stdout)["version"] == "2.1.0"
    assert r.stderr.decode() == ("conditionlint: counts per rule (--statistics; the sarif "
                                 "format has no place for them):\n"
                                 "     2  CL105  missing-title\n")
