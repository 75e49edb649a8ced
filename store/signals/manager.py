"""The signal score of a week and the weekly trends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.signals import score
from store.signals import trends as trends_module

if TYPE_CHECKING:
    from datetime import datetime

    from store.signals.score import RankedItem
    from store.signals.trends import Series
    from store.vectors.vector_store import VectorStore


class Signals(Manager):
    """The signal score of a week and the weekly trends."""

    def rank_week(
        self,
        vectors: VectorStore,
        year: int,
        week: int,
        language: str = "nl",
        limit: int = 50,
        now: datetime | None = None,
    ) -> list[RankedItem]:
        """The week's stories (dismissed left out), best signal first."""
        return score.rank_week(self._db, vectors, year, week, language, limit, now)

    def rank_recent(self, vectors: VectorStore, days: int = 7, language: str = "nl", limit: int = 50,
                    now: datetime | None = None) -> list[RankedItem]:
        """The stories of the last `days` days, best signal first (the inbox's order)."""
        return score.rank_recent(self._db, vectors, days, language, limit, now)

    def trends(self, weeks: int = 12, until: datetime | None = None, language: str = "nl") -> list[Series]:
        """Theme series then actor series over the last `weeks` weeks (up to the week of `until`)."""
        return trends_module.trends(self._db, weeks, until, language)
