"""HTML-comment suppressions, CL902 unused and CL904 invalid suppressions."""

from __future__ import annotations

from conditionlint.api import lint_text

BODY = "Intro.\n\n## Symptoms\n\nPain.\n\n## Treatment\n\nRest.\n"


def run(text: str, select=("CL103", "CL105", "CL9")):
    return [(f.code, f.line, f.column, f.message) for f in lint_text(text, select=list(select))]


def test_disable_next_line_by_code_and_name():
    for ref in ("CL103", "empty-section"):
        text = f"# T\n\nIntro.\n\n<!-- conditionlint-disable-next-line {ref} -- draft -->\n" \
               "## Symptoms\n\n## Treatment\n\nRest.\n"
        assert run(text) == [], ref


def test_disable_next_line_only_covers_next_line():
    text = "<!-- conditionlint-disable-next-line CL103 -->\n\n" \
           "# T\n\nIntro.\n\n## Symptoms\n\n## Treatment\n\nRest.\n"
    got = run(text)
    assert ("CL103", 7, 4, "section 'Symptoms' is empty") in got
    assert ("CL902", 1, 1, "suppression of CL103 suppresses nothing") in got


def test_disable_enable_range():
    text = "# T\n\nIntro.\n\n<!-- conditionlint-disable CL103 -->\n## Symptoms\n\n" \
           "## Causes\n\n<!-- conditionlint-enable CL103 -->\n\n## Treatment\n\n## End\n"
    got = [g for g in run(text) if g[0] in ("CL103", "CL902")]
    assert got == [("CL103", 12, 4, "section 'Treatment' is empty"),
                   ("CL103", 14, 4, "section 'End' is empty")]


def test_disable_without_enable_runs_to_end_of_file():
    text = "# T\n\nIntro.\n\n<!-- conditionlint-disable -->\n## Symptoms\n\n## Treatment\n"
    assert [g[0] for g in run(text)] == []


def test_disable_file():
    text = "# T\n\n## Symptoms\n\n## Treatment\n\nRest.\n\n" \
           "<!-- conditionlint-disable-file CL103 -->\n"
    assert [g[0] for g in run(text)] == []


def test_unused_suppression_reported_at_comment():
    text = "# T\n\n" + BODY + "\n<!-- conditionlint-disable-file empty-section -->\n"
    assert run(text) == [("CL902", 13, 1, "suppression of CL103 suppresses nothing")]


def test_unknown_rule_is_invalid_suppression():
    text = "# T\n\n<!-- conditionlint-disable-next-line CL999, CL103 -->\n" + BODY
    got = run(text)
    assert ("CL904", 3, 1, "suppression names unknown rule 'CL999'") in got
    assert ("CL902", 3, 1, "suppression of CL103 suppresses nothing") in got


def test_never_read_inside_code():
    text = "# T\n\n" + BODY + "\n```markdown\n<!-- conditionlint-disable-file -->\n```\n\n" \
           "Inline `<!-- conditionlint-disable-file -->` too.\n\n## Causes\n"
    got = run(text)
    assert [g[0] for g in got] == ["CL103"]


def test_unclosed_suppression_comment():
    text = "# T\n\n" + BODY + "\n<!-- conditionlint-disable CL103\n"
    got = run(text)
    assert [(g[0], g[1]) for g in got] == [("CL904", 13)]
    assert "never closed" in got[0][3]


def test_suppression_of_rule_not_selected_is_not_reported_unused():
    text = "# T\n\n<!-- conditionlint-disable-next-line CL103 -->\n" + BODY
    assert run(text, select=("CL105", "CL9")) == []


def test_a_rule_enabled_again_after_a_blanket_disable_is_reported_again():
    # An enable naming a rule after a disable of every rule did nothing: the rule stayed
    # off to the blanket's end, silently.
    text = ("# T\n\nIntro.\n\n<!-- conditionlint-disable -->\n## Symptoms\n\n"
            "<!-- conditionlint-enable CL103 -->\n## Causes\n\n## Treatment\n\nRest.\n\n"
            "<!-- conditionlint-enable -->\n## End\n")
    assert run(text) == [("CL103", 9, 4, "section 'Causes' is empty"),
                         ("CL103", 16, 4, "section 'End' is empty")]
    # the other rules stay off until the blanket's enable: CL105's finding on line 1
    # is before it; a heading-level finding inside the block stays hidden
    text = ("<!-- conditionlint-disable -->\n## No title\n\n## Symptoms\n\n"
            "<!-- conditionlint-enable CL103 -->\n## Treatment\n\nRest.\n")
    assert run(text) == []


def test_an_enable_that_enables_nothing_is_reported():
    text = ("# T\n\nIntro.\n\n<!-- conditionlint-enable CL103 -->\n## Symptoms\n\nPain.\n\n"
            "<!-- conditionlint-disable CL105 -->\n<!-- conditionlint-enable CL103 -->\n"
            "<!-- conditionlint-enable -->\n<!-- conditionlint-enable -->\n"
            "## Treatment\n\nRest.\n")
    assert run(text) == [
        ("CL902", 5, 1, "enable of CL103 enables nothing: no disable of it is in force "
                        "before it"),
        ("CL902", 10, 1, "suppression of CL105 suppresses nothing"),
        ("CL902", 11, 1, "enable of CL103 enables nothing: no disable of it is in force "
                         "before it"),
        ("CL902", 13, 1, "enable of any rule enables nothing: no disable of it is in force "
                         "before it")]


def test_directives_are_read_in_any_case():
    # CONDITIONLINT-DISABLE-NEXT-LINE did nothing, and said nothing
    for word in ("CONDITIONLINT-DISABLE-NEXT-LINE", "Conditionlint-Disable-Next-Line"):
        text = f"# T\n\nIntro.\n\n<!-- {word} CL103 -->\n## Symptoms\n\n## Treatment\n\nRest.\n"
        assert run(text) == [], word


def test_a_line_comment_on_any_line_of_a_wrapped_finding_suppresses_it():
    # disable-line on the second line of a claim that starts on the line before did not
    # suppress it, and was itself reported as suppressing nothing
    claim = "Acupuncture cures chronic back pain in\nmost patients within weeks."
    base = "# Back pain\n\nBack pain is common.\n\n"
    got = lint_text(base + claim + "\n", select=["CL401"])
    assert [(f.code, f.line, f.end_line) for f in got] == [("CL401", 5, 6)]
    for text in (
            base + claim + " <!-- conditionlint-disable-line CL401 -- quoted -->\n",
            base + "Acupuncture cures chronic back pain in <!-- conditionlint-disable-line "
                   "CL401 -->\nmost patients within weeks.\n",
            base + "<!-- conditionlint-disable-next-line CL401 -->\n" + claim + "\n"):
        assert [f.code for f in lint_text(text, select=["CL401", "CL902"])] == [], text
    # a comment on the line after it is not on it
    after = base + claim + "\nMore. <!-- conditionlint-disable-line CL401 -->\n"
    assert sorted(f.code for f in lint_text(after, select=["CL401", "CL902"])) == [
        "CL401", "CL902"]
