"""CL504 defunct trust marks and CL505 promises that contradict "results vary"."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def found(text, code, config=None):
    return [(f.line, f.column, f.message) for f in
            lint_text(text, select=[code], today=TODAY, config=config)]


# -- CL504 -------------------------------------------------------------------------------
def test_honcode_text_claim():
    got = found("# Asthma\n\nThis site is HONcode certified.\n", "CL504")
    assert got == [(3, 14, "'HONcode' claims HONcode, a trust mark that no longer exists "
                           "(the Health On the Net Foundation closed HONcode certification "
                           "in December 2022)")]


def test_honcode_seal_in_html_and_link_one_finding_per_line():
    page = ('# Asthma\n\nText.\n\n<a href="https://www.hon.ch/HONcode/Conduct.html">'
            '<img src="seal.png" alt="HONcode seal"></a>\n\n'
            '[We subscribe to the HONcode principles](https://www.hon.ch/HONcode/)\n')
    assert [(ln, col) for ln, col, _ in found(page, "CL504")] == [(5, 22), (7, 22)]


@pytest.mark.parametrize("page", [
    "# Asthma\n\nThe HONcode certification was discontinued in 2022.\n",
    "# Asthma\n\n`HONcode` in code is not a claim.\n",
    "# Asthma\n\n```\nHONcode\n```\n",
    "# Asthma\n\nHonest information about honey.\n",
])
def test_not_a_claim(page):
    assert found(page, "CL504") == []


def test_extra_seals_option(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL504:\n    options:\n      extra-seals: [Old Health Seal]\n")
    got = found("# A\n\nWe carry the old health seal.\n", "CL504", config=cfg)
    assert got == [(3, 14, "'old health seal' claims Old Health Seal, a trust mark that "
                           "no longer exists (configured as defunct)")]


# -- CL505 -------------------------------------------------------------------------------
VARY = "\n\n> Individual results vary.\n"


@pytest.mark.parametrize("promise,col", [
    ("Our programme gives permanent relief from back pain.", 21),
    ("Acupuncture cures migraine for good.", 13),
    ("Guaranteed results in three sessions.", 1),
    ("It is 100% effective.", 7),
    ("Your pain will never come back.", 16),
])
def test_promises_contradict_results_vary(promise, col):
    got = found(f"# Back pain\n\n{promise}{VARY}", "CL505")
    assert [(ln, c) for ln, c, _ in got] == [(3, col)]
    assert got[0][2].endswith("but the page says results vary (line 5)")


@pytest.mark.parametrize("sentence", [
    "There is no permanent cure for migraine.",
    "We cannot offer guaranteed results.",
    "Treatment does not cure arthritis permanently.",
])
def test_negated_promises_are_not_reported(sentence):
    assert found(f"# Back pain\n\n{sentence}{VARY}", "CL505") == []


def test_promise_without_results_vary_is_not_cl505():
    assert found("# Back pain\n\nGuaranteed relief.\n", "CL505") == []


def test_results_vary_in_front_matter_disclaimer():
    page = ("---\ntitle: x\ndisclaimer: Results may vary.\n---\n# Back pain\n\n"
            "Permanent relief guaranteed.\n")
    got = found(page, "CL505")
    assert [(ln, col) for ln, col, _ in got] == [(7, 1)]
    assert got[0][2].endswith("(line 3)")
