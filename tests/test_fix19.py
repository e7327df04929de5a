"""Fix session 19: citations after a percentage or quote, CL411, CL407, CL406, CL202,
CL306, CL301 messages, CL102 docs example, review dates in the page text."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def found(text: str, select=("CL4",)):
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.message)
            for f in lint_text(text, select=list(select), today=TODAY)]


# -- 1. digits glued to a full stop after a percentage or a closing quote ----------------
_REFS = "\n\n## References\n\n1. Smith J. Ginger for nausea. 2020. doi:10.1000/xyz1\n"


@pytest.mark.parametrize("sentence, col", [
    ("In one trial, ginger cut the rate of nausea from 46% to 25%.1 However, trials "
     "were small.", 61),
    ('Ginger relieves nausea in "most cases".1 Ask first.', 40),
    ("Ginger relieves nausea in \u201cmost cases\u201d.1 Ask first.", 40),
    ("Ginger relieves nausea in 'most cases'.1 Ask first.", 40),
])
def test_glued_marker_after_percentage_or_quote_is_read(sentence, col):
    assert sentence[col - 2:col] == ".1"
    page = "# Nausea\n\n" + sentence + _REFS
    assert found(page, ["CL401", "CL403", "CL404"]) == []
    page4 = "# Nausea\n\n" + sentence.replace(".1 ", ".4 ") + _REFS
    assert found(page4, ["CL403"]) == [
        ("CL403", 3, col, 3, col + 1, "citation '4' resolves to nothing: there is no item 4 "
                                      "in a References list")]


@pytest.mark.parametrize("sentence", [
    "Ginger relieves nausea at a dose of 0.5.1 Ask first.",
    "Ginger relieves nausea at a dose of 2.5 grams. Ask first.",
])
def test_decimals_are_not_glued_markers(sentence):
    got = found("# Nausea\n\n" + sentence + _REFS, ["CL401", "CL403", "CL404"])
    assert [g[0] for g in got] == ["CL401", "CL404"]


# -- 2. CL411: a warning against the promotion, a lifestyle, and "safer ... because" -------
@pytest.mark.parametrize("sentence", [
    "Herbal remedies are not safer just because they are natural.",
    "Try to stay smoke-free and drug-free while you recover.",
    "Staying alcohol- and drug-free helps your liver recover.",
])
def test_cl411_warnings_and_lifestyles_pass(sentence):
    assert found("# Herbs\n\n" + sentence + "\n", ["CL411"]) == []


def test_cl411_safer_choice_because_plant_based_is_reported():
    assert found("# Herbs\n\nIt is the safer choice because it is plant-based.\n", ["CL411"]) == [
        ("CL411", 3, 11, 3, 49, "promotional wording ('safer choice because it is plant-based') "
                                "implies the therapy is safe; describe its risks instead")]


def test_cl411_a_drug_free_therapy_is_still_reported():
    got = found("# Herbs\n\nStay smoke-free and drug-free. Our tea is drug-free.\n", ["CL411"])
    assert [(g[0], g[2]) for g in got] == [("CL411", 43)]


# -- 3. CL407: a cure of a proportion is a hedged claim, not an absolute -----------------
@pytest.mark.parametrize("sentence", [
    "Antibiotics cure most UTIs.",
    "Antibiotics cure most urinary tract infections.",
    "Surgery cures 80% of cases.",
    "Surgery cures the majority of small tumours.",
])
def test_cl407_a_cure_of_a_proportion_is_not_absolute(sentence):
    assert found("# UTI\n\n" + sentence + "\n", ["CL407"]) == []


@pytest.mark.parametrize("sentence, col", [
    ("Antibiotics cure UTIs.", 13),
    ("Surgery cures 100% of cases.", 9),
    ("It cures most colds and cures cancer.", 25),
])
def test_cl407_a_cure_of_everything_is_still_absolute(sentence, col):
    got = found("# UTI\n\n" + sentence + "\n", ["CL407"])
    assert [(g[0], g[1], g[2]) for g in got] == [("CL407", 3, col)]
    assert got[0][5].startswith("absolute claim ('cure")


# -- 4. CL406: a quoted identifier's finding spans the identifier, not its quotes ---------
@pytest.mark.parametrize("key, value, col, end", [
    ("doi", '"10.x/abc"', 11, 19),
    ("doi", "'10.x/abc'", 11, 19),
    ("doi", "10.x/abc", 10, 18),
    ("pmid", '"1234x"', 12, 17),
])
def test_cl406_span_of_a_quoted_identifier(key, value, col, end):
    page = ("---\ntitle: T\nevidence:\n  - id: a\n    title: \"A trial\"\n    year: 2020\n"
            f"    design: rct\n    {key}: {value}\n---\n# T\n\nText [@a].\n")
    got = found(page, ["CL406"])
    assert [(g[0], g[1], g[2], g[3], g[4]) for g in got] == [("CL406", 8, col, 8, end)]
    line = page.splitlines()[7]
    assert line[col - 1:end - 1] == value.strip("\"'")


# -- 5. CL202: an unclosed bracket or quote is reported where it opens -------------------
_HINT = "a '[' is never closed, or its items need commas"


@pytest.mark.parametrize("fm, line, col, message", [
    ("title: T\ntags: [a, b\nreviewed_by: X\n", 3, 7,
     "invalid YAML: while parsing a flow sequence, did not find expected ',' or ']' "
     f"({_HINT})"),
    ("title: T\ntags: [a, b\n", 3, 7,
     "invalid YAML: while parsing a flow sequence, did not find expected ',' or ']' "
     f"({_HINT})"),
    ("title: T\ntags: {a: 1\nreviewed_by: X\n", 3, 7,
     "invalid YAML: while parsing a flow mapping, did not find expected ',' or '}' "
     "(a '{' is never closed, or its items need commas)"),
    ('title: "T\nx: 1\n', 2, 8,
     "invalid YAML: while scanning a quoted scalar, found unexpected end of stream "
     "(a quote or bracket is never closed)"),
    # a problem on the bracket's own line is reported where it is
    ('title: T\ntags: [a, "b" c]\n', 3, 15,
     "invalid YAML: while parsing a flow sequence, did not find expected ',' or ']' "
     f"({_HINT})"),
])
def test_cl202_unclosed_bracket_position(fm, line, col, message):
    page = "---\n" + fm + "---\n# T\n\nText.\n"
    got = [(f.code, f.line, f.column, f.message)
           for f in lint_text(page, select=["CL202"], today=TODAY)]
    assert got == [("CL202", line, col, message)]


# -- 6. CL306: the Hangul filler and the braille blank, escaped in the message ----------
@pytest.mark.parametrize("ch, name", [
    ("\u3164", "hangul filler <U+3164>"),
    ("\u2800", "braille pattern blank <U+2800>"),
    ("\u115f", "hangul choseong filler <U+115F>"),
])
def test_cl306_blank_letters_are_reported_escaped(ch, name):
    page = f"# Hay fever\n\nTake one{ch}tablet daily.\n"
    got = found(page, ["CL306"])
    assert got == [("CL306", 3, 9, 3, 10, f"invisible {name}")]
    assert ch not in got[0][5]


def test_cl306_braille_blank_between_braille_cells_passes():
    assert found("# Braille\n\nIn braille: \u2801\u2803\u2800\u2809\u2819.\n", ["CL306"]) == []


# -- 7. CL301: double damage with a lost byte reads like the single case ----------------
_LOST = ("a byte was lost, so it cannot be repaired safely: retype the intended character")


@pytest.mark.parametrize("damaged, how", [
    ("\u00e2\u20ac?", "Windows-1252"),
    ("\u00c3\u00a2\u00e2\u201a\u00ac?", "Windows-1252 twice"),
])
def test_cl301_lost_byte_single_and_double(damaged, how):
    page = f"# T\n\nSee {damaged} here.\n"
    got = [(f.code, f.line, f.column, f.end_column, f.message, f.fix)
           for f in lint_text(page, select=["CL301"], today=TODAY)]
    assert got == [("CL301", 3, 5, 5 + len(damaged),
                    f"'{damaged}' is damaged text (UTF-8 read as {how}); {_LOST}", None)]


def test_cl301_double_damage_names_the_final_repair():
    page = "# T\n\nIt\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s fine.\n"
    got = [f.message for f in lint_text(page, select=["CL301"], today=TODAY)]
    assert got == ["'\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2' looks like '\u2019' "
                   "(UTF-8 read as Windows-1252 twice)"]


# -- 8. rule docs: no example triggers a front-matter error it does not document ---------
def test_rule_doc_examples_trigger_no_front_matter_error_of_another_rule():
    from conditionlint.api import default_registry
    from conditionlint.ruledocs import examples

    bad = []
    for r in default_registry().sorted():
        fails, passes = examples(r)
        for kind, exs in (("fails", fails), ("passes", passes)):
            for i, ex in enumerate(exs):
                codes = {f.code for f in lint_text(ex, path="example.md", today=TODAY)}
                extra = (codes & {"CL202", "CL203", "CL206", "CL901"}) - {r.code}
                if extra:
                    bad.append((r.code, kind, i, sorted(extra)))
    assert bad == []


# -- 9. CL206 reads the page's own review lines when the front matter has no dates -------
_BODY = "# Hives\n\nAn itchy rash. Reviewed by Dr A. Example.\n\n"


@pytest.mark.parametrize("line, message", [
    ("Last reviewed: 31 February 2025",
     "the page says it was last reviewed '31 February 2025', which is not a date"),
    ("Last reviewed: 2025-02-30",
     "the page says it was last reviewed '2025-02-30', which is not a date"),
    ("Page last reviewed: 14 March 2027",
     "the page says it was last reviewed 2027-03-14, which is in the future "
     "(today is 2026-11-29)"),
    ("Last updated: 2 March 2027",
     "the page says it was last updated 2027-03-02, which is in the future "
     "(today is 2026-11-29)"),
])
def test_cl206_body_last_review(line, message):
    got = found(_BODY + line + "\n", ["CL206"])
    assert got == [("CL206", 5, 1, 5, len(line) + 1, message)]


def test_cl206_body_next_review_before_last():
    page = _BODY + "Page last reviewed: 02 April 2026\n\nNext review due: 02 April 2025\n"
    assert found(page, ["CL206"]) == [
        ("CL206", 7, 1, 7, 31, "the page's next review date 2025-04-02 is before its last "
                               "review 2026-04-02")]


@pytest.mark.parametrize("page", [
    _BODY + "The guideline will be updated 1 May 2027.\n",  # prose, not the page's review
    _BODY + "Reviewed: Maybe 2025\n",
    _BODY + "Page last reviewed: 14 March 2026\n\nNext review due: 14 March 2027\n",
    # front-matter dates win: the body is not read
    "---\ntitle: H\nreviewed_by: Dr B\nlast_reviewed: 2026-10-01\n---\n" + _BODY +
    "Page last reviewed: 31 February 2020\n",
])
def test_cl206_body_lines_that_pass(page):
    assert found(page, ["CL206"]) == []


def test_cl206_body_exit_code(tmp_path):
    from tests.conftest import run_cli

    (tmp_path / "a.md").write_text(_BODY + "Last reviewed: 31 February 2025\n", encoding="utf-8")
    r = run_cli("check", "--no-cache", "--today", TODAY, "--select", "CL206", "a.md",
                cwd=tmp_path)
    assert r.returncode == 1
    assert "CL206" in r.stdout.decode()
