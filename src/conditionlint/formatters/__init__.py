"""Report formatters. Each turns a :class:`Report` into text; nothing here decides
what is a problem (that is config and the engine) or touches the exit code."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import import_module

from conditionlint.model import Finding
from conditionlint.registry import Registry

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


def rule_url(code: str) -> str:
    return DOCS_URL.format(code=code)


def get(name: str) -> Callable[[Report], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    module = import_module(f"conditionlint.formatters.{name}")
    return module.render  # type: ignore[no-any-return]


def get_stream(name: str) -> Callable[[Report], Iterator[str]]:
    """The format's writer piece by piece (lines, each ending in a newline), so that
    a long report is never held whole in memory; formats that build their document
    whole (sarif, junit, html) give it as one piece."""
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    module = import_module(f"conditionlint.formatters.{name}")
    stream = getattr(module, "stream", None)
    if stream is not None:
        return stream  # type: ignore[no-any-return]
    render = module.render
    return lambda report: iter((render(report),))
