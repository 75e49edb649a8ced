"""The sources to scan, with their health."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.sources import registry

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from store.core.models import Source
    from store.sources.registry import AddedSource


class Sources(Manager):
    """The sources to scan, with their health."""

    def list_sources(self, include_local: bool = False) -> list[Source]:
        """Sources the user manages (feeds, searches, pages), by folder and name."""
        return registry.list_sources(self._db, include_local)

    def get_source(self, ref: int | str) -> Source:
        """A source by id or (case-insensitive) name; raises SourceNotFoundError."""
        return registry.get_source(self._db, ref)

    def add_source(
        self,
        name: str,
        kind: str,
        url: str,
        *,
        query: str | None = None,
        selector: str | None = None,
        folder: str = "",
        theme_hints: Iterable[str] = (),
        fulltext: bool = True,
        interval_minutes: int = 60,
        site_url: str | None = None,
        topic_filter: bool = False,
        indicator: dict | None = None,
    ) -> AddedSource:
        """Add a source; adding one that exists (same kind and URL) re-activates it instead."""
        return registry.add_source(
            self._db,
            name,
            kind,
            url,
            query=query,
            selector=selector,
            folder=folder,
            theme_hints=theme_hints,
            fulltext=fulltext,
            interval_minutes=interval_minutes,
            site_url=site_url,
            topic_filter=topic_filter,
            indicator=indicator,
        )

    def update_source(self, source_id: int, **fields: object) -> Source:
        """Change editable settings (name, folder, enabled, fulltext, theme_hints, selector, ...)."""
        return registry.update_source(self._db, source_id, **fields)

    def remove_source(self, source_id: int) -> int:
        """Remove a source from the list; its items stay (with tags and notes). Returns their number."""
        return registry.remove_source(self._db, source_id)

    def record_health(
        self,
        source_id: int,
        *,
        status: str,
        checked: datetime,
        next_due: datetime,
        etag: str | None = None,
        last_modified: str | None = None,
        error_code: str | None = None,
        error_params: dict | None = None,
        warning_code: str | None = None,
        warning_params: dict | None = None,
        success: bool = False,
        name: str | None = None,
        site_url: str | None = None,
    ) -> None:
        """Store the outcome of one fetch. A failure keeps the last ETag and success date."""
        return registry.record_health(
            self._db,
            source_id,
            status=status,
            checked=checked,
            next_due=next_due,
            etag=etag,
            last_modified=last_modified,
            error_code=error_code,
            error_params=error_params,
            warning_code=warning_code,
            warning_params=warning_params,
            success=success,
            name=name,
            site_url=site_url,
        )

    def forget_filtered(self, source_id: int) -> int:
        """Forget the entries a source's topic filter left out, so the next full fetch weighs them again."""
        from store.sources.topic_filter import forget_filtered

        return forget_filtered(self._db, source_id)

    def known_urls(self, canonical_urls: Iterable[str]) -> set[str]:
        """Which of these canonical URLs are already stored."""
        return registry.known_urls(self._db, canonical_urls)
