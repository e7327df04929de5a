"""A page whose front matter is not YAML loses every front-matter evidence entry, so its
`[@key]` claims are CL401: the message names the cause (the unreadable front matter,
CL202) instead of leaving the editor to guess (found on blind87's first run, where an
unquoted ``author: Name (blog: Title)`` did this to a whole page)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conditionlint.cli import main

BROKEN = """---
title: Sleep trackers
author: Tom Okafor (blog: Tired Dad Diaries)
evidence:
  - id: baron2017
    title: "Orthosomnia: are some patients taking the quantified self too far?"
    year: 2017
    design: case-series
    doi: 10.5664/jcsm.6472
---
# Sleep trackers

Chasing a sleep score made insomnia worse in three patients [@baron2017].

Sleep trackers reduce insomnia [3].
"""


def _findings(tmp_path, text):
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(page), "--select", "CL202,CL401,CL403",
                                       "--output-format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    return [(f["code"], f["line"], f["column"], f["message"])
            for f in data["findings"]]


def test_key_claim_on_unreadable_front_matter_names_the_cause(tmp_path):
    got = _findings(tmp_path, BROKEN)
    codes = [(c, line) for c, line, _, _ in got]
    assert ("CL202", 3) in codes
    claim = [f for f in got if f[0] == "CL401" and f[1] == 13]
    assert len(claim) == 1
    assert claim[0][2] == 1
    assert claim[0][3].endswith(
        "cites no evidence entry (its citation resolves to nothing: the front matter,"
        " where its evidence entries are, could not be read; see CL202)")
    # its [@key] marker is not CL403 as well (one mistake, one finding)
    assert ("CL403", 13) not in codes


def test_numbered_marker_that_resolves_to_nothing_keeps_the_plain_message(tmp_path):
    got = _findings(tmp_path, BROKEN)
    claim = [f for f in got if f[0] == "CL401" and f[1] == 15]
    assert len(claim) == 1
    assert claim[0][3].endswith("cites no evidence entry (its citation resolves to nothing)")
    assert ("CL403", 15) in [(c, line) for c, line, _, _ in got]


def test_readable_front_matter_supports_the_key_claim(tmp_path):
    fixed = BROKEN.replace("author: Tom Okafor (blog: Tired Dad Diaries)",
                           'author: "Tom Okafor (blog: Tired Dad Diaries)"')
    got = _findings(tmp_path, fixed)
    assert not [f for f in got if f[1] == 13]
    assert not [f for f in got if f[0] == "CL202"]


def test_front_matter_without_entries_keeps_the_plain_message(tmp_path):
    # mending 'title: Knee pain: a guide' would not make [@jones2020] resolve
    page = """---
title: Knee pain: a guide
---
# Knee pain

Knee braces reduce pain in osteoarthritis [@jones2020].
"""
    got = _findings(tmp_path, page)
    claim = [f for f in got if f[0] == "CL401" and f[1] == 6]
    assert len(claim) == 1
    assert claim[0][3].endswith("cites no evidence entry (its citation resolves to nothing)")
