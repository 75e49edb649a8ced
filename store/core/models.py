"""Plain dataclasses the store returns; callers (CLI, desktop) decide how to show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

ItemState = Literal["new", "read", "dismissed"]
STATES: tuple[str, ...] = ("new", "read", "dismissed")
FILTER_STATES: tuple[str, ...] = ("new", "read", "starred", "dismissed")
SearchMode = Literal["hybrid", "keyword", "semantic"]
SEARCH_MODES: tuple[str, ...] = ("hybrid", "keyword", "semantic")


@dataclass(frozen=True)
class NewItem:
    """What a scanner or importer hands to the store. Only url and title are required."""

    url: str
    title: str
    text: str = ""
    summary: str = ""
    published: datetime | None = None
    source: str | None = None  # source name; created as an 'import' source if unknown
    source_id: int | None = None
    language: str | None = None  # detected when missing
    guid: str | None = None
    canonical_url: str | None = None  # computed when missing
    is_example: bool = False
    content_html: str = ""  # sanitised HTML for display (the scanner sanitises with nh3)
    fulltext_status: str | None = None  # None (not needed) | ok | failed
    outlet: str | None = None  # the publisher, when the item came through a news search that names it


@dataclass(frozen=True)
class Theme:
    key: str
    label_nl: str
    label_en: str
    description_nl: str
    description_en: str
    position: int

    def label(self, language: str = "nl") -> str:
        return self.label_en if language == "en" and self.label_en else self.label_nl


@dataclass(frozen=True)
class ItemTheme:
    key: str
    label: str
    origin: str  # manual | rule | suggested
    confidence: float | None
    decision: str | None  # None | accepted | rejected
    explanation: str = ""  # JSON evidence (see store.themes.explain)
    decided_by: str | None = None  # team mode: who set, confirmed or rejected it
    decided_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Shown as a theme of the item: set by hand, by a rule, or an accepted suggestion."""
        if self.decision == "rejected":
            return False
        return self.origin != "suggested" or self.decision == "accepted"


SOURCE_KINDS: tuple[str, ...] = ("feed", "search", "page", "indicator")


@dataclass(frozen=True)
class Source:
    """A source with its settings and health."""

    id: int
    name: str
    kind: str  # feed | search | page | indicator | import | example
    url: str | None
    folder: str = ""
    enabled: bool = True
    fulltext: bool = True
    theme_hints: tuple[str, ...] = ()
    query: str | None = None
    selector: str | None = None
    site_url: str | None = None
    interval_minutes: int = 60
    etag: str | None = None
    last_modified: str | None = None
    last_checked: datetime | None = None
    last_success: datetime | None = None
    last_status: str = "never"  # never | ok | not_modified | failing
    last_error_code: str | None = None
    last_error_params: dict = field(default_factory=dict)
    last_warning_code: str | None = None
    last_warning_params: dict = field(default_factory=dict)
    consecutive_failures: int = 0
    next_due: datetime | None = None
    items: int = 0
    indicator: dict = field(default_factory=dict)  # an indicator source's table, measure and filter
    topic_filter: bool = False  # keep only the items about our field (rules, themes)
    filtered: int = 0  # entries the topic filter left out, all scans together

    @property
    def scannable(self) -> bool:
        return self.kind in SOURCE_KINDS


@dataclass(frozen=True)
class ItemSummary:
    """An item as a list shows it."""

    id: int
    url: str
    title: str
    source: str
    published: datetime | None
    language: str
    state: str
    starred: bool
    is_example: bool
    story_id: int | None = None
    themes: tuple[ItemTheme, ...] = ()
    story_size: int = 1  # items in its story (1: not part of a story)
    source_count: int = 1  # distinct sources that carried the item or its story
    lead: str = ""  # the first words of its summary or text, for list rows


@dataclass(frozen=True)
class Item(ItemSummary):
    """An item with everything the reader pane needs."""

    canonical_url: str = ""
    guid: str | None = None
    summary: str = ""
    full_text: str = ""
    fetched: datetime | None = None
    published_estimated: bool = False
    source_id: int | None = None
    content_hash: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""
    content_html: str = ""
    fulltext_status: str | None = None
    sightings: tuple[tuple[int, str, str], ...] = ()  # (item id, source name, url) for the item or its story
    note_by: str | None = None  # team mode: who saved the note last, and when
    note_updated: datetime | None = None
    note_version: int = 0  # team mode: the note's version, what an edit is based on


@dataclass(frozen=True)
class Snippet:
    """A piece of text with the matched words at `highlights` (start, end offsets)."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()

    def marked(self, before: str = "**", after: str = "**") -> str:
        """The snippet with every highlight wrapped in markers."""
        out, last = [], 0
        for start, end in self.highlights:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


@dataclass(frozen=True)
class SearchHit:
    item: ItemSummary
    score: float
    snippet: Snippet
    keyword_rank: int | None = None  # 1-based rank in the keyword list
    semantic_rank: int | None = None
    similarity: float | None = None  # cosine similarity to the query


@dataclass
class SearchFilters:
    themes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # source names or ids
    since: datetime | None = None
    until: datetime | None = None
    languages: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)  # new | read | starred | dismissed

    def is_empty(self) -> bool:
        return not (self.themes or self.sources or self.since or self.until or self.languages or self.states)


@dataclass
class SearchResults:
    query: str
    mode: str
    hits: list[SearchHit]
    total_keyword: int = 0
    notice: str = ""  # e.g. "semantic search unavailable: ..."


@dataclass
class IngestResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # same text under another URL: stored once, the sighting recorded
    stories_new: int = 0  # stories formed by new items and near-duplicates from other sources
    added_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)
    cancelled: bool = False
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (url, why): items that could not be stored


@dataclass(frozen=True)
class Stats:
    items: int
    sources: int
    themes: int
    vectors: int | None  # None: the vector index cannot be read now
    embedder: str
    dim: int
    data_dir: str
    embedded: int
    db_bytes: int
