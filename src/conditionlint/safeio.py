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


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
              (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def not_utf8(what: str, raw: bytes, exc: UnicodeDecodeError) -> tuple[str, int, int]:
    """(message, line, column) for a file of ours (a config, rule file or schema) whose
    bytes ``raw`` are not UTF-8 (``exc``, from decoding them): where the first byte that
    is not is, in lines and code-point columns as the text would have them, and what it
    may be (audit25 #4: "config file is not UTF-8 (byte 14)", no line or column). A
    UTF-16 or UTF-32 file is named as such, at its byte-order mark."""
    for bom, name in _WIDE_BOMS:
        if raw.startswith(bom):
            shown = " ".join(f"{b:02X}" for b in bom)
            return (f"{what} is not UTF-8: it starts with the {name} byte-order mark "
                    f"{shown}; save it as UTF-8", 1, 1)
    # UTF-16 without a byte-order mark that holds a character past ASCII is not UTF-8
    # either; it is named as UTF-16, not by its first odd byte (review25 #3)
    wide = wide_without_bom(what, raw)
    if wide is not None:
        return wide
    # (the bytes decoded: "utf-8-sig" gives those after a UTF-8 byte-order mark, which
    # is no character of the text, and positions in them)
    data = exc.object if isinstance(exc.object, bytes) else raw
    at = exc.start
    head = data[:at]
    line_start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    column = len(head[line_start:].decode("utf-8", "replace")) + 1
    byte = data[at]
    try:
        guess = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        guess = ""
    # (0x80-0x9F are control characters in Latin-1: only Windows-1252 prints them)
    codepages = "Windows-1252" if 0x80 <= byte <= 0x9F else "Windows-1252 or Latin-1"
    seen = f" ({guess!r} in {codepages}?)" if guess.isprintable() and guess else ""
    return (f"{what} is not UTF-8: the byte 0x{byte:02X}{seen} cannot be read; save the "
            f"file as UTF-8", line, column)


def wide_without_bom(what: str, raw: bytes) -> tuple[str, int, int] | None:
    """(message, line, column) when ``raw``, which has NUL bytes, reads as UTF-16 without
    a byte-order mark (every other byte of its start NUL: ASCII text saved as UTF-16):
    it is valid UTF-8, so YAML and TOML reported a NUL character or a bad key instead
    (audit25 #4); None otherwise."""
    head = raw[:64]
    for name, zeros in (("UTF-16-LE", head[1::2]), ("UTF-16-BE", head[0::2])):
        if len(head) >= 4 and not zeros.strip(b"\x00"):
            return (f"{what} is not UTF-8: every other byte is NUL, as in {name} without a "
                    f"byte-order mark; save it as UTF-8", 1, 1)
    return None


def decoded(raw: bytes) -> str:
    """``raw`` as ``Path.read_text(encoding="utf-8-sig")`` reads it (universal
    newlines); UnicodeDecodeError when it is not UTF-8."""
    text = raw.decode("utf-8-sig")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
