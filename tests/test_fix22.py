"""fix22: the small named gaps. Each is pinned through the CLI (`conditionlint check
--output-format json`): rule code, line, column, message and exit code."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conditionlint.cli import main


def check(tmp_path, text, select):
    page = tmp_path / "page.md"
    page.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["check", "--no-cache", "--output-format", "json",
                                       "--select", ",".join(select), str(page)])
    found = json.loads(result.output)["findings"]
    return result.exit_code, [(f["code"], f["line"], f["column"], f["message"])
                              for f in found]


# -- 1: "no side effects" that modifies a noun, or reports what a trial saw -------------
_ABS = ("absolute claim ('{}'): no treatment is guaranteed, permanent or free of risk, "
        "even with evidence")


@pytest.mark.parametrize("sentence", [
    "It contains no side effects information.",
    "The leaflet has no side-effect data.",
    "She has no risk factors.",
])
def test_no_side_effects_modifying_a_noun_is_no_claim(tmp_path, sentence):
    code, found = check(tmp_path, f"# Back pain\n\n{sentence}\n", ["CL401", "CL407"])
    assert (code, found) == (0, [])


@pytest.mark.parametrize("sentence", [
    # what a trial saw is an observation (CL401 asks it for evidence), not a promise
    "No side effects were reported in the trial.",
    "There were no side effects reported in the trial.",
    "Participants reported no side effects.",
])
def test_no_side_effects_seen_in_a_trial_is_not_absolute(tmp_path, sentence):
    code, found = check(tmp_path, f"# Back pain\n\n{sentence}\n", ["CL401", "CL407"])
    assert code == 1
    assert [f[:3] for f in found] == [("CL401", 3, 1)]


@pytest.mark.parametrize("sentence, column, quoted", [
    ("It has no side effects.", 8, "no side effects"),
    ("Take it with no side effects at all.", 14, "no side effects at all"),
    ("Our cream has no side effects and no risks.", 15, "no side effects and no risks"),
    ("No side effects, no risk.", 1, "No side effects"),
])
def test_absolute_no_side_effects_still_reported(tmp_path, sentence, column, quoted):
    code, found = check(tmp_path, f"# Back pain\n\n{sentence}\n", ["CL407"])
    assert code == 1
    assert found[0] == ("CL407", 3, column, _ABS.format(quoted))
