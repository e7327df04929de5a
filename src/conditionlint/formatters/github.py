"""GitHub Actions workflow commands: one annotation per finding, after one ``::error``
per path that does not exist and per broken config file met under a checked folder.

    ::error file=content/x.md,line=3,col=1,endLine=3,endColumn=9,title=conditionlint CL401::msg

Escaping follows GitHub's runner: in the message ``%``, CR and LF are percent-encoded;
property values (file, title) also encode ``:`` and ``,``. Other control and bidi
characters, which could hide text in the log, are shown as ``<U+XXXX>`` in the message
and the title. The file is the exception: the runner decodes only those five
percent-encodings, so a file name holding ESC or U+202E shown as ``<U+001B>`` (or
``%1B``) named a file that does not exist and the annotation was lost (audit22 #12);
the file property keeps every other character as it is, and the runner consumes
the command line (it is not printed in the log).
"""

from __future__ import annotations

from collections.abc import Iterator

from conditionlint.formatters import Report, run_errors
from conditionlint.formatters.text import escape

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _percent_data(text: str) -> str:
    """The three encodings the runner decodes in a message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _percent_property(text: str) -> str:
    """The two more it decodes in a property value: ``:`` and ``,``."""
    return text.replace(":", "%3A").replace(",", "%2C")


def escape_data(text: str) -> str:
    return escape(_percent_data(text))


def escape_property(text: str) -> str:
    return _percent_property(escape_data(text))


def escape_file(path: str) -> str:
    """A path as the runner reads it back: the five encodings it decodes, nothing else
    (a lone surrogate, a byte of a file name that is not UTF-8, cannot be written out
    and is shown as ``<U+DCxx>`` as before)."""
    if any("\ud800" <= c <= "\udfff" for c in path):
        path = "".join(escape(c) if "\ud800" <= c <= "\udfff" else c for c in path)
    return _percent_property(_percent_data(path))


def stream(report: Report) -> Iterator[str]:
    # the run's own errors first (exit code 2): a broken config file is annotated at its
    # line and column, so the pull request shows why the pages under it went unchecked;
    # a path that does not exist has no file to point at and gets a plain error
    for e in run_errors(report):
        if e.kind == "config":
            props = [f"file={escape_file(e.path)}"]
            props += [f"line={e.line}"] if e.line is not None else []
            props += [f"col={e.column}"] if e.line is not None and e.column is not None else []
            props.append(f"title={escape_property('conditionlint config error')}")
        else:
            props = [f"title={escape_property('conditionlint missing path')}"]
        yield f"::error {','.join(props)}::{escape_data(e.where() + ': ' + e.message)}\n"
    for f in report.findings:
        props = ",".join([
            f"file={escape_file(f.path)}",
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
