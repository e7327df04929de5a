"""The github format annotates the run's own errors (exit 2): a path that does not exist
and a broken config file under a checked folder, before the findings; a run without
them writes exactly one annotation per finding, as before."""

from __future__ import annotations

from click.testing import CliRunner

from conditionlint.cli import main

GOOD = """---
title: Back pain
---
# Back pain

Acupuncture cures back pain.
"""


def _run(args):
    return CliRunner().invoke(main, ["check", *args, "--output-format", "github"])


def test_missing_path_and_broken_config_are_annotated_first(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "sub").mkdir(parents=True)
    (tmp_path / "content" / "page.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "content" / "sub" / "page.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "content" / "sub" / ".conditionlint.yaml").write_text(
        "select: [CL401\n", encoding="utf-8")
    result = _run(["content", "nope.md", "--select", "CL407"])
    assert result.exit_code == 2
    lines = [x for x in result.stdout.splitlines() if x.startswith("::")]
    assert lines[0] == "::error title=conditionlint missing path::nope.md: no such file or folder"
    cfg = lines[1]
    assert cfg.startswith(
        "::error file=content/sub/.conditionlint.yaml,line=1,col=9,"
        "title=conditionlint config error::content/sub/.conditionlint.yaml:1:9: invalid YAML")
    # the page beside the broken config's folder is still checked, after the errors
    assert lines[2].startswith("::error file=content/page.md,line=6,col=13,endLine=6,endColumn=18,")
    assert "CL407" in lines[2]
    assert len(lines) == 3


def test_a_clean_run_of_findings_has_no_error_annotation_of_its_own(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(GOOD, encoding="utf-8")
    result = _run(["page.md", "--select", "CL407"])
    assert result.exit_code == 1
    lines = [x for x in result.stdout.splitlines() if x.startswith("::")]
    assert len(lines) == 1 and "title=conditionlint CL407::" in lines[0]


def test_html_report_names_the_run_errors_before_the_checklist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content" / "sub").mkdir(parents=True)
    (tmp_path / "content" / "page.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "content" / "sub" / ".conditionlint.yaml").write_text(
        "select: [CL401\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "content", "<nope>.md", "--select", "CL407",
                                       "--output-format", "html"])
    assert result.exit_code == 2
    page = result.stdout
    block = page[page.index('<h2 class="error">The run failed</h2>'):]
    block = block[:block.index("</ul>")]
    assert "<li><code>&lt;nope&gt;.md</code>: no such file or folder</li>" in block
    assert ("<li><code>content/sub/.conditionlint.yaml:1:9</code>: invalid YAML" in block)
    assert "(the pages under it were not checked)</li>" in block
    assert page.index("The run failed") < page.index("Checklist per page")


def test_html_report_of_a_run_without_errors_has_no_failure_block(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "page.md", "--output-format", "html"])
    assert result.exit_code == 1
    assert "The run failed" not in result.stdout


def test_nothing_checked_still_writes_every_report(tmp_path, monkeypatch):
    # review25 #1: with no page to check the github and html reports and the summary
    # line were not written at all
    monkeypatch.chdir(tmp_path)
    gh = CliRunner().invoke(main, ["check", "nope.md", "--output-format", "github"])
    assert gh.exit_code == 2
    assert gh.stdout == "::error title=conditionlint missing path::nope.md: no such file or folder\n"
    # the terminal formats leave it to stderr
    full = CliRunner().invoke(main, ["check", "nope.md", "--output-format", "full"])
    assert full.exit_code == 2
    assert full.stdout == ""
    out = tmp_path / "report.html"
    html = CliRunner().invoke(main, ["check", "nope.md", "--output-format", "html",
                                     "-o", str(out)])
    assert html.exit_code == 2
    assert "<li><code>nope.md</code>: no such file or folder</li>" in out.read_text("utf-8")
