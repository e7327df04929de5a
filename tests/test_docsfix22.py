"""What README.md and docs/ say about the CLI, pinned (the docs22 review).

- the README's first command gives the summary line the README prints, today and on
  every day up to the date the README names, and the good example stays clean;
- ``conditionlint init`` lists every key of ``schemas/config.schema.json``;
- a folder given to ``--config`` is "cannot read config file: is not a regular file"
  (exit 2), as a FIFO is (docs/configuration.md).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT, TODAY, run_cli

README = (ROOT / "README.md").read_text("utf-8")
EXAMPLES = ROOT / "examples"


def _summary(today: str, *paths: str, fail_on: str = "error") -> tuple[int, str]:
    r = run_cli("check", "--no-cache", "--today", today, "--fail-on", fail_on,
                *(paths or (str(EXAMPLES),)), cwd=ROOT)
    return r.returncode, r.stdout.decode().rstrip("\n").splitlines()[-1]


def _readme_until() -> str:
    m = re.search(r"holds\s+until\s+(\d{4}-\d{2}-\d{2})", README)
    assert m, "README.md no longer names the day the examples' output changes"
    return m.group(1)


def test_readme_summary_line_holds_until_the_day_it_names():
    m = re.search(r"^(Found \d+ problems \(.*\) in \d+ files; .*)$", README, re.M)
    assert m, "README.md lost its summary line"
    until = _readme_until()
    for day in (TODAY, "2027-01-01", "2027-12-31", until):
        code, last = _summary(day)
        assert (code, last) == (1, m.group(1)), day
        code, last = _summary(day, "examples/good", fail_on="info")
        assert (code, last) == (0, "All checks passed (1 file checked)."), day
    after = (dt.date.fromisoformat(until) + dt.timedelta(days=1)).isoformat()
    code, last = _summary(after)
    assert last.startswith("Found 50 problems (26 errors, 24 warnings) in 5 files"), last
    code, last = _summary("2029-01-01", "examples/good", fail_on="info")
    assert last.startswith("Found 2 problems (0 errors, 1 warning, 1 info)"), last


def test_init_template_lists_every_setting_of_the_config_schema(tmp_path):
    r = run_cli("init", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    text = (tmp_path / ".conditionlint.yaml").read_text("utf-8")
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text("utf-8"))
    listed = re.findall(r"^# ([a-z][a-z-]*):", text, re.M)
    assert len(listed) == len(set(listed)), listed
    assert sorted(listed) == sorted(schema["properties"])
    # each one-line setting, uncommented alone, is a valid config
    for line in text.splitlines():
        m = re.match(r"# ([a-z][a-z-]*):\s*(\S.*)$", line)
        if m:
            jsonschema.validate(yaml.safe_load(line[2:]), schema)
    assert yaml.safe_load(text) is None  # and nothing is set until uncommented


@pytest.mark.parametrize("command", [("check", "--no-cache", "page.md"),
                                     ("check", "--show-config", "page.md"),
                                     ("rules",), ("rule", "CL401")],
                         ids=["check", "show-config", "rules", "rule"])
def test_config_that_is_a_folder_is_not_a_regular_file(tmp_path, command):
    (tmp_path / "somedir").mkdir()
    (tmp_path / "page.md").write_text("# Gout\n\nA form of arthritis.\n", "utf-8")
    r = run_cli(*command, "--config", "somedir", cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert err.strip().splitlines()[-1] == \
        "conditionlint: config error: somedir: cannot read config file: is not a regular file"
    assert "Traceback" not in err and "Invalid value" not in err
