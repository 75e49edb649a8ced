"""Text that several people edit (notes, digest items): an edit names the version it started from, and a
save over someone else's newer text is refused with both texts, so no edit is lost without a warning."""

from __future__ import annotations

from typing import Any

from store.core.errors import EditConflictError


def check_version(conn: Any, table: str, where: str, params: tuple, column: str, yours: str,
                  based_on: int | None, person: str) -> None:
    """Inside the write (the row locked): raise EditConflictError if someone other than `person` saved the text
    since version `based_on` and it differs from `yours`. Without `based_on` there is nothing to check."""
    if based_on is None:
        return
    row = conn.execute(f"SELECT {column}, version, {_by(table)} FROM {table} WHERE {where} FOR UPDATE",
                       params).fetchone()
    if (row is not None and int(row[1] or 0) != based_on and row[2] != person
            and (row[0] or "").strip() != yours.strip()):
        raise EditConflictError(row[0] or "", row[2], row[3], yours, int(row[1] or 0))


def version_of(conn: Any, table: str, where: str, params: tuple) -> int:
    """The text's version after a save (what the next edit is based on)."""
    row = conn.execute(f"SELECT version FROM {table} WHERE {where}", params).fetchone()
    return int(row[0] or 0) if row else 0


def _by(table: str) -> str:
    return "author, updated" if table == "notes" else "edited_by, edited"
