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


def test_claims_in_divs_are_reported_at_their_text(rules_alone):
    # the rules alone: where a div's claim is reported, not what the model's veto makes of
    # it (since the twenty-third session's retraining it lets "Magnesium halves attacks."
    # go: 0.084, under 0.1; docs/model23.md)
    found = [(f.code, f.line, f.column) for f in lint_text(PAGE, select=["CL401"])]
    assert found == [("CL401", 5, 22), ("CL401", 8, 6), ("CL401", 9, 30),
                     ("CL401", 12, 4)]


COMMENTED = """\
# Migraine

## Treatment

<!-- <div class="note">Acupuncture cures migraines.</div> -->

<!--
<div class="note">Feverfew cures migraines.</div>
<p>Magnesium cures migraines.</p>
<h2>Symptoms</h2>
-->

<div class="tabs">Symptoms</div>
<div class="tabs">Causes</div>
<DIV class="button">Book now</DIV>

<Div class="note">Ginger cures nausea.</Div>
"""


def test_commented_out_html_and_labels_are_not_prose():
    """Commented-out HTML is not read (as a paragraph or a heading); a div holding a
    label with no sentence end (a tab, a button) is not prose, so it neither claims
    nor passes for a flattened 'Symptoms' heading; the tag's case does not matter."""
    doc = parse(Source.from_text("page.md", COMMENTED))
    got = [(b.kind, b.line, " ".join(b.text.split())) for b in doc.blocks]
    assert got == [("heading", 1, "Migraine"), ("heading", 3, "Treatment"),
                   ("paragraph", 17, "Ginger cures nausea.")]
    found = [(f.code, f.line, f.column, f.message)
             for f in lint_text(COMMENTED, select=["CL401", "CL101"])]
    assert ("CL101", 1, 3, "missing required section 'Symptoms' (a heading such as "
            "'Symptoms' or 'Signs and symptoms')") in found
    assert [f[:3] for f in found if f[0] == "CL401"] == [("CL401", 17, 19)]


def test_div_prose_with_entities_notes_and_links_is_read():
    """A callout's sentence is read whatever follows its full stop (an entity, a note
    number, a "Read more" link, an address), and a long text with no full stop is
    prose too; a short label is not."""
    page = ("# Migraine\n\n## Treatment\n\n"
            '<div class="a">Acupuncture cures migraines.&nbsp;</div>\n'
            '<div class="b">Feverfew cures migraines.<sup>1</sup></div>\n'
            '<div class="c">Magnesium cures migraines. <a href="/more">Read more</a></div>\n'
            '<div class="d">&ldquo;Ginger cures nausea&rdquo; say many of our happy patients '
            'every week</div>\n'
            '<div class="e">Find a clinic near you</div>\n')
    doc = parse(Source.from_text("page.md", page))
    assert [b.line for b in doc.blocks if b.kind == "paragraph"] == [5, 6, 7, 8]
