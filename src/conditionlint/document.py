"""The immutable page model that rules read.

Built by :mod:`conditionlint.parser`. Every span is a pair of code-point offsets into
``Document.source.text``; ask ``doc.source.position(offset)`` for line and column.

Prose text (``Block.text``, ``Sentence.text``) is *masked*: it has exactly the length
of the source slice it came from, with Markdown syntax that is not prose (container
markers, emphasis characters, code spans, HTML, link destinations) replaced by spaces.
So a regex match at index ``i`` of ``block.text`` is at ``block.start + i`` in the
source, with no mapping tables.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from conditionlint.source import Source
from conditionlint.fastinit import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class KeyMark:
    """Where a front-matter key and its value stand (offsets into the source)."""

    key_start: int
    key_end: int
    value_start: int
    value_end: int


@dataclass(frozen=True)
class FrontMatter:
    start: int  # offset of the opening '---'
    end: int  # offset just past the closing line ('---' or '...') or of the text
    data: Any = None  # the parsed value (usually a dict); None on error
    error: str | None = None  # a YAML/structure problem (CL202)
    error_offset: int | None = None  # where the error is, when known
    closed: bool = True
    # Path of keys/indices (e.g. ("evidence", 0, "doi")) -> marks. () is the document.
    marks: dict[tuple[Any, ...], KeyMark] = field(default_factory=dict)

    def mark(self, *path: Any) -> KeyMark | None:
        """The mark of ``path``, or of its closest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.marks:
                return self.marks[p]
            p = p[:-1]
        return self.marks.get(())

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default) if isinstance(self.data, dict) else default


@fast_init
@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str  # inline content, as written
    norm: str  # lower case, punctuation folded: "what are the symptoms"
    start: int  # the heading line (markers included)
    end: int
    text_start: int  # the heading text itself
    text_end: int


@fast_init
@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what stands under it until the next heading of its level or above.

    ``index`` 0 is the preamble (before the first heading, after front matter), whose
    ``heading`` is None. ``blocks`` are the blocks directly under this heading (before
    any sub-heading); ``body_end`` includes sub-sections.
    """

    index: int
    heading: Heading | None
    parent: int | None
    start: int
    body_end: int
    blocks: tuple[int, ...]
    children: tuple[int, ...] = ()

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0


@fast_init
@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose: a paragraph (possibly in a list item, blockquote or footnote
    definition), a heading's text, or a table cell."""

    index: int
    kind: str  # "paragraph" | "heading" | "table_cell"
    start: int
    end: int
    text: str  # masked prose, len == end - start
    section: int  # index into Document.sections
    line: int  # 1-based first line
    end_line: int  # 1-based last line
    list_depth: int = 0  # 0: not in a list
    list_item: int | None = None  # id shared by the blocks of one list item
    list_ordered: bool = False
    list_number: int | None = None  # the ordered list item's number
    list_id: int | None = None  # id shared by the items of one list
    blockquote: bool = False
    footnote: str | None = None  # label, when inside a footnote definition
    table_header: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # masked prose slice
    block: int


@fast_init
@dataclass(frozen=True, slots=True)
class Citation:
    """A citation marker in prose. ``keys`` are what it points at."""

    # "pandoc" | "footnote" | "numeric" | "superscript" | "author-year" | "link"
    kind: str
    keys: tuple[str, ...]
    start: int
    end: int
    block: int


@dataclass(frozen=True)
class EvidenceEntry:
    key: str  # what citations resolve against ("vickers2018", footnote label, "1")
    origin: str  # "front-matter" | "footnote" | "references" | "link" (a cited URL)
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # footnote/reference item text
    index: int | None = None  # position in the front-matter list
    # (kind, value, start, end) of identifiers found in the text or fields: "doi",
    # "pmid", ...; offsets are source offsets (0, 0 when unknown).
    identifiers: tuple[tuple[str, str, int, int], ...] = ()
    # Keys of entries merged into this one (the same work listed twice, same DOI/PMID).
    aliases: tuple[str, ...] = ()


@fast_init
@dataclass(frozen=True, slots=True)
class Directive:
    """An HTML-comment suppression directive."""

    action: str  # "disable-next-line" | "disable-line" | "disable" | "enable" | "disable-file"
    rules: tuple[str, ...]  # as written; empty means all rules
    reason: str
    start: int
    end: int
    line: int  # 1-based line of the comment's start
    end_line: int


def in_ranges(ranges: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether ``offset`` falls in one of the sorted, non-overlapping ``ranges``."""
    i = bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


@dataclass(frozen=True)
class Document:
    source: Source
    front_matter: FrontMatter | None
    body_start: int  # first offset after front matter
    title: Heading | None  # the first level-1 heading
    headings: tuple[Heading, ...]
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    citations: tuple[Citation, ...]
    evidence: tuple[EvidenceEntry, ...]
    directives: tuple[Directive, ...]
    code_ranges: tuple[tuple[int, int], ...]  # fenced/indented code, code spans, HTML
    bad_directives: tuple[tuple[int, int, str], ...] = ()  # (start, end, why)
    # 1-based (first, last) lines nested deeper than the parser reads (no rule that
    # reads blocks saw them; the engine reports them, CL903)
    too_deep: tuple[tuple[int, int], ...] = ()

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def page_type(self) -> str:
        fm = self.front_matter
        value = fm.get("type") if fm else None
        return value if isinstance(value, str) and value else "condition"

    def in_code(self, offset: int) -> bool:
        return in_ranges(self.code_ranges, offset)

    def citations_in(self, start: int, end: int) -> list[Citation]:
        """Citations that start inside [start, end) (citations are sorted by start)."""
        cites = self.citations
        if not cites:
            return []
        i = bisect_left(cites, start, key=_START)
        j = i
        n = len(cites)
        while j < n and cites[j].start < end:
            j += 1
        return list(cites[i:j])


_START = attrgetter("start")
