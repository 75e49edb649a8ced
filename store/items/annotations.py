"""What users add to items: free tags, the "what does this mean for Brabant" note, read/star/dismiss."""

from __future__ import annotations

from collections.abc import Iterable

from store.core.errors import StoreError
from store.core.models import STATES
from store.core.timeutil import now_iso
from store.db.connection import Database

MAX_TAG_LENGTH = 60


def _clean_tag(name: str) -> str:
    tag = " ".join(name.split()).strip(" #,")
    if not tag:
        raise StoreError("A tag cannot be empty.")
    if len(tag) > MAX_TAG_LENGTH:
        raise StoreError(f"A tag can be at most {MAX_TAG_LENGTH} characters.")
    return tag


def add_tags(database: Database, item_ids: Iterable[int], names: Iterable[str]) -> list[str]:
    """Attach free tags (created when new, matched case-insensitively); returns the tags as stored."""
    tags = [_clean_tag(n) for n in names]
    ids = list(item_ids)
    stored: list[str] = []
    with database.write("items", items=ids) as conn:
        for tag in tags:
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (tag,))
            tag_id, name = conn.execute("SELECT id, name FROM tags WHERE name = ? COLLATE NOCASE", (tag,)).fetchone()
            stored.append(name)
            conn.executemany("INSERT OR IGNORE INTO item_tags (item_id, tag_id) VALUES (?, ?)",
                             [(i, tag_id) for i in ids])
    return stored


def remove_tags(database: Database, item_ids: Iterable[int], names: Iterable[str]) -> None:
    ids = list(item_ids)
    with database.write("items", items=ids) as conn:
        for name in names:
            row = conn.execute("SELECT id FROM tags WHERE name = ? COLLATE NOCASE", (name.strip(),)).fetchone()
            if row:
                conn.executemany("DELETE FROM item_tags WHERE item_id = ? AND tag_id = ?", [(i, row[0]) for i in ids])


def tag_counts(database: Database) -> list[tuple[str, int]]:
    """Every tag in use with its number of items, most used first."""
    rows = database.query(
        "SELECT t.name, COUNT(it.item_id) AS n FROM tags t JOIN item_tags it ON it.tag_id = t.id"
        " GROUP BY t.id ORDER BY n DESC, lower(t.name)")
    return [(r[0], r[1]) for r in rows]


def set_note(database: Database, item_id: int, body: str, based_on: int | None = None) -> int:
    """Save (or clear, with an empty body) the so-what note of an item. Team mode: `based_on` is the version
    the edit started from (Item.note_version); a newer note by someone else raises EditConflictError.
    Returns the note's version now (0 in local mode), what the next edit is based on."""
    now = now_iso()
    team = database.dialect == "postgres"
    with database.write("items", items=[item_id]) as conn:
        if team:
            from store.team.edits import check_version

            check_version(conn, "notes", "item_id = ?", (item_id,), "body", body, based_on,
                          database.person or "")
        if body.strip():
            conn.execute(
                "INSERT INTO notes (item_id, body, created, updated) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(item_id) DO UPDATE SET body = excluded.body, updated = excluded.updated",
                (item_id, body.strip(), now, now))
        else:
            conn.execute("DELETE FROM notes WHERE item_id = ?", (item_id,))
        if team:
            from store.team.edits import version_of

            return version_of(conn, "notes", "item_id = ?", (item_id,))
    return 0


def set_state(database: Database, item_ids: Iterable[int], state: str) -> None:
    """Mark items new, read or dismissed."""
    if state not in STATES:
        raise StoreError(f"Unknown state '{state}'. Use one of: {', '.join(STATES)}.")
    ids = list(item_ids)
    with database.write("items", items=ids) as conn:
        conn.executemany("UPDATE items SET state = ?, updated = ? WHERE id = ?",
                         [(state, now_iso(), i) for i in ids])


def mark_read(database: Database, item_ids: Iterable[int]) -> list[int]:
    """Mark these items and the other reports of their stories read ("mark all as read" on a list that
    shows a story once); returns the ids that were new, to undo with set_state(ids, "new")."""
    ids = list(dict.fromkeys(item_ids))
    changed: list[int] = []
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        changed += [r[0] for r in database.query(
            f"SELECT id FROM items WHERE state = 'new' AND (id IN ({marks}) OR story_id IN"
            f" (SELECT story_id FROM items WHERE id IN ({marks}) AND story_id IS NOT NULL))", (*chunk, *chunk))]
    if changed:
        set_state(database, changed, "read")
    return changed


def set_starred(database: Database, item_ids: Iterable[int], starred: bool) -> None:
    """Star or unstar items; starring also marks them read."""
    ids = list(item_ids)
    with database.write("items", items=ids) as conn:
        for item_id in ids:
            conn.execute("UPDATE items SET starred = ?, updated = ? WHERE id = ?", (int(starred), now_iso(), item_id))
            if starred:
                conn.execute("UPDATE items SET state = 'read' WHERE id = ? AND state = 'new'", (item_id,))
