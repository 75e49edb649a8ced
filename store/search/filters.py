"""Turn SearchFilters into an SQL condition on items aliased `i`."""

from __future__ import annotations

from store.core.ids import as_id
from store.core.models import FILTER_STATES, SearchFilters
from store.core.timeutil import format_utc
from store.db.connection import NO_FILTER
from store.themes.registry import ACTIVE_THEME_SQL


def filter_sql(filters: SearchFilters | None) -> tuple[str, list]:
    """Return (condition, params); the condition is NO_FILTER when nothing is filtered.

    Values inside one filter are alternatives (OR); different filters combine with AND.
    """
    if filters is None or filters.is_empty():
        return NO_FILTER, []
    clauses: list[str] = []
    params: list = []
    if filters.themes:
        marks = ",".join("?" * len(filters.themes))
        clauses.append(
            f"EXISTS (SELECT 1 FROM item_themes t WHERE t.item_id = i.id AND t.theme_key IN ({marks})"
            f" AND {ACTIVE_THEME_SQL})"
        )
        params += [k.lower() for k in filters.themes]
    if filters.sources:
        ids = [i for i in (as_id(s) for s in filters.sources) if i is not None]
        names = [str(s).lower() for s in filters.sources if as_id(s) is None]
        parts = []
        if ids:
            parts.append(f"i.source_id IN ({','.join('?' * len(ids))})")
            params += ids
        if names:
            parts.append(
                f"i.source_id IN (SELECT id FROM sources WHERE lower(name) IN ({','.join('?' * len(names))}))"
            )
            params += names
        clauses.append("(" + " OR ".join(parts) + ")")
    if filters.since:
        clauses.append("i.published >= ?")
        params.append(format_utc(filters.since))
    if filters.until:
        clauses.append("i.published < ?")
        params.append(format_utc(filters.until))
    if filters.languages:
        clauses.append(f"i.language IN ({','.join('?' * len(filters.languages))})")
        params += [lang.lower() for lang in filters.languages]
    if filters.states:
        parts = []
        for state in filters.states:
            if state not in FILTER_STATES:
                raise ValueError(f"Unknown state '{state}'. Use one of: {', '.join(FILTER_STATES)}.")
            parts.append("i.starred = 1" if state == "starred" else "i.state = ?")
            if state != "starred":
                params.append(state)
        clauses.append("(" + " OR ".join(parts) + ")")
    return " AND ".join(clauses) or NO_FILTER, params
