"""Audit25 findings: text nested past the Markdown parser's depth (1), broken configs
and missing paths in the machine reports (2), the invisible characters CL304-CL306
name (3), config files that are not UTF-8 (4), and the summary line of a run with a
missing path (5)."""

from __future__ import annotations

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
