"""Sources: adding, listing, editing, removing, and recording the health of each fetch."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from store.core.errors import StoreError
from store.core.ids import as_id
from store.core.models import SOURCE_KINDS, Source
from store.core.timeutil import format_utc, now_iso, parse_stored
from store.db.connection import Database


class SourceNotFoundError(StoreError):
    def __init__(self, ref: str) -> None:
        super().__init__(f"No source with id or name '{ref}'. See 'horizonscan sources list'.")


EDITABLE = {"name", "folder", "enabled", "fulltext", "theme_hints", "query", "selector", "interval_minutes",
            "url", "site_url", "topic_filter", "indicator"}


def _row_to_source(r: sqlite3.Row) -> Source:
    return Source(
        id=r["id"], name=r["name"], kind=r["kind"], url=r["url"], folder=r["folder"] or "",
        enabled=bool(r["enabled"]), fulltext=bool(r["fulltext"]),
        theme_hints=tuple(json.loads(r["theme_hints"] or "[]")), query=r["query"], selector=r["selector"],
        site_url=r["site_url"], interval_minutes=r["interval_minutes"] or 60, etag=r["etag"],
        last_modified=r["last_modified"], last_checked=parse_stored(r["last_checked"]),
        last_success=parse_stored(r["last_success"]), last_status=r["last_status"] or "never",
        last_error_code=r["last_error_code"], last_error_params=json.loads(r["last_error_params"] or "{}"),
        last_warning_code=r["last_warning_code"], last_warning_params=json.loads(r["last_warning_params"] or "{}"),
        consecutive_failures=r["consecutive_failures"] or 0, next_due=parse_stored(r["next_due"]),
        items=r["item_count"] or 0, indicator=json.loads(r["indicator"] or "{}"),
        topic_filter=bool(r["topic_filter"]), filtered=r["filtered_count"] or 0,
    )


_SELECT = (
    "SELECT s.*, (SELECT COUNT(*) FROM item_sources x WHERE x.source_id = s.id) AS item_count,"
    " (SELECT COUNT(*) FROM filtered_entries f WHERE f.source_id = s.id) AS filtered_count FROM sources s"
)


def list_sources(database: Database, include_local: bool = False) -> list[Source]:
    """Sources the user manages (feeds, searches, pages), by folder and name.

    `include_local` adds the pseudo-sources of imports and the example corpus.
    """
    kinds = "" if include_local else f" AND s.kind IN ({','.join('?' * len(SOURCE_KINDS))})"
    rows = database.query(
        f"{_SELECT} WHERE s.removed = 0{kinds} ORDER BY s.folder, lower(s.name)",
        () if include_local else SOURCE_KINDS,
    )
    return [_row_to_source(r) for r in rows]


def get_source(database: Database, ref: int | str) -> Source:
    """A source by id or (case-insensitive) name; raises SourceNotFoundError."""
    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        row = database.query_one(f"{_SELECT} WHERE s.id = ? AND s.removed = 0", (as_id(text) or 0,))
    else:
        row = database.query_one(f"{_SELECT} WHERE lower(s.name) = lower(?) AND s.removed = 0", (text,))
    if row is None:
        raise SourceNotFoundError(text)
    return _row_to_source(row)


@dataclass(frozen=True)
class AddedSource:
    source: Source
    existed: bool  # the same kind and URL was already there (and is now active again)


def add_source(
    database: Database, name: str, kind: str, url: str, *, query: str | None = None,
    selector: str | None = None, folder: str = "", theme_hints: Iterable[str] = (), fulltext: bool = True,
    interval_minutes: int = 60, site_url: str | None = None, topic_filter: bool = False,
    indicator: dict | None = None,
) -> AddedSource:
    """Add a source; adding one that exists (same kind and URL) re-activates it instead."""
    if kind not in SOURCE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(SOURCE_KINDS)}")
    hints = json.dumps(sorted(set(theme_hints)))
    with database.write("sources") as conn:
        row = conn.execute("SELECT id, removed FROM sources WHERE kind = ? AND url = ?", (kind, url)).fetchone()
        if row:
            conn.execute("UPDATE sources SET removed = 0, enabled = 1 WHERE id = ?", (row[0],))
            return AddedSource(get_source(database, row[0]), existed=not row[1])
        cur = conn.execute(
            "INSERT INTO sources (name, kind, url, folder, enabled, fulltext, theme_hints, created, query,"
            " selector, site_url, interval_minutes, last_status, topic_filter, indicator)"
            " VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'never', ?, ?)",
            (name.strip() or url, kind, url, folder, int(fulltext), hints, now_iso(), query, selector, site_url,
             interval_minutes, int(topic_filter), json.dumps(indicator) if indicator else None),
        )
        source_id = int(cur.lastrowid or 0)
    return AddedSource(get_source(database, source_id), existed=False)


def update_source(database: Database, source_id: int, **fields: object) -> Source:
    """Change editable settings (name, folder, enabled, fulltext, theme_hints, selector, ...)."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    if "theme_hints" in fields:
        fields["theme_hints"] = json.dumps(sorted(set(fields["theme_hints"])))  # type: ignore[call-overload]
    if "indicator" in fields:
        fields["indicator"] = json.dumps(fields["indicator"]) if fields["indicator"] else None
    flags = ("enabled", "fulltext", "topic_filter")
    if any(flag in fields for flag in flags):
        fields = {k: int(v) if k in flags else v for k, v in fields.items()}  # type: ignore[call-overload]
    if fields:
        assignments = ", ".join(f"{k} = ?" for k in fields)
        with database.write("sources") as conn:
            conn.execute(f"UPDATE sources SET {assignments} WHERE id = ?", (*fields.values(), source_id))
    return get_source(database, source_id)


def remove_source(database: Database, source_id: int) -> int:
    """Remove a source from the list; its items stay (with tags and notes). Returns their number."""
    source = get_source(database, source_id)
    with database.write("sources") as conn:
        conn.execute("UPDATE sources SET removed = 1, enabled = 0 WHERE id = ?", (source_id,))
    return source.items


def record_health(
    database: Database, source_id: int, *, status: str, checked: datetime, next_due: datetime,
    etag: str | None = None, last_modified: str | None = None, error_code: str | None = None,
    error_params: dict | None = None, warning_code: str | None = None, warning_params: dict | None = None,
    success: bool = False, name: str | None = None, site_url: str | None = None,
) -> None:
    """Store the outcome of one fetch. A failure keeps the last ETag and success date."""
    with database.write("sources") as conn:
        if success:
            conn.execute(
                "UPDATE sources SET last_status = ?, last_checked = ?, last_success = ?, next_due = ?,"
                " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), consecutive_failures = 0,"
                " last_error_code = NULL, last_error_params = NULL, last_warning_code = ?,"
                " last_warning_params = ?, site_url = COALESCE(site_url, ?) WHERE id = ?",
                (status, format_utc(checked), format_utc(checked), format_utc(next_due), etag, last_modified,
                 warning_code, json.dumps(warning_params or {}) if warning_code else None, site_url, source_id),
            )
            if name:
                conn.execute("UPDATE sources SET name = ? WHERE id = ? AND (name = url OR name = '')",
                             (name, source_id))
        else:
            conn.execute(
                "UPDATE sources SET last_status = 'failing', last_checked = ?, next_due = ?,"
                " consecutive_failures = consecutive_failures + 1, last_error_code = ?, last_error_params = ?"
                " WHERE id = ?",
                (format_utc(checked), format_utc(next_due), error_code, json.dumps(error_params or {}), source_id),
            )


def known_urls(database: Database, canonical_urls: Iterable[str]) -> set[str]:
    """Which of these canonical URLs are already stored."""
    urls = list(canonical_urls)
    found: set[str] = set()
    for start in range(0, len(urls), 900):
        chunk = urls[start : start + 900]
        rows = database.query(
            f"SELECT canonical_url FROM items WHERE canonical_url IN ({','.join('?' * len(chunk))})", tuple(chunk)
        )
        found.update(r[0] for r in rows)
    return found
