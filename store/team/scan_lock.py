"""One scanner for the team: a session-level PostgreSQL advisory lock, held on a connection of its own for as
long as a scan runs. A second scanner (another timer, a colleague's command) finds it taken and skips; a
killed scanner's connection closes and takes the lock with it, so nothing stays locked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from store.core.errors import ScanBusyError
from store.team.server import connect

SCAN_LOCK = 7_421_002  # pg_try_advisory_lock key of the team's scanner


@contextmanager
def scan_lock(uri: str) -> Iterator[None]:
    """Hold the team's scan lock, or raise ScanBusyError at once if another scanner holds it."""
    conn = connect(uri, autocommit=True)
    try:
        if not conn.execute("SELECT pg_try_advisory_lock(%s)", (SCAN_LOCK,)).fetchone()[0]:
            raise ScanBusyError("Another scanner is scanning for the team right now; this scan was skipped "
                                "(its results reach everyone when it is done).")
        yield
    finally:
        conn.close()  # (closing the session releases the lock)
