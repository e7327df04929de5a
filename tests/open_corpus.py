"""The labelled pages tests may read: every folder of ``tests/corpus`` but the held-back
ones (``benchmarks/held-back.txt``, shared with ``benchmarks/same_findings.py``), then the
examples."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def held_back() -> frozenset[str]:
    lines = (ROOT / "benchmarks" / "held-back.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


def open_paths() -> list[Path]:
    """Every open labelled page, sorted, then every example page."""
    hidden = held_back()
    paths = [p for p in sorted(CORPUS.rglob("*.md"))
             if hidden.isdisjoint(p.relative_to(CORPUS).parts)]
    return paths + sorted((ROOT / "examples").rglob("*.md"))


def open_sentences() -> list[str]:
    """The open pages' lines, cut after sentence punctuation (a rough split: inputs for
    tests that compare two forms of a pattern, not the parser's sentences)."""
    out: list[str] = []
    for p in open_paths():
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            out += [s for s in re.split(r"(?<=[.!?:;])\s+", line) if s]
    return out
