"""Helpers shared by the twenty-first session's fix tests (test_fix21b/d/f): lint or fix
an invented page on the session's date."""

from __future__ import annotations

from conditionlint.api import fix_text, lint_text

TODAY = "2026-12-01"


def lint(text, select=None, config=None):
    return lint_text(text, select=select, today=TODAY, config=config)


def fixed(text, select=None):
    return fix_text(text, select=select, today=TODAY).decode("utf-8")


def msgs(findings, code):
    return [f.message for f in findings if f.code == code]
