"""Per-page cost of parsing, of each rule module and of the shared helpers, in one run.

    .venv/bin/python benchmarks/module_costs.py [DIR] [--pages N] [--repeat R] [--profile]

Pages: the first N ``*.md`` files under DIR (default: the benchmark corpus,
``benchmarks/_corpus/pages``, 200 pages; generate it with ``benchmarks/run.py`` or
``benchmarks/corpus.py``). Every default rule runs on each page as the engine runs it
(same order, same options, same run context), but timed rule by rule with
``perf_counter``, without a profiler: the figure per rule module is the best of R runs
(default 3) of the sum over the pages, divided by the number of pages.

``--cpu`` times with ``time.process_time`` (this process's CPU time) instead of
``perf_counter``: steadier on a shared machine, where another process's work stretches
wall-clock time but not ours.

``--profile`` adds a cProfile run and prints the cumulative time per page of the
helpers issue 7 names (mojibake scan, kinds_of, sections_of_kind, front matter
loading, sentence splitting, the schema check): those figures carry the profiler's
overhead, so compare them only with each other and with another ``--profile`` run.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as _dt
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from conditionlint.api import default_registry  # noqa: E402
from conditionlint.config import CliSelection, Config, effective  # noqa: E402
from conditionlint.context import RunContext, reset, set_current  # noqa: E402
from conditionlint.parser import parse  # noqa: E402
from conditionlint.source import Source  # noqa: E402

HELPERS = (
    ("mojibake.py", "scan"),
    ("sectionmap.py", "kinds_of"),
    ("sectionmap.py", "sections_of_kind"),
    ("sectionmap.py", "flattened_heading_kinds"),
    ("frontmatter.py", "parse"),
    ("frontmatter.py", "_load"),
    ("frontmatter.py", "_convert"),
    ("sentences.py", "split"),
    ("sentences.py", "split_blocks"),
    ("meta.py", "front_matter_schema"),
    ("schemautil.py", "errors"),
    ("safety.py", "lexicon"),
)


def load(root: Path, n: int) -> list[tuple[str, bytes]]:
    files = sorted(root.rglob("*.md"))[:n]
    return [(str(p.relative_to(root)), p.read_bytes()) for p in files]


_clock = time.perf_counter


def one_run(pages, rules, today) -> tuple[float, dict[str, float]]:
    per_module: dict[str, float] = defaultdict(float)
    parse_t = 0.0
    for name, data in pages:
        token = set_current(RunContext(today=today, config=None))
        try:
            t0 = _clock()
            doc = parse(Source.from_bytes(name, data))
            parse_t += _clock() - t0
            for r, _sev, options in rules:
                t0 = _clock()
                list(r.check(doc, options))
                per_module[r.check.__module__.rsplit(".", 1)[-1]] += _clock() - t0
        finally:
            reset(token)
    return parse_t, per_module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", default=str(ROOT / "benchmarks" / "_corpus" / "pages"))
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--cpu", action="store_true", help="time with process_time")
    args = ap.parse_args()
    global _clock
    if args.cpu:
        _clock = time.process_time
    pages = load(Path(args.dir), args.pages)
    if not pages:
        print(f"no pages under {args.dir}", file=sys.stderr)
        return 2
    registry = default_registry()
    cfg = Config(path=None, root=Path.cwd())
    eff = effective(cfg, registry, "page.md", CliSelection(None, (), ()))
    rules = [(r, sev, opts) for r, sev, opts in eff.rules]
    today = _dt.date(2026, 11, 29)
    n = len(pages)

    one_run(pages[:5], rules, today)  # warm the lazy tables
    best_parse = float("inf")
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        p, mods = one_run(pages, rules, today)
        best_parse = min(best_parse, p)
        for k, v in mods.items():
            best[k] = min(best.get(k, float("inf")), v)
    clock = "CPU time" if args.cpu else "wall clock"
    print(f"{n} pages from {args.dir}, best of {args.repeat}, ms per page ({clock}, "
          "no profiler)")
    print(f"  {'parse':<12} {best_parse / n * 1000:7.3f}")
    for k, v in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<12} {v / n * 1000:7.3f}")
    print(f"  {'total':<12} {(best_parse + sum(best.values())) / n * 1000:7.3f}")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        one_run(pages, rules, today)
        prof.disable()
        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        print("\nhelpers under cProfile (cumulative ms per page, calls)")
        for fname, func in HELPERS:
            cum, calls = 0.0, 0
            for (file, _line, fn), (_cc, nc, _tt, ct, _callers) in stats.items():
                if fn == func and file.endswith("/" + fname):
                    cum += ct
                    calls += nc
            print(f"  {fname + ':' + func:<36} {cum / n * 1000:7.3f}  {calls}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
