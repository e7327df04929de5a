"""Instructions a page, for valgrind's callgrind: one counted pass of every default rule.

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_eval \\
        .venv/bin/python benchmarks/callgrind_page.py [--tree DIR] [--warm N] [--pages N]

Loads the corpus pages (``benchmarks/_corpus/pages``), runs ``module_costs.one_run`` over
the first ``--warm`` pages (compiling what they need), then once more inside ``eval`` over
the next ``--pages`` pages: only that pass is counted (``--toggle-collect=builtin_eval``).
Divide callgrind's "Collected" by ``--pages``. ``--warm 0`` counts the ninth session's way
instead: the same pages twice, the warm-up over the counted pages themselves, which
flatters anything remembered per text. ``--tree`` runs another tree's code (a
``git archive`` of the base: its src/, rules/ and benchmarks/module_costs.py).
Tenth session: docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tree", default=str(HERE))
    ap.add_argument("--warm", type=int, default=200)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--corpus", default=str(HERE / "benchmarks" / "_corpus" / "pages"))
    args = ap.parse_args()
    root = Path(args.tree)
    sys.path.insert(0, str(root / "benchmarks"))
    sys.path.insert(0, str(root / "src"))
    import module_costs as mc

    from conditionlint.api import default_registry
    from conditionlint.config import CliSelection, Config, effective

    pages = mc.load(Path(args.corpus), args.warm + args.pages)
    eff = effective(Config(path=None, root=Path.cwd()), default_registry(), "page.md",
                    CliSelection(None, (), ()))
    rules = [(r, sev, opts) for r, sev, opts in eff.rules]
    today = _dt.date(2026, 11, 29)
    warm = pages[:args.warm] if args.warm else pages
    counted = pages[args.warm:] if args.warm else pages
    mc.one_run(warm, rules, today)
    eval("mc.one_run(counted, rules, today)", {"mc": mc, "counted": counted,  # noqa: S307
                                                 "rules": rules, "today": today})
    print(f"counted {len(counted)} pages (code: {mc.__file__})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
