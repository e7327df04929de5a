"""The wording rules (CL407, CL410, CL411) read prose put among the evidence entries:
a paragraph under "Notes" or "Further reading", or a footnote that is a sentence and
no reference. The entries themselves stay unread (a cited title may say "miracle")."""

from __future__ import annotations

from conditionlint.api import lint_text

PAGE = """\
# Back pain

Back pain is common.

## Notes

Our miracle cure is 100% safe and you can stop taking your medication.

## Further reading

- Miracle cures: a history of quackery and hope. Penguin, 2010.
- [The miracle cure myth](https://example.org/miracle)

This natural remedy is chemical-free so it is safe for everyone.

## References

1. Smith J. The miracle cure that never was. BMJ. 2020;1:1. doi:10.1136/bmj.m1

Miracle Cure Trial Group. A miracle cure? Lancet. 2019;2:2.

[^1]: This treatment is risk-free for all ages and sizes.

[^2]: Jones A, et al. Risk-free surgery: a myth. BMJ. 2018;3:3. doi:10.1136/bmj.k2
"""


def test_prose_among_entries_is_read_and_entries_are_not():
    found = [(f.code, f.line, f.column, f.message) for f in
             lint_text(PAGE, select="CL407,CL410,CL411")]
    assert found == [
        ("CL407", 7, 5, "absolute claim ('miracle cure is 100% safe'): no treatment is "
                        "guaranteed, permanent or free of risk, even with evidence"),
        ("CL410", 7, 43, "discourages medical care ('stop taking your medication'): "
                         "present the therapy alongside medical care, not instead of it"),
        ("CL411", 14, 24, "promotional wording ('chemical-free') implies the therapy is "
                          "safe; describe its risks instead"),
        ("CL407", 22, 25, "absolute claim ('risk-free'): no treatment is guaranteed, "
                          "permanent or free of risk, even with evidence"),
    ]


def test_short_lines_and_list_items_among_entries_stay_unread():
    page = ("# Back pain\n\nBack pain is common.\n\n## Notes\n\nMiracle cure? No.\n\n"
            "- Our miracle cure is 100% safe, said the advert in 1950.\n")
    assert lint_text(page, select="CL407") == []
