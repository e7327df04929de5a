"""Cost of the report formats and of baseline matching, side by side with the JSON
formatter (the baseline figure) in the same run.

    .venv/bin/python benchmarks/report_formats.py [--pages 2000]

Findings come from linting generated pages in-process (not timed); each formatter then
renders the same Report; times are the median of 5 renders.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from conditionlint import baseline
from conditionlint.api import default_registry, lint_text
from conditionlint.formatters import Report, get

PAGE = """\
---
title: Page {i}
---
# Page {i}

Pain eases within weeks \u0e42\u20ac\u201d for most people {i}.

## Symptoms

Stiffness\u00a0and aches \u0e42\u20ac\u201c sometimes sharp.
"""


def _median(fn, reps: int = 5) -> float:  # noqa: ANN001
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args()
    findings = []
    for i in range(args.pages):
        findings.extend(lint_text(PAGE.format(i=i), path=f"content/p{i:05}.md",
                                  select=["CL1", "CL3"]))
    files = sorted({f.path for f in findings})
    report = Report(findings=findings, files=files, registry=default_registry(),
                    version="bench")
    print(f"{args.pages} pages, {len(findings)} findings")
    print(f"{'format':<10} {'median s':>9} {'x json':>7} {'output KiB':>11}")
    base = None
    for name in ("json", "concise", "full", "sarif", "github", "junit", "html"):
        render = get(name)
        secs = _median(lambda: render(report))
        base = base or secs
        size = len(render(report).encode()) / 1024
        print(f"{name:<10} {secs:>9.3f} {secs / base:>7.2f} {size:>11.0f}")
    with tempfile.TemporaryDirectory() as d:
        file = Path(d) / "b.json"
        w = _median(lambda: baseline.write(findings, file))
        accepted = baseline.load(file)
        f = _median(lambda: baseline.filter_new(findings, accepted))
        print(f"baseline write {w:.3f} s, filter {f:.3f} s "
              f"({file.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
