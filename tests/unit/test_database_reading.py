"""Reads on the pooled reading connections: they run beside a write and see what is committed, a thread inside
its own write reads what it wrote, and closing the database closes them."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from store.db.connection import Database


def _database(path) -> Database:
    database = Database(path)
    with database.write("items") as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('eerste')")
    return database


def test_a_read_runs_beside_a_write_and_sees_what_is_committed(tmp_path) -> None:
    database = _database(tmp_path / "store.db")
    seen: list[list[str]] = []
    with database.write("items") as conn:
        conn.execute("INSERT INTO notes (text) VALUES ('tweede')")
        # the writing thread reads its own, uncommitted row
        assert [r[0] for r in database.read_query("SELECT text FROM notes ORDER BY id")] == ["eerste", "tweede"]
        other = threading.Thread(target=lambda: seen.append(
            [r[0] for r in database.read_query("SELECT text FROM notes ORDER BY id")]))
        other.start()
        other.join(5)  # does not wait for the write: the lock is not taken
        assert not other.is_alive()
    assert seen == [["eerste"]]  # another thread: what was committed when it read
    assert database.read_scalar("SELECT COUNT(*) FROM notes") == 2
    database.close()


def test_reading_connections_are_reused_read_only_and_closed_with_the_database(tmp_path) -> None:
    database = _database(tmp_path / "store.db")
    with database.reading() as first:
        pass
    with database.reading() as again:
        assert again is first  # taken from the pool, not opened again
        with pytest.raises(sqlite3.OperationalError):
            again.execute("DELETE FROM notes")  # reading connections cannot write
    database.close()
    with pytest.raises(sqlite3.ProgrammingError):
        first.execute("SELECT 1")


def test_a_database_in_memory_reads_on_its_own_connection() -> None:
    database = _database(":memory:")  # a second connection would open another, empty database
    assert database.read_scalar("SELECT text FROM notes") == "eerste"
    database.close()
