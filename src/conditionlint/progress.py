"""A one-line progress bar on stderr for long runs.

Shown only when it helps and cannot get in the way: stderr is a terminal, the run is
not quiet, the ``CI`` environment variable is unset, and there are enough files to be
worth it. Results never go through here (they are on stdout).
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_FILES = 20  # below this a run is over before a bar is readable
_INTERVAL = 0.1  # seconds between redraws


def wanted(total: int, enabled: bool, stream: TextIO | None = None) -> bool:
    stream = stream if stream is not None else sys.stderr
    if not enabled or total < MIN_FILES or os.environ.get("CI"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


_shown: Progress | None = None  # the bar on screen now, if any


def clear() -> None:
    """Erase the bar on screen, if any, before other output (a diff, a warning) is
    written while files are still being checked; it is drawn again on the next
    advance."""
    bar = _shown
    if bar is not None and bar.active and bar._drawn:  # noqa: SLF001
        bar._erase()  # noqa: SLF001
        bar._last = 0.0  # noqa: SLF001


class Progress:
    """``Progress(total, enabled)``; call ``advance()`` per file and ``close()`` once."""

    def __init__(self, total: int, enabled: bool = True, stream: TextIO | None = None,
                 width: int = 30):
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.width = width
        self.active = wanted(total, enabled, self.stream)
        self._last = 0.0
        self._drawn = False

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.active:
            return
        now = time.monotonic()
        if now - self._last >= _INTERVAL or self.done >= self.total:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        frac = min(self.done / self.total, 1.0) if self.total else 1.0
        filled = int(frac * self.width)
        bar = "█" * filled + "░" * (self.width - filled)
        self.stream.write(f"\r{bar} {self.done}/{self.total} files")
        self.stream.flush()
        global _shown
        _shown, self._drawn = self, True

    def _erase(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()
        self._drawn = False

    def close(self) -> None:
        if self.active:
            self._erase()  # so the report starts on a clean line
            self.active = False
        global _shown
        if _shown is self:
            _shown = None
