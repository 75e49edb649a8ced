"""Opening the SQLite database: pragmas, and the one write path of a process (short write transactions under
one lock on one connection) that says what each write changed."""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from store.core.changes import Changes
from store.core.errors import DatabaseBusyError, DataDirError
from store.db.failures import storage_error

BUSY_TIMEOUT_MS = 5000
# SQLite's page cache per connection (its default is 2 MB): a search reads the vectors of a few thousand candidates,
# about 10 MB, and reading them again from the operating system's cache took twice as long
CACHE_KIB = 65_536
NO_FILTER = "1 = 1"  # an SQL condition that keeps everything, in SQLite and PostgreSQL alike


class Database:
    """A sqlite-utils database with WAL, a busy timeout and explicit write transactions.

    One connection is shared by the threads of a process; a re-entrant lock makes
    every call atomic, so the GUI's worker threads and the scanner can share it.
    """

    dialect = "sqlite"  # the team database (store.team.database) says "postgres"
    person: str | None = None  # team mode: who is working

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        try:
            conn = _connect(self.path)
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, self.path) or DataDirError(
                f"Cannot open the database {self.path} ({exc}). If the file is damaged, "
                "restore it from a backup or move it aside; Horizonscan then starts a new one."
            ) from exc
        self.conn = conn
        self._db: Any = None
        self.lock = threading.RLock()
        self._readers: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._closed = False
        self._writer: int | None = None  # the thread inside a write transaction
        self._depth = 0
        self._pending = Changes()
        self._listeners: list[Callable[[Changes], None]] = []

    @property
    def db(self) -> Any:
        """The connection as a sqlite_utils.Database (imported on first use: it is slow to import)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        """Close the connection (checkpointing the WAL) and the reading connections."""
        with self.lock:
            self._closed = True
            self._close_readers()
            self.conn.close()

    def _close_readers(self) -> None:
        while True:
            try:
                self._readers.get_nowait().close()
            except queue.Empty:
                return

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads that run beside other threads' reads and writes (a search's keyword and
        vector lookups at once, while the window reads too): one of a pool of read-only connections, which
        WAL lets read while the one connection writes; it sees what is committed. Inside this thread's write
        transaction, and for a database in memory, the connection itself (under the lock)."""
        if self.dialect != "sqlite" or self.path == ":memory:" or self._writer == threading.get_ident():
            with self.lock:
                yield self.conn
            return
        try:
            conn = self._readers.get_nowait()
        except queue.Empty:
            try:
                conn = _connect(self.path)
                conn.execute("PRAGMA query_only = ON")
            except sqlite3.DatabaseError as exc:
                _raise_translated(exc, self.path)
                raise
        try:
            yield conn
        finally:
            if conn.in_transaction:  # a read left open would hold back the WAL's checkpoints
                conn.rollback()
            if self._closed:
                conn.close()
            else:
                self._readers.put(conn)

    def read_query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Run a read query on a reading connection (see `reading`) and return all rows as sqlite3.Row."""
        if self.dialect != "sqlite":
            return self.query(sql, params)
        with self.reading() as conn:
            try:
                cur = conn.execute(sql, params)
                cur.row_factory = sqlite3.Row
                return cur.fetchall()
            except sqlite3.DatabaseError as exc:
                _raise_translated(exc, self.path)
                raise

    def read_scalar(self, sql: str, params: tuple | dict = ()) -> Any:
        """The first column of the first row of a read query on a reading connection (or None)."""
        if self.dialect != "sqlite":
            return self.scalar(sql, params)
        with self.reading() as conn:
            try:
                row = conn.execute(sql, params).fetchone()
            except sqlite3.DatabaseError as exc:
                _raise_translated(exc, self.path)
                raise
        return row[0] if row else None

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Call `listener` with what changed after each committed write (on the writing thread, outside the
        lock); returns a function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @contextmanager
    def write(self, *kinds: str, items: Iterable[int] = ()) -> Iterator[sqlite3.Connection]:
        """A short write transaction (BEGIN IMMEDIATE) that changes `kinds` (see store.core.changes.KINDS),
        of the given items where known; nested calls join the outer one. The one way to write: after the
        outermost transaction commits, the listeners hear once what it changed.

        Raises DatabaseBusyError if another process keeps the database locked.
        """
        changes = Changes.of(kinds, items)
        committed: Changes | None = None
        with self.lock:
            if self._depth:
                self._depth += 1
                self._pending = self._pending | changes
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise DatabaseBusyError(
                        "Another Horizonscan process is writing to this data folder. "
                        "Wait until it finishes (for example a scan or import) and try again."
                    ) from exc
                _raise_translated(exc, self.path)
                raise
            self._depth = 1
            self._writer = threading.get_ident()
            self._pending = changes
            try:
                yield self.conn
                self.conn.execute("COMMIT")
                committed = self._pending
            except BaseException as exc:
                self._rollback()
                if isinstance(exc, sqlite3.Error | OSError) and (translated := storage_error(exc, self.path)):
                    raise translated from exc
                raise
            finally:
                self._depth = 0
                self._writer = None
                self._pending = Changes()
        if committed:
            for listener in list(self._listeners):
                listener(committed)

    def _rollback(self) -> None:
        """Undo the open transaction (SQLite may have undone it already, e.g. on a full disk)."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Run a read query and return all rows as sqlite3.Row."""
        with self.lock:
            try:
                cur = self.conn.execute(sql, params)
                cur.row_factory = sqlite3.Row
                return cur.fetchall()
            except sqlite3.DatabaseError as exc:
                _raise_translated(exc, self.path)
                raise

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        """Run a read query and return the first row, or None."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: tuple | dict = ()) -> Any:
        """Run a read query and return the first column of the first row (or None)."""
        with self.lock:
            try:
                row = self.conn.execute(sql, params).fetchone()
            except sqlite3.DatabaseError as exc:
                _raise_translated(exc, self.path)
                raise
        return row[0] if row else None


def _connect(path: str) -> sqlite3.Connection:
    """A connection with the pragmas every connection of the store has (the writing one adds its own)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def _raise_translated(exc: BaseException, path: str) -> None:
    """Raise the user-facing StoreError for a storage failure (full disk, read-only, damaged), if it is one."""
    translated = storage_error(exc, path)
    if translated is not None:
        raise translated from exc
