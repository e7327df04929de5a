"""fix22: the small named gaps. Each is pinned through the CLI (`conditionlint check
--output-format json`): rule code, line, column, message and exit code."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conditionlint.cli import main


def check(tmp_path, text, select):
    page = tmp_path / "page.md"
    page.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["check", "--no-cache", "--output-format", "json",
                                       "--select", ",".join(select), str(page)])
    found = json.loads(result.output)["findings"]
    return result.exit_code, [(f["code"], f["line"], f["column"], f["message"])
                              for f in found]


# -- 1: "no side effects" that modifies a noun, or reports what a trial saw -------------
_ABS = ("absolute claim ('{}'): no treatment is guaranteed, permanent or free of risk, "
        "even with evidence")


@pytest.mark.parametrize("sentence", [
    # a false finding from the twenty-third session (0.368 over 0.35) to model25 (0.272,
    # under 0.375; docs/model25.md)
    "It contains no side effects information.",
    pytest.param("The leaflet has no side-effect data.", marks=pytest.mark.xfail(
        strict=True, reason="known false finding since the twenty-third session: the claim "
        "model retrained through blind79 scores it 0.386, over its threshold 0.35 (the one "
        "before: 0.279); the rules still take it for no claim (docs/model23.md)")),
    pytest.param("She has no risk factors.", marks=pytest.mark.xfail(
        strict=True, reason="known false finding since model25: the model retrained "
        "through blind87 scores it 0.503, over its threshold 0.375 (the one before: 0.307, "
        "under 0.35; docs/model25.md)")),
])
def test_no_side_effects_modifying_a_noun_is_no_claim(tmp_path, sentence):
    code, found = check(tmp_path, f"# Back pain\n\n{sentence}\n", ["CL401", "CL407"])
    assert (code, found) == (0, [])


@pytest.mark.parametrize("sentence", [
    # what a trial saw is an observation (CL401 asks it for evidence), not a promise
    "No side effects were reported in the trial.",
    "There were no side effects reported in the trial.",
    "Participants reported no side effects.",
])
def test_no_side_effects_seen_in_a_trial_is_not_absolute(tmp_path, sentence):
    code, found = check(tmp_path, f"# Back pain\n\n{sentence}\n", ["CL401", "CL407"])
    assert code == 1
    assert [f[:3] for f in found] == [("CL401", 3, 1)]


@pytest.mark.parametrize("sentence, column, quoted", [
    ("It has no side effects.", 8, "no side effects"),
    ("Take it with no side effects at all.", 14, "no side effects at all"),
    ("Our cream has no side effects and no risks.", 15, "no side effects and no risks"),
    ("No side effects, no risk.", 1, "No side effects"),
])
def test_absolute_no_side_effects_still_reported(tmp_path, sentence, column, quoted):
    code, found = check(tmp_path, f"# Back pain\n\n{sentence}\n", ["CL407"])
    assert code == 1
    assert found[0] == ("CL407", 3, column, _ABS.format(quoted))


# -- 2: CL503 takes "not wait for ... to call 999" as urgent-care advice ----------------
_PAGE = "---\ntitle: Croup\ntype: condition\n---\n\n# Croup\n\nCroup is common.\n\n{}\n"
_NO_URGENT = ("no urgent-care advice: say when to get urgent help and what to do (e.g. "
              "'call 999 or go to A&E if ...') under a heading such as 'When to get urgent "
              "help'")


@pytest.mark.parametrize("sentence", [
    "Parents should not wait for a GP appointment to call 999.",
    "Parents should not wait for a GP appointment to call 999 if their child is floppy.",
    "Do not wait for a GP appointment to call 999.",
    "Don't wait for your symptoms to get worse to call 911.",
    "Do not wait until the morning to call 112.",
    "Never wait for a rash to fade before calling 999.",
    "You should not wait for the pain to get worse before you go to A&E.",
    "Don't wait until morning \u2014 go to A&E.",  # accepted before, kept
])
def test_not_waiting_to_call_999_is_urgent_care_advice(tmp_path, sentence):
    code, found = check(tmp_path, _PAGE.format(sentence), ["CL503"])
    assert (code, found) == (0, [])


@pytest.mark.parametrize("sentence", [
    "You do not need to call 999 for a migraine.",
    "Do not call 999 for a cold.",
    # a statement about others, with no "not": not advice
    "Many parents wait for a GP appointment to call 999.",
    "People do not wait for a GP appointment to call 999.",
])
def test_telling_the_reader_not_to_call_is_still_no_advice(tmp_path, sentence):
    code, found = check(tmp_path, _PAGE.format(sentence), ["CL503"])
    assert (code, found) == (1, [("CL503", 6, 3, _NO_URGENT)])


# -- 4: Czech/Slovak "čítať" written as UTF-8 and read through Windows-1250 -------------
def _as_1250(word):
    return word.encode("utf-8").decode("cp1250")


CITAT = _as_1250("čítať")  # "ÄŤĂ\xadtaĹĄ"


def test_citat_read_as_windows_1250_is_mojibake(tmp_path):
    assert CITAT == "\u00c4\u0164\u0102\u00adta\u0139\u0104"
    code, found = check(tmp_path, f"# Heel pain\n\nDeti musia {CITAT} knihy.\n", ["CL301"])
    assert code == 1
    assert found == [
        ("CL301", 3, 12, "'\u00c4\u0164\u0102<U+00AD>' looks like '\u010d\u00ed' "
                         "(UTF-8 read as Windows-1250)"),
        ("CL301", 3, 18, "'\u0139\u0104' looks like '\u0165' (UTF-8 read as Windows-1250)"),
    ]


@pytest.mark.parametrize("clean", ["čítať", "Deti musia čítať.", "Musíte čítať knihy.",
                                   "Päť detí."])
def test_citat_fix_writes_the_utf8_text(tmp_path, clean):
    page = tmp_path / "page.md"
    page.write_bytes(f"# Heel pain\n\n{_as_1250(clean)}\n".encode("utf-8"))
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--select", "CL301",
                                       str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == f"# Heel pain\n\n{clean}\n".encode("utf-8")


@pytest.mark.parametrize("clean", [
    "Slovak: päť detí, čítať, ťava.",         # "ť" after "ä" is spelling
    "Kran\u00adken\u00adhaus",                 # soft hyphens between small letters
    "The word ČÍTAŤ in capitals.",
])
def test_clean_text_with_these_letters_is_left_alone(tmp_path, clean):
    code, found = check(tmp_path, f"# Heel pain\n\n{clean}\n", ["CL301"])
    assert (code, found) == (0, [])


# -- 3: unclosed front matter: where the page's text starts -----------------------------
_FM = "---\ntitle: Heel pain\ntype: condition\nreviewed_by: Dr B. Tester\nlast_reviewed: 2026-09-01\n"
_BODY = ("# Heel pain\n\nHeel pain is common.\n\n## Symptoms\n\n- Pain under the heel\n\n"
         "## Causes\n\nOveruse.\n\n## Treatment\n\nRest helps most people.\n")
_UNCLOSED = ("front matter opened with '---' is never closed (add a '---' line before line "
             "{}, where the page's text seems to start)")


@pytest.mark.parametrize("head, line", [
    # a capitalised key after a YAML comment: a key the schema defines, in any case
    ("---\n# Page metadata\nTitle: Heel pain\nType: condition\n\n", 6),
    (_FM + "# review\nReviewed_By: Dr A\n\n", 9),
    # a capitalised key the schema does not define, in a block whose keys are capitalised
    ("---\nTitle: Heel pain\nType: condition\n# editorial\nSummary: short\n\n", 7),
    # an unknown key whose mapping goes on
    (_FM + "# build\nSeries: feet\nsection: heel\n\n", 10),
    # a lower-case key the schema defines, after a comment, as before
    (_FM + "# a comment\nnext_review: 2027-01-01\n\n", 9),
])
def test_unclosed_front_matter_keys_after_a_comment_stay_yaml(tmp_path, head, line):
    code, found = check(tmp_path, head + _BODY, ["CL101", "CL105", "CL202"])
    assert (code, found) == (1, [("CL202", 1, 1, _UNCLOSED.format(line))])


@pytest.mark.parametrize("first", [
    "note: this page is being updated.\n\n",       # a sentence after a heading: text
    "note: this page is being updated.\nHeel pain is common.\n\n",
    "Summary: heel pain is common and usually settles.\n\n",  # as before (fix21d)
])
@pytest.mark.parametrize("gap", ["\n", ""])
def test_unclosed_front_matter_prose_key_line_after_the_h1_is_text(tmp_path, first, gap):
    body = _BODY.replace("# Heel pain\n\n", "# Heel pain\n" + gap + first, 1)
    code, found = check(tmp_path, _FM + "\n" + body, ["CL101", "CL105", "CL202"])
    assert (code, found) == (1, [("CL202", 1, 1, _UNCLOSED.format(7))])


def test_front_matter_keys_are_the_schema_properties():
    from pathlib import Path

    from conditionlint.frontmatter import FRONT_MATTER_KEYS
    schema = json.loads((Path(__file__).parents[1] / "schemas" /
                         "condition-page.schema.json").read_text(encoding="utf-8"))
    assert FRONT_MATTER_KEYS == set(schema["properties"])


# -- 5: ftfy's two cases repaired wrongly: a triple Mac Roman layer, a lossy inner layer -
_MAC3 = "\u00e9"
for _ in range(3):  # "é" read three times as Mac Roman: "‚Äö√†√∂¬¨¬©" (ftfy's case)
    _MAC3 = _MAC3.encode("utf-8").decode("mac_roman")
_LOSSY = ("\u00c3\u00a2\u00e2\u20ac\ufffd\u00e2\u20ac\u2122(\u00c3\u00a2\u00c5\u2019\u00c2\u00a3"
          "\u00c3\u2039\u00e2\u20ac\u00ba\u00c3\u00a2\u00c5\u2019\u00c2\u00a3)")
_LOST = ("'{}' is damaged text (UTF-8 read as Windows-1252); a byte was lost, so it "
         "cannot be repaired safely: retype the intended character")


def test_three_mac_roman_layers_are_undone_three_times(tmp_path):
    text = f"# Heel pain\n\nMerci de t{_MAC3}l{_MAC3}charger le plug-in.\n"
    code, found = check(tmp_path, text, ["CL301"])
    msg = f"'{_MAC3}' looks like '\u00e9' (UTF-8 read as Mac Roman three times)"
    assert (code, found) == (1, [("CL301", 3, 11, msg), ("CL301", 3, 23, msg)])
    page = tmp_path / "page.md"
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--select", "CL301",
                                       str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_bytes() == \
        "# Heel pain\n\nMerci de t\u00e9l\u00e9charger le plug-in.\n".encode("utf-8")


def test_outer_layer_of_lossy_double_encoding_is_not_repaired(tmp_path):
    text = f"# Heel pain\n\nSmile {_LOSSY} here.\n"
    code, found = check(tmp_path, text, ["CL301"])
    assert code == 1
    # "Ã¢" -> "â" glued to the lossy "â€\ufffd" would leave "ââ€\ufffd": no fix offered
    assert found[:2] == [("CL301", 3, 7, _LOST.format("\u00c3\u00a2")),
                         ("CL301", 3, 9, _LOST.format("\u00e2\u20ac\ufffd"))]
    assert found[-1] == ("CL301", 3, 16, "'\u00c3\u00a2\u00c5\u2019\u00c2\u00a3\u00c3\u2039"
                         "\u00e2\u20ac\u00ba\u00c3\u00a2\u00c5\u2019\u00c2\u00a3' looks like "
                         "'\u2323\u02db\u2323' (UTF-8 read as Windows-1252 twice)")
    page = tmp_path / "page.md"
    result = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "--select", "CL301",
                                       str(page)])
    assert result.exit_code == 1  # the lossy runs remain
    assert page.read_bytes() == (
        "# Heel pain\n\nSmile \u00c3\u00a2\u00e2\u20ac\ufffd\u00e2\u20ac\u2122"
        "(\u2323\u02db\u2323) here.\n").encode("utf-8")
