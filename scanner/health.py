"""When to fetch a source next: its interval after success, exponential back-off after failure."""

from __future__ import annotations

from datetime import datetime, timedelta

MAX_BACKOFF = timedelta(hours=24)  # a failing source is still tried at least once a day
MIN_INTERVAL = timedelta(minutes=5)


def next_after_success(now: datetime, interval_minutes: int) -> datetime:
    return now + max(MIN_INTERVAL, timedelta(minutes=interval_minutes))


def next_after_failure(now: datetime, interval_minutes: int, failures: int,
                       retry_after: float | None = None) -> datetime:
    """Back off exponentially (interval x 2^(failures-1)), honour Retry-After, never beyond a day.

    `failures` counts this failure too (1 after the first).
    """
    base = max(MIN_INTERVAL, timedelta(minutes=interval_minutes))
    delay = base * (2 ** max(0, min(failures - 1, 16)))
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=retry_after))
    return now + min(delay, MAX_BACKOFF)
