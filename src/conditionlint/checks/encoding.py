"""CL3xx: encoding integrity. Mojibake, invalid bytes, lost characters, controls,
byte-order marks and invisible characters.

These rules read the raw ``doc.text`` (not the masked prose), front matter included:
a damaged title is as real as a damaged paragraph. Code spans and code blocks are
skipped unless ``check-code`` is set, since code may hold such characters on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from conditionlint import frontmatter, mojibake
from conditionlint.model import Edit, Fix, Problem
from conditionlint.registry import rule

_CHECK_CODE = {
    "check-code": {
        "type": "boolean", "default": False,
        "description": "Also check inside code spans and code blocks.",
    },
}
_ALLOWED = {
    "allowed-characters": {
        "type": "array", "default": [],
        # a code point Unicode has: U+0000 to U+10FFFF (audit22 #5: "U+110000" passed
        # and then crashed CL304 and CL306 on every page)
        "items": {"type": "string",
                  "pattern": r"^(.|[Uu]\+(?:[0-9A-Fa-f]{4,5}|0[0-9A-Fa-f]{5}|10[0-9A-Fa-f]{4}))$",
                  "x-message": "should be one character, or \"U+\" and 4 to 6 hex digits "
                               "of a code point from U+0000 to U+10FFFF"},
        "description": 'Characters never reported: the character itself or "U+XXXX" '
                       '(U+0000 to U+10FFFF).',
    },
}


@lru_cache(maxsize=8)
def _damage(text: str) -> tuple[mojibake.Damage, ...]:
    # CL301, CL303 and CL304 all need the scan; pages are checked rule by rule, so
    # keep the last few results instead of scanning the same text three times.
    return tuple(mojibake.scan(text))


def _damaged_offsets(text: str) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in _damage(text)]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    # the spans are in order and never overlap (mojibake.scan): the one that starts
    # last at or before the offset is the only one that may hold it (fix22: a scan of
    # every span for each U+FFFD made CL303 quadratic on a page of lossy runs, 23.7 s
    # at 40,000 characters)
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _skip(doc: Any, offset: int, options: dict[str, Any]) -> bool:
    return not options.get("check-code", False) and doc.in_code(offset)


def _allowed(options: dict[str, Any]) -> frozenset[str]:
    out = set()
    for item in options.get("allowed-characters", ()):
        if len(item) == 1:
            out.add(item)
        elif item[:2].upper() == "U+" and int(item[2:], 16) <= 0x10FFFF:
            out.add(chr(int(item[2:], 16)))  # (the schema refuses others: belt and braces)
    return frozenset(out)


def escape(text: str) -> str:
    """Text for a message: invisible and control characters shown as ``<U+XXXX>``."""
    return "".join(f"<U+{ord(c):04X}>" if _invisible_in_message(c) else c for c in text)


def _invisible_in_message(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn") or ch in _BLANK_IN_MESSAGE


# letters and marks that show as nothing (the Hangul fillers, the braille blank, the
# Khmer inherent vowels, the combining grapheme joiner): escaped in messages too, so a
# finding about one does not print it raw, as blank as the text it hides in
_BLANK_IN_MESSAGE = frozenset("\u00a0\u00ad\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")


# ------------------------------------------------------------------------- CL301

@rule(code="CL301", name="mojibake", severity="error", fixable=True,
      summary="Text damaged by a wrong character encoding (UTF-8 read as another code page).",
      options={"properties": dict(_CHECK_CODE)})
def mojibake_rule(doc: Any, options: dict[str, Any]) -> Iterator[Problem]:
    """Text that was saved as UTF-8 and then read with another code page, so each
    accented letter, dash or quote became two to four wrong characters: "â€™" for "’",
    "Ã©" for "é", "โ€”" for "—" (Thai Windows-874), "Ð¿Ñ€Ð¸" for "при".

    The rule re-encodes each suspect run with 28 code pages (Windows-874 and
    1250-1258, Latin-1, ISO-8859-2/5/7/15, Mac Roman, Mac Cyrillic, CP437, CP850,
    CP852, CP866, KOI8-R, KOI8-U, Shift_JIS, EUC-JP, GBK, EUC-KR, Big5), decodes the
    bytes as UTF-8, and keeps a repair only when it makes the text clearly more
    plausible, so real Thai, Greek, Russian, Polish, Vietnamese or CJK text is left
    alone. Double encoding ("Ã¢â‚¬â„¢") is undone layer by layer. The message gives the
    damaged run, its repair and the code page it went through. Front matter is
    checked too; code is skipped unless `check-code` is set.

    ## Why

    Readers see garbage where a dash, a "≥" or a dose unit ("Âµg") should be, and a
    damaged "≥3 months" can change the meaning of clinical text. Search engines index
    the garbage too.

    ## Options

    `check-code` (default `false`): also check code spans and code blocks.

    ## Fails

    ```markdown
    # Low back pain

    Chronic pain lasts longer than three months (โ‰ฅ3 months) for most people.
    ```

    ```markdown
    # Migraine

    Itâ€™s the most common cause of recurrent headache â€” see your GP if it changes.
    ```

    ## Passes

    ```markdown
    # Low back pain

    Chronic pain lasts three months or longer (≥3 months) — see your GP. Dose: 10 µg, 37 °C.
    ```

    ```markdown
    # ปวดหลัง

    อาการปวดหลังเป็นเรื่องที่พบบ่อย Η ημικρανία είναι συχνή. Мигрень — частая болезнь.
    ```

    ## Fix

    `--fix` replaces each run with its repair when the repair is unambiguous. When a
    byte was lost on the way ("â€?", or "Ã¢â‚¬?" when that was damaged again), the
    rule reports the run without a fix: retype the character. Damage written as YAML
    escapes in a double-quoted front-matter value (`"It\\u00e2\\u20ac\\u2122s"`, which
    renders "Itâ€™s") is judged decoded and reported at the escapes; when the run is
    escapes only, the fix writes the repair as escapes (`\\u2019`), which changes only
    those ASCII bytes; a run mixing escapes and literal characters gets no fix. A repair that brings in
    letters of a script the rest of the page does not use, or that rests on two
    different code pages ("Mac Roman, then Latin-1"), is applied only when it is
    clearly more plausible than the damaged run; otherwise, and for the other runs
    glued to it in one garble, the finding says what the run may be and gives no fix.
    The runs of one sentence are repaired through one code page ("mĂ´ĹžeĹĄ prĂ­sĹĽ" is
    "môžeš prísť", all through ISO-8859-2); when no one page repairs them all, they
    are reported without a fix.
    So does a capital "Â" ending a word in capitals before a space ("MISUTÂ AJIKKO"),
    which may be a letter of the word. A repair to a character that CL304 or CL306
    would report (a control character, a bidi control such as U+202E, a zero-width
    space, a soft hyphen) is reported without a fix, so that `--fix` never writes an
    invisible character into a page; a joiner that CL306 accepts (between Persian
    letters, inside an emoji sequence) is repaired as usual.
    """
    text = doc.text
    for d in _damage(text):
        if _skip(doc, d.start, options):
            continue
        shown = escape(d.original)
        how = f"{d.encoding} read as {d.codec}"
        if d.repaired is None:
            yield Problem(d.start, d.end,
                          f"'{shown}' is damaged text ({how}); a byte was lost, so it "
                          f"cannot be repaired safely: retype the intended character")
            continue
        repaired = escape(d.repaired)
        if d.doubt:
            yield Problem(d.start, d.end,
                          f"'{shown}' may be damaged text for '{repaired}' ({how}), but "
                          f"{d.doubt}: not repaired automatically; check it and retype "
                          f"what was meant")
            continue
        hidden = _unsafe_repair(text, d.start, d.end, d.repaired)
        if hidden:
            yield Problem(d.start, d.end,
                          f"'{shown}' looks like '{repaired}' ({how}), {hidden}: not "
                          f"repaired automatically; delete it or retype what was meant")
            continue
        yield Problem(d.start, d.end, f"'{shown}' looks like '{repaired}' ({how})",
                      fix=Fix(f"replace '{shown}' with '{repaired}'",
                              (Edit(d.start, d.end, d.repaired),)))
    if doc.front_matter is not None and "\\" in text[:doc.front_matter.end]:
        yield from _escaped_mojibake(text)


def _unsafe_repair(text: str, start: int, end: int, repaired: str) -> str | None:
    """What a CL301 repair of ``text[start:end]`` would bring in that CL304 or CL306
    reports (a control character, a bidi control, a zero-width or other invisible
    character), said for the message; None when the repair is safe to write (fix22b,
    audit22 #2: ``--fix`` wrote U+202E and U+200B into pages). Judged in the repaired
    line, with CL306's own exceptions (a joiner between Persian letters, a mark in a
    right-to-left line, a blank between braille cells)."""
    if not (_CONTROL.search(repaired) or _INVISIBLE.search(repaired)):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = (text[line_start:start] + repaired
            + text[end:line_end if line_end >= 0 else len(text)])
    at = start - line_start
    for i in range(at, at + len(repaired)):
        ch = line[i]
        if _CONTROL.match(ch):
            return "a control character"
        if not _INVISIBLE.match(ch):
            continue
        if _in_place(line, i, ch):
            continue
        name = _NAMES.get(ch, unicodedata.name(ch, "invisible character").lower())
        return f"an invisible {name}"
    return None


def _yaml_escape(text: str) -> str:
    return "".join(ch if " " <= ch < "\x7f" and ch not in '"\\' else
                   f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"
                   for ch in text)


def _escaped_mojibake(text: str) -> Iterator[Problem]:
    """Mojibake written as YAML escapes in a double-quoted front-matter value
    ("It\\u00e2\\u20ac\\u2122s"): judged decoded, as the page renders it, and reported
    at the escapes. Damage without escapes is found in the raw text already."""
    for decoded, spans in frontmatter.escaped_strings(text):
        for d in mojibake.scan(decoded):
            inner = spans[d.start:d.end]
            if not any(escaped for _, _, escaped in inner):
                continue
            start, end = inner[0][0], inner[-1][1]
            written = text[start:end]
            shown = escape(d.original)
            how = f"{d.encoding} read as {d.codec}, written as YAML escapes"
            if d.repaired is None:
                yield Problem(start, end, f"'{written}' ('{shown}') is damaged text ({how}); "
                                          f"a byte was lost, so it cannot be repaired "
                                          f"safely: retype the intended character")
                continue
            repaired = escape(d.repaired)
            if d.doubt:
                yield Problem(start, end, f"'{written}' ('{shown}') may be damaged text for "
                                          f"'{repaired}' ({how}), but {d.doubt}: not "
                                          f"repaired automatically; check it")
                continue
            message = f"'{written}' ('{shown}') looks like '{repaired}' ({how})"
            hidden = _unsafe_repair(decoded, d.start, d.end, d.repaired)
            if hidden:
                yield Problem(start, end, f"{message}, {hidden}: not repaired "
                                          f"automatically; delete it or retype what was "
                                          f"meant")
                continue
            if all(escaped for _, _, escaped in inner):
                # Escapes are ASCII: replacing them with the repair's escapes changes
                # those bytes only, whatever the file's encoding.
                new = _yaml_escape(d.repaired)
                yield Problem(start, end, message,
                              fix=Fix(f"replace '{written}' with '{new}'",
                                      (Edit(start, end, new),)))
            else:
                yield Problem(start, end, message + "; escapes and literal characters "
                                          "are mixed in the run, so it is not repaired "
                                          "automatically: rewrite it")


# ------------------------------------------------------------------------- CL302

@rule(code="CL302", name="invalid-utf8", severity="error",
      summary="The file is not valid UTF-8 (or is UTF-16/32).")
def invalid_utf8(doc: Any, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """Bytes that are not UTF-8: a file saved in a legacy code page, or damaged in
    transfer. Each bad run is reported with its line, column and byte offset; the
    rest of the file is still checked (each bad run reads as one U+FFFD for the other
    rules). A file in UTF-16 or UTF-32 with a byte-order mark is decoded and checked,
    and reported once with advice to save it as UTF-8.

    Invalid bytes are reported inside code too: the file as a whole is not UTF-8.

    ## Why

    Static site generators, search indexes and browsers disagree about what invalid
    bytes mean; most show "�" or refuse the file. UTF-16 files break diff tools and
    most Markdown pipelines.

    ## Fails

    A page is given here as text, so it cannot hold invalid bytes; a UTF-16 page can
    only be shown as a file. Both are covered by the test suite
    (`tests/test_encoding_rules.py`).

    ## Passes

    ```markdown
    # Sciatica

    Sciatica is pain that runs along the sciatic nerve — from the lower back to the leg.
    ```

    ## Fix

    Find which code page the file was saved in (often Windows-1252) and convert it:
    `iconv -f WINDOWS-1252 -t UTF-8 page.md > page.utf8.md`, or re-save it as UTF-8 in
    your editor. There is no automatic fix: guessing the code page could change text.
    """
    source = doc.source
    enc = source.encoding
    if not enc.is_utf8:
        mark = "with" if enc.bom else "without"
        yield Problem(0, 0, f"the file is {enc.name.upper()} {mark} a byte-order mark; "
                            f"save it as UTF-8 (without a byte-order mark)")
    for err in enc.errors:
        pos = source.position(err.text_offset)
        count = f"{err.byte_length} byte" + ("s" if err.byte_length != 1 else "")
        yield Problem(err.text_offset, err.text_offset + 1,
                      f"invalid UTF-8 ({count}) at line {pos.line}, column {pos.column} "
                      f"(byte offset {err.byte_offset}); convert the file to UTF-8")


# ------------------------------------------------------------------------- CL303

@rule(code="CL303", name="replacement-character", severity="error",
      summary="U+FFFD in the text: a character was lost in an earlier conversion.",
      options={"properties": dict(_CHECK_CODE)})
def replacement_character(doc: Any, options: dict[str, Any]) -> Iterator[Problem]:
    """The replacement character "�" (U+FFFD) in the text. A converter put it where it
    met a byte it could not decode: the original character is gone.

    Replacement characters that stand for invalid bytes in this file are reported by
    CL302, and those inside a mojibake run by CL301, not twice.

    ## Why

    "�" tells the reader that something is missing, and in clinical text the missing
    character may be a "≤", a "µ" or a minus sign.

    ## Options

    `check-code` (default `false`): also check code spans and code blocks.

    ## Fails

    ```markdown
    # Gout

    Keep uric acid below 6 mg/dL (360 �mol/L).
    ```

    ## Passes

    ```markdown
    # Gout

    Keep uric acid below 6 mg/dL (360 µmol/L).
    ```

    ## Fix

    Find the intended character in the original source and retype it. There is no
    automatic fix.
    """
    text = doc.text
    if "\ufffd" not in text:
        return
    invalid = {e.text_offset for e in doc.source.encoding.errors}
    damaged = _damaged_offsets(text)
    for m in re.finditer("\ufffd+", text):
        for i in range(m.start(), m.end()):
            if i in invalid or _inside(damaged, i) or _skip(doc, i, options):
                continue
            yield Problem(i, i + 1, "replacement character '\ufffd' (U+FFFD): a "
                                    "character was lost here; retype the original")


# ------------------------------------------------------------------------- CL304

# What CL304 reports: (first, last) code-point ranges and what they are. The pattern and
# the table of its documentation page are both made from this (audit25 #3: the page
# did not say which code points it meant).
_PLANE_ENDS = tuple((plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF)
                    for plane in range(1, 17))
_CONTROL_CHARS: tuple[tuple[tuple[tuple[int, int], ...], str], ...] = (
    (((0x00, 0x08),), "C0 controls: null (NUL) to backspace"),
    (((0x0B, 0x0C),), "vertical tab, form feed"),
    (((0x0E, 0x1F),), "C0 controls: shift out to unit separator (escape, U+001B, among "
                      "them)"),
    (((0x7F, 0x7F),), "delete (DEL)"),
    (((0x80, 0x9F),), "C1 controls (next line, NEL, U+0085 among them)"),
    (((0x2028, 0x2028),), "line separator"),
    (((0x2029, 0x2029),), "paragraph separator"),
    (((0xFDD0, 0xFDEF),), "noncharacters"),
    (((0xFFFE, 0xFFFF),), "noncharacters (U+FFFE is a byte-order mark read with the "
                          "wrong byte order)"),
    (_PLANE_ENDS, "noncharacters: the last two code points of planes 1 to 16"),
)
# (tab U+0009, line feed U+000A and carriage return U+000D are not among them)


def _class_of(ranges: Iterator[tuple[int, int]]) -> str:
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


def _cp(n: int) -> str:
    return f"U+{n:04X}"


def _ranges_shown(ranges: tuple[tuple[int, int], ...]) -> str:
    return ", ".join(_cp(a) if a == b else f"{_cp(a)}, {_cp(b)}" if b == a + 1
                     else f"{_cp(a)}-{_cp(b)}" for a, b in ranges)


def _control_table() -> str:
    rows = ["| code points | what they are |", "| --- | --- |"]
    rows += [f"| {_ranges_shown(ranges)} | {what} |" for ranges, what in _CONTROL_CHARS]
    return "\n".join(rows)


_CONTROL = re.compile("[" + _class_of(r for ranges, _ in _CONTROL_CHARS for r in ranges)
                      + "]+")


def _documented(table: str) -> Any:
    """Put ``table`` (made from the data the rule runs on) where the docstring says
    ``{characters}``, before ``@rule`` reads the docstring."""
    def put(fn: Any) -> Any:
        assert fn.__doc__.count("{characters}") == 1
        fn.__doc__ = fn.__doc__.replace("{characters}", table.replace("\n", "\n    "))
        return fn
    return put


def _kind(run: str) -> str:
    """What a CL304 run holds, for its message."""
    plural = "s" if len(run) > 1 else ""
    if all(c in "\u2028\u2029" for c in run):
        return (f"line or paragraph separator{plural}" if len(set(run)) > 1 else
                f"{'line' if run[0] == chr(0x2028) else 'paragraph'} separator{plural}")
    if all(_noncharacter(c) for c in run):
        return f"noncharacter{plural}"
    if any(c in "\u2028\u2029" or _noncharacter(c) for c in run):
        return f"control character{plural} or noncharacter{plural}"
    return f"control character{plural}"


def _noncharacter(ch: str) -> bool:
    cp = ord(ch)
    return 0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE
# Fifteenth session: whether _CONTROL can match, by a byte table rather than re's class
# scan of the whole page (about 9 ns a character; this about 1.5): an ASCII text holds
# none of its characters when no byte maps to 0 (every control but tab, line feed and
# carriage return does; tests/test_perf15.py checks all 128).
_C0_TABLE = bytes(0 if (i < 32 and i not in (9, 10, 13)) or i == 127 else 1
                  for i in range(256))


def _may_hold_control(text: str) -> bool:
    return not text.isascii() or 0 in text.encode("ascii").translate(_C0_TABLE)


@rule(code="CL304", name="control-character", severity="error", fixable=True,
      summary="A C0 or C1 control character (other than tab and line breaks), a "
              "noncharacter (U+FFFE...) or a line/paragraph separator (U+2028, U+2029).",
      options={"properties": {**_CHECK_CODE, **_ALLOWED}})
@_documented(_control_table())
def control_character(doc: Any, options: dict[str, Any]) -> Iterator[Problem]:
    """C0 control characters other than tab (U+0009), line feed (U+000A) and carriage
    return (U+000D): NUL, backspace, escape, form feed...; DEL, and the C1 controls
    U+0080-U+009F, such as the U+009D that "â€\\x9d" leaves behind when a closing
    quote is half repaired. Also the Unicode noncharacters (U+FFFE, U+FFFF,
    U+FDD0-U+FDEF and the last two code points of every plane): U+FFFE is a
    byte-order mark read with the wrong byte order, and XML, HTML and many JSON
    consumers refuse them. And the line and paragraph separators U+2028 and U+2029,
    which Markdown does not treat as line breaks while editors, feeds and JavaScript
    do. They are shown escaped, like `<U+009D>` or `<U+FFFE>`. (Invisible formatting
    characters, such as the byte-order mark U+FEFF inside the text, are CL306's;
    U+FFFD is CL303's.) These are all the code points it reports:

    {characters}

    A control that is part of a mojibake run is reported by CL301 with the repair of
    the whole run, not here.

    ## Why

    Controls are invisible in most editors and break XML and JSON exports, feeds and
    search indexes; some renderers drop the whole paragraph.

    ## Options

    `check-code` (default `false`): also check code spans and code blocks.
    `allowed-characters` (default none): controls never reported, as the character or
    `"U+XXXX"`.

    ## Fails

    The line ends in a backspace (U+0008), which shows as nothing:

    ```markdown
    # Asthma

    Use your reliever inhaler as prescribed.\x08
    ```

    ## Passes

    ```markdown
    # Asthma

    Use your reliever inhaler as prescribed.
    ```

    ## Fix

    `--fix` removes the characters; a vertical tab, form feed, U+0085, U+2028,
    U+2029 or information separator between two words becomes one space (removed, it would join
    the words: "tablet\\vtwice" is "tablet twice", not "tablettwice"), and so it does
    before markup, a currency sign or a hyphen ("tablet\\v*twice*" is "tablet *twice*").
    Before closing punctuation (`, . ; : ! ? ) ] } % …`, closing quotes and brackets,
    the full stops, commas, colons and question and exclamation marks of other scripts
    such as `。` and `،`, but not the opening `¿ ¡`), a superscript (`¹`), a straight
    apostrophe that closes a word or quote (`'s`), a space or the end of a line it is
    only removed ("tablet\\v, twice" is "tablet, twice", "tablet\\v¹" is "tablet¹"). A lone U+0085 between two letters or digits is the line end
    NEL and is reported here; elsewhere ("wait\\x85 then") a lone U+0085 is an
    ellipsis "…" read as Latin-1 and CL301 repairs it.
    """
    text = doc.text
    allowed = _allowed(options)
    damaged: list[tuple[int, int]] | None = None
    for m in _CONTROL.finditer(text) if _may_hold_control(text) else ():
        if damaged is None:
            damaged = _damaged_offsets(text)
        run_start = None
        # Split the run where a character is allowed, in code or owned by CL301.
        for i in range(m.start(), m.end() + 1):
            ok = i < m.end() and not (text[i] in allowed or _inside(damaged, i)
                                      or _skip(doc, i, options))
            if ok and run_start is None:
                run_start = i
            elif not ok and run_start is not None:
                run = text[run_start:i]
                shown = escape(run)
                why = ""
                if "\ufffe" in run:
                    why = (" (U+FFFE is a byte-order mark read with the wrong byte "
                           "order: was part of the file UTF-16?)")
                elif any(c in "\u2028\u2029" for c in run):
                    why = (" (Markdown does not break the line here, and many editors, "
                           "feeds and scripts treat it as a line end)")
                yield Problem(run_start, i, f"{_kind(run)} {shown}{why}",
                              fix=_control_fix(text, run_start, i, shown))
                run_start = None


# Controls that separate what stands either side (a vertical tab is how a word
# processor's line break often arrives, a form feed a page break, U+0085 a line end):
# removed between two words they would join them ("tablet\vtwice" -> "tablettwice")
_SEPARATORS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029")


# What never follows a space: closing punctuation. A separator before one is only
# removed ("tablet\v," is "tablet,"); before anything else (a word, markup such as
# "*", "`", "<b>" or "_", a currency sign, a hyphen) it becomes a space, or the fix
# would join two words ("tablet\v*twice*" is not "tablet*twice*"; fix21d: an
# allow-list of word starts did that).
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}…»”’%")
# fix21f (review s21b E10): the list missed closing punctuation of other scripts
# ("。", "،", "，"), superscript markers ("¹") and a straight apostrophe that closes a
# word ("tablet\v's"): other punctuation (Unicode Po) that ends a clause or sentence is
# told by its name (not the inverted Spanish marks, which open), superscripts by theirs.
_CLOSING_NAME = re.compile(r"\b(?:FULL STOP|COMMA|COLON|SEMICOLON|QUESTION MARK|EXCLAMATION MARK"
                           r"|ELLIPSIS|PERCENT SIGN|PER MILLE SIGN|PER TEN THOUSAND SIGN)\b")
# a straight apostrophe closing a quote or a word ("'s", "n't", "'ll"), not opening one
_APOSTROPHE_CLOSES = re.compile(r"'(?:(?:s|t|d|m|ll|re|ve)(?![^\W\d_])|(?![^\W_]))")


def _no_space_before(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _NO_SPACE_BEFORE or unicodedata.category(ch) in ("Pe", "Pf"):
        return True
    if ch == "'":
        return _APOSTROPHE_CLOSES.match(text, i) is not None
    name = unicodedata.name(ch, "")
    if name.startswith("SUPERSCRIPT "):
        return True
    return (unicodedata.category(ch) == "Po" and "INVERTED" not in name
            and _CLOSING_NAME.search(name) is not None)


def _control_fix(text: str, start: int, end: int, shown: str) -> Fix:
    """Remove the run; a run holding a separator between two non-space characters
    becomes one space, unless closing punctuation follows ("tablet\v," is "tablet,")."""
    if (not _SEPARATORS.isdisjoint(text[start:end]) and 0 < start and end < len(text)
            and not text[start - 1].isspace() and not text[end].isspace()
            and not _no_space_before(text, end)):
        return Fix(f"replace {shown} with a space", (Edit(start, end, " "),))
    return Fix(f"remove {shown}", (Edit(start, end, ""),))


# ------------------------------------------------------------------------- CL305

@rule(code="CL305", name="byte-order-mark", severity="warning", fixable=True,
      summary="The file starts with a UTF-8 byte-order mark.")
def byte_order_mark(doc: Any, options: dict[str, Any]) -> Iterator[Problem]:  # noqa: ARG001
    """A UTF-8 file that starts with the byte-order mark: the invisible character
    U+FEFF (zero-width no-break space) as its first character, the bytes EF BB BF.
    Only at the very start of the file: a U+FEFF further in is CL306's, and a UTF-16
    or UTF-32 file (whose byte-order mark is FF FE, FE FF, FF FE 00 00 or 00 00 FE FF)
    is CL302's, to be saved as UTF-8.

    ## Why

    UTF-8 needs no byte-order mark. With one, YAML front matter no longer starts at
    the first byte, so some site generators miss it, and shell tools and diffs show
    a stray "﻿" or "ï»¿".

    ## Fails

    The page starts with U+FEFF, which shows as nothing:

    ```markdown
    \ufeff# Eczema

    Eczema makes the skin itchy, dry and cracked.
    ```

    ## Passes

    ```markdown
    # Eczema

    Eczema makes the skin itchy, dry and cracked.
    ```

    ## Fix

    `--fix` writes the file without the byte-order mark.
    """
    enc = doc.source.encoding
    if enc.bom and enc.is_utf8:
        # The Source strips the BOM from the text, so there is nothing to edit in the
        # text: the problem sits at 0..0 and its fix is an empty edit there. The fixer
        # recognises this CL305 fix and writes the file without the BOM.
        yield Problem(0, 0, "UTF-8 byte-order mark at the start of the file",
                      fix=Fix("remove byte-order mark", (Edit(0, 0, ""),)))


# ------------------------------------------------------------------------- CL306

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM: right in right-to-left text
# What CL306 reports: its pattern and the table of its documentation page are both made
# from this (audit25 #3: the page named some without their code points, others not at
# all). Where each is fine anyway: _in_place.
_INVISIBLE_CHARS = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
                    + "".join(map(chr, range(0x200B, 0x2010)))
                    + "".join(map(chr, range(0x202A, 0x202F)))
                    + "".join(map(chr, range(0x2060, 0x2065)))
                    + "".join(map(chr, range(0x2066, 0x206A)))
                    + "\u2800\u3164\ufeff\uffa0")
_INVISIBLE = re.compile("[" + _INVISIBLE_CHARS + "]")
_BRAILLE = re.compile("[\u2801-\u28ff]")  # a braille pattern with a dot
_NAMES = {
    "\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner", "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark", "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (byte-order mark inside the text)",
    "\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting", "\u202d": "left-to-right override",
    "\u202e": "right-to-left override", "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate", "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate", "\u061c": "Arabic letter mark",
}
# a right-to-left letter (the Arabic letter mark U+061C, itself in the Arabic block, is
# no letter: it neither makes a line right-to-left nor hides another mark there)
_RTL = re.compile("[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def _invisible_name(ch: str) -> str:
    """The name CL306's message gives ``ch``."""
    return _NAMES.get(ch, unicodedata.name(ch, "invisible character").lower())


_WHEN_FINE = {
    "\u200c": "except between two letters that are not Latin (Persian, the Indic "
              "scripts...)",
    "\u200d": "except between two letters that are not Latin (Persian, the Indic "
              "scripts...) and inside an emoji sequence",
    "\u2800": "except beside other braille cells (braille text)",
    "\u00ad": "yes (inside a mojibake run: CL301)",
}


def _invisible_table() -> str:
    rows = ["| code point | character | reported |", "| --- | --- | --- |"]
    for ch in _INVISIBLE_CHARS:
        if ch in _BIDI:
            how = "yes, as an error"
        elif ch in _MARKS:
            how = "except on a line with right-to-left letters"
        else:
            how = _WHEN_FINE.get(ch, "yes")
        rows.append(f"| U+{ord(ch):04X} | {_invisible_name(ch)} | {how} |")
    return "\n".join(rows)


def _joiner_ok(text: str, i: int) -> bool:
    """ZWJ/ZWNJ between two letters of a script that shapes with them (Persian, the
    Indic scripts...) or ZWJ inside an emoji sequence."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not before or not after:
        return False
    if text[i] == "\u200d" and _emojiish(before) and _emojiish(after):
        return True

    def shaped(ch: str) -> bool:
        cat = unicodedata.category(ch)
        return (cat[0] in "LM" and not ch.isascii() and not ("\u00c0" <= ch <= "\u024f"))

    return shaped(before) and shaped(after)


def _emojiish(ch: str) -> bool:
    cp = ord(ch)
    return (unicodedata.category(ch) == "So" or cp >= 0x1F000 or cp == 0xFE0F
            or 0x1F3FB <= cp <= 0x1F3FF)


def _in_place(text: str, i: int, ch: str) -> bool:
    """Whether the invisible character ``ch`` at ``text[i]`` is where it belongs, so
    CL306 does not report it (and CL301 may write it): a joiner between Persian letters
    or inside an emoji sequence, a direction mark in a right-to-left line, the blank
    cell between words of real braille text."""
    if ch in "\u200c\u200d" and _joiner_ok(text, i):
        return True
    if ch in _MARKS:
        line_start = text.rfind("\n", 0, i) + 1
        line_end = text.find("\n", i)
        if _RTL.search(text, line_start, line_end if line_end >= 0 else len(text)):
            return True
    return ch == "\u2800" and _BRAILLE.search(text, max(i - 3, 0), i + 4) is not None


@rule(code="CL306", name="invisible-character", severity="warning",
      summary="An invisible formatting character: bidi control, zero-width space, "
              "soft hyphen...",
      options={"properties": {**_CHECK_CODE, **_ALLOWED}})
@_documented(_invisible_table())
def invisible_character(doc: Any, options: dict[str, Any]) -> Iterator[Problem]:
    """Invisible characters that change how text is shown, searched or copied: bidi
    embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069, reported as
    errors), zero-width spaces (U+200B), zero-width joiners and non-joiners (U+200D,
    U+200C) where no script needs them, soft hyphens (U+00AD), word joiners (U+2060)
    and the other invisible operators (U+2061-U+2064), a byte-order mark inside the
    text (U+FEFF), left-to-right, right-to-left and Arabic letter marks (U+200E,
    U+200F, U+061C) outside right-to-left text, the combining grapheme joiner
    (U+034F), the Khmer inherent vowels (U+17B4, U+17B5) and the Mongolian vowel
    separator (U+180E), and the blank letters used to hide text or make an
    empty-looking name: the Hangul fillers (U+3164, U+115F, U+1160, U+FFA0) and the
    braille pattern blank (U+2800). They are shown escaped, like `<U+202E>` or
    `<U+3164>`. These are all the characters it reports, by the name its message
    gives them:

    {characters}

    Zero-width joiners inside emoji sequences, joiners between letters of scripts
    that use them (Persian, Devanagari, Sinhala...), and the braille blank between
    braille cells (real braille text) are fine. A soft hyphen inside a mojibake run
    is CL301's.

    ## Why

    A bidi override can make text read differently from what is stored (the
    "Trojan Source" trick); zero-width characters and soft hyphens break search,
    spell checking and copy-paste of drug names and doses.

    ## Options

    `check-code` (default `false`): also check code spans and code blocks.
    `allowed-characters` (default none): characters never reported, as the character
    or `"U+XXXX"`.

    ## Fails

    A zero-width space (U+200B) inside "cetirizine", then a right-to-left override
    (U+202E) that makes "adults only" show backwards, closed by a pop directional
    formatting (U+202C):

    ```markdown
    # Hay fever

    Take one tablet of cetiri\u200bzine daily.
    ```

    ```markdown
    # Hay fever

    Take one tablet daily \u202eylno stluda\u202c.
    ```

    ## Passes

    ```markdown
    # Hay fever

    Take one tablet of cetirizine daily. Family: 👨‍👩‍👧. Persian: می‌خواهم.
    ```

    ## Fix

    Delete the character (most editors can show invisible characters). For a word
    that should break at a given place, leave the line break to the renderer.
    """
    text = doc.text
    allowed = _allowed(options)
    damaged: list[tuple[int, int]] | None = None
    # (every character of _INVISIBLE is non-ASCII: an ASCII page is not scanned)
    for m in _INVISIBLE.finditer(text) if not text.isascii() else ():
        i = m.start()
        ch = text[i]
        if ch in allowed or _skip(doc, i, options):
            continue
        if _in_place(text, i, ch):
            continue
        if ch == "\u00ad":
            if damaged is None:
                damaged = _damaged_offsets(text)
            if _inside(damaged, i):
                continue  # part of a mojibake run: CL301 repairs it
        name = _invisible_name(ch)
        severity = "error" if ch in _BIDI else None
        yield Problem(i, i + 1, f"invisible {name} {escape(ch)}", severity=severity)
