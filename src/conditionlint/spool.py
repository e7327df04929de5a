"""A run's findings kept in a temporary file, so memory stays flat as the corpus grows.

Files are checked in the order of their sorted display paths and each file's findings
come sorted, so appending file after file keeps the whole run in report order. The
spool can be read any number of times (each read goes through the file with its own
offsets), and it keeps the figures the reports and the exit code need (counts by
severity, fixable findings, files with findings, codes seen), so those need no pass.
"""

from __future__ import annotations

import dataclasses
import heapq
import operator
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from conditionlint.model import Finding


_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
_ROW = operator.attrgetter(*_FIELDS)  # a Finding -> the tuple of its fields, in order


def _findings(data: bytes) -> list[Finding]:
    return [Finding(*row) for row in pickle.loads(data)]  # noqa: S301 - our own file


class FindingSpool:
    def __init__(self) -> None:
        try:
            self._file: IO[bytes] | None = tempfile.TemporaryFile(  # noqa: SIM115
                prefix="conditionlint-")
        except OSError:
            self._file = None  # no usable temporary folder: keep findings in memory
        self._end = 0
        self._batches: list[tuple[int, int]] = []  # (offset, length) of each pickle
        self._last_path: str | None = None
        self._loose: list[Finding] = []  # findings that did not come in path order
        self._memory: list[list[Finding]] = []  # batches kept in memory (no usable file)
        self.n = 0
        self.by_severity: dict[str, int] = {"error": 0, "warning": 0, "info": 0}
        self.fixable = 0
        self.paths: set[str] = set()
        self.codes: set[str] = set()

    def add(self, findings: Iterable[Finding]) -> None:
        """One file's findings (any order), or findings of several files."""
        batch = sorted(findings, key=Finding.sort_key)
        if not batch:
            return
        for f in batch:
            self.by_severity[f.severity] = self.by_severity.get(f.severity, 0) + 1
            self.fixable += f.fix is not None
            self.paths.add(f.path)
            self.codes.add(f.code)
        self.n += len(batch)
        if self._last_path is not None and batch[0].path <= self._last_path:
            self._loose.extend(batch)  # out of order: merged in when read
            return
        self._last_path = batch[-1].path
        if self._file is not None:
            # plain tuples: pickling the frozen dataclasses themselves costs several
            # times more (a warm cached run spends its time here)
            data = pickle.dumps([_ROW(f) for f in batch], protocol=pickle.HIGHEST_PROTOCOL)
            try:
                os.pwrite(self._file.fileno(), data, self._end)
            except OSError:  # the disk is full: what was written stays, the rest in memory
                self._file_full()
            else:
                self._batches.append((self._end, len(data)))
                self._end += len(data)
                return
        self._memory.append(batch)

    def _file_full(self) -> None:
        self._memory = [_findings(b) for b in self._read_batches()]
        self._batches = []
        if self._file is not None:
            self._file.close()
        self._file = None

    def _read_batches(self) -> Iterator[bytes]:
        if self._file is None:
            return
        fd = self._file.fileno()
        for offset, length in self._batches:
            yield os.pread(fd, length, offset)

    def _stored(self) -> Iterator[Finding]:
        for data in self._read_batches():
            yield from _findings(data)
        for batch in list(self._memory):
            yield from batch

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
