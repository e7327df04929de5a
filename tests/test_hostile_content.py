"""Hostile file contents, checked through the API: each case has an exact outcome and
never an internal error (CL901). See tests/test_hostile_files.py for the file-system
cases and the CLI."""

from __future__ import annotations

import pytest

from conditionlint import frontmatter
from conditionlint.api import lint_text
from conditionlint.source import Source, decode

TODAY = "2026-11-29"
PAGE = "# Back pain\n\nBack pain is common.\n"


def run(data: bytes | str, **kw):  # noqa: ANN003, ANN201
    found = lint_text(data, today=TODAY, **kw)
    assert not [f for f in found if f.code == "CL901"], [f.message for f in found]
    return found


def by_code(found, code):  # noqa: ANN001, ANN201
    return [(f.line, f.column, f.message) for f in found if f.code == code]


# -- empty and tiny pages ------------------------------------------------------------------
@pytest.mark.parametrize("data", [b"", b"\n", b"   ", b"# T", b"---\ntitle: x\n---\n",
                                  b"---\n---\n", b"---\n", b"---"])
def test_empty_tiny_and_front_matter_only_pages_are_checked(data):
    found = run(data)
    assert not by_code(found, "CL903")
    if not data.lstrip().startswith(b"# "):
        assert [m for _, _, m in by_code(found, "CL105")] == [
            "page has no level-1 heading (# Title)"
            + (" (front matter has title: 'x'; add '# x')" if b"title" in data else "")]


def test_one_line_page_without_final_newline_has_its_title():
    found = run(b"# Sciatica")
    assert not by_code(found, "CL105")


# -- binary ---------------------------------------------------------------------------------
@pytest.mark.parametrize("data, why", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (its first bytes are those of an "
                                            "image, archive or program); not checked"),
    (b"%PDF-1.7\n", "binary file (its first bytes are those of an image, archive or "
                    "program); not checked"),
    (b"# Title\n\nText\x00\x00\x00 more\n", "binary file (it contains NUL bytes); not checked"),
])
def test_binary_content_is_one_cl903_and_nothing_else(data, why):
    found = run(data)
    assert [(f.code, f.line, f.column, f.message, f.severity) for f in found] == [
        ("CL903", 1, 1, why, "error")]


# -- encodings -----------------------------------------------------------------------------
def test_latin1_bytes_are_cl302_at_each_bad_byte():
    found = run("# Café\n\nA naïve claim.\n".encode("latin-1"))
    assert by_code(found, "CL302") == [
        (1, 6, "invalid UTF-8 (1 byte) at line 1, column 6 (byte offset 5); "
               "convert the file to UTF-8"),
        (3, 5, "invalid UTF-8 (1 byte) at line 3, column 5 (byte offset 12); "
               "convert the file to UTF-8")]


def test_cp1252_smart_quotes_are_cl302():
    found = run("# Pain\n\nIt is \u201csafe\u201d.\n".encode("cp1252"))
    assert [(ln, col) for ln, col, _ in by_code(found, "CL302")] == [(3, 7), (3, 12)]


def test_shift_jis_bytes_are_cl302_and_the_page_is_still_checked():
    data = "# Pain\n\n".encode() + "腰痛の治療".encode("shift_jis") + b"\n"
    found = run(data)
    assert by_code(found, "CL302")
    assert all(ln == 3 for ln, _, _ in by_code(found, "CL302"))
    assert not by_code(found, "CL105")  # the title was read


@pytest.mark.parametrize("codec, name, bom", [
    ("utf-16", "UTF-16-LE", "with"),
    ("utf-16-le", "UTF-16-LE", "without"),
    ("utf-16-be", "UTF-16-BE", "without"),
])
def test_utf16_with_and_without_bom_is_read_and_reported(codec, name, bom):
    found = run((PAGE + "It is \u00e2\u20ac\u201d bad.\n").encode(codec))
    assert by_code(found, "CL302") == [
        (1, 1, f"the file is {name} {bom} a byte-order mark; save it as UTF-8 "
               f"(without a byte-order mark)")]
    assert not by_code(found, "CL903")
    assert not by_code(found, "CL105")  # decoded: the title is there
    assert by_code(found, "CL301")  # and the text rules ran (mojibake on line 4)
    assert by_code(found, "CL301")[0][0] == 4


def test_utf16_detection_does_not_take_binary_or_odd_lengths():
    assert decode(b"\x00\x01" * 10)[1].name == "utf-8"  # controls: not text
    assert decode("# T\n".encode("utf-16-le") + b"x")[1].name == "utf-8"  # odd length
    assert decode("# Title\n".encode("utf-16-le"))[1].name == "utf-16-le"


def test_mixed_line_endings_keep_positions_right():
    data = b"# T\r\n\r\nline a\rline b \x07x\nline c\r\n"
    found = run(data)
    assert [(ln, col) for ln, col, _ in by_code(found, "CL304")] == [(4, 8)]
    src = Source.from_bytes("p.md", data)
    assert [src.line_text(i) for i in range(1, 6)] == ["# T", "", "line a", "line b \x07x",
                                                       "line c"]


# -- front matter attacks --------------------------------------------------------------------
BOMB = ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n---\n"
        + PAGE)


def test_alias_bomb_is_refused_without_expansion():
    found = run(BOMB)
    assert [(ln, col) for ln, col, _ in by_code(found, "CL202")] == [(2, 4)]
    assert "anchors and aliases" in by_code(found, "CL202")[0][2]


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['touch /tmp/pwned']",
                                 "!!python/name:os.system", "!!python/object:object {}",
                                 "!!binary aGk="])
def test_code_tags_are_refused(tag, tmp_path):
    fm = frontmatter.parse(f"---\ntitle: {tag}\n---\n# T\n")
    assert fm is not None and fm.data is None
    assert fm.error.startswith("the tag 'tag:yaml.org,2002:")
    assert fm.error.endswith("is not allowed in front matter")
    assert fm.error_offset == len("---\ntitle: ")


@pytest.mark.parametrize("nested", ["[" * 10_000 + "]" * 10_000,
                                    "{a: " * 10_000 + "}" * 10_000])
def test_ten_thousand_levels_of_flow_nesting_are_an_error(nested):
    fm = frontmatter.parse(f"---\na: {nested}\n---\n# T\n")
    assert fm.data is None and fm.error is not None
    assert "nest" in fm.error  # libyaml's depth limit, or ours


def test_block_nesting_beyond_the_limit_is_an_error():
    text = "---\n" + "".join(" " * i + "k:\n" for i in range(200)) + "---\n# T\n"
    fm = frontmatter.parse(text)
    assert fm.data is None
    assert fm.error == f"front matter is nested more than {frontmatter.MAX_DEPTH} levels deep"


def test_ten_thousand_evidence_entries_are_read():
    entries = "".join(f"  - id: e{i}\n    title: t{i}\n    year: 2020\n"
                      f"    doi: 10.1000/x{i}\n" for i in range(10_000))
    fm = frontmatter.parse("---\ntitle: x\nevidence:\n" + entries + "---\n# T\n")
    assert fm.error is None
    assert len(fm.data["evidence"]) == 10_000
    assert fm.mark("evidence", 9_999, "doi") is not None


def test_too_many_values_is_an_error_not_a_hang():
    items = "".join(f"- {i}\n" for i in range(frontmatter.MAX_NODES + 5))
    fm = frontmatter.parse("---\nitems:\n" + items.replace("- ", "  - ") + "---\n")
    assert fm.error == f"front matter has more than {frontmatter.MAX_NODES} values"


@pytest.mark.parametrize("yaml_text, message", [
    ("1: a\n", "key '1' must be text; quote it"),
    ("? [a]\n: b\n", "keys must be plain text, not lists or mappings"),
    ("true: x\n", "key 'true' must be text; quote it"),
])
def test_non_string_keys_are_refused(yaml_text, message):
    found = run("---\n" + yaml_text + "---\n" + PAGE)
    assert [m for _, _, m in by_code(found, "CL202")] == [message]


def test_dates_that_are_not_dates_are_reported_not_crashed_on():
    found = run("---\ntitle: T\nlast_reviewed: 2026-13-45\nnext_review: soon\n---\n" + PAGE)
    msgs = [m for _, _, m in by_code(found, "CL203")]
    assert "last_reviewed: '2026-13-45' is not a valid date (YYYY-MM-DD)" in msgs


# -- Markdown attacks --------------------------------------------------------------------------
# Nesting past the parser's depth finishes too, but the text down there is not read: it
# is one CL903 error naming the line (audit25 #1; it used to pass unchecked, and these
# cases asserted no CL903).
@pytest.mark.parametrize("body", [
    "- " * 10_000 + "x\n",  # 10,000 nested lists on one line
    "> " * 10_000 + "x\n",  # 10,000 nested blockquotes
    ">" * 10_000 + " x\n",
    "1. " * 3_000 + "x\n",
])
def test_markdown_nested_past_the_parser_finishes_and_is_reported(body):
    found = run("# T\n\n" + body)
    assert by_code(found, "CL903") == [
        (3, 1, "line 3 is nested 100 levels deep or more (a blockquote is one level, a "
               "list two), deeper than the Markdown parser reads: it was not checked "
               "(claims, evidence, sections); nest less")]
    assert not by_code(found, "CL105")


@pytest.mark.parametrize("body", [
    "*a_" * 100_000 + "\n",  # 100,000 emphasis delimiters
    "*" * 100_000 + "\n",
    "[" * 50_000 + "]" * 50_000 + "\n",
    "<!-- a\n" * 10_000,  # many unclosed HTML comments
    "x <!-- a " * 10_000 + "\n",
    "<!-- conditionlint-disable CL301 " * 2_000 + "\n",  # unclosed suppressions
    "[a](" * 20_000 + "\n",
    "`" * 10_001 + "\n",
])
def test_markdown_attacks_finish_without_internal_error(body):
    found = run("# T\n\n" + body)
    assert not by_code(found, "CL903")
    assert not by_code(found, "CL105")


def test_a_big_table_is_checked():
    header = "|" + "|".join(f"h{i}" for i in range(30)) + "|\n"
    rule = "|" + "---|" * 30 + "\n"
    rows = ("|" + "cell|" * 30 + "\n") * 200
    found = run("# T\n\n" + header + rule + rows + "\nIt cures \u00e2\u20ac\u201d all.\n")
    assert [ln for ln, _, _ in by_code(found, "CL301")] == [206]


def test_suppression_comment_that_never_closes():
    found = run("# T\n\n<!-- conditionlint-disable-next-line CL301\n\nIt \u00e2\u20ac\u201d x\n")
    assert by_code(found, "CL904") == [(3, 1, "suppression comment is never closed with '-->'")]
    assert [ln for ln, _, _ in by_code(found, "CL301")] == [5]  # not suppressed


def test_a_million_character_line_is_checked():
    found = run("# T\n\n" + "word " * 200_000 + "\u00e2\u20ac\u201d\n")
    assert [(ln, col) for ln, col, _ in by_code(found, "CL301")] == [(3, 1_000_001)]
