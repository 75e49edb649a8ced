"""Scan runs: when a scan started and ended and what it found, kept for the status panel and the CLI."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta

from store.core.processes import process_alive, this_host
from store.core.timeutil import format_utc, parse_stored
from store.db.manager import Manager

ABANDONED_AFTER = timedelta(hours=12)  # no scan runs this long: a 'running' record this old was killed


@dataclass(frozen=True)
class LastScan:
    started: datetime | None
    finished: datetime | None
    status: str  # running | done | cancelled | interrupted
    items_new: int


class Scans(Manager):
    """The record of scan runs."""

    def start(self, started: datetime, sources_total: int) -> int:
        """Record a scan that starts now over `sources_total` sources; returns its run id."""
        self.close_abandoned(started)
        with self._db.write("scans") as conn:
            cur = conn.execute("INSERT INTO scan_runs (started, status, sources_total, pid, host)"
                               " VALUES (?, 'running', ?, ?, ?)",
                               (format_utc(started), sources_total, os.getpid(), this_host()))
            return int(cur.lastrowid or 0)

    def last_run(self) -> LastScan | None:
        """The newest scan run (in team mode: the team's scanner's), or None before the first."""
        row = self._db.query_one("SELECT started, finished, status, items_new FROM scan_runs ORDER BY id DESC LIMIT 1")
        if row is None:
            return None
        return LastScan(parse_stored(row["started"]), parse_stored(row["finished"]), row["status"] or "",
                        int(row["items_new"] or 0))

    def abandoned(self, now: datetime, everything_running: bool = False) -> list[int]:
        """Runs recorded as running whose process is gone (killed, a crash, a power cut); with
        `everything_running` (the caller holds the team's scan lock, so no other scanner lives) all of them."""
        host = this_host()
        return [r["id"] for r in self._db.query("SELECT id, started, pid, host FROM scan_runs WHERE status = 'running'")
                if everything_running or r["pid"] is None
                or now - (parse_stored(r["started"]) or now - ABANDONED_AFTER) >= ABANDONED_AFTER
                or (r["host"] == host and not process_alive(int(r["pid"])))]

    def close_abandoned(self, now: datetime, everything_running: bool = False) -> int:
        """Mark the abandoned runs as interrupted; returns how many."""
        gone = self.abandoned(now, everything_running)
        if gone:
            with self._db.write("scans") as conn:
                conn.executemany("UPDATE scan_runs SET status = 'interrupted', finished = ? WHERE id = ?",
                                 [(format_utc(now), run_id) for run_id in gone])
        return len(gone)

    def finish(self, run_id: int, finished: datetime, cancelled: bool, counts: dict[str, int],
               details: list[dict]) -> None:
        """Record how a run ended: counts of sources ok / not_modified / failed and of items, per-source details."""
        with self._db.write("scans") as conn:
            conn.execute(
                "UPDATE scan_runs SET finished = ?, status = ?, sources_ok = ?, sources_not_modified = ?,"
                " sources_failed = ?, items_new = ?, duplicates = ?, stories_new = ?, details = ? WHERE id = ?",
                (format_utc(finished), "cancelled" if cancelled else "done", counts.get("ok", 0),
                 counts.get("not_modified", 0), counts.get("failed", 0), counts.get("items_new", 0),
                 counts.get("duplicates", 0), counts.get("stories_new", 0), json.dumps(details, ensure_ascii=False),
                 run_id))
