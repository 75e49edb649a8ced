"""The ingestion API: add items idempotently (same canonical URL or guid = same item)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice

from store.db import Database
from store.fts import index_item
from store.language import detect_language
from store.models import IngestResult, NewItem
from store.progress import Cancelled, ProgressCallback, check_cancel, report
from store.text import content_hash
from store.timeutil import format_utc, now_iso
from store.urls import canonical_url
from store.vectors import VectorStore

BATCH = 64


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


def _find_existing(conn: sqlite3.Connection, canonical: str, guid: str | None) -> tuple | None:
    columns = "id, title, summary, full_text, published, published_estimated, content_hash"
    row = conn.execute(f"SELECT {columns} FROM items WHERE canonical_url = ?", (canonical,)).fetchone()
    if row is None and guid:
        row = conn.execute(f"SELECT {columns} FROM items WHERE guid = ? LIMIT 1", (guid,)).fetchone()
    return row


def _write_one(conn: sqlite3.Connection, item: NewItem, now: str) -> tuple[str, int]:
    """Insert or update one item; return ("added"|"updated"|"unchanged", id)."""
    canonical = item.canonical_url or canonical_url(item.url)
    title = " ".join(item.title.split())
    text = item.text.strip()
    summary = item.summary.strip()
    language = (item.language or "").lower()[:8] or detect_language(f"{title}. {summary} {text[:1200]}")
    published = format_utc(item.published) if item.published else now
    estimated = 0 if item.published else 1
    chash = content_hash(title, text or summary)
    existing = _find_existing(conn, canonical, item.guid)
    if existing is None:
        source_id = item.source_id
        if source_id is None and item.source:
            source_id = source_id_for(conn, item.source, "example" if item.is_example else "import")
        cur = conn.execute(
            "INSERT INTO items (url, canonical_url, guid, title, summary, full_text, published,"
            " published_estimated, fetched, language, source_id, content_hash, state, starred, is_example,"
            " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 0, ?, ?, ?)",
            (item.url.strip(), canonical, item.guid, title, summary, text, published, estimated, now,
             language, source_id, chash, int(item.is_example), now, now),
        )
        item_id = int(cur.lastrowid or 0)
        index_item(conn, item_id, title, f"{summary}\n{text}", language)
        return "added", item_id
    item_id = int(existing[0])
    old_published, old_estimated = existing[4], existing[5]
    new_published = published if (item.published and (old_estimated or published != old_published)) else old_published
    changed = (title, summary or existing[2], text or existing[3]) != (existing[1], existing[2], existing[3])
    if not changed and new_published == old_published:
        return "unchanged", item_id
    conn.execute(
        "UPDATE items SET title = ?, summary = ?, full_text = ?, published = ?, published_estimated = ?,"
        " content_hash = ?, updated = ? WHERE id = ?",
        (title, summary or existing[2], text or existing[3], new_published,
         0 if item.published else old_estimated, chash, now, item_id),
    )
    if changed:
        index_item(conn, item_id, title, f"{summary or existing[2]}\n{text or existing[3]}", language)
    return ("updated" if changed else "unchanged"), item_id


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
                to_embed = _write_batch(database, batch, result)
                if embedding is not None:
                    embedding.result()
                    embedding = None
                if vectors is not None and to_embed:
                    embedding = executor.submit(vectors.embed_items, to_embed)
                done += len(batch)
                report(progress, "importing", done, total, f"{result.added} new")
        except Cancelled:
            result.cancelled = True
        finally:
            if embedding is not None:
                embedding.result()
    return result


def _write_batch(database: Database, batch: list[NewItem], result: IngestResult) -> list[int]:
    """Write one batch in one transaction; return the ids that need (re-)embedding."""
    now = now_iso()
    to_embed: list[int] = []
    with database.write() as conn:
        for item in batch:
            outcome, item_id = _write_one(conn, item, now)
            if outcome == "added":
                result.added += 1
                result.added_ids.append(item_id)
                to_embed.append(item_id)
            elif outcome == "updated":
                result.updated += 1
                result.updated_ids.append(item_id)
                to_embed.append(item_id)
            else:
                result.unchanged += 1
    return to_embed
