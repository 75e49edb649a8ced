"""A one-line progress display on stderr (only when stderr is a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from store.core.progress import ProgressEvent

STAGE_LABELS = {
    "importing": "Importing",
    "embedding": "Embedding",
    "indexing": "Indexing vectors",
    "scanning": "Scanning",
}


class ProgressLine:
    """Callable progress callback that redraws one line, at most ten times a second."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0
        self._width = 0

    def __call__(self, event: ProgressEvent) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and event.done != event.total:
            return
        self._last = now
        label = STAGE_LABELS.get(event.stage, event.stage.capitalize())
        amount = f"{event.done}/{event.total}" if event.total else str(event.done)
        text = f"{label}: {amount}" + (f" · {event.new_items} new" if event.new_items is not None else "")
        self.stream.write("\r" + text.ljust(self._width))
        self._width = len(text)
        self.stream.flush()

    def finish(self) -> None:
        """Clear the line so the next output starts clean."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
