"""Fix session 23: the gaps named in the twenty-second session's closing note."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.claim_sentences import cl402
from tests.conftest import TODAY


# -- 2. CL402: a guideline body or guidelines invoked with no document ---------------------
@pytest.mark.parametrize("sentence, words", [
    # guidelines as a place
    ("Heat wraps are recommended in national guidelines for back pain.",
     "recommended in national guidelines"),
    ("Early walking is now recommended in international guidelines after hip surgery.",
     "recommended in international guidelines"),
    ("Statins are endorsed by European guidance for people at high risk.",
     "endorsed by European guidance"),
    # guidelines placed by country
    ("Guidelines in the United States now recommend screening from 45.",
     "Guidelines in the United States now recommend"),
    ("Guidance from Australia advises a first eye test at three.",
     "Guidance from Australia advises"),
    # a body by kind or acronym
    ("The U.S. Preventive Services Task Force recommends yearly scans for smokers.",
     "Task Force recommends"),
    ("The USPSTF recommends screening adults aged 50 to 75.", "The USPSTF recommends"),
    ("NHS England recommends group courses for everyone with diabetes.",
     "NHS England recommends"),
    ("NICE supports the use of splints for wrist pain.", "NICE supports the use of"),
])
def test_a_guideline_body_without_a_document_is_vague_evidence(sentence, words):
    assert cl402(sentence) == [
        f"vague evidence ('{words}'): name the source and cite it as an evidence entry"]


@pytest.mark.parametrize("sentence", [
    # a named guideline with its year or number is a document a reader can find
    "Heat wraps are recommended in the 2019 ESC guidelines for back pain.",
    "Splints are recommended in NICE guidance (NG59) for wrist pain.",
    "Splints are recommended in national guidelines 2021 for wrist pain.",
    # the site's own guidance, and support that is not evidence
    "Splints are recommended in our guidance for new patients.",
    "Walking is supported by your guidance notes.",
    "NHS England funds the courses in most areas.",
    "Guidelines in the leaflet say to rest.",
])
def test_named_or_own_guidance_is_not_vague_evidence(sentence):
    assert cl402(sentence) == []


PAGE = """---
title: Hip surgery
evidence:
  - id: esa2011
    title: "Perioperative fasting in adults and children: guidelines"
    year: 2011
    design: guideline
    doi: 10.1097/EJA.0b013e3283495ba1
---
# Hip surgery

Early walking is recommended in international guidelines [@esa2011].
Early walking is recommended in international guidelines [@nobody].
"""


def test_a_resolving_citation_names_the_document_and_a_dangling_one_does_not():
    # (docs/claims.md: a sentence whose citation resolves to an evidence entry is not
    # CL402; a marker that resolves to nothing leaves the phrase vague, and is CL403)
    found = [(f.code, f.line, f.column, f.end_line, f.end_column)
             for f in lint_text(PAGE, select=["CL402", "CL403"], today=TODAY)]
    assert found == [("CL402", 13, 18, 13, 57), ("CL403", 13, 58, 13, 67)]


# -- 3. per-block memory: markdown-it's tokens share one empty attrs and meta --------------
def test_block_tokens_share_read_only_empty_attrs_and_meta():
    import markdown_it
    import mdit_py_plugins

    from conditionlint import parser

    if (markdown_it.__version__, mdit_py_plugins.__version__) not in parser._DISPATCH_VERSIONS:
        pytest.skip("the light tokens are only made on the versions whose rules were read")
    tokens = parser._markdown().parse(
        "|a|b|\n|:-|-|\n|x|y|\n\n- one\n\nText.[^1]\n\n[^1]: A note.\n", {})
    # (the footnote plugin makes a definition's own tokens itself)
    pushed = [t for t in tokens if not t.type.startswith("footnote_")]
    empty = [t for t in pushed if not t.attrs]
    assert len(empty) > 10 and len({id(t.attrs) for t in empty}) == 1
    assert len({id(t.meta) for t in pushed if not t.meta}) == 1
    # a rule's own values are its own: the table's alignment, a footnote's label
    assert [t.attrs for t in tokens if t.attrs] == [{"style": "text-align:left"}] * 2
    assert [t.meta["label"] for t in tokens if t.type == "footnote_reference_open"] == ["1"]
    # read-only: a write would fail, not change every token
    with pytest.raises(TypeError):
        empty[0].attrs["class"] = "x"
    # and the stream is the plain parser's (tests/test_perf18.py on whole corpora)
    plain = parser._markdown_plain().parse(
        "|a|b|\n|:-|-|\n|x|y|\n\n- one\n\nText.[^1]\n\n[^1]: A note.\n", {})
    assert [(t.type, t.map, t.content, t.attrs, t.meta) for t in tokens] == \
        [(t.type, t.map, t.content, t.attrs, t.meta) for t in plain]


# -- 4. one RE2 error text for exclude globs and users' rule patterns -----------------------
def test_re2_error_text_is_read_once_for_both_callers():
    from conditionlint.config import _compile_linear, re2_detail
    from conditionlint.yamlrules import re2_problem

    assert re2_detail(ValueError(b"missing ) \xff")) == "missing ) \ufffd"
    assert re2_detail(ValueError("plain")) == "plain"
    assert re2_detail(ValueError()) == ""
    problem = re2_problem("(?=a)b")
    assert problem is not None and problem.startswith(
        "not a pattern the linear-time RE2 engine accepts (")
    detail = problem.split("accepts (", 1)[1].split("); user patterns", 1)[0]
    with pytest.raises(ValueError) as err:
        _compile_linear("(?=a)b")
    assert str(err.value) == f"the pattern is too complex ({detail})"
