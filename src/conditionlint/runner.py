"""Paths in, findings out: discovery, safe reading, per-file config, fixing.

Each file is checked by :func:`check_one`, a function of the file's bytes and its
effective configuration, so it can run in worker processes and be cached.
"""

from __future__ import annotations

import datetime as _dt
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conditionlint import engine
from conditionlint.config import CliSelection, Config, ConfigFinder, effective
from conditionlint.context import RunContext, reset, set_current
from conditionlint.model import Finding
from conditionlint.registry import Registry
from conditionlint.source import Source

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv",
             ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
             ".conditionlint_cache"}


@dataclass(frozen=True)
class Target:
    path: Path  # what to open
    display: str  # what users see (relative, forward slashes)
    explicit: bool  # named on the command line


@dataclass
class Discovery:
    targets: list[Target] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # paths that do not exist (exit 2)
    problems: list[Finding] = field(default_factory=list)  # CL903 for links, folders


def display_path(path: Path, cwd: Path | None = None) -> str:
    cwd = cwd or Path.cwd()
    try:
        rel = path.absolute().relative_to(cwd.absolute())
        return rel.as_posix()
    except ValueError:
        return path.as_posix()


def discover(paths: list[str], finder: ConfigFinder, force_exclude: bool = False,
             follow_external: bool | None = None) -> Discovery:
    out = Discovery()
    seen_files: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(p):
            out.missing.append(raw)
            continue
        if p.is_dir():
            root_real = p.resolve()
            cfg = finder.for_path(p)
            if cfg.is_excluded(p) and force_exclude:
                continue
            _walk(p, root_real, finder, out, seen_files, follow_external)
        else:
            cfg = finder.for_path(p)
            if force_exclude and cfg.is_excluded(p):
                continue
            key = os.path.realpath(p)
            if key in seen_files:
                continue
            seen_files.add(key)
            out.targets.append(Target(p, display_path(p), True))
    out.targets.sort(key=lambda t: t.display)
    return out


def _walk(top: Path, root_real: Path, finder: ConfigFinder, out: Discovery,
          seen_files: set[str], follow_external: bool | None) -> None:
    visited_dirs: set[str] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in visited_dirs:
            out.problems.append(engine.unreadable(
                display_path(folder), "symbolic link loop: this folder was already "
                "visited; not followed again", "warning"))
            continue
        visited_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            out.problems.append(engine.unreadable(
                display_path(folder), f"cannot read folder: {exc.strerror or exc}"))
            continue
        subdirs = []
        here = finder.for_folder(folder)  # the config of this folder's files
        for e in entries:
            path = Path(e.path)
            try:
                if e.is_dir(follow_symlinks=False):
                    cfg = finder.for_folder(path)
                elif e.is_symlink():
                    cfg = finder.for_path(path)  # a link to a folder: that folder's
                else:
                    cfg = here
            except OSError:
                continue
            if cfg.is_excluded(path):
                continue
            try:
                is_link = e.is_symlink()
                is_dir = e.is_dir()
                is_file = e.is_file()
            except OSError:
                continue
            if is_link:
                target = os.path.realpath(path)
                allow = cfg.follow_external_symlinks if follow_external is None \
                    else follow_external
                if not os.path.exists(target):
                    if e.name.endswith(MARKDOWN_SUFFIXES):
                        out.problems.append(engine.unreadable(
                            display_path(path), "broken symbolic link", "warning"))
                    continue
                inside = target == str(root_real) or target.startswith(str(root_real) + os.sep)
                if not inside and not allow:
                    if is_dir or e.name.endswith(MARKDOWN_SUFFIXES):
                        out.problems.append(engine.unreadable(
                            display_path(path), "symbolic link leads outside the checked "
                            "folder; not followed (set follow-external-symlinks to allow)",
                            "warning"))
                    continue
            if is_dir:
                if e.name in SKIP_DIRS or (e.name.startswith(".") and e.name not in (".",)):
                    continue
                subdirs.append(path)
            elif is_file and e.name.lower().endswith(MARKDOWN_SUFFIXES):
                key = os.path.realpath(path)
                if key in seen_files:
                    continue
                seen_files.add(key)
                out.targets.append(Target(path, display_path(path), False))
        stack.extend(reversed(subdirs))


# -- reading ------------------------------------------------------------------------------
class Unreadable(Exception):
    pass


_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04",
                 b"\x7fELF", b"\x1f\x8b")


def read_bytes(path: Path, max_size: int) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise Unreadable("file disappeared before it could be read") from None
    except OSError as exc:
        raise Unreadable(f"cannot read file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise Unreadable("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable("is not a regular file")
    if st.st_size > max_size:
        raise Unreadable(f"file is {st.st_size} bytes, larger than the limit of {max_size} "
                         f"bytes (max-file-size); not checked")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_size + 1)
    except FileNotFoundError:
        raise Unreadable("file disappeared before it could be read") from None
    except OSError as exc:
        raise Unreadable(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_size:
        raise Unreadable(f"file grew past the limit of {max_size} bytes while being read")
    return data


def binary_reason(data: bytes, src: Source) -> str | None:
    if data.startswith(_BINARY_MAGIC):
        return "binary file (its first bytes are those of an image, archive or program)"
    if not src.encoding.name.startswith(("utf-16", "utf-32")) and b"\x00" in data[:65536]:
        return "binary file (it contains NUL bytes)"
    return None


# -- checking ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckSettings:
    cli: CliSelection = CliSelection()
    today: _dt.date | None = None
    fix: bool = False
    diff: bool = False


@dataclass
class Checked:
    display: str
    findings: list[Finding]
    fixed_bytes: bytes | None = None  # the new content when fixing changed it
    original: str | None = None  # text before fixing (for --diff)
    fixed_text: str | None = None
    fixes_applied: int = 0
    fix_error: str | None = None


def lint_bytes(data: bytes, display: str, cfg: Config, registry: Registry,
               settings: CheckSettings) -> Checked:
    src = Source.from_bytes(display, data)
    why = binary_reason(data, src)
    if why:
        return Checked(display, [engine.unreadable(display, f"{why}; not checked")])
    eff = effective(cfg, registry, display, settings.cli)
    token = set_current(RunContext(today=settings.today or _dt.date.today(), config=cfg))
    try:
        def lint(s: Source) -> list[Finding]:
            return engine.lint_source(s, eff.rules, registry)

        if not (settings.fix or settings.diff):
            return Checked(display, lint(src))
        from conditionlint import fixer

        outcome = fixer.fix_source(src, lint)
        # --diff reports what the page has now; --fix reports what is left.
        findings = list(outcome.initial if settings.diff else outcome.findings)
        changed = outcome.text != src.text or outcome.encoding != src.encoding
        # For --diff, a UTF-8 BOM is shown as part of the first line, so removing it
        # (CL305) appears in the diff instead of an empty one.
        def shown(text: str, enc: Any) -> str:
            return ("\ufeff" + text) if enc.bom and enc.name == "utf-8-sig" else text

        result = Checked(display, findings, original=shown(src.text, src.encoding),
                         fixed_text=shown(outcome.text, outcome.encoding),
                         fixes_applied=outcome.applied)
        if changed:
            result.fixed_bytes = fixer.encode(outcome.text, outcome.encoding)
        if not outcome.converged:
            result.fix_error = (f"fixes did not settle after {fixer.MAX_PASSES} passes; "
                                f"the rest was left as it is")
        return result
    finally:
        reset(token)


def check_target(t: Target, cfg: Config, registry: Registry,
                 settings: CheckSettings) -> Checked:
    try:
        data = read_bytes(t.path, cfg.max_file_size)
    except Unreadable as exc:
        return Checked(t.display, [engine.unreadable(t.display, str(exc))])
    return lint_bytes(data, t.display, cfg, registry, settings)
