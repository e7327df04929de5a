"""Helpers for human-readable output: terminal-safe escaping and display widths."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls (tab kept; ESC starts ANSI and OSC 8 sequences, CR overwrites the
# line), DEL, bidi controls, line/paragraph separators, invisible tag characters (used
# to smuggle hidden text) and others that change how a terminal shows what follows.
# Unicode's 66 noncharacters (U+FDD0-U+FDEF and the last two code points of every plane:
# U+FFFE is a byte-order mark read backwards), which CL304 reports, are shown escaped too.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f" + _NONCHARACTERS + "]")


def escape(text: str) -> str:
    """Make untrusted text safe for a terminal: controls shown as <U+XXXX>."""
    if text.isascii() and text.isprintable():  # most paths and messages: nothing to do
        return text
    return _UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def width(text: str) -> int:
    """Terminal columns of ``text`` (escaped: no controls): wide and full-width
    characters take two, combining marks none."""
    if text.isascii():  # most excerpts: one column a character
        return len(text)
    w = 0
    for ch in text:
        if ch < "\u0300":  # below the first combining mark nothing is wide or combining
            w += 1
        elif not unicodedata.combining(ch):
            w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m",
          "bold": "\x1b[1m", "dim": "\x1b[2m", "code": "\x1b[1;35m", "reset": "\x1b[0m"}


def paint(text: str, style: str, on: bool) -> str:
    return f"{COLORS[style]}{text}{COLORS['reset']}" if on else text


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(report: "object") -> str:
    from conditionlint.formatters import Report

    assert isinstance(report, Report)
    c = report.counts()
    n = len(report.findings)
    files_with = report.files_with_findings()
    fixable = report.fixable()
    checked = plural(len(report.files), "file")
    failed = _run_failed(report)
    if not n:
        # (audit25 #5: "All checks passed" with exit code 2 when a path did not exist)
        line = f"{'No problems found' if failed else 'All checks passed'} ({checked} checked)."
    else:
        parts = [plural(c["error"], "error"), plural(c["warning"], "warning")]
        if c["info"]:
            parts.append(plural(c["info"], "info"))
        line = (f"Found {plural(n, 'problem')} ({', '.join(parts)}) in "
                f"{plural(files_with, 'file')}; {fixable} fixable ({checked} checked).")
    if report.fixed:
        line += f" Fixed {plural(report.fixed, 'problem')}."
    if failed:
        line += f" The run failed: {failed}."
    return line


def _run_failed(report: "object") -> str:
    """What besides findings failed the run (exit code 2), for the summary line: "1
    path does not exist, 2 config files are broken (the pages under them were not
    checked)"; "" when nothing did."""
    from conditionlint.formatters import run_errors

    errors = run_errors(report)  # type: ignore[arg-type]
    missing = sum(1 for e in errors if e.kind == "missing")
    broken = len(errors) - missing
    parts = []
    if missing:
        parts.append(f"{plural(missing, 'path')} "
                     f"{'does not exist' if missing == 1 else 'do not exist'}")
    if broken:
        parts.append(f"{plural(broken, 'config file')} "
                     f"{'is' if broken == 1 else 'are'} broken (the pages under "
                     f"{'it' if broken == 1 else 'them'} were not checked)")
    return ", ".join(parts)


def statistics(report: "object") -> str:
    from conditionlint.formatters import Report

    assert isinstance(report, Report)
    out = []
    for code, name, n, fixable in report.per_rule():
        mark = " [*]" if fixable else ""
        out.append(f"{n:>6}  {code}  {name}{mark}")
    return "\n".join(out)
