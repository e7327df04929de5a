"""Audit 20b, fixed in the main checkout: --diff lines end at "\\n" only, and CL304's fix
does not join two words."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conditionlint.api import fix_text, lint_text
from conditionlint.fixer import unified_diff
from tests.conftest import run_cli


@pytest.mark.parametrize("sep", ["\v", "\f", "\x1c", "\x85", "\u2028", "\u2029"])
def test_a_diff_splits_lines_at_line_feeds_only(sep):
    before = f"# Gout\n\nTake one{sep}tablet.\nDon\u00e2\u20ac\u2122t panic.\n"
    after = before.replace("Don\u00e2\u20ac\u2122t", "Don\u2019t")
    diff = unified_diff("p.md", before, after)
    # three lines of context and change, as the file has them: the separator stays
    # inside its line (str.splitlines made it two and the hunk header wrong)
    assert diff.splitlines(keepends=False)[2] == "@@ -1,4 +1,4 @@"
    assert f"\n Take one{sep}tablet.\n" in diff
    assert "No newline" not in diff


def test_a_diff_keeps_carriage_returns_and_a_missing_last_newline():
    before = "# Gout\r\n\r\nDon\u00e2\u20ac\u2122t panic."
    after = before.replace("Don\u00e2\u20ac\u2122t", "Don\u2019t")
    diff = unified_diff("p.md", before, after)
    assert diff.endswith("-Don\u00e2\u20ac\u2122t panic.\n\\ No newline at end of file\n"
                         "+Don\u2019t panic.\n\\ No newline at end of file\n")
    assert " # Gout\r\n" in diff


@pytest.mark.skipif(not shutil.which("patch"), reason="needs patch")
def test_the_diff_of_a_page_with_a_vertical_tab_applies(tmp_path):
    page = "# Gout\n\nTake one tablet\vtwice daily.\u2028Don\u00e2\u20ac\u2122t panic.\n"
    (tmp_path / "p.md").write_text(page, "utf-8", newline="")
    r = run_cli("check", "--no-cache", "--diff", "--select", "CL301,CL304", "p.md",
                cwd=tmp_path)
    assert r.returncode == 1
    subprocess.run(["patch", "-p1", "--quiet"], input=r.stdout, cwd=tmp_path, check=True)
    # (fix21b: CL304 reports U+2028 too; between two words it becomes a space)
    assert (tmp_path / "p.md").read_bytes().decode("utf-8") == \
        "# Gout\n\nTake one tablet twice daily. Don\u2019t panic.\n"


@pytest.mark.parametrize(("before", "after"), [
    ("tablet\vtwice daily.", "tablet twice daily."),  # a word processor's line break
    ("daily.\fThen rest.", "daily. Then rest."),  # a page break
    ("one\x1etwo", "one two"),  # a record separator
    ("A\x08B", "AB"),  # backspace: removed
    ("tablet \vtwice", "tablet twice"),  # a space already there: removed
    ("tablet\v twice", "tablet twice"),
    ("end\v", "end"),
])
def test_cl304_fix_does_not_join_words(before, after):
    page = f"# Gout\n\n{before}\n"
    assert fix_text(page.encode(), select=["CL304"]) == f"# Gout\n\n{after}\n".encode()


@pytest.mark.parametrize("heading", [
    "Treatment {#treatment}", "1. Treatment", "2.1 Treatment", "Treatment (adults)",
    "Home treatment", "Treatment: what the evidence says", "Treatments we offer"])
def test_cl101_takes_the_usual_forms_of_a_section_heading(heading):
    page = (f"# Gout\n\nA form of arthritis.\n\n## Symptoms\n\nPain.\n\n## {heading}\n\n"
            "Rest.\n")
    assert [f.code for f in lint_text(page, select=["CL101"])] == []


@pytest.mark.parametrize("heading", ["When to seek treatment", "Untreated gout",
                                     "A note on costs"])
def test_cl101_still_wants_a_treatment_section(heading):
    page = (f"# Gout\n\nA form of arthritis.\n\n## Symptoms\n\nPain.\n\n## {heading}\n\n"
            "Rest.\n")
    found = [(f.code, f.line, f.column, f.message) for f in lint_text(page, select=["CL101"])]
    assert found == [("CL101", 1, 3, "missing required section 'Treatment' (a heading "
                                     "such as 'Treatment' or 'Treatments')")]


@pytest.mark.parametrize("body", [
    "[nhs]: https://www.nhs.uk", '[nhs]: https://www.nhs.uk "NHS"', "&nbsp;", "<br>",
    "<br/>", "<div></div>", '<a id="symptoms"></a>', "\u200b"])
def test_cl103_a_section_holding_only_what_shows_nothing_is_empty(body):
    page = f"# Gout\n\nIntro.\n\n## Symptoms\n\n{body}\n\n## Treatment\n\nRest.\n"
    found = [(f.code, f.line, f.column, f.message) for f in lint_text(page, select=["CL103"])]
    assert found == [("CL103", 5, 4, "section 'Symptoms' is empty")]


@pytest.mark.parametrize("body", [
    "![Swollen joint](joint.png)", '<img src="joint.png">', "<div>Pain.</div>",
    "[Note]: the pain comes at night", "[^1]: Smith J. Gout. BMJ. 2020.", "[nhs] says rest."])
def test_cl103_what_shows_something_is_content(body):
    page = f"# Gout\n\nIntro.\n\n## Symptoms\n\n{body}\n\n## Treatment\n\nRest.\n"
    assert lint_text(page, select=["CL103"]) == []


def test_cl306_an_arabic_letter_mark_is_no_right_to_left_text():
    # U+061C lies in the Arabic block: it made its own line "right-to-left", so neither
    # it nor a left-to-right mark beside it was reported
    page = "# T\n\nTake one tab\u061clet daily. Take 5\u200e mg.\n"
    found = [(f.code, f.line, f.column, f.message) for f in lint_text(page, select=["CL306"])]
    assert found == [("CL306", 3, 13, "invisible Arabic letter mark <U+061C>"),
                     ("CL306", 3, 31, "invisible left-to-right mark <U+200E>")]
    # in Arabic text the marks are wanted
    assert lint_text("# T\n\n\u0645\u0631\u062d\u0628\u0627\u061c 5 \u200f mg\n",
                     select=["CL306"]) == []


def test_show_config_with_stdout_closed_and_write_baseline_says_so(tmp_path):
    # --write-baseline took stdout's place for the configuration too: a traceback
    (tmp_path / "p.md").write_text("# T\n", "utf-8")
    r = subprocess.run(
        f"{sys.executable} -m conditionlint check --show-config --write-baseline b.json "
        "p.md >&-", shell=True, cwd=tmp_path, capture_output=False,
        stderr=subprocess.PIPE, timeout=60)
    assert r.returncode == 2
    assert b"Traceback" not in r.stderr
    assert b"stdout is closed, so there is nowhere to write the configuration" in r.stderr


def test_a_blank_identifier_is_one_finding():
    page = ("---\ntitle: T\nevidence:\n  - id: d\n    title: A trial\n    year: 2020\n"
            "    design: rct\n    doi: \"  \"\n---\n# T\n\nRest helps [@d].\n")
    found = [(f.code, f.message) for f in lint_text(page, select=["CL405", "CL406"])]
    assert found == [("CL405", "evidence entry 'd' has no identifier (one of doi, pmid, "
                               "pmcid, nct, isbn, url)")]


def test_an_updated_by_byline_in_the_future_is_reported():
    page = "# T\n\nText.\n\nUpdated by Dr Jane Smith on December 3, 2026\n"
    found = [(f.code, f.message) for f in lint_text(page, select=["CL206"],
                                                    today="2026-11-15")]
    assert [c for c, _ in found] == ["CL206"]
    assert "2026-12-03, which is in the future" in found[0][1]


def test_a_whole_float_year_after_this_year_is_reported():
    # (audit23 #3: a float year is no whole-number year, reported once as such)
    page = ("---\ntitle: T\nevidence:\n  - id: d\n    title: A trial\n    year: 2030.0\n"
            "    design: rct\n    doi: 10.1000/xyz\n---\n# T\n\nRest helps [@d].\n")
    found = [(f.code, f.message) for f in lint_text(page, select=["CL203"],
                                                    today="2026-12-01")]
    assert found == [("CL203", "evidence[0].year: 2030.0 should be a whole number, "
                               "written without a decimal point or exponent (e.g. 2030)")]


def test_cl406_names_an_entry_without_an_id_by_its_place_as_cl405_does():
    page = ("---\ntitle: T\nevidence:\n  - title: A trial\n    year: 2020\n"
            "    design: rct\n    doi: 10.1000\n---\n# T\n\nRest helps.\n")
    found = {f.code: f.message for f in lint_text(page, select=["CL405", "CL406"])}
    assert found["CL405"].startswith("evidence[0] ")
    assert found["CL406"].startswith("evidence[0]: DOI '10.1000'")
