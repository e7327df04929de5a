"""Apply fixes: non-overlapping edits, re-lint to a fixed point, atomic writes.

Bytes outside the edits are never touched: the text is re-encoded with the file's
own encoding and BOM, and line endings are whatever the text already holds (edits
carry no line breaks of their own). Bytes that are not valid UTF-8 (read as one U+FFFD
each run, CL302) are written back as they were, never as U+FFFD: no fix may cover
them, and every pass re-reads the bytes it would write. A UTF-16/32 file whose bytes
do not decode cleanly (a lone surrogate) is not fixed at all.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conditionlint.atomicfile import create_held, release_signals, remove_quietly
from conditionlint.model import Edit, Finding
from conditionlint.source import Encoding, Source

MAX_PASSES = 10
BOM_RULE = "CL305"  # its fix means "write without the byte-order mark"


@dataclass(frozen=True)
class FixOutcome:
    text: str
    encoding: Encoding
    applied: int  # number of findings whose fixes were applied
    passes: int
    converged: bool  # False when the loop limit stopped it
    findings: tuple[Finding, ...]  # what remains after fixing
    initial: tuple[Finding, ...] = ()  # what the unfixed text had
    data: bytes | None = None  # the bytes to write, when the text was fixed
    refused: str | None = None  # why nothing was fixed, when the file cannot be


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, int]:
    """Apply non-overlapping edits (later ones that overlap an earlier one are
    skipped for this pass); returns the new text and how many were applied."""
    new_text, done = _apply(text, edits)
    return new_text, len(done)


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """:func:`apply_edits`, returning the edits it applied."""
    out: list[str] = []
    done: list[Edit] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end < e.start or e.end > len(text):
            continue
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
        done.append(e)
    out.append(text[pos:])
    return "".join(out), done


def fix_source(src: Source, lint: Callable[[Source], list[Finding]],
               data: bytes | None = None) -> FixOutcome:
    """Fix ``src`` repeatedly until no fixable finding remains (or the loop limit).
    ``data``: the bytes ``src`` was read from; needed to keep bytes that did not
    decode (without it, a file with such bytes is not fixed)."""
    text, enc = src.text, src.encoding
    applied_total = 0
    findings = lint(src)
    initial = tuple(findings)
    if data is None:
        data = encode(text, enc) if not enc.errors else None
    if data is None or (not enc.is_utf8 and encode(text, enc) != data):
        if any(f.fix is not None for f in findings):
            why = "" if enc.is_utf8 else " (a lone surrogate)"
            return FixOutcome(text, enc, 0, 0, True, initial, initial,
                              refused=f"some bytes do not decode as {enc.name.upper()}{why}; "
                                      f"nothing was fixed, so that no byte is lost")
        return FixOutcome(text, enc, 0, 0, True, initial, initial)
    raw = data
    passes = 0
    converged = True
    current = src
    while True:
        fixable = [f for f in findings if f.fix is not None]
        if not fixable:
            break
        if passes >= MAX_PASSES:
            converged = False
            break
        passes += 1
        edits: list[Edit] = []
        taken = 0
        pos = -1
        # Whole findings only: all edits of a fix, or none of them.
        for f in sorted(fixable, key=lambda f: (min(e.start for e in f.fix.edits)
                                                if f.fix.edits else 0, f.code)):
            assert f.fix is not None
            if f.code == BOM_RULE:
                if enc.bom and enc.name == "utf-8-sig":
                    enc = Encoding("utf-8", False, enc.errors)
                    taken += 1
                continue
            fe = sorted(f.fix.edits, key=lambda e: e.start)
            if not fe or fe[0].start < pos or any(
                    b.start < a.end for a, b in zip(fe, fe[1:])) or any(
                    e.start <= err.text_offset < e.end for e in fe for err in enc.errors):
                continue  # (nor any edit over a byte run that did not decode)
            edits.extend(fe)
            pos = fe[-1].end
            taken += 1
        new_text, done = _apply(text, edits)
        if new_text == text and taken == 0:
            break
        if new_text == text and enc == current.encoding:
            break
        # Re-lint what will be written, read back as bytes: a U+FEFF left at the start
        # of the text becomes a byte-order mark on disk, and must be judged as one. The
        # runs that did not decode go back as their own bytes, where the edits moved them.
        kept = _moved(raw, current.encoding, done)
        new_raw = _encode_keeping(new_text, enc, kept)
        reread = Source.from_bytes(src.path, new_raw)
        if b"".join(run for _, run in kept) != b"".join(
                new_raw[e.byte_offset:e.byte_offset + e.byte_length]
                for e in reread.encoding.errors):
            # the edits made runs that did not decode touch, and together some of their
            # bytes now read as text (b"\xc2" + b"\x80" is U+0080), which a later pass
            # would edit: leave the page as the last pass had it
            break
        if not enc.bom and not enc.is_utf8 and (
                reread.encoding.name != enc.name or reread.text != new_text):
            # UTF-16/32 without a byte-order mark is a guess from the NUL bytes, and
            # the fixed text's bytes would read back as other text (b'0\xc3\x80\x00'
            # reads as UTF-16 '\uc330\x80'; with '\x80' fixed to a euro sign, its
            # UTF-16 bytes read as UTF-8 '0\xec '). Nothing is fixed: CL302 asks for
            # UTF-8 first.
            return FixOutcome(src.text, src.encoding, 0, 0, True, initial, initial)
        applied_total += taken
        text = new_text
        current = reread
        raw = new_raw
        text, enc = current.text, current.encoding
        findings = lint(current)
    return FixOutcome(text, enc, applied_total, passes, converged, tuple(findings), initial,
                      data=raw if current is not src else None)


def _moved(raw: bytes, enc: Encoding, done: list[Edit]) -> list[tuple[int, bytes]]:
    """Each byte run of ``raw`` that did not decode (``enc.errors``), with the offset of
    its U+FFFD in the text once ``done`` (which covers none of them) is applied."""
    out = []
    for err in enc.errors:
        shift = sum(len(e.replacement) - (e.end - e.start) for e in done
                    if e.end <= err.text_offset)
        out.append((err.text_offset + shift,
                    raw[err.byte_offset:err.byte_offset + err.byte_length]))
    return out


def _encode_keeping(text: str, enc: Encoding, kept: list[tuple[int, bytes]]) -> bytes:
    """``text`` encoded as ``enc``, with the U+FFFD at each offset of ``kept`` written
    as that run's original bytes."""
    if not kept:
        return encode(text, enc)
    parts = [b"\xef\xbb\xbf"] if enc.name == "utf-8-sig" else []
    pos = 0
    for at, run in kept:
        assert text[at] == "\ufffd", "a byte run that did not decode moved"
        parts.append(text[pos:at].encode("utf-8"))
        parts.append(run)
        pos = at + 1
    parts.append(text[pos:].encode("utf-8"))
    return b"".join(parts)


def encode(text: str, enc: Encoding) -> bytes:
    if enc.name == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8", errors="surrogateescape")
    if enc.name in ("utf-8",):
        return text.encode("utf-8", errors="surrogateescape")
    # UTF-16/32 files are written back as UTF-8 only when their own rule says so;
    # otherwise keep their encoding and BOM.
    data = text.encode(enc.name)
    if enc.bom:
        import codecs

        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
               "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
        data = bom.get(enc.name, b"") + data
    return data


class WriteError(Exception):
    pass


def digest(data: bytes) -> bytes:
    """A fingerprint of the bytes a fix was computed from (see ``write_atomic``)."""
    import hashlib

    return hashlib.blake2b(data, digest_size=16).digest()


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a
    rename, keeping the file's permission bits. On any failure the original is
    untouched and the temporary file is removed.

    With ``expected`` (the ``digest`` of the bytes the fix was computed from), the
    file is read again just before the rename and left alone if it no longer holds
    those bytes: an editor or another tool saved it while it was being checked, and
    writing our version would lose that edit.

    A symbolic link is written through (its target is replaced, the link stays a
    link), and the owner is kept when we are allowed to set it (running as root)."""
    # Renaming over a link would replace the link itself with a plain file.
    target = Path(os.path.realpath(path))
    try:
        st = target.stat()
    except OSError as exc:
        raise WriteError(f"cannot stat {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(f"{path} is not a regular file; not fixed")
    # Mode bits too, not only access(): root may write anything, but a file whose
    # owner marked it read-only is not ours to rewrite.
    if not os.access(target, os.W_OK) or not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP
                                                         | stat.S_IWOTH):
        raise WriteError(f"{path} is read-only; the file is unchanged")
    if st.st_nlink > 1:
        # The rename would give this name a new file and leave the other names with the
        # old text: one page split in two (and each name fixed again, counted twice).
        raise WriteError(f"{path} has {st.st_nlink} hard links; a fix would split them "
                         f"(the other names would keep the old text), so the file is "
                         f"unchanged")
    folder = target.parent
    try:  # (signals held: see atomicfile.hold_signals)
        (fd, tmp), before = create_held(lambda: tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".conditionlint-tmp", dir=folder))
    except OSError as exc:
        raise WriteError(f"cannot create a temporary file in {folder}: "
                         f"{exc.strerror or exc}") from None
    try:
        release_signals(before)  # a signal that came meanwhile is raised here: in the try
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not permitted (not root): the file becomes the fixer's own
        if expected is not None and digest(target.read_bytes()) != expected:
            raise _Changed()
        os.replace(tmp, target)
    except BaseException as exc:
        remove_quietly(tmp)
        if isinstance(exc, _Changed):
            raise WriteError(f"{path} changed on disk while it was being checked; not "
                             f"fixed, so that change is kept (run the fix again)") from None
        if isinstance(exc, OSError):
            raise WriteError(f"cannot write {path}: {exc.strerror or exc}; "
                             f"the file is unchanged") from None
        raise


class _Changed(Exception):
    """The file no longer holds the bytes the fix was computed from."""


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _lines(text: str) -> list[str]:
    """``text`` as patch and git read it: lines end at "\n" only (a "\r" before it
    stays in the line). ``str.splitlines`` also ends lines at \v, \f, \x1c-\x1e,
    U+0085, U+2028 and U+2029, which made hunks that no tool would apply."""
    parts = text.split("\n")
    out = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def unified_diff(path: str, before: str, after: str) -> str:
    lines = list(difflib.unified_diff(_lines(before), _lines(after), fromfile=f"a/{path}",
                                      tofile=f"b/{path}"))
    out = []
    for ln in lines:
        if not ln.endswith("\n"):
            ln += "\n\\ No newline at end of file\n"
        out.append(ln)
    return "".join(out)
