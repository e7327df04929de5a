"""Claims in comparison tables.

A clinic's "Compare your options" table puts each treatment in a row and what it does
in columns: under *How it works*, "Breaks up pigment deep in the skin" is a mechanism
claim about the row's treatment, and under *Results*, "Gradual, often patchy" is an
efficacy claim, although neither cell has a claim verb of its own. The column headers
that make their cells claims are data (``table-columns`` in ``rules/claims.yaml``);
this module finds, for each body cell, its column's header and the citations of its
row, so that a citation anywhere in the row supports the row's cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from conditionlint.document import Document


@dataclass(frozen=True, slots=True)  # (one a body cell: 200,000 on a long table)
class ColumnCell:
    header: str  # the column's header text, white space folded
    row: tuple[int, ...]  # block indexes of the cells of the cell's row


def _pipes(text: str, start: int, end: int) -> int:
    """Unescaped pipes in ``text[start:end]``."""
    seg = text[start:end]
    return seg.count("|") - seg.count("\\|")


def table_cells(doc: Document) -> dict[int, ColumnCell]:
    """Block index of each body cell of a table with a header row -> its column's
    header and its row. Cells of a table without a header, or beyond the header's
    columns, are left out."""
    text = doc.text
    headers: dict[int, str] = {}
    # body line -> (the headers of its table, [(column, block index)])
    rows: dict[int, tuple[dict[int, str], list[tuple[int, int]]]] = {}
    previous = None
    # the column of a cell: the unescaped pipes before it on its line, less a leading
    # one; counted from the previous cell of the line, so a line of thousands of cells
    # is read once
    at, pipes, lead = 0, 0, 0
    for b in doc.blocks:
        if b.kind != "table_cell":
            previous = None
            continue
        if previous is None or previous.line != b.line:
            line_start = text.rfind("\n", 0, b.start) + 1
            at, pipes = line_start, 0
            lead = 1 if text[line_start:b.start].lstrip().startswith("|") else 0
        pipes += _pipes(text, at, b.start)
        at = b.start
        col = pipes - lead
        if b.table_header:
            if previous is None or previous.line != b.line or not previous.table_header:
                headers = {}  # the first header cell of a new table
            headers[col] = " ".join(b.text.split())
        elif headers:
            rows.setdefault(b.line, (headers, []))[1].append((col, b.index))
        previous = b
    out: dict[int, ColumnCell] = {}
    for hs, cells in rows.values():
        row = tuple(i for _, i in cells)
        for col, i in cells:
            h = hs.get(col)
            if h:
                out[i] = ColumnCell(h, row)
    return out
