"""Scan runs: when a scan started and ended and what it found, kept for the status panel and the CLI."""

from __future__ import annotations

import json
from datetime import datetime

from store.core.timeutil import format_utc
from store.db.manager import Manager


class Scans(Manager):
    """The record of scan runs."""

    def start(self, started: datetime, sources_total: int) -> int:
        """Record a scan that starts now over `sources_total` sources; returns its run id."""
        with self._db.write("scans") as conn:
            cur = conn.execute("INSERT INTO scan_runs (started, status, sources_total) VALUES (?, 'running', ?)",
                               (format_utc(started), sources_total))
            return int(cur.lastrowid or 0)

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
