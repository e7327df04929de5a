"""The Document model: positions, masking, sections, sentences, citations, directives."""

from __future__ import annotations

from conditionlint.parser import parse
from conditionlint.sentences import split
from conditionlint.source import Source

PAGE = """\
---
title: Back pain
evidence:
  - id: vickers2018
    doi: 10.1016/j.jpain.2017.11.005
---
# Back pain

Back pain is common, e.g. in adults vs. children. It may help [@vickers2018].
Wrapped `code. Here.` text **bold**.[^1]

## Symptoms

- Stiffness.
- > Quoted [link text](http://x.y/z.) here.

| Col A | Col B |
|-------|-------|
| one.  | two   |

```
code. Block.
```

[^1]: Smith J. A paper. doi:10.1/abc.
"""


def doc():
    return parse(Source.from_text("p.md", PAGE))


def test_front_matter_marks_and_body_start():
    d = doc()
    assert d.front_matter.data["title"] == "Back pain"
    m = d.front_matter.mark("evidence", 0, "doi")
    assert d.source.position(m.key_start).line == 5
    assert d.text[m.value_start:m.value_end] == "10.1016/j.jpain.2017.11.005"
    assert d.source.position(d.body_start).line == 7


def test_blocks_are_masked_and_same_length_as_source():
    d = doc()
    for b in d.blocks:
        assert len(b.text) == b.end - b.start
    para = d.blocks[1]
    assert d.text[para.start:para.end].startswith("Back pain is common")
    assert "code" not in para.text and "**" not in para.text
    quoted = [b for b in d.blocks if b.blockquote][0]
    assert "http" not in quoted.text and "link text" in quoted.text
    assert quoted.list_depth == 1
    cells = [b for b in d.blocks if b.kind == "table_cell"]
    assert [d.text[c.start:c.end] for c in cells] == ["Col A", "Col B", "one.", "two"]
    assert cells[0].table_header and not cells[2].table_header


def test_headings_sections_and_positions():
    d = doc()
    assert d.title.text == "Back pain" and d.title.level == 1
    assert [s.heading.norm for s in d.sections[1:]] == ["back pain", "symptoms"]
    assert d.sections[2].parent == 1
    assert d.source.position(d.sections[2].heading.text_start) == \
        d.source.position(d.text.index("Symptoms"))


def test_sentences_respect_abbreviations_and_keep_citations():
    d = doc()
    texts = [d.text[s.start:s.end] for s in d.sentences if s.block == 1]
    assert texts == ["Back pain is common, e.g. in adults vs. children.",
                     "It may help [@vickers2018].",
                     "Wrapped `code. Here.` text **bold**.[^1]"]


def test_citations_and_evidence():
    d = doc()
    assert [(c.kind, c.keys) for c in d.citations] == [("pandoc", ("vickers2018",)),
                                                       ("footnote", ("1",))]
    keys = [(e.key, e.origin) for e in d.evidence]
    assert ("vickers2018", "front-matter") in keys and ("1", "footnote") in keys


def test_code_ranges_cover_fences_and_spans():
    d = doc()
    assert d.in_code(d.text.index("code. Block."))
    assert d.in_code(d.text.index("code. Here."))
    assert not d.in_code(d.text.index("Stiffness"))


def test_split_edge_cases():
    def s(t):
        return [t[a:b] for a, b in split(t)]

    assert s("Take 2.5 mg daily. Then stop.") == ["Take 2.5 mg daily.", "Then stop."]
    assert s("Dr. A. Example wrote it. Smith et al. agreed.") == [
        "Dr. A. Example wrote it.", "Smith et al. agreed."]
    assert s("It reduces pain.Acupuncture is safe.") == ["It reduces pain.",
                                                          "Acupuncture is safe."]
    assert s("It works.[1] Next one.12 Last") == ["It works.[1]", "Next one.12", "Last"]
    assert s("Is it safe? Yes! Mostly.") == ["Is it safe?", "Yes!", "Mostly."]
    assert s("approx. three people, i.e. a few.") == ["approx. three people, i.e. a few."]


def test_crlf_and_bom_positions():
    data = "\ufeff# T\r\n\r\nLine one.\r\nLine two.\r\n".encode("utf-8")
    src = Source.from_bytes("x.md", data)
    assert src.encoding.bom and src.text.startswith("# T")
    d = parse(src)
    assert d.title.text == "T"
    para = d.blocks[1]
    assert src.position(para.start) == src.position(src.text.index("Line one"))
    assert (src.position(para.end).line, src.position(para.end).column) == (4, 10)


def test_invalid_utf8_is_recorded_and_replaced():
    src = Source.from_bytes("x.md", b"ok \xff\xfe here\n\xe9t\xe9\n")
    assert src.text == "ok \ufffd here\n\ufffdt\ufffd\n"
    assert [(e.byte_offset, e.byte_length, e.text_offset) for e in src.encoding.errors] == [
        (3, 2, 3), (11, 1, 10), (13, 1, 12)]


def test_unclosed_front_matter_is_an_error_not_a_hr():
    d = parse(Source.from_text("x.md", "---\ntitle: x\n\n# T\n"))
    assert d.front_matter is not None and not d.front_matter.closed
    assert "never closed" in d.front_matter.error


import pytest  # noqa: E402


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings_give_the_same_findings(newline):
    from conditionlint.api import lint_text
    from tests.conftest import ROOT, TODAY

    good = (ROOT / "examples" / "good" / "low-back-pain.md").read_text(encoding="utf-8")
    page = good.replace("\n", newline)
    d = parse(Source.from_text("x.md", page))
    assert d.front_matter.closed and d.front_matter.error is None
    assert d.front_matter.data["title"] == "Low back pain"
    assert d.title.text == "Low back pain"
    assert lint_text(page, today=TODAY) == []
    bad = "---\ntitle: x\n---\n# T\n\n## Symptoms\n\n## Symptoms\n\nA.\n"
    lf = [(f.code, f.line, f.column, f.end_line, f.end_column)
          for f in lint_text(bad, today=TODAY)]
    other = [(f.code, f.line, f.column, f.end_line, f.end_column)
             for f in lint_text(bad.replace("\n", newline), today=TODAY)]
    assert other == lf


def test_citation_markers_in_a_row_are_not_a_reference_link():
    """'[^2][^4]', '[1][2]' and '[@a][@b]' are markers, not '[text][label]' links: they
    stay in the masked prose, and the sentence after them starts after the last one."""
    text = ("# T\n\nRest helps.[^2][^4] Injections work less well.\n\n"
            "Ice helps.[1][2] Heat too. Tape helps [@a][@b].\n\n"
            "See [the guide][g].\n\n[^2]: A.\n[^4]: B.\n\n[g]: https://example.org\n")
    doc = parse(Source.from_text("p.md", text))
    body = [b for b in doc.blocks if b.kind == "paragraph"]
    assert body[0].text == "Rest helps.[^2][^4] Injections work less well."
    assert body[1].text == "Ice helps.[1][2] Heat too. Tape helps [@a][@b]."
    assert body[2].text == "See  the guide    ."  # a real reference link is still masked
    starts = [text[s.start:s.end] for s in doc.sentences if s.block == body[0].index]
    assert starts[-1] == "Injections work less well."
