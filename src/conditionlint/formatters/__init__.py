"""Report formatters. Each turns a :class:`Report` into text; nothing here decides
what is a problem (that is config and the engine) or touches the exit code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

from conditionlint.model import Finding
from conditionlint.registry import Registry

FORMATS = ("full", "concise", "json", "sarif", "github", "junit", "html")
DOCS_URL = "https://github.com/conditionlint/conditionlint/blob/main/docs/rules/{code}.md"


@dataclass
class Report:
    findings: list[Finding]  # sorted
    files: list[str]  # every checked file (display paths), sorted
    registry: Registry
    version: str
    color: bool = False
    statistics: bool = False
    fixed: int = 0  # findings fixed by --fix
    extra: dict[str, object] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity] = c.get(f.severity, 0) + 1
        return c


def rule_url(code: str) -> str:
    return DOCS_URL.format(code=code)


def get(name: str) -> Callable[[Report], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    module = import_module(f"conditionlint.formatters.{name}")
    return module.render  # type: ignore[no-any-return]
