"""Setting up and looking after a team database: `team init` (create or upgrade the schema, grant the
team role), `team status`, and `team push` (copy a local data folder into an empty team database)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.core.progress import ProgressCallback, report
from store.core.timeutil import now_iso
from store.db.paths import DB_FILENAME
from store.team.schema import (
    LOCAL_VERSIONS,
    SEARCH_VECTOR_SQL,
    TEAM_MIGRATIONS,
    TEAM_SCHEMA_VERSION,
    grants_sql,
    local_tables,
    search_vector_text,
    vector_index_sql,
)
from store.team.server import TeamServerError, connect, person, redact

PUSH_BATCH = 2000


@dataclass
class TeamStatus:
    server: str
    server_version: str
    schema_version: int
    app_schema_version: int
    people: list[str] = field(default_factory=list)
    items: int = 0
    last_scan: dict | None = None


def schema_version(conn: Any) -> int:
    exists = conn.execute("SELECT to_regclass('public.team_schema')").fetchone()[0]
    if exists is None:
        return 0
    row = conn.execute("SELECT max(version) FROM team_schema").fetchone()
    return int(row[0] or 0)


def init_team(uri: str, model: str | None = None, dim: int | None = None) -> list[int]:
    """Create or upgrade the team schema (as the database's owner); returns the migrations applied."""
    with connect(uri) as conn:
        if not conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'").fetchone():
            raise TeamServerError(
                f"The server {redact(uri)} has no pgvector. Ask IT to install it (the postgresql-16-pgvector "
                "package, or the pgvector/pgvector image), then run 'horizonscan team init' again.")
        conn.execute("CREATE TABLE IF NOT EXISTS team_schema (version integer PRIMARY KEY, description text,"
                     " applied text)")
        current = schema_version(conn)
        if current > TEAM_SCHEMA_VERSION:
            raise TeamServerError(newer_schema_message(current))
        applied = []
        for migration in TEAM_MIGRATIONS:
            if migration.number <= current:
                continue
            for statement in migration.statements():
                conn.execute(statement)
            conn.execute("INSERT INTO team_schema (version, description, applied) VALUES (%s, %s, %s)",
                         (migration.number, migration.description, now_iso()))
            applied.append(migration.number)
        for statement in grants_sql():
            conn.execute(statement)
        if model and dim:
            for statement in vector_index_sql(model, dim):
                conn.execute(statement)
        conn.commit()
    return applied


def check_schema(conn: Any) -> None:
    """Raise TeamServerError (one line, what to do) unless the team schema is the one this app uses."""
    version = schema_version(conn)
    if version == 0:
        raise TeamServerError("The team database has no Horizonscan schema yet. Ask IT (the database's owner) to "
                              "run 'horizonscan --server URI team init'.")
    if version > TEAM_SCHEMA_VERSION:
        raise TeamServerError(newer_schema_message(version))
    if version < TEAM_SCHEMA_VERSION:
        raise TeamServerError(f"The team database has schema version {version}, older than this Horizonscan uses "
                              f"({TEAM_SCHEMA_VERSION}). Ask IT to run 'horizonscan team init' to upgrade it.")


def newer_schema_message(version: int) -> str:
    return (f"The team database has schema version {version}, newer than this Horizonscan knows "
            f"({TEAM_SCHEMA_VERSION}). Update Horizonscan on this computer.")


def team_status(uri: str) -> TeamStatus:
    with connect(uri) as conn:
        version = schema_version(conn)
        status = TeamStatus(redact(uri), str(conn.execute("SHOW server_version").fetchone()[0]), version,
                            TEAM_SCHEMA_VERSION)
        if version:
            status.people = [r[0] for r in conn.execute("SELECT person FROM people ORDER BY person")]
            status.items = int(conn.execute("SELECT count(*) FROM items").fetchone()[0])
            row = conn.execute("SELECT started, finished, status, items_new FROM scan_runs ORDER BY id DESC LIMIT 1"
                               ).fetchone()
            if row:
                status.last_scan = {"started": row[0], "finished": row[1], "status": row[2], "items_new": row[3]}
    return status


def push_folder(data_dir: Path, uri: str, progress: ProgressCallback | None = None) -> dict[str, int]:
    """Copy a local data folder (items, vectors, sources, themes and decisions, rules, tags, notes,
    watchlist, digests, ...) into an empty team database, keeping every id; the pushing person's
    read/starred/dismissed become their own state. Returns rows copied per table."""
    source_path = data_dir / DB_FILENAME
    if not source_path.exists():
        raise TeamServerError(f"There is no Horizonscan data in {data_dir} to push.")
    with closing(sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)) as local, connect(uri) as conn:
        local_version = int(local.execute("PRAGMA user_version").fetchone()[0])
        version = schema_version(conn)
        if version == 0:
            raise TeamServerError("The team database has no schema yet: run 'horizonscan team init' first.")
        if version > TEAM_SCHEMA_VERSION:
            raise TeamServerError(newer_schema_message(version))
        if local_version != LOCAL_VERSIONS[version]:
            raise TeamServerError(
                f"The local data is at schema {local_version}, the team database expects {LOCAL_VERSIONS[version]}. "
                "Open the local folder once with this Horizonscan (it upgrades it), then push again.")
        if conn.execute("SELECT count(*) FROM items").fetchone()[0]:
            raise TeamServerError("The team database already holds items; 'team push' only fills an empty one.")
        who = person(conn)
        copied: dict[str, int] = {}
        tables = local_tables()
        for number, (table, columns) in enumerate(tables.items(), start=1):
            copied[table] = _copy_table(local, conn, table, [c[1] for c in columns])
            report(progress, "pushing", number, len(tables))
        _fill_search(local, conn)
        _person_state(local, conn, who)
        _reset_identities(conn, tables)
        _vector_indexes(conn)
        conn.commit()
    return copied


def _rows(local: sqlite3.Connection, table: str, names: list[str]) -> Iterator[tuple]:
    cursor = local.execute(f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} FROM "{table}"')
    while batch := cursor.fetchmany(PUSH_BATCH):
        yield from batch


def _copy_table(local: sqlite3.Connection, conn: Any, table: str, names: list[str]) -> int:
    import numpy as np

    vector_at = names.index("vector") if table in ("embeddings", "passage_vectors") else -1
    count = 0
    columns = ", ".join(f'"{n}"' for n in names)
    with conn.cursor().copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
        for row in _rows(local, table, names):
            if vector_at >= 0 and row[vector_at] is not None:
                values = np.frombuffer(row[vector_at], dtype=np.float32)
                row = (*row[:vector_at], "[" + ",".join(f"{v:.7g}" for v in values) + "]", *row[vector_at + 1:])
            copy.write_row(row)
            count += 1
    return count


def _fill_search(local: sqlite3.Connection, conn: Any) -> None:
    """The items' tsvector: the stems the local keyword index holds (store.search.tsquery says why)."""
    rows = [(*search_vector_text(title, summary, text, language), item_id)
            for item_id, title, summary, text, language in local.execute(
                "SELECT id, title, summary, full_text, language FROM items")]
    conn.cursor().executemany(f"UPDATE items SET search = {SEARCH_VECTOR_SQL} WHERE id = %s", rows)


def _person_state(local: sqlite3.Connection, conn: Any, who: str) -> None:
    """The local read/starred/dismissed are the pushing person's; notes, decisions and tags are theirs too."""
    now = now_iso()
    conn.execute("INSERT INTO people (person, display_name, first_seen) VALUES (%s, %s, %s)"
                 " ON CONFLICT (person) DO NOTHING", (who, who, now))
    rows = [(who, item_id, state, starred, now) for item_id, state, starred in local.execute(
        "SELECT id, state, starred FROM items WHERE state != 'new' OR starred != 0")]
    conn.cursor().executemany("INSERT INTO item_state (person, item_id, state, starred, updated)"
                              " VALUES (%s, %s, %s, %s, %s)", rows)
    conn.execute("UPDATE notes SET author = %s", (who,))
    conn.execute("UPDATE item_themes SET decided_by = %s WHERE decision IS NOT NULL OR origin = 'manual'", (who,))
    conn.execute("UPDATE item_tags SET added_by = %s", (who,))
    conn.execute("UPDATE saved_searches SET person = %s", (who,))


def _reset_identities(conn: Any, tables: dict[str, list[tuple]]) -> None:
    """Identity columns continue after the copied ids."""
    for table, columns in tables.items():
        keys = [c for c in columns if c[5]]
        if len(keys) == 1 and keys[0][2].upper() == "INTEGER":
            name = keys[0][1]
            conn.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{name}'),"
                         f" greatest(1, (SELECT coalesce(max(\"{name}\"), 0) FROM \"{table}\")),"
                         f" (SELECT count(*) > 0 FROM \"{table}\"))")


def _vector_indexes(conn: Any) -> None:
    for model, dim in conn.execute("SELECT DISTINCT model, dim FROM embeddings").fetchall():
        for statement in vector_index_sql(model, int(dim)):
            conn.execute(statement)
