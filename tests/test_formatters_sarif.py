"""SARIF 2.1.0 output: schema validity, rules metadata, locations, fixes, fingerprints."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, TODAY, run_cli
from tests.integration_pages import CLEAN, damaged, write_site

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "sarif" / \
    "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    if not SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the SARIF schema is missing in CI: {SCHEMA}")
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _sarif(*args: str, cwd: Path) -> dict:
    r = run_cli("check", "--output-format", "sarif", "--today", TODAY, "--no-cache", *args,
                cwd=cwd)
    assert r.returncode in (0, 1), r.stderr.decode()
    assert r.stderr == b""
    return json.loads(r.stdout)


def _errors(validator: jsonschema.protocols.Validator, doc: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_examples_validate_against_the_official_schema(sarif_validator) -> None:
    doc = _sarif("examples", cwd=ROOT)
    assert _errors(sarif_validator, doc) == []
    results = doc["runs"][0]["results"]
    assert results, "examples/bad has findings"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert all(u.startswith("examples/") for u in uris)  # relative to the run folder
    assert any(u.startswith("examples/bad/") for u in uris)


def test_hostile_site_validates_and_matches_the_json_report(tmp_path, sarif_validator) -> None:
    write_site(tmp_path)
    doc = _sarif("content", cwd=tmp_path)
    assert _errors(sarif_validator, doc) == []
    as_json = json.loads(run_cli("check", "--output-format", "json", "--today", TODAY,
                                 "--no-cache", "content", cwd=tmp_path).stdout)
    run = doc["runs"][0]
    results = run["results"]
    assert len(results) == len(as_json["findings"])
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for res, f in zip(results, as_json["findings"]):
        loc = res["locations"][0]["physicalLocation"]
        assert res["ruleId"] == f["code"]
        assert res["level"] == levels[f["severity"]]
        assert res["message"]["text"] == f["message"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = loc["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"],
                region["endColumn"]) == (f["line"], f["column"], f["end_line"],
                                         f["end_column"])
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == f["code"]
        assert ("fixes" in res) == (f["fix"] is not None)
    # Relative, percent-encoded URIs; columns are code points.
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "content/nested%20dir/s%C3%A4ge%2C%201.md" in uris
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_driver_rules_carry_metadata() -> None:
    r = run_cli("check", "--output-format", "sarif", "-", "--stdin-filename", "x.md",
                input=b"no title\n")
    doc = json.loads(r.stdout)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    listed = json.loads(run_cli("rules", "--output-format", "json").stdout)
    assert [x["id"] for x in rules] == [x["code"] for x in listed]
    by_id = {x["id"]: x for x in rules}
    cl105 = by_id["CL105"]
    assert cl105["name"] == "missing-title"
    assert cl105["shortDescription"]["text"] == "The page has no level-1 heading."
    assert cl105["fullDescription"]["text"]
    assert cl105["helpUri"].endswith("/docs/rules/CL105.md")
    assert cl105["defaultConfiguration"]["level"] == "error"
    assert by_id["CL102"]["defaultConfiguration"]["level"] == "warning"


def test_fix_is_a_replacement_of_the_mojibake(tmp_path) -> None:
    (tmp_path / "p.md").write_text(damaged(), "utf-8")
    doc = _sarif("--select", "CL301", "p.md", cwd=tmp_path)
    (res,) = doc["runs"][0]["results"]
    (fix,) = res["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "p.md", "uriBaseId": "%SRCROOT%"}
    (rep,) = change["replacements"]
    assert rep["deletedRegion"] == {"startLine": 7, "startColumn": 64, "endLine": 7,
                                    "endColumn": 67}
    assert rep["insertedContent"]["text"] == "\u2014"


def test_the_byte_order_mark_fix_names_its_bytes(tmp_path, sarif_validator) -> None:
    # CL305's edit sat at line 1, column 1 with nothing deleted (the mark is not in the
    # decoded text): a tool applying it left the mark. It names the bytes now, in SARIF
    # and JSON, and applying them gives what --fix writes.
    data = b"\xef\xbb\xbf# X\n\nText.\n"
    (tmp_path / "b.md").write_bytes(data)
    doc = _sarif("--select", "CL305", "b.md", cwd=tmp_path)
    assert _errors(sarif_validator, doc) == []
    (res,) = doc["runs"][0]["results"]
    (rep,) = res["fixes"][0]["artifactChanges"][0]["replacements"]
    assert rep == {"deletedRegion": {"byteOffset": 0, "byteLength": 3},
                   "insertedContent": {"text": ""}}
    r = run_cli("check", "--output-format", "json", "--no-cache", "--select", "CL305",
                "b.md", cwd=tmp_path)
    report = json.loads(r.stdout)
    (edit,) = report["findings"][0]["fix"]["edits"]
    assert (edit["byte_offset"], edit["byte_length"], edit["replacement"]) == (0, 3, "")
    applied = data[:edit["byte_offset"]] + edit["replacement"].encode() + \
        data[edit["byte_offset"] + edit["byte_length"]:]
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(report)) == []
    assert run_cli("check", "--fix", "--no-cache", "--select", "CL305", "b.md",
                   cwd=tmp_path).returncode == 0
    assert (tmp_path / "b.md").read_bytes() == applied == b"# X\n\nText.\n"


def test_info_severity_is_a_note(tmp_path) -> None:
    (tmp_path / "p.md").write_text("# T\n\ntext\n", "utf-8")
    (tmp_path / ".conditionlint.yaml").write_text("rules:\n  CL102: info\n", "utf-8")
    doc = _sarif("--select", "CL102", "p.md", cwd=tmp_path)
    assert {r["level"] for r in doc["runs"][0]["results"]} == {"note"}


def test_fingerprints_survive_lines_added_above(tmp_path) -> None:
    (tmp_path / "p.md").write_text(damaged(), "utf-8")
    before = _sarif("--select", "CL1,CL3", "p.md", cwd=tmp_path)["runs"][0]["results"]
    (tmp_path / "p.md").write_text(damaged(extra_top="\nNew intro text.\n\nMore.\n"), "utf-8")
    after = _sarif("--select", "CL1,CL3", "p.md", cwd=tmp_path)["runs"][0]["results"]
    assert len(before) == len(after) == 1
    line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]  # noqa
    assert line(after[0]) == line(before[0]) + 4
    assert after[0]["partialFingerprints"] == before[0]["partialFingerprints"]


def test_identical_findings_get_distinct_fingerprints(tmp_path) -> None:
    page = CLEAN.replace("Attacks last", "Attacks \u0e42\u20ac\u201d last").replace(
        "Triggers include", "Triggers \u0e42\u20ac\u201d include")
    (tmp_path / "p.md").write_text(page, "utf-8")
    results = _sarif("--select", "CL301", "p.md", cwd=tmp_path)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["conditionlint/v1"] for r in results]
    assert len(prints) == 2 and len(set(prints)) == 2
    # Same problem text: same identity, occurrence index 0 and 1.
    assert prints[0].split(":")[0] == prints[1].split(":")[0]
    assert [p.split(":")[1] for p in prints] == ["0", "1"]


def test_output_is_deterministic(tmp_path) -> None:
    write_site(tmp_path)
    a = run_cli("check", "--output-format", "sarif", "--no-cache", "content", cwd=tmp_path)
    b = run_cli("check", "--output-format", "sarif", "--no-cache", "content", cwd=tmp_path)
    assert a.stdout == b.stdout


def test_a_file_name_that_is_not_utf8_is_percent_encoded(tmp_path, sarif_validator) -> None:
    # Its bytes reach the formatter as surrogates; quoting them used to raise
    # UnicodeEncodeError and leave a cut-off report.
    (tmp_path / os.fsdecode(b"bad\xff\xfename.md")).write_text("# T\n\nA miracle cure.\n",
                                                               encoding="utf-8")
    doc = _sarif(".", cwd=tmp_path)
    assert _errors(sarif_validator, doc) == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in doc["runs"][0]["results"]}
    assert uris == {"bad%FF%FEname.md"}


def test_a_path_that_does_not_exist_makes_the_run_unsuccessful(tmp_path,
                                                               sarif_validator) -> None:
    # exit code 2, and the SARIF said executionSuccessful: true; with only missing
    # paths no report was written at all (an upload step found no file)
    (tmp_path / "p.md").write_text(damaged(), "utf-8")
    for args, results in ((("nope.md", "p.md"), 1), (("nope.md",), 0)):
        r = run_cli("check", "--output-format", "sarif", "--no-cache", "--select", "CL301",
                    "-o", "out.sarif", *args, cwd=tmp_path)
        assert r.returncode == 2
        doc = json.loads((tmp_path / "out.sarif").read_text("utf-8"))
        assert _errors(sarif_validator, doc) == []
        run = doc["runs"][0]
        assert run["invocations"] == [{"executionSuccessful": False,
                                       "toolExecutionNotifications": [{
                                           "level": "error",
                                           "message": {"text": "nope.md: no such file or "
                                                               "folder"}}]}]
        assert len(run["results"]) == results
        (tmp_path / "out.sarif").unlink()
    ok = _sarif("--select", "CL301", "p.md", cwd=tmp_path)
    assert ok["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    # the JSON report names them too
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    for args in (("nope.md", "p.md"), ("nope.md",)):
        r = run_cli("check", "--output-format", "json", "--no-cache", "--select", "CL301",
                    *args, cwd=tmp_path)
        assert r.returncode == 2
        report = json.loads(r.stdout)
        assert list(Draft202012Validator(schema).iter_errors(report)) == []
        assert report["errors"] == [{"path": "nope.md", "message": "no such file or folder",
                                     "kind": "missing"}]
    r = run_cli("check", "--output-format", "json", "--no-cache", "p.md", cwd=tmp_path)
    assert "errors" not in json.loads(r.stdout)
