"""The content cache: one file's findings, keyed on everything that can change them.

A key is the SHA-256 of the file's bytes, its path as shown, the effective decision
for it (rules, severities, options: ``Effective.key``), its config file's settings,
the date the date rules compare against, the tool (version and the digest of its own
code and shipped rule and schema files), installed plugins (versions and code) and
users' rule files. Never modification times: CI checkouts reset them, and a file that
did not change gives the same findings whatever its mtime.

Entries are small JSON files under ``<cache dir>/v1/<shard>/<key>.json`` (the shard is
the key's first hex digit and an "x": 16 folders), written to a temporary name and
renamed into place, so two runs sharing a cache never see half an
entry; a run that finds an unreadable or malformed entry treats it as a miss and writes
it again. A hit refreshes the entry's modification time, and once a day a run removes
the entries (and stray temporary files) untouched for a week (:meth:`Store.prune`):
keys hold the date the date rules compare against, so without that the folder would
grow by a whole corpus a day. JSON rather than pickle: a cache folder may be shared (CI caches) and loading
it must not run code.

An entry's file name is not its key but a MAC of it (keyed BLAKE2b) under a secret
kept outside the checked repository (:func:`secret`): a key is computed from public
things (the page, the config, the tool), so a pull request could otherwise commit a
``.conditionlint_cache/`` whose entries give its pages no findings. Entries whose
names this secret did not make are never found (and are pruned a week later). To
share a cache between machines (a CI cache restored on a fresh runner), give each the
same secret in ``CONDITIONLINT_CACHE_SECRET``.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conditionlint.atomicfile import replace_with as _write_atomic

# hashlib is imported where a key is made, not here: this module is imported by every
# run (its encode() is how results travel), and importing hashlib loads OpenSSL and
# looks up each of its algorithms, about 6 % of a one-page run with --no-cache
from conditionlint.model import Edit, Finding, Fix
from conditionlint.safeio import CACHE_ENTRY_LIMIT, CONFIG_LIMIT, MAX_LINES, read_regular

DEFAULT_DIR = ".conditionlint_cache"
FORMAT = 1  # bump when the entry layout changes
# Keys hold the date the date rules compare against, so most entries are dead the next
# day: entries not written or hit for this long are removed, at most once per PRUNE_EVERY.
PRUNE_AFTER = 7 * 24 * 3600  # seconds
PRUNE_EVERY = 24 * 3600  # seconds
_PKG = Path(__file__).resolve().parent


# -- findings <-> plain data (also what workers send back to the parent) ---------------
# A file's findings as {"lines": [...], "rows": [...]}: each distinct source line (the
# snippet) is kept once and rows point at it, so 10,000 findings on one 1 MB line cost
# 1 MB, not 10 GB, in memory, in the cache and between processes.
def encode(findings: list[Finding]) -> dict[str, Any]:
    lines: list[str] = []
    index: dict[str, int] = {}
    rows = []
    for f in findings:
        li = index.get(f.snippet)
        if li is None:
            li = index[f.snippet] = len(lines)
            lines.append(f.snippet)
        fix = None
        if f.fix is not None:
            fix = [f.fix.description, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
        rows.append([f.code, f.name, f.severity, f.message, f.line, f.column, f.end_line,
                     f.end_column, f.start, f.end, fix, li,
                     [list(p) for p in f.edit_positions]])
    return {"lines": lines, "rows": rows}


_SEVERITIES = frozenset(("error", "warning", "info"))
_LAST_LINE = MAX_LINES + 1  # (a finding may end on the empty line after the last newline)


def decode(path: str, payload: dict[str, Any],
           shared: dict[str, str] | None = None) -> list[Finding]:
    """Findings back; raises on malformed data (the caller treats that as a miss).

    ``shared`` (kept by the caller across files) makes equal snippets and messages one
    string: pages repeat boilerplate lines (disclaimers, urgent-care advice) and rules
    repeat messages, and a run keeps every finding until the report is written."""
    lines = payload["lines"]
    for x in lines:
        if type(x) is not str:
            raise ValueError("bad snippet table")
    if shared is not None:
        lines = [shared.setdefault(x, x) for x in lines]
    out = []
    # type checks, not conversions: a warm run decodes every finding of every page
    # (about a third less time than int()/str() on each field)
    for row in payload["rows"]:
        (code, name, severity, message, line, column, end_line, end_column, start, end, fix,
         li, positions) = row
        if not (type(code) is str and type(name) is str and type(severity) is str
                and type(message) is str and type(line) is int and type(column) is int
                and type(end_line) is int and type(end_column) is int
                and type(start) is int and type(end) is int):
            raise ValueError("bad row")
        # values too, not only types (audit22 #6: a severity "bogus" crashed the report
        # with a KeyError, a line -5 or 10**30 was printed): a page has at most
        # MAX_LINES lines (a longer one is a CL903 at 1:1), offsets are not negative
        if severity not in _SEVERITIES or not (
                1 <= line <= end_line <= _LAST_LINE and column >= 1 and end_column >= 1
                and 0 <= start <= end) or type(li) is not int or not 0 <= li < len(lines):
            raise ValueError("bad row")
        fx = None
        if fix is not None:
            fx = Fix(str(fix[0]), tuple(Edit(int(a), int(b), str(r)) for a, b, r in fix[1]))
            if not all(0 <= e.start <= e.end for e in fx.edits):
                raise ValueError("bad fix")
        if shared is not None:
            message = shared.setdefault(message, message)
        at: tuple[tuple[int, int, int, int], ...] = ()
        if type(positions) is not list:
            raise ValueError("bad edit positions")
        if positions:
            at = tuple(tuple(p) for p in positions)
            for p in at:
                if len(p) != 4 or type(p[0]) is not int or type(p[1]) is not int or \
                        type(p[2]) is not int or type(p[3]) is not int:
                    raise ValueError("bad edit position")
                if not (1 <= p[0] <= p[2] <= _LAST_LINE and p[1] >= 1 and p[3] >= 1):
                    raise ValueError("bad edit position")
        out.append(Finding(path, code, name, severity, message, line, column, end_line,
                           end_column, start, end, fx, lines[li], at))
    return out


# -- what the key is made of ---------------------------------------------------------------
def _digest_files(paths: list[Path], base: Path | None = None) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in paths:
        try:
            data = read_regular(p, CONFIG_LIMIT)
        except OSError:
            data = b"<unreadable>"
        name = p.relative_to(base).as_posix() if base else p.as_posix()
        h.update(name.encode("utf-8", "surrogatepass") + b"\0")
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


def _tree_files(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted({p for pat in patterns for p in folder.rglob(pat) if p.is_file()})


def tool_fingerprint() -> str:
    """The version plus the digest of the package's own code and data: an editable
    install whose code changed must not reuse old findings (about 2 ms)."""
    from conditionlint import __version__
    from conditionlint.resources import data_dir

    parts = [__version__, f"py{sys.version_info[0]}.{sys.version_info[1]}",
             _digest_files(_tree_files(_PKG, ("*.py",)), _PKG)]
    for kind in ("rules", "schemas"):
        try:
            folder = data_dir(kind)
        except FileNotFoundError:
            continue
        parts.append(_digest_files(_tree_files(folder, ("*.yaml", "*.yml", "*.json")),
                                   folder))
    return "|".join(parts)


def plugins_fingerprint(registry: Any) -> str:
    """Installed plugins that gave rules: distribution versions and their code."""
    import inspect
    from importlib.metadata import PackageNotFoundError, version

    dists: set[str] = set()
    files: set[Path] = set()
    for r in registry.sorted():
        if not r.origin.startswith("plugin:"):
            continue
        dists.add(r.origin[len("plugin:"):])
        try:
            src = inspect.getsourcefile(r.check)
        except TypeError:
            src = None
        if src:
            files.add(Path(src))
    parts = []
    for d in sorted(dists):
        try:
            parts.append(f"{d}=={version(d)}")
        except (PackageNotFoundError, ValueError):
            parts.append(f"{d}==?")
    parts.append(_digest_files(sorted(files)))
    return "|".join(parts)


def config_fingerprint(cfg: Any) -> str:
    """A config's own settings and the files it points at (rule paths, schema)."""
    import hashlib
    import json

    from conditionlint.yamlrules import folder_rule_files

    h = hashlib.sha256()
    h.update(str(cfg.path).encode("utf-8", "surrogatepass") + b"\0")
    h.update(json.dumps(cfg.raw, sort_keys=True, default=str).encode() + b"\0")
    rule_files: list[Path] = []
    for rp in cfg.rule_paths:
        rule_files.extend(folder_rule_files(rp) if rp.is_dir() else [rp])
    h.update(_digest_files(rule_files).encode() + b"\0")
    if cfg.schema is not None:
        h.update(_digest_files([cfg.schema]).encode())
    return h.hexdigest()


# -- the cache -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Keyer:
    """Builds keys; plain strings only, so it is cheap to send to worker processes."""

    static: str  # tool, plugins, today

    def prefix(self, config_part: str, effective_key: str, display: str) -> str:
        import hashlib

        h = hashlib.sha256()
        for part in (self.static, config_part, effective_key, display):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return h.hexdigest()

    @staticmethod
    def key(prefix: str, data: bytes) -> str:
        import hashlib

        h = hashlib.sha256(prefix.encode())
        h.update(hashlib.sha256(data).digest())
        return h.hexdigest()


def make_keyer(registry: Any, today: _dt.date) -> Keyer:
    static = "|".join((f"format{FORMAT}", tool_fingerprint(), plugins_fingerprint(registry),
                       today.isoformat()))
    return Keyer(static)


SECRET_ENV = "CONDITIONLINT_CACHE_SECRET"
_SECRET: list[bytes] = []


def secret() -> bytes:
    """The key of entry names: from ``CONDITIONLINT_CACHE_SECRET`` when set; else 32
    random bytes kept in the user's cache folder (``content-cache.key``, made once,
    readable by its owner only); else, when that folder cannot be used, a secret of
    this process alone (the cache then holds nothing across runs)."""
    if _SECRET:
        return _SECRET[0]
    import hashlib

    env = os.environ.get(SECRET_ENV)
    if env:
        value = hashlib.sha256(env.encode("utf-8", "surrogateescape")).digest()
    else:
        value = _key_file() or os.urandom(32)
    _SECRET.append(value)
    return value


def _key_file() -> bytes | None:
    from conditionlint.recache import user_folder

    where = user_folder()
    if where is None:
        return None
    path = os.path.join(where, "content-cache.key")
    try:
        data = read_regular(path, 64)
    except FileNotFoundError:
        data = None
    except OSError:
        return None
    if data is None:
        try:  # publish whole or not at all: two first runs agree on one key
            os.makedirs(where, mode=0o700, exist_ok=True)
            tmp = f"{path}.{os.getpid()}.{os.urandom(4).hex()}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, os.urandom(32))
            finally:
                os.close(fd)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
            finally:
                os.unlink(tmp)
            data = read_regular(path, 64)
        except OSError:
            return None
    return data if len(data) == 32 else None


def entry_name(key: str) -> str:
    """The file name (without ``.json``) of ``key``'s entry: see the module's text."""
    import hashlib

    return hashlib.blake2b(key.encode(), key=secret(), digest_size=32).hexdigest()


def _shard(key: str) -> str:
    """The folder of a key's entry: its first hex digit and an "x" (16 folders). A cold
    run used to create 256 (the first two digits): on ext4 a folder costs more to create
    than an entry, and a 1,000-page run wrote 1,000 entries into 256 new folders. Two
    characters, so that stores of the old layout (whose entries no key made now can
    find: the tool's digest changed with this code anyway) are pruned all the same."""
    return key[0] + "x"


def _write_entry(folder: str, name: str, data: bytes) -> None:
    """``data`` to ``folder/name`` as :func:`conditionlint.atomicfile.replace_with`
    writes it (readers see the old entry or the new one, never a part). Raises OSError,
    FileNotFoundError when the folder is missing; the temporary file is removed."""
    _write_atomic(f"{folder}{os.sep}{name}", data)


class Store:
    """Entries on disk. Every failure is a miss (reading) or ignored (writing)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.base = folder / f"v{FORMAT}"
        self._base = os.fspath(self.base)

    def prepare(self) -> str | None:
        """Create the folder (tagged so backups and git skip it); a reason on failure."""
        try:
            self.base.mkdir(parents=True, exist_ok=True)
            tag = self.folder / "CACHEDIR.TAG"
            if not tag.exists():
                _write_atomic(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n"
                                   b"# conditionlint's content cache; safe to delete.\n")
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                _write_atomic(ignore, b"# created by conditionlint\n*\n")
        except OSError as exc:
            return f"cannot use the cache folder {self.folder}: {exc.strerror or exc}"
        return None

    def _path(self, key: str) -> Path:
        return Path(self._file(key))

    def _file(self, key: str) -> str:
        # a string, not a Path: built for every file of a run, twice on a miss
        name = entry_name(key)
        return f"{self._base}{os.sep}{_shard(name)}{os.sep}{name}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored payload (see :func:`encode`), or None: missing, unreadable, or
        malformed in any way."""
        payload = self._read(key)
        try:
            if payload is not None:
                decode("", payload)  # a malformed row makes the whole entry a miss
            return payload
        except Exception:  # noqa: BLE001
            return None

    def findings(self, key: str, path: str,
                 shared: dict[str, str] | None = None) -> list[Finding] | None:
        """The stored findings for ``path``, or None (as :meth:`get`), decoded once."""
        payload = self._read(key)
        try:
            return decode(path, payload, shared) if payload is not None else None
        except Exception:  # noqa: BLE001
            return None

    def _read(self, key: str) -> dict[str, Any] | None:
        path = self._file(key)
        import json  # (imported where used: a --no-cache run needs none; nineteenth session)

        try:
            entry = json.loads(read_regular(path, CACHE_ENTRY_LIMIT))
            if entry.get("key") != key:
                return None
            payload = {"lines": entry["lines"], "rows": entry["rows"]}
        except Exception:  # noqa: BLE001
            return None
        try:
            os.utime(path)  # in use: not pruned (see prune)
        except OSError:
            pass  # a read-only cache still serves hits
        return payload

    def prune(self, now: float | None = None) -> int:
        """Remove entries and stray temporary files not written or hit for
        ``PRUNE_AFTER``, when the last pruning (a stamp file's time) is at least
        ``PRUNE_EVERY`` old; the number removed. Never fails: a run sharing the folder
        that reads an entry being removed gets a miss, and one being written is new."""
        import time

        now = time.time() if now is None else now
        stamp = self.base / ".pruned"
        try:
            if now - stamp.stat().st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass  # never pruned
        try:
            _write_atomic(stamp, b"")
            os.utime(stamp, (now, now))
            shards = [e for e in os.scandir(self.base)
                      if len(e.name) == 2 and e.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        cutoff = now - PRUNE_AFTER
        removed = 0
        for shard in shards:
            try:
                entries = list(os.scandir(shard.path))
            except OSError:
                continue
            for e in entries:
                try:
                    if e.is_file(follow_symlinks=False) and \
                            e.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(e.path)
                        removed += 1
                except OSError:
                    pass
        return removed

    def put(self, key: str, payload: dict[str, Any]) -> None:
        import json

        # ASCII JSON: any text (even a lone surrogate) survives the round trip.
        data = json.dumps({"key": key, **payload}, separators=(",", ":")).encode()
        name = entry_name(key)
        folder = f"{self._base}{os.sep}{_shard(name)}"
        name = f"{name}.json"
        try:
            try:
                _write_entry(folder, name, data)
            except FileNotFoundError:  # the shard's first entry (or the folder went)
                os.makedirs(folder, exist_ok=True)
                _write_entry(folder, name, data)
        except OSError:
            pass  # a read-only or full disk costs speed, never results


def folder_for(cache_dir: str | None) -> Path:
    return Path(cache_dir) if cache_dir else Path(DEFAULT_DIR)
