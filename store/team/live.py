"""Live desktops: what one person changes reaches the others' open windows within a second or two.

A write on the team database sends `pg_notify('horizonscan_changes', …)` in its own transaction
(delivered only when that commits); every desktop keeps one listening connection and turns each
notification into the store's usual `Changes`, so its views refresh exactly as after a local write.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from store.core.changes import KINDS, Changes
from store.team.server import TeamServerError, connect

CHANNEL = "horizonscan_changes"
RETRY_SECONDS = 3.0
MAX_IDS = 500  # a payload stays far below PostgreSQL's 8000 bytes; more items: "items changed" without ids

log = logging.getLogger(__name__)


def announce(conn: Any, changes: Changes, person: str) -> None:
    """Inside the write's transaction: tell the other desktops what it changed (sent on commit)."""
    ids = sorted(changes.item_ids)
    payload = {"kinds": sorted(changes.kinds), "items": ids if len(ids) <= MAX_IDS else [], "by": person}
    conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, json.dumps(payload)))


def decode(payload: str) -> tuple[Changes, str]:
    """A notification's changes and who made them (unknown kinds from a newer app are left out)."""
    data = json.loads(payload)
    known = Changes.of([k for k in data.get("kinds", []) if k in KINDS], data.get("items", []))
    return known, str(data.get("by", ""))


class Listener:
    """One connection that listens on CHANNEL in a thread and calls `on_change(changes, person)`."""

    def __init__(self, uri: str, on_change: Callable[[Changes, str], None],
                 ignore_pid: Callable[[], int | None] = lambda: None) -> None:
        self._uri = uri
        self._ignore_pid = ignore_pid  # the backend of this process's own writes: heard already
        self._on_change = on_change
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-listener", daemon=True)

    def start(self, timeout: float = 10.0) -> Listener:
        self._thread.start()
        self._ready.wait(timeout)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        """Listen; when the server goes away, try again every RETRY_SECONDS, and after a reconnect say that
        everything may have changed (what was sent meanwhile is lost)."""
        import psycopg

        first = True
        while not self._stop.is_set():
            try:
                conn = connect(self._uri, autocommit=True)
            except TeamServerError as exc:
                log.info("listener: %s", exc)
                self._ready.set()
                self._stop.wait(RETRY_SECONDS)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self._ready.set()
                if not first:
                    self._on_change(Changes.of(KINDS), "")
                first = False
                self._receive(conn)
            except psycopg.Error as exc:
                log.info("listener lost the server: %s", exc)
            finally:
                conn.close()

    def _receive(self, conn: Any) -> None:
        while not self._stop.is_set():
            for note in conn.notifies(timeout=0.5, stop_after=1):
                if note.pid == self._ignore_pid():
                    continue
                try:
                    changes, person = decode(note.payload)
                except (ValueError, TypeError):
                    log.warning("ignored a malformed change notification")
                    continue
                if changes:
                    self._on_change(changes, person)
