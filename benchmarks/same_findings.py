"""Check that two trees of conditionlint report byte-identical findings.

    .venv/bin/python benchmarks/same_findings.py --base-src /tmp/base/src \\
        [--base-python /work/main/.venv/bin/python] [--big] [--labelled] [DIR ...]

Runs ``conditionlint check --output-format json`` once with the base tree's code
(``PYTHONPATH=<base-src>`` and the base interpreter) and once with this tree's
(``PYTHONPATH=<this tree>/src`` and this interpreter), over the same paths from the
same folder, with the same fixed ``--today``, no cache, and compares the two reports
byte for byte. Default paths: the benchmark corpus's pages (``benchmarks/_corpus/pages``,
built by ``benchmarks/corpus.py`` or ``run.py``), its one page and ``examples/``;
``--big`` adds the corpus's 5 MB page; ``--labelled`` adds the labelled splits under
``tests/corpus`` except the held-back ones (``benchmarks/held-back.txt``), which are never
read. Exit status 0 when every report is identical, 1 otherwise (the first differing
line is printed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELD_BACK = {s.strip() for s in (ROOT / "benchmarks" / "held-back.txt").read_text(
    encoding="utf-8").splitlines() if s.strip() and not s.startswith("#")}


def report(python: str, src: str, paths: list[str], jobs: int) -> tuple[bytes, int]:
    env = dict(os.environ, PYTHONPATH=src, NO_COLOR="1")
    cmd = [python, "-m", "conditionlint", "check", "--output-format", "json",
           "--no-cache", "--today", "2026-11-29", "--exit-zero", "-q",
           "--jobs", str(jobs), *paths]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
    return proc.stdout + b"\n--stderr--\n" + proc.stderr, proc.returncode


def first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}:\n  base: {x[:300]!r}\n  this: {y[:300]!r}"
    return f"lengths differ: {len(la)} lines against {len(lb)}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--base-src", required=True, help="the base tree's src folder")
    ap.add_argument("--base-python", default=sys.executable)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--big", action="store_true", help="add the corpus's 5 MB page")
    ap.add_argument("--labelled", action="store_true",
                    help="add tests/corpus splits (never the held-back ones)")
    args = ap.parse_args()
    corpus = ROOT / "benchmarks" / "_corpus"
    groups: list[list[str]] = []
    if args.paths:
        groups += [[p] for p in args.paths]
    else:
        if (corpus / "pages").is_dir():
            groups.append([str(corpus / "pages")])
        if (corpus / "one").is_dir():
            groups.append([str(corpus / "one")])
        groups.append(["examples"])
    if args.big and (corpus / "big").is_dir():
        groups.append([str(corpus / "big")])
    if args.labelled:
        splits = sorted(p for p in (ROOT / "tests" / "corpus").iterdir()
                        if p.is_dir() and p.name not in HELD_BACK)
        groups.append([str(p.relative_to(ROOT)) for p in splits])
    this_src = str(ROOT / "src")
    same = True
    for paths in groups:
        base, rc_a = report(args.base_python, args.base_src, paths, args.jobs)
        this, rc_b = report(sys.executable, this_src, paths, args.jobs)
        label = paths[0] if len(paths) == 1 else f"{len(paths)} folders ({paths[0]} ...)"
        if base == this and rc_a == rc_b:
            print(f"identical: {label} ({len(base):,} bytes, exit {rc_a})")
        else:
            same = False
            print(f"DIFFERENT: {label} (exit {rc_a} / {rc_b})")
            print(first_difference(base, this))
    print("all identical" if same else "reports differ")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
