"""JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure Pipelines).

One test case per checked file; one ``<failure>`` per finding; a file without findings
is a passing test case. Page text is untrusted: besides XML escaping, characters XML 1.0
cannot carry and terminal-unsafe ones (controls, bidi) are written as ``<U+XXXX>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from conditionlint.formatters import Report, rule_url
from conditionlint.formatters.text import escape

# What escape() leaves and XML 1.0 forbids: lone surrogates and U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"<U+{ord(m.group()):04X}>", escape(text))


def render(report: Report) -> str:
    by_file = {p: [] for p in report.files}  # type: dict[str, list]
    for path, group in groupby(report.findings, key=lambda f: f.path):
        by_file.setdefault(path, []).extend(group)
    total_failures = len(report.findings)
    root = ET.Element("testsuites", name="conditionlint", tests=str(len(by_file)),
                      failures=str(total_failures), errors="0")
    suite = ET.SubElement(root, "testsuite", name="conditionlint", tests=str(len(by_file)),
                          failures=str(total_failures), errors="0", skipped="0", time="0")
    for path in sorted(by_file):
        findings = by_file[path]
        case = ET.SubElement(suite, "testcase", classname="conditionlint", name=clean(path),
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
            detail.append(f"see {rule_url(f.code)}")
            failure.text = "\n".join(detail)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
