"""The one clock, and dates as the store keeps them (ISO 8601 in UTC with a trailing Z, whole seconds).

Every "now" and "today" in Horizonscan (store, scanner, desktop, CLI) comes from `utcnow()`,
`local_now()`, `local_today()` and `local_zone()` here. They ask the current clock: the computer's
own by default, a `FixedClock` in tests (`set_clock`), so no result depends on the day a test runs.
An architecture test keeps `datetime.now()`, `date.today()` and `time.time()` out of the rest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)

FALLBACK_ZONE = "Europe/Amsterdam"  # where the computer's zone cannot be told (e.g. TZ=CET-1CEST)


class Clock(Protocol):
    """Tells the time: an aware UTC instant, and the zone the user's days and weeks are in."""

    def now(self) -> datetime: ...

    def zone(self) -> tzinfo: ...


@lru_cache(maxsize=1)
def system_zone() -> tzinfo:
    """The computer's own time zone as a zoneinfo zone (TZ, /etc/localtime, the Windows registry)."""
    try:
        from tzlocal import get_localzone

        return get_localzone()
    except Exception as exc:  # an odd TZ such as "CET-1CEST": no zone name to look up
        log.warning("Time zone not recognised (%s); using %s.", exc, FALLBACK_ZONE)
        return ZoneInfo(FALLBACK_ZONE)


@dataclass(frozen=True)
class SystemClock:
    """The computer's clock and time zone (or a named zone)."""

    zone_name: str | None = None

    def now(self) -> datetime:
        return datetime.now(UTC)

    def zone(self) -> tzinfo:
        return ZoneInfo(self.zone_name) if self.zone_name else system_zone()


@dataclass
class FixedClock:
    """A clock that stands still at `instant` until told otherwise; picklable for the engine process."""

    instant: datetime
    zone_name: str = FALLBACK_ZONE
    _zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._zone = ZoneInfo(self.zone_name)
        self.instant = self._aware(self.instant)

    def _aware(self, moment: datetime) -> datetime:
        return moment.replace(tzinfo=self._zone) if moment.tzinfo is None else moment

    @classmethod
    def at_local(cls, text: str, zone_name: str = FALLBACK_ZONE) -> FixedClock:
        """A clock at a wall-clock time in `zone_name`: FixedClock.at_local("2026-11-30 00:20")."""
        return cls(datetime.fromisoformat(text), zone_name)

    def now(self) -> datetime:
        return self.instant.astimezone(UTC)

    def zone(self) -> tzinfo:
        return self._zone

    def set(self, moment: datetime) -> None:
        """Jump to `moment` (naive means wall-clock time in this clock's zone)."""
        self.instant = self._aware(moment)

    def advance(self, delta: timedelta) -> None:
        self.instant = self.instant.astimezone(UTC) + delta


_clock: Clock = SystemClock()


def get_clock() -> Clock:
    return _clock


def set_clock(clock: Clock) -> Clock:
    """Make `clock` the one everything asks; returns the previous one (to put back)."""
    global _clock
    previous, _clock = _clock, clock
    return previous


def utcnow() -> datetime:
    """The current time, timezone-aware UTC, whole seconds."""
    return _clock.now().astimezone(UTC).replace(microsecond=0)


def local_zone() -> tzinfo:
    """The user's time zone: days, weeks and relative dates ("gisteren") are counted in it."""
    return _clock.zone()


def to_local(value: datetime) -> datetime:
    """`value` (naive means UTC) as wall-clock time in the user's zone."""
    return to_utc(value).astimezone(local_zone())


def local_now() -> datetime:
    return to_local(utcnow())


def local_today() -> date:
    return local_now().date()


def local_midnight(day: date) -> datetime:
    """The first instant of `day` in the user's zone (aware), DST-proof."""
    return datetime.combine(day, time(), local_zone())


def to_utc(value: datetime) -> datetime:
    """Convert to aware UTC; naive datetimes are taken to be UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def format_utc(value: datetime) -> str:
    """"2026-11-03T07:15:00Z"."""
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_iso() -> str:
    return format_utc(utcnow())


# dates outside these are typing errors or placeholders (0001-01-01, 9999-12-31): refused, so every
# later step (local time, weeks, differences) stays in range
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def sane_datetime(value: datetime | None) -> datetime | None:
    """The instant in UTC, or None when it is missing or outside EARLIEST..LATEST (a feed's placeholder date)."""
    if value is None:
        return None
    try:
        result = to_utc(value)
    except OverflowError:
        return None
    return result if EARLIEST <= result < LATEST else None


def parse_datetime(value: str) -> datetime:
    """Parse ISO 8601 (date or date-time, 'Z' allowed) to aware UTC; raises ValueError."""
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = datetime.combine(date.fromisoformat(text), time())
    try:
        result = to_utc(parsed)
    except OverflowError:  # year 1 at +14:00, year 9999 at -14:00: no such instant in UTC
        raise ValueError(f"date out of range: {value.strip()[:40]!r}") from None
    if not EARLIEST <= result < LATEST:
        raise ValueError(f"date out of range (before {EARLIEST.year} or after {LATEST.year - 1}): "
                         f"{value.strip()[:40]!r}")
    return result


def parse_stored(value: str | None) -> datetime | None:
    """Parse a date the store wrote (or None)."""
    return parse_datetime(value) if value else None
