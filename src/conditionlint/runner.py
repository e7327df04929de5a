"""Paths in, findings out: discovery, safe reading, per-file config, fixing.

Each file is checked by :func:`check_one`, a function of the file's bytes and its
effective configuration, so it can run in worker processes and be cached.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import operator
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conditionlint import engine
from conditionlint.config import CliSelection, Config, ConfigError, ConfigFinder, effective
from conditionlint.context import RunContext, reset, set_current
from conditionlint.model import Finding
from conditionlint.registry import Registry
from conditionlint.safeio import NotRegular, TooLarge, read_regular
from conditionlint.source import Source

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv",
             ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
             ".conditionlint_cache"}


def skipped_folder(name: str) -> bool:
    """A folder a walk never enters: one of ``SKIP_DIRS``, or a hidden one (the check's
    walk, ``--force-exclude`` on named files, and ``--watch`` ask this)."""
    return name in SKIP_DIRS or name.startswith(".")


@dataclass(frozen=True)
class Target:
    path: Path  # what to open
    display: str  # what users see (relative, forward slashes)
    explicit: bool  # named on the command line


class TargetList:
    """The files to check, in report order (sorted display paths), each once.

    Kept in a temporary file (see :class:`conditionlint.spool.Records`) and read back
    lazily, any number of times, so memory does not grow with the number of files.
    A file reached twice (through a symbolic link, or named twice on the command line)
    is checked once, under the first of its names in report order. Only files that
    can be reached twice are remembered for that: those reached through a link, named
    on the command line, or under two overlapping folders given on the command line.
    """

    def __init__(self) -> None:
        from conditionlint.spool import Records

        self._rows = Records()  # (path, display, explicit, real path, may repeat)
        self._twice: set[str] = set()  # real paths of files that may be reached twice
        self._n = 0

    def _add(self, path: str, display: str, explicit: bool, real: str, linked: bool) -> None:
        self._rows.append((path, display, explicit, real))
        if linked:
            self._twice.add(real)

    def _finish(self) -> None:
        # (rows short of a batch stay in memory: a few files make no temporary file)
        self._n = sum(1 for _ in self._unique()) if self._twice else len(self._rows)

    def _unique(self) -> Iterator[tuple[Any, ...]]:
        twice = self._twice
        if not twice:
            yield from self._rows
            return
        seen: set[str] = set()
        for row in self._rows:
            real = row[3]
            if real in twice:
                if real in seen:
                    continue
                seen.add(real)
            yield row

    def __iter__(self) -> Iterator[Target]:
        for path, display, explicit, _ in self._unique():
            yield Target(Path(path), display, explicit)

    def files(self) -> Iterator[tuple[str, str, bool]]:
        """(path, display, explicit) of each target, without making Path objects (a
        Path interns each part of its path: a run over many files would grow the
        table of interned strings with every file name)."""
        for path, display, explicit, _ in self._unique():
            yield path, display, explicit

    def __len__(self) -> int:
        return self._n

    def __bool__(self) -> bool:
        return self._n > 0


class FileList:
    """Every checked file and every path with a discovery problem, sorted, each once
    (what reports count and list); read lazily from the targets."""

    def __init__(self, targets: Iterable[Target], extra: Iterable[str]) -> None:
        self._targets = targets
        self._extra = sorted(set(extra))
        self._n: int | None = None

    def __iter__(self) -> Iterator[str]:
        last = None
        rows = getattr(self._targets, "files", None)  # a TargetList: no Path objects
        shown = (d for _, d, _ in rows()) if rows is not None else (
            t.display for t in self._targets)
        merged = heapq.merge(shown, self._extra)
        for p in merged:
            if p != last:
                yield p
                last = p

    def __len__(self) -> int:
        if self._n is None:
            if self._extra:
                self._n = sum(1 for _ in self)
            else:
                self._n = len(self._targets)  # type: ignore[arg-type]
        return self._n

    def __bool__(self) -> bool:
        return len(self) > 0


@dataclass
class Discovery:
    targets: TargetList = field(default_factory=TargetList)
    missing: list[str] = field(default_factory=list)  # paths that do not exist (exit 2)
    problems: list[Finding] = field(default_factory=list)  # CL903 for links, folders
    # broken configs met on the way (exit 2): the pages under them are not checked, the
    # others are (audit22 #9: one bad config in a subfolder stopped the whole run)
    config_errors: list[ConfigError] = field(default_factory=list)

    def files(self) -> FileList:
        """The checked files and the paths of discovery problems, sorted, each once."""
        return FileList(self.targets, (f.path for f in self.problems))


def display_path(path: Path, cwd: Path | None = None) -> str:
    cwd = cwd or Path.cwd()
    try:
        rel = path.absolute().relative_to(cwd.absolute())
        return rel.as_posix()
    except ValueError:
        return path.as_posix()


# A file found by the walk: (display, path, explicit, real path, linked)
_Found = tuple[str, str, bool, str, bool]


def discover(paths: list[str], finder: ConfigFinder, force_exclude: bool = False,
             follow_external: bool | None = None) -> Discovery:
    """The files under ``paths``, in sorted display order.

    Each folder is walked depth first with its entries sorted so that the walk comes
    out in the order of the display paths (a folder ``a`` sorts as ``a/``), and the
    walks of several folders are merged; nothing but the folders being walked and the
    files that may be reached twice stays in memory. The list is written out before
    this returns (a file deleted afterwards is reported as such when it is read).
    """
    out = Discovery()
    walks: list[Iterator[_Found]] = []
    named: list[_Found] = []
    roots: list[tuple[Path, str]] = []
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(p):
            out.missing.append(raw)
            continue
        try:
            cfg = finder.for_path(p)
        except ConfigError as exc:
            _config_error(out.config_errors, exc)
            continue
        if p.is_dir():
            if force_exclude and (cfg.is_excluded(p) or in_skipped_folder(p, folder=True)):
                continue
            roots.append((p, os.path.realpath(p)))
        else:
            if force_exclude and (cfg.is_excluded(p) or in_skipped_folder(p)):
                continue
            named.append((display_path(p), str(p), True, os.path.realpath(p), True))
    reals = [real for _, real in roots]
    for i, (p, real) in enumerate(roots):
        # two folders given that overlap reach the same files twice
        overlap = any(j != i and (other == real or other.startswith(real + os.sep)
                                  or real.startswith(other + os.sep) or other == os.sep
                                  or real == os.sep)
                      for j, other in enumerate(reals))
        walks.append(_walk(p, real, finder, out.problems, follow_external, overlap,
                           out.config_errors))
    named.sort(key=operator.itemgetter(0))
    walks.append(iter(named))
    for display, path, explicit, real, linked in heapq.merge(
            *walks, key=operator.itemgetter(0)):
        out.targets._add(path, display, explicit, real, linked)
    out.targets._finish()
    return out


def in_skipped_folder(p: Path, folder: bool = False) -> bool:
    """Whether a named file lies in a folder a walk never enters (``SKIP_DIRS``, or a
    hidden one), or, with ``folder``, whether a named folder is or lies in one: with
    --force-exclude, pre-commit's ``node_modules/x/README.md`` (and ``node_modules``
    itself) is passed over as the walk passes it over."""
    keep = None if folder else -1
    # Only the folders below the working folder count, as a walk from it passes them
    # (a page of a project kept in a hidden folder is checked however it is named:
    # "content/x.md", "../.proj/content/x.md" from inside .proj, or its absolute path);
    # a path outside it, below the folder the two share. Lexically, as it is spelled.
    cwd = Path.cwd()
    full = Path(os.path.normpath(cwd / p))
    try:
        parts = full.relative_to(cwd).parts
    except ValueError:
        parts = full.relative_to(os.path.commonpath([full, cwd])).parts
    return any(skipped_folder(part) for part in parts[:keep])


def _config_error(errors: list[ConfigError], exc: ConfigError) -> None:
    if all(str(e) != str(exc) for e in errors):  # (each broken file once)
        errors.append(exc)


def _walk(top: Path, root_real: str, finder: ConfigFinder, problems: list[Finding],
          follow_external: bool | None, overlap: bool,
          config_errors: list[ConfigError]) -> Iterator[_Found]:
    """The files under ``top`` in the order of their display paths."""
    # the folders walked: real path -> the path it was walked by (loops, second ways)
    visited_dirs: dict[str, Path] = {}
    # the sorted entries of each folder being walked, (key, folder, linked, file); a
    # folder's entries (and its config) are dropped when the walk leaves it
    stack: list[Iterator[_Entry]] = [iter((("", top, overlap, None),))]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        _, folder, linked, found = item
        if found is not None:
            yield found
            continue
        assert folder is not None
        entries = _folder(folder, root_real, finder, problems, follow_external, linked,
                          visited_dirs, config_errors)
        if entries:
            stack.append(iter(entries))


# An entry of a folder: (sort key, subfolder, reached through a link, file found)
_Entry = tuple[str, "Path | None", bool, "_Found | None"]


def _folder(folder: Path, root_real: str, finder: ConfigFinder, problems: list[Finding],
            follow_external: bool | None, linked: bool,
            visited_dirs: dict[str, Path],
            config_errors: list[ConfigError]) -> list[_Entry] | None:
    """The entries of one folder to walk, sorted so that the walk comes out in display
    order: a subfolder ``a`` sorts as ``a/`` (``a-b.md`` < ``a/x.md``, as strings)."""
    real = os.path.realpath(folder)
    if real in visited_dirs:
        # a link to a folder above it (a loop), or a second way to a folder walked
        # already (two links to it, or a link and the folder itself)
        above = os.path.realpath(folder.parent)
        if above == real or above.startswith(real.rstrip(os.sep) + os.sep):
            why = "symbolic link loop: this folder was already visited; not followed again"
        else:
            why = ("this folder was already checked as "
                   f"{display_path(visited_dirs[real])} (a symbolic link leads to it); "
                   "not checked again")
        problems.append(engine.unreadable(display_path(folder), why, "warning"))
        return None
    visited_dirs[real] = folder
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as exc:
        problems.append(engine.unreadable(
            display_path(folder), f"cannot read folder: {exc.strerror or exc}"))
        return None
    out: list[_Entry] = []
    try:
        here = finder.for_folder(folder)  # the config of this folder's files
    except ConfigError as exc:  # none of its pages is checked; the other folders are
        _config_error(config_errors, exc)
        return None
    shown = display_path(folder)
    prefix = "" if shown == "." else shown if shown.endswith("/") else shown + "/"
    in_dot = os.fspath(folder) == "."
    for e in entries:
        # Files get no Path object (see TargetList.files); their display path is
        # their folder's and their name, as display_path would give it.
        path = None
        try:
            if e.is_dir(follow_symlinks=False):
                path = Path(e.path)
                cfg = finder.for_folder(path)
            elif e.is_symlink():
                path = Path(e.path)
                cfg = finder.for_path(path)  # a link to a folder: that folder's
            else:
                cfg = here
        except OSError as exc:
            _lost_entry(e, exc, problems)
            continue
        except ConfigError as exc:  # a subfolder's own config is broken: not entered
            _config_error(config_errors, exc)
            continue
        if cfg.exclude_patterns and cfg.is_excluded(path or Path(e.path)):
            continue
        try:
            is_link = e.is_symlink()
            is_dir = e.is_dir()
            is_file = e.is_file()
        except OSError as exc:
            # a link loop (ELOOP) to a page: reported as when it is named on the command
            # line (audit22 #4: it was dropped, and the run said "0 files checked")
            _lost_entry(e, exc, problems)
            continue
        if is_link:
            path = path or Path(e.path)
            target = os.path.realpath(path)
            allow = cfg.follow_external_symlinks if follow_external is None \
                else follow_external
            if not os.path.exists(target):
                if e.name.endswith(MARKDOWN_SUFFIXES):
                    problems.append(engine.unreadable(
                        display_path(path), "broken symbolic link", "warning"))
                continue
            inside = target == root_real or target.startswith(root_real + os.sep)
            if not inside and not allow:
                if is_dir or e.name.endswith(MARKDOWN_SUFFIXES):
                    problems.append(engine.unreadable(
                        display_path(path), "symbolic link leads outside the checked "
                        "folder; not followed (set follow-external-symlinks to allow)",
                        "warning"))
                continue
        if is_dir:
            if skipped_folder(e.name):
                continue
            out.append((e.name + "/", path or Path(e.path), linked or is_link, None))
        elif e.name.lower().endswith(MARKDOWN_SUFFIXES):
            # a file, or a FIFO, socket or device named like one: reading reports the
            # latter ("is not a regular file"), as when it is named on the command line.
            # The real path of a file that is not a link: its folder's and its name.
            file_real = os.path.realpath(e.path) if is_link else os.path.join(real, e.name)
            out.append((e.name, None, False,
                        (prefix + e.name, e.name if in_dot else e.path, False, file_real,
                         linked or is_link)))
    out.sort(key=operator.itemgetter(0))
    return out


def _lost_entry(e: os.DirEntry[str], exc: OSError, problems: list[Finding]) -> None:
    """A folder entry that cannot be looked at (a loop of symbolic links, a race): a
    page (``*.md``) is reported CL903, as ``check PAGE`` reports it; anything else is
    left out, as before."""
    if e.name.lower().endswith(MARKDOWN_SUFFIXES):
        problems.append(engine.unreadable(
            display_path(Path(e.path)), f"cannot read file: {exc.strerror or exc}"))


# -- reading ------------------------------------------------------------------------------
class Unreadable(Exception):
    pass


_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04",
                 b"\x7fELF", b"\x1f\x8b")


def read_bytes(path: str | Path, max_size: int) -> bytes:
    """A page's bytes (``safeio.read_regular``: opened without blocking, checked on the
    open descriptor, so a FIFO swapped in after the walk cannot hang the run), or
    ``Unreadable`` with the message its finding shows."""
    try:
        return read_regular(path, max_size)
    except TooLarge as exc:
        if exc.size is None:
            raise Unreadable(f"file grew past the limit of {max_size} bytes while being "
                             f"read") from None
        raise Unreadable(f"file is {exc.size} bytes, larger than the limit of {max_size} "
                         f"bytes (max-file-size); not checked") from None
    except NotRegular as exc:
        raise Unreadable(exc.strerror) from None
    except FileNotFoundError:
        raise Unreadable("file disappeared before it could be read") from None
    except OSError as exc:
        if os.path.isdir(path):  # (Windows refuses to open a folder)
            raise Unreadable("is a folder, not a file") from None
        raise Unreadable(f"cannot read file: {exc.strerror or exc}") from None


def binary_reason(data: bytes, src: Source) -> str | None:
    if data.startswith(_BINARY_MAGIC):
        return "binary file (its first bytes are those of an image, archive or program)"
    if not src.encoding.name.startswith(("utf-16", "utf-32")) and _binary_nuls(data[:65536]):
        return "binary file (it contains NUL bytes)"
    return None


def _binary_nuls(head: bytes) -> bool:
    """Whether the NUL bytes of a file's first 64 KiB make it binary: two side by side,
    or more than one in 1,000 bytes. A stray NUL in a text page (audit22 #10: "Sc\\x00ans"
    made the whole page "binary; not checked") leaves it text: CL304 reports the NUL
    and --fix removes it; programs, images and databases hold runs of NULs."""
    n = head.count(b"\x00")
    return n > 0 and (b"\x00\x00" in head or n > max(1, len(head) // 1000))


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
    read_digest: bytes | None = None  # digest of the bytes the fix was computed from
    unfixed: list[Finding] | None = None  # the findings of the page as read (--fix)


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

        outcome = fixer.fix_source(src, lint, data)
        # --diff reports what the page has now; --fix reports what is left.
        findings = list(outcome.initial if settings.diff else outcome.findings)
        changed = outcome.text != src.text or outcome.encoding != src.encoding
        # For --diff, a UTF-8 BOM is shown as part of the first line, so removing it
        # (CL305) appears in the diff instead of an empty one.
        def shown(text: str, enc: Any) -> str:
            return ("\ufeff" + text) if enc.bom and enc.name == "utf-8-sig" else text

        fixed_bytes = None
        if changed:
            fixed_bytes = outcome.data if outcome.data is not None \
                else fixer.encode(outcome.text, outcome.encoding)
        if settings.diff and src.encoding.is_utf8 and src.encoding.errors:
            # Bytes that are not UTF-8 (CL302) read as U+FFFD in the text, and a diff of
            # the text gave that character where the page has its bytes: patch could
            # not apply it. The diff is of the bytes instead (each such byte carried as
            # a lone surrogate, written back as the byte: app._write_diffs).
            original = data.decode("utf-8", "surrogateescape")
            fixed = (fixed_bytes if fixed_bytes is not None else data).decode(
                "utf-8", "surrogateescape")
        else:
            original = shown(src.text, src.encoding)
            fixed = shown(outcome.text, outcome.encoding)
        result = Checked(display, findings, original=original, fixed_text=fixed,
                         fixes_applied=outcome.applied)
        if changed:
            result.fixed_bytes = fixed_bytes
            result.read_digest = fixer.digest(data)
            result.unfixed = list(outcome.initial)  # reported if the write fails
        if outcome.refused:
            result.fix_error = outcome.refused
        if not outcome.converged:
            result.fix_error = (f"fixes did not settle after {fixer.MAX_PASSES} passes; "
                                f"the rest was left as it is")
        return result
    finally:
        reset(token)
