"""GitHub Actions workflow commands: exact format and escaping."""

from __future__ import annotations

from conditionlint.api import default_registry
from conditionlint.formatters import Report
from conditionlint.formatters.github import render
from conditionlint.model import Finding
from tests.conftest import TODAY, run_cli
from tests.integration_pages import damaged


def _finding(**kw) -> Finding:
    base = dict(path="content/x.md", code="CL401", name="unsupported-claim",
                severity="error", message="m", line=3, column=5, end_line=3, end_column=9)
    base.update(kw)
    return Finding(**base)


def _render(*findings: Finding) -> str:
    return render(Report(findings=list(findings), files=["content/x.md"],
                         registry=default_registry(), version="0"))


def test_exact_line_with_escaped_percent_newline_and_comma() -> None:
    f = _finding(message="cures 90% of cases,\nno side effects\r!")
    assert _render(f) == ("::error file=content/x.md,line=3,col=5,endLine=3,endColumn=9,"
                          "title=conditionlint CL401::cures 90%25 of cases,%0Ano side "
                          "effects%0D!\n")


def test_properties_escape_colon_and_comma_too() -> None:
    f = _finding(path="a,b/c:d%.md", severity="warning", message="x: y, z")
    assert _render(f) == ("::warning file=a%2Cb/c%3Ad%25.md,line=3,col=5,endLine=3,"
                          "endColumn=9,title=conditionlint CL401::x: y, z\n")


def test_info_is_a_notice_and_controls_are_made_visible() -> None:
    f = _finding(severity="info", message="bidi \u202e here\x1b[31m")
    assert _render(f) == ("::notice file=content/x.md,line=3,col=5,endLine=3,endColumn=9,"
                          "title=conditionlint CL401::bidi <U+202E> here<U+001B>[31m\n")


def test_no_findings_no_output() -> None:
    assert _render() == ""


def test_chosen_automatically_under_github_actions(tmp_path) -> None:
    (tmp_path / "p.md").write_text(damaged(), "utf-8")
    r = run_cli("check", "--select", "CL301", "--today", TODAY, "p.md", cwd=tmp_path,
                env={"GITHUB_ACTIONS": "true"})
    assert r.returncode == 1
    assert r.stdout.decode() == (
        "::error file=p.md,line=7,col=64,endLine=7,endColumn=67,title=conditionlint "
        "CL301::'\u0e42\u20ac\u201d' looks like '\u2014' (UTF-8 read as Windows-874)\n")
    # An explicit format still wins.
    r = run_cli("check", "--select", "CL301", "--output-format", "concise", "p.md",
                cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert r.stdout.decode().startswith("p.md:7:64: CL301 [error]")
