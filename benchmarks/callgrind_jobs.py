"""Instructions of a whole ``conditionlint check`` run, per process: the parent and
each worker (eleventh session).

    .venv/bin/python benchmarks/callgrind_jobs.py DIR [--jobs 2] [--tree SRC] [--store DIR]

Runs ``conditionlint check --no-cache --output-format json DIR`` under ``valgrind
--tool=callgrind --trace-children=yes --dump-before=PyOS_BeforeFork`` and prints the
instructions of each process and their sum. Timing the workers on a shared machine
measures the machine as much as the code (another process on one of the two CPUs
stretched the workers' CPU time by 15 % in one run); instruction counts do not move
with the load.

Why ``--dump-before=PyOS_BeforeFork``: a forked child inherits callgrind's counters, so
without it each worker's file also holds everything the parent had done before the
fork (imports, the rules, the pattern store: about 0.6 G instructions), and the
workers look that much dearer than they are. With it, the parent's profile is dumped
(and its counters zeroed) just before each fork: the parent's parts are summed here.

``--store``: the compiled-pattern store to use (``CONDITIONLINT_PATTERN_CACHE``; fill
it with a plain run of the same tree first: patterns missing from it are compiled in
each worker, and workers never save the store). ``PYTHONHASHSEED=0`` for steadier
counts. Slow: about 50 times a normal run (400 pages: 4-6 minutes).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def total(path: Path) -> int:
    for line in path.read_text(errors="replace").splitlines():
        m = re.match(r"(?:summary|totals):\s+(\d+)", line)
        if m:
            return int(m.group(1))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tree", default=str(ROOT / "src"), help="the src folder to run")
    ap.add_argument("--store", default=None, help="compiled-pattern store folder")
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="callgrind-jobs-"))
    env = dict(os.environ, PYTHONPATH=args.tree, PYTHONHASHSEED="0", NO_COLOR="1")
    if args.store:
        env["CONDITIONLINT_PATTERN_CACHE"] = args.store
    cmd = ["valgrind", "--tool=callgrind", "--trace-children=yes",
           "--dump-before=PyOS_BeforeFork", f"--callgrind-out-file={out}/cg.%p",
           args.python, "-m", "conditionlint", "check", "--no-cache", "-q", "--exit-zero",
           "--today", "2026-11-29", "--output-format", "json", "--jobs", str(args.jobs),
           args.path]
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    by_pid: dict[int, int] = {}
    for f in out.glob("cg.*"):
        pid = int(f.name.split(".")[1])
        by_pid[pid] = by_pid.get(pid, 0) + total(f)
    if not by_pid:
        print("no callgrind output (is valgrind installed?)", file=sys.stderr)
        return 1
    parent = min(by_pid)  # the first process started
    print(f"tree {args.tree}, --jobs {args.jobs}, {args.path}")
    for pid, n in sorted(by_pid.items()):
        print(f"  {'parent' if pid == parent else 'worker'} {pid}: {n / 1e9:8.3f} G")
    print(f"  all processes: {sum(by_pid.values()) / 1e9:8.3f} G  (files in {out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
