"""CL204/CL205 read review lines written in the page body when front matter has none."""

from __future__ import annotations

from conditionlint.api import lint_text

BASE = "# Hives\n\nAn itchy rash.\n\n"


def run(text, today="2026-11-29"):
    return [(f.code, f.line, f.column, f.end_column, f.message)
            for f in lint_text(text, select=["CL204", "CL205"], today=today)]


def test_body_last_reviewed_overdue_and_counts_as_metadata():
    page = BASE + "Reviewed by Dr A. Example.\n\nPage last reviewed: 14 March 2025\n"
    assert run(page) == [("CL204", 7, 1, 34,
                          "review overdue: the page says it was last reviewed 2025-03-14, "
                          "more than 12 months before today (2026-11-29)")]


def test_next_review_due_in_the_future_wins():
    page = BASE + "Page last reviewed: 02 April 2024\nNext review due: 02 April 2027\n"
    got = run(page)
    assert [g[0] for g in got] == ["CL205"]  # no reviewer named; not overdue
    assert "'reviewed_by' missing" in got[0][4]


def test_next_review_passed():
    page = BASE + "Last updated: March 3, 2025. Next review due: 1 Sept 2026.\n"
    got = [g for g in run(page) if g[0] == "CL204"]
    assert got == [("CL204", 5, 30, 58, "review overdue: the page's next review date "
                                        "2026-09-01 passed 89 days ago (today is 2026-11-29)")]


def test_front_matter_dates_take_precedence():
    page = "---\ntitle: H\nreviewed_by: Dr B\nlast_reviewed: 2026-10-01\n---\n" + BASE + \
        "Page last reviewed: 14 March 2020\n"
    assert run(page) == []


def test_no_dates_anywhere():
    got = run(BASE)
    assert [g[0] for g in got] == ["CL205"]
    assert "'reviewed_by' and 'last_reviewed' missing" in got[0][4]


def test_numeric_body_dates_take_the_later_reading():
    # 02/03/2025: 2 March (UK) or 3 February (US); either way over 12 months old.
    page = BASE + "Reviewed by Dr A. Example. Page last reviewed: 02/03/2025\n"
    got = [g for g in run(page) if g[0] == "CL204"]
    assert got and "last reviewed 2025-03-02" in got[0][4]
    # 25/12/2025 can only be day-first: not yet 12 months old.
    assert run(BASE + "Reviewed by Dr A. Example. Last reviewed 25/12/2025.\n") == []


def test_a_review_still_to_come_is_no_last_review():
    # "will be updated 1 May 2027" says when the page will change, not when it was
    # reviewed: CL205 still asks for a last review, and no overdue or future-date
    # reading follows from it
    for prose in ("This page will be updated 1 May 2027.",
                  "The leaflet is due to be reviewed 1 March 2025.",
                  "Content is being updated 1 May 2025."):
        got = run(BASE + "Reviewed by Dr A. Example.\n\n" + prose + "\n")
        assert [(g[0], g[1], g[4]) for g in got] == [
            ("CL205", 1, "no review metadata: 'last_reviewed' missing (the page has no "
                        "front matter)")], prose


def test_a_past_review_in_the_same_words_still_counts():
    got = run(BASE + "Reviewed by Dr A. Example.\n\nThis page was updated 1 May 2025.\n")
    assert [(g[0], g[1], g[2]) for g in got] == [("CL204", 7, 15)]
