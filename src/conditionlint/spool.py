"""A run's findings kept in a temporary file, so memory stays flat as the corpus grows.

Files are checked in the order of their sorted display paths and each file's findings
come sorted, so appending file after file keeps the whole run in report order. The
spool can be read any number of times (each read goes through the file with its own
offsets), and it keeps the figures the reports and the exit code need (counts by
severity, fixable findings, files with findings, codes seen), so those need no pass.

Nothing is kept per file: rows are written in batches of many files, so the offsets
kept are one per batch, and files with findings are counted as the path changes.
:class:`Records` is the store underneath (also used for the list of files to check).
"""

from __future__ import annotations

import dataclasses
import heapq
import operator
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from conditionlint.model import Finding


_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
_ROW = operator.attrgetter(*_FIELDS)  # a Finding -> the tuple of its fields, in order
BATCH_ROWS = 512  # rows pickled together: a few hundred KB at most in memory


class Records:
    """Tuples appended in order and read back in that order, any number of times,
    from a temporary file (in memory when no temporary file can be made or the disk
    is full). Memory: the rows not yet written (fewer than ``batch``) and one
    (offset, length) per written batch."""

    def __init__(self, batch: int | None = None) -> None:
        self.batch = batch or BATCH_ROWS
        self._file: IO[bytes] | None = None
        self._usable = True
        self._end = 0
        self._batches: list[tuple[int, int]] = []  # (offset, length) of each pickle
        self._memory: list[tuple[Any, ...]] = []  # rows kept when the file failed
        self._pending: list[tuple[Any, ...]] = []
        self.n = 0

    def append(self, row: tuple[Any, ...]) -> None:
        self._pending.append(row)
        self.n += 1
        if len(self._pending) >= self.batch:
            self.flush()

    def extend(self, rows: Iterable[tuple[Any, ...]]) -> None:
        for row in rows:
            self.append(row)

    def flush(self) -> None:
        rows, self._pending = self._pending, []
        if not rows:
            return
        if self._usable and self._file is None:
            import tempfile  # here: a run that fills no batch makes no file

            try:
                self._file = tempfile.TemporaryFile(prefix="conditionlint-")  # noqa: SIM115
            except OSError:
                self._usable = False  # no usable temporary folder: keep rows in memory
        if self._file is not None and self._usable and not self._memory:
            import pickle  # here: a run that fills no batch does not need it

            data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
            try:
                written = os.pwrite(self._file.fileno(), data, self._end)
            except OSError:  # the disk is full: what was written stays, the rest in memory
                written = -1
            if written == len(data):
                self._batches.append((self._end, len(data)))
                self._end += len(data)
                return
            self._usable = False
        self._memory.extend(rows)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        # what is stored now: the batches written, the rows kept in memory, the rows
        # not yet written (copied, so later appends do not change this pass)
        batches = list(self._batches)
        memory_n = len(self._memory)
        pending = list(self._pending)
        if batches:
            import pickle

            assert self._file is not None
            fd = self._file.fileno()
            for offset, length in batches:
                yield from pickle.loads(os.pread(fd, length, offset))  # noqa: S301 - ours
        yield from self._memory[:memory_n]
        yield from pending

    def __len__(self) -> int:
        return self.n


class FindingSpool:
    def __init__(self) -> None:
        self._rows = Records()
        self._last_path: str | None = None
        self._loose: list[Finding] = []  # findings that did not come in path order
        self.n = 0
        self.by_severity: dict[str, int] = {"error": 0, "warning": 0, "info": 0}
        self.fixable = 0
        self.codes: set[str] = set()
        self._ordered_paths = 0  # distinct paths among the findings in path order
        self._files_with: int | None = None  # with the loose ones (computed when asked)

    def add(self, findings: Iterable[Finding]) -> None:
        """One file's findings (any order), or findings of several files."""
        batch = sorted(findings, key=Finding.sort_key)
        if not batch:
            return
        for f in batch:
            self.by_severity[f.severity] = self.by_severity.get(f.severity, 0) + 1
            self.fixable += f.fix is not None
            self.codes.add(f.code)
        self.n += len(batch)
        self._files_with = None
        if self._last_path is not None and batch[0].path <= self._last_path:
            self._loose.extend(batch)  # out of order: merged in when read
            return
        last = self._last_path
        for f in batch:
            if f.path != last:
                self._ordered_paths += 1
                last = f.path
        self._last_path = last
        # plain tuples: pickling the frozen dataclasses themselves costs several times
        # more (a warm cached run spends its time here)
        self._rows.extend(_ROW(f) for f in batch)

    def _stored(self) -> Iterator[Finding]:
        for row in self._rows:
            yield Finding(*row)

    def __iter__(self) -> Iterator[Finding]:
        if not self._loose:
            return self._stored()
        loose = sorted(self._loose, key=Finding.sort_key)
        return heapq.merge(self._stored(), loose, key=Finding.sort_key)

    def __len__(self) -> int:
        return self.n

    def __bool__(self) -> bool:
        return self.n > 0

    def counts(self) -> dict[str, int]:
        return dict(self.by_severity)

    def files_with_findings(self) -> int:
        """How many files have findings: counted as the path changes, plus the paths
        of findings that came out of order (discovery problems) not among those (one
        pass over the stored rows, only when there are such findings)."""
        if self._files_with is None:
            loose = {f.path for f in self._loose}
            if loose:
                loose.difference_update(row[0] for row in self._rows)
            self._files_with = self._ordered_paths + len(loose)
        return self._files_with

    @property
    def paths(self) -> set[str]:
        """Every path with findings (a pass over the spool: for tests and small runs;
        reports use :meth:`files_with_findings`)."""
        return {row[0] for row in self._rows} | {f.path for f in self._loose}
