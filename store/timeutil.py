"""Dates as the store keeps them: ISO 8601 in UTC with a trailing Z, second precision."""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def utcnow() -> datetime:
    """The current time, timezone-aware UTC, whole seconds."""
    return datetime.now(UTC).replace(microsecond=0)


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
    return to_utc(parsed)


def parse_stored(value: str | None) -> datetime | None:
    """Parse a date the store wrote (or None)."""
    return parse_datetime(value) if value else None
