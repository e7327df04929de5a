"""Fix session 21b: an outside audit's findings on the encoding rules (mojibake
repairs through the wrong page, repairs where none is right, CL304's spacing, YAML
escapes, noncharacters), --show-config, the risky-wording families and the docs."""

from __future__ import annotations

import pytest

from conditionlint import mojibake
from conditionlint.api import fix_text, lint_text

TODAY = "2026-12-01"


def lint(text, select=None, config=None):
    return lint_text(text, select=select, today=TODAY, config=config)


def fixed(text, select=None):
    return fix_text(text, select=select, today=TODAY).decode("utf-8")


def msgs(findings, code):
    return [f.message for f in findings if f.code == code]


# -- 1. Slovak through Windows-1250: "íš" is ordinary spelling, not damage --------------
@pytest.mark.parametrize("word", ["Napíšte", "Príštie", "naše", "píše", "môžeš",
                                  "príšerný", "vážiť"])
def test_slovak_windows_1250_is_repaired_the_windows_1250_way(word):
    damaged = word.encode("utf-8").decode("cp1250")
    assert mojibake.repair(damaged) == word


def test_slovak_fix_writes_the_right_letter():
    page = "# X\n\nNap\u0102\u00ad\u0139\u02c7te n\u0102\u02c7m !\n"
    out = fixed(page, select=["CL301"])
    assert "Napíšte nám !" in out
    assert all("ISO-8859-2" not in m for m in msgs(lint(page, ["CL301"]), "CL301"))
