"""Value types shared by every stage: spans, edits, problems and findings.

All offsets are code-point offsets into the decoded source text (``Source.text``),
end-exclusive. Only ``source.py`` turns offsets into line/column positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conditionlint.fastinit import fast_init

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@fast_init
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@fast_init
@dataclass(frozen=True, slots=True)
class Fix:
    """A mechanical, unambiguous repair: one or more non-overlapping edits."""

    description: str
    edits: tuple[Edit, ...]


@fast_init
@dataclass(frozen=True, slots=True)
class Problem:
    """What a rule yields: a span, a message and an optional fix.

    The engine stamps the rule code, name and severity onto it to make a Finding.
    ``severity`` lets a rule override its default for one problem (e.g. CL306 raises
    bidi overrides to error); ``None`` means the configured severity.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: str | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, code points


@fast_init
@dataclass(frozen=True, slots=True)
class Finding:
    """A stamped problem with resolved positions, ready for reporting."""

    path: str  # relative, forward slashes
    code: str
    name: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int = 0  # code-point offsets, kept for fixes and fingerprints
    end: int = 0
    fix: Fix | None = None
    snippet: str = field(default="", compare=False)  # the offending source line
    # (line, column, end_line, end_column) of each fix edit, in the order of fix.edits
    edit_positions: tuple[tuple[int, int, int, int], ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.code, self.end_line,
                self.end_column, self.message)
