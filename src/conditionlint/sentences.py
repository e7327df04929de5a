"""Sentence splitting over masked block text, in one linear pass per block.

Abbreviations ("e.g.", "vs.", "et al.", "Dr."), initials ("A. Example") and decimals
("2.5 mg") do not end a sentence. Citation markers right after the full stop ("pain.[1]",
"pain. [@a]", "pain.12 Next") stay with the sentence they support. Sentences glued
without a space ("pain.Acupuncture") are split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conditionlint.document import Block, Sentence

ABBREVIATIONS = frozenset("""
e.g i.e eg ie vs v etc al cf ca approx appr dr mr mrs ms prof st sr jr fig figs no nos vol
pp p ed eds inc ltd co corp dept est min max mo hr hrs wk wks yr yrs incl resp viz
u.s u.k a.m p.m ph.d m.d b.sc m.sc mb ch.b mbbs mrcp frcp dipl approx. al.
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
""".split())

# A terminator run, optional closing quotes/brackets, then what follows.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*")
# Citation markers that may follow a full stop and still belong to the sentence.
_TRAILING_CITE = re.compile(
    r"(?:[ \t]*(?:\[\^[^\]\s]{1,60}\]|\[-?@[^\]\n]{1,200}\]|\[\d{1,3}(?:\s*[-\u2013,]\s*\d{1,3})*\])"
    r"|\d{1,3}(?:[-\u2013,]\d{1,3})*(?=\s|$))+")


def _trailing_cite(text: str, end: int) -> re.Match[str] | None:
    """``_TRAILING_CITE.match(text, end)``, tried only where a match can start: a space,
    a tab, "[" or a decimal digit (re's "\\d"), as its first item requires (fifteenth
    session: most full stops are followed by a line break or a letter)."""
    if end < len(text):
        ch = text[end]
        if ch in " \t[" or ch.isdecimal():
            return _TRAILING_CITE.match(text, end)
    return None


_WORD_BEFORE = re.compile(r"([\w.]+)$")
# What can start a sentence glued to the full stop before it.
_GLUED_NEXT = re.compile(r"[A-Z](?:[a-z]|[A-Z]+(?:s|'s)?\b(?!\.))|[AI] ")


def split_blocks(blocks: Iterable[Block]) -> list[Sentence]:
    out: list[Sentence] = []
    for b in blocks:
        for s, e in split(b.text):
            out.append(Sentence(len(out), b.start + s, b.start + e, b.text[s:e], b.index))
    return out


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within ``text``, trimmed of white space."""
    n = len(text)
    spans: list[tuple[int, int]] = []
    if "." not in text and "!" not in text and "?" not in text:
        # no terminator (a table cell, a heading, a label): one sentence, as the loop
        # below would find (fix23: a page of 200,000 cells)
        _add(text, 0, n, spans)
        return spans
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        nxt = text[end] if end < n else ""
        glued = False
        if nxt and not nxt.isspace():
            # "pain.Acupuncture": split only after a lower-case word of 2+ letters
            # (or a closing bracket: "(PMID: 22336789).GTN") and a single '.', before
            # an upper-case letter followed by lower case, or before "A"/"I" alone or
            # an upper-case abbreviation ("heal.A Cochrane", "burns.NSAIDs").
            if not (m.group() == "." and nxt.isupper() and end + 1 < n
                    and _GLUED_NEXT.match(text, end) and m.start() >= 2
                    and ((text[m.start() - 1].islower() and text[m.start() - 2].isalpha())
                         or text[m.start() - 1] == ")")):
                # Citation glued to the full stop: "pain.[1]" or "pain.12 Next"
                c = _trailing_cite(text, end)
                # "-1.26 VAS" is a decimal, not "pain.12 Next".
                # (only glued digits can be a decimal: "in 2012.[^3] Experts" splits)
                if not (m.group().startswith(".") and c and c.end() > end
                        and not (m.start() > 0 and text[m.start() - 1].isdigit()
                                 and text[end].isdigit())
                        and (c.end() == n or text[c.end()].isspace())):
                    continue
                end = c.end()
            else:
                glued = True
        if m.group()[0] == "." and len(m.group().rstrip("\"'\u201d\u2019)]")) == 1 \
                and _is_abbreviation(text, m.start()):
            continue
        if not glued:
            c = _trailing_cite(text, end)
            if c and c.end() > end and (c.end() == n or text[c.end()].isspace()):
                end = c.end()
            # Next sentence must not start lower case ("approx. three" stays one).
            j = end
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j].islower() and m.group()[0] == ".":
                continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, n, spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    # _WORD_BEFORE.search(text, max(0, dot - 20), dot), walked back from the dot: the
    # run of word characters and dots that ends there (or before a line break that
    # ends the window, where "$" matches too), at most 20 characters back
    lo = max(0, dot - 20)
    end = dot - 1 if dot > lo and text[dot - 1] == "\n" else dot
    ws = end
    while ws > lo:
        c = text[ws - 1]
        if c.isalnum() or c == "_" or c == ".":
            ws -= 1
        else:
            break
    if ws == end:
        return False
    found = text[ws:end]
    word = found.lower().strip(".")
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    tail = word.rsplit(".", 1)[-1]
    if tail in ABBREVIATIONS:
        return True
    # Initials: a single capital letter ("A. Example"), not "vitamin D." at the end.
    if len(found) == 1 and found.isupper():
        before = text[ws - 1] if ws > 0 else " "
        return before.isspace() or before in "(["
    return False


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
