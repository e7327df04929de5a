"""Run the chosen rules on one Source: isolation, stamping, suppressions, sorting.

A rule that raises becomes a CL901 internal-error finding for that file; the other
rules and files still run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from conditionlint.config import ConfigError
from conditionlint.document import Directive, Document
from conditionlint.model import Edit, Finding, Fix, Problem
from conditionlint.registry import Registry, Rule
from conditionlint.safeio import MAX_LINES  # (100,000; among the limits)
from conditionlint.source import Source

INTERNAL_ERROR = ("CL901", "internal-error")
UNUSED_SUPPRESSION = ("CL902", "unused-suppression")
UNREADABLE_FILE = ("CL903", "unreadable-file")
INVALID_SUPPRESSION = ("CL904", "invalid-suppression")
ENGINE_CODES = {c for c, _ in (INTERNAL_ERROR, UNUSED_SUPPRESSION, UNREADABLE_FILE,
                               INVALID_SUPPRESSION)}


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # set when the file could not be read at all


# Findings on the same line share one snippet string: 10,000 findings on a 1 MB line
# would otherwise hold 10,000 copies of it (10 GB).
_snippets: tuple[Source | None, dict[int, str]] = (None, {})


def _snippet(src: Source, line: int) -> str:
    global _snippets
    owner, memo = _snippets
    if owner is not src:
        memo = {}
        _snippets = (src, memo)
    text = memo.get(line)
    if text is None:
        text = memo[line] = src.line_text(line)
    return text


def make_finding(src: Source, code: str, name: str, severity: str, message: str,
                 start: int, end: int, fix: Fix | None = None) -> Finding:
    n = len(src.text)
    start = min(max(start, 0), n)
    end = min(max(end, start), n)
    p1 = src.position(start)
    p2 = src.position(end)
    snippet = _snippet(src, p1.line) if src.line_starts else ""
    positions: tuple[tuple[int, int, int, int], ...] = ()
    if fix is not None:
        pos = []
        for e in fix.edits:
            a, b = src.position(e.start), src.position(e.end)
            pos.append((a.line, a.column, b.line, b.column))
        positions = tuple(pos)
    return Finding(path=src.path, code=code, name=name, severity=severity, message=message,
                   line=p1.line, column=p1.column, end_line=p2.line, end_column=p2.column,
                   start=start, end=end, fix=fix, snippet=snippet, edit_positions=positions)


def unreadable(path: str, message: str, severity: str = "error") -> Finding:
    code, name = UNREADABLE_FILE
    return Finding(path=path, code=code, name=name, severity=severity, message=message,
                   line=1, column=1, end_line=1, end_column=1)


# fix22b (audit22 #3): a page is parsed into blocks (paragraphs, list items, table rows)
# at about 0.1 ms and 2 KB each (markdown-it's tokens, then each rule's pass over the
# blocks), so a page of 300,000 one-letter paragraphs took 30 s and 572 MB though far
# below max-file-size. Every block starts on a line of its own, so a page of more lines
# than this is not checked (CL903, like a file over max-file-size): 100,000 lines keeps
# the benchmark's 5 MB page (71,398 lines) checked and bounds a page of tiny blocks to
# about what a page of prose at max-file-size costs (8 s and 417 MB for 100,000 table
# rows on a busy machine; fix23 made the rows lighter: 3.0 -> 2.7 s CPU, 415 -> 250 MB;
# docs/performance.md, docs/security.md).


def too_many_lines(src: Source) -> Finding | None:
    """The CL903 finding for a page of more than MAX_LINES lines, or None."""
    n = len(src.line_starts) - src.text.endswith(("\n", "\r"))  # (no empty last line)
    if n <= MAX_LINES:
        return None
    return unreadable(src.path, f"page has {n:,} lines, more than the limit of "
                                f"{MAX_LINES:,} lines a page; not checked")


def lint_source(src: Source, rules: Iterable[tuple[Rule, str, dict[str, Any]]],
                registry: Registry) -> list[Finding]:
    """Run ``rules`` (rule, severity, options) on ``src`` and return sorted findings."""
    from conditionlint.parser import parse

    over = too_many_lines(src)
    if over is not None:
        return [over]

    chosen = list(rules)
    enabled = {r.code for r, _, _ in chosen}
    doc: Document | None = None
    findings: list[Finding] = []
    try:
        doc = parse(src)
    except Exception as exc:  # noqa: BLE001 - never a traceback; report and go on
        findings.append(_internal(src, "the parser", exc))
    if doc is not None:
        for r, severity, options in chosen:
            if r.code in ENGINE_CODES:
                continue
            try:
                problems = list(r.check(doc, options))
                n = len(src.text)
                stamped = [_stamp(src, r, severity, _valid(p, n)) for p in problems]
            except ConfigError:
                raise  # a broken user file (e.g. the front-matter schema): exit 2
            except (Exception, SystemExit) as exc:  # noqa: BLE001 - a plugin's sys.exit()
                # too: it must not end the run (exit 0, no report) for every other file
                findings.append(_internal(src, f"rule {r.code} {r.name}", exc))
                continue
            findings.extend(stamped)
        findings = _apply_suppressions(doc, findings, enabled, registry, chosen)
        findings.extend(too_deep(doc))
    return sorted(set(findings), key=Finding.sort_key)


def too_deep(doc: Document) -> list[Finding]:
    """A CL903 error for each run of lines the Markdown parser passed over, nested as
    deep as it reads or deeper (``parser.MAX_NESTING``: 100 blockquotes, 50 lists). The parser passes over them, so
    the rules that read paragraphs, lists and headings (claims, evidence, sections,
    safety) never saw their text: the page must not pass as if it had been checked
    (audit25 #1). Like the other CL903 findings, whatever rules are selected, and not
    suppressible. The rules that read the raw text (encoding) did see it."""
    from conditionlint.parser import MAX_NESTING

    src = doc.source
    out = []
    for first, last in doc.too_deep:
        # (the parser skips from there to the end of the container it is in, which
        # may be the rest of the page: the lines named are all it skipped)
        what = "it was" if first == last else f"lines {first}-{last} were"
        start, end = src.line_span(first)
        out.append(make_finding(
            src, *UNREADABLE_FILE, "error",
            f"line {first} is nested {MAX_NESTING} levels deep or more (a blockquote "
            f"is one level, a list two), deeper than the Markdown parser reads: {what} "
            f"not checked (claims, evidence, sections); nest less", start, end))
    return out


_SEVERITIES = (None, "error", "warning", "info")


def _valid(p: Any, n: int) -> Problem:
    """``p`` when it is a Problem a finding can be made of, on a text of ``n`` code
    points; else TypeError or ValueError, saying what is wrong (a plugin's rule may
    yield anything). A span outside the text, or one that ends before it starts, is an
    error, as a bad severity is (audit23 #12: it was clamped to somewhere else without
    a word); so is a fix that could not be applied whole (see :func:`_valid_fix`)."""
    if not isinstance(p, Problem):
        raise TypeError(f"yielded {type(p).__name__}, not a Problem")
    for what in ("start", "end"):
        v = getattr(p, what)
        if type(v) is not int:
            raise TypeError(f"yielded a Problem whose {what} is {v!r}, not a whole number")
    _valid_span("a Problem", p.start, p.end, n)
    if p.fix is not None:
        _valid_fix(p.fix, n)
    if type(p.message) is not str:
        raise TypeError(f"yielded a Problem whose message is {type(p.message).__name__}, "
                        f"not text")
    if p.severity not in _SEVERITIES:
        raise ValueError(f"yielded a Problem whose severity is {p.severity!r}, not one of "
                         f"'error', 'warning', 'info'")
    return p


def _valid_span(what: str, start: int, end: int, n: int) -> None:
    if start > end:
        raise ValueError(f"yielded {what} whose start ({start}) is after its end ({end})")
    if start < 0 or end > n:
        raise ValueError(f"yielded {what} whose span {start}..{end} is outside the text "
                         f"(0..{n})")


def _valid_fix(fix: Any, n: int) -> None:
    """A fix the fixer can apply whole: a :class:`Fix` of one or more edits inside the
    text that do not overlap. Anything else was counted "fixable" and then silently not
    applied (audit23 #12), so it is the rule's error (CL901), not the page's."""
    if not isinstance(fix, Fix):
        raise TypeError(f"yielded a Problem whose fix is {type(fix).__name__}, not a Fix")
    if type(fix.description) is not str:
        raise TypeError(f"yielded a fix whose description is "
                        f"{type(fix.description).__name__}, not text")
    edits = fix.edits
    if not isinstance(edits, (tuple, list)) or not edits:
        raise ValueError("yielded a fix with no edits (a tuple of Edit)")
    for e in edits:
        if not isinstance(e, Edit) or type(e.start) is not int or type(e.end) is not int \
                or type(e.replacement) is not str:
            raise TypeError(f"yielded a fix with an edit that is not Edit(start, end, "
                            f"text) of whole numbers and text: {e!r}"[:300])
        _valid_span("a fix with an edit", e.start, e.end, n)
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end:
            raise ValueError(f"yielded a fix whose edits overlap ({a.start}..{a.end} and "
                             f"{b.start}..{b.end})")


def _stamp(src: Source, r: Rule, severity: str, p: Problem) -> Finding:
    sev = severity
    # A rule may raise one problem's severity (e.g. bidi controls); it never lowers
    # a severity the user configured.
    if p.severity is not None and severity == r.severity:
        sev = p.severity
    return make_finding(src, r.code, r.name, sev, p.message, p.start, p.end, p.fix)


def _internal(src: Source, what: str, exc: BaseException) -> Finding:
    import traceback

    code, name = INTERNAL_ERROR
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
    msg = f"{what} failed on this file: {type(exc).__name__}: {exc}{where}"
    return make_finding(src, code, name, "error", msg[:500], 0, 0)


# -- suppressions -------------------------------------------------------------------------
@dataclass
class _Sup:
    d: Directive
    rules: set[str] | None  # codes; None = all
    used: set[str] = field(default_factory=set)
    used_any: bool = False


def _block_disabling(blocks: list[_Sup], code: str, line: int) -> _Sup | None:
    """The disable comment that silences ``code`` on ``line``, following the disable and
    enable comments in order: a disable counts from its own (last) line, an enable from
    the line after it. The first disable in force is the one credited."""
    current: _Sup | None = None
    for s in blocks:
        if s.d.action == "disable":
            if s.d.end_line > line:
                break
            if current is None and (s.rules is None or code in s.rules):
                current = s
        else:
            if s.d.line >= line:
                break
            if s.rules is None or code in s.rules:
                current = None
    return current


def _stray_enables(blocks: list[_Sup]) -> list[_Sup]:
    """Enable comments that enable nothing: no disable of any rule they name is in force
    before them (a typo in the code, or a block already closed)."""
    stray: list[_Sup] = []
    blanket = False
    named: set[str] = set()  # disabled by name
    back: set[str] = set()  # enabled again by name under the blanket disable
    for s in blocks:
        if s.d.action == "disable":
            if s.rules is None:
                blanket, back = True, set()
            else:
                named |= s.rules
                back -= s.rules
        elif s.rules is None:
            if not blanket and not named:
                stray.append(s)
            blanket, named, back = False, set(), set()
        else:
            if not any(c in named or (blanket and c not in back) for c in s.rules):
                stray.append(s)
            named -= s.rules
            if blanket:
                back |= s.rules
    return stray


def _apply_suppressions(doc: Document, findings: list[Finding], enabled: set[str],
                        registry: Registry,
                        chosen: list[tuple[Rule, str, dict[str, Any]]]) -> list[Finding]:
    src = doc.source
    if not doc.directives and not doc.bad_directives:
        return findings
    severity_of = {r.code: sev for r, sev, _ in chosen}
    sups: list[_Sup] = []
    invalid: list[Finding] = []
    for d in doc.directives:
        codes: set[str] | None = None
        if d.rules:
            codes = set()
            for ref in d.rules:
                r = registry.resolve(ref)
                if r is None:
                    if INVALID_SUPPRESSION[0] in enabled:
                        invalid.append(make_finding(
                            src, *INVALID_SUPPRESSION, severity_of[INVALID_SUPPRESSION[0]],
                            f"suppression names unknown rule {ref!r}", d.start, d.end))
                else:
                    codes.add(r.code)
            if not codes:
                continue
        sups.append(_Sup(d, codes))
    for start, end, why in doc.bad_directives:
        if INVALID_SUPPRESSION[0] in enabled:
            invalid.append(make_finding(src, *INVALID_SUPPRESSION,
                                        severity_of[INVALID_SUPPRESSION[0]], why, start, end))

    # Line ranges of disable-file, disable-next-line and disable-line; disable ... enable
    # is followed in order instead (a rule enabled again after a blanket disable is
    # reported again, while the others stay off).
    ranges: list[tuple[_Sup, int, int]] = []  # (sup, first line, last line)
    blocks: list[_Sup] = []  # disable and enable, in order
    last_line = src.line_count
    for s in sorted(sups, key=lambda s: s.d.start):
        a = s.d.action
        if a in ("disable", "enable"):
            blocks.append(s)
        elif a == "disable-file":
            ranges.append((s, 1, last_line))
        elif a == "disable-next-line":
            ranges.append((s, s.d.end_line + 1, s.d.end_line + 1))
        elif a == "disable-line":
            ranges.append((s, s.d.line, s.d.end_line))
    stray = _stray_enables(blocks)

    kept: list[Finding] = []
    for f in findings:
        suppressed = False
        if f.code not in (UNUSED_SUPPRESSION[0], INTERNAL_ERROR[0]):
            for s, first, last in ranges:
                # a finding over several lines (a claim sentence wrapped over two) is
                # suppressed by a line comment on any of its lines
                if f.line <= last and first <= max(f.end_line, f.line) and \
                        (s.rules is None or f.code in s.rules):
                    s.used_any = True
                    s.used.add(f.code)
                    suppressed = True
            if blocks:
                s = _block_disabling(blocks, f.code, f.line)
                if s is not None:
                    s.used_any = True
                    s.used.add(f.code)
                    suppressed = True
        if not suppressed:
            kept.append(f)

    if UNUSED_SUPPRESSION[0] in enabled:
        sev = severity_of[UNUSED_SUPPRESSION[0]]
        for s in sups:
            if s.d.action == "enable":
                if s in stray:
                    what = ", ".join(sorted(s.rules)) if s.rules else "any rule"
                    kept.append(make_finding(
                        src, *UNUSED_SUPPRESSION, sev,
                        f"enable of {what} enables nothing: no disable of it is in force "
                        f"before it", s.d.start, s.d.end))
                continue
            if s.rules is None:
                if not s.used_any:
                    kept.append(make_finding(src, *UNUSED_SUPPRESSION, sev,
                                             "suppression comment suppresses nothing",
                                             s.d.start, s.d.end))
                continue
            unused = sorted(c for c in s.rules - s.used if c in enabled)
            if unused:
                kept.append(make_finding(
                    src, *UNUSED_SUPPRESSION, sev,
                    f"suppression of {', '.join(unused)} suppresses nothing",
                    s.d.start, s.d.end))
    return kept + invalid

