"""The weekly digests: making and filling them, their candidates, the document and its exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.digest import candidates, digests, document

if TYPE_CHECKING:
    from datetime import date, datetime

    from store.digest.candidates import Candidate
    from store.digest.digests import AddedToDigest, AddedToWeek, DigestSummary
    from store.digest.document import DigestDocument, SourceLink
    from store.vectors.vector_store import VectorStore


class Digests(Manager):
    """The weekly digests: making and filling them, their candidates, the document and its exports."""

    def week_digest(self, year: int, week: int, create: bool = True) -> DigestSummary | None:
        """The digest of an ISO week, created (empty, as a draft) when missing and `create` is set."""
        return digests.week_digest(self._db, year, week, create)

    def create_digest(
        self, start: date, end: date, title: str, year: int | None = None, week: int | None = None
    ) -> DigestSummary:
        """A new draft digest for a date range (inclusive), with a section per theme."""
        return digests.create_digest(self._db, start, end, title, year, week)

    def get_summary(self, digest_id: int) -> DigestSummary:
        """The digest's title, period, status and item count."""
        return digests.get_summary(self._db, digest_id)

    def list_digests(self) -> list[DigestSummary]:
        """All digests, newest period first (the archive)."""
        return digests.list_digests(self._db)

    def digest_item_ids(self, digest_id: int) -> set[int]:
        """The ids of the items in a digest."""
        return digests.digest_item_ids(self._db, digest_id)

    def best_section(self, item_id: int) -> str:
        """The section an item goes to: its first theme in taxonomy order, else its best suggestion."""
        return digests.best_section(self._db, item_id)

    def default_summary(self, item_id: int) -> str:
        """The summary an item gets in a digest: its lead."""
        return digests.default_summary(self._db, item_id)

    def sent_before(self, item_id: int, exclude: int | None = None) -> tuple[str, ...]:
        """Labels of sent digests that already had the item."""
        return digests.sent_before(self._db, item_id, exclude)

    def add_item(
        self, digest_id: int, item_id: int, so_what: str | None = None, section: str | None = None
    ) -> AddedToDigest:
        """Add an item (at the end of its section); flags it when an earlier sent digest had it."""
        return digests.add_item(self._db, digest_id, item_id, so_what, section)

    def remove_item(self, digest_id: int, item_id: int) -> bool:
        """Take an item out of a digest; False if it was not in it."""
        return digests.remove_item(self._db, digest_id, item_id)

    def set_item_text(
        self, digest_id: int, item_id: int, summary: str | None = None, so_what: str | None = None,
        based_on: int | None = None,
    ) -> int:
        """Edit an item's summary and/or so-what line in a digest; team mode: `based_on` is the Entry.version
        the edit started from (texts someone else changed since raise EditConflictError)."""
        return digests.set_item_text(self._db, digest_id, item_id, summary, so_what, based_on)

    def update_digest(self, digest_id: int, title: str | None = None, intro: str | None = None) -> None:
        """Edit the title and/or the introduction."""
        return digests.update_digest(self._db, digest_id, title, intro)

    def set_status(self, digest_id: int, status: str) -> None:
        """Mark a digest sent (remembering when) or back to draft."""
        return digests.set_status(self._db, digest_id, status)

    def delete_digest(self, digest_id: int) -> None:
        """Remove a digest from the archive (the items themselves stay)."""
        return digests.delete_digest(self._db, digest_id)

    def section_order(self, digest_id: int) -> list[str]:
        """The digest's section keys in order."""
        return digests.section_order(self._db, digest_id)

    def item_order(self, digest_id: int) -> dict[str, list[int]]:
        """Item ids per section, in order."""
        return digests.item_order(self._db, digest_id)

    def set_order(
        self, digest_id: int, sections: list[str] | None = None, items: dict[str, list[int]] | None = None
    ) -> None:
        """Set the order of sections and/or items (an item listed under another section moves there)."""
        return digests.set_order(self._db, digest_id, sections, items)

    def move_item(self, digest_id: int, item_id: int, section: str, position: int) -> None:
        """Move one item to a section (any theme key, or OTHER_SECTION) at a position (0 = first)."""
        return digests.move_item(self._db, digest_id, item_id, section, position)

    def move_section(self, digest_id: int, key: str, position: int) -> None:
        """Move a section to a position."""
        return digests.move_section(self._db, digest_id, key, position)

    def find_digest(self, ref: str | int, create: bool = False) -> DigestSummary:
        """A digest by id or by ISO week ('2026-W48'); the week's digest is created when asked."""
        return digests.find_digest(self._db, ref, create)

    def in_any_digest(self) -> set[int]:
        """Items in a digest, and every item of their stories (a story goes in once)."""
        return candidates.in_any_digest(self._db)

    def digest_candidates(
        self,
        vectors: VectorStore,
        digest_id: int,
        per_theme: int = 3,
        language: str = "nl",
        now: datetime | None = None,
    ) -> list[Candidate]:
        """Per section (theme order, 'other' last), the best `per_theme` items of the digest's period by signal"""
        return candidates.digest_candidates(self._db, vectors, digest_id, per_theme, language, now)

    def story_sources(self, item_ids: list[int]) -> dict[int, tuple[SourceLink, ...]]:
        """For each item, every item of its story as (source name, url): the item itself first."""
        return document.story_sources(self._db, item_ids)

    def load_document(self, digest_id: int, language: str = "nl", include_empty: bool = False) -> DigestDocument:
        """The digest with its sections (in order; empty ones left out unless asked) and entries (in order)."""
        return document.load_document(self._db, digest_id, language, include_empty)

    def add_to_week(self, item_ids: list[int], year: int, week: int, so_what: str | None = None) -> AddedToWeek:
        """Add items to the digest of an ISO week (made if it does not exist yet)."""
        return digests.add_to_week(self._db, item_ids, year, week, so_what)
