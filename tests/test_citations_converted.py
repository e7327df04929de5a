"""Citation markers as converters write them: brackets escaped ("\\[1\\]", pandoc and
HTML-to-Markdown tools) and pandoc superscripts ("^1^")."""

from __future__ import annotations

from conditionlint.api import lint_text

REFS = """
## References

{m1} Smith J. Exercise for back pain. BMJ. 2020;1:1. doi:10.1136/bmj.m1

{m2} Jones A. Massage for back pain. Lancet. 2019;2:2. doi:10.1016/S0140-6736(19)30001-1

{m3} Brown B. Massage again. BMJ. 2021;3:3. doi:10.1136/bmj.m3
"""


def found(page: str) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.message)
            for f in lint_text(page, select="CL401,CL403,CL404")]


def test_escaped_brackets_cite_the_escaped_entries():
    page = ("# Back pain\n\nExercise reduces back pain by half.\\[1\\] Massage relieves "
            "pain.\\[2, 3\\] Heat eases it.\\[7\\]\n" +
            REFS.format(m1="\\[1\\]", m2="\\[2\\]", m3="\\[3\\]"))
    assert found(page) == [
        ("CL401", 3, 73, "efficacy claim ('eases') cites no evidence entry (its citation "
                         "resolves to nothing)"),
        ("CL403", 3, 87, "citation '\\[7\\]' resolves to nothing: there is no item 7 in a "
                         "References list")]


def test_pandoc_superscripts_cite_numbered_entries_and_powers_are_no_marker():
    page = ("# Back pain\n\nExercise reduces back pain by half.^1^ Massage relieves "
            "pain^2,3^.\n\nA dose of 10^6^ cells reduces pain.\n" +
            REFS.format(m1="1.", m2="2.", m3="3."))
    assert found(page) == [("CL401", 5, 1, "efficacy claim ('reduces') cites no evidence "
                                           "entry")]
