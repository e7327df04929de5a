"""The command line: ``conditionlint check|rules|rule|init``.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or internal error, or a path that does not exist.

The commands are click commands, built on first use. A plain ``conditionlint check``
(pre-commit, editors) does not import click at all: :func:`_fast_check` reads the
arguments when they are all of the simple kinds it knows (each option's values
checked exactly as click checks them) and leaves everything else (help, errors,
``--``, option clusters...) to click. ``tests/test_startup.py`` compares both readings
on many command lines and checks that the table of options matches click's.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import Any

from conditionlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

FORMATS = ("full", "concise", "json", "sarif", "github", "junit", "html")
FAIL_ON = ("error", "warning", "info")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def _date(ctx: Any, param: Any, value: str | None) -> _dt.date | None:
    import click

    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _err(message: str) -> None:
    import click

    from conditionlint.formatters.text import escape

    click.echo(f"conditionlint: {escape(message)}", err=True)


def _quick_exit(code: Any) -> None:
    """End the process as the interpreter would, without tearing down every module and
    object first (about a fifth of a one-page run): run the ``atexit`` handlers, flush
    stdout and stderr, then ``os._exit``. Returns (and the normal exit follows) when
    that cannot be done the same way: a non-integer code, other threads still running,
    or output that cannot be flushed."""
    import atexit

    if code is None:
        code = 0
    if type(code) is not int or not 0 <= code <= 255:
        return
    run_exitfuncs = getattr(atexit, "_run_exitfuncs", None)
    if run_exitfuncs is None:
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    try:
        run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001 - the normal exit reports it as it always did
        return
    os._exit(code)


def _check_command(o: dict[str, Any]) -> None:
    """The ``check`` command, its options read (by click or by :func:`_fast_check`)."""
    import gc

    resume_gc = gc.isenabled()
    gc.disable()  # start-up makes long-lived objects: see CheckRequest.resume_gc
    try:
        _check_run(o, resume_gc)
    finally:
        if resume_gc:
            gc.enable()


def _check_run(o: dict[str, Any], resume_gc: bool) -> None:
    from conditionlint import recache

    recache.install()  # compiled patterns and dataclass code of earlier runs (recache.py)
    from conditionlint.app import CheckRequest, run_check

    req = CheckRequest(
        paths=list(o["paths"]) or ["."], select=_split(o["select"]) or None,
        extend_select=_split(o["extend_select"]), ignore=_split(o["ignore"]),
        fail_on=o["fail_on"], exit_zero=o["exit_zero"], fmt=o["fmt"],
        output_file=o["output_file"], config_path=o["config_path"],
        show_config=o["show_config"], statistics=o["statistics"], quiet=o["quiet"],
        fix=o["fix"], diff=o["diff"], today=o["today"], stdin_filename=o["stdin_filename"],
        force_exclude=o["force_exclude"], jobs=o["jobs"], use_cache=not o["no_cache"],
        cache_dir=o["cache_dir"], color=o["color"], baseline=o["baseline_file"],
        write_baseline=o["write_baseline"], resume_gc=resume_gc)
    try:
        if o["watch"]:
            from conditionlint.watch import watch_loop

            code = watch_loop(req)
        else:
            code = run_check(req)
    except KeyboardInterrupt:
        # Caught here, before click turns it into "Aborted!" and exit code 1.
        _err("interrupted")
        code = 130
    finally:
        recache.save()
    sys.exit(code)


# -- check without click ------------------------------------------------------------------
# option -> (destination, kind); kinds: flag (with the value it stores), multi, str,
# choice, date, count (a whole number >= 0), path (file_okay, dir_okay, writable).
_FLAG, _MULTI, _STR, _CHOICE, _DATE, _COUNT, _PATH = ("flag", "multi", "str", "choice",
                                                      "date", "count", "path")
_OPTIONS: dict[str, tuple[str, str, Any]] = {
    "--select": ("select", _MULTI, None),
    "--extend-select": ("extend_select", _MULTI, None),
    "--ignore": ("ignore", _MULTI, None),
    "--fail-on": ("fail_on", _CHOICE, FAIL_ON),
    "--exit-zero": ("exit_zero", _FLAG, True),
    "--output-format": ("fmt", _CHOICE, FORMATS),
    "-o": ("output_file", _PATH, (True, False, True)),
    "--output-file": ("output_file", _PATH, (True, False, True)),
    "--config": ("config_path", _PATH, (True, False, False)),
    "--show-config": ("show_config", _FLAG, True),
    "--statistics": ("statistics", _FLAG, True),
    "-q": ("quiet", _FLAG, True),
    "--quiet": ("quiet", _FLAG, True),
    "--fix": ("fix", _FLAG, True),
    "--diff": ("diff", _FLAG, True),
    "--today": ("today", _DATE, None),
    "--stdin-filename": ("stdin_filename", _STR, None),
    "--force-exclude": ("force_exclude", _FLAG, True),
    "--jobs": ("jobs", _COUNT, None),
    "-j": ("jobs", _COUNT, None),
    "--no-cache": ("no_cache", _FLAG, True),
    "--cache-dir": ("cache_dir", _PATH, (False, True, False)),
    "--color": ("color", _FLAG, True),
    "--no-color": ("color", _FLAG, False),
    "--baseline": ("baseline_file", _PATH, (True, False, False)),
    "--write-baseline": ("write_baseline", _PATH, (True, False, False)),
    "--watch": ("watch", _FLAG, True),
}
_DEFAULTS: dict[str, Any] = {
    "select": (), "extend_select": (), "ignore": (), "fail_on": None, "exit_zero": False,
    "fmt": None, "output_file": None, "config_path": None, "show_config": False,
    "statistics": False, "quiet": False, "fix": False, "diff": False, "today": None,
    "stdin_filename": None, "force_exclude": False, "jobs": None, "no_cache": False,
    "cache_dir": None, "color": None, "baseline_file": None, "write_baseline": None,
    "watch": False,
}


class _NotSimple(Exception):
    """Leave this command line to click."""


def _path_value(value: str, spec: tuple[bool, bool, bool]) -> str:
    """What ``click.Path(file_okay, dir_okay, writable)`` makes of ``value`` (readable
    and not resolved, as click's defaults), or _NotSimple where click would refuse it."""
    import stat

    file_okay, dir_okay, writable = spec
    try:
        st = os.stat(value)
    except OSError:
        return value  # need not exist
    if (not file_okay and stat.S_ISREG(st.st_mode)) or \
            (not dir_okay and stat.S_ISDIR(st.st_mode)) or \
            not os.access(value, os.R_OK) or (writable and not os.access(value, os.W_OK)):
        raise _NotSimple(value)
    return value


def _convert(kind: str, extra: Any, value: str) -> Any:
    if kind == _MULTI or kind == _STR:
        return value
    if kind == _CHOICE:
        if value not in extra:
            raise _NotSimple(value)
        return value
    if kind == _DATE:
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise _NotSimple(value) from None
    if kind == _COUNT:
        if not (value.isascii() and value.isdigit()):
            raise _NotSimple(value)
        return int(value)
    if kind == _PATH:
        return _path_value(value, extra)
    raise _NotSimple(kind)


def _read_check_args(argv: list[str]) -> dict[str, Any]:
    """The check command's parameters from ``argv`` (what follows ``check``), as click
    would read them; _NotSimple for anything this reader does not handle."""
    o = dict(_DEFAULTS)
    multi: dict[str, list[str]] = {}
    paths: list[str] = []
    i = 0
    while i < len(argv):
        tok = argv[i]
        i += 1
        if tok == "-" or not tok.startswith("-"):
            paths.append(tok)
            continue
        name, eq, attached = tok.partition("=")
        if not name.startswith("--"):
            eq, attached = "", ""
            name = tok  # a short option: "-q", "-j" or "-o" on its own only
        spec = _OPTIONS.get(name)
        if spec is None:
            raise _NotSimple(tok)  # --help, "--", clusters, unknown options: click's
        dest, kind, extra = spec
        if kind == _FLAG:
            if eq:
                raise _NotSimple(tok)
            o[dest] = extra
            continue
        if eq:
            value = attached
        else:
            if i >= len(argv) or argv[i].startswith("-"):
                raise _NotSimple(tok)
            value = argv[i]
            i += 1
        if kind == _MULTI:
            multi.setdefault(dest, []).append(value)
        else:
            o[dest] = _convert(kind, extra, value)  # the last one wins, as in click
    for dest, values in multi.items():
        o[dest] = tuple(values)
    o["paths"] = tuple(paths)
    return o


def _fast_check(argv: list[str]) -> dict[str, Any] | None:
    """``check``'s parameters when click is not needed to read ``argv``, else None."""
    if not argv or argv[0] != "check" or os.name == "nt" or \
            "_CONDITIONLINT_COMPLETE" in os.environ:
        return None
    try:
        return _read_check_args(argv[1:])
    except _NotSimple:
        return None


def _run_fast(o: dict[str, Any]) -> None:
    """Run ``check`` as click's standalone mode would, then exit."""
    try:
        try:
            _check_command(o)
        except (EOFError, KeyboardInterrupt):  # outside run_check: as click does
            print(file=sys.stderr)
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
        except OSError as exc:
            import errno

            if exc.errno != errno.EPIPE:
                raise
            from click.utils import PacifyFlushWrapper

            sys.stdout = PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
            sys.stderr = PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
            sys.exit(1)
    except SystemExit as exc:
        _quick_exit(exc.code)
        raise


# -- the click commands --------------------------------------------------------------------
_group: Any = None


def _click_main() -> Any:
    """The click group with every command (built once)."""
    global _group
    if _group is None:
        _group = _build_click()
    return _group


class _Main:
    """``conditionlint.cli:main``, the console script: the click group, built when it
    is first needed; called with no arguments (the console script, ``python -m``) a
    simple ``check`` runs without click."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs:
            o = _fast_check(sys.argv[1:])
            if o is not None:
                _run_fast(o)
        return _click_main()(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(_click_main(), name)


main: Any = _Main()


def _build_click() -> Any:
    import click

    class _Group(click.Group):
        def main(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
            # The console script and ``python -m conditionlint`` call this with no
            # arguments; tests (click's CliRunner) pass them.
            own_process = not args and kwargs.get("args") is None
            try:
                return super().main(*args, **kwargs)
            except KeyboardInterrupt:  # pragma: no cover
                _err("interrupted")
                sys.exit(130)
            except SystemExit as exc:
                if own_process:
                    _quick_exit(exc.code)
                raise

    @click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(__version__, "--version", prog_name="conditionlint")
    def main() -> None:
        """Lint health condition pages: structure, metadata, encoding, claims and
        evidence, safety."""

    # -- check
    @main.command()
    @click.argument("paths", nargs=-1, type=str)
    @click.option("--select", multiple=True, help="Rules to run (codes, names, prefixes like CL4, "
                  "ALL); replaces the configured selection. Comma-separated or repeated.")
    @click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
    @click.option("--ignore", multiple=True, help="Rules not to run.")
    @click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default=None,
                  help="Lowest severity that makes the exit code 1 (default: error).")
    @click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
    @click.option("--output-format", "fmt", default=None,
                  type=click.Choice(list(FORMATS)),
                  help="Report format (default: full; github under GitHub Actions).")
    @click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True),
                  help="Write the report to this file instead of stdout.")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False),
                  help="Use this config file instead of discovering the closest one.")
    @click.option("--show-config", is_flag=True, help="Print the effective configuration for "
                  "the first path and exit.")
    @click.option("--statistics", is_flag=True, help="Add counts per rule to the report.")
    @click.option("-q", "--quiet", is_flag=True, help="Print only findings, no summary or "
                  "progress.")
    @click.option("--fix", is_flag=True, help="Apply safe automatic fixes in place.")
    @click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write "
                  "nothing.")
    @click.option("--today", callback=_date, default=None, metavar="YYYY-MM-DD",
                  help="The date review rules compare against (default: the real date).")
    @click.option("--stdin-filename", default=None, help="With '-': the path the text on "
                  "stdin stands for (for messages and config).")
    @click.option("--force-exclude", is_flag=True, help="Apply 'exclude' to paths named on "
                  "the command line too (for pre-commit).")
    @click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                  help="Worker processes (default: number of CPUs; 1: no workers).")
    @click.option("--no-cache", is_flag=True, help="Do not read or write the content cache.")
    @click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                  help="Cache folder (default: .conditionlint_cache).")
    @click.option("--color/--no-color", default=None, help="Colour the output (default: on "
                  "a terminal, unless NO_COLOR is set).")
    @click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
                  help="Report only findings that are not in this baseline file.")
    @click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
                  help="Record the current findings in this baseline file and exit 0.")
    @click.option("--watch", is_flag=True, help="Check, then check again whenever a page or "
                  "config file changes (Ctrl-C to stop).")
    def check(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...],
              ignore: tuple[str, ...], fail_on: str | None, exit_zero: bool, fmt: str | None,
              output_file: str | None, config_path: str | None, show_config: bool,
              statistics: bool, quiet: bool, fix: bool, diff: bool, today: _dt.date | None,
              stdin_filename: str | None, force_exclude: bool, jobs: int | None,
              no_cache: bool, cache_dir: str | None, color: bool | None,
              baseline_file: str | None, write_baseline: str | None, watch: bool) -> None:
        """Check condition pages (default: the current folder)."""
        _check_command(dict(
            paths=paths, select=select, extend_select=extend_select, ignore=ignore,
            fail_on=fail_on, exit_zero=exit_zero, fmt=fmt, output_file=output_file,
            config_path=config_path, show_config=show_config, statistics=statistics,
            quiet=quiet, fix=fix, diff=diff, today=today, stdin_filename=stdin_filename,
            force_exclude=force_exclude, jobs=jobs, no_cache=no_cache, cache_dir=cache_dir,
            color=color, baseline_file=baseline_file, write_baseline=write_baseline,
            watch=watch))

    # -- rules / rule
    @main.command("rules")
    @click.option("--output-format", "fmt", type=click.Choice(["table", "json"]), default="table")
    def rules_cmd(fmt: str) -> None:
        """List every rule: code, name, default severity, fixable, summary."""
        import json

        from conditionlint.registry import build

        registry = build()
        for w in registry.warnings:
            _err(f"warning: {w}")
        rows = registry.sorted()
        if fmt == "json":
            click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity,
                                    "fixable": r.fixable, "summary": r.summary,
                                    "origin": r.origin} for r in rows], indent=2))
            return
        name_w = max((len(r.name) for r in rows), default=4)
        click.echo(f"{'CODE':<6}  {'NAME':<{name_w}}  {'SEVERITY':<8}  {'FIX':<3}  SUMMARY")
        for r in rows:
            fixable = "yes" if r.fixable else ""
            click.echo(f"{r.code:<6}  {r.name:<{name_w}}  {r.severity:<8}  {fixable:<3}  "
                       f"{r.summary}")

    @main.command("rule")
    @click.argument("ref")
    def rule_cmd(ref: str) -> None:
        """Show a rule's documentation (by code or name)."""
        from conditionlint.registry import build
        from conditionlint.ruledocs import render_rule_doc

        registry = build()
        r = registry.resolve(ref)
        if r is None:
            _err(f"unknown rule {ref!r} (see 'conditionlint rules')")
            sys.exit(EXIT_ERROR)
        click.echo(render_rule_doc(r), nl=False)

    @main.command("init")
    @click.option("--force", is_flag=True, help="Overwrite an existing .conditionlint.yaml.")
    @click.argument("folder", default=".", type=click.Path(file_okay=False))
    def init_cmd(force: bool, folder: str) -> None:
        """Write a commented .conditionlint.yaml listing every rule and its default."""
        from conditionlint.registry import build
        from conditionlint.ruledocs import starter_config

        target = Path(folder) / ".conditionlint.yaml"
        if target.exists() and not force:
            _err(f"{target} exists; use --force to overwrite it")
            sys.exit(EXIT_ERROR)
        try:
            target.write_text(starter_config(build()), encoding="utf-8")
        except OSError as exc:
            _err(f"cannot write {target}: {exc.strerror or exc}")
            sys.exit(EXIT_ERROR)
        click.echo(f"wrote {target}", err=True)

    return main


def color_wanted(flag: bool | None, stream: Any) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


if __name__ == "__main__":  # pragma: no cover
    main()
