"""The command line: ``conditionlint check|rules|rule|init``.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or internal error, or a path that does not exist.

Run as a process, a command ends without tearing down every module (see
:func:`_quick_exit`), and ``check`` uses the compiled-pattern store (``recache.py``).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import Any

import click

from conditionlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _err(message: str) -> None:
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


PRE_COMMIT_FLAG = "--pre-commit"


def hook_args(argv: list[str]) -> list[str]:
    """``check --pre-commit ...``, what the pre-commit hooks run: pre-commit puts the
    file names right after the user's ``args``, so a page named like an option
    (``-oREADME.md``) would be read as one (``-o README.md``: the report written over
    README.md). With the flag (in the hooks' ``entry``), a word before ``--`` that
    starts with ``-``, ends in a Markdown suffix and names an existing file is moved
    after ``--``: a file name, whether or not the user's ``args`` end with ``--``.
    The flag itself is dropped; without it the command line is read as always."""
    if not argv or argv[0] != "check":
        return argv
    end = argv.index("--") if "--" in argv else len(argv)
    if PRE_COMMIT_FLAG not in argv[1:end]:
        return argv
    from conditionlint.runner import MARKDOWN_SUFFIXES

    head: list[str] = []
    files: list[str] = []
    for word in argv[:end]:
        if word == PRE_COMMIT_FLAG:
            continue
        if len(head) > 0 and word.startswith("-") and \
                word.lower().endswith(MARKDOWN_SUFFIXES) and os.path.isfile(word):
            files.append(word)
        else:
            head.append(word)
    tail = argv[end + 1:]
    if not files and end == len(argv):
        return head
    return [*head, "--", *files, *tail]


class _Group(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        # The console script and ``python -m conditionlint`` call this with no
        # arguments; tests (click's CliRunner) pass them.
        own_process = not args and kwargs.get("args") is None
        if own_process:
            kwargs["args"] = hook_args(sys.argv[1:])
        elif args and isinstance(args[0], (list, tuple)):
            args = (hook_args(list(args[0])), *args[1:])
        elif isinstance(kwargs.get("args"), (list, tuple)):
            kwargs["args"] = hook_args(list(kwargs["args"]))
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


# -- check ---------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--select", multiple=True, help="Rules to run (codes, names, prefixes like CL4, "
              "ALL); replaces the configured selection. Comma-separated or repeated.")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--ignore", multiple=True, help="Rules not to run.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--output-format", "fmt", default=None,
              type=click.Choice(["full", "concise", "json", "sarif", "github", "junit", "html"]),
              help="Report format (default: full; github under GitHub Actions).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of stdout.")
# --config is a plain path: a folder, like a FIFO, is ConfigFinder's "cannot read config
# file: is not a regular file" (exit 2), not click's own "is a directory" message
@click.option("--config", "config_path", type=click.Path(),
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
@click.option("--stdin-filename", default=None, help="The path the text on stdin "
              "stands for (for messages and config); reads stdin ('-' may be left out).")
@click.option("--force-exclude", is_flag=True, help="Apply 'exclude', and the folders a "
              "walk skips (node_modules, hidden folders...), to paths named on the command "
              "line and to --stdin-filename too (for pre-commit).")
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
    import gc

    from conditionlint import recache

    resume_gc = gc.isenabled()
    gc.disable()  # start-up makes long-lived objects: see CheckRequest.resume_gc
    recache.install()  # compiled patterns and dataclass code of earlier runs (recache.py)
    from conditionlint.app import CheckRequest, run_check

    if select and not _split(select):
        # (audit22 #13: --select '' was dropped without a word)
        raise click.BadParameter("names no rule: give rule codes, names or prefixes "
                                 "(ALL runs every rule), or leave --select out",
                                 param_hint="'--select'")
    req = CheckRequest(
        # --stdin-filename alone reads stdin (as '-' does), as editors call linters
        paths=list(paths) or (["-"] if stdin_filename is not None else ["."]),
        select=_split(select) or None,
        extend_select=_split(extend_select), ignore=_split(ignore), fail_on=fail_on,
        exit_zero=exit_zero, fmt=fmt, output_file=output_file, config_path=config_path,
        show_config=show_config, statistics=statistics, quiet=quiet, fix=fix, diff=diff,
        today=today, stdin_filename=stdin_filename, force_exclude=force_exclude, jobs=jobs,
        use_cache=not no_cache, cache_dir=cache_dir, color=color,
        baseline=baseline_file, write_baseline=write_baseline, resume_gc=resume_gc)
    from conditionlint.app import rule_output_to_stderr

    try:
        _on_sigterm_unwind()
        with rule_output_to_stderr():
            if watch and show_config:
                # --show-config prints and exits; with --watch it reprinted the
                # configuration on every change and never exited (fix21b)
                _err("error: --show-config prints the configuration and exits; it "
                     "cannot be used with --watch")
                code = EXIT_ERROR
            elif watch:
                from conditionlint.watch import watch_loop

                code = watch_loop(req)
            else:
                code = run_check(req)
    except KeyboardInterrupt as exc:
        # Caught here, before click turns it into "Aborted!" and exit code 1.
        terminated = isinstance(exc, Terminated)
        _err("terminated" if terminated else "interrupted")
        code = 143 if terminated else 130
    finally:
        recache.save()
        if resume_gc:
            gc.enable()
    sys.exit(code)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so that it unwinds as on Ctrl-C: temporary files
    removed, worker processes shut down (killed, they used to stay behind), exit 143."""


def _on_sigterm_unwind() -> None:
    # _signal, not signal: the signal module builds its enums on import, about 0.5 ms
    # of a one-page run (pre-commit, editors)
    import _signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # (tests call the command from other threads)

    def handler(signum: int, frame: object) -> None:
        raise Terminated()

    _signal.signal(_signal.SIGTERM, handler)


# -- rules / rule ----------------------------------------------------------------------------
def _registry_here(config_path: str | None) -> Any:
    """The built-in and plugin rules, with the YAML rules of the ``rule-paths`` of the
    config that applies here (the current folder's, or ``--config``)."""
    from conditionlint.config import ConfigError, ConfigFinder, extra_registry
    from conditionlint.registry import build, with_rules

    registry = build()
    for w in registry.warnings:
        _err(f"warning: {w}")
    try:
        finder = ConfigFinder(registry, Path(config_path) if config_path else None)
        extra = extra_registry(finder.for_folder(Path(".")), registry).sorted()
    except ConfigError as exc:
        _err(f"config error: {exc}")
        sys.exit(EXIT_ERROR)
    return with_rules(registry, extra)


_CONFIG_OPTION = click.option(
    "--config", "config_path", type=click.Path(), default=None,
    help="Config file whose rule-paths rules to include (default: the one that applies "
         "to the current folder).")


@main.command("rules")
@click.option("--output-format", "fmt", type=click.Choice(["table", "json"]), default="table")
@_CONFIG_OPTION
def rules_cmd(fmt: str, config_path: str | None) -> None:
    """List every rule: code, name, default severity, fixable, summary (with the YAML
    rules of the config's rule-paths); JSON adds each rule's origin and documentation
    link (null when it has none)."""
    import json

    from conditionlint.formatters import doc_url

    registry = _registry_here(config_path)
    rows = registry.sorted()
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity,
                                "fixable": r.fixable, "summary": r.summary,
                                "origin": r.origin, "url": doc_url(r)} for r in rows],
                              indent=2))
        return
    name_w = max((len(r.name) for r in rows), default=4)
    click.echo(f"{'CODE':<6}  {'NAME':<{name_w}}  {'SEVERITY':<8}  {'FIX':<3}  SUMMARY")
    for r in rows:
        fixable = "yes" if r.fixable else ""
        click.echo(f"{r.code:<6}  {r.name:<{name_w}}  {r.severity:<8}  {fixable:<3}  "
                   f"{r.summary}")


@main.command("rule")
@click.argument("ref")
@_CONFIG_OPTION
def rule_cmd(ref: str, config_path: str | None) -> None:
    """Show a rule's documentation (by code or name), and where it is published."""
    from conditionlint.formatters import doc_url
    from conditionlint.ruledocs import render_rule_doc

    registry = _registry_here(config_path)
    r = registry.resolve(ref)
    if r is None:
        _err(f"unknown rule {ref!r} (see 'conditionlint rules')")
        sys.exit(EXIT_ERROR)
    click.echo(render_rule_doc(r), nl=False)
    url = doc_url(r)
    if url:
        click.echo(f"\nOnline: {url}")


@main.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing .conditionlint.yaml.")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
def init_cmd(force: bool, folder: str) -> None:
    """Write a commented .conditionlint.yaml listing every setting and every rule with
    its default."""
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
