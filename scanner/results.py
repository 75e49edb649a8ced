"""What a scan reports: per source, and in total."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class SourceOutcome:
    source_id: int
    name: str
    status: str  # ok | not_modified | failed | cancelled
    new_items: int = 0
    known_items: int = 0  # entries already stored (same URL, guid or text)
    stories_new: int = 0
    fulltext_failed: int = 0
    skipped_entries: int = 0  # entries with nothing to show (no title, no text, no link)
    off_topic: int = 0  # new entries the source's topic filter left out
    error_code: str | None = None
    error_params: dict = field(default_factory=dict)
    warning_code: str | None = None
    warning_params: dict = field(default_factory=dict)
    next_due: datetime | None = None


@dataclass
class ScanSummary:
    run_id: int
    started: datetime
    finished: datetime | None = None
    cancelled: bool = False
    outcomes: list[SourceOutcome] = field(default_factory=list)
    sources_total: int = 0
    alerts: list = field(default_factory=list)  # alerts raised by what this scan brought in

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def items_new(self) -> int:
        return sum(o.new_items for o in self.outcomes)

    @property
    def duplicates(self) -> int:
        return sum(o.known_items for o in self.outcomes)

    @property
    def off_topic(self) -> int:
        return sum(o.off_topic for o in self.outcomes)

    @property
    def stories_new(self) -> int:
        return sum(o.stories_new for o in self.outcomes)

    @property
    def failed(self) -> list[SourceOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]
