"""Check that the fast paths give the same answers as the slow ones they stand in for.

    .venv/bin/python benchmarks/fastpath_check.py [--cases N]

The first-character lookahead in front of the CL5xx lexicon patterns
   (``gated.first_char_guard``, also in front of the claim patterns): every guarded pattern must find the same matches
   as the unguarded one on page texts, block texts and random text, and the guard's
   class must accept every code point one of the pattern's first characters accepts
   (IGNORECASE folds such as "ſ" for "s" and the Kelvin sign for "k" included).

Exit code 1 on any difference.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from conditionlint import gated  # noqa: E402
from conditionlint.checks import safety  # noqa: E402
from conditionlint.parser import parse  # noqa: E402
from conditionlint.source import Source  # noqa: E402

PAGE_DIRS = ("tests/pages", "tests/corpus/dev", "tests/corpus/heldout", "examples")


def page_texts() -> list[str]:
    out = []
    for d in PAGE_DIRS:
        for p in sorted((ROOT / d).rglob("*.md")):
            out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out


def _guarded() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    lex = safety.lexicon()
    rxs = [("element " + e[0], e[2]) for e in lex.elements]
    rxs += [("seal " + s[0], s[2]) for s in lex.seals]
    for name in ("explicit_lead_in", "lead_in", "not_disclaimer", "seal_history",
                 "guarantees", "negations", "emergency", "care", "urgency",
                 "urgent_headings", "red_flags"):
        rx = getattr(lex, name)
        if rx is not None:
            rxs.append((name, rx))
    out = []
    for name, rx in rxs:
        m = re.match(r"\(\?=\[(.*?)\]\)\(\?:", rx.pattern)
        if m:
            inner = rx.pattern[m.end():-1]
            out.append((name, re.compile(inner, rx.flags), rx))
    return out


def check_guards(texts: list[str], n: int, rng: random.Random) -> int:
    from re import _parser  # type: ignore[attr-defined]

    pairs = _guarded()
    samples = list(texts)
    for t in texts:
        try:
            samples += [b.text for b in parse(Source.from_bytes("p.md", t.encode())).blocks]
        except Exception:  # noqa: BLE001
            pass
    words = ("call 999 911 A&E emergency department urgent care not a substitute for "
             "medical advice results vary guaranteed 100% cure permanently HONcode "
             "\u017fee \u0130n \u0131 \u212a see your GP immediately doctor consult never "
             "stop prescribed no guarantee").split() + ["\n", " ", "-", "\u2019"]
    for _ in range(n):
        samples.append("".join(rng.choice(words) + rng.choice([" ", "", "\n", "-", "."])
                               for _ in range(rng.randint(1, 15))))
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    bad = 0
    for name, plain, guarded in pairs:
        for t in samples:
            if [m.span() for m in plain.finditer(t)] != [m.span() for m in guarded.finditer(t)] \
                    or bool(plain.match(t)) != bool(guarded.match(t)):
                bad += 1
                print(f"DIFFERENT: {name} on {t[:80]!r}")
                break
        cls = re.match(r"\(\?=(\[.*?\])\)", guarded.pattern).group(1)
        accepted = {m.group() for m in re.finditer(cls, every, guarded.flags)}
        firsts = gated._first_chars(list(_parser.parse(plain.pattern, plain.flags))) or []
        for op, av in firsts:
            if str(op) == "LITERAL":
                single = re.escape(chr(av))
            elif str(op) == "RANGE":
                single = f"[{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}]"
            else:
                single = gated._GUARD_ESCAPES[av]
            missing = {m.group() for m in re.finditer(single, every, guarded.flags)} - accepted
            if missing:
                bad += 1
                print(f"GUARD TOO NARROW: {name} {cls} misses {sorted(missing)[:5]!r}")
    print(f"lexicon guards: {len(pairs)} patterns, {len(samples)} texts, {bad} differences")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=5000)
    args = ap.parse_args()
    rng = random.Random(7)
    texts = page_texts()
    bad = check_guards(texts, args.cases, rng)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
