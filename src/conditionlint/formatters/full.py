"""For people: findings grouped by file, each with the offending source line and a
caret under the span, then a summary line."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from conditionlint.formatters import Report
from conditionlint.formatters.text import escape, paint, statistics, summary_line, width

MAX_LINE = 120  # columns of source shown around a finding


def stream(report: Report) -> Iterator[str]:
    c = report.color
    for path, group in groupby(report.findings, key=lambda f: f.path):
        out = [paint(escape(path), "bold", c)]
        for f in group:
            fixable = " [fixable]" if f.fix is not None else ""
            out.append(f"  {f.line}:{f.column}  {paint(f.severity, f.severity, c)}  "
                       f"{paint(f.code, 'code', c)} {escape(f.name)}{fixable}")
            out.append(f"    {escape(f.message)}")
            out.extend(_excerpt(f, c))
        out.append("")
        yield "".join(line + "\n" for line in out)
    if report.statistics and report.findings:
        yield statistics(report) + "\n\n"
    yield summary_line(report) + "\n"


def render(report: Report) -> str:
    return "".join(stream(report))


def _excerpt(f, color: bool) -> list[str]:  # noqa: ANN001
    line = f.snippet
    if not line and f.line == 1 and f.column == 1:
        return []
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    # Window long lines around the span.
    lo = 0
    if len(line) > MAX_LINE:
        lo = max(0, min(start - 20, len(line) - MAX_LINE))
    hi = min(len(line), lo + MAX_LINE)
    shown = line[lo:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    before = escape(prefix + line[lo:start].expandtabs(4))
    span = escape(line[start:min(end, hi)].expandtabs(4)) or " "
    gutter = f"{f.line:>6} | "
    caret_pad = " " * width(before)
    carets = "^" * max(1, width(span))
    return [paint(gutter, "dim", color) + escape(prefix + shown.expandtabs(4)) + suffix,
            paint(" " * (len(gutter) - 2) + "| ", "dim", color)
            + caret_pad + paint(carets, f.severity, color)]
