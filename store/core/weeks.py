"""ISO weeks in the user's local time: the unit of the weekly rhythm (scan Monday, digest Friday)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from store.core.timeutil import local_midnight, to_local, utcnow

WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def parse_week(text: str) -> tuple[int, int]:
    """'2026-W48' -> (2026, 48); raises ValueError with a readable message."""
    match = WEEK_RE.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a week; write it like 2026-W48.")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {week}.") from None
    return year, week


def week_label(year: int, week: int) -> str:
    return f"{year}-W{week:02d}"


def week_of(moment: datetime) -> tuple[int, int]:
    """The ISO week `moment` falls in, counted in the user's time zone."""
    iso = to_local(moment).isocalendar()
    return iso.year, iso.week


def current_week() -> tuple[int, int]:
    """This week by the clock: Monday 00:20 local time is already the new week."""
    return week_of(utcnow())


def week_bounds(year: int, week: int) -> tuple[datetime, datetime]:
    """[Monday 00:00, next Monday 00:00) in the user's local time, as aware datetimes."""
    monday = date.fromisocalendar(year, week, 1)
    return local_midnight(monday), local_midnight(monday + timedelta(days=7))


def previous_weeks(year: int, week: int, count: int) -> list[tuple[int, int]]:
    """The `count` weeks up to and including (year, week), oldest first."""
    monday = date.fromisocalendar(year, week, 1)
    out = []
    for n in range(count - 1, -1, -1):
        iso = (monday - timedelta(weeks=n)).isocalendar()
        out.append((iso.year, iso.week))
    return out
