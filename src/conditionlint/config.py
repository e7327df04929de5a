"""Configuration: discovery (closest file wins), validation with positions, and the
per-file decision of which rules run with which severity and options.

Decision (what runs) is kept apart from reporting, as in flake8's style guide.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from conditionlint.registry import Registry, Rule

CONFIG_NAMES = (".conditionlint.yaml", ".conditionlint.yml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


class ConfigError(Exception):
    """A configuration problem: exit code 2, with the file, line and column."""

    def __init__(self, path: str, message: str, line: int | None = None,
                 column: int | None = None):
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        # (raised in a worker process, it crosses to the parent, which exits 2)
        return (ConfigError, (self.path, self.message, self.line, self.column))


@dataclass(frozen=True)
class RuleSetting:
    severity: str | None = None
    enabled: bool | None = None
    options: dict[str, Any] | None = None


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    patterns: tuple[Any, ...]  # compiled globs (RE2: glob_to_regex)
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    rules: dict[str, RuleSetting]
    root: Path | None = None  # the folder its globs are relative to (None: the config's)


# (select, ignore, extend-select) of a base config, applied before the config's own
Selection = tuple[tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Config:
    path: Path | None  # None: built-in defaults
    root: Path  # paths in the config are relative to this folder
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    exclude: tuple[str, ...] = ()
    exclude_patterns: tuple[Any, ...] = ()  # compiled globs (RE2: glob_to_regex)
    rule_paths: tuple[Path, ...] = ()
    fail_on: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    schema: Path | None = None
    schema_mode: str = "replace"
    cache: bool = True
    follow_external_symlinks: bool = False
    raw: dict[str, Any] = field(default_factory=dict)
    # `extend`: the base configs, nearest first; their selections, applied in order
    # before this config's own; the folder `exclude` is relative to when inherited
    extends: tuple[Path, ...] = ()
    inherited: tuple[Selection, ...] = ()
    exclude_root: Path | None = None

    def is_excluded(self, path: Path) -> bool:
        if not self.exclude_patterns:
            return False
        rel = relative_to_root(self.exclude_root or self.root, path)
        parts = rel.split("/")
        candidates = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        # a pattern ending in "/" names folders only (as in .gitignore): it matches the
        # folders above the path, and the path itself only when that is a folder
        # (audit22 #13: exclude ["p.md/"] left out the file p.md)
        return any(p.fullmatch(c) for p in self.exclude_patterns for c in candidates
                   if not getattr(p, "folders_only", False)) or any(
            p.fullmatch(c) and (c is not candidates[-1] or os.path.isdir(path))
            for p in self.exclude_patterns if getattr(p, "folders_only", False)
            for c in candidates)


@dataclass(frozen=True)
class Effective:
    """What runs on one file: rules with their severity and options."""

    rules: tuple[tuple[Rule, str, dict[str, Any]], ...]
    key: str  # a stable text that identifies this decision (for the cache)


# -- glob patterns ---------------------------------------------------------------------
def _glob_class(body: str) -> str:
    """A glob's ``[...]`` as a regex class: ``!`` or ``^`` first negates, ``a-z`` is a
    range, every other character stands for itself. ValueError when it is empty or a
    range runs backwards (``[z-a]``)."""
    neg = body[:1] in ("!", "^")
    if neg:
        body = body[1:]
    if not body:
        raise ValueError("'[]' matches nothing (an empty set of characters)")
    out = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            lo, hi = body[k], body[k + 2]
            if lo > hi:
                raise ValueError(f"the range '{lo}-{hi}' runs backwards")
            out.append(f"{re.escape(lo)}-{re.escape(hi)}")
            k += 3
        else:
            out.append(re.escape(body[k]))
            k += 1
    return "[" + ("^" if neg else "") + "".join(out) + "]"


def _globs(path: Path, globs: Any, locate: Any, where: tuple[Any, ...]
           ) -> tuple[Any, ...]:
    out = []
    for i, g in enumerate(globs):
        try:
            out.append(glob_to_regex(g))
        except ValueError as exc:
            line, col = locate(where + (i,))
            raise ConfigError(str(path), f"bad pattern {g!r} in '{where[-1]}': {exc}",
                              line, col) from None
    return tuple(out)


def _exclude_globs(path: Path, root: Path, data: dict[str, Any], locate: Any) -> list[str]:
    """The config's exclude globs; one spelling the config's own folder absolutely is
    made relative to it; one naming a path outside it is a config error."""
    out = []
    for i, g in enumerate(data.get("exclude", ())):
        if isinstance(g, str) and g.strip().startswith("/"):
            base = root.resolve().as_posix().rstrip("/") + "/"
            if g.strip().startswith(base):
                g = g.strip()[len(base):]
            else:
                why = _absolute_glob(g, root)
                if why is not None:
                    line, col = locate(("exclude", i))
                    raise ConfigError(str(path), f"bad pattern {g!r} in 'exclude': {why}",
                                      line, col)
        out.append(g)
    return out


def glob_to_regex(pattern: str) -> Any:
    """``**`` crosses folders, ``*`` and ``?`` do not; a pattern without a slash
    matches at any depth (like .gitignore)."""
    p = pattern.strip().replace("\\", "/")
    folders_only = p.endswith("/") and p.strip("/") != ""
    anchored = "/" in p.rstrip("/")
    p = p.strip("/")
    if p.startswith("./"):
        p = p[2:]
    out = []
    i = 0
    while i < len(p):
        c = p[i]
        if p.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif p.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = p.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
                i += 1
            else:
                out.append(_glob_class(p[i + 1:j]))
                i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    rx = "".join(out)
    if not anchored:
        rx = "(?:.*/)?" + rx
    return _FoldersOnly(_compile_linear(rx)) if folders_only else _compile_linear(rx)


class _FoldersOnly:
    """A glob that ends in "/": it names folders only (:meth:`Config.is_excluded`)."""

    __slots__ = ("rx",)
    folders_only = True

    def __init__(self, rx: Any) -> None:
        self.rx = rx

    def fullmatch(self, text: str) -> Any:
        return self.rx.fullmatch(text)


def _absolute_glob(glob: str, root: Path) -> str | None:
    """Why an exclude glob that starts with "/" cannot mean what it says, or None. A
    leading "/" anchors a glob to the config's folder, as in .gitignore ("/drafts/**"
    is the config folder's drafts); "/tmp/**" when the config's folder has no "tmp"
    but the file system's root has is an absolute path, which matched nothing
    (audit22 #13). A glob that spells the config's own folder absolutely works."""
    first = glob.strip().lstrip("/").split("/", 1)[0]
    if not glob.strip().startswith("/") or not first or any(c in first for c in "*?["):
        return None
    if os.path.lexists(root / first) or not os.path.lexists("/" + first):
        return None
    return (f"'{glob}' is an absolute path, not one inside this config's folder ({root}), so it "
            f"matches no page: exclude patterns are relative to the config's folder (a "
            f"leading '/' anchors them there, as in .gitignore)")

def _compile_linear(rx: str) -> Any:
    """``rx`` compiled on RE2, whose matching time is linear in the path whatever the
    pattern (fix22b, audit22 #1: on Python's backtracking engine the regex of
    ``*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c`` took 36 s against a 33-character name and
    hung a run). The glob's regex has no look-arounds or back-references, and RE2's
    ``.``, ``[^/]`` and full matches mean what Python's do; its ``fullmatch`` is
    what :meth:`Config.is_excluded` and the overrides call. RE2 is a dependency
    already (users' rule patterns run on it)."""
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print its own complaints to stderr
    try:
        return re2.compile(rx, options)
    except Exception as exc:  # noqa: BLE001 - re2 raises its own error type
        raise ValueError(f"the pattern is too complex ({re2_detail(exc)})") from None


def re2_detail(exc: BaseException) -> str:
    """The text of an error RE2 raised, for a message: its first argument, which
    RE2 may give as bytes (decoded), or the error itself. (Exclude globs here and
    users' rule patterns, yamlrules.re2_problem, both report it.)"""
    detail = exc.args[0] if exc.args else exc
    if isinstance(detail, bytes):
        return detail.decode("utf-8", "replace")
    return str(detail)


# -- loading -----------------------------------------------------------------------------
def _offset_to_line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def read_config_file(path: Path) -> tuple[dict[str, Any], Any] | None:
    """(data, locate) where locate(path_tuple) -> (line, column); None when a
    pyproject.toml has no [tool.conditionlint] table."""
    try:
        from conditionlint.safeio import CONFIG_LIMIT, read_regular

        data_bytes = read_regular(path, CONFIG_LIMIT)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read config file: {exc.strerror or exc}") from None
    try:
        text = data_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from conditionlint.safeio import not_utf8

        raise ConfigError(str(path), *not_utf8("config file", data_bytes, exc)) from None
    if "\x00" in text:
        from conditionlint.safeio import wide_without_bom

        wide = wide_without_bom("config file", data_bytes)
        if wide is not None:
            raise ConfigError(str(path), *wide)
    if path.name == "pyproject.toml":
        return _read_pyproject(path, text)
    if path.suffix.lower() == ".toml":  # a --config file of its own: the whole document
        return _read_pyproject(path, text, whole=True)  # (or its [tool.conditionlint])
    from conditionlint import frontmatter

    loaded = frontmatter.load_yaml(text)
    if loaded.error:
        line, col = _offset_to_line_col(text, loaded.error_offset or 0)
        raise ConfigError(str(path), loaded.error, line, col)
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(str(path), "the config must be a mapping of keys to values", 1, 1)

    def locate(p: tuple[Any, ...]) -> tuple[int, int]:
        m = loaded.mark(*p)
        return _offset_to_line_col(text, m.key_start) if m else (1, 1)

    return data, locate


def _read_pyproject(path: Path, text: str, whole: bool = False
                    ) -> tuple[dict[str, Any], Any] | None:
    """``[tool.conditionlint]`` of a TOML file; with ``whole`` (a TOML config given with
    --config, not named pyproject.toml), the whole document when it has no such table."""
    from conditionlint import recache

    if whole or not recache.active():
        doc = _toml_doc(path, text)
    else:
        # Nineteenth session: a pyproject.toml whose text was read before as valid TOML
        # without [tool.conditionlint] (most: a project's own, above the pages) is not
        # parsed again; the verdict is kept in the pattern store under the file's name,
        # with its text's digest as the version (invalid TOML raises here, as before, and
        # nothing is kept)
        parsed: list[dict[str, Any]] = []

        def without_table() -> bool:
            parsed.append(_toml_doc(path, text))
            return _table_of(parsed[0]) is None

        if recache.derived("config.pyproject-without-table", str(path), without_table,
                           version=recache.digest(text.encode("utf-8", "surrogatepass")),
                           worth_saving=True):
            return None
        doc = parsed[0] if parsed else _toml_doc(path, text)
    table = _table_of(doc)
    if table is None and whole:
        top_lines = text.splitlines()

        def locate_top(p: tuple[Any, ...]) -> tuple[int, int]:
            return _toml_locate(top_lines, 0, p)

        return doc, locate_top
    if table is None:  # (also a "tool" that is not a table: nothing of ours there)
        return None
    if not isinstance(table, dict):
        # at the key that is not a table (audit22 #11: no line was given)
        line, col = _toml_locate(text.splitlines(), 0, ("tool", "conditionlint"))
        raise ConfigError(str(path), f"[tool.conditionlint] must be a table, not "
                          f"{_kind_of(table)}", line, col)
    lines = text.splitlines()
    header = next((i for i, ln in enumerate(lines)
                   if re.match(r"\s*\[tool\.conditionlint[\].]", ln)), 0)
    _no_settings_beside_table(path, doc, lines)

    def locate(p: tuple[Any, ...]) -> tuple[int, int]:
        return _toml_locate(lines, header, p)

    return table, locate


def _no_settings_beside_table(path: Path, doc: dict[str, Any], lines: list[str]) -> None:
    """A config error when a TOML file with a [tool.conditionlint] table also sets one of
    our keys at its top level (audit23 #15: ``fail-on = "warning"`` above the table was
    ignored without a word, since only the table is read). Other top-level keys (a
    ``[project]``, ``[build-system]``) are not ours and stay allowed."""
    from conditionlint.resources import schema

    ours = set(schema("config").get("properties", {}))
    stray = [k for k in doc if k in ours]
    if stray:
        line, col = _toml_locate(lines, 0, (stray[0],))
        names = ", ".join(repr(k) for k in stray)
        raise ConfigError(str(path), f"{names} {'is' if len(stray) == 1 else 'are'} set at "
                          f"the top level, but this file has a [tool.conditionlint] table, "
                          f"which is all that is read: move {'it' if len(stray) == 1 else 'them'}"
                          f" into the table (or drop the table)", line, col)


def _kind_of(value: Any) -> str:
    from conditionlint.schemautil import yaml_text

    kind = {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list"}.get(type(value), "a value")
    return f"{kind} ({yaml_text(value)})"


def _toml_doc(path: Path, text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        raise ConfigError(str(path), f"invalid TOML: {exc}", line, col) from None


def _table_of(doc: dict[str, Any]) -> Any:
    tool = doc.get("tool")
    return tool.get("conditionlint") if isinstance(tool, dict) else None


def _toml_locate(lines: list[str], header: int, p: tuple[Any, ...]) -> tuple[int, int]:
    """TOML parsers keep no positions: the line and column of the key, found after
    the table header, each key of the path after the one before it. A key is a
    line's own (`severity = ...`), a table header's part (`[tool.conditionlint.rules]`,
    `[tool.black]`), a dotted key's part (`rules.CL401 = ...`) or an inline table's
    (`rules = { CL401 = { severty = "warning" } }`), so an unknown key inside an
    inline table is located at itself, not at its parent's line."""
    line, col = header, 0
    at: tuple[int, int] | None = None
    for key in [k for k in p if isinstance(k, str)]:
        found = _toml_key(lines, line, col, key)
        if found is not None:
            line, start, col = found
            at = (line + 1, start + 1)
    return at if at is not None else (header + 1, 1)


def _toml_key(lines: list[str], line: int, col: int, key: str
              ) -> tuple[int, int, int] | None:
    """(line, start, end) of ``key`` written as a key at or after (line, col)."""
    rx = re.compile(r"[\"']?" + re.escape(key) + r"[\"']?[ \t]*([=.\]])")
    for i in range(line, len(lines)):
        text = lines[i]
        header = text.lstrip().startswith("[")
        for m in rx.finditer(text, col if i == line else 0):
            if m.group(1) == "]" and not header:
                continue  # a value in a list: select = ["CL401"]
            before = text[:m.start()].rstrip(" \t")
            if before and not before.endswith(("{", ",", ".")) and not (
                    header and before.endswith("[")):
                continue
            if before.endswith(",") and header:
                continue
            return i, m.start() + (1 if m.group(0)[0] in "\"'" else 0), m.end(1) - 1
    return None


def load_config(path: Path, registry: Registry, explicit: bool = False,
                _chain: tuple[Path, ...] = ()) -> Config:
    """The config in ``path``; a pyproject.toml without our table is the defaults, or,
    named with --config (``explicit``) or as a base (``extend``), an error."""
    found = read_config_file(path)
    if found is None:
        if explicit or _chain:
            raise ConfigError(str(path), "has no [tool.conditionlint] table; nothing to "
                                         "configure")
        return Config(path=path, root=path.parent)
    data, locate = found
    return _build(path, data, locate, registry, _chain)


def _base(path: Path, data: dict[str, Any], locate: Any, registry: Registry,
          chain: tuple[Path, ...]) -> Config | None:
    """The config named by ``extend`` (loaded with its own bases), or None."""
    if "extend" not in data:
        return None
    line, col = locate(("extend",))
    here = path.absolute()
    if len(chain) + 1 >= MAX_EXTEND_DEPTH:  # (deeper, Python's own stack runs out)
        raise ConfigError(str(path), f"'extend': too deep: the chain of configs that "
                                     f"starts at {str((*chain, here)[0])!r} is longer "
                                     f"than {MAX_EXTEND_DEPTH} files; it stopped here "
                                     f"(at most {MAX_EXTEND_DEPTH} configs, the first "
                                     f"one included, may extend one another)", line, col)
    target = extended_path(path, data["extend"])
    st = named_path_stat(path, "extend", target, locate, ("extend",))
    seen = [os.path.realpath(p) for p in (*chain, here)]
    if st is not None and os.path.realpath(target) in seen:
        loop = " -> ".join(str(p) for p in (*chain, here, target))
        raise ConfigError(str(path), f"'extend' makes a loop: {loop}", line, col)
    if st is None or not stat.S_ISREG(st.st_mode):
        what = "is not a regular file" if st is not None else "does not exist"
        raise ConfigError(str(path), f"'extend': config file {str(target)!r} {what}",
                          line, col)
    return load_config(target, registry, _chain=(*chain, here))


# How many configs may extend one another (the first one included): as deep as any
# project needs (a shared base, an organisation's, a team's, ...), and far from
# Python's recursion limit, which a longer chain used to reach (a traceback).
MAX_EXTEND_DEPTH = 32


def named_path_stat(cfg_path: Path, key: str, target: Path, locate: Any,
                    where: tuple[Any, ...]) -> os.stat_result | None:
    """``os.stat`` of a path that a config's ``key`` names; None when nothing is
    there. A path no file system takes (a NUL character, a name too long, a loop of
    links, a folder that may not be searched) is a config error at the key, with the
    operating system's reason (it used to be a traceback)."""
    try:
        return os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except ValueError:  # "embedded null byte"
        reason = "the path holds a NUL character (\\0), which no file name can"
    except OSError as exc:
        reason = exc.strerror or str(exc)
    line, col = locate(where)
    raise ConfigError(str(cfg_path), f"'{key}': cannot use the path {str(target)!r}: "
                                     f"{reason}", line, col)


def extended_path(config: Path | str, value: str) -> Path:
    """The file a config's ``extend: value`` names: relative to the config's folder,
    ``~`` the home folder, normalised (the check and ``--watch`` read it alike)."""
    folder = os.path.dirname(os.path.abspath(config))
    return Path(os.path.normpath(os.path.join(folder, os.path.expanduser(value))))


def _enabled(s: RuleSetting) -> bool | None:
    """Whether a setting turns its rule on or off, None when it says neither. A
    severity set without ``enabled`` turns the rule on (a config over a base that
    turned it off, a page's override over its config), as in ESLint ("warn": turn
    the rule on as a warning); the README offers a severity as an alternative to
    on/off."""
    if s.enabled is not None:
        return s.enabled
    return True if s.severity else None


def _merged_setting(base: RuleSetting | None, own: RuleSetting) -> RuleSetting:
    """``own`` over ``base``: a severity or on/off set here wins; options merge key by
    key (a config over its base, and a page's override over its config)."""
    if base is None:
        return own
    return RuleSetting(
        own.severity or base.severity,
        _enabled(own) if _enabled(own) is not None else base.enabled,
        {**(base.options or {}), **(own.options or {})} if own.options or base.options
        else None)


def _build(path: Path, data: dict[str, Any], locate: Any, registry: Registry,
           chain: tuple[Path, ...] = ()) -> Config:
    _validate(path, data, locate)
    root = path.parent
    base = _base(path, data, locate, registry, chain)
    own_rule_paths = tuple((root / p) for p in data.get("rule-paths", ()))
    extra = _load_rule_paths(path, own_rule_paths, locate, registry)
    rule_paths = own_rule_paths
    if base is not None:
        rule_paths = tuple(dict.fromkeys(base.rule_paths + own_rule_paths))
        if base.rule_paths:  # a base's own rules can be named here too
            extra = _merged_registry(extra, extra_registry(base, registry))
    if rule_paths:
        _defined_once(path, rule_paths)

    def check_refs(refs: list[str], where: tuple[Any, ...]) -> tuple[str, ...]:
        for i, ref in enumerate(refs):
            if not (registry.match(ref) or extra.match(ref)):
                line, col = locate(where + (i,))
                raise ConfigError(str(path), f"unknown rule {ref!r} in '{where[-1]}'"
                                  + rule_suggestion(ref, registry, extra), line, col)
        return tuple(refs)

    def settings(raw: dict[str, Any], where: tuple[Any, ...]) -> dict[str, RuleSetting]:
        out: dict[str, RuleSetting] = {}
        keys: dict[str, str] = {}  # code -> the key that named it first
        for ref, value in raw.items():
            r = registry.resolve(ref) or extra.resolve(ref)
            if r is None:
                line, col = locate(where + (ref,))
                raise ConfigError(str(path), f"unknown rule {ref!r} in 'rules'"
                                  + rule_suggestion(ref, registry, extra), line, col)
            if r.code in keys:  # (audit23 #9: CL401 and unsupported-claim: the last won)
                line, col = locate(where + (ref,))
                l1, c1 = locate(where + (keys[r.code],))
                raise ConfigError(str(path), f"{_path_text(where)}: {keys[r.code]!r} (line "
                                  f"{l1}, column {c1}) and {ref!r} (line {line}, column "
                                  f"{col}) name the same rule, {r.code} {r.name}: give its "
                                  f"settings once", line, col)
            keys[r.code] = ref
            if value is False or value == "off":  # YAML 1.1 reads a bare off as false
                s = RuleSetting(enabled=False)
            elif value is True or value == "on":  # (and a bare on as true)
                s = RuleSetting(enabled=True)
            elif isinstance(value, str):
                s = RuleSetting(severity=value)
            else:
                opts = value.get("options")
                if opts is not None:
                    _validate_options(path, r, opts, locate, where + (ref, "options"))
                s = RuleSetting(value.get("severity"), value.get("enabled"), opts)
            out[r.code] = s
        return out

    select = data.get("select")
    if select == []:  # (audit22 #13: every page "passed", checked by no rule)
        line, col = locate(("select",))
        raise ConfigError(str(path), "select: [] selects no rule, so nothing would be "
                          "checked: leave 'select' out to run every rule, or name the "
                          "rules to run", line, col)
    overrides = []
    for i, o in enumerate(data.get("overrides", ())):
        w = ("overrides", i)
        overrides.append(Override(
            files=tuple(o["files"]), patterns=_globs(path, o["files"], locate, w + ("files",)),
            select=check_refs(o["select"], w + ("select",)) if "select" in o else None,
            ignore=check_refs(o.get("ignore", []), w + ("ignore",)),
            rules=settings(o.get("rules", {}), w + ("rules",))))
    schema_path = root / data["schema"] if "schema" in data else None
    # only what this file sets replaces its base's: a `schema:` alone keeps the base's
    # `schema-mode` (it used to switch an inherited "extend" back to "replace")
    schema_mode = data.get("schema-mode", base.schema_mode if base is not None else "replace")
    in_force = schema_path or (base.schema if base is not None else None)
    if schema_path is not None:
        named_path_stat(path, "schema", schema_path, locate, ("schema",))
    if in_force is not None:  # a broken schema stops the run now (exit 2), not per file
        from conditionlint.checks.meta import load_page_schema

        load_page_schema(in_force, schema_mode)
    own = Config(
        path=path, root=root,
        select=check_refs(select, ("select",)) if select is not None else None,
        extend_select=check_refs(data.get("extend-select", []), ("extend-select",)),
        ignore=check_refs(data.get("ignore", []), ("ignore",)),
        rules=settings(data.get("rules", {}), ("rules",)),
        overrides=tuple(overrides),
        exclude=tuple(data.get("exclude", ())),
        exclude_patterns=_globs(path, _exclude_globs(path, root, data, locate), locate,
                                ("exclude",)),
        rule_paths=rule_paths,
        fail_on=data.get("fail-on"),
        max_file_size=data.get("max-file-size", DEFAULT_MAX_FILE_SIZE),
        schema=schema_path, schema_mode=schema_mode,
        cache=data.get("cache", True),
        follow_external_symlinks=data.get("follow-external-symlinks", False),
        raw=data,
    )
    return own if base is None else _extended(own, base, data)


def _extended(own: Config, base: Config, data: dict[str, Any]) -> Config:
    """``own`` (built from ``data``) on top of ``base``: what ``data`` sets wins; rules
    merge rule by rule; overrides and rule paths add up; the base's selection applies
    first, each of them with paths relative to its own file's folder."""
    rules = dict(base.rules)
    for code, s in own.rules.items():
        rules[code] = _merged_setting(rules.get(code), s)
    inherited = base.inherited + ((base.select, base.ignore, base.extend_select),)
    overrides = tuple(o if o.root is not None else dataclasses.replace(o, root=base.root)
                      for o in base.overrides) + own.overrides

    def pick(key: str, attr: str) -> Any:
        return getattr(own if key in data else base, attr)

    excluded_by = own if "exclude" in data else base
    schema_from = own if "schema" in data else base
    return dataclasses.replace(
        own, rules=rules, overrides=overrides, inherited=inherited,
        exclude=excluded_by.exclude, exclude_patterns=excluded_by.exclude_patterns,
        exclude_root=excluded_by.exclude_root or excluded_by.root,
        fail_on=pick("fail-on", "fail_on"),
        max_file_size=pick("max-file-size", "max_file_size"),
        schema=schema_from.schema,
        schema_mode=own.schema_mode,  # (the base's unless this file sets it: _build)
        cache=pick("cache", "cache"),
        follow_external_symlinks=pick("follow-external-symlinks",
                                      "follow_external_symlinks"),
        extends=(base.path,) + base.extends if base.path else base.extends,
        # (what the cache keys on: a change in a base changes the results' key)
        raw={**data, "extend": {"path": str(base.path), "settings": base.raw}},
    )


def _merged_registry(a: Registry, b: Registry) -> Registry:
    out = Registry()
    for r in a.sorted() + b.sorted():
        if out.resolve(r.code) is None:
            out.add(r)
    return out


def _path_text(where: tuple[Any, ...]) -> str:
    from conditionlint.schemautil import path_text

    return path_text(where)


def _validate(path: Path, data: dict[str, Any], locate: Any) -> None:
    from conditionlint.schemautil import first_error, plain_message
    from conditionlint.resources import schema

    err = first_error(schema("config"), data)
    if err is not None:
        line, col = locate(_unknown_key_path(err))  # (at the unknown key itself)
        raise ConfigError(str(path), plain_message(err) + _did_you_mean(err), line, col)


def rule_suggestion(ref: Any, *registries: Registry) -> str:
    """"; did you mean 'unsupported-claim'?" for a rule reference that names no rule
    (a code, a name), or ""."""
    if not isinstance(ref, str) or not ref.strip():
        return ""
    import difflib

    ref = ref.strip()
    rules = [r for reg in registries for r in reg.sorted()]
    if re.fullmatch(r"[A-Za-z]{1,4}\d+", ref) or re.fullmatch(r"[A-Za-z]{2}[\dOoIl]{3,}", ref):
        known = sorted({r.code for r in rules})
        close = difflib.get_close_matches(ref.upper(), known, n=1, cutoff=0.8)
    else:
        known = sorted({r.name for r in rules})
        close = difflib.get_close_matches(ref.lower(), known, n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def _did_you_mean(err: Any) -> str:
    """"; did you mean 'fail-on'?" for a misspelt key (the schema's keys there), or
    for a misspelt value of a list of words ("warn": 'warning')."""
    if err.validator == "enum" and isinstance(err.instance, str) and \
            isinstance(err.validator_value, list):
        import difflib

        words = [v for v in err.validator_value if isinstance(v, str)]
        close = difflib.get_close_matches(err.instance.lower(), words, n=1, cutoff=0.6)
        return f"; did you mean {close[0]!r}?" if close else ""
    if err.validator != "additionalProperties" or not isinstance(err.instance, dict):
        return ""
    known = list(err.schema.get("properties", {}))
    unknown = [k for k in err.instance if k not in known and isinstance(k, str)]
    if len(unknown) != 1 or not known:
        return ""
    import difflib

    close = difflib.get_close_matches(unknown[0], known, n=1, cutoff=0.7)
    return f"; did you mean {close[0]!r}?" if close else ""


def _unknown_key_path(err: Any) -> tuple[Any, ...]:
    """Where an error is: for unknown keys, the first of them in the file (there may be
    several: it used to be the mapping's own line, in TOML its table's header)."""
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = set(err.schema.get("properties", {}))
        patterns = [re.compile(p) for p in err.schema.get("patternProperties", {})]
        for k in err.instance:  # (in the file's order)
            if k not in known and not any(p.search(str(k)) for p in patterns):
                return tuple(err.absolute_path) + (k,)
    return tuple(err.absolute_path)


def _known_values(kind: str) -> set[str]:
    """The values an option marked ``x-known`` may take."""
    if kind == "section-kinds":
        from conditionlint import sectionmap

        return set(sectionmap.lexicon()["sections"])
    raise ValueError(f"unknown x-known {kind!r}")


def _validate_options(path: Path, r: Rule, opts: dict[str, Any], locate: Any,
                      where: tuple[Any, ...]) -> None:
    from conditionlint.schemautil import first_error, plain_message

    err = first_error(r.options, opts)
    if err is not None:
        p = where + tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            p = where + _unknown_key_path(err)
        line, col = locate(p)
        raise ConfigError(str(path), f"{r.code} {r.name} options: {plain_message(err)}"
                          + _did_you_mean(err), line, col)
    for prop, spec in (r.options.get("properties") or {}).items():
        known = (spec.get("items") or {}).get("x-known") if isinstance(spec, dict) else None
        values = opts.get(prop)
        if known is None or not isinstance(values, list):
            continue
        allowed = _known_values(known)
        for i, v in enumerate(values):
            if v not in allowed:  # a typo ("symptomz") silently required nothing
                line, col = locate(where + (prop, i))
                names = ", ".join(repr(k) for k in sorted(allowed))
                raise ConfigError(str(path), f"{r.code} {r.name} options: {prop}[{i}]: "
                                  f"{v!r} is not one of {names}", line, col)
    from conditionlint.yamlrules import re2_problem

    for at, pattern in _re2_strings(r.options, opts, ()):
        problem = re2_problem(pattern)
        if problem is not None:
            line, col = locate(where + at)
            raise ConfigError(str(path), f"{r.code} {r.name} options: {pattern!r} is "
                                         f"{problem}", line, col)


def _re2_strings(schema: dict[str, Any], value: Any, at: tuple[Any, ...]
                 ) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, string) of the option values whose schema says ``"x-re2": true``: regular
    expressions a rule runs on RE2, checked when the config is read (the value has
    passed the schema already)."""
    if schema.get("x-re2") and isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for k, v in value.items():
            sub = schema.get("properties", {}).get(k)
            if isinstance(sub, dict):
                yield from _re2_strings(sub, v, at + (k,))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, v in enumerate(value):
            yield from _re2_strings(schema["items"], v, at + (i,))


def _load_rule_paths(path: Path, rule_paths: tuple[Path, ...], locate: Any,
                     registry: Registry) -> Registry:
    extra = Registry()
    if not rule_paths:
        return extra
    from conditionlint import yamlrules

    for i, rp in enumerate(rule_paths):
        st = named_path_stat(path, "rule-paths", rp, locate, ("rule-paths", i))
        if st is None:
            line, col = locate(("rule-paths", i))
            raise ConfigError(str(path), f"rule path {str(rp)!r} does not exist", line, col)
        try:
            files = _rule_files(rp, stat.S_ISDIR(st.st_mode))
            loaded = [yamlrules.load_rules_file(f) for f in files]
        except OSError as exc:  # (a folder that may not be listed, a link loop)
            line, col = locate(("rule-paths", i))
            raise ConfigError(str(path), f"'rule-paths': cannot use the path {str(rp)!r}: "
                                         f"{exc.strerror or exc}", line, col) from None
        for f, rules in zip(files, loaded):
            for i, r in enumerate(rules):
                if registry.resolve(r.code) or registry.resolve(r.name):
                    line, col = _rule_position(f, i, "code" if registry.resolve(r.code)
                                               else "name")
                    raise ConfigError(str(f), f"rule {r.code} {r.name} clashes with a "
                                              f"built-in or plugin rule", line, col)
                extra.add(r)
    return extra


def _rule_position(f: Path, index: int, key: str) -> tuple[int, int] | tuple[None, None]:
    """Line and column of the ``key`` (``code`` or ``name``) value of the rule at
    ``index`` in rule file ``f``, for an error (audit22 #11: a clash was reported with
    no line; fix23: a rule defined twice too, at the right one of two equal values in
    one file); (None, None) if it cannot be found."""
    from conditionlint import frontmatter
    from conditionlint.safeio import CONFIG_LIMIT, decoded, read_regular

    try:
        text = decoded(read_regular(f, CONFIG_LIMIT))
    except (OSError, UnicodeDecodeError):
        return None, None
    mark = frontmatter.load_yaml(text).marks.get(("rules", index, key))
    if mark is None:
        return None, None
    at = mark.value_start
    return _offset_to_line_col(text, at + (text[at:at + 1] in ("'", '"')))


def _rule_files(rp: Path, folder: bool) -> list[Path]:
    """The rule files a ``rule-paths`` entry names: a folder's YAML files in order, or
    the file itself."""
    from conditionlint.yamlrules import folder_rule_files

    return folder_rule_files(rp) if folder else [rp]


@lru_cache(maxsize=64)
def _listed_rules(rule_paths: tuple[Path, ...]) -> tuple[tuple[Path, Rule], ...]:
    """Every (file, rule) of ``rule_paths``, in order, read once a process (until
    :func:`forget_user_rules`); one object per real file and rule."""
    from conditionlint import yamlrules

    return tuple((f, r) for rp in rule_paths for f in _rule_files(rp, rp.is_dir())
                 for r in yamlrules.load_rules_file(f))


def _where(f: Path, r: Rule, key: str) -> tuple[int, int] | tuple[None, None]:
    """Line and column of rule ``r``'s ``key`` value in its file ``f``."""
    from conditionlint import yamlrules

    rules = yamlrules.load_rules_file(f)
    index = next((i for i, other in enumerate(rules) if other is r), None)
    return (None, None) if index is None else _rule_position(f, index, key)


def _defined_once(path: Path, rule_paths: tuple[Path, ...]) -> None:
    """A config error when two rule files of ``rule_paths`` (this config's and its
    bases') define a rule with the same code or the same name: the first used to win
    and the other to vanish without a word. One file reached twice is one file. The
    error stands at the second definition's value, and names the first's file, line
    and column (it used to name the config, with no line)."""
    seen: dict[tuple[str, str], tuple[Rule, Path]] = {}
    for f, r in _listed_rules(rule_paths):
        for key in (("code", r.code), ("name", r.name)):
            first = seen.setdefault(key, (r, f))
            if first[0] is not r:
                line, col = _where(f, r, key[0])
                fline, fcol = _where(first[1], first[0], key[0])
                at = str(first[1]) + (f":{fline}:{fcol}" if fline is not None else "")
                raise ConfigError(
                    str(f), f"rule {r.code} {r.name} has the same {key[0]} as rule "
                            f"{first[0].code} {first[0].name} at {at} (rule-paths of "
                            f"{path} and the configs it extends): give each rule its "
                            f"own code and name", line, col)


# -- discovery -----------------------------------------------------------------------------
class ConfigFinder:
    """Finds the closest config file for each path, loading each file once."""

    def __init__(self, registry: Registry, explicit: Path | None = None):
        self.registry = registry
        self.explicit = explicit
        self._by_dir: dict[Path, Config] = {}
        self._loaded: dict[Path, Config] = {}
        self._default = Config(path=None, root=Path.cwd())
        if explicit is not None:
            cfg = self._explicit(explicit, registry)
            self._default = cfg
            self._loaded[explicit] = cfg

    @staticmethod
    def _explicit(explicit: Path, registry: Registry) -> Config:
        """The config given with ``--config``. The null device (``--config /dev/null``,
        a common way to ask for no config) reads as an empty config: every default;
        anything else that is not a regular file (a FIFO, a folder) is an error, as it
        is for ``extend``."""
        try:
            st = os.stat(explicit)
        except (FileNotFoundError, NotADirectoryError):
            raise ConfigError(str(explicit), "config file does not exist") from None
        except ValueError:
            raise ConfigError(str(explicit), "cannot read config file: the path holds a "
                                             "NUL character") from None
        except OSError as exc:
            raise ConfigError(str(explicit), f"cannot read config file: "
                                             f"{exc.strerror or exc}") from None
        if stat.S_ISCHR(st.st_mode) and _is_null_device(explicit, st):
            return Config(path=explicit, root=Path.cwd())
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(str(explicit), "cannot read config file: is not a regular "
                                             "file")
        return load_config(explicit, registry, explicit=True)

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self._default
        try:
            is_dir = path.is_dir()
        except (OSError, ValueError):  # a name too long (--stdin-filename): a file's
            is_dir = False  # name; its folders are looked into as any others are
        folder = (path if is_dir else path.parent).absolute()
        return self._for_dir(folder)

    def for_folder(self, folder: Path) -> Config:
        """The config of the files in ``folder`` (known to be a folder: no stat)."""
        if self.explicit is not None:
            return self._default
        return self._for_dir(folder.absolute())

    def _for_dir(self, folder: Path) -> Config:
        hit = self._by_dir.get(folder)
        if hit is not None:
            return hit
        cfg = None
        for name in CONFIG_NAMES:
            candidate = folder / name
            try:
                st = os.stat(candidate)
            except (OSError, ValueError):  # none here, or a folder we may not look into (permission
                continue  # denied): no config we can read; reading its files reports it
            if stat.S_ISDIR(st.st_mode):
                continue
            if not stat.S_ISREG(st.st_mode):  # a FIFO or device (or a link to one)
                raise ConfigError(str(candidate), "cannot read config file: is not a "
                                                  "regular file")
            cfg = self._loaded.get(candidate)
            if cfg is None:
                cfg = load_config(candidate, self.registry)
                if name == "pyproject.toml" and cfg.raw == {} and \
                        read_config_file(candidate) is None:
                    cfg = None  # a pyproject.toml without our table
                else:
                    self._loaded[candidate] = cfg
            if cfg is not None:
                break
        if cfg is None:
            parent = folder.parent
            cfg = self._default if parent == folder else self._for_dir(parent)
        self._by_dir[folder] = cfg
        return cfg

    def configs(self) -> list[Config]:
        return list(self._loaded.values()) or [self._default]


def _is_null_device(path: Path, st: os.stat_result) -> bool:
    """Whether ``path`` (a character device, ``st``) is the null device, under any
    name (a link to it)."""
    try:
        null = os.stat(os.devnull)
    except OSError:  # pragma: no cover
        return False
    return (st.st_dev, st.st_ino, st.st_rdev) == (null.st_dev, null.st_ino, null.st_rdev)


# -- the per-file decision -------------------------------------------------------------------
@dataclass(frozen=True)
class CliSelection:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


# The decision depends on the path only through which overrides match it, so files
# that match the same overrides under the same config share one Effective.
_EFFECTIVE_MEMO: dict[tuple[Any, ...], tuple[Config, Registry, Effective]] = {}


def effective(cfg: Config, registry: Registry, rel_path: str, cli: CliSelection) -> Effective:
    matched: tuple[int, ...] = ()
    if cfg.overrides:
        rels: dict[Path, str] = {}
        found = []
        for i, o in enumerate(cfg.overrides):
            where = o.root or cfg.root
            rel = rels.get(where)
            if rel is None:
                rel = rels[where] = relative_to_root(where, Path(rel_path))
            if any(p.fullmatch(rel) for p in o.patterns):
                found.append(i)
        matched = tuple(found)
    memo_key = (id(cfg), id(registry), len(registry.rules), matched, cli)
    hit = _EFFECTIVE_MEMO.get(memo_key)
    if hit is not None and hit[0] is cfg and hit[1] is registry:
        return hit[2]
    eff = _effective(cfg, registry, matched, cli)
    if len(_EFFECTIVE_MEMO) > 256:
        _EFFECTIVE_MEMO.clear()
    _EFFECTIVE_MEMO[memo_key] = (cfg, registry, eff)
    return eff


def _effective(cfg: Config, registry: Registry, matched: tuple[int, ...],
               cli: CliSelection) -> Effective:
    extra = extra_registry(cfg, registry)
    both = Registry()
    for r in registry.sorted() + extra.sorted():
        both.add(r)
    chosen: dict[str, Rule] = {}

    def apply(select: tuple[str, ...] | None, ignore: tuple[str, ...],
              extend: tuple[str, ...] = ()) -> None:
        nonlocal chosen
        if select is not None:
            chosen = {r.code: r for ref in select for r in both.match(ref)}
        for ref in extend:
            for r in both.match(ref):
                chosen[r.code] = r
        for ref in ignore:
            for r in both.match(ref):
                chosen.pop(r.code, None)

    chosen = {r.code: r for r in both.sorted()}
    for select, ignore, extend in cfg.inherited:  # a base config's selection first
        apply(select, ignore, extend)
    apply(cfg.select, cfg.ignore, cfg.extend_select)
    settings = dict(cfg.rules)
    # What the page's overrides turn off: it stays off whatever the command line selects
    # (as per-file ignores do in ruff); the config's global select, ignore and "off"
    # give way to --select.
    page_ignore: list[str] = []
    page_off: set[str] = set()
    for i, o in enumerate(cfg.overrides):
        if i in matched:
            apply(o.select, o.ignore)
            page_ignore.extend(o.ignore)
            page_off |= {code for code, s in o.rules.items() if _enabled(s) is False}
            page_off -= {code for code, s in o.rules.items() if _enabled(s) is True}
            for code, s in o.rules.items():
                settings[code] = _merged_setting(settings.get(code), s)
    # (what a later override selected again is not held off)
    page_ignored = {r.code for ref in page_ignore for r in both.match(ref)} - set(chosen)
    apply(cli.select, cli.ignore, cli.extend_select)
    for code in page_ignored:
        chosen.pop(code, None)
    out = []
    for code in sorted(chosen):
        r = chosen[code]
        s = settings.get(code, RuleSetting())
        if code in page_off or (s.enabled is False and not (cli.select and any(
                r in both.match(ref) for ref in cli.select))):
            continue
        options = {**r.defaults(), **(s.options or {})}
        out.append((r, s.severity or r.severity, options))
    key = repr([(r.code, sev, sorted(opts.items(), key=str)) for r, sev, opts in out])
    return Effective(tuple(out), key)


def relative_to_root(root: Path, path: Path) -> str:
    """``path`` relative to a config's folder, with forward slashes, as its ``exclude``
    and ``overrides`` globs see it, however the path was written (``x``, ``./x``, an
    absolute path) and from whichever folder the run started. A page outside the
    folder (a ``--config`` kept in ``.github/``) reads as ``../content/x.md``; it used
    to read as the path as given, so that a glob matched or not by the spelling."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive (Windows)
        return path.as_posix()
    return rel.replace(os.sep, "/") if os.sep != "/" else rel


@lru_cache(maxsize=64)
def _extra_registry_cached(rule_paths: tuple[Path, ...]) -> Registry:
    extra = Registry()
    for _, r in _listed_rules(rule_paths):
        extra.add(r)
    return extra


def forget_user_rules() -> None:
    """Load the rules of ``rule-paths`` again from now on (``--watch``)."""
    _listed_rules.cache_clear()
    _extra_registry_cached.cache_clear()


def extra_registry(cfg: Config, registry: Registry) -> Registry:  # noqa: ARG001
    """The rules of ``cfg``'s ``rule-paths`` (loaded once per set of paths)."""
    if not cfg.rule_paths:
        return Registry()
    return _extra_registry_cached(cfg.rule_paths)


def show(cfg: Config, eff: Effective, fail_on: str | None = None) -> dict[str, Any]:
    """A plain view of the effective configuration for ``--show-config``
    (``fail_on``: the command line's, which wins over the config's)."""
    out = {
        # absolute, found or given with --config alike
        "config-file": str(cfg.path.absolute()) if cfg.path else None,
        # the folder the exclude globs are relative to (a base's, when inherited)
        "exclude-root": str((cfg.exclude_root or cfg.root).absolute()) if cfg.path else None,
        "fail-on": fail_on or cfg.fail_on or "error",
        "exclude": list(cfg.exclude),
        "rule-paths": [os.fspath(p) for p in cfg.rule_paths],
        "max-file-size": cfg.max_file_size,
        "schema": os.fspath(cfg.schema) if cfg.schema else None,
        "schema-mode": cfg.schema_mode,
        "cache": cfg.cache,
        "follow-external-symlinks": cfg.follow_external_symlinks,
        "rules": {r.code: {"name": r.name, "severity": sev, "options": opts}
                  for r, sev, opts in eff.rules},
    }
    if cfg.extends:  # the bases it starts from, nearest first
        out["extends"] = [str(p) for p in cfg.extends]
    return out
