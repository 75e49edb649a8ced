"""The ingestion API: add items idempotently (same canonical URL, guid or text = same item)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING

from store.core.models import IngestResult, NewItem
from store.core.progress import Cancelled, ProgressCallback, check_cancel, report
from store.core.text import content_hash
from store.core.timeutil import format_utc, now_iso, sane_datetime
from store.core.urls import canonical_url
from store.db.connection import Database
from store.items.fts import add_terms, index_item, remember_terms, trim_recent
from store.items.language import detect_language
from store.items.pending import mark_pending

if TYPE_CHECKING:
    from store.vectors.vector_store import VectorStore

BATCH = 64
MIN_HASHED_TEXT = 200  # shorter texts are too generic to call two items the same
_COLUMNS = "id, title, summary, full_text, published, published_estimated, content_html, fulltext_status"


def _batches(items: Iterable[NewItem], size: int) -> Iterator[list[NewItem]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def source_id_for(conn: sqlite3.Connection, name: str, kind: str = "import") -> int:
    """The id of the source with this name, created (as `kind`) if it does not exist."""
    row = conn.execute("SELECT id FROM sources WHERE lower(name) = lower(?) ORDER BY id LIMIT 1", (name,)).fetchone()
    if row:
        return int(row[0])
    cur = conn.execute(
        "INSERT INTO sources (name, kind, url, folder, enabled, fulltext, theme_hints, created)"
        " VALUES (?, ?, NULL, '', 1, 0, '[]', ?)",
        (name, kind, now_iso()),
    )
    return int(cur.lastrowid or 0)


def storable_outlet(name: str | None) -> str | None:
    """A publisher's name as stored: one line, at most 120 characters, or None."""
    cleaned = " ".join((name or "").split())[:120]
    return cleaned or None


def _find_existing(conn: sqlite3.Connection, canonical: str, guid: str | None,
                   chash: str, text_length: int) -> tuple[tuple | None, bool]:
    """The stored row for this item, and whether it was found by its text alone."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM items WHERE canonical_url = ?", (canonical,)).fetchone()
    if row is None and guid:
        row = conn.execute(f"SELECT {_COLUMNS} FROM items WHERE guid = ? LIMIT 1", (guid,)).fetchone()
    if row is None and text_length >= MIN_HASHED_TEXT:
        row = conn.execute(f"SELECT {_COLUMNS} FROM items WHERE content_hash = ? LIMIT 1", (chash,)).fetchone()
        return row, row is not None
    return row, False


def _record_sighting(conn: sqlite3.Connection, item_id: int, source_id: int | None, url: str, now: str) -> None:
    if source_id is not None:
        conn.execute("INSERT OR IGNORE INTO item_sources (item_id, source_id, url, first_seen) VALUES (?, ?, ?, ?)",
                     (item_id, source_id, url, now))


def _write_one(conn: sqlite3.Connection, item: NewItem, now: str, terms: set[str]) -> tuple[str, int]:
    """Insert or update one item; return ("added"|"updated"|"unchanged"|"duplicate", id). The words it
    indexes are added to `terms`."""
    canonical = item.canonical_url or canonical_url(item.url)
    title = " ".join(item.title.split())
    text = item.text.strip()
    summary = item.summary.strip()
    when = sane_datetime(item.published)  # an absurd date (year 1, year 9999) counts as none
    published = format_utc(when) if when else now
    chash = content_hash(title, text or summary)
    source_id = item.source_id
    if source_id is None and item.source:
        source_id = source_id_for(conn, item.source, "example" if item.is_example else "import")
    existing, by_text = _find_existing(conn, canonical, item.guid, chash, len(text or summary))
    if existing is None:
        language = (item.language or "").lower()[:8] or detect_language(f"{title}. {summary} {text[:1200]}")
        cur = conn.execute(
            "INSERT INTO items (url, canonical_url, guid, title, summary, full_text, published,"
            " published_estimated, fetched, language, source_id, content_hash, state, starred, is_example,"
            " created, updated, content_html, fulltext_status, outlet)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 0, ?, ?, ?, ?, ?, ?)",
            (item.url.strip(), canonical, item.guid, title, summary, text, published, 0 if when else 1,
             now, language, source_id, chash, int(item.is_example), now, now, item.content_html,
             item.fulltext_status, storable_outlet(item.outlet)),
        )
        item_id = int(cur.lastrowid or 0)
        index_item(conn, item_id, title, f"{summary}\n{text}", language, terms)
        _record_sighting(conn, item_id, source_id, item.url.strip(), now)
        return "added", item_id
    item_id = int(existing[0])
    _record_sighting(conn, item_id, source_id, item.url.strip(), now)
    if by_text:
        return "duplicate", item_id
    return _update_existing(conn, existing, item, title, summary, text, published, now, when is not None,
                            terms), item_id


def _update_existing(conn: sqlite3.Connection, existing: tuple, item: NewItem, title: str, summary: str,
                     text: str, published: str, now: str, dated: bool, terms: set[str]) -> str:
    """Refresh a stored item with newer content; never replace good text with less."""
    item_id, old_title, old_summary, old_text, old_published, old_estimated, old_html, old_status = existing
    new_summary = summary or old_summary
    keep_old = old_status == "ok" and item.fulltext_status != "ok"  # a feed summary never replaces an article
    new_text = old_text if keep_old or not text else text
    new_html = item.content_html or old_html
    new_status = "ok" if "ok" in (item.fulltext_status, old_status) else item.fulltext_status or old_status
    new_published = published if dated and (old_estimated or published != old_published) else old_published
    changed = (title, new_summary, new_text) != (old_title, old_summary, old_text)
    if not changed and new_published == old_published and (new_html, new_status) == (old_html, old_status):
        return "unchanged"
    conn.execute(
        "UPDATE items SET title = ?, summary = ?, full_text = ?, published = ?, published_estimated = ?,"
        " content_hash = ?, content_html = ?, fulltext_status = ?, updated = ? WHERE id = ?",
        (title, new_summary, new_text, new_published, 0 if dated else old_estimated,
         content_hash(title, new_text or new_summary), new_html, new_status, now, item_id),
    )
    if changed:
        language = conn.execute("SELECT language FROM items WHERE id = ?", (item_id,)).fetchone()[0]
        index_item(conn, item_id, title, f"{new_summary}\n{new_text}", language, terms)
        return "updated"
    return "unchanged"


def ingest(
    database: Database,
    vectors: VectorStore | None,
    items: Iterable[NewItem],
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    total: int | None = None,
) -> IngestResult:
    """Store items batch by batch (each batch one transaction), embedding them as they go.

    Batch n is embedded on a helper thread while batch n+1 is written, so the CPU
    work of both overlaps. Cancelling stops before the next batch; everything
    committed so far stays (and is embedded). With `vectors` None, embedding is
    left for later (VectorStore.ensure_ready).
    """
    result = IngestResult()
    done = 0
    embedding: Future | None = None
    with ThreadPoolExecutor(1, thread_name_prefix="ingest-embed") as executor:
        try:
            for batch in _batches(items, BATCH):
                check_cancel(cancel)
                added, updated = _write_batch(database, batch, result)
                if embedding is not None:
                    embedding.result()
                    embedding = None
                if vectors is not None and (added or updated):
                    embedding = executor.submit(vectors.embed_items, added + updated)
                done += len(batch)
                report(progress, "importing", done, total, result.added)
        except Cancelled:
            result.cancelled = True
        finally:
            if embedding is not None:
                embedding.result()
    return result


# what a malformed record raises while it is written (a value out of range, text that cannot be encoded);
# not errors of the disk or the database, which stop the import
BAD_RECORD = (ValueError, OverflowError, UnicodeError, TypeError, sqlite3.IntegrityError)


def _tally(outcomes: list[tuple[str, int]], result: IngestResult) -> None:
    result.duplicates += sum(1 for outcome, _ in outcomes if outcome == "duplicate")
    result.unchanged += sum(1 for outcome, _ in outcomes if outcome == "unchanged")


def _write_batch(database: Database, batch: list[NewItem], result: IngestResult) -> tuple[list[int], list[int]]:
    """Write one batch in one transaction; return the ids added and updated (to be embedded)."""
    now = now_iso()
    try:
        terms: set[str] = set()
        with database.write("items") as conn:
            outcomes = [_write_one(conn, item, now, terms) for item in batch]
            added = [i for outcome, i in outcomes if outcome == "added"]
            updated = [i for outcome, i in outcomes if outcome == "updated"]
            mark_pending(conn, added, updated)  # with the items: a killed run leaves its automation to finish
            stored_terms = add_terms(database, conn, terms)
            trim_recent(conn)
        remember_terms(database, stored_terms)  # once committed
    except BAD_RECORD as exc:  # one bad record must not cost the others: store them one by one
        if len(batch) == 1:
            result.rejected.append((batch[0].url, f"{type(exc).__name__}: {exc}"))
            return [], []
        added, updated = [], []
        for item in batch:
            one_added, one_updated = _write_batch(database, [item], result)
            added += one_added
            updated += one_updated
        return added, updated
    _tally(outcomes, result)
    result.added += len(added)
    result.added_ids += added
    result.updated += len(updated)
    result.updated_ids += updated
    return added, updated
