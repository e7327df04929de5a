"""Fix session 21f: an independent review of session 21's second round of fixes
(review-s21b-findings.md): CL301's page list for a sentence mixing code pages in
linear time and scoped to the sentence (E1), the Latin runs of such a sentence
suggested through the page they agree on (E12), CL304's space before non-ASCII
closing punctuation and superscripts (E10), an indented first line after the H1 of an
unclosed front matter (E6)."""

from __future__ import annotations

import pytest

from conditionlint import mojibake
from tests.fix21_helpers import TODAY, fixed, lint, msgs  # noqa: F401

GREEK = "\u00ce\u00b1\u00ce\u00b2\u00ce\u00b3"            # αβγ read as Windows-1252
SLOVAK = "m\u0102\u00b4\u0139\u017ee\u0139\u0104"          # môžeš read as ISO-8859-2
CZECH = "nap\u0102\u00ad\u0139\u02c7te\u0139\u02c7"        # napíšteš read as Windows-1250
JAPANESE = "\u00e6\u2014\u00a5\u00e6\u0153\u00ac"         # 日本 read as Windows-1252



# -- E1: the pages of a sentence mixing code pages, once per sentence ---------------------
def _family_calls(monkeypatch, text):
    calls = [0]
    real = mojibake._family

    def counting(label):
        calls[0] += 1
        return real(label)

    monkeypatch.setattr(mojibake, "_family", counting)
    mojibake.scan(text)
    monkeypatch.setattr(mojibake, "_family", real)
    return calls[0]


def test_mixed_pages_page_list_is_linear(monkeypatch):
    unit = f"{GREEK} {SLOVAK}. "
    small = _family_calls(monkeypatch, unit * 50)
    big = _family_calls(monkeypatch, unit * 200)
    assert big < 6 * small  # was quadratic: about 16 times


def test_mixed_pages_message_names_only_its_sentence_pages():
    text = f"Greek {GREEK} and Slovak {SLOVAK} here. Czech {CZECH} and Japanese {JAPANESE} there."
    damage = mojibake.scan(text)
    second = [d for d in damage if d.start > text.index("Czech")]
    doubted = [d for d in second if "different code pages" in d.doubt]
    assert doubted
    assert all("ISO-8859-2" not in d.doubt for d in doubted)


# -- E12: the Latin runs of a mixed sentence are suggested through the page they share -----
def test_latin_runs_next_to_greek_agree_on_one_page():
    text = f"Greek {GREEK} and Slovak {SLOVAK} here."
    damage = {text[d.start:d.end]: d for d in mojibake.scan(text)}
    assert damage["\u0139\u0104"].repaired == "š"           # was 'ť' (Windows-1250)
    assert damage["\u0139\u0104"].codec == "ISO-8859-2"
    assert damage["\u0102\u00b4\u0139\u017e"].repaired == "ôž"
    # only the run no Latin page repairs is left without a fix
    assert "different code pages" in damage[GREEK].doubt
    assert not damage["\u0139\u0104"].doubt
    assert mojibake.repair(text) == f"Greek {GREEK} and Slovak môžeš here."


def test_two_runs_of_two_pages_still_reported_without_a_fix():
    # fix21d's case: no page repairs more than one run, none is fixed
    text = "Pain \u0e42\u20ac\u201d \u0420\u0457\u0421\u0402\u0420\u0451 rest"
    assert mojibake.repair(text) == text


# -- E10: CL304, no space before other scripts' closing punctuation or a superscript ------
@pytest.mark.parametrize("after, want", [
    ("\u3002 twice", "tablet\u3002 twice"),      # ideographic full stop
    ("\u060c twice", "tablet\u060c twice"),      # Arabic comma
    ("\uff0c twice", "tablet\uff0c twice"),      # fullwidth comma
    ("\u00b9 a day.", "tablet\u00b9 a day."),    # superscript citation
    ("\u00b9\u207b\u00b3 a day.", "tablet\u00b9\u207b\u00b3 a day."),
    ("'s dose.", "tablet's dose."),
    ("' twice.", "tablet' twice."),
    # these open, or are markup: still a space
    ("'twice' a day.", "tablet 'twice' a day."),
    ("\u00bftwice?", "tablet \u00bftwice?"),
    ("*twice* a day.", "tablet *twice* a day."),
    ("\"twice\" a day.", "tablet \"twice\" a day."),
    ("#2 a day.", "tablet #2 a day."),
])
@pytest.mark.parametrize("sep", ["\x0b", "\u2028"])
def test_cl304_no_space_before_closing_marks_of_any_script(sep, after, want):
    page = f"# X\n\nTake one tablet{sep}{after}\n"
    assert fixed(page, select=["CL304"]) == f"# X\n\nTake one {want}\n"


# -- E6: unclosed front matter, an indented first line under the H1 ----------------------
_FM = ("---\ntitle: Heel pain\ntype: condition\nreviewed_by: Dr B. Tester\n"
       "last_reviewed: 2026-09-01\nnext_review: 2027-09-01\n")
_REST = ("\n## Symptoms\n\n- Pain under the heel\n\n## Causes\n\nOveruse.\n\n"
         "## Treatment\n\nRest helps most people.\n")


@pytest.mark.parametrize("first, more", [
    ("  Heel pain is common and usually settles.\n", []),
    (" - Heel pain is common.\n", []),
    # a code block is the page's text too, though not an overview
    ("    code block line\n", ["Overview"]),
    ("\tHeel pain is common.\n", ["Overview"]),
])
def test_unclosed_front_matter_indented_first_line_starts_the_body(first, more):
    text = _FM + "# Heel pain\n\n" + first + _REST
    found = lint(text, ["CL101", "CL105", "CL202"])
    assert [f.code for f in found] == ["CL202"] + ["CL101"] * len(more), \
        [(f.code, f.message) for f in found]
    assert all(m in f.message for m, f in zip(more, found[1:]))
    assert "before line 7," in found[0].message


@pytest.mark.parametrize("text", [
    # an indented line under an open block, after a comment, stays YAML
    "---\ntitle: X\nevidence:\n# the trials\n  - id: a\n",
    "---\ntitle: X\nsummary: >\n# a comment\n  folded text\n",
    "---\ntags:\n  - a\n# more\n  - b\n",
])
def test_unclosed_front_matter_indented_yaml_after_a_comment_stays_yaml(text):
    found = lint(text, ["CL202"])
    assert [f.message for f in found] == [
        "front matter opened with '---' is never closed (add a '---' line after it)"]
