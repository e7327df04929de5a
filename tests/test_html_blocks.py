"""Prose in raw HTML blocks: the text of a ``<div>`` that holds no block element (a
callout or text box of a CMS export) is a paragraph, read by the claim rules like a
``<p>``; a ``<div>`` around or inside ``<p>`` elements is read once, through them."""

from __future__ import annotations

from conditionlint.api import lint_text
from conditionlint.parser import parse
from conditionlint.source import Source

PAGE = """\
# Migraine

## Treatment

<div class="callout">Acupuncture cures migraines.</div>

<div class="box">
  <p>Feverfew prevents migraines.</p>
  <div class="inner"><strong>Magnesium</strong> halves attacks.</div>
</div>

<p>Ginger eases nausea <div>in most people</div> within an hour.</p>

<div class="empty"><img src="x.png"></div>

<div>Book a session today.</div>

<ul><li><div>Riboflavin stops migraines.</div></li></ul>
"""


def test_div_text_is_a_paragraph_read_once():
    doc = parse(Source.from_text("page.md", PAGE))
    got = [(b.line, " ".join(b.text.split())) for b in doc.blocks if b.kind == "paragraph"]
    assert got == [(5, "Acupuncture cures migraines."),
                   (8, "Feverfew prevents migraines."),
                   (9, "Magnesium halves attacks."),
                   (12, "Ginger eases nausea in most people within an hour."),
                   (16, "Book a session today.")]


def test_claims_in_divs_are_reported_at_their_text():
    found = [(f.code, f.line, f.column) for f in lint_text(PAGE, select=["CL401"])]
    assert found == [("CL401", 5, 22), ("CL401", 8, 6), ("CL401", 9, 30),
                     ("CL401", 12, 4)]
