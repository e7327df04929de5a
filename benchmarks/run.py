"""conditionlint benchmarks: every figure of issue 7, side by side, in one run.

    .venv/bin/python benchmarks/run.py                 # 1,000 pages, 3 repetitions
    .venv/bin/python benchmarks/run.py --pages 10000   # the README figures

Each command runs in its own process; wall time and CPU time (user + system, children
included) come from ``os.wait4``, peak memory from its ``ru_maxrss`` (the largest
process of the tree). Figures are medians over ``--reps`` runs. The corpus is generated
under ``benchmarks/_corpus/`` (git-ignored) and reused when the parameters match. The
measured runs share a compiled-pattern store of their own, filled by unmeasured runs
first; the first run with an empty store (a fresh CI machine) is measured once, apart.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402

PY = sys.executable
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
TOOL = [PY, "-m", "conditionlint"]
TODAY = "2026-11-29"  # fixed, so date rules give the same findings in every run

FLOOR = r"""
import sys, os
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
md = MarkdownIt("commonmark").use(front_matter_plugin)
n = 0
for top in sys.argv[1:]:
    if os.path.isfile(top):
        paths = [top]
    else:
        paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs
                       if f.endswith(".md"))
    for p in paths:
        with open(p, "rb") as fh:
            md.parse(fh.read().decode("utf-8"))
        n += 1
"""

ONE_FLOOR = r"""
import sys
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
text = open(sys.argv[1], encoding="utf-8").read()
tokens = MarkdownIt("commonmark").use(front_matter_plugin).parse(text)
if tokens and tokens[0].type == "front_matter":
    yaml.load(tokens[0].content, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    rc: int


def run_once(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> Sample:
    # stderr goes to a file: a pipe nobody reads until the end can fill up and stall
    # a tool that reports on stderr (markdownlint-cli2 does).
    # Peak memory through GNU time when present: Linux counts the memory of the process
    # that forked a child in the child's ru_maxrss (the mm replaced by exec), so this
    # (large) Python process would put a floor under every figure; time is small.
    with tempfile.TemporaryFile() as errfile, tempfile.NamedTemporaryFile("r") as rss:
        wrapped = ([GNU_TIME, "-q", "-f", "%M", "-o", rss.name, *cmd] if GNU_TIME
                   else cmd)
        t0 = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                stderr=errfile)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        errfile.seek(0)
        err = errfile.read()[-4000:].decode("utf-8", "replace")
        peak_kb = usage.ru_maxrss
        if GNU_TIME:
            numbers = [ln for ln in rss.read().split() if ln.isdigit()]
            peak_kb = int(numbers[-1]) if numbers else peak_kb
    if rc not in (0, 1):
        raise SystemExit(f"command failed ({rc}): {' '.join(cmd)}\n{err[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, peak_kb / 1024, rc)


@dataclass
class Figure:
    label: str
    wall: float
    cpu: float
    rss_mb: float
    reps: int


def measure(label: str, cmd: list[str], reps: int, setup=None, **kw) -> Figure:
    samples = []
    for _ in range(reps):
        if setup:
            setup()
        samples.append(run_once(cmd, **kw))
    fig = Figure(label, statistics.median(s.wall for s in samples),
                 statistics.median(s.cpu for s in samples),
                 max(s.rss_mb for s in samples), reps)
    print(f"  {label:<44} wall {fig.wall:8.3f} s   cpu {fig.cpu:8.3f} s   "
          f"peak {fig.rss_mb:7.1f} MB   (n={reps})", flush=True)
    return fig


def measure_pair(label_a: str, cmd_a: list[str], label_b: str, cmd_b: list[str], reps: int,
                 env_b: dict | None = None, env_a: dict | None = None,
                 cwd_b: Path | None = None) -> tuple[Figure, Figure, float, float]:
    """The two commands run alternately (a, b, a, b, ...), so that the machine's drift
    over the run (on a shared machine it moves by a quarter within minutes) falls on
    both alike. Returns both figures and the medians of the per-pair ratios b/a of
    wall and CPU time."""
    sa, sb = [], []
    for _ in range(reps):
        sa.append(run_once(cmd_a, env=env_a))
        sb.append(run_once(cmd_b, env=env_b, cwd=cwd_b))
    figs = []
    for label, samples in ((label_a, sa), (label_b, sb)):
        fig = Figure(label, statistics.median(x.wall for x in samples),
                     statistics.median(x.cpu for x in samples),
                     max(x.rss_mb for x in samples), reps)
        print(f"  {label:<44} wall {fig.wall:8.3f} s   cpu {fig.cpu:8.3f} s   "
              f"peak {fig.rss_mb:7.1f} MB   (n={reps}, alternating)", flush=True)
        figs.append(fig)
    wall = statistics.median(b.wall / a.wall for a, b in zip(sa, sb))
    cpu = statistics.median(b.cpu / a.cpu for a, b in zip(sa, sb))
    return figs[0], figs[1], wall, cpu


def tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*.md"))


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def code_identity() -> str:
    """Which code ran: the commit (and whether the tree had changes), or PYTHONPATH."""
    where = subprocess.run([PY, "-c", "import conditionlint, sys; "
                            "print(conditionlint.__version__, conditionlint.__file__)"],
                           capture_output=True, text=True).stdout.strip()
    try:
        rev = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=HERE,
                             capture_output=True, text=True).stdout.strip()
    except OSError:
        rev = "?"
    return f"{where} (checkout {rev or '?'})"


def check_cmd(*args: str) -> list[str]:
    return TOOL + ["check", "--today", TODAY, "-q", "--output-format", "concise",
                   *args]


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--peer-reps", type=int, default=None,
                    help="repetitions for markdownlint-cli2 and PyMarkdown (default: --reps)")
    ap.add_argument("--no-peers", action="store_true", help="skip the other linters")
    ap.add_argument("--no-pymarkdown", action="store_true",
                    help="skip PyMarkdown (the slowest: about 30 s of CPU per 1,000 pages)")
    ap.add_argument("--pymarkdown", default="/tmp/bench-venv/bin/pymarkdown",
                    help="PyMarkdown's command (installed in a separate venv)")
    ap.add_argument("--corpus", default=str(HERE / "_corpus"))
    args = ap.parse_args()
    reps = args.reps
    peer_reps = args.peer_reps or reps

    root = Path(args.corpus).resolve()
    print(f"corpus: {args.pages} pages in {root} ...", flush=True)
    generate(root, args.pages)
    pages = root / "pages"
    subset = pages / "g00"
    big = root / "big" / "huge.md"
    one = root / "one" / "page.md"
    size_all = tree_bytes(pages)
    n_subset = sum(1 for _ in subset.rglob("*.md"))
    print(f"machine: {machine()}")
    print(f"conditionlint: {code_identity()}")
    print(f"pages: {args.pages} ({size_all / 1e6:.1f} MB), subset g00: {n_subset} pages, "
          f"big page: {big.stat().st_size / 1e6:.1f} MB\n", flush=True)

    env = dict(os.environ, NO_COLOR="1")
    # A wheel install has its bytecode compiled by pip; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 (as on this machine) would compile every module from
    # source at every start, which is not what users run. Compile it once, first.
    pkg = subprocess.run([PY, "-c", "import conditionlint, os; "
                          "print(os.path.dirname(conditionlint.__file__))"],
                         capture_output=True, text=True, env=env, check=True).stdout.strip()
    subprocess.run([PY, "-m", "compileall", "-q", pkg], env=env, check=True)
    print(f"bytecode compiled for {pkg} (as a wheel install has it)\n", flush=True)
    cache = Path(tempfile.mkdtemp(prefix="cl-bench-cache-"))
    # The compiled-pattern store (``recache``) of the measured runs: a folder of this
    # run's own, filled first by unmeasured runs over the pages, the one page and the big
    # page, so that every measured run starts
    # alike (a run that has to write the store peaks higher: that first run is measured
    # on its own below, with an empty store, as a fresh CI machine has it).
    store = Path(tempfile.mkdtemp(prefix="cl-bench-store-"))
    empty_store = Path(tempfile.mkdtemp(prefix="cl-bench-store-empty-"))
    env["CONDITIONLINT_PATTERN_CACHE"] = str(store)
    for target in (pages, one, big):
        subprocess.run(check_cmd("--jobs", "1", "--no-cache", str(target)), env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    print(f"pattern store filled by unmeasured runs ({store})\n", flush=True)
    try:
        print("corpus of small pages:")
        floor, j1, j1_wall_ratio, j1_cpu_ratio = measure_pair(
            "floor: read + markdown-it parse", [PY, "-c", FLOOR, str(pages)],
            "conditionlint --jobs 1 (no cache)",
            check_cmd("--jobs", "1", "--no-cache", str(pages)), reps, env_b=env)
        jd = measure(f"conditionlint default jobs ({os.cpu_count()}) (no cache)",
                     check_cmd("--no-cache", str(pages)), reps, env=env)

        cold_dir = cache / "cold"
        moved = itertools.count()

        def clear() -> None:
            # The previous cold run's entries are moved aside, not deleted (all go at the
            # end): deleting thousands of files just before a run made that run's file
            # creations two to three times dearer on the benchmark machine (ext4 without
            # a journal skips inodes freed in the last minutes when it allocates new
            # ones; fourteenth session), which a first run in CI does not pay.
            if cold_dir.exists():
                cold_dir.rename(cache / f"old-{next(moved)}")

        cold = measure("conditionlint cache cold (default jobs)",
                       check_cmd("--cache-dir", str(cold_dir), str(pages)), reps,
                       setup=clear, env=env)
        warm = measure("conditionlint cache warm (nothing changed)",
                       check_cmd("--cache-dir", str(cold_dir), str(pages)), reps, env=env)
        mem_small = measure(f"conditionlint --jobs 1 on {n_subset} pages (memory)",
                            check_cmd("--jobs", "1", "--no-cache", str(subset)), 1, env=env)
        first = measure("conditionlint --jobs 1, empty pattern store",
                        check_cmd("--jobs", "1", "--no-cache", str(pages)), 1,
                        env=dict(env, CONDITIONLINT_PATTERN_CACHE=str(empty_store)))

        print("\none page:")
        one_floor, one_cl, one_ratio, _ = measure_pair(
            "floor: import markdown-it + pyyaml, parse", [PY, "-c", ONE_FLOOR, str(one)],
            "conditionlint one page (no cache)", check_cmd("--no-cache", str(one)),
            max(reps, 9), env_b=env)

        print("\nthe 5 MB page:")
        big_floor, big_cl, big_ratio, _ = measure_pair(
            "floor: read + markdown-it parse", [PY, "-c", FLOOR, str(big)],
            "conditionlint --jobs 1 (no cache)",
            check_cmd("--jobs", "1", "--no-cache", str(big)), reps, env_b=env)

        peers: dict[str, Figure] = {}
        mdl_ratio = 0.0
        if not args.no_peers:
            print("\nother tools, same corpus:")
            mdl = shutil.which("markdownlint-cli2")
            if mdl:
                # the target is "faster than markdownlint-cli2": both run alternately
                _, peers["markdownlint-cli2"], mdl_ratio, _ = measure_pair(
                    "conditionlint default jobs (no cache)", check_cmd("--no-cache", str(pages)),
                    "markdownlint-cli2 (default rules)", [mdl, "pages/**/*.md"], peer_reps,
                    env_a=env, cwd_b=root)
            else:
                print("  markdownlint-cli2: not installed (npm install -g markdownlint-cli2)")
            if args.no_pymarkdown:
                print("  PyMarkdown: skipped (--no-pymarkdown)")
            elif Path(args.pymarkdown).exists():
                peers["PyMarkdown"] = measure(
                    "PyMarkdown (default rules)",
                    [args.pymarkdown, "scan", "-r", str(pages)], peer_reps)
            else:
                print(f"  PyMarkdown: not installed ({args.pymarkdown})")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(store, ignore_errors=True)
        shutil.rmtree(empty_store, ignore_errors=True)

    # -- ratios and targets --------------------------------------------------------------
    print("\nratios (targets from issue 7):")
    rows = []

    def row(name: str, value: float, target: str, ok: bool) -> None:
        rows.append((name, value, target, ok))
        print(f"  {name:<52} {value:7.2f}x   target {target:<8} {verdict(ok)}")

    # Ratios of two commands run alternately are medians of the per-pair ratios.
    row("--jobs 1 CPU / floor CPU", j1_cpu_ratio, "<= 2.0", j1_cpu_ratio <= 2.0)
    row("--jobs 1 wall / floor wall", j1_wall_ratio, "(info)", True)
    row("speed-up, default jobs vs --jobs 1 (wall)", j1.wall / jd.wall, ">= 1.7",
        j1.wall / jd.wall >= 1.7)
    row("cached re-run / cold run (wall)", warm.wall / cold.wall, "<= 0.1",
        warm.wall / cold.wall <= 0.1)
    row("one page / import-and-parse floor (wall)", one_ratio, "<= 2.0", one_ratio <= 2.0)
    # Time per MB, start-up (the one-page run) taken out of both.
    per_mb_small = max(j1.wall - one_cl.wall, 1e-9) / (size_all / 2**20)
    per_mb_big = max(big_cl.wall - one_cl.wall, 1e-9) / (big.stat().st_size / 2**20)
    row("5 MB page: time per MB / small pages' time per MB", per_mb_big / per_mb_small,
        "<= 1.5", per_mb_big / per_mb_small <= 1.5)
    row("5 MB page vs its own parse floor (wall)", big_ratio, "(info)", True)
    print(f"  {'peak memory --jobs 1, all pages':<52} {j1.rss_mb:7.1f} MB  target <= 150 "
          f"{verdict(j1.rss_mb <= 150)}")
    growth = j1.rss_mb / mem_small.rss_mb
    print(f"  {'peak memory growth, ' + str(n_subset) + ' -> ' + str(args.pages) + ' pages':<52}"
          f" {growth:7.2f}x   target flat (<= 1.2) {verdict(growth <= 1.2)}")
    print(f"  {'peak memory --jobs 1, first run (empty pattern store)':<52} "
          f"{first.rss_mb:7.1f} MB  (info: {first.cpu / j1.cpu:.2f}x the CPU of a run "
          f"with the store)")
    for name, fig in peers.items():
        ratio = mdl_ratio if name == "markdownlint-cli2" else fig.wall / jd.wall
        print(f"  {'conditionlint default jobs vs ' + name + ' (wall)':<52} "
              f"{ratio:7.2f}x faster   "
              f"{verdict(ratio > 1.0) if name == 'markdownlint-cli2' else '(info)'}")
        print(f"  {'conditionlint --jobs 1 vs ' + name + ' (CPU)':<52} "
              f"{fig.cpu / j1.cpu:7.2f}x less CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
