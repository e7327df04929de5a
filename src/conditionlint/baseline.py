"""Baselines: adopt the linter on an existing site without fixing everything first.

``--write-baseline FILE`` records today's findings; ``--baseline FILE`` then reports
only findings that are not in it. A finding is identified by its file, its code and a
hash of what it is about (the offending text and the message, with digits masked), never
by its line number, so text that moves up or down keeps its identity. Each key carries
an occurrence count, so a second copy of the same problem in the same file is new.

When one key has more findings than the baseline recorded, findings whose source line
(whitespace-normalised) is one the baseline saw are matched first; what is left is
matched in document order. So a new bad sentence added above an old one is the one
reported, even when both sentences contain the same offending text.

The same identity gives SARIF its ``partialFingerprints`` (see :func:`fingerprints`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conditionlint.model import Finding

BASELINE_VERSION = 1
# Tool failures are never "accepted": a crashing rule must stay visible.
NEVER_BASELINED = {"CL901"}
# Findings about the page as a whole (a section, the front matter, the review metadata,
# the disclaimer or the urgent-care advice is missing): they point at the title or the
# first line only to be shown somewhere, so what that line says is not part of their
# identity (editing the title used to bring them back).
WHOLE_PAGE = frozenset({"CL101", "CL102", "CL105", "CL201", "CL205", "CL501", "CL503"})
_DIGITS = re.compile(r"\d+")
# Findings whose message lists what is missing (review-metadata keys, the disclaimer's
# elements): one whose list is part of a recorded one's, on the same page, is that
# problem partly fixed, not a new one. The pattern finds the items in a message.
ITEMIZED = {"CL205": re.compile(r"'([a-z_]+)'"), "CL502": re.compile(r"\[([a-z0-9-]+)\]")}


class BaselineError(Exception):
    """The baseline file cannot be read or is not a conditionlint baseline."""


def offending_text(f: Finding) -> str:
    """The text the finding points at, as far as its first line shows it."""
    line = f.snippet
    start = max(f.column - 1, 0)
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    return line[start:max(end, start)]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _digest(*parts: str) -> str:
    h = hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:20]


def finding_hash(f: Finding) -> str:
    """Identity of a finding within its file: code, offending text, message (a
    whole-page finding: code and message).

    Digits in the message are masked because messages may quote line numbers
    ("already used on line 12") that change when text moves.
    """
    return _identity(f, "" if f.code in WHOLE_PAGE else _norm(offending_text(f)))


def _legacy_hash(f: Finding) -> str:
    """A whole-page finding's identity as baselines written before the nineteenth
    session recorded it (with the title's text): still matched, so that those
    baselines keep hiding what they hid."""
    return _identity(f, _norm(offending_text(f)))


def _identity(f: Finding, text: str) -> str:
    return _digest(f.code, text, _DIGITS.sub("#", _norm(f.message)))


def context_hash(f: Finding) -> str:
    """The finding's whole source line, to tell apart copies of the same problem (a
    whole-page finding has none)."""
    return _digest("" if f.code in WHOLE_PAGE else _norm(f.snippet))


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """A stable fingerprint per finding (same order): path, identity and the
    occurrence index of that identity in the file, in document order."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.path, finding_hash(f))
        out.append(f"{_digest(f.path, key[1])}:{seen[key]}")
        seen[key] += 1
    return out


# -- the baseline file -----------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    path: str  # relative to the baseline file's folder, forward slashes
    code: str
    hash: str
    count: int
    contexts: tuple[str, ...]  # context hashes of the recorded occurrences
    message: str = ""  # the first occurrence's message, for people reading diffs


@dataclass(frozen=True)
class Baseline:
    root: Path  # the folder paths are relative to
    entries: dict[tuple[str, str, str], Entry]

    def key_path(self, display: str) -> str:
        return _relative(display, self.root)


def _relative(display: str, root: Path) -> str:
    if display == "-":
        return display
    p = Path(display)
    try:
        return Path(os.path.relpath(p.absolute(), root.absolute())).as_posix()
    except ValueError:  # another drive on Windows
        return p.as_posix()


def _grouped(findings: Iterable[Finding], root: Path
             ) -> tuple[dict[tuple[str, str, str], list[Any]], int, int]:
    """(path, code, hash) -> [count, context hashes, first message], with the number of
    findings recorded and of files they are in, in one pass: nothing per finding is
    kept but its context hash. ``findings`` in report order (a spool, or a list that
    is sorted here): each file's findings together, in document order."""
    if isinstance(findings, list):
        findings = sorted(findings, key=Finding.sort_key)
    groups: dict[tuple[str, str, str], list[Any]] = {}
    n = 0
    relative: dict[str, str] = {}  # display path -> path relative to the baseline
    for f in findings:
        if f.code in NEVER_BASELINED:
            continue
        n += 1
        rel = relative.get(f.path)
        if rel is None:
            rel = relative[f.path] = _relative(f.path, root)
        key = (rel, f.code, finding_hash(f))
        g = groups.get(key)
        if g is None:
            groups[key] = [1, [context_hash(f)], f.message]
        else:
            g[0] += 1
            g[1].append(context_hash(f))
    return groups, n, len(relative)


def build(findings: Iterable[Finding], file: Path) -> str:
    """The text of a baseline recording ``findings``, for writing to ``file``."""
    return _text(_grouped(findings, file.absolute().parent)[0])


def _text(groups: dict[tuple[str, str, str], list[Any]]) -> str:
    rows = []
    for (path, code, digest), (count, contexts, message) in sorted(groups.items()):
        rows.append({"path": path, "code": code, "hash": digest, "count": count,
                     "contexts": sorted(contexts), "message": message})
    head = {"version": BASELINE_VERSION, "tool": "conditionlint",
            "comment": "Findings accepted when adopting conditionlint; only new ones are "
                       "reported with --baseline. Rewrite with --write-baseline."}
    # One entry per line: reviewable diffs when the baseline is rewritten, and json's
    # fast C encoder (indented output is pure Python).
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=True)}," for k, v in head.items()]
    body = ",\n".join("    " + json.dumps(r, ensure_ascii=True) for r in rows)
    return "{\n" + "\n".join(lines) + '\n  "findings": [' + \
        ("\n" + body + "\n  " if rows else "") + "]\n}\n"


def write(findings: Iterable[Finding], file: Path) -> int:
    """Write the baseline atomically; return how many findings it records."""
    return write_counted(findings, file)[0]


def write_counted(findings: Iterable[Finding], file: Path) -> tuple[int, int]:
    """Write the baseline atomically, reading ``findings`` once (a spool is not made
    into a list); return how many findings it records and in how many files."""
    from conditionlint.outfile import write_text

    groups, n, files = _grouped(findings, file.absolute().parent)
    try:
        write_text(file, (_text(groups),))
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {file}: {exc.strerror or exc}") from None
    return n, files


def load(file: Path) -> Baseline:
    try:
        from conditionlint.safeio import BASELINE_LIMIT, read_regular

        raw = read_regular(file, BASELINE_LIMIT)
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {file}: {exc.strerror or exc}") from None
    try:
        # utf-8-sig: a baseline saved again by an editor that adds a byte-order mark
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"baseline {file} is not valid JSON: {exc}") from None
    except RecursionError:
        raise BaselineError(f"baseline {file} is not a conditionlint baseline: its JSON is "
                            f"nested too deeply") from None
    if not isinstance(doc, dict) or doc.get("tool") != "conditionlint" \
            or not isinstance(doc.get("findings"), list):
        raise BaselineError(f"{file} is not a conditionlint baseline (expected an object "
                            f"with \"tool\": \"conditionlint\" and a \"findings\" list)")
    version = doc.get("version")
    if version != BASELINE_VERSION or isinstance(version, bool):
        got = "no version" if version is None else f"version {json.dumps(version)}"
        raise BaselineError(f"baseline {file} has {got}; this conditionlint reads "
                            f"version {BASELINE_VERSION} (the number, as "
                            f"'\"version\": {BASELINE_VERSION}')")
    entries: dict[tuple[str, str, str], Entry] = {}
    for i, row in enumerate(doc["findings"]):
        try:
            e = Entry(path=_str(row, "path"), code=_str(row, "code"), hash=_str(row, "hash"),
                      count=row["count"], contexts=tuple(_str_list(row.get("contexts", []))),
                      message=str(row.get("message", "")))
            if not isinstance(e.count, int) or isinstance(e.count, bool) or e.count < 1:
                raise ValueError("'count' must be a positive whole number")
        except (KeyError, TypeError, ValueError) as exc:
            what = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
            raise BaselineError(f"baseline {file}: entry {i + 1} is malformed: {what}") \
                from None
        key = (e.path, e.code, e.hash)
        if key in entries:  # tolerate hand-merged files: counts add up
            old = entries[key]
            e = Entry(e.path, e.code, e.hash, old.count + e.count,
                      old.contexts + e.contexts, old.message)
        entries[key] = e
    return Baseline(root=file.absolute().parent, entries=entries)


def _str(row: object, key: str) -> str:
    if not isinstance(row, dict):
        raise TypeError("it is not an object")
    value = row[key]
    if not isinstance(value, str):
        raise TypeError(f"'{key}' must be a string")
    return value


def _str_list(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("'contexts' must be a list of strings")
    return value


def filter_new(findings: list[Finding], baseline: Baseline) -> tuple[list[Finding], int]:
    """The findings not in the baseline (order kept), and how many were hidden."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    legacy: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for i, f in enumerate(findings):
        if f.code in NEVER_BASELINED:
            continue
        key = (baseline.key_path(f.path), f.code, finding_hash(f))
        groups.setdefault(key, []).append(i)
        if f.code in WHOLE_PAGE and key not in baseline.entries:
            legacy[key] = (key[0], key[1], _legacy_hash(f))
    hidden: set[int] = set()
    used: Counter[tuple[str, str, str]] = Counter()  # baseline entry -> findings it hid
    for key, idxs in groups.items():
        entry = baseline.entries.get(key)
        found = key
        if entry is None and key in legacy:  # an older baseline's identity
            found = legacy[key]
            entry = baseline.entries.get(found)
            if entry is not None:
                entry = Entry(entry.path, entry.code, key[2], entry.count, (),
                              entry.message)
        if entry is None:
            continue
        budget = entry.count
        contexts = Counter(entry.contexts)
        leftover = []
        for i in idxs:  # first: same problem on a line the baseline saw
            ctx = context_hash(findings[i])
            if budget and contexts[ctx] > 0:
                contexts[ctx] -= 1
                budget -= 1
                hidden.add(i)
            else:
                leftover.append(i)
        for i in leftover[:budget]:  # then: edited lines, in document order
            hidden.add(i)
        used[found] += min(len(idxs), entry.count)
    _hide_partly_fixed(findings, baseline, hidden, used)
    return [f for i, f in enumerate(findings) if i not in hidden], len(hidden)


def _hide_partly_fixed(findings: list[Finding], baseline: Baseline, hidden: set[int],
                       used: Counter[tuple[str, str, str]]) -> None:
    """Hide each itemized finding (:data:`ITEMIZED`) still shown whose items are all
    among those of a recorded finding of the same rule on the same page: "'reviewed_by'
    missing" after "'reviewed_by' and 'last_reviewed' missing" was recorded. A finding
    that lists an item the recorded one did not is new (the page got worse)."""
    recorded: dict[tuple[str, str], list[tuple[tuple[str, str, str], frozenset[str]]]] = {}
    for key, entry in baseline.entries.items():
        rx = ITEMIZED.get(entry.code)
        if rx is not None and entry.message:
            items = frozenset(rx.findall(entry.message))
            if items:
                recorded.setdefault((entry.path, entry.code), []).append((key, items))
    if not recorded:
        return
    for i, f in enumerate(findings):
        rx = ITEMIZED.get(f.code)
        if rx is None or i in hidden:
            continue
        candidates = recorded.get((baseline.key_path(f.path), f.code))
        items = frozenset(rx.findall(f.message))
        if not candidates or not items:
            continue
        for key, had in candidates:
            if items <= had and used[key] < baseline.entries[key].count:
                used[key] += 1
                hidden.add(i)
                break
