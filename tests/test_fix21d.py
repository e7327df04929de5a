"""Fix session 21d: an independent review of session 21's fixes (review-s21-findings.md):
CL301's doubt check in linear time (D2), CL304's space before markup (D3), Slovak
UTF-8 read as ISO-8859-2 (D4), unclosed front matter before a list (D1) and YAML-escape
mojibake after a Unicode line break (D5)."""

from __future__ import annotations

import pytest

from conditionlint import mojibake
from tests.fix21_helpers import TODAY, fixed, lint, msgs  # noqa: F401



# -- D2: the doubt check reads the rest of the text once, not once per run ---------------
def _script_calls(monkeypatch, text):
    calls = [0]
    real = mojibake._script

    def counting(ch):
        calls[0] += 1
        return real(ch)

    monkeypatch.setattr(mojibake, "_script", counting)
    damage = mojibake.scan(text)
    monkeypatch.setattr(mojibake, "_script", real)
    return calls[0], damage


@pytest.mark.parametrize("unit", ["\u00ce\u00b1\u00ce\u00b2\u00ce\u00b3 ok ",  # Greek via 1252
                                  "\u00e6\u2014\u00a5\u00e6\u0153\u00ac x "])   # CJK via 1252
def test_doubt_check_work_grows_linearly(monkeypatch, unit):
    small, big = unit * 250, unit * 1000
    n_small, d_small = _script_calls(monkeypatch, small)
    n_big, d_big = _script_calls(monkeypatch, big)
    assert len(d_big) == 4 * len(d_small) and d_small
    # linear: about 4; the old per-run rebuild of the rest of the text gave about 16
    assert n_big / n_small < 6


def test_doubt_check_keeps_its_verdicts():
    # the repair brings in Greek the rest of the text does not use: no doubt because
    # the repair is clearly more plausible; a run whose script the text shows anyway
    # is judged the same way as before
    text = "\u00ce\u00b1\u00ce\u00b2\u00ce\u00b3 ok " * 3
    assert [d.repaired for d in mojibake.scan(text)] == ["αβγ"] * 3
    assert mojibake.repair(text) == "αβγ ok " * 3


# -- D3: CL304's fix keeps a space before markup, currency signs and hyphens -------------
@pytest.mark.parametrize("after, want", [
    ("*twice* a day.", "tablet *twice* a day."),
    ("`twice` a day.", "tablet `twice` a day."),
    ("£5 a day.", "tablet £5 a day."),
    ("€5 a day.", "tablet €5 a day."),
    ("<b>twice</b> a day.", "tablet <b>twice</b> a day."),
    ("_twice_ a day.", "tablet _twice_ a day."),
    ("~twice~ a day.", "tablet ~twice~ a day."),
    ("-twice a day.", "tablet -twice a day."),
    ("**twice** a day.", "tablet **twice** a day."),
    # closing punctuation still takes no space (session 21's fix)
    (", twice.", "tablet, twice."),
    (") twice.", "tablet) twice."),
    ("; twice.", "tablet; twice."),
    ("\u201d twice.", "tablet\u201d twice."),
])
@pytest.mark.parametrize("sep", ["\x0b", "\x0c", "\u2028"])
def test_cl304_fix_spaces_before_markup_but_not_closing_punctuation(sep, after, want):
    page = f"# X\n\nTake one tablet{sep}{after}\n"
    assert fixed(page, select=["CL304"]) == f"# X\n\nTake one {want}\n"


# -- D4: the runs of one sentence are repaired through one code page ----------------------
@pytest.mark.parametrize("clean", ["môžeš prísť", "Slovensky: môžeš prísť",
                                   "môžeš", "Príďte zajtra, môžeš prísť kedykoľvek."])
def test_slovak_iso_8859_2_repaired_through_one_page(clean):
    damaged = clean.encode("utf-8").decode("iso8859_2")
    damage = mojibake.scan(damaged)
    assert damage and {d.codec for d in damage} == {"ISO-8859-2"}
    assert mojibake.repair(damaged) == clean


def test_slovak_iso_8859_2_fix_on_a_page():
    page = "# X\n\nSlovensky: m\u0102\u00b4\u0139\u017ee\u0139\u0104 pr\u0102\u00ads\u0139\u013d\n"
    assert "Slovensky: môžeš prísť" in fixed(page, select=["CL301"])
    assert all("Windows-1250" not in m for m in msgs(lint(page, ["CL301"]), "CL301"))


def test_windows_1250_slovak_stays_windows_1250():
    # session 21's fix: Windows-1250 damage is still repaired the Windows-1250 way
    for clean in ("Napíšte nám", "môžeš prísť", "príšerný"):
        damaged = clean.encode("utf-8").decode("cp1250")
        assert mojibake.repair(damaged) == clean


def test_sentences_of_different_pages_are_settled_apart():
    russian = "Мигрень".encode("utf-8").decode("cp1252")
    slovak = "môžeš prísť".encode("utf-8").decode("iso8859_2")
    text = f"{russian}.\n{slovak}."
    assert mojibake.repair(text) == "Мигрень.\nmôžeš prísť."


def test_runs_no_one_page_repairs_are_reported_without_a_fix():
    text = "Pain \u0e42\u20ac\u201d \u0420\u0457\u0421\u0402\u0420\u0451 rest"  # Windows-874 + Windows-1251
    damage = mojibake.scan(text)
    assert [d.repaired for d in damage] == ["—", "при"]
    assert all("different code pages" in d.doubt for d in damage)
    assert mojibake.repair(text) == text
    # a sentence apart, each is repaired
    assert mojibake.repair(text.replace(" \u0420", ".\n\u0420", 1)) == "Pain —.\nпри rest"


# -- D1: an unclosed front matter before an H1 followed by a list or "Word: text" ----------
_FM = ("---\ntitle: Heel pain\ntype: condition\nreviewed_by: Dr B. Tester\n"
       "last_reviewed: 2026-09-01\nnext_review: 2027-09-01\n")
_REST = ("\n## Symptoms\n\n- Pain under the heel\n\n## Causes\n\nOveruse.\n\n"
         "## Treatment\n\nRest helps most people.\n")


@pytest.mark.parametrize("first", [
    "- Heel pain is common.\n- It usually settles with rest.\n",
    "Summary: heel pain is common and usually settles.\n",
    "<!-- note -->\nNotes: these are words.\n",
    "Heel pain is common.\n",  # prose, as before
])
def test_unclosed_front_matter_body_starts_at_the_h1(first):
    text = _FM + "# Heel pain\n\n" + first + _REST
    found = lint(text, ["CL101", "CL105", "CL202"])
    assert [f.code for f in found] == ["CL202"], [(f.code, f.message) for f in found]
    assert "before line 7," in found[0].message


@pytest.mark.parametrize("text", [
    # a comment inside the YAML, then a key (blank line or not): still YAML
    "---\ntitle: X\n# a comment\nreviewed_by: Y\n",
    "---\ntitle: X\n# a comment\n\nreviewed_by: Y\n",
    # a comment inside an open block, then its items
    "---\ntitle: X\nevidence:\n# the trials\n- id: a\n- id: b\n",
    "---\ntags:\n  - a\n# more\n- b\n",
])
def test_unclosed_front_matter_yaml_comments_stay_yaml(text):
    found = lint(text, ["CL202"])
    assert [f.message for f in found] == [
        "front matter opened with '---' is never closed (add a '---' line after it)"]


# -- D5: YAML's own line breaks (U+2028, U+2029, U+0085) before a YAML-escape run ---------
@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_yaml_escape_mojibake_after_a_unicode_line_break(sep):
    page = ("---\ndescription: 'Plain text" + sep + "more text here'\n"
            'title: "Heel pain: it\\u00e2\\u20ac\\u2122s common"\n---\n# Heel pain\n\nText.\n')
    found = [f for f in lint(page, ["CL301"]) if f.code == "CL301"]
    assert [(f.line, f.column) for f in found] == [(3, 22)]
    out = fixed(page, select=["CL301"])
    assert 'title: "Heel pain: it\\u2019s common"' in out
    # only the escape bytes changed
    assert out.replace("\\u2019", "\\u00e2\\u20ac\\u2122") == page


def test_front_matter_key_marks_after_a_unicode_line_break():
    page = ("---\ntitle: 'Heel\u2028pain'\ntype: condition\nlast_reviewed: 12\n"
            "reviewed_by: Dr X\n---\n# Heel pain\n\nText.\n")
    found = [f for f in lint(page, ["CL203"]) if "last_reviewed" in f.message]
    assert found and all(f.line == 4 for f in found), [(f.line, f.message) for f in found]
