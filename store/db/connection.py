"""Opening the SQLite database: pragmas, short write transactions, a lock per process."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from store.core.errors import DatabaseBusyError, DataDirError

BUSY_TIMEOUT_MS = 5000


class Database:
    """A sqlite-utils database with WAL, a busy timeout and explicit write transactions.

    One connection is shared by the threads of a process; a re-entrant lock makes
    every call atomic, so the GUI's worker threads and the scanner can share it.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        try:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise DataDirError(
                f"Cannot open the database {self.path} ({exc}). If the file is damaged, "
                "restore it from a backup or move it aside; Horizonscan then starts a new one."
            ) from exc
        self.conn = conn
        self._db: Any = None
        self.lock = threading.RLock()
        self._depth = 0

    @property
    def db(self) -> Any:
        """The connection as a sqlite_utils.Database (imported on first use: it is slow to import)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        with self.lock:
            self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction (BEGIN IMMEDIATE); nested calls join the outer one.

        Raises DatabaseBusyError if another process keeps the database locked.
        """
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise DatabaseBusyError(
                        "Another Horizonscan process is writing to this data folder. "
                        "Wait until it finishes (for example a scan or import) and try again."
                    ) from exc
                raise
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Run a read query and return all rows as sqlite3.Row."""
        with self.lock:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return cur.fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        """Run a read query and return the first row, or None."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: tuple | dict = ()) -> Any:
        """Run a read query and return the first column of the first row (or None)."""
        with self.lock:
            row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None
