"""JUnit XML: one test case per file, one failure per finding, always well-formed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conditionlint.api import default_registry
from conditionlint.formatters import Report
from conditionlint.formatters.junit import render
from conditionlint.model import Finding
from tests.conftest import TODAY, run_cli
from tests.integration_pages import write_site


def test_one_case_per_file_one_failure_per_finding(tmp_path) -> None:
    write_site(tmp_path)
    r = run_cli("check", "--output-format", "junit", "--today", TODAY, "--no-cache",
                "content", cwd=tmp_path)
    assert r.returncode == 1
    as_json = run_cli("check", "--output-format", "json", "--today", TODAY, "--no-cache",
                      "content", cwd=tmp_path)
    import json

    findings = json.loads(as_json.stdout)["findings"]
    root = ET.fromstring(r.stdout)
    cases = root.findall("./testsuite/testcase")
    names = [c.get("name") for c in cases]
    assert names == sorted(names)
    assert len(names) == 5 and "content/nested dir/säge, 1.md" in names
    per_file = {c.get("name"): c.findall("failure") for c in cases}
    for name, failures in per_file.items():
        expected = [f for f in findings if f["path"] == name]
        assert [x.get("type").split()[0] for x in failures] == [f["code"] for f in expected]
    assert root.get("failures") == str(len(findings))
    assert root.get("tests") == "5"


def test_clean_file_is_a_passing_case(tmp_path) -> None:
    (tmp_path / "ok.md").write_text("# T\n", "utf-8")
    r = run_cli("check", "--output-format", "junit", "--select", "CL105", "ok.md",
                cwd=tmp_path)
    assert r.returncode == 0
    (case,) = ET.fromstring(r.stdout).findall("./testsuite/testcase")
    assert case.get("name") == "ok.md" and list(case) == []


def test_untrusted_text_stays_well_formed() -> None:
    evil = "a <b>&\x00\x1b\ufffe\udcff \u202e \"q\" ]]>"
    f = Finding(path="x.md", code="CL304", name="control-character", severity="error",
                message=evil, line=2, column=1, end_line=2, end_column=2, snippet=evil)
    xml = render(Report([f], ["x.md"], default_registry(), "0"))
    failure = ET.fromstring(xml).find("./testsuite/testcase/failure")
    assert failure.get("message") == ("2:1 CL304 a <b>&<U+0000><U+001B><U+FFFE><U+DCFF> "
                                      "<U+202E> \"q\" ]]>")
    assert "x.md:2:1: CL304 [error]" in failure.text
