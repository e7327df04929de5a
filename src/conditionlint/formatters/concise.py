"""``path:line:col: CODE [severity] message``, one finding per line."""

from __future__ import annotations

from conditionlint.formatters import Report
from conditionlint.formatters.text import escape, paint, statistics, summary_line


def render(report: Report) -> str:
    c = report.color
    lines = []
    for f in report.findings:
        lines.append(f"{escape(f.path)}:{f.line}:{f.column}: {paint(f.code, 'code', c)} "
                     f"[{paint(f.severity, f.severity, c)}] {escape(f.message)}")
    if report.statistics and report.findings:
        lines.append(statistics(report))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
