"""A persistent store of compiled regular expressions, like ``.pyc`` files for patterns.

Compiling the rules' patterns (the claim and safety lexicons, the section map, the
markdown parser's own) is most of the start-up cost of a one-page run: ``re`` parses
each pattern and generates SRE code in Python. ``re`` cannot serialise a compiled
pattern, but its compiler ends with ``_sre.compile(pattern, flags, code, groups,
groupindex, indexgroup)`` on plain data (ints, a list of ints, a dict, a tuple), and that
call is cheap. :func:`install` makes ``re``'s compiler keep those arguments, and
:func:`save` writes them to one marshal file in the user's cache folder
(``$XDG_CACHE_HOME/conditionlint`` or ``~/.cache/conditionlint``); the next run calls
``_sre.compile`` with them instead of compiling again. The pattern it makes is equal
(``==``: same pattern, flags and code) to what ``re.compile`` makes, because it is built
from the very arguments ``re.compile`` passed.

The same file keeps two other things that cost start-up time and depend only on their
source text and the interpreter: the code objects :mod:`dataclasses` compiles for each
class's generated methods (:func:`_exec_source`), and values derived from pattern text
or from the shipped rule files (:func:`derived`, keyed on everything they depend on:
the text or its digest, and :func:`code_stamp` of the code that computes them).

Safety, as for ``.pyc`` files: the file names the interpreter (``cache_tag``) and its
header must match ``sys.hexversion``, ``sys.version``, ``_sre.MAGIC``, ``_sre.CODESIZE``,
``_sre.MAXREPEAT``, ``_sre.MAXGROUPS`` and the byte order, and a CRC-32 of the payload;
otherwise the file is ignored (and rewritten at the end of the run). It is written to a
temporary file and renamed, so concurrent runs never see half a file. Any error falls
back to plain ``re`` compilation. ``CONDITIONLINT_PATTERN_CACHE=0`` (or ``off``,
``no``, ``false``) turns the store off; any other value is the folder to use.

``--no-cache`` does not turn it off: that flag is about *results* (findings keyed on
content and config); compiled patterns are derived from the interpreter and the
pattern text alone, like bytecode, and cannot change a result.

Only the command line installs the store (:mod:`conditionlint.cli`); importing
conditionlint as a library leaves ``re`` and ``dataclasses`` alone.
"""

from __future__ import annotations

import os
import sys
import time
from _thread import allocate_lock
from array import array as _array
from collections.abc import Callable
from typing import Any

_FORMAT = 2
_PREFIX = b"CLRE\x00\x01\r\n"  # format marker, then 4 bytes of CRC-32, then the payload
_MAX_ENTRIES = 2000  # beyond this, only what the latest run used is kept
# A run rewrites the store only when what it had to compute afresh took at least this
# long: a few cheap patterns built from a set (their text changes with the hash seed at
# every run) are not worth rewriting the file for.
_SAVE_AFTER = 0.005  # seconds
ENV = "CONDITIONLINT_PATTERN_CACHE"
_OFF = {"0", "off", "no", "false"}

_lock = allocate_lock()
_CODE = "I"  # array type code of SRE code words (checked against _sre.CODESIZE)
_state: _Store | None = None


def _compiler_module() -> Any:
    """The module whose ``compile`` ``re`` calls (``re._compiler``; ``sre_compile``
    on 3.10)."""
    import re

    mod = getattr(re, "_compiler", None)
    if mod is None:  # Python 3.10
        import sre_compile as mod  # noqa: PLC0415
    return mod


def _header() -> tuple[Any, ...]:
    import _sre

    return (_FORMAT, sys.hexversion, sys.version, sys.implementation.name, _sre.MAGIC,
            _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, sys.byteorder)


def folder() -> str | None:
    """The store's folder, or None when the store is turned off."""
    env = os.environ.get(ENV)
    if env is not None and env.strip().lower() in _OFF:
        return None
    if env:
        return env
    return user_folder()


def user_folder() -> str | None:
    """The user's cache folder for conditionlint (``$XDG_CACHE_HOME/conditionlint`` or
    ``~/.cache/conditionlint``), whatever ``CONDITIONLINT_PATTERN_CACHE`` says; None
    when there is no home to put it in."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):  # the XDG spec: relative paths are to be ignored
        home = os.path.expanduser("~")
        if home == "~" or not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "conditionlint")


def store_path(where: str) -> str:
    tag = sys.implementation.cache_tag or "python"
    return os.path.join(where, f"patterns-{tag}.bin")


def _load(path: str) -> dict[Any, tuple[Any, ...]] | None:
    """The entries of a valid store file, None when missing, corrupt or mismatched."""
    import marshal
    import zlib

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    n = len(_PREFIX)
    if len(data) < n + 4 or not data.startswith(_PREFIX):
        return None
    payload = memoryview(data)[n + 4:]
    if int.from_bytes(data[n:n + 4], "little") != zlib.crc32(payload) & 0xFFFFFFFF:
        return None
    try:
        header, entries = marshal.loads(payload)
    except Exception:  # noqa: BLE001 - a corrupt file is ignored, whatever it raises
        return None
    if header != _header() or not isinstance(entries, dict):
        return None
    return entries


def _dump(path: str, entries: dict[Any, Any]) -> None:
    """Write the store atomically: a temporary file in the same folder, then a rename
    (concurrent runs each write their own and the last rename wins)."""
    import marshal
    import zlib

    payload = marshal.dumps((_header(), entries))
    head = _PREFIX + (zlib.crc32(payload) & 0xFFFFFFFF).to_bytes(4, "little")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    from conditionlint.atomicfile import replace_with

    # written in two parts, not as one joined copy of the payload: the store is saved at
    # the end of a run, when memory is at its highest, and a copy of a store of 2,000
    # patterns is 3 MB more at the peak
    replace_with(path, (head, payload), 0o600)


class _Capture:
    """Stands in for ``_sre`` inside ``re``'s compiler for one call; keeps the
    arguments of ``_sre.compile``."""

    def __init__(self, real: Any) -> None:
        # the compiler reads constants and helpers from _sre as it goes: copied here,
        # so that only ``compile`` goes through Python code
        self.__dict__.update((k, v) for k, v in vars(real).items() if k != "compile")
        self._real = real
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:  # noqa: A003
        self.args = args
        return self._real.compile(*args)


class _Store:
    """The loaded store. Keys: ``(is_bytes, pattern, flags)`` for a compiled pattern
    (value: the arguments of ``_sre.compile`` after the pattern), ``(namespace, key)``
    for a value derived from pattern text (:func:`derived`)."""

    def __init__(self, path: str) -> None:
        import _sre

        self.path = path
        self.pid = os.getpid()
        loaded = _load(path)
        self.valid = loaded is not None
        self.entries: dict[Any, Any] = loaded if loaded is not None else {}
        self.used: set[Any] = set()
        self.new = 0
        self.new_cost = 0.0  # seconds spent computing what the store did not have
        self.module = _compiler_module()
        self.original = self.module.compile
        self.sre = _sre

    def _add(self, key: Any, value: Any, cost: float) -> None:
        self.entries[key] = value
        self.used.add(key)
        self.new += 1
        self.new_cost += cost

    def compile(self, p: Any, flags: int = 0) -> Any:
        """Stands in for ``re._compiler.compile``."""
        kind = type(p)
        try:
            iflags = int(flags)
        except (TypeError, ValueError):
            return self.original(p, flags)
        if (kind is not str and kind is not bytes) or iflags & _PASS_FLAGS:
            return self.original(p, flags)
        key = (kind is bytes, p, iflags)
        args = self.entries.get(key)
        if args is not None:
            try:
                flags_, code, groups, groupindex, indexgroup = args
                rx = self.sre.compile(p, flags_, _array(_CODE, code).tolist(), groups,
                                      groupindex, indexgroup)
            except Exception:  # noqa: BLE001 - not usable: compile it the usual way
                self.entries.pop(key, None)
            else:
                self.used.add(key)
                return rx
        t0 = time.perf_counter()
        rx, got = _captured(self, p, flags)
        if got is not None and len(got) == 6 and got[0] is p:
            self._add(key, _plain(got), time.perf_counter() - t0)
        return rx


def _plain(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments of ``_sre.compile`` after the pattern, as plain data; the code as
    bytes (a marshalled list of ints is several times slower to load)."""
    code = _array(_CODE, args[2]).tobytes()  # the opcodes are int subclasses: fine here
    return (int(args[1]), code, int(args[3]), dict(args[4]), tuple(args[5]))


# DEBUG prints while compiling; LOCALE patterns are left to re as well (bytes only,
# and cheap).
_PASS_FLAGS = 128 | 4  # re.DEBUG | re.LOCALE


def _captured(store: _Store, p: Any, flags: int) -> tuple[Any, tuple[Any, ...] | None]:
    """``re``'s own compile of ``p``, and the arguments it passed to ``_sre.compile``."""
    capture = _Capture(store.sre)
    with _lock:  # the stand-in is visible to every thread while it is in place
        store.module._sre = capture
        try:
            rx = store.original(p, flags)
        finally:
            store.module._sre = store.sre
    return rx, capture.args


def _exec_source(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    """``exec`` for :mod:`dataclasses`, with the code of the source text it generates
    (``__init__``, ``__eq__``, ``__repr__``... of every dataclass, about a millisecond
    of compiling per class) kept in the store. Compiled as ``exec`` compiles a string
    there: file name ``<string>``, no inherited ``__future__`` flags (dataclasses.py
    has none)."""
    store = _state
    if type(source) is not str:
        return exec(source, globals, locals)
    if store is None:
        return exec(compile(source, "<string>", "exec", 0, True), globals, locals)
    key = ("exec", source)
    hit = store.entries.get(key)
    code = None
    if hit is not None:
        import marshal

        try:
            code = marshal.loads(hit[0])
        except Exception:  # noqa: BLE001
            code = None
        if code is not None:
            store.used.add(key)
    if code is None:
        import marshal

        t0 = time.perf_counter()
        code = compile(source, "<string>", "exec", 0, True)
        store._add(key, (marshal.dumps(code),), time.perf_counter() - t0)
    return exec(code, globals, locals)


def install() -> bool:
    """Route ``re``'s compiler and the code generation of :mod:`dataclasses` through
    the store for this process. True when the store is on; safe to call more than
    once."""
    global _state
    if _state is not None:
        return True
    where = folder()
    if where is None:
        return False
    try:
        store = _Store(store_path(where))
        if not _selftest(store):
            return False
        store.module.compile = store.compile
        import dataclasses

        if "exec" not in vars(dataclasses):  # it calls the builtin: shadow it there
            dataclasses.exec = _exec_source  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - no store: plain re, as without this module
        return False
    _state = store
    return True


def _selftest(store: _Store) -> bool:
    """The compiler calls ``_sre.compile`` as expected on this interpreter, and a
    pattern made from the captured arguments equals ``re``'s."""
    probe = "(?P<a>x)|[yz]"
    rx, args = _captured(store, probe, 0)
    if args is None or len(args) != 6 or args[0] is not probe:
        return False
    if _array(_CODE).itemsize != store.sre.CODESIZE:
        return False
    flags, code, groups, groupindex, indexgroup = _plain(args)
    again = store.sre.compile(probe, flags, _array(_CODE, code).tolist(), groups, groupindex,
                              indexgroup)
    return again == rx and again.groupindex == rx.groupindex and again.groups == rx.groups


def uninstall() -> None:
    """Give ``re`` its own compiler back (tests)."""
    global _state
    if _state is not None:
        _state.module.compile = _state.original
        import dataclasses

        if vars(dataclasses).get("exec") is _exec_source:
            del dataclasses.exec  # type: ignore[attr-defined]
        _state = None


def active() -> bool:
    """Whether this process has the store (the command line installs it)."""
    return _state is not None


def derived(namespace: str, key: Any, compute: Callable[[], Any],
            version: Any = None, worth_saving: bool = False) -> Any:
    """``compute()``, kept in the store under ``(namespace, key)``: for values that
    depend only on pattern text and the interpreter (``key`` and ``version`` together
    must say everything the value depends on). ``version`` is kept with the value, not
    in the key: a value computed for another version is replaced, not kept beside it
    (for a file whose text changes, keyed on its name with its digest as the version).
    Without the store, just ``compute()``. The value must be plain data (``marshal``).
    ``worth_saving``: a new value is worth rewriting the store for, however quickly it
    was computed (when having it spares a later run more than computing it took)."""
    store = _state
    if store is None:
        return compute()
    k = (namespace, key)
    try:
        hit = store.entries.get(k)
    except TypeError:  # an unhashable key
        return compute()
    if hit is not None and (version is None or hit[1:] == (version,)):
        store.used.add(k)
        return hit[0]
    t0 = time.perf_counter()
    value = compute()
    cost = time.perf_counter() - t0
    store._add(k, (value,) if version is None else (value, version),
               max(cost, _SAVE_AFTER) if worth_saving else cost)
    return value


def save() -> None:
    """Write the store when this run computed enough it did not hold; never fails."""
    store = _state
    if store is None or os.getpid() != store.pid:
        return
    if store.valid and (store.new == 0 or store.new_cost < _SAVE_AFTER):
        return
    entries = store.entries
    if len(entries) > _MAX_ENTRIES:
        entries = {k: v for k, v in entries.items() if k in store.used}
    try:
        _dump(store.path, entries)
    except ValueError:  # something not marshallable slipped in: keep the plain data
        entries = {k: v for k, v in entries.items() if _marshallable((k, v))}
        try:
            _dump(store.path, entries)
        except Exception:  # noqa: BLE001
            return
    except Exception:  # noqa: BLE001 - a read-only home or a full disk: next time then
        return
    store.entries = entries
    store.new = 0
    store.new_cost = 0.0
    store.valid = True


def _marshallable(v: Any) -> bool:
    import marshal

    try:
        marshal.dumps(v)
    except ValueError:
        return False
    return True


def stats() -> dict[str, Any]:
    """What the store did in this process (tests)."""
    s = _state
    if s is None:
        return {"installed": False}
    return {"installed": True, "path": s.path, "entries": len(s.entries),
            "used": len(s.used), "new": s.new, "loaded": s.valid}


def digest(data: bytes) -> str:
    """A digest of ``data`` for store keys and versions: its length and CPython's keyed
    64-bit hash of it (``_imp.source_hash``, what the import system checks hash-based
    ``.pyc`` files against their source with). Not :mod:`hashlib`: importing it loads
    OpenSSL and looks up every algorithm it offers, about 6 % of the instructions of a
    one-page run, which needs no other digest. An accidental collision between two
    texts of the same length is a chance in 2**64; the store is local to the user and
    version-keyed like bytecode, not shared like the content cache (which keeps
    SHA-256)."""
    try:
        import _imp

        return "%d:%s" % (len(data), _imp.source_hash(_HASH_KEY, data).hex())
    except (ImportError, AttributeError):  # not CPython
        import hashlib

        return "%d:%s" % (len(data), hashlib.sha256(data).hexdigest())


_HASH_KEY = 0x636C7265  # any fixed key: b"clre"


def code_stamp(*functions: Callable[..., Any]) -> str:
    """A stamp of the functions' code, to put in a :func:`derived` key so that a value
    computed by older code is not used once the code changes."""
    import zlib

    def walk(obj: Any) -> str:
        if hasattr(obj, "co_code"):
            return "C(%r,%r,%s)" % (obj.co_code, obj.co_names,
                                    ",".join(walk(c) for c in obj.co_consts))
        if isinstance(obj, frozenset):
            return "F(%s)" % ",".join(sorted(walk(c) for c in obj))
        if isinstance(obj, tuple):
            return "T(%s)" % ",".join(walk(c) for c in obj)
        return repr(obj)

    text = "|".join(walk(f.__code__) for f in functions)
    return "%08x" % (zlib.crc32(text.encode("utf-8", "surrogatepass")) & 0xFFFFFFFF)
