"""Edits by several people on one team database: per-person triage, and text edits (notes, digest items)
that never overwrite someone else's newer text without saying so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from store.core.changes import Changes
from store.core.errors import StoreError
from store.core.timeutil import now_iso
from store.team.live import announce

MARKS = {"read": ("read", None), "unread": ("new", None), "dismiss": ("dismissed", None),
         "star": ("read", 1), "unstar": (None, 0)}


class EditConflictError(StoreError):
    """Someone else saved a newer version of the text; theirs is kept, yours is returned to try again."""

    def __init__(self, theirs: str, by: str | None, when: str | None, yours: str) -> None:
        self.theirs, self.by, self.when, self.yours = theirs, by, when, yours
        super().__init__(f"{by or 'Someone'} changed this note at {when}; your text was not saved over theirs.")


@dataclass(frozen=True)
class NoteVersion:
    body: str
    author: str | None
    updated: str | None
    version: int = 0  # raised by every save: what an edit is based on


def mark(conn: Any, person: str, item_id: int, what: str) -> None:
    """Triage for one person only: read, unread, dismiss, star, unstar (starring marks read)."""
    state, starred = MARKS[what]
    conn.execute(
        "INSERT INTO item_state (person, item_id, state, starred, updated) VALUES (%s, %s, %s, %s, %s)"
        " ON CONFLICT (person, item_id) DO UPDATE SET state = coalesce(%s, item_state.state),"
        " starred = coalesce(%s, item_state.starred), updated = excluded.updated",
        (person, item_id, state or "new", starred or 0, now_iso(), state, starred))
    announce(conn, Changes.of(["items"], [item_id]), person)
    conn.commit()


def state_of(conn: Any, person: str, item_id: int) -> tuple[str, bool]:
    row = conn.execute("SELECT state, starred FROM item_state WHERE person = %s AND item_id = %s",
                       (person, item_id)).fetchone()
    return (row[0], bool(row[1])) if row else ("new", False)


def note_of(conn: Any, item_id: int) -> NoteVersion:
    row = conn.execute("SELECT body, author, updated, version FROM notes WHERE item_id = %s", (item_id,)).fetchone()
    return NoteVersion(*row) if row else NoteVersion("", None, None, 0)


def save_note(conn: Any, person: str, item_id: int, body: str, based_on: int) -> NoteVersion:
    """Save the note if nobody saved another since version `based_on` (the one the person started from);
    raises EditConflictError with both texts otherwise (nothing is overwritten)."""
    current = conn.execute("SELECT body, author, updated, version FROM notes WHERE item_id = %s FOR UPDATE",
                           (item_id,)).fetchone()
    version = int(current[3]) if current else 0
    if current and version != based_on and current[0] != body:
        conn.rollback()
        raise EditConflictError(current[0], current[1], current[2], body)
    now = now_iso()
    conn.execute("INSERT INTO notes (item_id, body, created, updated, author, version) VALUES (%s, %s, %s, %s, %s, 1)"
                 " ON CONFLICT (item_id) DO UPDATE SET body = excluded.body, updated = excluded.updated,"
                 " author = excluded.author, version = notes.version + 1", (item_id, body, now, now, person))
    announce(conn, Changes.of(["items"], [item_id]), person)
    conn.commit()
    return NoteVersion(body, person, now, version + 1)
