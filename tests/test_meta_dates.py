"""CL204-CL206: review metadata and dates, with a fixed "today"."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY, run_cli

BODY = "# Gout\n\nA form of arthritis.\n"


def page(**keys):
    lines = "".join(f"{k}: {v}\n" for k, v in keys.items())
    return "---\ntitle: Gout\n" + lines + "---\n" + BODY


def found(text, code, today=TODAY, config=None):
    return [(f.line, f.column, f.message) for f in
            lint_text(text, select=[code], today=today, config=config)]


# -- CL204 -------------------------------------------------------------------------------
def test_next_review_passed():
    text = page(reviewed_by="Dr X", last_reviewed="2025-10-01", next_review="2026-11-28")
    assert found(text, "CL204") == [
        (5, 1, "review overdue: next_review 2026-11-28 passed 1 day ago (today is 2026-11-29)")]


def test_next_review_today_is_not_overdue():
    text = page(reviewed_by="Dr X", last_reviewed="2025-12-01", next_review="2026-11-29")
    assert found(text, "CL204") == []


@pytest.mark.parametrize("last,overdue", [
    ("2025-11-29", False),  # exactly 12 months
    ("2025-11-28", True),
    ("2024-02-29", True),
    ("2026-06-01", False),
])
def test_last_reviewed_age_without_next_review(last, overdue):
    got = found(page(reviewed_by="Dr X", last_reviewed=last), "CL204")
    assert bool(got) == overdue
    if overdue:
        assert got[0][:2] == (4, 1)
        assert f"last_reviewed {last} is more than 12 months" in got[0][2]


def test_next_review_ahead_wins_over_age_unless_configured(tmp_path):
    text = page(reviewed_by="Dr X", last_reviewed="2024-06-01", next_review="2027-06-01")
    assert found(text, "CL204") == []
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  review-overdue:\n    options:\n"
                   "      respect-next-review: false\n      max-age-months: 24\n")
    assert [m[:2] for m in found(text, "CL204", config=cfg)] == [(4, 1)]


def test_today_comes_from_the_cli(tmp_path):
    (tmp_path / "p.md").write_text(page(reviewed_by="Dr X", last_reviewed="2026-01-01",
                                        next_review="2026-06-01"))
    before = run_cli("check", "--select", "CL204", "--today", "2026-05-31", "p.md",
                     cwd=tmp_path)
    after = run_cli("check", "--select", "CL204", "--today", "2026-06-02",
                    "--output-format", "concise", "p.md", cwd=tmp_path)
    assert before.returncode == 0
    assert after.returncode == 0  # a warning does not fail the default --fail-on error
    assert after.stdout.decode().splitlines()[0] == (
        "p.md:5:1: CL204 [warning] review overdue: next_review 2026-06-01 passed 1 day "
        "ago (today is 2026-06-02)")


def test_invalid_dates_are_left_to_cl203():
    text = page(reviewed_by="Dr X", last_reviewed="2026-13-01", next_review="2020-02-30")
    assert found(text, "CL204") == [] and found(text, "CL206") == []


# -- CL205 -------------------------------------------------------------------------------
def test_missing_reviewer_points_at_front_matter():
    assert found(page(last_reviewed="2026-10-01"), "CL205") == [
        (1, 1, "no review metadata: 'reviewed_by' missing")]


def test_missing_both_without_front_matter():
    assert found(BODY, "CL205") == [
        (1, 1, "no review metadata: 'reviewed_by' and 'last_reviewed' missing "
               "(the page has no front matter)")]


def test_empty_values_count_as_missing():
    assert found(page(reviewed_by="''", last_reviewed="2026-10-01"), "CL205") != []
    assert found(page(reviewed_by="[Dr A, Dr B]", last_reviewed="2026-10-01"), "CL205") == []


# -- CL206 -------------------------------------------------------------------------------
def test_last_reviewed_in_the_future():
    text = page(reviewed_by="Dr X", last_reviewed="2026-11-30", next_review="2027-11-30")
    assert found(text, "CL206") == [
        (4, 1, "last_reviewed 2026-11-30 is in the future (today is 2026-11-29)")]


def test_next_review_before_or_on_last_reviewed():
    text = page(reviewed_by="Dr X", last_reviewed="2026-10-01", next_review="2025-10-01")
    assert found(text, "CL206") == [
        (5, 1, "next_review 2025-10-01 is before last_reviewed 2026-10-01")]
    same = page(reviewed_by="Dr X", last_reviewed="2026-10-01", next_review="2026-10-01")
    assert found(same, "CL206")[0][2].endswith("is the same day as last_reviewed 2026-10-01")


def test_consistent_dates_pass():
    text = page(reviewed_by="Dr X", last_reviewed="2026-11-29", next_review="2027-11-29")
    assert found(text, "CL206") == [] and found(text, "CL204") == []
