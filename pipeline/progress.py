"""Progress on long steps: counts and rates to a log, and a bar on a terminal.

`Progress.update(n_articles, n_words)` after each article; it logs at every
tenth of the work (and at the end) through the given log function, which is
the Dagster context's logger in assets, and draws a one-line bar on stderr
when stderr is a terminal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


class Progress:
    def __init__(
        self, total: int, label: str, log: Callable[[str], None] | None = None, stream=None
    ):
        self.total = max(total, 0)
        self.label = label
        self.log = log
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.done = 0
        self.words = 0
        self.started = time.perf_counter()
        self._next_log = self._step()

    def _step(self) -> int:
        return max(1, self.total // 10)

    def message(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return (
            f"{self.label}: {self.done}/{self.total} articles, {self.words} words, "
            f"{self.done / elapsed:.1f} articles/s, {self.words / elapsed:,.0f} words/s"
        )

    def update(self, n: int = 1, words: int = 0) -> None:
        self.done += n
        self.words += words
        if self.tty:
            width = 30
            filled = int(width * self.done / self.total) if self.total else width
            self.stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.message()}")
            self.stream.flush()
        if self.log and (self.done >= self._next_log or self.done == self.total):
            self.log(self.message())
            self._next_log = self.done + self._step()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
