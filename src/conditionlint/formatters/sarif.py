"""SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, GitLab...).

Paths are relative URIs against the ``%SRCROOT%`` base (the folder the check ran in),
columns are Unicode code points (``columnKind``), and every result carries a
``partialFingerprints`` value that does not depend on its line number, so an alert keeps
its identity when lines above it are added or removed.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby, islice
from pathlib import Path
from typing import Any
from urllib.parse import quote

from conditionlint.baseline import fingerprints
from conditionlint.formatters import Report, RunError, byte_span, doc_url, run_errors
from conditionlint.model import Finding
from conditionlint.registry import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/conditionlint/conditionlint"
BASE_ID = "%SRCROOT%"
FINGERPRINT_KEY = "conditionlint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for a display path: relative paths hang off %SRCROOT%."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri(), None
    # a file name that is not UTF-8 holds its bytes as surrogates (os.fsdecode): the
    # URI percent-encodes those bytes, as Path.as_uri does for an absolute path
    return quote(path.encode("utf-8", "surrogateescape"), safe="/-._~"), BASE_ID


def _first_paragraph(doc: str) -> str:
    para: list[str] = []
    for line in doc.splitlines():
        if line.startswith("#"):
            break
        if not line.strip():
            if para:
                break
            continue
        para.append(line.strip())
    return " ".join(para)


def _rule(r: Rule) -> dict[str, Any]:
    full = _first_paragraph(r.doc) or r.summary
    out: dict[str, Any] = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": full},
    }
    url = doc_url(r)
    if url:  # (a rule from a config's rule-paths or a plugin has no page of ours)
        out["helpUri"] = url
    out["defaultConfiguration"] = {"level": LEVELS[r.severity]}
    out["properties"] = {"fixable": r.fixable, "origin": r.origin}
    if r.doc:
        out["help"] = {"text": r.doc, "markdown": r.doc}
    return out


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, int]:
    # SARIF regions are 1-based with an exclusive end column, as ours are.
    return {"startLine": max(line, 1), "startColumn": max(col, 1),
            "endLine": max(end_line, line, 1),
            "endColumn": max(end_col if end_line > line else max(end_col, col), 1)}


@lru_cache(maxsize=4096)
def _location_cached(path: str) -> tuple[tuple[str, str], ...]:
    uri, base = _uri(path)
    return (("uri", uri),) + ((("uriBaseId", base),) if base else ())


def _location(path: str) -> dict[str, Any]:
    return dict(_location_cached(path))


def _fix(f: Finding) -> dict[str, Any]:
    assert f.fix is not None
    positions = f.edit_positions or ((f.line, f.column, f.end_line, f.end_column),) * len(
        f.fix.edits)
    replacements = []
    for edit, (l1, c1, l2, c2) in zip(f.fix.edits, positions):
        span = byte_span(f)  # bytes the text (lines, columns) does not hold
        region = {"byteOffset": span[0], "byteLength": span[1]} if span is not None else \
            _region(l1, c1, l2, c2)
        replacements.append({"deletedRegion": region,
                             "insertedContent": {"text": edit.replacement}})
    return {"description": {"text": f.fix.description},
            "artifactChanges": [{"artifactLocation": _location(f.path),
                                 "replacements": replacements}]}


def _result(f: Finding, fingerprint: str, rule_index: dict[str, int]) -> dict[str, Any]:
    region = _region(f.line, f.column, f.end_line, f.end_column)
    if f.snippet:
        region["snippet"] = {"text": f.snippet}
    res: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _location(f.path),
                                            "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if f.code in rule_index:
        res["ruleIndex"] = rule_index[f.code]
    if f.fix is not None and f.fix.edits:
        res["fixes"] = [_fix(f)]
    return res


def _invocation(failed: bool, errors: list[RunError]) -> dict[str, Any]:
    """A run with a path that does not exist, or a broken config under a checked folder,
    is not successful (exit code 2), and says which: it said executionSuccessful true.
    A broken config's notification also gives its file, line and column as a location
    (audit25 #2: it was on stderr only)."""
    out: dict[str, Any] = {"executionSuccessful": not failed and not errors}
    if errors:
        out["toolExecutionNotifications"] = [_notification(e) for e in errors]
    return out


def _notification(e: RunError) -> dict[str, Any]:
    if e.kind != "config":
        return {"level": "error", "message": {"text": f"{e.path}: {e.message}"}}
    physical: dict[str, Any] = {"artifactLocation": _location(e.path)}
    if e.line is not None:
        region = {"startLine": e.line}
        if e.column is not None:
            region["startColumn"] = e.column
        physical["region"] = region
    return {"level": "error", "message": {"text": f"config error: {e.where()}: {e.message}"},
            "locations": [{"physicalLocation": physical}]}


def _run_head(report: Report, rules: list[Rule]) -> dict[str, Any]:
    codes = getattr(report.findings, "codes", None)  # a spool keeps the codes seen
    failed = "CL901" in codes if codes is not None else any(
        f.code == "CL901" for f in report.findings)
    return {
        "tool": {"driver": {
            "name": "conditionlint",
            "version": report.version,
            "semanticVersion": report.version,
            "informationUri": INFO_URI,
            "rules": [_rule(r) for r in rules],
        }},
        "originalUriBaseIds": {BASE_ID: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(failed, run_errors(report))],
        "artifacts": [],
        "results": [],
    }


def _dump(obj: Any) -> str:
    # Compact: SARIF is read by machines, and only compact output uses json's C encoder
    # (indented output of 10,000 results takes seconds).
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":"))


def _results(report: Report, rule_index: dict[str, int]) -> Iterator[str]:
    # fingerprints count occurrences within a file, so they are taken file by file
    for _, group in groupby(report.findings, key=operator.attrgetter("path")):
        batch = list(group)
        for f, fp in zip(batch, fingerprints(batch)):
            yield _dump(_result(f, fp, rule_index))


def _joined(items: Iterator[str], size: int = 256) -> Iterator[str]:
    """``items`` joined by commas, a few hundred at a time."""
    first = True
    while True:
        part = list(islice(items, size))
        if not part:
            return
        yield ("" if first else ",") + ",".join(part)
        first = False


def stream(report: Report) -> Iterator[str]:
    """The same bytes as ``json.dumps(document)`` (compact), written an artifact and a
    result at a time: the files and findings are read once each, never held whole."""
    rules = report.registry.sorted()
    rule_index = {r.code: i for i, r in enumerate(rules)}
    doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [_run_head(report, rules)]}
    text = _dump(doc)
    tail = '[],"results":[]}]}'
    assert text.endswith('"artifacts":' + tail)
    yield text[:-len(tail)] + "["
    yield from _joined(_dump({"location": _location(p)}) for p in report.files)
    yield '],"results":['
    yield from _joined(_results(report, rule_index))
    yield "]}]}\n"


def render(report: Report) -> str:
    return "".join(stream(report))
