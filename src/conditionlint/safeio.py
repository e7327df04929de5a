"""Reading the files a run finds or is pointed at besides pages: config files, rule
files from ``rule-paths``, a front-matter schema, a baseline, content-cache entries.

Any of them may come from a pull request (docs/security.md), so they get what pages
get (they are read here too, through ``runner.read_bytes``): only a regular file is read (a link is followed), never a
FIFO (which would block the run for ever) or a device (``/dev/zero`` would fill the
memory), and no more than a limit. The file is opened without blocking and checked
on the open descriptor, so it cannot be swapped between the check and the read.
"""

from __future__ import annotations

import errno
import os
import stat

MiB = 1 << 20
CONFIG_LIMIT = 16 * MiB  # a config, rule or schema file
BASELINE_LIMIT = 1024 * MiB
CACHE_ENTRY_LIMIT = 256 * MiB
MAX_LINES = 100_000  # lines a page, or it is not checked (engine.too_many_lines)


class NotRegular(OSError):
    """A folder, FIFO, socket or device where a file was expected."""


class TooLarge(OSError):
    """Over the limit: ``size`` as fstat gave it, or None when the file grew past the
    limit while it was read."""

    def __init__(self, size: int | None, limit: int, path: str):
        self.size, self.limit = size, limit
        super().__init__(errno.EFBIG, f"is {size} bytes, over the limit of {limit}"
                         if size is not None else
                         f"grew over the limit of {limit} bytes while it was read", path)


# One read asks for at most this much: Linux returns no more than about 2 GiB a call,
# and a shorter read than asked is taken as the end of the file.
_READ_MAX = 1 << 30


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``; OSError (with a plain ``strerror``)
    for anything else (``NotRegular``), or for a file over ``limit`` bytes
    (``TooLarge``). Pages are read here too (``runner.read_bytes``)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise NotRegular(errno.EISDIR, "is a folder, not a file", os.fspath(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(errno.EINVAL, "is not a regular file", os.fspath(path))
        size = st.st_size
        if size > limit:
            raise TooLarge(size, limit, os.fspath(path))
        # As many bytes as fstat said and one more, to notice growth (a buffer of the
        # limit would be allocated for every small file); a file that grew is read on,
        # up to the limit. A normal file takes one read.
        chunks: list[bytes] = []
        total = 0
        while True:
            want = min(max(size + 1 - total, 1 << 16), limit + 1 - total, _READ_MAX)
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLarge(None, limit, os.fspath(path))
            if len(chunk) < want and total >= size:
                break
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def decoded(raw: bytes) -> str:
    """``raw`` as ``Path.read_text(encoding="utf-8-sig")`` reads it (universal
    newlines); UnicodeDecodeError when it is not UTF-8."""
    text = raw.decode("utf-8-sig")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
