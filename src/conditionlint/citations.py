"""Citation markers and evidence entries, attached to a parsed Document.

Citations: Pandoc ``[@key]`` / ``[@a; @b]`` and footnote references ``[^label]``.
Evidence entries: the front-matter ``evidence:`` list and footnote definitions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from conditionlint.document import Citation, Document, EvidenceEntry

_PANDOC = re.compile(r"\[(?P<body>-?@[^\]\n]{1,500})\]")
_PANDOC_KEY = re.compile(r"-?@(?P<key>[\w][\w:.#$%&+?<>~/-]*[\w]|[\w])")
_FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[^\]\s]{1,100})\](?!:)")


def attach(doc: Document) -> Document:
    cites: list[Citation] = []
    for b in doc.blocks:
        t = b.text
        if "[" not in t:
            continue
        if "@" in t:
            for m in _PANDOC.finditer(t):
                keys = tuple(k.group("key") for k in _PANDOC_KEY.finditer(m.group("body")))
                if keys:
                    cites.append(Citation("pandoc", keys, b.start + m.start(),
                                          b.start + m.end(), b.index))
        if "^" in t:
            for m in _FOOTNOTE_REF.finditer(t):
                # A footnote definition's own label at the start of its block is not a
                # citation.
                if b.footnote is not None and m.start() == 0:
                    continue
                cites.append(Citation("footnote", (m.group("label"),), b.start + m.start(),
                                      b.start + m.end(), b.index))
    cites.sort(key=lambda c: (c.start, c.end))
    return replace(doc, citations=tuple(cites), evidence=tuple(evidence_entries(doc)))


def evidence_entries(doc: Document) -> list[EvidenceEntry]:
    entries: list[EvidenceEntry] = []
    fm = doc.front_matter
    items = fm.get("evidence") if fm else None
    if isinstance(items, list):
        for i, item in enumerate(items):
            mark = fm.mark("evidence", i) if fm else None
            start = mark.value_start if mark else 0
            end = mark.value_end if mark else 0
            fields = item if isinstance(item, dict) else {}
            key = fields.get("id")
            entries.append(EvidenceEntry(str(key) if key is not None else "", "front-matter",
                                         start, end, dict(fields), index=i))
    seen: set[str] = set()
    for b in doc.blocks:
        if b.footnote is not None and b.footnote not in seen:
            seen.add(b.footnote)
            # The definition's text: all blocks of that footnote.
            text = " ".join(x.text.strip() for x in doc.blocks if x.footnote == b.footnote)
            line_start = doc.source.line_starts[b.line - 1]
            entries.append(EvidenceEntry(b.footnote, "footnote", line_start, b.end,
                                         {}, text=text))
    return entries
