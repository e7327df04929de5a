"""Checking many files: worker processes, the content cache, a deterministic merge.

The parent resolves each file's config (closest file wins), then hands out file
*indices*: a worker reads the file, looks it up in the cache, lints it on a miss and
stores the result, and sends back plain data (see :func:`conditionlint.cache.encode`),
never a parsed document. Results are put back in the order of ``targets``, so the report
does not depend on ``--jobs`` or on which worker finished first.

Workers are forked on Linux (they inherit the registry, the configs and the imported
parser); elsewhere they are spawned and rebuild the registry once each, in the
initializer, because a Registry holds functions.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import itertools
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conditionlint import engine
from conditionlint.config import Config, ConfigError, ConfigFinder, effective
from conditionlint.registry import Registry
from conditionlint.runner import (
    CheckSettings,
    Checked,
    Target,
    Unreadable,
    lint_bytes,
    read_bytes,
)

# Below this many files a pool costs more than it saves (pre-commit, editors).
MIN_FILES_FOR_WORKERS = 8
CHUNK = 8  # files per job sent to a worker
CHUNKS_AHEAD = 4  # chunks per worker sent ahead of the results handed over


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # the CPUs this process may use
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Plan:
    """Everything a worker needs; picklable (no functions) for spawned workers. Files
    are not in it: each job names its file (see :data:`_Job`)."""

    configs: tuple[Config, ...]  # distinct configs
    settings: CheckSettings
    keyer: Any  # cache.Keyer or None (no cache)
    cache_folder: Path | None


# One file to check, as sent to a worker: (path, display, index into ``_Plan.configs``)
_Job = tuple[str, str, int]


class _Worker:
    """Checks one file; one per process (the parent's when jobs is 1)."""

    def __init__(self, plan: _Plan, registry: Registry):
        self.plan = plan
        self.registry = registry
        self.store = None
        self._config_parts: dict[int, str] = {}
        if plan.keyer is not None and plan.cache_folder is not None:
            from conditionlint.cache import Store

            self.store = Store(plan.cache_folder)

    def _prefix(self, ci: int, cfg: Config, display: str) -> str:
        from conditionlint.cache import config_fingerprint

        part = self._config_parts.get(ci)
        if part is None:
            part = self._config_parts[ci] = config_fingerprint(cfg)
        eff = effective(cfg, self.registry, display, self.plan.settings.cli)
        return self.plan.keyer.prefix(part, eff.key, display)

    def cached(self, job: _Job, shared: dict[str, str] | None) -> Checked | None:
        """The file's stored result, or None (not stored, unreadable, or no cache)."""
        path, display, ci = job
        cfg = self.plan.configs[ci]
        if self.store is None or not cfg.cache:
            return None
        try:
            data = read_bytes(path, cfg.max_file_size)
        except Unreadable:
            return None  # check() reports it
        from conditionlint.cache import Keyer

        key = Keyer.key(self._prefix(ci, cfg, display), data)
        found = self.store.findings(key, display, shared)
        return Checked(display, found) if found is not None else None

    def check(self, job: _Job) -> tuple[Any, ...]:
        """(findings payload, fixed_bytes, original, fixed_text, fixes_applied,
        fix_error, read_digest, unfixed payload); only the first item when nothing was
        fixed."""
        from conditionlint.cache import encode

        path, display, ci = job
        cfg = self.plan.configs[ci]
        try:
            try:
                data = read_bytes(path, cfg.max_file_size)
            except Unreadable as exc:
                return (encode([engine.unreadable(display, str(exc))]),)
            key = None
            if self.store is not None and cfg.cache:
                from conditionlint.cache import Keyer

                key = Keyer.key(self._prefix(ci, cfg, display), data)
                payload = self.store.get(key)
                if payload is not None:
                    return (payload,)
            checked = lint_bytes(data, display, cfg, self.registry, self.plan.settings)
            payload = encode(checked.findings)
            if key is not None:
                self.store.put(key, payload)  # type: ignore[union-attr]
            if checked.original is None and checked.fixed_bytes is None:
                return (payload,)
            return (payload, checked.fixed_bytes, checked.original, checked.fixed_text,
                    checked.fixes_applied, checked.fix_error, checked.read_digest,
                    None if checked.unfixed is None else encode(checked.unfixed))
        except ConfigError:
            raise  # a broken rule or schema file (engine.lint_document): exit 2, once
        except Exception as exc:  # noqa: BLE001 - one file's failure is a finding, not a crash
            code, name = engine.INTERNAL_ERROR
            from conditionlint.model import Finding

            f = Finding(display, code, name, "error",
                        f"checking this file failed: {type(exc).__name__}: {exc}"[:500],
                        1, 1, 1, 1)
            return (encode([f]),)


def _checked(display: str, out: tuple[Any, ...], shared: dict[str, str] | None) -> Checked:
    from conditionlint.cache import decode

    findings = decode(display, out[0], shared)
    if len(out) == 1:
        return Checked(display, findings)
    return Checked(display, findings, fixed_bytes=out[1], original=out[2], fixed_text=out[3],
                   fixes_applied=out[4], fix_error=out[5], read_digest=out[6],
                   unfixed=None if out[7] is None else decode(display, out[7], shared))


# -- worker processes -------------------------------------------------------------------------
_WORKER: _Worker | None = None


def _init_worker(plan: _Plan, registry: Registry | None) -> None:
    global _WORKER
    import signal

    # The parent unwinds on SIGTERM (cli.Terminated); a worker just stops.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if registry is None:  # spawned: functions cannot be pickled, build the rules here
        from conditionlint.registry import build

        registry = build()
    else:  # forked: what the parent built lives as long as this process
        import gc

        gc.freeze()  # full collections skip it (and do not touch its shared pages)
    from conditionlint.parser import _markdown

    _markdown()  # build the parser once per worker, not per file
    _WORKER = _Worker(plan, registry)


def _work(jobs: list[_Job]) -> list[tuple[Any, ...]]:
    assert _WORKER is not None
    return [_WORKER.check(job) for job in jobs]


def _context() -> Any:
    import multiprocessing

    # fork is cheap and shares the already-built registry; it is only safe on Linux
    # (macOS system libraries may not survive it, Windows lacks it).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def check_all(targets: Iterable[Target], finder: ConfigFinder, registry: Registry,
              settings: CheckSettings, jobs: int | None = None, use_cache: bool = True,
              cache_dir: str | None = None, progress: bool = True,
              sink: Callable[[Checked], None] | None = None,
              pause_gc_first: bool = False) -> list[Checked]:
    """Check ``targets`` (a list, or a :class:`~conditionlint.runner.TargetList`: any
    sized iterable that can be read more than once); the results come in the order of
    ``targets``. With ``sink`` each result is handed to it as soon as it is ready (in
    that order) and not kept: the returned list is empty, and memory does not grow with
    the number of files (the files are read from ``targets`` as they are handed out).

    ``pause_gc_first`` (the command line): the cyclic garbage collector is paused
    while this process checks its first file, which builds the lexicons, models and
    compiled patterns that live until the end (a one-page run spent about 3 % of its
    instructions collecting while they were built), and what exists then is frozen
    (``gc.freeze``), as start-up's is, so later full collections skip it."""
    from conditionlint.progress import Progress

    # The distinct configs first (few; workers are forked with them), one byte or
    # word per file for which one applies.
    configs: list[Config] = []
    seen: dict[int, int] = {}
    config_of = array("H")
    files = getattr(targets, "files", None)

    def listed(start: int = 0) -> Iterator[tuple[str, str, bool]]:
        """(path, display, explicit) of the targets from ``start`` on."""
        if files is not None:  # a TargetList: no Path objects
            return itertools.islice(files(), start, None)
        return ((str(t.path), t.display, t.explicit)
                for t in itertools.islice(targets, start, None))

    last_folder = None
    cfg = None
    for path, _, explicit in listed():
        if explicit:  # named on the command line: as found
            cfg = finder.for_path(Path(path))
            last_folder = None
        else:  # found in a folder: its folder's, looked up once per folder
            folder = os.path.dirname(path)
            if folder != last_folder or cfg is None:
                cfg = finder.for_folder(Path(folder or "."))
                last_folder = folder
        ci = seen.get(id(cfg))
        if ci is None:
            ci = seen[id(cfg)] = len(configs)
            configs.append(cfg)
            if len(configs) > 0xFFFF and config_of.typecode == "H":
                config_of = array("I", config_of)
        config_of.append(ci)
    n = len(config_of)

    def jobs_from(start: int) -> Iterator[tuple[int, _Job]]:
        for i, (path, display, _) in enumerate(listed(start), start):
            yield i, (path, display, config_of[i])

    keyer = None
    folder = None
    if use_cache and any(c.cache for c in configs):
        from conditionlint import cache

        folder = cache.folder_for(cache_dir)
        problem = cache.Store(folder).prepare()
        if problem:
            print(f"conditionlint: warning: {problem}; checking without the cache",
                  file=sys.stderr)
            folder = None
        else:
            keyer = cache.make_keyer(registry, settings.today or _dt.date.today())
    plan = _Plan(tuple(configs), settings, keyer, folder)

    workers = min(jobs or default_jobs(), n)
    bar = Progress(n, progress)
    results: list[Checked | None] = [None] * n if sink is None else []
    # equal snippets and messages kept once (see decode); with a sink nothing is kept,
    # so neither is this table
    shared: dict[str, str] | None = {} if sink is None else None

    def put(i: int, checked: Checked) -> None:
        if sink is None:
            results[i] = checked
        else:
            sink(checked)

    local = _Worker(plan, registry)
    pause = [pause_gc_first]

    def check_here(job: _Job) -> tuple[Any, ...]:
        if not pause[0]:
            return local.check(job)
        pause[0] = False
        import gc

        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return local.check(job)
        finally:
            if was_enabled:
                gc.freeze()
                gc.enable()

    first = 0  # files before this one were handed over from the cache
    if workers > 1 and n >= MIN_FILES_FOR_WORKERS and local.store is not None:
        # A re-run with nothing changed should not start workers just to read the
        # cache: stored results are handed over here, in order, up to the first file
        # that has none; from there on, workers check (or look up) the rest.
        for i, job in jobs_from(0):
            hit = local.cached(job, shared)
            if hit is None:
                break
            put(i, hit)
            bar.advance()
            first = i + 1
    if workers > 1 and n - first > MIN_FILES_FOR_WORKERS \
            and _context().get_start_method() == "fork":
        # Forked workers inherit what this process has imported and built: checking
        # one file here first imports the checking modules, builds the lexicons and
        # models and compiles the patterns a page needs, once, instead of once in each
        # worker (about 0.3 G instructions per worker, as much as six pages).
        for i, job in jobs_from(first):
            put(i, _checked(job[1], check_here(job), shared))
            bar.advance()
            first = i + 1
            break
    done = first
    if workers > 1 and n - first >= MIN_FILES_FOR_WORKERS:
        done = _run_pool(plan, registry, workers, first, n, jobs_from(first), put, bar,
                         shared)
    for i, job in jobs_from(done):  # one process, or what a broken pool left over
        put(i, _checked(job[1], check_here(job), shared))
        bar.advance()
    bar.close()
    if local.store is not None:
        local.store.prune()  # at most once a day (cache.PRUNE_EVERY)
    return results  # type: ignore[return-value]


def _run_pool(plan: _Plan, registry: Registry, workers: int, start: int, n: int,
              todo: Iterator[tuple[int, _Job]], put: Callable[[int, Checked], None],
              bar: Any, shared: dict[str, str] | None) -> int:
    """Check the files ``todo`` (from index ``start`` to ``n``) in worker processes and
    hand each result to ``put`` in order; return the index of the first file not
    handed over (``n``, unless the pool broke: a worker killed by the system, or
    processes could not be started).

    Jobs go out in chunks, a few chunks per worker ahead of the results handed over,
    so neither the jobs nor the results waiting pile up with the number of files."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = _context()
    # Chunks amortise the round trips (well under a millisecond each, against about
    # 10 ms of checking per page); small, so that the workers finish together.
    chunk = max(1, min(CHUNK, (n - start) // (workers * 16)))

    def chunks() -> Iterator[list[tuple[int, _Job]]]:
        while True:
            part = list(itertools.islice(todo, chunk))
            if not part:
                return
            yield part

    parts = chunks()
    pending: deque[tuple[list[tuple[int, _Job]], Any]] = deque()
    handed = start
    failed_put: BaseException | None = None  # raised by ``put`` (the caller's), not a worker
    try:
        with ProcessPoolExecutor(
                max_workers=workers, mp_context=ctx, initializer=_init_worker,
                initargs=(plan, registry if ctx.get_start_method() == "fork" else None),
        ) as pool:
            def send(part: list[tuple[int, _Job]]) -> None:
                pending.append((part, pool.submit(_work, [job for _, job in part])))

            for part in itertools.islice(parts, workers * CHUNKS_AHEAD):
                send(part)
            while pending:
                part, future = pending.popleft()
                try:
                    outs = future.result()
                except KeyboardInterrupt:  # Ctrl-C or SIGTERM: what has not started
                    for _, f in pending:  # never will, so the pool shuts down at once
                        f.cancel()
                    raise
                for part_next in itertools.islice(parts, 1):
                    send(part_next)
                for (i, job), out in zip(part, outs):
                    checked = _checked(job[1], out, shared)
                    try:
                        put(i, checked)
                    except BaseException as exc:
                        failed_put = exc
                        raise
                    handed = i + 1
                    bar.advance()
    except (BrokenProcessPool, OSError) as exc:
        if exc is failed_put:  # writing a result out failed (a closed pipe): not ours
            raise
        print(f"conditionlint: warning: worker processes failed ({type(exc).__name__}: "
              f"{exc}); checking the remaining files in this process", file=sys.stderr)
    return handed
