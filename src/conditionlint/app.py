"""The ``check`` command's flow, kept out of click so it can be tested and reused:
config -> discovery -> checking (workers, cache) -> fixes -> report -> exit code."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conditionlint import __version__, engine
from conditionlint.config import CliSelection, ConfigError, ConfigFinder, effective, show
from conditionlint.model import SEVERITY_RANK, Finding
from conditionlint.runner import (
    CheckSettings,
    Checked,
    discover,
    display_path,
    in_skipped_folder,
    lint_bytes,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckRequest:
    paths: list[str]
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    exit_zero: bool = False
    fmt: str | None = None
    output_file: str | None = None
    config_path: str | None = None
    show_config: bool = False
    statistics: bool = False
    quiet: bool = False
    fix: bool = False
    diff: bool = False
    today: _dt.date | None = None
    stdin_filename: str | None = None
    force_exclude: bool = False
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: str | None = None
    color: bool | None = None
    baseline: str | None = None  # report only findings not in this baseline file
    write_baseline: str | None = None  # record the findings here instead of reporting
    extra: dict[str, object] = field(default_factory=dict)
    # The command line pauses the cyclic garbage collector while it starts (imports,
    # rules): with this set, run_check freezes what start-up made (it lives until the
    # end) and turns the collector back on once the rules are built.
    resume_gc: bool = False
    # set by run_check when it resumed the collector: the first file checked is checked
    # with it paused (see parallel.check_all's pause_gc_first); cleared after one run
    pause_gc_first: bool = False


# Plain checks of more files than this spool their findings to disk.
_SPOOL_FROM = 32


def _err(message: str) -> None:
    from conditionlint.formatters.text import escape

    print(f"conditionlint: {escape(message)}", file=sys.stderr)


def _is_checked_page(target: str, paths: list[str]) -> bool:
    """Whether ``target`` (``-o``, ``--write-baseline``) is a Markdown file named on the
    command line or inside a folder named there: the run would check it, then write
    over it."""
    from conditionlint.runner import MARKDOWN_SUFFIXES

    if not target.lower().endswith(MARKDOWN_SUFFIXES):
        return False
    real = os.path.realpath(target)
    for p in paths:
        if p == "-":
            continue
        named = os.path.realpath(p)
        if real == named or real.startswith(named.rstrip(os.sep) + os.sep):
            return True
    return False


def _unknown_cli_rule(req: CheckRequest, registry: Any, finder: ConfigFinder) -> str | None:
    """The first ``--select``/``--extend-select``/``--ignore`` reference that names no
    rule: not a built-in or plugin rule, nor a rule of the ``rule-paths`` of a config
    that applies to a path named on the command line (``--config``'s, or the closest
    config of each path, of ``--stdin-filename`` for stdin)."""
    refs = [ref for ref in (req.select or ()) + req.extend_select + req.ignore
            if not registry.match(ref)]
    if not refs:
        return None
    from conditionlint.config import extra_registry

    named = [req.stdin_filename or "." if p == "-" else p for p in req.paths] or ["."]
    extras = [extra_registry(finder.for_path(Path(p)), registry) for p in named]
    return next((ref for ref in refs if not any(x.match(ref) for x in extras)), None)


def usage_error(req: CheckRequest) -> str | None:
    """What in the options themselves stops the run (no change to a file can mend it:
    ``--watch`` stops at once on it), or None."""
    if req.fix and req.diff:
        return "--fix and --diff cannot be used together"
    if stdout() is None and _needs_stdout(req):
        # started with stdout closed (">&-"): each write used to end in a traceback
        return ("stdout is closed, so there is nowhere to write the "
                + ("diff" if req.diff else "fixed text" if req.fix and req.paths == ["-"]
                   else "configuration" if req.show_config else "report (give -o FILE)"))
    for option, target in (("-o", req.output_file), ("--write-baseline", req.write_baseline)):
        if target and _is_checked_page(target, req.paths):
            return (f"{option} {target} names a page this run checks; it would be "
                    f"overwritten with the {'report' if option == '-o' else 'baseline'}")
    return None


def run_check(req: CheckRequest) -> int:
    from conditionlint.registry import build

    try:
        registry = build()
    except ConfigError as exc:  # a shipped rule file is broken
        _err(f"error: {exc}")
        return EXIT_ERROR
    if req.resume_gc:  # once (--watch calls this again and again)
        import gc

        req.resume_gc = False
        gc.freeze()
        gc.enable()
        req.pause_gc_first = True
    for w in registry.warnings:
        _err(f"warning: {w}")
    cli = CliSelection(req.select, req.extend_select, req.ignore)
    problem = usage_error(req)
    if problem is not None:
        _err(f"error: {problem}")
        return EXIT_ERROR
    try:
        finder = ConfigFinder(registry, Path(req.config_path) if req.config_path else None)
        unknown = _unknown_cli_rule(req, registry, finder)
    except ConfigError as exc:
        _err(f"config error: {exc}")
        return EXIT_ERROR
    if unknown is not None:
        from conditionlint.config import rule_suggestion

        _err(f"error: unknown rule {unknown!r}{rule_suggestion(unknown, registry)} "
             f"(see 'conditionlint rules')")
        return EXIT_ERROR

    accepted = None
    if req.baseline:
        from conditionlint import baseline

        try:
            accepted = baseline.load(Path(req.baseline))
        except baseline.BaselineError as exc:
            _err(f"error: {exc}")
            return EXIT_ERROR

    missing = False
    spool = None
    streamed_fixes = 0  # fixes written as results came (many files: see the spool)
    streamed_hidden = 0  # findings a baseline hid as results came (the same)
    use_stdin = req.paths == ["-"]
    stdin: bytes | None = b""
    if "-" in req.paths and not use_stdin:
        _err("error: '-' (stdin) cannot be mixed with other paths")
        return EXIT_ERROR
    if req.stdin_filename is not None and not use_stdin:
        # it used to be ignored: with --fix, the files named were rewritten and the
        # text on stdin never read
        _err("error: --stdin-filename names the text read from stdin: give '-' as the "
             "only path, or no path")
        return EXIT_ERROR
    settings = CheckSettings(cli=cli, today=req.today, fix=req.fix, diff=req.diff)

    try:
        if req.show_config:
            first = Path(req.stdin_filename or req.paths[0])
            cfg = finder.for_path(first)
            import json

            eff = effective(cfg, registry, display_path(first), cli)
            shown = show(cfg, eff, req.fail_on)
            # what this run would do, with the command line's say: --no-cache, and
            # whether the path is excluded (checked only when named without
            # --force-exclude)
            shown["cache"] = bool(shown["cache"]) and req.use_cache
            shown["excluded"] = _show_excluded(req, finder, cfg, first)
            text = json.dumps(shown, indent=2, sort_keys=True, default=str) + "\n"
            if req.output_file:
                from conditionlint.outfile import write_text

                try:
                    write_text(req.output_file, [text])
                except OSError as exc:
                    _err(f"error: cannot write {req.output_file}: {exc.strerror or exc}")
                    return EXIT_ERROR
            else:
                stdout().write(text)
            return EXIT_OK
        if use_stdin:
            if sys.stdin is None:  # started with stdin closed ("<&-")
                _err("error: '-' reads the page from stdin, and stdin is closed")
                return EXIT_ERROR
            try:
                stdin, results, files = _check_stdin(req, finder, registry, settings)
            except BrokenPipeError:  # --fix: an input too large to check, copied out
                return _stdout_closed()
        else:
            disc = discover(req.paths, finder, force_exclude=req.force_exclude)
            # A missing path is reported and makes the exit code 2, but the paths
            # that do exist are still checked and reported (as ruff and flake8 do).
            for m in disc.missing:
                _err(f"error: {m}: no such file or folder")
            # a broken config below a path: reported, exit 2, and the pages whose
            # config is valid are still checked (as for a missing path)
            for exc in disc.config_errors:
                _err(f"config error: {exc}")
            missing = bool(disc.missing or disc.config_errors)
            req.extra["missing"] = list(disc.missing)
            req.extra["config_errors"] = _config_errors(disc.config_errors)
            if missing and not disc.targets and not disc.problems and \
                    _report_format(req) in ("full", "concise"):
                # nothing to check: the terminal formats add nothing to the errors on
                # stderr (exit 2); every machine report is still written, saying the run
                # failed and why: a CI step that uploads it finds it, and GitHub shows
                # the annotations (review25 #1: github and html wrote nothing)
                return EXIT_ERROR
            if not disc.targets and not disc.problems and not missing and not req.quiet \
                    and not req.force_exclude:
                # "All checks passed (0 files checked)" alone read as a pass of pages
                # that were never looked at (a folder its config excludes, or a typo)
                _err(f"note: no Markdown pages found in {', '.join(req.paths)}: none "
                     f"there, or the config's exclude leaves them out (--show-config "
                     f"PATH shows which)")
            if len(disc.targets) <= _SPOOL_FROM:
                results = _check_files(req, disc.targets, finder, registry, settings)
                results.extend(Checked(f.path, [f]) for f in disc.problems)
            else:
                # Each file's findings go to a spool on disk as they come, so memory
                # does not grow with the number of findings; with --fix each page is
                # written, and with --diff its diff printed, as its result comes (in
                # report order), so no page's text is kept either. (A few files, as
                # pre-commit and editors check, are kept in memory: the spool's
                # temporary file and its imports cost more than they save.)
                from conditionlint.spool import FindingSpool

                spool = FindingSpool()

                def sink(r: Checked) -> None:
                    nonlocal streamed_fixes
                    if req.fix:
                        streamed_fixes += _write_fixes([r])
                    if req.diff:
                        _write_diffs([r])
                    spool.add(_new_only(r.findings))

                def _new_only(found: list[Finding]) -> list[Finding]:
                    """The findings a baseline does not hold (a baseline is matched
                    file by file, so one file's findings can be filtered alone); all
                    of them when a baseline is being written."""
                    nonlocal streamed_hidden
                    if accepted is None or req.write_baseline:
                        return found
                    from conditionlint import baseline

                    kept, hidden = baseline.filter_new(found, accepted)
                    streamed_hidden += hidden
                    return kept

                _check_files(req, disc.targets, finder, registry, settings, sink=sink)
                spool.add(_new_only(list(disc.problems)))
                results = []
            files = disc.files()  # sorted, read lazily from the discovery
    except ConfigError as exc:
        _err(f"config error: {exc}")
        return EXIT_ERROR

    fixed_total = streamed_fixes
    if req.fix and not use_stdin:
        fixed_total += _write_fixes(results)
    if req.diff:
        try:
            _write_diffs(sorted(results, key=lambda r: r.display))
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk under a redirect
            return _stdout_failed(exc, "the diff")
    elif use_stdin and req.fix:
        r = results[0]
        fixed_total = r.fixes_applied
        data = r.fixed_bytes
        if data is None:
            data = stdin  # nothing to fix: the input goes out unchanged
        try:
            if data is not None:  # None: too large, and already copied through
                write_all(stdout().buffer, data)
            stdout().flush()
        except BrokenPipeError:
            return _stdout_closed()
        except OSError as exc:  # a full disk: the page was not delivered whole
            return _stdout_failed(exc, "the fixed text")

    findings: Sequence[Finding]
    if spool is not None:
        findings = spool
    else:
        findings = sorted((f for r in results for f in r.findings), key=Finding.sort_key)
    if req.write_baseline:
        # written for the paths that exist; a path that does not is still exit 2 (a
        # typo in a CI job's baseline step must not pass)
        rc = _write_baseline(req, findings)
        return EXIT_ERROR if missing else rc
    if accepted is not None:
        if spool is None:
            findings = _apply_baseline(req, list(findings), accepted)
        else:  # filtered file by file as results came
            _hidden_note(req, streamed_hidden)
    if isinstance(findings, list):
        severities = {f.severity for f in findings}
        codes = {f.code for f in findings}
    else:  # the spool keeps both
        severities = {k for k, v in findings.counts().items() if v}
        codes = set(findings.codes)
    rc = EXIT_OK
    if _fails(req, finder, findings, severities):
        rc = EXIT_FINDINGS
    if engine.INTERNAL_ERROR[0] in codes:
        rc = EXIT_ERROR
    if req.exit_zero and rc == EXIT_FINDINGS:
        rc = EXIT_OK
    if missing:
        rc = EXIT_ERROR

    if req.diff or (use_stdin and req.fix):
        # The report goes to stderr when stdout carries the diff or the fixed text.
        # (-q drops the summary there as everywhere, not the findings)
        if not _report(req, findings, files, _with_config_rules(registry, finder),
                       fixed_total, to_stderr=True):
            return EXIT_ERROR
        return rc
    if not _report(req, findings, files, _with_config_rules(registry, finder), fixed_total):
        return EXIT_ERROR
    return rc


_STDIN_CHUNK = 1 << 20


# Where reports, diffs and fixed text go: the process's stdout, kept here while
# sys.stdout points at stderr during a check (see :func:`rule_output_to_stderr`).
_STDOUT: list[Any] = []


def stdout() -> Any:
    return _STDOUT[-1] if _STDOUT else sys.stdout


class rule_output_to_stderr:  # noqa: N801 - used as a context manager
    """While a check runs, ``print()`` and other writes to ``sys.stdout`` (a plugin's
    rule, a library) go to stderr: stdout carries only the report, the diff or the
    fixed page, which a stray line would corrupt (an editor would save it into the
    page). Forked workers inherit the redirection."""

    def __enter__(self) -> None:
        _STDOUT.append(sys.stdout)
        if sys.stderr is not None:
            sys.stdout = sys.stderr

    def __exit__(self, *exc: object) -> None:
        sys.stdout = _STDOUT.pop()


def _stdout_failed(exc: OSError, what: str) -> int:
    """Writing to stdout failed (a full disk under a redirect): said on stderr, exit 2."""
    _stdout_to_devnull()
    _err(f"error: cannot write {what} to stdout: {exc.strerror or exc}")
    return EXIT_ERROR


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush of what is
    still buffered does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout().fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _stdout_closed() -> int:
    """``--fix`` on stdin whose reader closed stdout before the fixed text was all
    written (``... | head``): an error (exit 2), said on stderr, and no report, as the
    text the report would go with was not delivered whole. Stdout is pointed at
    /dev/null so that the interpreter's last flush does not fail again."""
    _stdout_to_devnull()
    _err("error: stdout was closed before the fixed text was written out")
    return EXIT_ERROR


def read_bounded(stream: Any, limit: int, spill: Any = None) -> tuple[bytes | None, int]:
    """The bytes of ``stream`` and their count, or ``(None, count)`` when there are more
    than ``limit``: past the limit nothing is kept (an input too large to check does not
    fill memory); the bytes are counted for the message, and, when ``spill`` is given
    (``--fix`` writes the text to stdout), copied to it as they come, unchanged."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_STDIN_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks), size
        chunks.append(chunk)
        size += len(chunk)
    if spill is not None:
        write_all(spill, b"".join(chunks))
    chunks.clear()
    while chunk := stream.read(_STDIN_CHUNK):
        size += len(chunk)
        if spill is not None:
            write_all(spill, chunk)
    return None, size


def _needs_stdout(req: CheckRequest) -> bool:
    """Whether the run writes to stdout: the report (unless -o or --write-baseline take
    it), the diff, the fixed text of stdin, the configuration (unless -o takes it)."""
    if req.show_config:
        return not req.output_file
    if req.diff or (req.fix and req.paths == ["-"]):
        return True
    return not (req.output_file or req.write_baseline)


def write_all(stream: Any, data: bytes) -> None:
    """Write all of ``data``. A buffered stream does; an unbuffered one (stdout under
    ``PYTHONUNBUFFERED`` or ``-u`` is a raw file) may write part and return the count:
    a reader that closed the pipe part-way then went unnoticed (exit 1, "Fixed N
    problems", half a page delivered). The rest is written until it is all out or the
    write fails (BrokenPipeError: exit 2)."""
    view = memoryview(data)
    while view:
        n = stream.write(view)
        if n is None:  # a non-blocking descriptor that is full: wait, then go on
            import time

            time.sleep(0.01)
            continue
        view = view[n:]


def _stdin_excluded(req: CheckRequest, cfg: Any, name: Path) -> bool:
    """Whether the text on stdin, named ``name``, goes unchecked: only with
    --force-exclude, as a named file."""
    return bool(req.force_exclude and req.stdin_filename and (
        (cfg.exclude_patterns and cfg.is_excluded(name)) or in_skipped_folder(name)))


def _show_excluded(req: CheckRequest, finder: ConfigFinder, cfg: Any, first: Path) -> bool:
    """--show-config's "excluded": whether this command line would leave the path
    unchecked, decided by the code the check itself uses (twenty-first session: it
    used to test the exclude globs alone, wrong both ways). Stdin and a named file are
    left out only under --force-exclude (globs or a skipped folder such as
    node_modules); a named folder is excluded when it is skipped whole, or when its
    walk would check none of the Markdown pages it holds."""
    if req.paths == ["-"] or not req.paths:
        return _stdin_excluded(req, cfg, first)
    if not os.path.lexists(first):
        return False
    disc = discover([str(first)], finder, force_exclude=req.force_exclude)
    if len(disc.targets) or not first.is_dir():
        return not len(disc.targets)
    return _holds_pages(first)


def _holds_pages(folder: Path) -> bool:
    """Whether a Markdown page lies anywhere under ``folder`` (excludes ignored)."""
    from conditionlint.runner import MARKDOWN_SUFFIXES

    for _, _, names in os.walk(folder):
        if any(n.lower().endswith(MARKDOWN_SUFFIXES) for n in names):
            return True
    return False


def _check_stdin(req: CheckRequest, finder: ConfigFinder, registry: object,
                 settings: CheckSettings) -> tuple[bytes | None, list[Checked], list[str]]:
    """Read and check stdin: its bytes (None when too large: then, with --fix, they have
    been copied to stdout unchanged already), the result and the file list."""
    name = req.stdin_filename or "stdin.md"
    display = display_path(Path(name)) if req.stdin_filename else "-"
    cfg = finder.for_path(Path(name))
    data, size = read_bounded(sys.stdin.buffer, cfg.max_file_size,
                              spill=stdout().buffer if req.fix and not req.diff else None)
    if _stdin_excluded(req, cfg, Path(name)):
        # as a named file under --force-exclude: not checked (with --fix, the page goes
        # out unchanged)
        return data, [Checked(display, [])], []
    if data is None:
        return None, [Checked(display, [engine.unreadable(
            display, f"input is {size} bytes, larger than the limit of "
                     f"{cfg.max_file_size} bytes (max-file-size); not checked")])], [display]
    return data, [lint_bytes(data, display, cfg, registry, settings)], [display]  # type: ignore[arg-type]


def _check_files(req: CheckRequest, targets: list, finder: ConfigFinder, registry: object,
                 settings: CheckSettings, sink: Any = None) -> list[Checked]:
    from conditionlint.parallel import check_all

    pause, req.pause_gc_first = req.pause_gc_first, False
    return check_all(targets, finder, registry, settings, jobs=req.jobs,
                     use_cache=req.use_cache and not (req.fix or req.diff),
                     cache_dir=req.cache_dir, progress=not req.quiet, sink=sink,
                     pause_gc_first=pause)


def _write_fixes(results: list[Checked]) -> int:
    from conditionlint import progress
    from conditionlint.fixer import WriteError, write_atomic

    total = 0
    for r in results:
        if r.fix_error:
            progress.clear()  # a streamed warning starts a clean line, not the bar's
            _err(f"warning: {r.display}: {r.fix_error}")
        if r.fixed_bytes is None:
            continue
        try:
            write_atomic(Path(r.display), r.fixed_bytes, expected=r.read_digest)
            total += r.fixes_applied
        except WriteError as exc:
            progress.clear()
            _err(f"error: {exc}")
            if r.unfixed is not None:  # the page keeps what it had: report that
                r.findings = list(r.unfixed)
            r.findings.append(engine.unreadable(r.display, f"not fixed: {exc}"))
    return total


def _write_diffs(results: list[Checked]) -> None:
    """The unified diff of each page a fix would change, to stdout."""
    from conditionlint import progress
    from conditionlint.fixer import unified_diff

    for r in results:
        if r.fixed_text is not None and r.original is not None and \
                r.fixed_text != r.original:
            progress.clear()  # a streamed diff starts a clean line, not the bar's
            diff = unified_diff(r.display, r.original, r.fixed_text)
            if stdout().isatty():
                # On a terminal, page text is untrusted: show controls escaped.
                # Piped (to patch, to a file), the diff stays byte-exact.
                from conditionlint.formatters.text import escape

                diff = "\n".join(escape(line) for line in diff.split("\n"))
            try:
                stdout().write(diff)
            except UnicodeEncodeError:  # a page's bytes that are not UTF-8, carried as
                out = stdout()  # lone surrogates (runner.lint_bytes): written as bytes
                out.flush()
                write_all(out.buffer, diff.encode(out.encoding or "utf-8",
                                                  "surrogateescape"))


def _write_baseline(req: CheckRequest, findings: Sequence[Finding]) -> int:
    """Write the baseline from ``findings`` (a list, or the spool: read once, never
    made into a list)."""
    from conditionlint import baseline

    try:
        n, files = baseline.write_counted(findings, Path(req.write_baseline or ""))
    except baseline.BaselineError as exc:
        _err(f"error: {exc}")
        return EXIT_ERROR
    _err(f"wrote {req.write_baseline}: {n} finding{'s' if n != 1 else ''} in {files} "
         f"file{'s' if files != 1 else ''}")
    codes = getattr(findings, "codes", None)  # a spool keeps the codes seen
    failed = engine.INTERNAL_ERROR[0] in codes if codes is not None else any(
        f.code == engine.INTERNAL_ERROR[0] for f in findings)
    if failed:
        return EXIT_ERROR  # internal errors are never baselined
    return EXIT_OK


def _apply_baseline(req: CheckRequest, findings: list[Finding],
                    accepted: object) -> list[Finding]:
    from conditionlint import baseline

    kept, hidden = baseline.filter_new(findings, accepted)  # type: ignore[arg-type]
    _hidden_note(req, hidden)
    return kept


def _hidden_note(req: CheckRequest, hidden: int) -> None:
    if hidden and not req.quiet:
        _err(f"{hidden} finding{'s' if hidden != 1 else ''} hidden by the baseline "
             f"{req.baseline}")


def _fails(req: CheckRequest, finder: ConfigFinder, findings: Iterable[Finding],
           severities: set[str]) -> bool:
    """Whether a finding is at or above the ``fail-on`` of its page: ``--fail-on``, or
    the page's own config (the closest, as for every other setting), or "error"."""
    if not severities:
        return False
    if req.fail_on:
        thresholds = {req.fail_on}
    else:
        thresholds = {cfg.fail_on or "error" for cfg in finder.configs()}
        if finder.explicit is None:
            thresholds.add("error")  # the pages under no config file
    lowest = min(SEVERITY_RANK[t] for t in thresholds)
    if not any(SEVERITY_RANK[s] >= lowest for s in severities):
        return False  # below every page's threshold
    highest = max(SEVERITY_RANK[t] for t in thresholds)
    if any(SEVERITY_RANK[s] >= highest for s in severities):
        return True  # at or above every page's threshold
    # Configs that disagree, and findings between their thresholds: each finding
    # against its own page's (--config gives one config, so never here).
    of_page: dict[str, int] = {}
    for f in findings:
        rank = of_page.get(f.path)
        if rank is None:
            rank = of_page[f.path] = SEVERITY_RANK[
                finder.for_path(Path(f.path)).fail_on or "error"]
        if SEVERITY_RANK[f.severity] >= rank:
            return True
    return False


def _with_config_rules(registry: Any, finder: ConfigFinder) -> Any:
    """The registry the report describes: the built-in and plugin rules, and the YAML
    rules of every config's ``rule-paths`` (SARIF's ``tool.driver.rules`` and the HTML
    report list them; a user rule's results had no rule entry, help or ``ruleIndex``)."""
    from conditionlint.config import extra_registry
    from conditionlint.registry import with_rules

    return with_rules(registry, [r for cfg in finder.configs()
                                 for r in extra_registry(cfg, registry).sorted()])


def _config_errors(errors: list[ConfigError]) -> list[Any]:
    """The broken configs of a walk as the reports give them (audit25 #2: they were on
    stderr only, and a JSON, SARIF or JUnit report read as a run that went well)."""
    from conditionlint.formatters import RunError

    return [RunError("config", display_path(Path(e.path)), e.message, e.line, e.column)
            for e in errors]


def _report_format(req: CheckRequest) -> str:
    return req.fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full")


def _report(req: CheckRequest, findings: Sequence[Finding], files: list[str],
            registry: object, fixed: int, to_stderr: bool = False) -> bool:
    """Write the report, piece by piece; False when it could not be written."""
    from conditionlint.cli import color_wanted
    from conditionlint.formatters import Report, get_stream

    fmt = _report_format(req)
    out_stream = sys.stderr if to_stderr else stdout()
    color = False if req.output_file else color_wanted(req.color, out_stream)
    report = Report(findings=findings, files=files, registry=registry,  # type: ignore[arg-type]
                    version=__version__, color=color, statistics=req.statistics, fixed=fixed,
                    extra={"missing": req.extra.get("missing", []),
                           "config_errors": req.extra.get("config_errors", [])})
    pieces = get_stream(fmt)(report)
    if req.quiet and fmt in ("full", "concise"):
        pieces = _without_summary(pieces)
    pieces = _batched(pieces)
    if req.output_file:
        from conditionlint.outfile import write_text

        try:
            write_text(req.output_file, pieces)
        except OSError as exc:
            _err(f"error: cannot write {req.output_file}: {exc.strerror or exc}")
            return False
        _statistics_aside(report, fmt)
        return True
    try:
        for piece in pieces:
            out_stream.write(piece)
        out_stream.flush()
    except BrokenPipeError:
        raise  # a reader that stopped early (| head): handled where the run ends
    except OSError as exc:  # a full disk under a redirect
        _stdout_failed(exc, "the report")
        return False
    _statistics_aside(report, fmt)
    return True


# Formats with no place for --statistics' counts per rule (full and concise print them
# first, json has a "statistics" list, html its own counts): they go to stderr.
_NO_STATISTICS = ("sarif", "github", "junit")


def _statistics_aside(report: Any, fmt: str) -> None:
    if report.statistics and fmt in _NO_STATISTICS and report.findings:
        from conditionlint.formatters.text import statistics

        print(f"conditionlint: counts per rule (--statistics; the {fmt} format has no "
              f"place for them):\n{statistics(report)}", file=sys.stderr)


def _batched(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into writes of about ``size`` characters: a report of many
    short lines is not one write call a line."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(batch)
            batch, held = [], 0
    if batch:
        yield "".join(batch)


def _without_summary(pieces: Iterator[str]) -> Iterator[str]:
    """The report without its last line (the summary) and the blank lines before it:
    ``--quiet`` shows findings only. Pieces are whole lines; blank lines are held back
    until text follows them."""
    pending = ""

    def emit(text: str) -> Iterator[str]:
        nonlocal pending
        body = text.rstrip("\n")
        if not body:
            pending += text
            return
        yield pending + body + "\n"
        pending = "\n" * (len(text) - len(body) - 1)

    last: str | None = None
    for piece in pieces:
        if last is not None:
            yield from emit(last)
        last = piece
    if last is not None:
        body = last.rstrip("\n")
        yield from emit(body[:body.rfind("\n") + 1])  # all but the summary line
