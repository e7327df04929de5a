"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=content/x.md,line=3,col=1,endLine=3,endColumn=9,title=conditionlint CL401::msg

Escaping follows GitHub's runner: in the message ``%``, CR and LF are percent-encoded;
property values (file, title) also encode ``:`` and ``,``. Other control and bidi
characters, which could hide text in the log, are shown as ``<U+XXXX>``.
"""

from __future__ import annotations

from collections.abc import Iterator

from conditionlint.formatters import Report
from conditionlint.formatters.text import escape

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape(text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def stream(report: Report) -> Iterator[str]:
    for f in report.findings:
        props = ",".join([
            f"file={escape_property(f.path)}",
            f"line={f.line}",
            f"col={f.column}",
            f"endLine={f.end_line}",
            f"endColumn={f.end_column}",
            f"title={escape_property(f'conditionlint {f.code}')}",
        ])
        yield (f"::{COMMANDS.get(f.severity, 'warning')} {props}::"
               f"{escape_data(f.message)}\n")


def render(report: Report) -> str:
    return "".join(stream(report))
