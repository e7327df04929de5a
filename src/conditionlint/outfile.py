"""Writing a report or a baseline to a path the user named (``-o``,
``--write-baseline``).

A regular file (or a new one) is replaced atomically: the text goes to a temporary
file beside it, which is renamed over it only once complete, so a run that fails half
way leaves the previous file as it was. A symbolic link is written through (its target
is replaced; the link stays a link). Anything else (a device such as ``/dev/stdout``,
a FIFO, ``/dev/fd/N`` from a shell's process substitution) is opened and written in
place, never replaced by a plain file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from conditionlint.atomicfile import replace_with


def write_text(path: str | os.PathLike[str], pieces: Iterable[str]) -> None:
    """Write ``pieces`` (UTF-8) to ``path``; raises OSError, or whatever producing the
    pieces raises (the temporary file is removed either way)."""
    real = os.path.realpath(path)
    try:
        st: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(path, "w", encoding="utf-8") as out:
            for piece in pieces:
                out.write(piece)
        return
    # a new file gets 0o666 less the umask, as open() would make it; an existing one
    # keeps its permission bits
    replace_with(real, (piece.encode("utf-8") for piece in pieces), mode=0o666,
                 exact_mode=stat.S_IMODE(st.st_mode) if st is not None else None)
