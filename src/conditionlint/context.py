"""Run-wide facts a rule may need beyond its options: "today", and the file's config.

Set by the engine around each file; rules read it with :func:`current`.
"""

from __future__ import annotations

import datetime as _dt
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RunContext:
    today: _dt.date
    config: Any = None  # conditionlint.config.Config of the file being checked


_current: ContextVar[RunContext | None] = ContextVar("conditionlint_context", default=None)


def current() -> RunContext:
    ctx = _current.get()
    return ctx if ctx is not None else RunContext(today=_dt.date.today())


def set_current(ctx: RunContext) -> Any:
    return _current.set(ctx)


def reset(token: Any) -> None:
    _current.reset(token)
