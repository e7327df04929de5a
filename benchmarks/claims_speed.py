"""Cost of the claim rules (CL4xx) per page, side by side with the structure rules
(CL1xx) and with parsing alone, in the same run.

    .venv/bin/python benchmarks/claims_speed.py [--repeat N] [--seed PATH]

To compare with an older version, run a copy of this script inside a worktree of that
commit (``git worktree add --detach /tmp/base <commit>``) with ``--seed`` pointing at
shared/seeds/, in the same session.

Pages: the seed page (read from shared/, never copied) and the labelled corpus pages
of the dev and held-out splits. Rules are called directly on documents parsed
beforehand (a fresh parse per run, since the claim cache is per document), so the
figures are the rules' own cost, without parsing or the engine. Each figure is the best
of N runs (default 5) over every page, divided by the number of pages.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import datetime as _dt

from conditionlint import claimdetect, context
from conditionlint.api import default_registry
from conditionlint.parser import parse
from conditionlint.source import Source

SEED = ROOT.parent / "shared" / "seeds" / "000_b7ecc10a96cb5304.txt"
SPLITS = ("dev", "heldout", "heldout2")  # never the blind split: it is scored once


def pages(seed: Path) -> list[tuple[str, str]]:
    out = []
    if seed.is_file():
        out.append(("seed", seed.read_text(encoding="utf-8")))
    for split in SPLITS:
        for p in sorted((ROOT / "tests" / "corpus" / split).glob("*.md")):
            out.append((p.name, p.read_text(encoding="utf-8")))
    return out


def rules_cost(rules, texts: list[tuple[str, str]], repeat: int) -> tuple[float, float]:
    """(best ms/page for the rules, best ms/page for parsing)."""
    parse_t, rule_t = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = [parse(Source.from_bytes(n, t.encode("utf-8"))) for n, t in texts]
        parse_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for d in docs:
            for r in rules:
                list(r.check(d, r.defaults()))
        rule_t.append(time.perf_counter() - t0)
    n = len(texts)
    return min(rule_t) / n * 1000, min(parse_t) / n * 1000


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 5
    seed = Path(argv[argv.index("--seed") + 1]) if "--seed" in argv else SEED
    texts = pages(seed)
    reg = default_registry()
    cl1 = [r for r in reg.sorted() if r.code.startswith("CL1")]
    cl4 = [r for r in reg.sorted() if r.code.startswith("CL4")]
    token = context.set_current(context.RunContext(today=_dt.date(2026, 11, 29)))
    claimdetect.lexicon()  # compiled once per process, as in a long run
    print(f"{'pages':<8} {'n':>3} {'chars':>7} {'parse':>8} {'CL1':>8} {'CL4':>8}  (ms/page, best of {repeat})")
    for name, subset in (("seed", [t for t in texts if t[0] == "seed"]),
                         ("corpus", [t for t in texts if t[0] != "seed"])):
        if not subset:
            continue
        c4, p = rules_cost(cl4, subset, repeat)
        c1, _ = rules_cost(cl1, subset, repeat)
        chars = sum(len(t) for _, t in subset) // len(subset)
        print(f"{name:<8} {len(subset):>3} {chars:>7} {p:>8.2f} {c1:>8.2f} {c4:>8.2f}")
    context.reset(token)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
