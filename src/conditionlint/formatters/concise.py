"""``path:line:col: CODE [severity] message``, one finding per line."""

from __future__ import annotations

from collections.abc import Iterator

from conditionlint.formatters import Report
from conditionlint.formatters.text import escape, paint, statistics, summary_line


def stream(report: Report) -> Iterator[str]:
    c = report.color
    for f in report.findings:
        yield (f"{escape(f.path)}:{f.line}:{f.column}: {paint(f.code, 'code', c)} "
               f"[{paint(f.severity, f.severity, c)}] {escape(f.message)}\n")
    if report.statistics and report.findings:
        yield statistics(report) + "\n"
    yield summary_line(report) + "\n"


def render(report: Report) -> str:
    return "".join(stream(report))
