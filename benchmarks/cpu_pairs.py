"""CPU time and peak memory of two trees' ``conditionlint check`` runs, alternating
(thirteenth session).

    .venv/bin/python benchmarks/cpu_pairs.py --base-src /tmp/base/src [--this-src SRC] \\
        [--reps 7] TARGET [-- CHECK-ARGS...]

Each tree gets its own pattern store (``--stores``, default /tmp/cpu-pairs-store-*),
filled by one run of TARGET first; then ``--reps`` pairs run, base first in odd pairs
and this tree first in even ones. CPU (user + system) and peak RSS come from
``os.wait4``. Prints each run, the best of each tree and the median of the per-pair
ratios (this / base): on a shared machine compare pairs, not blocks of runs. Compile
both trees' ``.pyc`` first (``python -m compileall``) or each run compiles edited
modules. A tree's src folder needs its ``rules`` and ``schemas`` beside it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(src: str, store: str, target: str, extra: list[str]) -> tuple[float, float, float]:
    env = dict(os.environ, PYTHONPATH=src, NO_COLOR="1", PYTHONHASHSEED="0",
               CONDITIONLINT_PATTERN_CACHE=store)
    cmd = [sys.executable, "-m", "conditionlint", "check", "--no-cache", "--exit-zero", "-q",
           "--output-format", "concise", *extra, target]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT)
    _, _status, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - t, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("target")
    ap.add_argument("extra", nargs="*", help="more check arguments (after --)")
    ap.add_argument("--base-src", required=True)
    ap.add_argument("--this-src", default=str(ROOT / "src"))
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--stores", default="/tmp/cpu-pairs-store")
    args = ap.parse_args()
    trees = {"base": args.base_src, "this": args.this_src}
    stores = {name: f"{args.stores}-{name}" for name in trees}
    for name, src in trees.items():
        run(src, stores[name], args.target, args.extra)
    res: dict[str, list[tuple[float, float, float]]] = {name: [] for name in trees}
    for i in range(args.reps):
        for name in (("base", "this") if i % 2 == 0 else ("this", "base")):
            res[name].append(run(trees[name], stores[name], args.target, args.extra))
    for name, rs in res.items():
        cpus = [r[0] for r in rs]
        print(f"{name}: cpu {' / '.join(f'{c:.3f}' for c in cpus)}  best {min(cpus):.3f} s;"
              f" peak {' / '.join(f'{r[2]:.1f}' for r in rs)} MB")
    ratios = sorted(t[0] / b[0] for b, t in zip(res["base"], res["this"]))
    print(f"pair ratios (this/base): {' '.join(f'{r:.3f}' for r in ratios)};"
          f" median {ratios[len(ratios) // 2]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
