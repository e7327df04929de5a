"""Raw HTML headings (``<h2>Symptoms</h2>``, as CMS exports mix them with Markdown)
are headings: they open sections for the structure rules, the claim rules and the
reference lists."""

from __future__ import annotations

from conditionlint.api import lint_text
from conditionlint.parser import parse
from conditionlint.source import Source
from tests.conftest import run_cli

PAGE = """\
---
title: Shin splints
type: condition
---
<h1>Shin splints</h1>

<p>Shin splints is pain along the front of the lower leg.</p>

<h2 class="section">Symptoms</h2>

Pain along the inside edge of the shin bone.

<h2><strong>Treatment</strong></h2>
<p>Rest from running and ice packs.</p>
<h3>At home</h3>
<h2>Evidence</h2>
"""


def doc_of(text: str):  # noqa: ANN201
    return parse(Source.from_text("page.md", text))


def test_html_headings_open_sections_with_levels_and_text_spans():
    doc = doc_of(PAGE)
    got = [(h.level, h.text, h.norm, PAGE[h.text_start:h.text_end]) for h in doc.headings]
    assert got == [(1, "Shin splints", "shin splints", "Shin splints"),
                   (2, "Symptoms", "symptoms", "Symptoms"),
                   (2, "Treatment", "treatment", "Treatment"),
                   (3, "At home", "at home", "At home"),
                   (2, "Evidence", "evidence", "Evidence")]
    assert doc.title is not None and doc.title.text == "Shin splints"
    under = {s.heading.text: [doc.blocks[b].text for b in s.blocks if
                              doc.blocks[b].kind != "heading"]
             for s in doc.sections if s.heading is not None}
    assert under["Symptoms"] == ["Pain along the inside edge of the shin bone."]
    assert under["Treatment"] == ["Rest from running and ice packs."]
    treatment = next(s for s in doc.sections if s.heading and s.heading.text == "Treatment")
    assert [doc.sections[c].heading.text for c in treatment.children] == ["At home"]


def test_structure_rules_see_html_headings_with_positions():
    found = [(f.code, f.line, f.column, f.message) for f in
             lint_text(PAGE, select=["CL101", "CL103", "CL105"])]
    # Symptoms and Treatment exist; the two empty sections are reported at their text
    assert found == [
        ("CL103", 15, 5, "section 'At home' is empty"),
        ("CL103", 16, 5, "section 'Evidence' is empty"),
    ]


def test_html_heading_in_a_list_or_quote_is_not_a_section():
    text = "# Back pain\n\n> <h2>Symptoms</h2>\n>\n> quoted\n\n- item\n\n  <h2>Treatment</h2>\n"
    assert [h.text for h in doc_of(text).headings] == ["Back pain"]


def test_html_references_heading_resolves_superscripts_once(tmp_path):
    page = ("# Incontinence\n\n## Treatment\n\nPelvic floor training reduces leaks."
            "<sup>1</sup>\n\n<h2>References</h2>\n<ol>\n<li>Dumoulin C, et al. Pelvic floor "
            "muscle training. Cochrane Database Syst Rev. 2018. "
            "doi:10.1002/14651858.CD005654.pub4</li>\n</ol>\n")
    (tmp_path / "p.md").write_text(page, encoding="utf-8")
    r = run_cli("check", "--select", "CL401,CL403,CL404", "--no-cache", "--output-format",
                "concise", "p.md", cwd=tmp_path)
    assert r.returncode == 0, r.stdout.decode()
    entries = doc_of(page).evidence
    assert [(e.key, e.origin) for e in entries] == [("1", "references")]


def test_inline_masking_still_blanks_only_real_tags():
    """Reading HTML headings must not widen what counts as an inline tag elsewhere:
    "< 5 mg and >" in prose is text, "<b>" is a tag."""
    text = "# Dosing\n\nTake < 5 mg and > 2 mg a day with <b>food</b>.\n"
    (para,) = [b for b in doc_of(text).blocks if b.kind == "paragraph"]
    assert "< 5 mg and > 2 mg" in para.text
    assert "<b>" not in para.text and "food" in para.text
