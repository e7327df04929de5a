"""Machine-readable report; its shape is ``schemas/report.schema.json`` (version 1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from conditionlint.formatters import Report, RunError, byte_span, rule_url, run_errors
from conditionlint.model import Finding
from conditionlint.registry import Registry

REPORT_VERSION = 1


def fix_dict(f: Finding) -> dict[str, Any] | None:
    if f.fix is None:
        return None
    edits = []
    for e, pos in zip(f.fix.edits, f.edit_positions or [(0, 0, 0, 0)] * len(f.fix.edits)):
        edit = {"line": pos[0], "column": pos[1], "end_line": pos[2], "end_column": pos[3],
                "offset": e.start, "end_offset": e.end, "replacement": e.replacement}
        span = byte_span(f)
        if span is not None:  # bytes the decoded text does not hold: say which
            edit["byte_offset"], edit["byte_length"] = span
        edits.append(edit)
    return {"description": f.fix.description, "edits": edits}


def finding_dict(f: Finding, registry: Registry | None = None) -> dict[str, Any]:
    return {"path": f.path, "code": f.code, "name": f.name, "severity": f.severity,
            "message": f.message, "line": f.line, "column": f.column,
            "end_line": f.end_line, "end_column": f.end_column, "fix": fix_dict(f),
            "url": rule_url(f.code, registry)}


def _error_dict(e: RunError) -> dict[str, Any]:
    out: dict[str, Any] = {"path": e.path, "message": e.message, "kind": e.kind}
    if e.line is not None:  # (a config's; a missing path has none)
        out["line"] = e.line
        if e.column is not None:
            out["column"] = e.column
    return out


def stream(report: Report) -> Iterator[str]:
    """The same bytes as ``json.dumps(document, indent=2)``, a finding at a time."""
    c = report.counts()
    head = {
        "version": REPORT_VERSION,
        "tool": {"name": "conditionlint", "version": report.version},
        "summary": {"files": len(report.files), "findings": len(report.findings),
                    "errors": c["error"], "warnings": c["warning"], "infos": c["info"],
                    "fixable": report.fixable()},
    }
    if report.statistics:  # --statistics: counts per rule, most frequent first
        head["statistics"] = [{"code": code, "name": name, "count": n, "fixable": fixable}
                              for code, name, n, fixable in report.per_rule()]
    errors = run_errors(report)
    if errors:  # paths named that do not exist, broken configs (exit code 2), as SARIF's
        # notifications; a config error says where in the file it is, when known
        head["errors"] = [_error_dict(e) for e in errors]
    head["findings"] = []  # last: the findings are streamed into it
    # ensure_ascii keeps control and bidi characters escaped (\u202e) in the output.
    text = json.dumps(head, indent=2, ensure_ascii=True)
    if not report.findings:
        yield text + "\n"
        return
    assert text.endswith('"findings": []\n}')
    yield text[:-len("]\n}")] + "\n"
    first = True
    for f in report.findings:
        item = json.dumps(finding_dict(f, report.registry), indent=2, ensure_ascii=True)
        item = "    " + item.replace("\n", "\n    ")
        yield item if first else ",\n" + item
        first = False
    yield "\n  ]\n}\n"


def render(report: Report) -> str:
    return "".join(stream(report))
