"""Alerts: the store's front door for them (`kb.alerts`)."""

from __future__ import annotations

from datetime import datetime

from store.alerts import alerts
from store.alerts.alerts import Alert
from store.db.manager import Manager
from store.vectors.vector_store import VectorStore


class Alerts(Manager):
    """What calls for attention, raised after scans, at most a set number a day."""

    def raise_new(self, vectors: VectorStore | None, daily_cap: int = alerts.DAILY_CAP) -> list[Alert]:
        return alerts.raise_alerts(self._db, vectors, daily_cap)

    def recent(self, since: datetime | None = None, unseen_only: bool = False, limit: int = 200) -> list[Alert]:
        return alerts.list_alerts(self._db, since, unseen_only, limit)

    def unseen_count(self) -> int:
        return int(self._db.scalar("SELECT COUNT(*) FROM alerts WHERE seen = 0") or 0)

    def mark_seen(self, alert_ids: list[int] | None = None) -> None:
        alerts.mark_seen(self._db, alert_ids)
