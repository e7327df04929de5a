"""Alternations of many case-insensitive patterns, searched fast and compiled lazily.

The claim lexicon joins hundreds of cue patterns into alternations such as
``(?:p1)|(?:p2)|...`` with ``re.IGNORECASE``. Python's ``re`` tries every alternative
at every position of a sentence, and compiling the big alternations is most of the
start-up time of a one-page run. Most sentences contain the literal words of only a
few alternatives, so :class:`Alternation` does what the joined pattern does, only
faster:

- each alternative's *required literals* are read from its parse tree (a set of
  strings of which at least one must occur in any text the alternative matches:
  "reduc" for ``\\breduc(?:es|ed)\\b``, {"ease", "relie"} for
  ``(?:ease|relie)\\w*``);
- a search tries only the alternatives whose required literals occur in the
  lower-cased text, each compiled on first use;
- the earliest match wins, ties going to the earlier alternative: exactly the match
  the joined alternation returns (``tests/test_gated.py`` checks this on every
  sentence of the corpus and on generated text).

Reading the literals means parsing each pattern, which costs as much as compiling it.
For the shipped lexicons they are read ahead of time into ``rules/pattern-gates.json``
(``python -m conditionlint.gated`` writes it; a test checks it is current), keyed by a
hash of the pattern and its flags; a pattern missing from the table (a changed
lexicon) has its literals read at run time, so a stale table is slower, never wrong.

Case folding: under ``re.IGNORECASE`` an ASCII letter also matches three non-ASCII
letters whose lower case is not that letter (dotted capital I, dotless i, long s).
A text containing one of them is searched without the literal gate.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
else:  # pragma: no cover - Python 3.10
    import sre_constants as C
    import sre_parse as P

# Opcodes Python 3.10 does not have (possessive repeats and atomic groups).
_POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", object())
_ATOMIC = getattr(C, "ATOMIC_GROUP", object())

# Non-ASCII letters that re.IGNORECASE equates with an ASCII letter although their
# lower case differs from it (found by trying every code point: tests/test_gated.py).
FOLD_EXCEPTIONS = re.compile("[\u0130\u0131\u017f]")


def has_fold_exception(text: str) -> bool:
    """``FOLD_EXCEPTIONS.search(text) is not None``, by substring tests (fifteenth
    session: re scans a text for a character class at about 9 ns a character, ``in``
    about a hundred times faster; an ASCII text holds none of the three)."""
    return not text.isascii() and (
        "\u0130" in text or "\u0131" in text or "\u017f" in text)

Requirement = frozenset[str]  # at least one of these strings occurs in a match


# A pseudo-literal: "some decimal digit (\\d) occurs". It cannot be a real literal,
# which holds printable ASCII only.
DIGIT = "\x00digit"
_ANY_DIGIT = re.compile(r"\d")


_NON_WORD = re.compile(r"\W")

_USABLE = 2.5  # literals of three characters or more (the index works on trigrams), or DIGIT


# Fifteenth session, second pass: "%" alone is a usable literal too, like DIGIT (the statistic
# patterns, "\b95\s?% ?CI\b", "\b(?:by|of) ... \d+(?:\.\d+)?\s?%", had only DIGIT
# for a gate and were searched in every sentence with a digit): no other character
# matches it under any flag, and the index finds it with the other literals that hold
# a non-word character (``_LiteralIndex.by_char``)
# Seventeenth session: "&" likewise (the same test on every code point): the disclaimer's
# "what to do in an emergency" element has "\bA\s*&\s*E\b" among its alternatives, which
# left the whole element without a gate, searched in every block of every page
_SHORT_USABLE = frozenset({DIGIT, "%", "&"})


def _strength(lit: str) -> float:
    # (a word literal's edge marks, see below, are not characters of the literal)
    return _USABLE if lit in _SHORT_USABLE else len(lit.strip(" "))  # weaker than any 3-letter word


def _usable(r: Requirement) -> bool:
    return bool(r) and min(map(_strength, r)) >= _USABLE


def _best(reqs: list[Requirement]) -> Requirement | None:
    good = [r for r in reqs if _usable(r)]
    if not good:
        return None
    return max(good, key=lambda r: (min(map(_strength, r)), -len(r)))


def _is_digit_class(av: list) -> bool:
    """A character class that only matches decimal digits: \\d, [0-9], [1-5]."""
    if not av:
        return False
    for op, arg in av:
        if op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            continue
        if op is C.RANGE and 48 <= arg[0] <= arg[1] <= 57:
            continue
        if op is C.LITERAL and 48 <= arg <= 57:
            continue
        return False
    return True


# Word edges. A literal made of word characters that the pattern puts right after
# "\b", "^", white space or another non-word character (a look-around in between
# changes nothing) must start a word of the text; right before one, end a word. Such a
# literal is written with a space on that side (" can " for "\bcan\b": no literal
# holds a space, as white space ends a literal), and the index reports it only for a
# word of the text that starts or ends so: "can" in "cancer" does not let "\bcan\b"
# through. Lower-casing keeps every character's word-ness but for the dotted capital
# I, which bypasses the gate (tests/test_gated.py checks every code point), so the
# words of the lower-cased text are those re's "\b" sees. Not for patterns with an
# ASCII flag, whose "\b" is not the index's.
_BEFORE_EDGES = frozenset({C.AT_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING})
_AFTER_EDGES = frozenset({C.AT_BOUNDARY, C.AT_END, C.AT_END_STRING})
_NONWORD_CATEGORIES = frozenset({C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD})
_WORD_LITERAL = re.compile(r"\w+")
_ASCII_FLAG = re.compile(r"\(\?[a-zA-Z-]*a")


def _nonword_char_item(op: Any, av: Any) -> bool:
    """Whether every character the item matches is a non-word character."""
    if op is C.LITERAL:
        return av < 128 and not _WORD_LITERAL.match(chr(av))
    if op is C.IN:
        return bool(av) and all(
            (o is C.LITERAL and a < 128 and not _WORD_LITERAL.match(chr(a)))
            or (o is C.CATEGORY and a in _NONWORD_CATEGORIES) for o, a in av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE):
        lo, _hi, sub = av
        return lo >= 1 and len(sub) == 1 and _nonword_char_item(*sub[0])
    return False


def _edge(items: list, i: int, step: int, outer: bool) -> bool:
    """Whether a non-word character or the text's edge is next to the literal, on the
    side of ``items[i]`` (``step`` -1: before it, +1: after it); ``outer`` when the
    sequence ends there."""
    while 0 <= i < len(items):
        op, av = items[i]
        if op is C.ASSERT or op is C.ASSERT_NOT:
            i += step
            continue
        if op is C.AT:
            return av in (_BEFORE_EDGES if step < 0 else _AFTER_EDGES)
        return _nonword_char_item(op, av)
    return outer


def _seq_requirements(items: list, before: bool = False, after: bool = False,
                      edges: bool = False) -> list[Requirement]:
    """Requirements (each must hold) of a parsed sequence; ``before``/``after``: the
    sequence starts/ends next to a non-word character or the text's edge; ``edges``:
    mark word literals' edges (see above)."""
    reqs: list[Requirement] = []
    run: list[str] = []
    start = 0

    def flush(end: int) -> None:
        if run:
            lit = "".join(run).lower()
            if edges and _WORD_LITERAL.fullmatch(lit):
                lit = (" " if _edge(items, start - 1, -1, before) else "") + lit + (
                    " " if _edge(items, end, 1, after) else "")
            reqs.append(frozenset({lit}))
            if len(run) < 3 and any(c.isdigit() for c in run):
                reqs.append(frozenset({DIGIT}))  # too short a literal, but a digit ("95")
            run.clear()

    for idx, (op, av) in enumerate(items):
        if op is C.LITERAL:
            ch = chr(av)
            if ch.isascii() and ch.isprintable() and not ch.isspace():
                if not run:
                    start = idx
                run.append(ch)
                continue
            flush(idx)
        elif op is C.IN and _is_digit_class(av):
            flush(idx)
            reqs.append(frozenset({DIGIT}))
        elif op is C.SUBPATTERN:
            flush(idx)
            _group, add_flags, _del, sub = av
            if add_flags & (re.VERBOSE | re.LOCALE):
                continue
            r = _requirement(sub, _edge(items, idx - 1, -1, before),
                             _edge(items, idx + 1, 1, after), edges)
            if r is not None:
                reqs.append(r)
        elif op is C.BRANCH:
            flush(idx)
            r = _branch_requirement(av[1], _edge(items, idx - 1, -1, before),
                                    _edge(items, idx + 1, 1, after), edges)
            if r is not None:
                reqs.append(r)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE):
            flush(idx)
            lo, _hi, sub = av
            if lo >= 1:
                r = _requirement(sub, edges=edges)
                if r is not None:
                    reqs.append(r)
        elif op is _ATOMIC:
            flush(idx)
            r = _requirement(av, _edge(items, idx - 1, -1, before),
                             _edge(items, idx + 1, 1, after), edges)
            if r is not None:
                reqs.append(r)
        elif op is C.ASSERT:
            # Fifteenth session: a positive look-ahead or look-behind in the sequence
            # holds in every match, so what it requires occurs in the text too
            # ("^(?=[\s\S]{0,300}?\b(?:fabrics?|...)\b)(?!...)" was tried in every
            # sentence). Its own edges count; its far end is not known (no mark there).
            flush(idx)
            direction, sub = av
            if direction > 0:
                r = _requirement(sub, _edge(items, idx - 1, -1, before), False, edges)
            else:
                r = _requirement(sub, False, _edge(items, idx + 1, 1, after), edges)
            if r is not None:
                reqs.append(r)
        else:  # classes, any, anchors, negative look-arounds, back-references, conditionals
            flush(idx)
    flush(len(items))
    return reqs


def _requirement(sub: object, before: bool = False, after: bool = False,
                 edges: bool = False) -> Requirement | None:
    return _best(_seq_requirements(list(sub), before, after, edges))


def _branch_requirement(branches: list, before: bool = False, after: bool = False,
                        edges: bool = False) -> Requirement | None:
    out: set[str] = set()
    for b in branches:
        r = _requirement(b, before, after, edges)
        if r is None:
            return None
        out |= r
    return frozenset(out)


def required_literals(pattern: str, flags: int = 0) -> Requirement | None:
    """Strings (lower case) of which one occurs in every match of ``pattern``; None
    when no such set of strings of length >= 3 was found (the pattern is always
    tried)."""
    sets = required_sets(pattern, flags)
    return sets[0] if sets else None


def required_sets(pattern: str, flags: int = 0) -> tuple[Requirement, ...]:
    """Every usable requirement of ``pattern``'s top-level sequence, the most selective
    first: each must hold in a text the pattern matches. Empty: always tried. (A
    pattern holding a text given to :func:`gate_as` has the gate of its equivalent.)"""
    for text, source in _gate_swaps:
        if text in pattern:
            pattern = pattern.replace(text, source)
    return _required_sets(pattern, flags)


def _required_sets(pattern: str, flags: int = 0) -> tuple[Requirement, ...]:
    if flags & (re.VERBOSE | re.LOCALE):
        return ()
    try:
        parsed = P.parse(pattern, flags)
    except re.error:
        return ()
    if parsed.state.flags & (re.VERBOSE | re.LOCALE):
        return ()
    edges = not (parsed.state.flags & re.ASCII or _ASCII_FLAG.search(pattern))
    reqs = {r for r in _seq_requirements(list(parsed), edges=edges) if _usable(r)}
    return tuple(sorted(reqs, key=lambda r: (-min(map(_strength, r)), len(r), sorted(r))))


# -- first-character guards ---------------------------------------------------------
# An alternative that starts with "\\b" or a look-behind gets no literal or character-set
# prefix from Python's regex compiler under IGNORECASE: its search runs the whole
# pattern at every position of the text. A look-ahead for the characters a match can
# start with, read from the parsed pattern and compiled with the same flags, rejects
# most positions at once (the same technique as checks/safety.py's lexicon guards). It
# is zero-width, has no group and holds in every match, so the matches are the same.
_GUARD_ESCAPES = {C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
                  C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D",
                  C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _first_chars(items: list) -> list | None:
    """Character-set items one of which is the first character of every match of the
    parsed sequence ``items``; None when that cannot be told."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return [(op, av)]
        if op is C.IN:
            return None if any(o is C.NEGATE for o, _ in av) else list(av)
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            # scoped flags ("(?i:...)", "(?-i:...)") would not hold for the guard
            return None if add_flags or del_flags else _first_chars(list(sub))
        if op is C.BRANCH:
            out: list = []
            for alt in av[1]:
                first = _first_chars(list(alt))
                if first is None:
                    return None
                out.extend(first)
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE) and av[0] >= 1:
            return _first_chars(list(av[2]))
        return None
    return None


_ANCHORS = {C.AT_BEGINNING: "^", C.AT_BEGINNING_STRING: r"\A"}


def _first_info(items: list) -> tuple[list, set[str], bool] | None:
    """A wider :func:`_first_chars` (tenth session), for the patterns it cannot tell:
    optional items ("S?MD", "(?:a\\s+)?definite") add their first characters to those
    of what follows them, and an alternative that opens with "^" or "\\A" adds that
    anchor. Returns (character-set items, anchors, complete): every match of the
    sequence starts with one of the characters or where one of the anchors holds, or
    (not complete) matches the empty string there; None when that cannot be told."""
    chars: list = []
    anchors: set[str] = set()
    for op, av in items:
        if op is C.ASSERT or op is C.ASSERT_NOT:
            continue
        if op is C.AT:
            if av in _ANCHORS:
                anchors.add(_ANCHORS[av])
                return chars, anchors, True
            continue  # "\\b", "$"...: zero-width, the match's first character follows
        if op is C.LITERAL:
            chars.append((op, av))
            return chars, anchors, True
        if op is C.IN:
            if any(o is C.NEGATE for o, _ in av):
                return None
            chars.extend(av)
            return chars, anchors, True
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            got = _first_info(list(sub))
        elif op is _ATOMIC:
            got = _first_info(list(av))
        elif op is C.BRANCH:
            got = ([], set(), True)
            for alt in av[1]:
                one = _first_info(list(alt))
                if one is None:
                    return None
                got = (got[0] + one[0], got[1] | one[1], got[2] and one[2])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE):
            got = _first_info(list(av[2]))
            if got is not None and av[0] < 1:
                got = (got[0], got[1], False)
        else:
            return None
        if got is None:
            return None
        chars.extend(got[0])
        anchors |= got[1]
        if got[2]:
            return chars, anchors, True
    return chars, anchors, False


def first_char_guard(pattern: str, flags: int) -> str:
    """``(?=[...])`` for the characters every match of ``pattern`` starts with, or ""
    when they cannot be told (then no guard is used); ``(?:^|(?=[...]))`` when some
    alternatives open with "^" (a search tries every position of the text, but those
    alternatives can only match where "^" holds)."""
    if flags & (re.VERBOSE | re.LOCALE):
        return ""
    try:
        parsed = P.parse(pattern, flags)
    except re.error:
        return ""
    if parsed.state.flags & (re.VERBOSE | re.LOCALE) or _GLOBAL_FLAGS.match(pattern):
        return ""  # inline flags: a guard in front would not be at the pattern's start
    items = _first_chars(list(parsed))
    anchors: set[str] = set()
    if not items:
        info = _first_info(list(parsed))
        if info is None or not info[2] or not info[0]:
            return ""  # unknown, may match the empty string, or anchored at the start
        items, anchors = info[0], info[1]
        if any(op is C.CATEGORY and av in (C.CATEGORY_NOT_WORD, C.CATEGORY_NOT_SPACE,
                                           C.CATEGORY_NOT_DIGIT) for op, av in items):
            return ""  # (nearly) every character: a guard would not reject positions
    parts = set()
    for op, av in items:
        if op is C.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _GUARD_ESCAPES:
            parts.add(_GUARD_ESCAPES[av])
        else:
            return ""
    look = "(?=[" + "".join(sorted(parts)) + "])"
    return "(?:" + "|".join([*sorted(anchors), look]) + ")" if anchors else look


def compile_guarded(pattern: str, flags: int) -> re.Pattern[str]:
    """``pattern`` compiled behind its first-character guard (see above). The guard is
    kept in the compiled-pattern store, when the command line has one. The claim
    alternations' patterns and the safety lexicons (checks/safety.py) are compiled so."""
    from conditionlint import recache

    guard = recache.derived("gated.first-char-guard", (source_stamp(), pattern, int(flags)),
                            lambda: "" if _sre_prefixed(pattern, flags)
                            else first_char_guard(pattern, flags))
    if guard:
        try:
            return re.compile(f"{guard}(?:{pattern})", flags)
        except re.error:  # pragma: no cover - a guard is implied by a valid pattern
            pass
    return re.compile(pattern, flags)


def _sre_prefixed(pattern: str, flags: int) -> bool:
    """Whether Python's regex compiler finds, for ``pattern`` itself, a literal prefix or
    the set of its first characters (an uncased literal such as "?" or "(", a set such
    as "[£$€]"): then its search skips to them in C, several times faster than a
    look-ahead guard in front, which hides them from it (a pattern that opens with
    "\\b" or a cased letter under IGNORECASE gets neither, and keeps its guard)."""
    if sys.version_info >= (3, 11):
        from re import _compiler as sc  # type: ignore[attr-defined]
    else:  # pragma: no cover - Python 3.10
        import sre_compile as sc
    try:
        parsed = P.parse(pattern, flags)
        all_flags = parsed.state.flags | flags
        if all_flags & re.LOCALE:
            return False
        if sc._get_literal_prefix(parsed, all_flags)[0]:  # noqa: SLF001
            return True
        return sc._get_charset_prefix(parsed, all_flags) is not None  # noqa: SLF001
    except Exception:  # noqa: BLE001 - private helpers: keep the guard when they change
        return False


# -- alternatives grouped by their first letter ---------------------------------------
def by_first_letter(alts: list[str]) -> str:
    """``"|".join(alts)``, the alternatives grouped by the character (a letter, a digit...)
    every match of each starts with: "(?:(?:pain)|(?:periods?))|(?:(?:aches?)|(?:aching))|...", each group
    where its first member stood, the members in their order (fifteenth session).

    The same matches: two alternatives whose first characters differ (ignoring case)
    never match at the same place, whatever the flags (re.IGNORECASE equates no two
    ASCII characters), so only the order of those that share a letter decides which one a match
    takes, and that order is kept. Faster: under IGNORECASE re enters every alternative
    at every place it tries (it skips an alternative by its first character only for a
    case-sensitive literal); grouped, it enters one group per letter, then only that
    letter's members. (No alternative may hold a capturing group.) The 137 health
    objects, tried at every word of a sentence: 118 -> 18 microseconds a sentence.
    Unchanged when an alternative may start otherwise than
    with one ASCII character (read from re's parse of it). Used for the word lists of
    claimstructure.py and the safety lexicons' joined patterns (checks/safety.py).
    Kept in the compiled-pattern store, when the command line has one (reading 340
    alternatives with re's parser is about 15 ms of a start)."""
    from conditionlint import recache

    return recache.derived("gated.by-first-letter", (source_stamp(), "\0".join(alts)),
                           lambda: _by_first_letter(alts))


def _by_first_letter(alts: list[str]) -> str:
    keys = []
    for alt in alts:
        key = _first_letter(alt)
        if key is None:
            return "|".join(alts)
        keys.append(key)
    groups: dict[str, list[str]] = {}
    for key, alt in zip(keys, alts):
        groups.setdefault(key, []).append(alt)
    return "|".join(g[0] if len(g) == 1 else "(?:%s)" % "|".join(g)
                    for g in groups.values())


def _first_letter(alt: str) -> str | None:
    """The ASCII character (lower case) every match of ``alt`` starts with (after
    zero-width items: "\\b", anchors, look-arounds), or None. (IGNORECASE equates
    ASCII letters only, each with its other case and at most two non-ASCII letters: the
    classes of two different keys never meet.)"""
    try:
        parsed = P.parse(alt, re.IGNORECASE)
    except re.error:
        return None
    if parsed.state.groups > 1:  # (moving a capturing group would renumber groups)
        return None
    items = list(parsed)
    while items:
        op, av = items[0]
        if op in _ZERO_WIDTH:  # ("\b", "^", look-arounds: at the same place)
            items = items[1:]
        elif op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            items = list(sub) + items[1:]
        else:
            break
    if not items or items[0][0] is not C.LITERAL:
        return None
    ch = chr(items[0][1])
    return ch.lower() if ch.isascii() else None


_TABLE_NAME = "pattern-gates.json"
_table: dict[str, list[list[str]] | None] | None = None
_use_table = True
_seen: dict[str, list[list[str]] | None] = {}  # key -> gate, for the table writer


_flag_texts: dict[tuple[type, int], str] = {}


def _key(pattern: str, flags: int) -> str:
    import hashlib

    # f"{flags}" of a RegexFlag goes through enum's repr, slow enough to matter over
    # the hundreds of patterns of a run: remembered per flag value (and type, as an
    # int and a RegexFlag of the same value format differently).
    fk = (type(flags), int(flags))
    text = _flag_texts.get(fk)
    if text is None:
        text = _flag_texts[fk] = f"{flags}"
    return hashlib.sha1(f"{text}\0{pattern}".encode()).hexdigest()[:20]


def _load_table() -> dict[str, list[list[str]] | None]:
    global _table
    if _table is None:
        _table = {}
        if _use_table:
            import json

            from conditionlint.resources import data_dir

            try:
                _table = json.loads((data_dir("rules") / _TABLE_NAME).read_text("utf-8"))
            except (OSError, ValueError):
                _table = {}
    return _table


def gate(pattern: str, flags: int) -> tuple[Requirement, ...]:
    """:func:`required_sets`, from the precomputed table when it has the pattern.

    When the command line has a compiled-pattern store, the gate is kept there too
    (keyed on :func:`_store_stamp`, which covers the table's bytes): a run asks for a
    dozen gates outside the stored layouts, and reading the table (1,100 entries of
    JSON, about 3 ms and 1 MB) for them was most of what they cost."""
    if _use_table:
        from conditionlint import recache

        if recache.active():
            return tuple(frozenset(r) for r in recache.derived(
                "gated.gate", (_store_stamp(), pattern, int(flags)),
                lambda: [sorted(r) for r in _gate(pattern, flags)],
                worth_saving=_table is None))  # it spares the next run the table
    return _gate(pattern, flags)


# (text, its equivalent) pairs (fifteenth session, second pass): a pattern that holds the text takes
# the gate of the same pattern with the equivalent in its place. For the claim patterns
# with the interventions grouped by first letter ("(?:therapy|therapies|...)|(?:sessions?
# |...)", see claimdetect), which re's parser reads as "t(?:herapy|herapies|...)": faster
# to match, but the literals the gate reads lose their first letter (and some their
# usable length), while the same list written flat gives every word whole
_gate_swaps: list[tuple[str, str]] = []


def gate_as(text: str, source: str) -> None:
    """Gate every pattern that holds ``text`` as the same pattern with ``source`` in its
    place (the two must match the same strings in any context). Read only when a gate
    is computed (the table writer; a pattern missing from the table)."""
    if text != source and (text, source) not in _gate_swaps:
        _gate_swaps.append((text, source))


def _gate(pattern: str, flags: int) -> tuple[Requirement, ...]:
    key = _key(pattern, flags)
    table = _load_table()
    if key in table:
        got = tuple(frozenset(r) for r in table[key] or ())
    elif not _use_table:
        got = required_sets(pattern, flags)
    else:
        # not in the table (a changed lexicon, or a word list built in code): kept in
        # the compiled-pattern store, when the command line has one, for the next run
        from conditionlint import recache

        got = tuple(frozenset(r) for r in recache.derived(
            "gated.required-sets", (source_stamp(), pattern, int(flags)),
            lambda: [sorted(r) for r in required_sets(pattern, flags)]))
    if not _use_table:  # the table writer is collecting
        _seen[key] = [sorted(r) for r in got] or None
    return got


def _gates(patterns: list[str], flags: int) -> list[Any]:
    """:func:`gate` of each pattern (for a layout, which the store keeps whole: not
    each gate again)."""
    return [_gate(p, flags) for p in patterns]


def _layout(patterns: list[str], flags: int) -> tuple[list[int], dict[str, list[int]],
                                                     dict[int, list[list[str]]]]:
    """An alternation's gates as :class:`Alternation` uses them: the alternatives
    with no gate, each first-requirement literal's alternatives (in order), and each
    alternative's further requirements. Looking up every pattern's gate and laying
    them out is about 15 ms of every start for the shipped lexicons, so the layout is
    kept in the compiled-pattern store, when the command line has one, keyed on the
    patterns and on :func:`_store_stamp` (this module's code and the gates table)."""
    if not _use_table:  # the table writer is collecting every pattern's gate
        return _lay_out(_gates(patterns, flags))
    from conditionlint import recache

    digest = recache.digest("\0".join(f"{len(p)}:{p}" for p in patterns).encode(
        "utf-8", "surrogatepass"))
    return recache.derived(
        "gated.alternation-layout", (_store_stamp(), digest, len(patterns), int(flags)),
        lambda: _lay_out(_gates(patterns, flags)))


_stamps: dict[str, str] = {}


def _digest_of(*paths: Any) -> str | None:
    """A digest of the files' bytes (:func:`recache.digest` of each); None when one
    cannot be read."""
    from conditionlint import recache

    parts = []
    for path in paths:
        try:
            parts.append(recache.digest(path.read_bytes()))
        except OSError:
            return None
    return "/".join(parts)


def _code_digest() -> str:
    """A stamp of this module's code and constants, from the loaded module itself (for
    an install whose source file cannot be read: a frozen or zipped application)."""
    import types

    from conditionlint import recache

    here = vars(sys.modules[__name__])
    code: list[Any] = []
    for name, value in sorted(here.items()):
        if isinstance(value, types.FunctionType) and value.__module__ == __name__:
            code.append(value)
        elif isinstance(value, type) and value.__module__ == __name__:
            code += [f for _, f in sorted(vars(value).items())
                     if isinstance(f, types.FunctionType)]
    consts = sorted((k, repr(sorted(v, key=repr)) if isinstance(v, frozenset) else repr(v))
                    for k, v in here.items() if not k.startswith("__")
                    and isinstance(v, (str, int, float, tuple, frozenset)))
    return "code:" + recache.code_stamp(*code) + _digest_text(repr(consts))


def _digest_text(text: str) -> str:
    from conditionlint import recache

    return recache.digest(text.encode("utf-8", "surrogatepass"))


def source_stamp() -> str:
    """A digest of this module's source: the key of every value the compiled-pattern
    store keeps for it (a literal gate, a first-character guard, a layout) names it,
    so that no value computed by other code, or with other constants, is ever used.
    Read once per process."""
    got = _stamps.get("source")
    if got is None:
        from pathlib import Path

        got = _stamps["source"] = _digest_of(Path(__file__)) or _code_digest()
    return got


def _store_stamp() -> str:
    """:func:`source_stamp` and the gates table's bytes: what a stored layout depends
    on besides its patterns (a stale table is slower, never wrong, in the store too)."""
    got = _stamps.get("store")
    if got is None:
        from conditionlint.resources import data_dir

        # an unreadable table: every gate is read at run time, by this code
        table = _digest_of(data_dir("rules") / _TABLE_NAME) or "no table"
        got = _stamps["store"] = source_stamp() + table
    return got


def _lay_out(gates: list[Any]) -> tuple[list[int], dict[str, list[int]],
                                        dict[int, list[list[str]]]]:
    always = [i for i, g in enumerate(gates) if not g]
    by_literal: dict[str, list[int]] = {}
    more: dict[int, list[list[str]]] = {}
    for i, g in enumerate(gates):
        if not g:
            continue
        for lit in sorted(g[0]):
            by_literal.setdefault(lit, []).append(i)
        if len(g) > 1:
            more[i] = [sorted(r) for r in g[1:]]
    return always, by_literal, more


# -- ASCII twins -----------------------------------------------------------------------
# Under re.IGNORECASE, a str pattern compares characters through the Unicode case
# tables (a call per character compared); with re.ASCII added, through an inline ASCII
# lower-casing, about a quarter faster for the lexicons' patterns. On a text of ASCII
# characters only the two find the same matches, if the pattern has no character that
# IGNORECASE equates with an ASCII one although it is not ASCII itself (the Kelvin sign,
# the long s, the dotted and dotless i, in a literal or a range) and the text has none
# of "\x1c"-"\x1f" (white space to Unicode's "\s", not to ASCII's): "\w", "\d", "\s" and
# "\b" agree on every other ASCII character (tests/test_gated.py checks both, on every
# code point). So each alternative has a twin compiled with re.ASCII, searched in such
# texts; the twin is the pattern itself when it holds such a character.
ASCII_FOLDS = frozenset("\u0130\u0131\u017f\u212a")  # non-ASCII, equated with ASCII letters
_INFO_SEPARATORS = re.compile("[\x1c-\x1f]")
_plain_texts: dict[str, bool] = {}


def plain_ascii(text: str) -> bool:
    """Whether the ASCII twins may search ``text`` (remembered for recent texts)."""
    if not text.isascii():
        return False
    got = _plain_texts.get(text)
    if got is None:
        # (_INFO_SEPARATORS.search(text) is None, by substring tests: see
        # has_fold_exception)
        got = not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)
        if len(_plain_texts) > 1024:
            _plain_texts.clear()
        _plain_texts[text] = got
    return got


def _ascii_safe(items: Any) -> bool:
    """Whether a parsed pattern has no character that IGNORECASE equates with an ASCII
    one without being ASCII, and no scoped ASCII, Unicode or locale flags."""
    for op, av in items:
        if op is C.LITERAL or op is C.NOT_LITERAL:
            if chr(av) in ASCII_FOLDS:
                return False
        elif op is C.IN:
            for o, a in av:
                if o is C.LITERAL and chr(a) in ASCII_FOLDS:
                    return False
                if o is C.RANGE and any(a[0] <= ord(f) <= a[1] for f in ASCII_FOLDS):
                    return False
        elif op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & (re.ASCII | re.UNICODE | re.LOCALE) \
                    or not _ascii_safe(sub):
                return False
        elif op is C.BRANCH:
            if not all(_ascii_safe(b) for b in av[1]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, _POSSESSIVE):
            if not _ascii_safe(av[2]):
                return False
        elif op is C.ASSERT or op is C.ASSERT_NOT:
            if not _ascii_safe(av[1]):
                return False
        elif op is _ATOMIC:
            if not _ascii_safe(av):
                return False
        elif op is C.GROUPREF_EXISTS:
            if not _ascii_safe(av[1]) or (av[2] is not None and not _ascii_safe(av[2])):
                return False
        elif op in (C.CATEGORY, C.AT, C.ANY, C.GROUPREF, C.GROUPREF_IGNORE):
            continue
        elif op not in (C.LITERAL, C.NOT_LITERAL):
            return False  # an opcode not looked at here: no twin
    return True


def _twin_safe(pattern: str, flags: int) -> bool:
    """Whether ``pattern`` compiled with ``flags`` has an ASCII twin (see above)."""
    try:
        parsed = P.parse(pattern, flags)
    except (re.error, ValueError, TypeError):
        return False
    return not (parsed.state.flags & (re.ASCII | re.LOCALE) or _ASCII_FLAG.search(pattern)
                or "(?u" in pattern or not _ascii_safe(list(parsed)))


def twin_safe(pattern: str, flags: int) -> bool:
    """:func:`_twin_safe`, kept in the compiled-pattern store when the command line has
    one (parsing the pattern costs about as much as compiling it: a one-page run)."""
    from conditionlint import recache

    return bool(recache.derived("gated.ascii-twin", (source_stamp(), pattern, int(flags)),
                                lambda: _twin_safe(pattern, flags)))


def ascii_twin(pattern: str, flags: int) -> re.Pattern[str] | None:
    """``pattern`` compiled guarded with re.ASCII added, or None when that would not
    find the same matches in a :func:`plain_ascii` text."""
    if flags & (re.ASCII | re.LOCALE) or not flags & re.IGNORECASE:
        return None  # (without IGNORECASE nothing is folded: no gain)
    return _ascii_compiled(pattern, flags, compile_guarded)


def _ascii_compiled(pattern: str, flags: int, compile: Any) -> re.Pattern[str] | None:
    """``compile(pattern)`` with re.ASCII for re.UNICODE, or None when that would not find
    the same matches in a :func:`plain_ascii` text (or does not compile)."""
    try:
        if twin_safe(pattern, flags):
            return compile(pattern, flags & ~re.UNICODE | re.ASCII)
    except (re.error, ValueError, TypeError):
        pass
    return None


class Twin:
    """A compiled IGNORECASE pattern that searches :func:`plain_ascii` texts with its
    ASCII twin (the same matches there, found faster; compiled on first use); other
    texts, and everything but the searching methods, with the pattern itself. For
    patterns that search long texts or cost several microseconds a search: the
    dispatch costs about a dictionary look-up."""

    __slots__ = ("_asc", "_rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self._rx = rx
        self._asc: re.Pattern[str] | None = None

    def _twin(self) -> re.Pattern[str]:
        # (the pattern is already guarded, or needs no guard: compiled as it is)
        rx = self._rx
        asc = _ascii_compiled(rx.pattern, rx.flags, re.compile) or rx
        self._asc = asc
        return asc

    def search(self, text: str, pos: int = 0,
               endpos: int = sys.maxsize) -> re.Match[str] | None:
        if plain_ascii(text):
            return (self._asc or self._twin()).search(text, pos, endpos)
        return self._rx.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0,
              endpos: int = sys.maxsize) -> re.Match[str] | None:
        if plain_ascii(text):
            return (self._asc or self._twin()).match(text, pos, endpos)
        return self._rx.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0,
                  endpos: int = sys.maxsize) -> re.Match[str] | None:
        if plain_ascii(text):
            return (self._asc or self._twin()).fullmatch(text, pos, endpos)
        return self._rx.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if plain_ascii(text):
            return (self._asc or self._twin()).finditer(text, pos, endpos)
        return self._rx.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        if plain_ascii(text):
            return (self._asc or self._twin()).findall(text, pos, endpos)
        return self._rx.findall(text, pos, endpos)

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groupindex, sub...
        return getattr(self._rx, name)


def twinned(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` as a :class:`Twin` when it is a str pattern with re.IGNORECASE and no
    ASCII or locale flag (its twin, compiled on first use, is ``rx`` itself when the
    pattern holds a character that rules one out: see above), else ``rx``."""
    if isinstance(rx.pattern, str) and rx.flags & re.IGNORECASE \
            and not rx.flags & (re.ASCII | re.LOCALE):
        return Twin(rx)  # type: ignore[return-value]
    return rx


# A maximal run of word characters: a literal made of word characters only occurs in a
# text if and only if it occurs inside one of the text's runs.
_WORD_RUN = re.compile(r"\w+")
_NO_HITS: frozenset[int] = frozenset()
_NOTHING: Iterator[re.Match[str]] = iter(())  # exhausted: shared by every empty finditer
_UNSET: Any = object()  # (an alternative not yet searched)


class _LiteralIndex:
    """Every gate literal of every :class:`Alternation`, so that one pass over a text
    finds all the literals it contains.

    Literals made of word characters (most: "reduc", "cure") are found word by word:
    the literals inside each word are remembered per word, and texts share most of
    their words. The few others ("can't", "long-term") are indexed by their first
    character that is not a word character, and looked for only in texts that contain
    it. A word literal with edge marks (" can ": see ``_edge``) is reported for a word
    that holds its letters at the start and/or end the marks ask for."""

    def __init__(self) -> None:
        self.known: set[str] = set()
        # word literals (the letters) by their first three characters, for the scan of
        # a new word
        self.by_trigram: dict[str, list[str]] = {}
        # the letters of a word literal -> its forms: (literal as gated, must start a
        # word, must end one)
        self.forms: dict[str, list[tuple[str, bool, bool]]] = {}
        # the other literals by their first non-word character
        self.by_char: dict[str, list[str]] = {}
        self._words: dict[str, frozenset[str]] = {}  # word -> literals inside it
        self._cache: dict[str, frozenset[str]] = {}
        # text as given -> its hits (None: a case-folding exception): the rules ask
        # many alternations about the same few texts of a sentence, not always as the
        # same string object
        self._by_text: dict[str, frozenset[str] | None] = {}

    def add(self, literals: Iterable[str]) -> None:
        """Index the literals not indexed yet (a text's hits are sets of literals)."""
        new = frozenset(literals).difference(self.known)
        if not new:
            return
        self.known.update(new)
        all_forms, by_trigram, by_char = self.forms, self.by_trigram, self.by_char
        for literal in sorted(new):
            if literal != DIGIT:
                core = literal.strip(" ")
                # (all word characters: str.isalnum is re's \w but for "_"; the search
                # for the first other character only when there is one: nineteenth
                # session, 5,414 literals at each start)
                if core.isalnum() or not core or _NON_WORD.search(core) is None:
                    forms = all_forms.get(core)
                    if forms is None:
                        forms = all_forms[core] = []
                        by_trigram.setdefault(core[:3], []).append(core)
                    forms.append((literal, literal[0] == " ", literal[-1] == " "))
                else:
                    odd = _NON_WORD.search(core)
                    by_char.setdefault(literal[odd.start()], []).append(literal)
        self._words.clear()
        self._cache.clear()
        self._by_text.clear()

    def hits_of(self, text: str) -> frozenset[str] | None:
        """:meth:`hits` of ``text`` lower-cased, remembered for recent texts (rules
        ask many alternations about the same sentence in a row); None when the text
        holds a case-folding exception (no gate applies)."""
        try:
            return self._by_text[text]
        except KeyError:
            pass
        got = None if has_fold_exception(text) else self.hits(text.lower())
        if len(self._by_text) > 4096:
            self._by_text.clear()
        self._by_text[text] = got
        return got

    def _in_word(self, word: str) -> frozenset[str]:
        found: set[str] = set()
        table = self.by_trigram
        n = len(word)
        for k in range(n - 2):
            entries = table.get(word[k:k + 3])
            if entries:
                for lit in entries:
                    if word.startswith(lit, k):
                        for form, first, last in self.forms[lit]:
                            if (k == 0 or not first) and (k + len(lit) == n or not last):
                                found.add(form)
        got = frozenset(found) if found else _NO_HITS
        words = self._words
        if len(words) > 65536:
            words.clear()
        words[word] = got
        return got

    def hits(self, low: str) -> frozenset[str]:
        """The literals that occur in ``low`` (lower-cased text)."""
        got = self._cache.get(low)
        if got is not None:
            return got
        found: set[str] = set()
        words = self._words
        for word in set(_WORD_RUN.findall(low)):
            lits = words.get(word)
            if lits is None:
                lits = self._in_word(word)
            if lits:
                found.update(lits)
        for ch, entries in self.by_char.items():
            if ch in low:
                for lit in entries:
                    if lit in low:
                        found.add(lit)
        if DIGIT in self.known and _ANY_DIGIT.search(low):
            found.add(DIGIT)
        got = frozenset(found)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[low] = got
        return got


_INDEX = _LiteralIndex()
_BY_TEXT = _INDEX._by_text  # noqa: SLF001 - cleared in place, never replaced


class Gated:
    """A compiled pattern whose searches first test whether the text holds a literal of
    each of the pattern's requirements (see :func:`gate`; word-edge marks kept): a
    text without one cannot hold a match, and is not searched. Everything else is the
    pattern's own. For patterns searched in many texts that rarely hold their words
    (the safety lexicons' elements, asked about every block of a page). The test is a
    substring test on the lower-cased text, remembered for a few hundred recent texts
    apart from the literal index's tables (block texts there crowded out the claim
    rules' sentences)."""

    __slots__ = ("_checks", "_reqs", "_rx")

    def __init__(self, rx: re.Pattern[str], reqs: tuple[Requirement, ...]) -> None:
        self._rx = rx
        # (literal, must start a word, must end a word): fifteenth session, the word-edge
        # marks kept ("hon" of "\\bHON\\s*code\\b" in "phone" let the defunct-seal
        # pattern scan every page that says "phone")
        self._reqs = tuple(tuple(sorted({(lit, False, False) if lit == DIGIT else (
            lit.strip(" "), lit.startswith(" "), lit.endswith(" ")) for lit in r}))
            for r in reqs)
        # (eighteenth session) each requirement split for _may: the literals with no
        # edge mark (one substring test each), those with one, and whether a digit does
        self._checks = tuple(
            (tuple(lit for lit, first, last in r if lit != DIGIT and not (first or last)),
             tuple(e for e in r if e[0] != DIGIT and (e[1] or e[2])),
             any(e[0] == DIGIT for e in r))
            for r in self._reqs)

    def _may(self, text: str, endpos: int) -> bool:
        """Whether the text may hold a match (re sees a text cut at endpos: then yes)."""
        if endpos < len(text):
            return True
        low = _lows.get(text)
        if low is None:
            low = "" if has_fold_exception(text) else text.lower()
            if len(_lows) > 512:
                _lows.clear()
            _lows[text] = low
        if not low:  # a case-folding exception (or nothing): searched
            return True
        # every requirement holds when one of its literals does (each test is pure, so
        # the order they are asked in does not change the answer: the plain substring
        # tests first, in a loop that does nothing else)
        for plain, edged, digit in self._checks:
            for lit in plain:
                if lit in low:
                    break
            else:
                for lit, first, last in edged:
                    if lit in low and _at_edges(low, lit, first, last):
                        break
                else:
                    if not digit or _ANY_DIGIT.search(low) is None:
                        return False
        return True

    def search(self, text: str, pos: int = 0,
               endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._rx.search(text, pos, endpos) if self._may(text, endpos) else None

    def match(self, text: str, pos: int = 0,
              endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._rx.match(text, pos, endpos) if self._may(text, endpos) else None

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self._rx.finditer(text, pos, endpos) if self._may(text, endpos) else _NOTHING

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groupindex, sub...
        return getattr(self._rx, name)


_lows: dict[str, str] = {}  # text -> lower case ("" for a case-folding exception)


def _at_edges(low: str, lit: str, first: bool, last: bool) -> bool:
    """Whether ``lit`` occurs in ``low`` starting a word (``first``) and ending one
    (``last``), as the literal index reads its edge marks: the character before (after)
    it is not a word character, or there is none. re's "\\w" is ``str.isalnum()`` or
    "_", and lower-casing keeps every character's word-ness but for the dotted capital
    I, which ``low`` never holds (a text with one is searched without a gate)."""
    n, k = len(low), len(lit)
    i = low.find(lit)
    while i >= 0:
        if not first or i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_"):
            j = i + k
            if not last or j == n or not (low[j].isalnum() or low[j] == "_"):
                return True
        i = low.find(lit, i + 1)
    return False


def gated_search(rx: re.Pattern[str], pattern: str, flags: int) -> re.Pattern[str]:
    """``rx`` (``pattern`` compiled with ``flags``, perhaps guarded or twinned) as a
    :class:`Gated`, when the pattern has a gate."""
    reqs = gate(pattern, flags)
    if not reqs:
        return rx
    return Gated(rx, reqs)  # type: ignore[return-value]


class Alternation:
    """``re.compile('|'.join(f'(?:{p})' for p in patterns), flags)``, for ``search``
    and ``finditer``, with per-alternative literal gates and lazy compilation.

    The patterns must not use numbered back-references (each alternative is compiled
    on its own, so its groups are numbered from 1) and must not match the empty
    string (checked when a match is found; such a pattern falls back to the joined
    alternation)."""

    __slots__ = ("_all", "_always", "_by_literal", "_compiled", "_flags", "_ids", "_twins",
                 "_joined", "_last_cands", "_last_hits", "_last_search", "_lits", "_memo",
                 "_more", "_none", "_patterns")

    def __init__(self, patterns: list[str], flags: int = re.IGNORECASE) -> None:
        self._patterns = list(patterns)
        self._flags = flags
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._patterns)
        # the ASCII twins (see plain_ascii), compiled on first use
        self._twins: list[re.Pattern[str] | None] = [None] * len(self._patterns)
        self._joined: re.Pattern[str] | None = None
        # the first (most selective) requirement finds the candidates (literal ->
        # alternatives); the others must hold too (alternative -> further requirements)
        always, by_literal, more = _layout(self._patterns, flags)
        self._always = always
        self._by_literal = by_literal
        self._more = {int(i): tuple(map(frozenset, rs)) for i, rs in more.items()}
        self._ids = frozenset(by_literal)
        # every literal a gate looks at: the candidates depend on a text's hits among
        # these only, so they are remembered per such subset (most texts hit none)
        self._lits = self._ids.union(*(r for rs in self._more.values() for r in rs))
        _INDEX.add(self._lits)
        self._all = tuple(range(len(self._patterns)))
        self._none = tuple(self._always)  # the candidates when no gate literal occurs
        self._memo: dict[frozenset[str], tuple[int, ...]] = {}
        self._last_hits: frozenset[str] | None = None
        self._last_cands: tuple[int, ...] = ()
        # the last search (text, pos, endpos, match): the rules ask the same
        # alternation about the same sentence more than once
        self._last_search: tuple[str, int, int, re.Match[str] | None] | None = None

    @property
    def pattern(self) -> str:
        return "|".join(f"(?:{p})" for p in self._patterns)

    @property
    def patterns(self) -> tuple[str, ...]:
        """The alternatives, in order."""
        return tuple(self._patterns)

    def _rx(self, i: int) -> re.Pattern[str]:
        rx = self._compiled[i]
        if rx is None:
            rx = self._compiled[i] = compile_guarded(self._patterns[i], self._flags)
        return rx

    def _twin(self, i: int) -> re.Pattern[str]:
        rx = self._twins[i]
        if rx is None:
            rx = self._twins[i] = ascii_twin(self._patterns[i], self._flags) or self._rx(i)
        return rx

    def joined(self) -> re.Pattern[str]:
        if self._joined is None:
            self._joined = re.compile(self.pattern or r"(?!)", self._flags)
        return self._joined

    def _candidates(self, text: str) -> tuple[int, ...]:
        try:  # (_INDEX.hits_of, its remembered texts looked up here first: one call less)
            hits = _BY_TEXT[text]
        except KeyError:
            hits = _INDEX.hits_of(text)
        if hits is None:
            return self._all
        if hits is self._last_hits:
            return self._last_cands
        if self._lits.isdisjoint(hits):  # most texts: no gate literal at all
            got = self._none
        else:
            key = hits & self._lits
            got = self._memo.get(key)
            if got is None:
                got = self._candidates_of(key)
                if len(self._memo) > 1024:
                    self._memo.clear()
                self._memo[key] = got
        self._last_hits, self._last_cands = hits, got
        return got

    def _candidates_of(self, hits: frozenset[str]) -> tuple[int, ...]:
        """The alternatives to try in a text whose gate literals are ``hits``."""
        common = self._ids & hits
        if not common:
            return self._none
        by_literal = self._by_literal
        cands = set(self._always)
        for lid in common:
            cands.update(by_literal[lid])
        more = self._more
        if not more:
            return tuple(sorted(cands))
        out = []
        for i in sorted(cands):
            reqs = more.get(i)
            if reqs is not None:
                for r in reqs:  # every further requirement must hold
                    if r.isdisjoint(hits):
                        break
                else:
                    out.append(i)
            else:
                out.append(i)
        return tuple(out)

    def _search(self, text: str, cands: tuple[int, ...], pos: int,
                endpos: int) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        if plain_ascii(text):
            compiled, rx = self._twins, self._twin
        else:
            compiled, rx = self._compiled, self._rx
        if len(cands) == 1:  # (what the loop finds: 40,496 of 92,541 calls)
            i = cands[0]
            return (compiled[i] or rx(i)).search(text, pos, endpos)
        for i in cands:
            m = (compiled[i] or rx(i)).search(text, pos, endpos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if m.start() == pos:
                    break  # nothing can start earlier; later alternatives lose ties
        return best

    def search(self, text: str, pos: int = 0,
               endpos: int = sys.maxsize) -> re.Match[str] | None:
        last = self._last_search
        if last is not None and last[0] is text and last[1] == pos and last[2] == endpos:
            return last[3]
        # re sees the text as ending at endpos ("\\b" and "$" there too; before pos it
        # sees the text), so the gates judge the text up to endpos
        cands = self._candidates(text if endpos >= len(text) else text[:endpos])
        if not cands:
            m = None
        else:
            m = self._search(text, cands, pos, endpos)
            if m is not None and m.start() == m.end():
                m = self.joined().search(text, pos, endpos)
        self._last_search = (text, pos, endpos, m)
        return m

    def match(self, text: str, pos: int = 0,
              endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The joined alternation's ``match``: the first alternative, in order, that
        matches at ``pos`` (one whose gate fails cannot match anywhere in the text)."""
        if plain_ascii(text):
            compiled, rx = self._twins, self._twin
        else:
            compiled, rx = self._compiled, self._rx
        for i in self._candidates(text if endpos >= len(text) else text[:endpos]):
            m = (compiled[i] or rx(i)).match(text, pos, endpos)
            if m is not None:
                if m.start() == m.end():
                    return self.joined().match(text, pos, endpos)
                return m
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        cands = self._candidates(text)
        if not cands:
            return _NOTHING
        return self._finditer(text, cands)

    def finditer_in(self, text: str, cands: tuple[int, ...]) -> Iterator[re.Match[str]]:
        """:meth:`finditer` with the candidates already known (``cands``, from
        :meth:`Alternations.live_in` for this text): the same matches."""
        if not cands:
            return _NOTHING
        return self._finditer(text, cands)

    def _finditer(self, text: str, cands: tuple[int, ...]) -> Iterator[re.Match[str]]:
        # Each alternative's next match is kept until the position passes its start: a
        # search from a later position finds the same match (whether a regex matches at
        # a place does not depend on where the search began), and an alternative that
        # found nothing is not asked again. Searching every alternative afresh after
        # each match was quadratic when one alternative matched often and another,
        # passing its gate, scanned to the end each time ("does not usually heal x " *
        # 4,000: 1.6 s).
        # Seventeenth session: the first round (every candidate searched from 0) is done
        # here, before any generator is made: most calls find nothing at all (92,418 of
        # 109,000 over the 1,000 corpus pages) and then return the shared empty iterator.
        if plain_ascii(text):
            compiled, rx = self._twins, self._twin
        else:
            compiled, rx = self._compiled, self._rx
        if len(cands) == 1:  # (most calls: 78,604 of 109,000)
            i = cands[0]
            best = (compiled[i] or rx(i)).search(text, 0)
            nxt = {i: best}
        else:
            nxt = {}
            best = None
            for i in cands:
                m = nxt[i] = (compiled[i] or rx(i)).search(text, 0)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m  # (ties: the earlier alternative, as in the joined pattern)
        if best is None:
            # (what search(text) finds: remembered as the last search, see below)
            self._last_search = (text, 0, sys.maxsize, None)
            return _NOTHING
        return self._matches(text, cands, compiled, rx, nxt)

    def _matches(self, text: str, cands: tuple[int, ...], compiled: list[Any], rx: Any,
                 nxt: dict[int, re.Match[str] | None]) -> Iterator[re.Match[str]]:
        # (the loop of _finditer, ``nxt`` holding each candidate's first match)
        pos = 0
        while pos <= len(text):
            best: re.Match[str] | None = None
            for i in cands:
                m = nxt.get(i, _UNSET)
                if m is _UNSET or (m is not None and m.start() < pos):
                    m = nxt[i] = (compiled[i] or rx(i)).search(text, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m  # (ties: the earlier alternative, as in the joined pattern)
            if pos == 0 and (best is None or best.start() != best.end()):
                # the first match is what search(text) finds (the same candidates, the
                # earliest start, ties to the earlier alternative): remembered as the
                # last search, which the claim rules often ask next about the same
                # sentence (fifteenth session: a hedge test, then hedges.search)
                self._last_search = (text, 0, sys.maxsize, best)
            if best is None:
                return
            if best.start() == best.end():  # empty matches: leave it to re's own rules
                yield from self.joined().finditer(text, pos)
                return
            yield best
            pos = best.end()

    def __bool__(self) -> bool:
        return bool(self._patterns)


_FIRST_RUN = re.compile(r"\w+")


class Openings:
    """``rx`` (``re.compile(r"^\\W*(?:p1|p2|...)\\b", re.I)``: phrases that open a
    text) for ``match``, tried only when the text's first word is the first word of
    one of ``phrases``: a phrase starts at the first word character, and its first
    word ends where the text's does (at the phrase's own non-word character or its
    closing "\\b"), so the two first words are the same. Texts that are not ASCII
    (letters such as a dotless i match under IGNORECASE) and phrases that do not
    start with a word character are always tried."""

    __slots__ = ("_firsts", "_rx")

    def __init__(self, rx: re.Pattern[str], phrases: Iterable[str]) -> None:
        self._rx = rx
        firsts: set[str] | None = set()
        for phrase in phrases:
            m = _FIRST_RUN.match(phrase)
            if m is None or firsts is None:
                firsts = None
                continue
            firsts.add(m.group().lower())
        self._firsts = frozenset(firsts) if firsts is not None else None

    @property
    def pattern(self) -> str:
        return self._rx.pattern

    def match(self, text: str, pos: int = 0,
              endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._firsts is not None and pos == 0 and text.isascii():
            try:
                first = _first_words[text]
            except KeyError:
                first = _first_word(text)
            if first not in self._firsts:
                return None
        return self._rx.match(text, pos, endpos)


_first_words: dict[str, str | None] = {}  # text -> its first word, lower case


def _first_word(text: str) -> str | None:
    """The first run of word characters in ``text``, lower-cased (None: none),
    remembered for recent texts: several :class:`Openings` ask about each sentence
    (fifteenth session)."""
    m = _FIRST_RUN.search(text)
    got = m.group().lower() if m is not None else None
    if len(_first_words) > 1024:
        _first_words.clear()
    _first_words[text] = got
    return got


class Alternations(tuple):  # type: ignore[type-arg]
    """A tuple of :class:`Alternation` that are all asked about the same text in turn
    (the vague-evidence patterns): :meth:`live` finds, in one step, those whose gates
    let the text through, so that the others are not asked at all."""

    def __new__(cls, alternations: Iterable[Alternation]) -> Alternations:
        self = super().__new__(cls, alternations)
        self._lits = frozenset().union(*(a._lits for a in self))  # noqa: SLF001
        self._memo: dict[frozenset[str], tuple[Alternation, ...]] = {}
        self._last_hits: frozenset[str] | None = None
        self._last: tuple[Alternation, ...] = ()
        # the members live in a text that holds none of their gate literals
        self._ungated = tuple(a for a in self if a._candidates_of(frozenset()))  # noqa: SLF001
        self._ord_items: tuple[tuple[Any, Alternation], ...] | None = None
        self._ord_memo: dict[frozenset[str] | None,
                             tuple[tuple[Any, Alternation, tuple[int, ...]], ...]] = {}
        return self

    def live(self, text: str) -> tuple[Alternation, ...]:
        """The members, in order, that can match in ``text`` (the others have no
        alternative to try there: their ``finditer`` would yield nothing)."""
        hits = _INDEX.hits_of(text)
        if hits is None:
            return tuple(self)
        if hits is self._last_hits:
            return self._last
        if self._lits.isdisjoint(hits):
            # (most texts: no gate literal; what the memo holds for the empty key, found
            # without building and hashing that key)
            got = self._ungated
        else:
            key = hits & self._lits
            got = self._memo.get(key)
            if got is None:
                got = tuple(a for a in self if a._candidates_of(key))  # noqa: SLF001
                if len(self._memo) > 1024:
                    self._memo.clear()
                self._memo[key] = got
        self._last_hits, self._last = hits, got
        return got

    def live_in(self, text: str, items: tuple[tuple[Any, Alternation], ...]
                ) -> tuple[tuple[Any, Alternation, tuple[int, ...]], ...]:
        """``(payload, alternation, candidates)`` for the ``(payload, alternation)``
        pairs of ``items`` (members, in the caller's order) that can match in ``text``,
        with the alternatives each would try there: what ``alternation.finditer(text)``
        asks its gates for, remembered per set of the text's gate literals, as
        :meth:`live` is (sixteenth session: the claim types' loop asked each live
        alternation's gates again for every sentence). ``alternation.finditer_in(text,
        candidates)`` then finds what ``finditer(text)`` would."""
        hits = _INDEX.hits_of(text)
        key = None if hits is None else hits & self._lits
        if self._ord_items is not items:
            self._ord_memo.clear()
            self._ord_items = items
        got = self._ord_memo.get(key)
        if got is None:
            out = []
            for payload, a in items:
                # (as Alternation._candidates: every alternative when no gate applies)
                cands = a._all if key is None else a._candidates_of(key & a._lits)  # noqa: SLF001
                if cands:
                    out.append((payload, a, cands))
            got = tuple(out)
            if len(self._ord_memo) > 1024:
                self._ord_memo.clear()
            self._ord_memo[key] = got
        return got


def write_table(path: str | None = None) -> str:
    """Compute the gates of the shipped lexicons' alternations (claims, risky wording)
    and write the table (``rules/pattern-gates.json`` by default). Returns the path
    written."""
    import json
    from pathlib import Path

    from conditionlint import claimdetect
    from conditionlint.resources import data_dir

    global _table, _use_table
    _use_table, _table = False, None
    _seen.clear()
    claimdetect.lexicon.cache_clear()
    try:
        claimdetect.lexicon()
        from conditionlint.checks import wording
        from conditionlint.yamlrules import lexicon

        wording._matchers.cache_clear()  # noqa: SLF001
        for group in lexicon("risky-wording"):
            wording._matchers(group)  # noqa: SLF001
        rows = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(_seen.items())]
        text = "{\n" + ",\n".join(rows) + "\n}\n"
    finally:
        _use_table, _table = True, None
        claimdetect.lexicon.cache_clear()
        from conditionlint.checks import wording

        wording._matchers.cache_clear()  # noqa: SLF001
    out = Path(path) if path else data_dir("rules") / _TABLE_NAME
    out.write_text(text, encoding="utf-8")
    return str(out)


if __name__ == "__main__":
    # run as a script this file is __main__; the lexicons use the imported module
    from conditionlint import gated as _module

    args = sys.argv[1:]
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("usage: python -m conditionlint.gated [OUTPUT]  (default: "
              "rules/pattern-gates.json)", file=sys.stderr)
        sys.exit(0 if args and args[0] in ("-h", "--help") else 2)
    print(f"wrote {_module.write_table(args[0] if args else None)}")
