"""Checking many files: in order, one process for now."""

from __future__ import annotations

from conditionlint.config import ConfigFinder
from conditionlint.progress import Progress
from conditionlint.registry import Registry
from conditionlint.runner import CheckSettings, Checked, Target, check_target


def check_all(targets: list[Target], finder: ConfigFinder, registry: Registry,
              settings: CheckSettings, jobs: int | None = None, use_cache: bool = True,
              cache_dir: str | None = None, progress: bool = True) -> list[Checked]:
    bar = Progress(len(targets), progress)
    results = []
    for t in targets:
        results.append(check_target(t, finder.for_path(t.path), registry, settings))
        bar.advance()
    bar.close()
    return results
