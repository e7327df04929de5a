"""A declarative rule file for tests of ``rule-paths`` (the same house rule many tests
need: HX001 no-miracle, reporting the phrases it is given)."""

from __future__ import annotations


def rule(code: str = "HX001", name: str = "no-miracle", phrases: str = "miracle cure",
         severity: str = "error", summary: str = "Do not call anything a miracle.",
         url: str | None = None) -> str:
    """One rule of a rules file (YAML), ``phrases`` as written in its flow list."""
    return (f"  - code: {code}\n    name: {name}\n    summary: {summary}\n"
            f"    severity: {severity}\n    phrases: [{phrases}]\n"
            f"    message: \"avoid '{{match}}'\"\n" + (f"    url: {url}\n" if url else ""))


def rules_file(*rules: str) -> str:
    """A rules file holding ``rules`` (default: the house rule alone)."""
    return "kind: rules\nrules:\n" + "".join(rules or (rule(),))
