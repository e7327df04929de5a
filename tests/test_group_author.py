"""A group that heads an author list cites like a surname: "(ESHRE Guideline Group on
RPL et al., 2023)" (found on blind85's first run, where the citation was not seen: its
claim was CL401 and its reference CL404)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conditionlint.cli import main
from tests.test_citations import doc_of, marks

PAGE = """---
title: Recurrent miscarriage
---
# Recurrent miscarriage

Antiphospholipid syndrome increases the risk of further losses (ESHRE Guideline Group on RPL et al., 2023).

Heparin reduces the risk of clots in pregnancy (Royal College of Obstetricians et al. 2015).

## References

- ESHRE Guideline Group on RPL, Bender Atik R, Christiansen OB, et al. (2023). ESHRE guideline: recurrent pregnancy loss. *Hum Reprod Open*. doi:10.1093/hropen/hoad002
- Smith J, Lee K. (2019). Something else. *BMJ*. doi:10.1136/bmj.l1234
"""


def test_group_author_with_et_al_is_a_citation_that_resolves():
    doc = doc_of(PAGE)
    got = marks(doc)
    assert ("author-year", ("ESHRE Guideline Group on RPL 2023",),
            "(ESHRE Guideline Group on RPL et al., 2023)") in got
    # without the comma a group is not taken for an author (prose in parentheses)
    assert not any("Royal College" in text for _, _, text in got)


def test_group_author_citation_end_to_end(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--no-cache", "--select", "CL401,CL403,CL404",
                                    "--output-format", "json", str(page)])
    findings = [(f["code"], f["line"], f["column"]) for f in json.loads(res.output)["findings"]]
    # line 6 is cited and resolves; line 8's parenthesis is no citation, so its claim
    # is unsupported; the Smith entry is never cited
    assert ("CL401", 6, 1) not in findings
    assert [c for c in findings if c[0] == "CL404"] == [("CL404", 13, 3)]
    assert ("CL401", 8, 1) in findings
    assert not [c for c in findings if c[0] == "CL403"]
