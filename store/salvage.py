"""Copy what can still be read from a damaged database into a new one (`doctor --salvage`).

Every table is read in row-id ranges; a range that hits a damaged page is split until the bad rows
are isolated and skipped, so each readable row is kept. The keyword index is rebuilt from the items
(it is derived); vectors are copied like any table. The damaged file is kept beside the new one.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from store.core.progress import ProgressCallback, report
from store.core.timeutil import local_now
from store.db.connection import Database
from store.db.migrations import migrate

RANGE = 512  # rows per read; halved around damage down to single rows
DERIVED = ("items_fts",)  # rebuilt, never copied


@dataclass
class SalvageReport:
    copied: dict[str, int] = field(default_factory=dict)  # table -> rows kept
    lost: dict[str, int] = field(default_factory=dict)  # table -> rows (or row-id ranges) that could not be read
    unreadable_tables: list[str] = field(default_factory=list)
    damaged_copy: Path | None = None  # where the damaged file now is

    @property
    def rows(self) -> int:
        return sum(self.copied.values())


def salvage(db_path: Path, progress: ProgressCallback | None = None) -> SalvageReport:
    """Replace the damaged database at `db_path` by a new one holding every row that can be read.
    Raises ValueError (with what to do) if nothing at all can be read."""
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = _tables(source)
    except sqlite3.DatabaseError as exc:
        source.close()
        raise ValueError(f"Nothing can be read from {db_path} ({exc}): the start of the file, which lists its "
                         "tables, is destroyed. Restore a backup ('horizonscan restore FILE').") from exc
    target_path = db_path.with_name(f"{db_path.stem}.salvaging{db_path.suffix}")
    target_path.unlink(missing_ok=True)
    target = Database(target_path)
    result = SalvageReport()
    try:
        migrate(target)
        target.conn.execute("PRAGMA foreign_keys = OFF")  # rows whose parent was lost are kept all the same
        wanted = [t for t in _tables(target.conn) if t in tables and not t.startswith(DERIVED)]
        for number, table in enumerate(wanted, start=1):
            _copy_table(source, target, table, result)
            report(progress, "salvaging", number, len(wanted))
        _rebuild_keyword_index(target)
    finally:
        source.close()
        target.close()
    result.damaged_copy = db_path.with_name(f"{db_path.name}.damaged-{local_now():%Y%m%d-%H%M%S}")
    shutil.move(str(db_path), str(result.damaged_copy))
    for suffix in ("-wal", "-shm"):  # the damaged file's journal belongs to it, not to the new one
        journal = db_path.with_name(db_path.name + suffix)
        if journal.exists():
            shutil.move(str(journal), str(result.damaged_copy) + suffix)
    shutil.move(str(target_path), str(db_path))
    return result


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]


def _copy_table(source: sqlite3.Connection, target: Database, table: str, result: SalvageReport) -> None:
    try:
        columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
        target_columns = {r[1] for r in target.conn.execute(f'PRAGMA table_info("{table}")')}
        keep = [c for c in columns if c in target_columns]
        bounds = source.execute(f'SELECT MIN(rowid), MAX(rowid) FROM "{table}"').fetchone()
    except sqlite3.DatabaseError:
        bounds, keep = _bounds_by_probing(source, table), []
        if bounds is None:
            result.unreadable_tables.append(table)
            return
        keep = [r[1] for r in target.conn.execute(f'PRAGMA table_info("{table}")')]
    if not bounds or bounds[0] is None:
        result.copied[table] = 0
        return
    names = ", ".join(f'"{c}"' for c in keep)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(keep))})'
    copied = lost = 0
    for rows, bad in _readable_rows(source, f'SELECT {names} FROM "{table}" WHERE rowid BETWEEN ? AND ?',
                                    bounds[0], bounds[1]):
        lost += bad
        if rows:
            with target.write("schema") as conn:
                conn.executemany(insert, rows)
            copied += len(rows)
    result.copied[table] = copied
    if lost:
        result.lost[table] = lost


def _readable_rows(source: sqlite3.Connection, sql: str, low: int, high: int) -> Iterator[tuple[list, int]]:
    """(rows, unreadable row ids) per row-id range, splitting ranges that fail until single ids."""
    stack = [(start, min(start + RANGE - 1, high)) for start in range(low, high + 1, RANGE)][::-1]
    while stack:
        a, b = stack.pop()
        try:
            yield source.execute(sql, (a, b)).fetchall(), 0
        except sqlite3.DatabaseError:
            if a == b:
                yield [], 1
            else:
                middle = (a + b) // 2
                stack += [(middle + 1, b), (a, middle)]


def _bounds_by_probing(source: sqlite3.Connection, table: str) -> tuple[int, int] | None:
    """Row-id bounds when MIN/MAX themselves fail: the first and last id that can be read, if any."""
    for order in ("ASC", "DESC"):
        try:
            source.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid {order} LIMIT 1').fetchone()
        except sqlite3.DatabaseError:
            return None
    low = source.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid ASC LIMIT 1').fetchone()
    high = source.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid DESC LIMIT 1').fetchone()
    return (low[0], high[0]) if low and high else None


def _rebuild_keyword_index(target: Database) -> None:
    from store.items.fts import index_item, trim_recent

    rows = target.query("SELECT id, title, summary, full_text, language FROM items")
    with target.write("items") as conn:
        conn.execute("DELETE FROM items_fts")
        conn.execute("DELETE FROM items_fts_recent")
        for r in rows:
            index_item(conn, r["id"], r["title"] or "", f"{r['summary'] or ''}\n{r['full_text'] or ''}", r["language"])
        trim_recent(conn)
