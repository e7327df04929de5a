"""JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure Pipelines).

One test case per checked file; one ``<failure>`` per finding; a file without findings
is a passing test case. Before them, one test case with an ``<error>`` for each path of
the command line that does not exist and each broken config file met under a checked
folder (exit code 2; audit25 #2: they were on stderr only, and the report read as a
pass). Page text is untrusted: besides XML escaping, characters XML 1.0
cannot carry and terminal-unsafe ones (controls, bidi) are written as ``<U+XXXX>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import chain, groupby

from conditionlint.formatters import Report, RunError, cases, rule_url, run_errors
from conditionlint.formatters.text import escape
from conditionlint.model import Finding
from conditionlint.registry import Registry

# What escape() leaves and XML 1.0 forbids: lone surrogates and U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"<U+{ord(m.group()):04X}>", escape(text))


def _case(path: str, findings: list[Finding], registry: Registry) -> ET.Element:
    case = ET.Element("testcase", classname="conditionlint", name=clean(path),
                      file=clean(path), time="0")
    for f in findings:
        failure = ET.SubElement(
            case, "failure", type=f"{f.code} {f.name}",
            message=clean(f"{f.line}:{f.column} {f.code} {f.message}"))
        detail = [f"{clean(path)}:{f.line}:{f.column}: {f.code} [{f.severity}] "
                  f"{clean(f.message)}"]
        if f.snippet:
            detail.append(f"    {clean(f.snippet)}")
        if f.fix is not None:
            detail.append(f"fixable: {clean(f.fix.description)}")
        url = rule_url(f.code, registry)
        if url:
            detail.append(f"see {url}")
        failure.text = "\n".join(detail)
    return case


def _error_case(e: RunError) -> ET.Element:
    case = ET.Element("testcase", classname="conditionlint", name=clean(e.path),
                      file=clean(e.path), time="0")
    kind = "config error" if e.kind == "config" else "missing path"
    error = ET.SubElement(case, "error", type=kind,
                          message=clean(f"{e.place} {e.message}" if e.place else e.message))
    said = "config error: " if e.kind == "config" else ""
    error.text = f"{clean(e.where())}: {said}{clean(e.message)}"
    return case


def _head(tests: int, failures: int, errors: int = 0) -> tuple[str, str]:
    """The document up to the first test case, and from the last one on."""
    root = ET.Element("testsuites", name="conditionlint", tests=str(tests),
                      failures=str(failures), errors=str(errors))
    suite = ET.SubElement(root, "testsuite", name="conditionlint", tests=str(tests),
                          failures=str(failures), errors=str(errors), skipped="0",
                          time="0")
    ET.SubElement(suite, "testcase")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    mark = "<testcase />"
    assert body.count(mark) == 1
    before, after = body.split(mark)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + before, after + "\n"


def stream(report: Report) -> Iterator[str]:
    """The same bytes as the whole tree indented by ``ET.indent``, written a test case
    at a time: the files and findings are read twice (a count, then the cases), never
    held whole."""
    errors = run_errors(report)
    tests = sum(1 for _ in cases(report)) + len(errors)
    if tests == 0:
        yield render_whole(report)
        return
    head, foot = _head(tests, len(report.findings), len(errors))
    yield head
    # ET.indent puts each case on its own line, four spaces in; the failures six in
    n = 0
    for case in chain((_error_case(e) for e in errors),
                      (_case(path, findings, report.registry)
                       for path, findings in cases(report))):
        if len(case):
            case.text = "\n      "
            for failure in case:
                failure.tail = "\n      "
            case[-1].tail = "\n    "
        n += 1
        yield ET.tostring(case, encoding="unicode") + ("\n    " if n < tests else "")
    yield foot


def render(report: Report) -> str:
    return "".join(stream(report))


def render_whole(report: Report) -> str:
    """The whole tree in memory (what :func:`stream` writes piece by piece)."""
    by_file = {p: [] for p in report.files}  # type: dict[str, list]
    for path, group in groupby(report.findings, key=lambda f: f.path):
        by_file.setdefault(path, []).extend(group)
    total_failures = len(report.findings)
    errors = run_errors(report)
    tests = str(len(by_file) + len(errors))
    root = ET.Element("testsuites", name="conditionlint", tests=tests,
                      failures=str(total_failures), errors=str(len(errors)))
    suite = ET.SubElement(root, "testsuite", name="conditionlint", tests=tests,
                          failures=str(total_failures), errors=str(len(errors)),
                          skipped="0", time="0")
    for e in errors:
        suite.append(_error_case(e))
    for path in sorted(by_file):
        suite.append(_case(path, by_file[path], report.registry))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
