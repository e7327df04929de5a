"""``conditionlint check --watch``: check, then check again whenever a page changes.

A polling loop over file stats, confirmed by content hashes, rather than an OS
notification library: it needs no dependency, behaves the same on every platform and on
network or container file systems where inotify/FSEvents miss events, and a content
folder of thousands of pages is cheap to stat twice a second. A save that does not change
the bytes (an editor touching the file) does not trigger a run.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

from conditionlint.runner import MARKDOWN_SUFFIXES, skipped_folder

INTERVAL = 0.5  # seconds between polls
CONFIG_NAMES = (".conditionlint.yaml", ".conditionlint.yml", "pyproject.toml")

Stat = tuple[int, int]  # (mtime_ns, size)


def _watched(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES) or name in CONFIG_NAMES


def snapshot(paths: list[str], extra_configs: tuple[str, ...] = ()) -> dict[str, Stat]:
    """Stats of every page and config file under ``paths``, of the config files above
    them, and of what those configs read (the files they extend, their rule files and
    schemas: :func:`config_inputs`); ``extra_configs``: paths that are config files
    whatever their name (--config)."""
    out: dict[str, Stat] = {}

    def add(p: str) -> None:
        try:
            st = os.stat(p)
        except (OSError, ValueError):  # (a NUL in a path a config names: the check says so)
            return
        out[os.path.normpath(p)] = (st.st_mtime_ns, st.st_size)

    for raw in paths:
        if os.path.isdir(raw):
            # Links to folders are followed, as the check follows them (a link made
            # while watching is seen at the next poll); a folder reached twice (a link
            # loop, or two links to one folder) is walked once.
            visited: set[str] = set()
            for folder, dirs, files in os.walk(raw, followlinks=True):
                real = os.path.realpath(folder)
                if real in visited:
                    dirs[:] = []
                    continue
                visited.add(real)
                dirs[:] = sorted(d for d in dirs if not skipped_folder(d))
                for name in files:
                    if _watched(name):
                        add(os.path.join(folder, name))
        else:
            add(raw)
        # Config files in the folders above count too: they change what is reported.
        for parent in Path(raw).absolute().parents:
            for name in CONFIG_NAMES:
                if (parent / name).is_file():
                    add(str(parent / name))
    # and the files they start from (`extend`) and their rule files (`rule-paths`),
    # wherever those are
    for config in [p for p in out if os.path.basename(p) in CONFIG_NAMES or
                   p in extra_configs]:
        for used in config_inputs(config):
            add(used)
    return out


def config_inputs(config: str) -> list[str]:
    """The files ``config`` reads besides itself: the files it extends (its
    ``extend``, that file's, ...), and each one's YAML rule files (``rule-paths``)
    and front-matter schema (``schema``).
    A file that cannot be read or parsed ends the chain (the check reports it)."""
    from conditionlint.config import ConfigError, extended_path, read_config_file
    from conditionlint.yamlrules import folder_rule_files

    out: list[str] = []
    chain = [os.path.normpath(os.path.abspath(config))]
    current = chain[0]
    while True:
        try:
            found = read_config_file(Path(current))
        except (ConfigError, OSError, ValueError):
            return out
        data = found[0] if found else {}
        folder = os.path.dirname(current)
        rule_paths = data.get("rule-paths")
        for rp in rule_paths if isinstance(rule_paths, list) else ():
            if not isinstance(rp, str):
                continue
            where = os.path.join(folder, rp)
            if os.path.isdir(where):
                out.extend(str(f) for f in folder_rule_files(Path(where)))
            else:
                out.append(os.path.normpath(where))
        schema = data.get("schema")
        if isinstance(schema, str) and schema:
            out.append(os.path.normpath(os.path.join(folder, schema)))
        target = data.get("extend")
        if not isinstance(target, str) or not target:
            return out
        current = str(extended_path(current, target))
        if current in chain:
            return out  # a loop (the check reports it)
        chain.append(current)
        out.append(current)


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


class Watcher:
    """Tracks what changed between polls: stats first, then content hashes."""

    def __init__(self, paths: list[str], extra: tuple[str, ...] = (),
                 files: tuple[str, ...] = ()):
        # extra: config files that change what is reported wherever they are
        # (--config); files: other such files, not configs (--baseline)
        from conditionlint.registry import plugin_source_files

        self.paths = [*paths, *extra, *files]
        self.configs = tuple(os.path.normpath(p) for p in extra)
        # the installed plugins' source files (entry points): an edit to a plugin
        # installed in development mode changes what is reported
        self.plugins = tuple(plugin_source_files())
        self.stats = self._snapshot()
        self.hashes = {p: _digest(p) for p in self.stats}

    def _snapshot(self) -> dict[str, Stat]:
        out = snapshot(self.paths, self.configs)
        for p in self.plugins:
            try:
                st = os.stat(p)
            except OSError:
                continue
            out[p] = (st.st_mtime_ns, st.st_size)
        return out

    def plugin_changed(self, changed: list[str]) -> bool:
        """Whether ``changed`` holds a plugin's source file; the plugins' files are
        listed again (a module added to a plugin package is watched from then on)."""
        from conditionlint.registry import plugin_source_files

        mine = set(self.plugins)
        if not any(p in mine for p in changed):
            return False
        self.plugins = tuple(plugin_source_files())
        self.stats = self._snapshot()
        for p in self.plugins:
            self.hashes.setdefault(p, _digest(p))
        return True

    def changed(self) -> list[str]:
        now = self._snapshot()
        suspects = {p for p in now.keys() | self.stats.keys()
                    if now.get(p) != self.stats.get(p)}
        self.stats = now
        changed = []
        for p in sorted(suspects):
            digest = _digest(p) if p in now else None
            if digest != self.hashes.get(p):
                changed.append(p)
            if digest is None:
                self.hashes.pop(p, None)
            else:
                self.hashes[p] = digest
        return changed


def forget_user_rules() -> None:
    """Drop what this process has kept of users' rule files (``rule-paths``), so that
    the next run reads them again."""
    from conditionlint import config, yamlrules

    yamlrules.forget_user_rules()
    config.forget_user_rules()


def watch_loop(req: object, interval: float = INTERVAL) -> int:
    """Run the check, then again after each change, until interrupted."""
    from conditionlint.app import EXIT_ERROR, CheckRequest, run_check, usage_error

    assert isinstance(req, CheckRequest)
    if "-" in req.paths:
        print("conditionlint: error: --watch cannot be used with stdin ('-')",
              file=sys.stderr)
        return EXIT_ERROR
    if req.write_baseline or req.diff:
        print("conditionlint: error: --watch cannot be used with --write-baseline or "
              "--diff", file=sys.stderr)
        return EXIT_ERROR
    problem = usage_error(req)
    if problem is not None:  # the first run would say it and then wait for nothing
        print(f"conditionlint: error: {problem}", file=sys.stderr)
        return EXIT_ERROR
    # files that change what is reported wherever they are: --config and --baseline
    watcher = Watcher(req.paths, (req.config_path,) if req.config_path else (),
                      (req.baseline,) if req.baseline else ())
    run_check(req)
    try:
        while True:
            print("conditionlint: watching for changes (Ctrl-C to stop)", file=sys.stderr,
                  flush=True)
            changed: list[str] = []
            while not changed:
                time.sleep(interval)
                changed = watcher.changed()
            shown = ", ".join(changed[:3]) + (" ..." if len(changed) > 3 else "")
            print(f"\nconditionlint: changed: {shown}; checking again", file=sys.stderr,
                  flush=True)
            forget_user_rules()  # a rule file may have changed: read them again
            if watcher.plugin_changed(changed):
                from conditionlint.registry import forget_plugins

                forget_plugins()  # and import an edited plugin's code again
            run_check(req)
            if req.fix:  # our own writes are not a change to react to
                watcher.changed()
    except KeyboardInterrupt:
        # stopped as every run is (Ctrl-C 130, SIGTERM 143: the command's handler),
        # after a line break to end the "watching" line
        print("", file=sys.stderr)
        raise
