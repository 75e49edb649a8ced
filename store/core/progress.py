"""Progress reporting and cancellation shared by long store and scanner jobs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressEvent:
    stage: str  # e.g. "embedding", "importing", "indexing"
    done: int
    total: int | None
    new_items: int | None = None  # items added so far, where the job adds any (words are the caller's)


ProgressCallback = Callable[[ProgressEvent], None]


class Cancelled(Exception):  # noqa: N818 - reads better at the call sites
    """Raised inside a job when its cancel token is set; the job keeps what it committed."""


def report(callback: ProgressCallback | None, stage: str, done: int, total: int | None,
           new_items: int | None = None) -> None:
    """Call the callback if there is one."""
    if callback is not None:
        callback(ProgressEvent(stage, done, total, new_items))


def check_cancel(cancel: threading.Event | None) -> None:
    """Raise Cancelled when the token is set."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()
