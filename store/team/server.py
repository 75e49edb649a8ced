"""Connecting to the team's PostgreSQL server, and what goes wrong there said in words.

Passwords come from libpq's usual places (PGPASSWORD, ~/.pgpass or %APPDATA%\\postgresql\\pgpass.conf, a
service file), never from settings.json; `sslmode` and the rest are taken from the connection URI.
psycopg is imported on first use: local mode never loads it.
"""

from __future__ import annotations

import os
from typing import Any

from store.core.errors import TeamServerError

__all__ = ["ENV_SERVER", "ENV_USER", "TeamServerError", "connect", "explain", "person", "redact", "server_uri"]

ENV_SERVER = "HORIZONSCAN_SERVER"
ENV_USER = "HORIZONSCAN_USER"


def server_uri(explicit: str | None = None) -> str | None:
    """The team server: --server, else HORIZONSCAN_SERVER, else None (local mode)."""
    return explicit or os.environ.get(ENV_SERVER) or None


def connect(uri: str, autocommit: bool = False) -> Any:
    """A psycopg connection, or a TeamServerError saying what is wrong (server down, password, database)."""
    try:
        import psycopg
    except ImportError as exc:  # the team extra is not installed
        raise TeamServerError("Team mode needs the PostgreSQL client: pip install 'horizonscan[team]'.") from exc
    try:
        return psycopg.connect(uri, autocommit=autocommit, connect_timeout=10)
    except psycopg.OperationalError as exc:
        raise TeamServerError(explain(exc, uri)) from exc


def explain(exc: BaseException, uri: str) -> str:
    """One line for a connection failure: the likely cause and what to do."""
    text = " ".join(str(exc).split())
    where = redact(uri)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return (f"The team server {where} refused the login (wrong user or password). Check the password in your "
                "pgpass file or PGPASSWORD, or ask IT whether your account exists.")
    if "does not exist" in lowered and "database" in lowered:
        return f"The database in {where} does not exist. Ask IT to create it, then run 'horizonscan team init'."
    if "connection refused" in lowered or "could not connect" in lowered or "timeout" in lowered \
            or "no such file" in lowered or "could not translate host name" in lowered:
        return (f"The team server {where} cannot be reached ({text[:120]}). Check the address and your network, "
                "or try again later; nothing typed is lost.")
    return f"The team server {where} cannot be used: {text[:200]}"


def redact(uri: str) -> str:
    """The URI without a password in it (for messages and logs)."""
    if "://" not in uri or "@" not in uri.split("://", 1)[1].split("/", 1)[0]:
        return uri
    scheme, rest = uri.split("://", 1)
    credentials, host = rest.split("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"


def person(conn: Any) -> str:
    """Who is working: HORIZONSCAN_USER where a role is shared (tests, a service account), else the login role."""
    return os.environ.get(ENV_USER) or str(conn.execute("SELECT current_user").fetchone()[0])
