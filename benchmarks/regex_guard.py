"""How well does the guard on users' YAML-rule patterns protect the run?

    .venv/bin/python benchmarks/regex_guard.py [--length 30] [--timeout 2]

For each pattern below (known catastrophic ones, and ordinary ones a rule author
would write) it prints: whether ``yamlrules.pattern_problem`` refuses it, how long
Python's ``re`` takes on a near-miss subject (in a child process, killed after
``--timeout`` seconds: ``re`` can't be interrupted from inside), and, when the
``re2`` module (google-re2) is importable, how long RE2 takes and whether RE2 can
compile the pattern at all (it has no look-around or back-references).

The figures decide the policy written in docs/security.md.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import re
import time

from conditionlint.yamlrules import pattern_problem

# (pattern, subject builder): each subject is a near miss, the worst case for
# backtracking.
CATASTROPHIC = [
    (r"(a+)+$", lambda n: "a" * n + "!"),
    (r"(a*)*$", lambda n: "a" * n + "!"),
    (r"(a|aa)+$", lambda n: "a" * n + "!"),
    (r"(a|a?)+$", lambda n: "a" * n + "!"),
    (r"^(\w+\s?)+$", lambda n: "word " * (n // 5) + "!"),
    (r"(\d+)*x", lambda n: "1" * n),
    (r"(x+x+)+y", lambda n: "x" * n),
    (r"(?:a+){2,}$", lambda n: "a" * n + "!"),
    (r"(.*a){12}", lambda n: "a" * n),
    (r"(.*a){8}z", lambda n: "a" * n),
    (r"(a{1,5}){1,9}$", lambda n: "a" * n + "!"),
    (r"\s*\s*\s*\s*\s*\s*x", lambda n: " " * (n * 30)),
    (r"(?:[a-z]|[a-c])+$", lambda n: "a" * n + "!"),
]
ORDINARY = [
    r"\bcures?\b",
    r"\b\d{1,3}\s?%\s+(?:of\s+)?(?:patients|people)\b",
    r"guaranteed?\s+(?:results|relief)",
    r"(?:no|zero)\s+(?:side[- ]effects|risks?)",
    r"miracle(?:\s+cure)?",
    r"(?i)100\s*%\s*(?:safe|effective)",
    r"\b(?:FDA|NHS)[- ]approved\b",
    r"(?<!not )proven\b",
    r"(?:\w+\s){0,3}clinically proven",
    r"(?:https?://)?(?:www\.)?example\.com/\S*",
]


def _time_re(pattern: str, subject: str, q: mp.Queue) -> None:  # type: ignore[type-arg]
    rx = re.compile(pattern)
    t = time.perf_counter()
    rx.search(subject)
    q.put(time.perf_counter() - t)


def time_python_re(pattern: str, subject: str, timeout: float) -> str:
    q: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    p = mp.Process(target=_time_re, args=(pattern, subject, q))
    p.start()
    p.join(timeout)
    if p.is_alive():
        p.kill()
        p.join()
        return f">{timeout:.0f} s (killed)"
    return f"{q.get() * 1000:.2f} ms"


def time_re2(pattern: str, subject: str) -> str:
    try:
        import re2  # type: ignore[import-not-found]
    except ImportError:
        return "n/a (re2 not installed)"
    opts = re2.Options()
    opts.log_errors = False
    try:
        rx = re2.compile(pattern, opts)
    except re2.error:
        return "cannot compile"
    t = time.perf_counter()
    rx.search(subject)
    return f"{(time.perf_counter() - t) * 1000:.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--length", type=int, default=30)
    ap.add_argument("--timeout", type=float, default=2.0)
    args = ap.parse_args()
    n = args.length
    print(f"near-miss subjects of about {n} characters; Python re killed after "
          f"{args.timeout:.0f} s\n")
    print(f"{'pattern':34} {'guard':8} {'python re':>18} {'re2':>18}")
    caught = hung = hung_missed = 0
    for pattern, make in CATASTROPHIC:
        subject = make(n)
        refused = pattern_problem(pattern) is not None
        py = time_python_re(pattern, subject, args.timeout)
        caught += refused
        if "killed" in py:
            hung += 1
            hung_missed += not refused
        print(f"{pattern:34} {'refused' if refused else 'ALLOWED':8} {py:>18} "
              f"{time_re2(pattern, subject):>18}")
    false_refusals = 0
    subject = "Our clinic's treatment is clinically proven and safe for 95% of patients. " * 50
    for pattern in ORDINARY:
        refused = pattern_problem(pattern) is not None
        false_refusals += refused
        print(f"{pattern[:34]:34} {'REFUSED' if refused else 'allowed':8} "
              f"{time_python_re(pattern, subject, args.timeout):>18} "
              f"{time_re2(pattern, subject):>18}")
    print(f"\ncatastrophic patterns: {len(CATASTROPHIC)}, refused by the guard: {caught}, "
          f"hung Python re: {hung}, of which the guard let through: {hung_missed}")
    print(f"ordinary patterns: {len(ORDINARY)}, wrongly refused: {false_refusals}")


if __name__ == "__main__":
    main()
