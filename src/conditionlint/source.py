"""Bytes to text, encoding facts, and the one offset -> line/column index.

Nothing else in the package converts offsets to positions: every stage works in
code-point offsets into ``Source.text`` and asks the Source for lines and columns.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass, field

from conditionlint.model import Position

# The same line breaks markdown-it recognises, so its 0-based line maps agree with ours.
_NEWLINE = re.compile(r"\r\n|\r|\n")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class DecodeError:
    """A run of bytes that is not valid UTF-8."""

    byte_offset: int
    byte_length: int
    text_offset: int  # where the replacement character(s) stand in ``Source.text``


@dataclass(frozen=True, slots=True)
class Encoding:
    name: str  # "utf-8", "utf-8-sig", "utf-16-le", ...
    bom: bool
    errors: tuple[DecodeError, ...] = ()

    @property
    def is_utf8(self) -> bool:
        return self.name in ("utf-8", "utf-8-sig")


def decode(data: bytes) -> tuple[str, Encoding]:
    """Decode bytes as UTF-8 (BOM tolerated), UTF-16/32 with a BOM, or UTF-16
    without a BOM when the bytes plainly are (see :func:`_utf16_without_bom`).

    Invalid UTF-8 is replaced with U+FFFD and every bad run is recorded, so the rest
    of the file can still be checked. The BOM (if any) is not part of the text.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            if name == "utf-8-sig":
                text, errors = _decode_utf8(data[len(bom):], len(bom))
                return text, Encoding("utf-8-sig", True, errors)
            # UTF-32-LE's BOM starts with UTF-16-LE's; the table order checks it first.
            return data[len(bom):].decode(name, errors="replace"), Encoding(name, True)
    guess = _utf16_without_bom(data)
    if guess is not None:
        return data.decode(guess), Encoding(guess, False)
    text, errors = _decode_utf8(data, 0)
    return text, Encoding("utf-8", False, errors)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when BOM-less bytes are plainly UTF-16 text, else None.

    Text in Latin script saved as UTF-16 has a NUL in every other byte (the high byte
    of each ASCII character) and almost none in the other half; a binary file's NULs
    fall on both. Without this, such a page would be called binary (NUL bytes) or
    be a wall of invalid characters. The bytes must also decode cleanly.
    """
    n = len(data)
    if n < 4 or n % 2:
        return None
    sample = data[:65536]
    half = len(sample) // 2
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.4 * half and even_nul <= 0.02 * half:
        name = "utf-16-le"
    elif even_nul >= 0.4 * half and odd_nul <= 0.02 * half:
        name = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    # A control character other than whitespace means this was not text after all.
    if any(c < " " and c not in "\t\n\r\f" for c in text[:65536]):
        return None
    return name


def _decode_utf8(data: bytes, base: int) -> tuple[str, tuple[DecodeError, ...]]:
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    errors: list[DecodeError] = []
    pos = 0
    text_len = 0
    n = len(data)
    while pos < n:
        try:
            chunk = data[pos:].decode("utf-8")
            parts.append(chunk)
            break
        except UnicodeDecodeError as exc:
            good = data[pos:pos + exc.start].decode("utf-8")
            parts.append(good)
            text_len += len(good)
            bad_len = max(1, exc.end - exc.start)
            # Merge adjacent bad runs into one error: one finding per damaged run.
            if not good and errors and \
                    errors[-1].byte_offset + errors[-1].byte_length == base + pos + exc.start:
                last = errors[-1]
                errors[-1] = DecodeError(last.byte_offset, last.byte_length + bad_len,
                                         last.text_offset)
            else:
                errors.append(DecodeError(base + pos + exc.start, bad_len, text_len))
                parts.append("\ufffd")
                text_len += 1
            pos += exc.start + bad_len
    return "".join(parts), tuple(errors)


@dataclass(frozen=True)
class Source:
    """One file's text and everything needed to locate an offset in it."""

    path: str  # as shown to users: relative, forward slashes
    text: str
    encoding: Encoding = field(default_factory=lambda: Encoding("utf-8", False))
    line_starts: tuple[int, ...] = ()

    @classmethod
    def from_text(cls, path: str, text: str, encoding: Encoding | None = None) -> Source:
        if "\r" in text:
            starts = [0]
            starts.extend(m.end() for m in _NEWLINE.finditer(text))
        else:  # "\n" only: the same starts, without a match object per line
            starts = list(accumulate(map(len, text.split("\n")[:-1]),
                                     lambda at, n: at + n + 1, initial=0))
        return cls(path, text, encoding or Encoding("utf-8", False), tuple(starts))

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> Source:
        text, enc = decode(data)
        return cls.from_text(path, text, enc)

    # -- positions -------------------------------------------------------------------
    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def position(self, offset: int) -> Position:
        offset = min(max(offset, 0), len(self.text))
        index = bisect_right(self.line_starts, offset) - 1
        return Position(index + 1, offset - self.line_starts[index] + 1)

    def offset(self, line: int, column: int = 1) -> int:
        """Offset of a 1-based line/column (clamped to the text)."""
        line = min(max(line, 1), len(self.line_starts))
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 1-based line without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    @property
    def newline(self) -> str:
        """The file's dominant line ending (for messages and generated text)."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        if crlf >= lf and crlf >= cr and crlf:
            return "\r\n"
        if cr > lf:
            return "\r"
        return "\n"
