"""The rule contract, shared by built-in rules, entry-point plugins and YAML rules.

A rule is a plain function decorated with :func:`rule`::

    @rule(code="CL101", name="missing-section", severity="error",
          summary="A required section is missing.",
          options={"type": "object", "properties": {...}})
    def missing_section(doc, options):
        '''User documentation (Markdown): what, why, options, examples, fix.'''
        yield Problem(start, end, "message")

The function receives the parsed :class:`~conditionlint.document.Document` and its
validated options (defaults filled in) and yields :class:`~conditionlint.model.Problem`.
The engine stamps code, name and severity. Its docstring is the rule's documentation:
``## Fails`` and ``## Passes`` sections with fenced ``markdown`` examples are run as
tests and rendered into ``docs/rules/``.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from conditionlint.model import SEVERITIES, Problem

CODE_RE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

CheckFn = Callable[..., Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: str
    check: CheckFn
    options: dict[str, Any] = field(default_factory=dict)  # JSON Schema (object)
    fixable: bool = False
    doc: str = ""
    origin: str = "builtin"  # "builtin", "plugin:<dist>", "yaml:<file>"
    needs_document: bool = True  # False: the rule only reads the Source (cheap path)
    url: str = ""  # where a rule not shipped with conditionlint is documented, if anywhere

    def defaults(self) -> dict[str, Any]:
        props = self.options.get("properties", {})
        return {k: v["default"] for k, v in props.items() if "default" in v}


_BUILTIN_MODULES = (
    "conditionlint.checks.structure",
    "conditionlint.checks.meta",
    "conditionlint.checks.encoding",
    "conditionlint.checks.claims",
    "conditionlint.checks.evidence",
    "conditionlint.checks.wording",
    "conditionlint.checks.safety",
    "conditionlint.checks.tool",
)

def rule(*, code: str, name: str, summary: str, severity: str,
         options: dict[str, Any] | None = None, fixable: bool = False,
         needs_document: bool = True, url: str = "") -> Callable[[CheckFn], CheckFn]:
    """Declare a rule. Used by built-ins and by third-party plugin modules alike; a
    plugin's ``url`` is where reports link for its documentation (none if empty)."""
    if not CODE_RE.match(code):
        raise ValueError(f"bad rule code {code!r}")
    if not NAME_RE.match(name):
        raise ValueError(f"bad rule name {name!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity!r}")

    def decorate(fn: CheckFn) -> CheckFn:
        schema = {"type": "object", "properties": {}, "additionalProperties": False}
        if options:
            schema.update(options)
        r = Rule(code=code, name=name, summary=summary, severity=severity, check=fn,
                 options=schema, fixable=fixable, doc=inspect.cleandoc(fn.__doc__ or ""),
                 needs_document=needs_document, url=url)
        fn.__conditionlint_rule__ = r  # type: ignore[attr-defined]
        return fn

    return decorate


def rules_in_module(module: Any) -> list[Rule]:
    found = []
    for obj in vars(module).values():
        r = getattr(obj, "__conditionlint_rule__", None)
        if isinstance(r, Rule):
            found.append(r)
    return found


@dataclass
class Registry:
    rules: dict[str, Rule] = field(default_factory=dict)  # by code
    by_name: dict[str, Rule] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # broken plugins, clashes

    def add(self, r: Rule) -> None:
        if r.code in self.rules or r.name in self.by_name:
            other = self.rules.get(r.code) or self.by_name[r.name]
            self.warnings.append(
                f"rule {r.code} {r.name} from {r.origin} clashes with {other.code} "
                f"{other.name} from {other.origin}; ignored")
            return
        self.rules[r.code] = r
        self.by_name[r.name] = r

    def resolve(self, ref: str) -> Rule | None:
        """A rule by code (any case) or kebab name."""
        return self.rules.get(ref.upper()) or self.by_name.get(ref.lower())

    def match(self, ref: str) -> list[Rule]:
        """Rules a selector names: a code, a name, a prefix like ``CL4`` or ``ALL``."""
        ref = ref.strip()
        exact = self.resolve(ref)
        if exact:
            return [exact]
        up = ref.upper()
        if up == "ALL":
            return self.sorted()
        if re.fullmatch(r"[A-Z]{1,4}[0-9]{0,2}", up):
            return [r for r in self.sorted() if r.code.startswith(up)]
        return []

    def sorted(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]


def with_rules(registry: Registry, extra: list[Rule]) -> Registry:
    """``registry`` and the ``extra`` rules it does not hold yet (a config's rule-paths
    rules, which two configs may load twice), as one registry; ``registry`` itself
    when there are none."""
    if not extra:
        return registry
    merged = Registry()
    for r in registry.sorted():
        merged.add(r)
    for r in extra:
        if r.code not in merged.rules and r.name not in merged.by_name:
            merged.add(r)
    return merged


def load_builtin(registry: Registry) -> None:
    for modname in _BUILTIN_MODULES:
        try:
            module = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:  # family not built yet
                continue
            raise
        for r in rules_in_module(module):
            registry.add(r)


def load_plugins(registry: Registry) -> None:
    """Rules from the ``conditionlint.rules`` entry-point group.

    Each entry point names a module (or a rule function). Each is loaded in its own
    try: a broken plugin becomes a warning and the run goes on.
    """
    if not _may_have_plugins():
        return
    from importlib.metadata import entry_points

    try:
        eps = sorted(entry_points(group="conditionlint.rules"), key=lambda e: e.name)
    except Exception as exc:  # pragma: no cover - broken metadata on the machine
        registry.warnings.append(f"could not list plugins: {exc}")
        return
    for ep in eps:
        dist = getattr(getattr(ep, "dist", None), "name", None) or ep.value
        try:
            obj = ep.load()
            rules = [obj.__conditionlint_rule__] if hasattr(obj, "__conditionlint_rule__") \
                else rules_in_module(obj)
            if not rules:
                raise ValueError("it declares no rules")
        except Exception as exc:  # noqa: BLE001 - isolation is the point
            registry.warnings.append(
                f"plugin {ep.name!r} ({ep.value}) could not be loaded: "
                f"{type(exc).__name__}: {exc}")
            continue
        for r in rules:
            registry.add(_with_origin(r, f"plugin:{dist}"))


_GROUP = b"conditionlint.rules"


def _plugin_packages() -> list[str]:
    """The top-level modules or packages the installed plugins' entry points name
    (``demo_plugin`` for ``demo = demo_plugin.rules:module``); never our own."""
    if not _may_have_plugins():
        return []
    from importlib.metadata import entry_points

    try:
        eps = entry_points(group="conditionlint.rules")
    except Exception:  # noqa: BLE001 - broken metadata: load_plugins says so
        return []
    tops = {ep.value.split(":")[0].strip().split(".")[0] for ep in eps}
    return sorted(t for t in tops if t and t != "conditionlint")


def plugin_source_files() -> list[str]:
    """The Python source files of the installed plugins (each entry point's whole
    top-level package, found without importing it), for ``--watch``: an edit to a
    plugin installed in development mode changes what is reported."""
    import importlib.util
    import os

    out: set[str] = set()
    for top in _plugin_packages():
        try:
            spec = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        for folder in spec.submodule_search_locations or ():
            for root, dirs, files in os.walk(folder):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__" and
                                 not d.startswith("."))
                out.update(os.path.join(root, f) for f in files if f.endswith(".py"))
        if not spec.submodule_search_locations and spec.origin and \
                spec.origin.endswith(".py"):
            out.add(spec.origin)
    return sorted(os.path.normpath(f) for f in out)


def forget_plugins() -> None:
    """Drop the installed plugins' modules from ``sys.modules``, so that the next
    :func:`build` imports their edited code (``--watch``)."""
    import importlib
    import sys

    tops = _plugin_packages()
    for name in [n for n in sys.modules
                 if any(n == t or n.startswith(t + ".") for t in tops)]:
        del sys.modules[name]
    importlib.invalidate_caches()


def _may_have_plugins() -> bool:
    """False only when no installed distribution can declare a ``conditionlint.rules``
    entry point, found by a quick look at the metadata folders on ``sys.path`` (what
    importlib.metadata searches): importing importlib.metadata and parsing every
    distribution's metadata costs more than checking a page does. Whatever this look
    cannot vouch for (a zip or egg on the path, another distribution finder) answers
    True, and importlib.metadata decides."""
    import os
    import sys
    from importlib.machinery import BuiltinImporter, FrozenImporter, PathFinder

    for finder in sys.meta_path:
        if finder in (BuiltinImporter, FrozenImporter, PathFinder):
            continue
        if getattr(finder, "find_distributions", None) is not None:
            return True
    for entry in sys.path:
        root = entry or "."
        if not isinstance(entry, str) or root.lower().endswith(".egg"):
            return True
        try:
            names = os.listdir(root)
        except OSError:
            if os.path.exists(root):
                return True  # a zip file, or unreadable: let importlib.metadata look
            continue
        for name in names:
            if not name.lower().endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(root, name, "entry_points.txt"), "rb") as fh:
                    if _GROUP in fh.read().lower():
                        return True
            except (FileNotFoundError, NotADirectoryError):
                continue
            except OSError:
                return True
    return False


def _with_origin(r: Rule, origin: str) -> Rule:
    from dataclasses import replace

    return replace(r, origin=origin)


def build(plugins: bool = True) -> Registry:
    """Built-in rules, YAML rule packs from ``rules/``, then entry-point plugins."""
    from conditionlint import yamlrules

    registry = Registry()
    load_builtin(registry)
    yamlrules.load_builtin(registry)
    if plugins:
        load_plugins(registry)
    return registry
