"""Indicator sources and their series: the store's front door for them (`kb.indicators`)."""

from __future__ import annotations

from dataclasses import dataclass

from store.core.models import NewItem, Source
from store.db.manager import Manager
from store.indicators.series import IndicatorSettings, Movement, Point, load_series, save_series, signal_item
from store.sources import registry


@dataclass(frozen=True)
class IndicatorSeries:
    source: Source
    settings: IndicatorSettings
    points: list[Point]

    @property
    def latest_change(self) -> float | None:
        """The last period's change on the one before, as a share (None without two values)."""
        values = [p.value for p in self.points if p.value is not None]
        if len(values) < 2 or not values[-2]:
            return None
        return (values[-1] - values[-2]) / abs(values[-2])


class Indicators(Manager):
    """Indicator sources (a statistics table's measure) and their stored series."""

    def add(self, settings: IndicatorSettings, *, name: str = "", folder: str = "Statistiek",
            theme_hints: tuple[str, ...] = ()) -> Source:
        """Follow one measure of a table; checked daily, its data fetched when the table has a new release."""
        added = registry.add_source(self._db, name or f"CBS: {settings.label}", "indicator", self._url(settings),
                                    folder=folder, theme_hints=theme_hints, fulltext=False, interval_minutes=24 * 60,
                                    indicator=settings.to_dict())
        return added.source

    @staticmethod
    def _url(settings: IndicatorSettings) -> str:
        """The table's address plus the filter, so two measures or regions of one table are two sources."""
        chosen = "&".join(f"{k}={v.strip()}" for k, v in sorted(settings.filters.items()))
        return f"{settings.table_url}?measure={settings.measure}{'&' + chosen if chosen else ''}"

    def settings(self, source: Source) -> IndicatorSettings:
        return IndicatorSettings.from_dict(source.indicator)

    def update_settings(self, source_id: int, settings: IndicatorSettings) -> None:
        registry.update_source(self._db, source_id, indicator=settings.to_dict())

    def record(self, source_id: int, settings: IndicatorSettings, points: list[Point]) -> list[NewItem]:
        """Store a fetch: the settings learnt from the table (unit, title, rhythm) and the periods; returns the
        signals (as items of the source) of the new periods that moved beyond the threshold."""
        source = registry.get_source(self._db, source_id)
        if settings.to_dict() != source.indicator:
            registry.update_source(self._db, source_id, indicator=settings.to_dict())
        return [signal_item(source_id, settings, m) for m in self.save(source_id, points, settings.threshold)]

    def save(self, source_id: int, points: list[Point], threshold: float) -> list[Movement]:
        """Store fetched periods; returns the new periods' movements beyond the threshold."""
        return save_series(self._db, source_id, points, threshold)

    def series(self, source_id: int) -> list[Point]:
        return load_series(self._db, source_id)

    def all_series(self) -> list[IndicatorSeries]:
        """Every indicator source with its series, by name."""
        return [IndicatorSeries(s, self.settings(s), load_series(self._db, s.id))
                for s in registry.list_sources(self._db) if s.kind == "indicator"]
