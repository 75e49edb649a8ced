"""The team database as the store's `Database`: the same calls (query, scalar, write) on a PostgreSQL
connection, so every manager of the store works on either backend.

As in local mode there is one writer at a time: each write transaction takes a transaction-level
advisory lock, so two importers on two machines serialise as two processes do on one SQLite file
(and the same item is never inserted twice). A write tells the other desktops what it changed
(store.team.live). A lost connection is said in words and reopened on the next call.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import Any

from store.core.changes import Changes
from store.core.timeutil import now_iso
from store.db.connection import Database
from store.team.bm25 import CollectionStats
from store.team.dialect import to_postgres
from store.team.server import TeamServerError, connect, explain, person, redact

WRITE_LOCK = 7_421_001  # pg_advisory_xact_lock key: one writer at a time, as SQLite's BEGIN IMMEDIATE

log = logging.getLogger(__name__)


class Row(tuple):
    """A result row readable by position and by column name, as sqlite3.Row."""

    names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = {d.name: n for n, d in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


class Cursor:
    """What `execute` returns: rows, `rowcount`, and `lastrowid` after an insert (RETURNING id)."""

    def __init__(self, cursor: Any, returning: bool) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        if returning:
            row = cursor.fetchone()
            self.lastrowid = int(row[0]) if row else None

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def fetchone(self) -> Row | None:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Row]:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int) -> list[Row]:
        return self._cursor.fetchmany(size) if self._cursor.description else []

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class Connection:
    """The connection the store's code writes through: sqlite3's `execute` and `executemany`, in
    PostgreSQL's dialect; database errors are raised as the sqlite3 errors the store already handles."""

    dialect = "postgres"

    def __init__(self, database: TeamDatabase) -> None:
        self._database = database

    def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> Cursor:
        statement, returning = to_postgres(sql, self._database.id_tables)
        with self._database.translated_errors():
            cursor = self._database.raw.cursor(row_factory=_row_factory)
            cursor.execute(statement, _params(params), binary=True)  # (vectors arrive as arrays, not text to parse)
            return Cursor(cursor, returning)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        statement, _ = to_postgres(sql, frozenset())
        with self._database.translated_errors():
            cursor = self._database.raw.cursor(row_factory=_row_factory)
            cursor.executemany(statement, [_params(r) for r in rows])
            return Cursor(cursor, False)


def _params(params: Sequence[Any] | dict) -> Sequence[Any] | dict:
    return tuple(params) if not isinstance(params, dict) else params


class TeamDatabase(Database):
    """The store's database on the team's PostgreSQL server, for one person (Database's calls, on another
    connection: the SQLite parts of Database are not used)."""

    dialect = "postgres"

    def __init__(self, uri: str, who: str | None = None) -> None:  # noqa: D107 - no SQLite file to open
        self.uri = uri
        self.path = redact(uri)
        self.lock = threading.RLock()
        self._raw: Any = None
        self._who = who
        self._depth = 0
        self._pending = Changes()
        self._listeners: list[Callable[[Changes], None]] = []
        self._listener: Any = None
        self.person = who or ""
        self.conn = Connection(self)  # type: ignore[assignment]
        self.bm25_stats = CollectionStats()  # the collection's size and mean length, for keyword ranking
        _ = self.raw  # connect now: a server that is down or a schema that does not fit says so at once

    # -- the connection ----------------------------------------------------------
    @property
    def raw(self) -> Any:
        """The psycopg connection, (re)opened when needed."""
        if self._raw is None or self._raw.closed or self._raw.broken:
            self._raw = self._open()
        return self._raw

    def _open(self) -> Any:
        from store.team.admin import check_schema

        raw = connect(self.uri, autocommit=True)
        try:
            check_schema(raw)
            _register_types(raw)
            self.person = self._who or person(raw)
            raw.execute("SELECT set_config('horizonscan.person', %s, false)", (self.person,))
            raw.execute("SET search_path = person_view, public")
            raw.execute("INSERT INTO people (person, display_name, first_seen) VALUES (%s, %s,"
                        " to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
                        " ON CONFLICT (person) DO NOTHING", (self.person, self.person))
        except BaseException:
            raw.close()
            raise
        return raw

    @cached_property
    def id_tables(self) -> frozenset[str]:
        from store.team.schema import id_tables

        return id_tables()

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        """psycopg's errors as the store knows them: a lost server as TeamServerError (in words), a row
        the database refuses as sqlite3.IntegrityError, a statement it cannot run as OperationalError."""
        import psycopg

        try:
            yield
        except psycopg.OperationalError as exc:
            if self._raw is not None and (self._raw.closed or self._raw.broken):
                raise TeamServerError(explain(exc, self.uri)) from exc
            raise sqlite3.OperationalError(str(exc)) from exc
        except (psycopg.IntegrityError, psycopg.DataError) as exc:
            raise sqlite3.IntegrityError(str(exc)) from exc
        except psycopg.ProgrammingError as exc:  # a statement the server cannot run, as SQLite says it
            raise sqlite3.OperationalError(str(exc)) from exc
        except psycopg.InterfaceError as exc:
            raise TeamServerError(explain(exc, self.uri)) from exc

    def close(self) -> None:
        with self.lock:
            if self._listener is not None:
                self._listener.stop()
                self._listener = None
            if self._raw is not None:
                self._raw.close()

    # -- changes --------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """As Database.subscribe; with `listen()` also for what other people change."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def listen(self) -> None:
        """Hear what other desktops and the scanner change (a thread with its own connection)."""
        from store.team.live import Listener

        if self._listener is None:
            self._listener = Listener(self.uri, self._heard, ignore_pid=self._backend_pid).start()

    def _backend_pid(self) -> int | None:
        raw = self._raw
        return None if raw is None or raw.closed else int(raw.info.backend_pid)

    def _heard(self, changes: Changes, _person: str) -> None:
        for listener in list(self._listeners):
            listener(changes)

    # -- reading and writing ----------------------------------------------------------
    @contextmanager
    def write(self, *kinds: str, items: Iterable[int] = ()) -> Iterator[Any]:
        """A write transaction as Database.write: one writer at a time, what it changed told to this
        process's listeners and (by NOTIFY, on commit) to the other desktops."""
        from store.team.live import announce

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
            with self.translated_errors():
                raw = self.raw
                raw.execute("BEGIN")
            self._depth = 1
            self._pending = changes
            try:
                with self.translated_errors():
                    raw.execute("SELECT pg_advisory_xact_lock(%s), set_config('horizonscan.now', %s, true)",
                                (WRITE_LOCK, now_iso()))  # the app's clock for the server's stamps
                yield self.conn
                with self.translated_errors():
                    if self._pending:
                        announce(raw, self._pending, self.person or "")
                    raw.execute("COMMIT")
                committed = self._pending
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0
                self._pending = Changes()
        if committed:
            for listener in list(self._listeners):
                listener(committed)

    def _rollback(self) -> None:
        if self._raw is not None and not self._raw.closed and not self._raw.broken:
            try:
                self._raw.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the connection went away: nothing to undo here
                pass

    def query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[Any]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        with self.lock:
            row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None


def _register_types(raw: Any) -> None:
    """Vectors as numpy arrays, and numeric (sums, averages) as float, as SQLite gives them."""
    import numpy as np
    import psycopg
    from pgvector.psycopg import register_vector
    from pgvector.psycopg.vector import VectorBinaryLoader, VectorLoader
    from psycopg.types.numeric import FloatLoader, NumericBinaryLoader

    try:
        register_vector(raw)
    except psycopg.ProgrammingError as exc:
        raise TeamServerError("The team database has no pgvector extension. Ask IT to install pgvector and run "
                              "'horizonscan team init'.") from exc

    def array(vector: Any) -> Any:
        return None if vector is None else np.asarray(vector.to_numpy(), dtype=np.float32)

    class ArrayLoader(VectorLoader):
        def load(self, data: Any) -> Any:
            return array(super().load(data))

    class ArrayBinaryLoader(VectorBinaryLoader):
        def load(self, data: Any) -> Any:
            return array(super().load(data))

    raw.adapters.register_loader("vector", ArrayLoader)
    raw.adapters.register_loader("vector", ArrayBinaryLoader)
    class FloatFromNumericBinary(NumericBinaryLoader):
        def load(self, data: Any) -> Any:
            return float(super().load(data))

    raw.adapters.register_loader("numeric", FloatLoader)
    raw.adapters.register_loader("numeric", FloatFromNumericBinary)
