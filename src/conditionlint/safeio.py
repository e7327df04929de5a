"""Reading the files a run finds or is pointed at besides pages: config files, rule
files from ``rule-paths``, a front-matter schema, a baseline, content-cache entries.

Any of them may come from a pull request (docs/security.md), so they get what pages
get (``runner.read_bytes``): only a regular file is read (a link is followed), never a
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


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``; OSError (with a plain ``strerror``)
    for anything else, or for a file over ``limit`` bytes."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise OSError(errno.EISDIR, "is a folder, not a file", os.fspath(path))
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "is not a regular file", os.fspath(path))
        if st.st_size > limit:
            raise OSError(errno.EFBIG, f"is {st.st_size} bytes, over the limit of {limit}",
                          os.fspath(path))
        # as many bytes as fstat said and one more (a buffer of 1 MiB for a small cache
        # entry would be allocated and shrunk for every file), then on to the limit
        chunks = [os.read(fd, st.st_size + 1)]
        left = limit + 1 - len(chunks[0])
        while left > 0 and len(chunks[0]) > st.st_size:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise OSError(errno.EFBIG, f"grew over the limit of {limit} bytes while it was "
                          f"read", os.fspath(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def decoded(raw: bytes) -> str:
    """``raw`` as ``Path.read_text(encoding="utf-8-sig")`` reads it (universal
    newlines); UnicodeDecodeError when it is not UTF-8."""
    text = raw.decode("utf-8-sig")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
