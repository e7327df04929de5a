"""Claims in comparison tables (issue 4): a cell under a claiming column header ("How it
works", "Results", "Best for") is a claim about its row's treatment; a citation anywhere
in the row supports it; descriptive columns (downtime, price, sessions) and empty-ish
cells ("None", "Varies") claim nothing. Every case runs through the CLI."""

from __future__ import annotations

from tests.test_link_citations2 import check

HEAD = "---\ntitle: Widget syndrome\n---\n# Widget syndrome\n\n## Compare your options\n\n"
TABLE = (
    "| Treatment | How it works | Results | Downtime | Price |\n"
    "|---|---|---|---|---|\n"
    "| Zap laser | Coats pigment deep in the skin | Gradual, often patchy | 2 days | £90 |\n"
    "| Peel | Renews the top layers | Varies | 5 days of peeling | £60 |\n"
)


def cl401(found):
    return [(line, col, end_col, msg) for code, line, col, _, end_col, msg in found
            if code == "CL401"]


def test_cells_under_claiming_columns_are_claims_with_their_positions(tmp_path):
    code, found = check(tmp_path, HEAD + TABLE, select="CL401")
    assert code == 1
    assert cl401(found) == [
        (10, 15, 45, "mechanism claim ('How it works column') cites no evidence entry"),
        (10, 48, 69, "efficacy claim ('Results column') cites no evidence entry"),
        (11, 10, 31, "mechanism claim ('How it works column') cites no evidence entry"),
    ]


def test_how_a_treatment_is_given_is_no_mechanism_claim(tmp_path):
    """Under *How it works*, a cell is a claim by its column only when it names an
    effect on the body (``table-cell-needs``); how the treatment is given is not."""
    table = ("| Treatment | How it works | Price |\n|---|---|---|\n"
             "| Steroid injections | Steroid injected into the patch every 4–6 weeks | £80 |\n"
             "| Peel | Removes the top layers of skin | £60 |\n"
             "| Hair system | Non-surgical hair replacement | £900 |\n"
             "| Red light cap | Oxygenates the follicles at home | £300 |\n"
             "| Cream | Hydrates the pigment cells | £20 |\n")
    code, found = check(tmp_path, HEAD + table, select="CL401")
    assert [(line, msg.split(" cites")[0]) for line, _, _, msg in cl401(found)] == [
        (13, "mechanism claim ('How it works column')"),
        (14, "mechanism claim ('How it works column')"),
    ]


def test_descriptive_columns_and_tables_without_a_claiming_header_claim_nothing(tmp_path):
    table = ("| Treatment | Downtime | Typical sessions | Price |\n|---|---|---|---|\n"
             "| Zap laser | Mild redness for a day | 3 to 5 | £90 |\n")
    assert check(tmp_path, HEAD + table, select="CL401") == (0, [])


def test_a_citation_anywhere_in_the_row_supports_its_cells(tmp_path):
    table = ("| Treatment | How it works | Results |\n|---|---|---|\n"
             "| Zap laser [1] | Breaks up pigment deep in the skin | Gradual, often patchy |\n"
             "| Peel | Lightens the patches | Visible fading in a month |\n\n"
             "## References\n\n1. Smith J. Zap laser for pigment: a randomised trial. "
             "2021. doi:10.1000/zap.2021\n")
    code, found = check(tmp_path, HEAD + table, select="CL401")
    # the cited row's cells pass; the uncited row's do not
    assert [(line, msg.split(" cites")[0]) for line, _, _, msg in cl401(found)] == [
        (11, "mechanism claim ('How it works column')"),
        (11, "efficacy claim ('Results column')"),
    ]


def test_a_cell_with_its_own_claim_words_keeps_their_type(tmp_path):
    table = ("| Treatment | Results |\n|---|---|\n"
             "| Zap laser | Pigment often returns when you stop |\n")
    code, found = check(tmp_path, HEAD + table, select="CL401")
    assert [msg for *_, msg in cl401(found)] == [
        "prognosis claim ('often returns') cites no evidence entry"]


def test_header_wording_variants(tmp_path):
    table = ("| Option | **What it does** | Best for | How well it works |\n|---|---|---|---|\n"
             "| Gel | Coats the nerve endings | Hormonal patches | Most people see a change |\n")
    code, found = check(tmp_path, HEAD + table, select="CL401")
    # round 28 (c): "Best for" is no longer an efficacy column: its cells name whom or
    # what a treatment suits ("Hormonal patches"), never labelled on the seen pages
    assert [msg.split(" cites")[0] for *_, msg in cl401(found)] == [
        "mechanism claim ('What it does column')",
        "efficacy claim ('How well it works column')",
    ]
