"""Report formatters. Each turns a :class:`Report` into text; nothing here decides
what is a problem (that is config and the engine) or touches the exit code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
import operator
from importlib import import_module
from itertools import groupby

from conditionlint.model import Finding
from conditionlint.registry import Registry, Rule

FORMATS = ("full", "concise", "json", "sarif", "github", "junit", "html")
DOCS_URL = "https://github.com/conditionlint/conditionlint/blob/main/docs/rules/{code}.md"


@dataclass
class Report:
    findings: Sequence[Finding]  # sorted: a list, or a FindingSpool
    files: Sequence[str]  # every checked file (display paths), sorted: a list, or a
    # sized iterable read lazily (conditionlint.runner.FileList)
    registry: Registry
    version: str
    color: bool = False
    statistics: bool = False
    fixed: int = 0  # findings fixed by --fix
    extra: dict[str, object] = field(default_factory=dict)

    # ``findings`` may be a FindingSpool (conditionlint.spool): the figures below then
    # come from the spool instead of a pass over the findings.
    def counts(self) -> dict[str, int]:
        if hasattr(self.findings, "counts"):
            return self.findings.counts()
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity] = c.get(f.severity, 0) + 1
        return c

    def fixable(self) -> int:
        if hasattr(self.findings, "fixable"):
            return int(self.findings.fixable)
        return sum(1 for f in self.findings if f.fix is not None)

    def files_with_findings(self) -> int:
        if hasattr(self.findings, "files_with_findings"):
            return int(self.findings.files_with_findings())
        return len({f.path for f in self.findings})

    def per_rule(self) -> list[tuple[str, str, int, int]]:
        """(code, name, findings, fixable ones) for each rule with findings, most
        frequent first, then by code (--statistics, in every format that shows it)."""
        counts: dict[tuple[str, str], list[int]] = {}
        for f in self.findings:
            entry = counts.setdefault((f.code, f.name), [0, 0])
            entry[0] += 1
            entry[1] += f.fix is not None
        return [(code, name, n, fixable) for (code, name), (n, fixable)
                in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0][0]))]


@dataclass(frozen=True)
class RunError:
    """A path of the command line that does not exist, or a broken config file met
    under a checked folder (the pages under it not checked): the run's exit code is 2,
    and the machine reports carry it (JSON ``errors``, SARIF notifications, JUnit
    ``<error>``), not only stderr (audit25 #2)."""

    kind: str  # "missing" | "config"
    path: str  # as named on the command line; a config file's display path
    message: str  # without the location
    line: int | None = None
    column: int | None = None

    @property
    def place(self) -> str:
        """``line:column`` in the file, as far as known; "" when not."""
        if self.line is None:
            return ""
        return f"{self.line}" if self.column is None else f"{self.line}:{self.column}"

    def where(self) -> str:
        """``path:line:column`` (as far as known)."""
        return f"{self.path}:{self.place}" if self.place else self.path


MISSING_MESSAGE = "no such file or folder"


def run_errors(report: Report) -> list[RunError]:
    """The run's errors, in order: the missing paths as named, then the broken configs
    in the order the walk met them."""
    out = [RunError("missing", str(p), MISSING_MESSAGE)
           for p in report.extra.get("missing") or ()]  # type: ignore[attr-defined]
    out += report.extra.get("config_errors") or ()  # type: ignore[attr-defined]
    return out


# CL305's one edit removes the UTF-8 byte-order mark, which the decoded text (and so its
# offsets, lines and columns) does not hold: the reports name its bytes instead
BOM_RULE = "CL305"  # (as fixer.BOM_RULE; the fixer is not imported for a report)
BOM_BYTES = (0, 3)  # offset, length


def byte_span(f: Finding) -> tuple[int, int] | None:
    """(byte offset, length) that ``f``'s fix edits in the file, for the one fix that
    edits bytes outside the text; None for every other."""
    return BOM_BYTES if f.code == BOM_RULE else None


def cases(report: Report) -> Iterator[tuple[str, list[Finding]]]:
    """(path, its findings) for every checked file and every path with findings,
    sorted by path, each once (one pass over the files and one over the findings; both
    come sorted by path). The reports that list every page (JUnit, HTML) walk this.
    Lists from other callers are sorted here when they are not (the command line's
    spool and file list always are)."""
    findings: Iterable[Finding] = report.findings
    names: Iterable[str] = report.files
    path_of = operator.attrgetter("path")
    if isinstance(findings, list) and any(
            a.path > b.path for a, b in zip(findings, findings[1:])):
        findings = sorted(findings, key=path_of)  # stable: each file's order kept
    if isinstance(names, list) and any(a > b for a, b in zip(names, names[1:])):
        names = sorted(names)
    groups = groupby(findings, key=path_of)
    files = iter(names)
    group = next(groups, None)
    path = next(files, None)
    last = None
    while group is not None or path is not None:
        if group is None or (path is not None and path < group[0]):
            if path != last:
                yield path, []  # type: ignore[misc]
                last = path
            path = next(files, None)
            continue
        found = list(group[1])
        if path == group[0]:
            path = next(files, None)
        if group[0] == last:  # a repeated file name already given
            group = next(groups, None)
            continue
        last = group[0]
        yield group[0], found
        group = next(groups, None)


def rule_url(code: str, registry: Registry | None = None) -> str | None:
    """Where rule ``code`` is documented (:func:`doc_url` of the rule ``registry``
    knows by that code; without a registry, the built-in page)."""
    if registry is None:
        return DOCS_URL.format(code=code)
    r = registry.resolve(code)
    return doc_url(r) if r is not None else None


def doc_url(r: Rule) -> str | None:
    """A built-in rule's page, or the ``url`` a YAML rule file or a plugin gives; None
    for a rule that gives none (a link to a built-in page that cannot exist helps
    nobody)."""
    if r.url:
        return r.url
    return DOCS_URL.format(code=r.code) if r.origin == "builtin" else None


def get(name: str) -> Callable[[Report], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    module = import_module(f"conditionlint.formatters.{name}")
    return module.render  # type: ignore[no-any-return]


def get_stream(name: str) -> Callable[[Report], Iterator[str]]:
    """The format's writer piece by piece, so that a long report is never held whole
    in memory (every built-in format has one; a format with only ``render`` gives its
    document as one piece)."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    module = import_module(f"conditionlint.formatters.{name}")
    stream = getattr(module, "stream", None)
    if stream is not None:
        return stream  # type: ignore[no-any-return]
    render = module.render
    return lambda report: iter((render(report),))
