"""A small programmatic API (used by the tests and by editors' integrations).

    from conditionlint.api import lint_text, fix_text
    findings = lint_text("# Page\\n...", path="content/x.md", select=["CL4"])
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from conditionlint.config import CliSelection, Config, ConfigFinder
from conditionlint.model import Finding
from conditionlint.registry import Registry, build
from conditionlint.runner import CheckSettings, lint_bytes


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return build()


def _config(config: str | Path | None) -> Config:
    if config is None:
        return Config(path=None, root=Path.cwd())
    return ConfigFinder(default_registry(), Path(config)).for_path(Path("."))


def _selectors(refs: Any, config: Config) -> tuple[str, ...] | None:
    """``select``/``ignore`` as a tuple: a string is one selector or a comma-separated
    list, as on the command line (a string was read character by character, so
    ``select="CL401"`` ran every rule); a selector that names no rule is a ValueError,
    as it is a usage error (exit 2) on the command line."""
    if not refs:
        return None
    if isinstance(refs, str):
        refs = refs.split(",")
    out = tuple(r.strip() for r in refs if r.strip())
    from conditionlint.config import extra_registry

    registry = default_registry()
    extra = extra_registry(config, registry)
    for ref in out:
        if not (registry.match(ref) or extra.match(ref)):
            raise ValueError(f"unknown rule {ref!r} (see 'conditionlint rules')")
    return out or None


def _as_bytes(text: str | bytes) -> bytes:
    """UTF-8 bytes of ``text``. Lone surrogates (a str decoded with "surrogateescape",
    as Python decodes file names and arguments, or built by hand) cannot be UTF-8: they
    go back to the bytes they stand for, or are written as surrogates, and the page is
    then reported as not valid UTF-8 at their place, as a file with those bytes is."""
    if isinstance(text, bytes):
        return text
    try:  # (text without surrogates encodes as it always did)
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def lint_text(text: str | bytes, path: str = "page.md", select: Any = None,
              ignore: Any = None, today: _dt.date | str | None = None,
              config: str | Path | None = None) -> list[Finding]:
    """Findings for one page given as text or bytes (sorted)."""
    if isinstance(today, str):
        today = _dt.date.fromisoformat(today)
    cfg = _config(config)
    settings = CheckSettings(
        cli=CliSelection(_selectors(select, cfg), (), _selectors(ignore, cfg) or ()),
        today=today)
    return lint_bytes(_as_bytes(text), path, cfg, default_registry(), settings).findings


def fix_text(text: str | bytes, path: str = "page.md", select: Any = None,
             today: _dt.date | str | None = None,
             config: str | Path | None = None) -> bytes:
    """The page's bytes after applying every safe fix (unchanged if none applies)."""
    if isinstance(today, str):
        today = _dt.date.fromisoformat(today)
    data = _as_bytes(text)
    cfg = _config(config)
    settings = CheckSettings(cli=CliSelection(_selectors(select, cfg)), today=today, fix=True)
    result = lint_bytes(data, path, cfg, default_registry(), settings)
    return result.fixed_bytes if result.fixed_bytes is not None else data
