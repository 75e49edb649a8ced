"""Weekly counts per theme and per watchlist actor, with spikes flagged.

As in Europe Media Monitor's breaking-news detection, a week is a spike when its count
stands well above the trailing average of the weeks before it. Stories count once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from store.core.timeutil import format_utc, utcnow
from store.core.weeks import previous_weeks, week_bounds, week_label, week_of
from store.db.connection import Database
from store.signals.watchlist import list_actors
from store.themes.effective import EFFECTIVE_THEME_SQL
from store.themes.registry import list_themes

TRAILING_WEEKS = 8
MIN_HISTORY_WEEKS = 4  # weeks with any items in the trailing window needed before a spike can be called
SPIKE_MIN_COUNT = 3
SPIKE_RATIO = 2.0  # at least twice the trailing average ...
SPIKE_Z = 2.0  # ... and this many standard deviations above it


@dataclass(frozen=True)
class WeekCount:
    week: str
    count: int
    baseline: float  # trailing average of the weeks before
    spike: bool
    history_weeks: int = TRAILING_WEEKS  # weeks with data the average rests on (0: no average yet)


@dataclass(frozen=True)
class Series:
    key: str  # theme key or actor id
    label: str
    kind: str  # theme | actor
    weeks: tuple[WeekCount, ...]

    @property
    def total(self) -> int:
        return sum(w.count for w in self.weeks)


def is_spike(count: int, history: list[int]) -> tuple[bool, float]:
    """(spike?, trailing average) for a week's count after the earlier counts of weeks with data."""
    if not history:
        return False, 0.0
    if len(history) < MIN_HISTORY_WEEKS:
        return False, round(sum(history) / len(history), 2)
    mean = sum(history) / len(history)
    spread = math.sqrt(sum((c - mean) ** 2 for c in history) / len(history))
    scale = max(spread, math.sqrt(max(mean, 1.0)))  # Poisson floor: small counts are noisy
    spike = count >= SPIKE_MIN_COUNT and count >= SPIKE_RATIO * mean and (count - mean) / scale >= SPIKE_Z
    return spike, round(mean, 2)


def _weekly(database: Database, sql: str, params: tuple) -> dict[str, dict[str, int]]:
    """key -> week label -> distinct stories, for a query yielding (key, story key, published)."""
    out: dict[str, dict[str, set]] = {}
    for key, story, published in database.query(sql, params):
        label = week_label(*week_of(datetime.fromisoformat(published.replace("Z", "+00:00"))))
        out.setdefault(str(key), {}).setdefault(label, set()).add(story)
    return {k: {w: len(v) for w, v in per.items()} for k, per in out.items()}


def _series(kind: str, key: str, label: str, counts: dict[str, int], weeks: list[tuple[int, int]],
            shown: int, active: set[str]) -> Series:
    labels = [week_label(*w) for w in weeks]
    values = [counts.get(w, 0) for w in labels]
    out = []
    for n in range(len(labels) - shown, len(labels)):
        history = [values[j] for j in range(max(0, n - TRAILING_WEEKS), n) if labels[j] in active]
        spike, base = is_spike(values[n], history)
        out.append(WeekCount(labels[n], values[n], base, spike, len(history)))
    return Series(key, label, kind, tuple(out))


def trends(database: Database, weeks: int = 12, until: datetime | None = None,
           language: str = "nl") -> list[Series]:
    """Theme series then actor series over the last `weeks` weeks (up to the week of `until`)."""
    end = week_of(until or utcnow())
    span = previous_weeks(*end, weeks + TRAILING_WEEKS)
    start, _ = week_bounds(*span[0])
    _, stop = week_bounds(*span[-1])
    bounds = (format_utc(start), format_utc(stop))
    theme_counts = _weekly(
        database,
        f"SELECT t.theme_key, COALESCE(i.story_id, -i.id), i.published FROM item_themes t JOIN items i"
        f" ON i.id = t.item_id WHERE {EFFECTIVE_THEME_SQL} AND i.published >= ? AND i.published < ?"
        f" AND i.state != 'dismissed'", bounds)
    actor_counts = _weekly(
        database,
        "SELECT m.actor_id, COALESCE(i.story_id, -i.id), i.published FROM actor_mentions m JOIN items i"
        " ON i.id = m.item_id WHERE i.published >= ? AND i.published < ? AND i.state != 'dismissed'", bounds)
    active = set(_weekly(database, "SELECT 'all', i.id, i.published FROM items i WHERE i.published >= ?"
                                   " AND i.published < ?", bounds).get("all", {}))  # weeks with any items
    series = [_series("theme", t.key, t.label(language), theme_counts.get(t.key, {}), span, weeks, active)
              for t in list_themes(database)]
    series += [_series("actor", str(a.id), a.name, actor_counts.get(str(a.id), {}), span, weeks, active)
               for a in list_actors(database) if str(a.id) in actor_counts]
    return series
