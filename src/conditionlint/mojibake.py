"""Find and repair mojibake: UTF-8 bytes that were decoded with the wrong code page.

How it works (see docs/mojibake.md for the measured figures):

1. *Candidates by round trip.* For every single-byte code page we know which
   characters stand for the bytes a UTF-8 multi-byte sequence is made of (lead bytes
   C2-F4, continuation bytes 80-BF). One compiled regular expression per code page finds
   runs of characters whose bytes form well-formed UTF-8; those runs are decoded back.
   East Asian double-byte code pages (Shift_JIS, GBK, EUC-KR, Big5, EUC-JP) are tried on
   whole runs of non-ASCII characters instead, since their characters straddle UTF-8
   sequence boundaries.
2. *Plausibility.* A round trip that succeeds is not proof: real Thai, Russian or Polish
   text often re-encodes into valid UTF-8 by chance. Each candidate is scored by how
   much "weirder" the suspect text is than its repair, in context (script changes
   inside a word, a lower-case letter followed by a capital, letters glued to currency
   signs and symbols, control characters, characters from rarely written blocks, rare
   CJK ideographs). Only a repair that makes the text clearly less weird is kept.
3. *Layers.* A repair that is itself mojibake is repaired again (double encoding).

Everything is pure and deterministic; the tables are built once, lazily. Cost is
linear in the text: pure-ASCII text returns at once.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Damage", "scan", "repair", "CODE_PAGES"]


@dataclass(frozen=True, slots=True)
class Damage:
    """One damaged run of ``text[start:end]``.

    ``repaired`` is None when the damage is certain but the original cannot be
    recovered without guessing (a byte was lost). ``codec`` names the code page the
    UTF-8 bytes were wrongly read as (e.g. "Windows-874", "Windows-1252 twice");
    ``encoding`` is what the bytes really were (almost always "UTF-8").
    """

    start: int
    end: int
    original: str
    repaired: str | None
    codec: str
    encoding: str = "UTF-8"
    # Why the repair is not offered as an automatic fix ("" when it is): it brings in
    # letters of a script the rest of the text does not use, or rests on a chain of
    # two code pages, without being clearly more plausible than the damaged run.
    doubt: str = ""


# (label, Python codec, how to fill the bytes the code page leaves undefined).
# Order is priority: when two code pages give the same repair the first names it.
# "1252" fill: what Windows and browsers do for cp874 (the seed page's damage);
# "c1": the undefined byte comes out as the matching C1 control, as decoders that do
# not fail (MySQL, browsers for cp1252) produce.
_SINGLE_BYTE = (
    ("Windows-1252", "cp1252", "c1"),
    ("Windows-1251", "cp1251", "c1"),
    ("Windows-874", "cp874", "1252"),
    ("Windows-1250", "cp1250", "c1"),
    ("Windows-1253", "cp1253", "c1"),
    ("Windows-1254", "cp1254", "c1"),
    ("Windows-1255", "cp1255", "c1"),
    ("Windows-1256", "cp1256", "c1"),
    ("Windows-1257", "cp1257", "c1"),
    ("Windows-1258", "cp1258", "c1"),
    ("Mac Roman", "mac_roman", None),
    ("ISO-8859-2", "iso8859_2", None),
    ("ISO-8859-15", "iso8859_15", None),
    ("ISO-8859-5", "iso8859_5", None),
    ("ISO-8859-7", "iso8859_7", "c1"),
    ("Mac Cyrillic", "mac_cyrillic", None),
    ("CP437", "cp437", None),
    ("CP850", "cp850", None),
    ("CP852", "cp852", None),
    ("CP866", "cp866", None),
    ("KOI8-R", "koi8_r", None),
    ("KOI8-U", "koi8_u", None),
)
_DOUBLE_BYTE = (
    ("Shift_JIS", "cp932"),
    ("EUC-JP", "euc_jp"),
    ("GBK", "gbk"),
    ("EUC-KR", "cp949"),
    ("Big5", "cp950"),
)
CODE_PAGES = ("Latin-1",) + tuple(label for label, _, _ in _SINGLE_BYTE) + tuple(label for label, _ in _DOUBLE_BYTE)

# A candidate must make the text at least this much less weird to be reported; code
# pages seldom met in the wild must bring more evidence.
_THRESHOLD = 1
_COMMON_PAGES = frozenset(("Windows-1252", "Latin-1", "Windows-1251", "Windows-874"))
# Layers of mojibake we undo (two is common in the wild, three is seen).
_MAX_LAYERS = 3


# --------------------------------------------------------------------------- tables

class _Page:
    """One code page: its byte tables, the characters that stand for UTF-8 lead bytes
    (every match starts with one), and its pattern, compiled on first use: compiling
    all 22 costs a large share of a one-page run, and most texts need few of them."""

    __slots__ = ("label", "decode", "encode", "leads", "_source", "_pattern")

    def __init__(self, label: str, decode: tuple[str, ...], encode: dict[str, int],
                 leads: frozenset[str], source: str):
        self.label = label
        self.decode = decode  # byte -> character (256 entries)
        self.encode = encode  # character -> byte (bytes >= 0x80, plus fillers)
        self.leads = leads
        self._source = source
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = re.compile(self._source)
        return self._pattern


def _byte_table(codec: str, fill: str | None) -> list[str]:
    table = []
    for b in range(256):
        try:
            ch = bytes([b]).decode(codec)
        except UnicodeDecodeError:
            ch = ""
        if not ch and fill == "1252":
            try:
                ch = bytes([b]).decode("cp1252")
            except UnicodeDecodeError:
                ch = chr(b)
        if not ch and fill == "c1":
            ch = chr(b) if 0x80 <= b <= 0x9F else ""
        table.append(ch)
    return table


def _cls(chars: list[str]) -> str:
    chars = [c for c in chars if c]
    return "[" + "".join(re.escape(c) for c in chars) + "]" if chars else "(?!)"


def _build_page(label: str, codec: str, fill: str | None) -> _Page:
    table = _byte_table(codec, fill)
    encode: dict[str, int] = {}
    alternatives: dict[int, list[str]] = {b: [table[b]] for b in range(256)}
    if codec == "cp1252":
        # Latin-1 decoders give C1 controls where Windows-1252 gives punctuation, and
        # real damage mixes the two ("â\x80\x9c"): one page covers both.
        for b in range(0x80, 0xA0):
            alternatives[b].append(chr(b))
    for b in range(0x80, 0x100):
        for ch in alternatives[b]:
            if ch and ch not in encode and ord(ch) >= 0x80:
                encode[ch] = b

    def rng(lo: int, hi: int) -> str:
        return _cls([ch for b in range(lo, hi + 1) for ch in alternatives[b]
                     if ord(ch or "\0") >= 0x80])

    cont = rng(0x80, 0xBF)
    seqs = [
        rng(0xC2, 0xDF) + cont,
        rng(0xE0, 0xE0) + rng(0xA0, 0xBF) + cont,
        rng(0xE1, 0xEC) + cont + cont,
        # ED A0-BF are UTF-16 surrogates: kept so CESU-8 encoded emoji can be repaired.
        rng(0xED, 0xED) + cont + cont,
        rng(0xEE, 0xEF) + cont + cont,
        rng(0xF0, 0xF0) + rng(0x90, 0xBF) + cont + cont,
        rng(0xF1, 0xF3) + cont + cont + cont,
        rng(0xF4, 0xF4) + rng(0x80, 0x8F) + cont + cont,
    ]
    source = "(?:" + "|".join(s for s in seqs if "(?!)" not in s) + ")+"
    # Every alternative of the pattern starts with a lead byte (C2-F4).
    leads = frozenset(ch for b in range(0xC2, 0xF5) for ch in alternatives[b]
                      if ord(ch or "\0") >= 0x80)
    return _Page(label, tuple(table), encode, leads, source)


@lru_cache(maxsize=1)
def _pages() -> tuple[_Page, ...]:
    return tuple(_build_page(*spec) for spec in _SINGLE_BYTE)


@lru_cache(maxsize=1)
def _cp1252() -> tuple[str, ...]:
    return _pages()[0].decode


# ---------------------------------------------------------------- characters, scripts

_SCRIPT_RANGES = (
    (0x0041, 0x024F, "latin"), (0x1E00, 0x1EFF, "latin"), (0x2C60, 0x2C7F, "latin"),
    (0xA720, 0xA7FF, "latin"), (0xFB00, 0xFB06, "latin"),
    (0x0250, 0x02AF, "ipa"), (0x02B0, 0x02FF, "modifier"), (0x0300, 0x036F, "combining"),
    (0x0370, 0x03FF, "greek"), (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "armenian"), (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0700, 0x074F, "syriac"), (0x0780, 0x07BF, "thaana"), (0x07C0, 0x07FF, "nko"),
    (0x0800, 0x089F, "rare"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"), (0x0B00, 0x0B7F, "oriya"), (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"), (0x0C80, 0x0CFF, "kannada"), (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"), (0x0E00, 0x0E7F, "thai"), (0x0E80, 0x0EFF, "lao"),
    (0x0F00, 0x0FFF, "tibetan"), (0x1000, 0x109F, "myanmar"), (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"), (0x1200, 0x139F, "ethiopic"), (0x1780, 0x17FF, "khmer"),
    (0x1800, 0x18AF, "mongolian"),
    (0x3040, 0x30FF, "cjk"), (0x3100, 0x312F, "cjk"), (0x3130, 0x318F, "hangul"),
    (0x31F0, 0x31FF, "cjk"), (0x3400, 0x4DBF, "cjk"), (0x4E00, 0x9FFF, "cjk"),
    (0xAC00, 0xD7AF, "hangul"), (0xF900, 0xFAFF, "cjk"), (0xFF21, 0xFF5A, "latin"),
    (0xFF66, 0xFF9F, "halfwidth"), (0xFFA0, 0xFFDC, "hangul"), (0x20000, 0x3FFFF, "cjk"),
)
# Scripts written together in one word without anything being wrong.
_COMPATIBLE = {frozenset(("cjk", "hangul"))}
# Blocks that ordinary prose almost never uses but that wrong round trips land in.
_RARE_SCRIPTS = frozenset(("ipa", "syriac", "thaana", "nko", "rare", "modifier"))
# Latin Extended-B letters that living orthographies do use (Vietnamese, Romanian,
# Pinyin, African languages): not evidence of damage.
_COMMON_EXT_B = frozenset(
    chr(c) for c in (0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0218, 0x0219, 0x021A, 0x021B,
                     0x0186, 0x0190, 0x0254, 0x025B, 0x0259, 0x018F, 0x01DD))
# Punctuation that stands after a space, not glued to the end of a letter.
_OPENING = frozenset("‚„†‡‰‹›¡¿¶§¦¤¨¯¸ˆ˜«")


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x41:
        return "common"
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= cp <= hi:
            if name == "latin" and cp < 0x100 and not ch.isalpha():
                return "common"
            return name
    return "common"


@lru_cache(maxsize=4096)
def _cat(ch: str) -> str:
    return unicodedata.category(ch)


@lru_cache(maxsize=8192)
def _rare_cjk(ch: str) -> bool:
    """An ideograph or syllable outside every national list of frequent characters.

    Mojibake through a double-byte code page lands mostly in the second-level or
    extension areas of those code pages, which real text seldom uses.
    """
    cp = ord(ch)
    if 0xAC00 <= cp <= 0xD7AF:  # Hangul syllables: KS X 1001's 2,350 are the common ones
        try:
            ch.encode("euc_kr")
            return False
        except UnicodeEncodeError:
            return True
    if not (0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF):
        return False
    try:
        b = ch.encode("gb2312")
        if 0xB0 <= b[0] <= 0xD7:  # GB2312 level 1
            return False
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("shift_jis")
        if 0x88 <= b[0] <= 0x98:  # JIS level 1
            return False
    except UnicodeEncodeError:
        pass
    try:
        b = ch.encode("big5")
        if 0xA4 <= b[0] <= 0xC6:  # Big5 frequently used characters
            return False
    except UnicodeEncodeError:
        pass
    return True


def _unigram(ch: str) -> int:
    cat = _cat(ch)
    if cat == "Cc":
        return 0 if ch in "\t\n\r" else 3
    if cat in ("Cn", "Co", "Cs"):
        return 5
    if ch.isascii() or ch == "\ufffd":
        return 0
    cp = ord(ch)
    script = _script(ch)
    if script in _RARE_SCRIPTS:
        return 0 if ch in "ˆ˜ˇ˘˙˚˛˝ʼ" else 2
    if 0x1D00 <= cp <= 0x1DBF:  # phonetic extensions
        return 2
    if 0x0180 <= cp <= 0x024F and ch not in _COMMON_EXT_B:
        # a rare capital ("Ǭ", U+01EC) costs more than the case slip of a common small
        # letter in a capitalised word: "DÃ¼SSELDORF" is "DüSSELDORF", not CP850's
        # "DǬSSELDORF" (fix22b, audit22 #8)
        return 2 if cat == "Lu" else 1
    if ch in "ſ\u0149" or 0x0460 <= cp <= 0x048F:  # historic letters
        return 1
    if 0x2500 <= cp <= 0x259F:  # box drawing and blocks: DOS code page debris
        return 1
    if 0x0500 <= cp <= 0x052F:  # Cyrillic supplement: minority languages only
        return 1
    if script in ("cjk", "hangul") and _rare_cjk(ch):
        return 1
    return 0


def _is_letter(cat: str) -> bool:
    return cat[0] == "L"


# Letters Windows-1252 keeps in 80-9F: after another accented letter they are the
# continuation byte of a UTF-8 sequence far more often than real spelling. Windows-1250
# keeps "Ťť" there too (fix22: "čítať" read through it, "ÄŤĂ\xadtaĹĄ": "Ť" after "Ä"
# is the byte 8D of "č", and the run was not seen). Not its "Źź" nor "Śś": ISO-8859-2
# has those at BC, BF, A6, B6, the second bytes of "ü", "ÿ", "Æ", "ö", so "pĂźsige"
# ("püsige") would be repaired through Windows-1250 as "pßsige" (mojibake_accuracy: one
# wrong repair more).
_C1_AREA_LETTERS = frozenset("ŠšŒœŽžŸƒŤť")
# ...but "š" and "ž" follow accented small letters in ordinary Czech, Slovak, Slovenian,
# Croatian, Lithuanian and Latvian words ("napíšte", "môžeš", "príšerný"): counting
# "íš" as weird made ISO-8859-2's "íŷ" beat Windows-1250's right "íš" (twenty-first
# session; the soft hyphen in "Ă\xadĹˇ" was only the byte AD of "í", not the cause).
# (and "ť" likewise: Slovak "päť")
_SLAVIC_AFTER_ACCENT = frozenset("šžť")
# Non-letters that may follow each other in real prose ("…”", "’»").
_PROSE_PUNCT = frozenset("…”’»«“‘„—–")


def _pair(a: str, b: str) -> int:
    """How unlikely it is to see ``b`` right after ``a`` in real text."""
    if a.isascii() and b.isascii():
        return 0
    ca, cb = _cat(a), _cat(b)
    la, lb = _is_letter(ca), _is_letter(cb)
    if (la or ca[0] == "M") and (lb or cb[0] == "M"):
        sa, sb = _script(a), _script(b)
        if cb[0] == "M" and sb == "combining":
            return 0
        if sa != sb and "common" not in (sa, sb) and frozenset((sa, sb)) not in _COMPATIBLE:
            # Greek letters in Latin text are science ("TNF-α"), not damage.
            return 0 if {sa, sb} == {"latin", "greek"} else 2
        if ca == "Ll" and cb == "Lu":
            return 1
        if b in _C1_AREA_LETTERS and not a.isascii() and sa == "latin" and not (
                ca == "Ll" and b in _SLAVIC_AFTER_ACCENT):
            return 1
        if b == "µ" and not a.isascii():
            return 1  # the micro sign follows a number, never a letter of a script
        return 0
    if cb[0] == "M" and _script(b) != "combining":
        return 2  # a script's vowel sign after a symbol or space
    if la:
        if cb[0] == "S" and not b.isascii():
            return 1
        if cb == "No" or cb == "Pi" or b in _OPENING or b == "•":
            return 1 if not a.isascii() or cb != "No" else 0
        return 0
    if lb:
        if ca[0] == "S" and not a.isascii():
            return 1
        if ca == "Pf" and a != "’" or a in _OPENING and a != "«" or a == "•":
            return 1
        return 0
    if (not a.isascii() and not b.isascii() and ca[0] in "SP" and cb[0] in "SP"
            and not (a in _PROSE_PUNCT and b in _PROSE_PUNCT)
            and not (ca == "Sm" and cb in ("Pf", "Po", "Sc"))
            and not ("Sm" in (ca, cb) and (ca in ("Pi", "Pf") or cb in ("Pi", "Pf")))):
        return 1
    return 0


def _apostrophe(s: str, i: int) -> bool:
    """``s[i]`` is "’" used as an apostrophe: a one-letter English ending ("’s",
    "’t", "’d", "’m") that ends the word. In Windows-1252 "’" is the continuation
    byte 92, so "Ã’s" reads as "Òs" by chance; the apostrophe is far likelier."""
    n = len(s)
    return (s[i] == "’" and i + 1 < n and s[i + 1] in "sdmt"
            and (i + 2 >= n or not s[i + 2].isalpha()))


def _weirdness(s: str) -> int:
    w = 0
    prev = ""
    n = len(s)
    for i, ch in enumerate(s):
        w += _unigram(ch)
        if prev:
            w += _pair(prev, ch)
        prev = ch
        if ch.isascii():
            continue
        cat = _cat(ch)
        left = s[i - 1] if i else " "
        right = s[i + 1] if i + 1 < n else " "
        if right == "’" and _apostrophe(s, i + 1):
            # "Ã’s", "Ö’s": a letter being named, then an apostrophe; the pair and
            # the lone letter are ordinary prose (the pair was counted above).
            w -= 1 if _cat(ch)[0] == "L" else 0
        elif ch in "ÂÃ" and not (right.isascii() and right.isalpha()):
            # Never a word on its own, never before punctuation: the lead byte of a
            # Latin-1 character's UTF-8 form.
            w += 2
        elif ch == "\xad" and _cat(left) == "Lu" and _cat(right) == "Ll":
            # A soft hyphen between a capital and a small letter: no hyphenation point
            # falls there (a word is not broken after its capital initial, and an
            # all-capitals word has no small letter). It is the byte AD, the second
            # byte of "í" in UTF-8, after a lead byte read as a capital ("Ă", "Ã")
            # (fix22: "čítať" read through Windows-1250, "ÄŤĂ\xadtaĹĄ").
            w += 1
        elif cat == "Lu" and not _is_letter(_cat(left)) and not _is_letter(_cat(right)) \
                and left not in " \t\n\r":
            w += 1  # a lone capital glued to digits or symbols ("10Â°")
        elif cat == "Ll" and _cat(left) == "Lu" and (
                _cat(right) == "Lu"
                or i >= 2 and _cat(s[i - 2]) == "Lu" and not _is_letter(_cat(right))):
            # One small letter inside or at the end of a capitalised word ("MģÄM",
            # "AHř,"): a repair that lands there is less likely than the symbol.
            w += 1
    return w


# ---------------------------------------------------------------------- candidates

@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    repaired: str | None
    labels: tuple[str, ...]
    score: int
    priority: int
    encoding: str = "UTF-8"


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # CESU-8: astral characters written as two encoded UTF-16 surrogates.
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    try:
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return None


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - 2):start], text[end:end + 2]


def _score(text: str, start: int, end: int, repaired: str) -> int:
    left, right = _context(text, start, end)
    return _weirdness(left + text[start:end] + right) - _weirdness(left + repaired + right)


# Every character of every code page's pattern is non-ASCII and every UTF-8 sequence
# is at least two bytes: a match lies inside a run of two or more non-ASCII characters.
_NON_ASCII_PAIRS = re.compile(r"[^\x00-\x7f]{2,}")


def _single_byte_candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    # The patterns have no anchors or lookaround, so searching run by run finds the
    # same matches as searching the whole text, at a fraction of the cost (prose is
    # mostly ASCII and each of the 22 patterns would otherwise walk all of it).
    runs = [(m.start(), m.end()) for m in _NON_ASCII_PAIRS.finditer(text)]
    if not runs:
        return found
    for priority, page in enumerate(_pages()):
        enc = page.encode
        leads = page.leads
        # A match starts with a lead character followed by at least one more: a run
        # without a lead character before its last one holds no match for this page.
        mine = [(a, b) for a, b in runs
                if any(text[i] in leads for i in range(a, b - 1))]
        if not mine:
            continue
        finditer = page.pattern.finditer
        for m in (m for a, b in mine for m in finditer(text, a, b)):
            s = m.group()
            repaired = _utf8(bytes(enc[c] for c in s))
            if repaired is None or repaired == s:
                continue
            label = page.label
            if priority == 0 and any("\x80" <= c <= "\x9f" and page.decode[ord(c)] != c
                                     for c in s):
                label = "Latin-1"
            found.append(_Candidate(m.start(), m.end(), repaired, (label,), 0, priority))
    return found


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _double_byte_candidates(text: str) -> list[_Candidate]:
    found = []
    base = len(_SINGLE_BYTE)
    for m in _NON_ASCII_RUN.finditer(text):
        s = m.group()
        if not any(_script(c) in ("cjk", "hangul", "halfwidth") for c in s):
            continue
        for i, (label, codec) in enumerate(_DOUBLE_BYTE):
            try:
                repaired = _utf8(s.encode(codec))
            except UnicodeEncodeError:
                continue
            if repaired is None or repaired == s or repaired.isascii() and len(s) < 2:
                continue
            found.append(_Candidate(m.start(), m.end(), repaired, (label,), 0, base + i))
    return found


_C1 = re.compile(r"[\x80-\x9f]")


def _c1_candidates(text: str) -> list[_Candidate]:
    """Lone C1 controls: Windows-1252 text that was read as Latin-1."""
    found = []
    for m in _C1.finditer(text):
        i = m.start()
        if (text[i] == "\x85" and 0 < i < len(text) - 1 and text[i - 1].isalnum()
                and text[i + 1].isalnum()):
            # U+0085 between two letters or digits is the line end NEL, not "…" glued
            # into a word (CL304 turns it into a space).
            continue
        ch = _cp1252()[ord(m.group())]
        if ord(ch) >= 0xA0:
            found.append(_Candidate(m.start(), m.end(), ch, ("Latin-1",), 1, 0,
                                    encoding="Windows-1252"))
    return found


# "Ã" then a space: U+00E0 'à' (C3 A0) whose no-break space became a plain space.
_LOST_NBSP = re.compile(r"(?:(?<=[a-z'’\s])|^)Ã(?= [a-zà-ÿ])|(?<=[a-zà-ÿ])Ã(?= )", re.M)
_CONTRACTION = re.compile(r"(?:quel(?:e|a|es|as)|quilo|queloutr[oa]s?)\b")
# The first two characters of a three-byte sequence whose last byte was lost: the
# bytes E2 80-8x are general punctuation ("—", "’", "“", "•"), certain damage.
_TRUNCATED = re.compile(r"â(?:€|‚|„|†|‡|ˆ|‰|Š|‹|Œ|Ž|œ|ž)(?=[?\ufffd\s]|$)")
# A Windows-1252 lead character whose continuation byte was replaced ("SlovenÄ\ufffdina").
_LOST_CONTINUATION = re.compile(r"(?<=[a-z])[Ã-ßà-ï]\ufffd(?=[a-z])")


def _lossy_candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    # Each pattern needs a character most texts lack: skip the scan when it is absent.
    for m in _LOST_NBSP.finditer(text) if "Ã" in text else ():
        end = m.end()
        rest = text[end:end + 4]
        # The no-break space was turned into a space: it is the space we see unless
        # another space follows ("voilÃ  le") or what follows is no word on its own
        # ("Ã s crianças" is "às").
        if rest.startswith("  ") or (len(rest) >= 3 and rest[1].isalpha()
                                     and rest[2] in " ,.;:!?"):
            end += 1
        elif _CONTRACTION.match(text, end + 1):
            # Portuguese "àquele", "àquela", "àquilo": "a" + a demonstrative in one
            # word, so the space is the lost no-break space (ftfy: "Ã quele" is
            # "àquele"; French "à quel point" keeps its space).
            end += 1
        found.append(_Candidate(m.start(), end, "à", ("Windows-1252",), 1, 0))
    for m in _LOST_CONTINUATION.finditer(text) if "\ufffd" in text else ():
        found.append(_Candidate(m.start(), m.end(), None, ("Windows-1252",), 1, 0))
    for m in _TRUNCATED.finditer(text) if "â" in text else ():
        end = m.end()
        if end < len(text) and text[end] in "?\ufffd":
            end += 1
        found.append(_Candidate(m.start(), end, None, ("Windows-1252",), 1, 0))
    return found


# A run of non-ASCII characters and HTML character references, at least one of each.
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ENTITY_RUN = re.compile(rf"(?:[^\x00-\x7f]|{_ENTITY})+")


def _entity_candidates(text: str) -> list[_Candidate]:
    """Mojibake that was then HTML-escaped ("10Î&frac14;s" for "10μs"): the run is
    judged with its character references decoded, in the same context."""
    found: list[_Candidate] = []
    if "&" not in text or text.isascii():
        # (every run judged holds "&" and a non-ASCII character: fifteenth session,
        # the class-and-reference scan of a whole page that has neither is skipped)
        return found
    for m in _ENTITY_RUN.finditer(text):
        run = m.group()
        if run.isascii() or "&" not in run:
            continue
        decoded = html.unescape(run)
        # Each reference must stand for one non-ASCII character (not "&amp;").
        refs = re.findall(_ENTITY, run)
        if any(len(html.unescape(r)) != 1 or html.unescape(r).isascii() for r in refs):
            continue
        left, right = _context(text, m.start(), m.end())
        inner = _scan(left + decoded + right)
        whole = [d for d in inner if d.start == len(left)
                 and d.end == len(left) + len(decoded) and d.repaired is not None
                 and not d.doubt]
        if whole:
            found.append(_Candidate(m.start(), m.end(), whole[0].repaired,
                                    (whole[0].codec + ", then HTML-escaped",), 1, 0))
    return found


def _same_again(text: str, label: str) -> str | None:
    """``text`` undone once more with the code page the layer just undone was read
    with, when the whole of ``text`` is that page's UTF-8 look-alike and the result is
    readable or is itself that damage again; else None. (Windows-1252 and Latin-1 up
    to fix22; then every single-byte page: "‚Äö√†√∂¬¨¬©", "é" read three times as Mac
    Roman, was undone twice, "√©", as the third layer scanned alone is too short to
    score.)"""
    if label == "Latin-1":
        label = "Windows-1252"
    page = next((p for p in _pages() if p.label == label), None)
    if page is None or not page.pattern.fullmatch(text):
        return None
    again = _utf8(bytes(page.encode[c] for c in text))
    if again is None or again == text:
        return None
    if _acceptable(again) or page.pattern.fullmatch(again):
        return again
    return None


def _deepen(cand: _Candidate) -> _Candidate:
    """Undo further layers: the repair of a double encoding is itself mojibake."""
    repaired = cand.repaired
    labels = cand.labels
    for _ in range(_MAX_LAYERS - 1):
        if repaired is None or repaired.isascii():
            break
        again = _same_again(repaired, labels[-1])
        if again is not None:
            # the same accident once more, over the whole run: a layer read as
            # Windows-1252 or Latin-1 is undone the same way before any other page is
            # tried ("Ã¢Â\x80Â\x94" is "â\x80\x94" once more, then "—"; scanned
            # alone, Windows-1254 reads it better than Latin-1 does)
            labels = labels + (labels[-1],)
            repaired = again
            continue
        inner = _scan(repaired, deep=False)
        whole = [d for d in inner if d.start == 0 and d.end == len(repaired)
                 and d.repaired is not None]
        if inner and not whole:
            # Partly damaged inside: repair the damaged parts only when they are all fixable.
            if any(d.repaired is None for d in inner):
                break
            out, pos = [], 0
            for d in inner:
                out.append(repaired[pos:d.start])
                out.append(d.repaired)  # type: ignore[arg-type]
                pos = d.end
            out.append(repaired[pos:])
            labels = labels + (inner[0].codec,)
            repaired = "".join(out)
            continue
        if not whole:
            # The outer layer already proved damage: a repair that is entirely a
            # Windows-1252 round trip again is the same accident twice ("Ã¢â€\x9d").
            page = _pages()[0]
            if not page.pattern.fullmatch(repaired):
                break
            again = _utf8(bytes(page.encode[c] for c in repaired))
            if again is None or not _acceptable(again):
                break
            labels = labels + (page.label,)
            repaired = again
            continue
        labels = labels + (whole[0].codec,)
        repaired = whole[0].repaired
    return _Candidate(cand.start, cand.end, repaired, labels, cand.score, cand.priority,
                      cand.encoding)


def _label(labels: tuple[str, ...]) -> str:
    if len(labels) == 1:
        return labels[0]
    if len(set(labels)) == 1:
        return f"{labels[0]} {['', '', 'twice', 'three times'][len(labels)]}".strip()
    return ", then ".join(labels)


def _scan(text: str, deep: bool = True) -> list[Damage]:
    if text.isascii():
        return []
    raw = _single_byte_candidates(text) + _double_byte_candidates(text)
    judged = []
    for c in raw:
        if deep:
            c = _deepen(c)
        assert c.repaired is not None
        if _acceptable(c.repaired):
            judged.append((c, _score(text, c.start, c.end, c.repaired)))
    if _line_art(text, [c for c, _ in judged]):
        judged = [(c, score) for c, score in judged
                  if not all(_is_box(ch) for ch in text[c.start:c.end])]
    # Damage comes in batches: once a text shows two clear runs through one code
    # page, a run through the same page that is merely not less plausible than its
    # repair ("Ξ— ημικρανία") is the same accident.
    clear: dict[str, int] = {}
    for c, score in judged:
        if score >= 2:
            clear[c.labels[0]] = clear.get(c.labels[0], 0) + 1
    scored = []
    for c, score in judged:
        need = _THRESHOLD if c.labels[0] in _COMMON_PAGES else _THRESHOLD + 1
        if clear.get(c.labels[0], 0) >= 1 and len(c.repaired or "") < c.end - c.start:
            need = 0
        if score >= need:
            repaired: str | None = c.repaired
            if _lossy_neighbourhood(text, c.start, c.end):
                repaired = None
            elif _truncated_inside(text, c.end, c.repaired):
                # Double damage whose inner layer lost a byte ("Ã¢â‚¬?" is "â€?" damaged
                # again): the one-layer repair would be damaged text itself, so it is
                # reported like the single case, the "?" with it, without a fix.
                end = c.end + (c.end < len(text) and text[c.end] in "?\ufffd")
                scored.append(_Candidate(c.start, end, None, c.labels + ("Windows-1252",),
                                         score, c.priority))
                continue
            scored.append(_Candidate(c.start, c.end, repaired, c.labels, score, c.priority))
    scored += _c1_candidates(text) + _lossy_candidates(text)
    if "&" in text:
        scored += _entity_candidates(text)
    # Best first: more evidence and more text explained, then the page that explains
    # the rest of the text, then the more common code page.
    scored.sort(key=lambda c: (-(c.score + c.end - c.start), -clear.get(c.labels[0], 0),
                               c.priority, c.start))
    taken = _non_overlapping(scored)
    mixed: dict[int, str] = {}
    if deep and len(taken) > 1:
        taken, mixed = _one_page_per_sentence(text, taken, scored)
    if deep:
        taken = _outer_of_lost(text, taken)
    doubts = _doubts(text, taken) if deep else [""] * len(taken)
    for i, pages in mixed.items():
        if not doubts[i]:
            doubts[i] = ("the runs of this sentence repair only through different code "
                         "pages (" + pages + ")")
    return [Damage(c.start, c.end, text[c.start:c.end], c.repaired, _label(c.labels),
                   c.encoding, doubt) for c, doubt in zip(taken, doubts)]


def _outer_of_lost(text: str, taken: list[_Candidate]) -> list[_Candidate]:
    """A run whose repair ends in what Windows-1252 shows for a UTF-8 lead byte ("Ã¢"
    -> "â"), glued to a run that cannot be repaired because a byte was lost ("â€\ufffd"),
    is the outer layer of a double encoding whose inner layer is lossy: the one-layer
    repair would leave "ââ€\ufffd", damage of a new shape. It is reported without a
    fix, as the lossy run is (fix22: ftfy's "Ã¢â€\ufffdâ€™(...)" case)."""
    leads = _pages()[0].leads
    out = list(taken)
    for i in range(len(out) - 1):
        c, nxt = out[i], out[i + 1]
        if (c.repaired and c.repaired[-1] in leads and nxt.start == c.end
                and nxt.repaired is None):
            out[i] = _Candidate(c.start, c.end, None, c.labels, c.score, c.priority,
                                c.encoding)
    return out


def _family(label: str) -> str:
    # Latin-1 decoders give C1 controls where Windows-1252 gives punctuation, and one
    # accident mixes the two (see _build_page): one code page here
    return "Windows-1252" if label == "Latin-1" else label


# What ends a sentence (or a line) between two runs: the runs before and after it may
# come from different accidents.
_SENTENCE_GAP = re.compile(r"[.!?。！？]\s|\n")


def _one_page_per_sentence(text: str, taken: list[_Candidate],
                           pool: list[_Candidate]) -> tuple[list[_Candidate], dict[int, str]]:
    """The runs of one sentence went through one code page: when the runs taken in a
    sentence name different pages, repair them all through a page that repairs every
    one of them (the sentence that reads best through it first, then the page more of
    them already use, then the better total score, then the more common page). When
    no page does, the runs are returned (index -> the pages of that sentence's runs,
    for the message), to be reported without a fix; but a page that repairs two or
    more of them, more than any other page does, takes those runs (chosen as above),
    and only the others are returned.

    fix21d (an independent review): Slovak UTF-8 read as ISO-8859-2, "mĂ´ĹžeĹĄ prĂ­sĹĽ",
    was repaired "môžeť prísż": "Ă´Ĺž" through ISO-8859-2, then "ĹĄ" and "ĹĽ" through
    Windows-1250, where those two runs tie and Windows-1250 comes first. ISO-8859-2
    repairs all four ("môžeš prísť").

    fix21f (review s21b): E1, the pages named in the message were gathered over every
    such run of the page, once for each run (quadratic: 21.5 s at 100,000 characters,
    and a sentence's message named another sentence's page); they are now the pages
    of that sentence's runs, gathered once per sentence. E12, next to a Greek run no
    Latin page repairs, the Slovak runs "Ă´Ĺž" and "ĹĄ" were left on their own pages
    and "ĹĄ" was offered as "ť" (Windows-1250); ISO-8859-2 repairs both ("š").
    """
    by_span: dict[tuple[int, int], dict[str, _Candidate]] = {}
    for c in pool:
        if c.repaired is not None and c.encoding == "UTF-8":
            # best first in pool: keep the first candidate of each page for a span
            by_span.setdefault((c.start, c.end), {}).setdefault(_family(c.labels[0]), c)
    out = list(taken)
    mixed: dict[int, str] = {}
    group: list[int] = []

    def best(runs: list[int], pages: list[str]) -> list[_Candidate]:
        options = []
        lo, hi = max(0, out[runs[0]].start - 2), out[runs[-1]].end + 2
        for page in pages:
            alts = [by_span[(out[i].start, out[i].end)][page] for i in runs]
            parts, pos = [], lo
            for a in alts:
                parts += [text[pos:a.start], a.repaired or ""]
                pos = a.end
            parts.append(text[pos:hi])
            # the sentence reads best through it (clean text), then more runs already
            # use it, then the repairs are more plausible, then the commoner page
            options.append((-_weirdness("".join(parts)),
                            sum(_family(out[i].labels[0]) == page for i in runs),
                            sum(a.score for a in alts), -min(a.priority for a in alts),
                            page, alts))
        *_, alts = max(options, key=lambda o: o[:4])
        return alts

    def settle() -> None:
        runs = [i for i in group if out[i].repaired is not None]
        pages = {_family(out[i].labels[0]) for i in runs}
        if len(pages) < 2:
            return
        can = [set(by_span.get((out[i].start, out[i].end), {})) for i in runs]
        common = sorted(set.intersection(*can))
        if common:
            for i, a in zip(runs, best(runs, common)):
                out[i] = a
            return
        # no page repairs every run: a page that repairs more of them than any other
        # (two at least) takes those; the rest are reported without a fix
        count = Counter(p for c in can for p in c)
        top = max(count.values(), default=0)
        leaders = sorted(p for p, n in count.items() if n == top)
        sub = [i for i, c in zip(runs, can) if leaders and leaders[0] in c]
        # (pages tied on the count must repair the same runs, or none is taken)
        if top >= 2 and all(sub == [i for i, c in zip(runs, can) if p in c] for p in leaders):
            for i, a in zip(sub, best(sub, leaders)):
                out[i] = a
            moved = set(sub)
            runs = [i for i in runs if i not in moved]
            pages = {_family(out[i].labels[0]) for i in group if out[i].repaired is not None}
        named = ", ".join(sorted(pages))
        for i in runs:
            mixed[i] = named

    for i in range(len(out)):
        if group and _SENTENCE_GAP.search(text, out[i - 1].end, out[i].start):
            settle()
            group = []
        group.append(i)
    settle()
    return out, mixed


def _letter_scripts(s: str) -> set[str]:
    # (each distinct character once: the gaps read here are often the whole page, and
    # a script lookup per character cost a page with damage 0.2 ms a thousand letters)
    return {sc for ch in set(s) if ch.isalpha() and (sc := _script(ch)) != "common"}


def _script_counts(s: str) -> Counter[str]:
    """How many letters of each script (other than "common") ``s`` holds."""
    out: Counter[str] = Counter()
    for ch, n in Counter(s).items():  # (counted in C; each distinct character looked up once)
        if ch.isalpha():
            sc = _script(ch)
            if sc != "common":
                out[sc] += n
    return out


def _gaps(text: str, taken: list[_Candidate]) -> str:
    """``text`` outside every run of ``taken`` (sorted, non-overlapping)."""
    parts, pos = [], 0
    for d in taken:
        parts.append(text[pos:d.start])
        pos = d.end
    parts.append(text[pos:])
    return "".join(parts)


# A capital "Â"/"Ã" ending a word in capitals before a (no-break) space and another
# word in capitals: a letter of the word ("MISUTÂ AJIKKO", "ROMÂNIA"-style romaji or
# Romanian) as likely as the lead byte of a no-break space.
_CAPITAL_A = re.compile(r"(?<=[A-Z])[ÂÃ](?=[\xa0 ]+[A-Z\u00c0-\u00de]|[\xa0 ]*$)")


_EMOJI_GLUE = re.compile("[\ufe0e\ufe0f\u200d]")


def _doubts(text: str, taken: list[_Candidate]) -> list[str]:
    """For each repair, why it should not be applied automatically ("" when it may).

    Twenty-first session (an outside audit): ftfy's "hopeless garble" was rewritten
    into Armenian and CJK letters through "Mac Roman, then Latin-1". A repair that
    brings in letters of a script the rest of the text (outside every damaged run, and
    the other runs' repairs) does not use, or that rests on two different code pages,
    must be clearly more plausible: a score of at least 1 with a repair that reads as
    clean text on its own (weirdness 0), or a score of at least 2 + 3 per point of
    weirdness left in the repair. Otherwise the run is still reported, without a fix.
    """
    out = []
    # Letters per script over the whole text outside the runs and over every run's
    # repair, counted once: a run's "rest of the text" is these counts less its own
    # repair's (fix21d: rebuilding the rest for each run made a page of damage that
    # brings in a new script quadratic, 134 s at 100,000 characters).
    rest_counts: Counter[str] | None = None
    for i, c in enumerate(taken):
        doubt = ""
        rep = c.repaired
        if rep is not None:
            m = _CAPITAL_A.match(text, c.start)
            if m is not None and m.end() == c.start + 1 and rep in ("\xa0", "à", "à "):
                doubt = (f"'{text[c.start]}' may be a letter of the word in capitals "
                         f"before it")
        if rep is not None and not doubt and not c.labels[-1].endswith("HTML-escaped"):
            # (a run under HTML escapes was judged, doubts included, decoded)
            others = [text[(taken[i - 1].end if i else 0):c.start],
                      text[c.end:(taken[i + 1].start if i + 1 < len(taken) else len(text))]]
            # (only the neighbouring gaps are read here; the rest of the text is
            # checked below only when needed, so a page of damage stays linear)
            new = _letter_scripts(rep) - _letter_scripts(text[c.start:c.end])
            new -= _letter_scripts("".join(others))
            if new:
                if rest_counts is None:
                    rest_counts = _script_counts(_gaps(text, taken))
                    for d in taken:
                        rest_counts.update(_script_counts(d.repaired or ""))
                own = _script_counts(rep)
                new = {n for n in new if rest_counts[n] - own[n] <= 0}
            chain = len(set(c.labels)) > 1
            if new or chain:
                score = _score(text, c.start, c.end, rep)
                # (the repair alone: its neighbours may be damage still to repair)
                # (emoji variation selectors and joiners are no weirdness here)
                left_over = _weirdness(_EMOJI_GLUE.sub("", rep))
                if not (score >= _THRESHOLD and left_over == 0
                        or score >= 2 + 3 * left_over):
                    names = ", ".join(sorted(n.upper() if n == "cjk" else n.capitalize()
                                             for n in new))
                    doubt = (f"the repair brings in {names} letters the rest of the text "
                             f"does not use" if new else
                             f"the repair rests on two code pages ({_label(c.labels)})")
        out.append(doubt)
    # A garble: runs glued into one word with a run whose repair is in doubt ("ãƒâ€
    # ã¢â‚¬â„¢ãƒæ’..."): the runs that do repair are guesses about the same bytes.
    # Runs count as glued when nothing but non-ASCII characters, spaces and
    # punctuation lies between them (no ASCII letter or digit); the doubt spreads
    # along such a chain in both directions.
    glued = [not any(ch.isascii() and ch.isalnum()
                     for ch in text[taken[i].end:taken[i + 1].start])
             for i in range(len(taken) - 1)]
    garble = "part of a garble whose other runs do not repair plausibly"
    for order in (range(1, len(taken)), range(len(taken) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            if (not out[i] and taken[i].repaired is not None and out[j]
                    and glued[min(i, j)] and taken[j].repaired is not None):
                out[i] = garble
    return out


def _non_overlapping(ranked: list[_Candidate]) -> list[_Candidate]:
    """Greedy pick in rank order, skipping any candidate that overlaps one taken."""
    starts: list[int] = []  # sorted starts of the taken spans (they never overlap)
    by_start: dict[int, _Candidate] = {}
    for c in ranked:
        i = bisect_right(starts, c.start)
        if i and by_start[starts[i - 1]].end > c.start:
            continue
        if i < len(starts) and starts[i] < c.end:
            continue
        starts.insert(i, c.start)
        by_start[c.start] = c
    return [by_start[s] for s in starts]


def _truncated_inside(text: str, end: int, repaired: str | None) -> bool:
    """The repair ends in a three-byte sequence whose last byte was lost ("â€" then
    "?", a space or the end): a repair that is itself lossy damage."""
    if not repaired or "â" not in repaired:
        return False
    m = _TRUNCATED.search(repaired + text[end:end + 1])
    return m is not None and m.end() == len(repaired)


def _lossy_neighbourhood(text: str, start: int, end: int) -> bool:
    """Bytes next to the run were lost ("Ã?Â¢â?¬"): the run may be cut anywhere."""
    n = len(text)
    after = end < n and text[end] in "?\ufffd" and end + 1 < n and not text[end + 1].isascii()
    before = start >= 2 and text[start - 1] in "?\ufffd" and not text[start - 2].isascii()
    return after or before


_BOX = re.compile("[\u2500-\u259f]")


def _is_box(ch: str) -> bool:
    return "\u2500" <= ch <= "\u259f"


def _line_art(text: str, candidates: list[_Candidate]) -> bool:
    """Box drawing that no round trip explains ("├┤a┼┐a"): the text draws with
    these characters on purpose, so runs made only of them are drawing too."""
    if not _BOX.search(text):
        return False
    covered = bytearray(len(text))
    for c in candidates:
        covered[c.start:c.end] = b"\x01" * (c.end - c.start)
    return any(_is_box(ch) and not covered[i] for i, ch in enumerate(text))


def _acceptable(repaired: str) -> bool:
    """A repair may not introduce characters no text would contain (nor the long s
    "ſ", which only historic transcriptions use and DOS box drawing decodes to)."""
    for ch in repaired:
        if ch == "ſ":
            return False
        cat = _cat(ch)
        if cat in ("Cn", "Co", "Cs") or (cat == "Cc" and ch not in "\t\n\r"):
            return False
    return True


def scan(text: str) -> list[Damage]:
    """Every mojibake run in ``text``, in order, non-overlapping."""
    return _scan(text)


def repair(text: str) -> str:
    """``text`` with every repairable run repaired (lossy runs, and runs whose repair
    is in doubt, are left as they are)."""
    out, pos = [], 0
    for d in _scan(text):
        if d.repaired is None or d.doubt:
            continue
        out.append(text[pos:d.start])
        out.append(d.repaired)
        pos = d.end
    out.append(text[pos:])
    return "".join(out)
