"""A whole file or nothing: written to a temporary name beside it, then renamed."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable
from typing import TypeVar

_T = TypeVar("_T")

_counter = itertools.count()


def hold_signals() -> object:
    """Hold SIGINT and SIGTERM back; ``release_signals`` with what this returns lets
    them through again. A temporary file is created, and removed on failure, with the
    signals held, so that one cannot land between the creation and the ``try`` that
    removes the file (or inside the removal) and leave the file beside the page: seen
    once in CI, after SIGTERM during ``--fix``. The handler of a signal that arrived
    meanwhile (``cli.Terminated``, ``KeyboardInterrupt``) runs, and its exception is
    raised, from ``release_signals``. Where signals cannot be masked (Windows) nothing
    is held."""
    # _signal, not signal: the module builds its enums on import (about 0.5 ms)
    import _signal

    mask = getattr(_signal, "pthread_sigmask", None)
    if mask is None:
        return None
    return mask(_signal.SIG_BLOCK, (_signal.SIGINT, _signal.SIGTERM))


def release_signals(before: object) -> None:
    if before is not None:
        import _signal

        _signal.pthread_sigmask(_signal.SIG_SETMASK, before)


def create_held(make: Callable[[], _T]) -> tuple[_T, object]:
    """``make()`` (which creates a temporary file) with the signals held, and what
    ``release_signals`` takes: the caller releases them first thing inside the ``try``
    that removes the file on failure (see ``hold_signals``)."""
    before = hold_signals()
    try:
        return make(), before
    except BaseException:
        release_signals(before)
        raise


def remove_quietly(path: str) -> None:
    """Remove a temporary file, with signals held (see ``hold_signals``)."""
    before = hold_signals()
    try:
        os.unlink(path)
    except OSError:
        pass
    finally:
        release_signals(before)


def replace_with(path: str | os.PathLike[str], data: bytes | Iterable[bytes],
                 mode: int = 0o644, exact_mode: int | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then a
    rename: readers (other runs sharing the folder) see the old file or the new one,
    never a part. The temporary name is one no other process or thread uses (pid and a
    counter, created exclusively). On failure (also while ``data`` is being produced)
    it is removed and the error raised. ``data`` may be parts (a tuple, or a generator:
    a report streamed as it is formatted), written one after the other, with no joined
    copy (the compiled-pattern store is saved when memory is at its highest). ``mode``
    is for a new file, less the umask; ``exact_mode`` sets the bits as given (the mode
    of the file being replaced)."""
    path = os.fspath(path)
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".tmp-{os.getpid()}-{next(_counter)}-{name}")
    fd, before = create_held(lambda: os.open(
        tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode))
    try:
        release_signals(before)  # a signal that came meanwhile is raised here: in the try
        # os.write on the descriptor, not a buffered file object (which first asks the
        # descriptor whether it is a terminal and where it stands: two calls a file,
        # which count when a cold content cache writes thousands of entries)
        try:
            if exact_mode is not None:
                os.fchmod(fd, exact_mode)
            for part in ((data,) if isinstance(data, (bytes, bytearray)) else data):
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
