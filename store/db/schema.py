"""The schema, as numbered migrations (see store.db.migrations)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Migration:
    """One step of the schema: applied once, in number order, recorded in PRAGMA user_version."""

    number: int
    name: str
    apply: Callable[[sqlite_utils.Database], None]

def initial_schema(db: sqlite_utils.Database) -> None:
    """Sources, items, themes, tags, notes, embeddings, scan runs and the FTS index."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("sources").create(
        {
            "id": int,
            "name": str,
            "kind": str,  # feed | search | page | import | example
            "url": str,
            "folder": str,
            "enabled": int,
            "fulltext": int,
            "theme_hints": str,  # JSON list of theme keys
            "created": str,
        },
        pk="id",
        not_null={"name", "kind"},
        defaults={"enabled": 1, "fulltext": 1, "theme_hints": "[]", "folder": ""},
    )
    db.table("sources").create_index(["kind", "url"], unique=True)
    db.table("stories").create({"id": int, "created": str}, pk="id")
    db.table("items").create(
        {
            "id": int,
            "url": str,
            "canonical_url": str,
            "guid": str,
            "title": str,
            "summary": str,
            "full_text": str,
            "published": str,  # ISO 8601 UTC, "YYYY-MM-DDTHH:MM:SSZ"
            "published_estimated": int,  # 1 = no date in the source; fetch time used
            "fetched": str,
            "language": str,
            "source_id": int,
            "content_hash": str,
            "state": str,  # new | read | dismissed
            "starred": int,
            "story_id": int,
            "is_example": int,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"url", "canonical_url", "title", "state"},
        defaults={"state": "new", "starred": 0, "is_example": 0, "published_estimated": 0,
                  "summary": "", "full_text": ""},
        foreign_keys=[("source_id", "sources", "id"), ("story_id", "stories", "id")],
    )
    db.table("items").create_index(["canonical_url"], unique=True)
    db.table("items").create_index(["guid"])
    db.table("items").create_index(["content_hash"])
    db.table("items").create_index(["published"])
    db.table("items").create_index(["source_id", "published"])
    db.table("items").create_index(["state"])
    db.table("items").create_index(["story_id"])
    db.table("themes").create(
        {
            "key": str,
            "label_nl": str,
            "label_en": str,
            "description_nl": str,
            "description_en": str,
            "position": int,
            "created": str,
        },
        pk="key",
        not_null={"label_nl"},
    )
    db.table("item_themes").create(
        {
            "item_id": int,
            "theme_key": str,
            "origin": str,  # manual | rule | suggested
            "confidence": float,
            "decision": str,  # NULL (undecided) | accepted | rejected
            "explanation": str,
            "updated": str,
        },
        pk=("item_id", "theme_key"),
        foreign_keys=[("item_id", "items", "id"), ("theme_key", "themes", "key")],
    )
    db.table("item_themes").create_index(["theme_key", "item_id"])
    db.table("tags").create({"id": int, "name": str}, pk="id", not_null={"name"})
    db.execute("CREATE UNIQUE INDEX idx_tags_name ON tags(name COLLATE NOCASE)")
    db.table("item_tags").create(
        {"item_id": int, "tag_id": int},
        pk=("item_id", "tag_id"),
        foreign_keys=[("item_id", "items", "id"), ("tag_id", "tags", "id")],
    )
    db.table("notes").create(
        {"item_id": int, "body": str, "created": str, "updated": str},
        pk="item_id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("embeddings").create(
        {"item_id": int, "model": str, "dim": int, "text_hash": str, "vector": bytes, "created": str},
        pk="item_id",
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("embeddings").create_index(["model"])
    db.table("scan_runs").create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "status": str,  # running | done | cancelled | failed | interrupted (its process was killed)
            "sources_total": int,
            "sources_ok": int,
            "sources_not_modified": int,
            "sources_failed": int,
            "items_new": int,
            "duplicates": int,
            "stories_new": int,
            "details": str,  # JSON
        },
        pk="id",
    )
    # Full-text index over Snowball-stemmed title and body; rowid = items.id.
    db.execute(
        "CREATE VIRTUAL TABLE items_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def scanner_schema(db: sqlite_utils.Database) -> None:
    """Columns and tables the scanner needs; existing rows get sensible defaults."""
    sources = db.table("sources")
    for column, col_type, default in (
        ("query", str, None),  # search sources: the search words
        ("selector", str, None),  # page sources: CSS selector for article links
        ("site_url", str, None),
        ("interval_minutes", int, 60),
        ("etag", str, None),
        ("last_modified", str, None),
        ("last_checked", str, None),
        ("last_success", str, None),
        ("last_status", str, "never"),  # never | ok | not_modified | failing
        ("last_error_code", str, None),
        ("last_error_params", str, None),  # JSON
        ("last_warning_code", str, None),
        ("last_warning_params", str, None),  # JSON
        ("consecutive_failures", int, 0),
        ("next_due", str, None),
        ("removed", int, 0),  # removed by the user: hidden, kept so its items keep their source
    ):
        if default is None:
            sources.add_column(column, col_type)
        else:
            sources.add_column(column, col_type, not_null_default=default)
    items = db.table("items")
    items.add_column("content_html", str)  # sanitised with nh3, for the reader
    items.add_column("fulltext_status", str)  # NULL (not needed) | ok | failed | pending
    items.add_column("fulltext_attempts", int, not_null_default=0)
    items.create_index(["fulltext_status"])
    db.table("item_sources").create(
        {"item_id": int, "source_id": int, "url": str, "first_seen": str},
        pk=("item_id", "source_id"),
        foreign_keys=[("item_id", "items", "id"), ("source_id", "sources", "id")],
    )
    db.execute(
        "INSERT OR IGNORE INTO item_sources (item_id, source_id, url, first_seen)"
        " SELECT id, source_id, url, created FROM items WHERE source_id IS NOT NULL"
    )
    db.table("item_sources").create_index(["source_id"])


def intelligence_schema(db: sqlite_utils.Database) -> None:
    """Rules per theme, the watchlist, and which items mention which actor."""
    db.table("rules").create(
        {
            "id": int,
            "theme_key": str,
            "match": str,  # any | all | phrase | regex | fuzzy
            "pattern": str,
            "field": str,  # title | text | both
            "enabled": int,
            "created": str,
        },
        pk="id",
        not_null={"theme_key", "match", "pattern", "field"},
        defaults={"enabled": 1, "field": "both"},
        foreign_keys=[("theme_key", "themes", "key")],
    )
    db.table("actors").create(
        {"id": int, "name": str, "kind": str, "aliases": str, "seeded": int, "created": str},
        pk="id",
        not_null={"name", "kind"},
        defaults={"aliases": "[]", "seeded": 0, "kind": "other"},
    )
    db.execute("CREATE UNIQUE INDEX idx_actors_name ON actors(name COLLATE NOCASE)")
    db.table("actor_mentions").create(
        {"actor_id": int, "item_id": int, "count": int},
        pk=("actor_id", "item_id"),
        foreign_keys=[("actor_id", "actors", "id"), ("item_id", "items", "id")],
    )
    db.table("actor_mentions").create_index(["item_id"])


def digest_schema(db: sqlite_utils.Database) -> None:
    """Saved searches for the sidebar; digests with sections per theme and curated items."""
    db.table("saved_searches").create(
        {"id": int, "name": str, "query": str, "mode": str, "filters": str, "position": int, "created": str},
        pk="id",
        not_null={"name"},
        defaults={"query": "", "mode": "hybrid", "filters": "{}", "position": 0},
    )
    db.table("digests").create(
        {
            "id": int,
            "year": int,  # ISO week, for the default one-digest-per-week
            "week": int,
            "start": str,  # first day (YYYY-MM-DD), inclusive
            "end": str,  # last day, inclusive
            "title": str,
            "intro": str,
            "status": str,  # draft | sent
            "created": str,
            "updated": str,
            "sent_at": str,
        },
        pk="id",
        not_null={"title", "status", "start", "end"},
        defaults={"intro": "", "status": "draft"},
    )
    db.table("digests").create_index(["year", "week"])
    db.table("digest_sections").create(
        {"digest_id": int, "theme_key": str, "position": int, "title": str},
        pk=("digest_id", "theme_key"),
        foreign_keys=[("digest_id", "digests", "id")],
    )
    db.table("digest_items").create(
        {"digest_id": int, "item_id": int, "section": str, "position": int, "summary": str, "so_what": str,
         "added": str},
        pk=("digest_id", "item_id"),
        foreign_keys=[("digest_id", "digests", "id"), ("item_id", "items", "id")],
    )
    db.table("digest_items").create_index(["item_id"])


def passage_schema(db: sqlite_utils.Database) -> None:
    """Passage vectors: the parts of long articles after the lead, embedded apart."""
    db.table("passage_vectors").create(
        {"item_id": int, "seq": int, "model": str, "vector": bytes},
        pk=("item_id", "seq"),
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("embeddings").add_column("passages_hash", str)  # NULL: the passages are not embedded yet


def recovery_schema(db: sqlite_utils.Database) -> None:
    """What an interrupted run leaves to finish: automation steps per item, and who runs a scan."""
    db.table("automation_pending").create(
        {"item_id": int, "steps_done": int},  # bit flags, see store.automation.STEPS
        pk="item_id",
        foreign_keys=[("item_id", "items", "id")],
        not_null={"steps_done"},
        defaults={"steps_done": 0},
    )
    db.table("scan_runs").add_column("pid", int)
    db.table("scan_runs").add_column("host", str)


def outlet_schema(db: sqlite_utils.Database) -> None:
    """The publisher of an item that came through a news search (Google News names it in <source>)."""
    db.table("items").add_column("outlet", str)


def indicator_schema(db: sqlite_utils.Database) -> None:
    """Indicator sources (a statistics table's series), and the topic filter of general news feeds."""
    sources = db.table("sources")
    sources.add_column("indicator", str)  # JSON settings of an indicator source (store.indicators.settings)
    sources.add_column("topic_filter", int, not_null_default=0)  # 1: keep only items about our field
    db.table("indicator_points").create(
        {"source_id": int, "period": str, "period_start": str, "period_label": str, "value": float,
         "status": str, "first_seen": str, "updated": str},
        pk=("source_id", "period"),
        foreign_keys=[("source_id", "sources", "id")],
        not_null={"period_start"},
    )
    db.table("filtered_entries").create(  # entries a source's topic filter left out (known, so never again)
        {"canonical_url": str, "source_id": int, "title": str, "seen": str},
        pk="canonical_url",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db.table("filtered_entries").create_index(["source_id"])


def cards_schema(db: sqlite_utils.Database) -> None:
    """Horizon scanning: signal cards with their evidence and history, developments, and alerts."""
    db.table("developments").create(
        {"id": int, "title": str, "description": str, "created": str, "updated": str},
        pk="id", not_null={"title"}, defaults={"description": ""},
    )
    db.table("signal_cards").create(
        {"id": int, "title": str, "description": str, "brabant": str, "category": str, "card_type": str,
         "horizon": str, "impact": int, "impact_why": str, "likelihood": int, "likelihood_why": str,
         "status": str, "owner": str, "development_id": int, "themes": str, "actors": str,
         "created": str, "updated": str, "version": int},
        pk="id", not_null={"title", "status"},
        defaults={"description": "", "brabant": "", "impact_why": "", "likelihood_why": "", "status": "new",
                  "themes": "[]", "actors": "[]", "version": 1},
        foreign_keys=[("development_id", "developments", "id")],
    )
    db.table("signal_cards").create_index(["status"])
    db.table("signal_cards").create_index(["development_id"])
    db.table("card_evidence").create(  # the items behind a card, with what they said when linked
        {"card_id": int, "item_id": int, "url": str, "title": str, "outlet": str, "published": str,
         "seen": str, "snapshot": str, "added": str, "added_by": str},
        pk=("card_id", "item_id"),
        foreign_keys=[("card_id", "signal_cards", "id"), ("item_id", "items", "id")],
    )
    db.table("card_evidence").create_index(["item_id"])
    db.table("card_history").create(
        {"id": int, "card_id": int, "at": str, "who": str, "field": str, "old": str, "new": str},
        pk="id", foreign_keys=[("card_id", "signal_cards", "id")],
    )
    db.table("card_history").create_index(["card_id", "at"])
    db.table("alerts").create(
        {"id": int, "kind": str, "key": str, "message": str, "item_id": int, "card_id": int, "created": str,
         "seen": int},
        pk="id", not_null={"kind", "key", "message", "created"}, defaults={"seen": 0},
    )
    db.table("alerts").create_index(["kind", "key"], unique=True)  # one alert per cause
    db.table("alerts").create_index(["created"])


def scale_schema(db: sqlite_utils.Database) -> None:
    """Vectors found by the hash of their text, so a text already embedded (a repost, an unchanged passage
    of an updated article) is never embedded again; search filters answered from an index."""
    db.table("passage_vectors").add_column("text_hash", str)
    # on the hash alone: an index led by the model would tempt the planner away from the item id
    db.table("embeddings").create_index(["text_hash"])
    db.table("passage_vectors").create_index(["text_hash"])
    # search filters answered from an index: in the items table these columns lie after the article's text
    db.table("items").create_index(["published", "source_id", "language", "state", "starred", "story_id"],
                                   index_name="idx_items_filters")


RECENT_KEYWORD_ITEMS = 30_000  # store.items.fts.RECENT_KEEP when this migration was written


def keyword_scale_schema(db: sqlite_utils.Database) -> None:
    """What keeps keyword search quick in a large archive. The terms of the keyword index, so a prefix
    ("arbeidsmigrant*") becomes the few words it stands for: FTS5 itself reads a prefix's matches across the
    whole archive, whatever the search's range. And a second index of the newest items, where ranking
    happens: FTS5's BM25 counts each word's matches in the whole index it ranks in."""
    db.execute("CREATE TABLE items_fts_terms (term TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute("CREATE VIRTUAL TABLE temp.items_fts_vocab USING fts5vocab(main, 'items_fts', 'row')")
    db.execute("INSERT OR IGNORE INTO items_fts_terms (term) SELECT term FROM temp.items_fts_vocab")
    db.execute("DROP TABLE temp.items_fts_vocab")
    db.execute("CREATE VIRTUAL TABLE items_fts_recent USING fts5("
               "title, body, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO items_fts_recent (rowid, title, body) SELECT rowid, title, body FROM items_fts"
               " WHERE rowid > (SELECT COALESCE(MAX(rowid), 0) FROM items_fts) - ?", [RECENT_KEYWORD_ITEMS])


# The schema's history, oldest first: the data the runner (store.db.migrations) applies.
MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", initial_schema),
    Migration(2, "scanner: source settings and health, sanitised HTML, full-text state, sightings, stories",
              scanner_schema),
    Migration(3, "themes at work: rules, watchlist actors and their mentions", intelligence_schema),
    Migration(4, "saved searches and weekly digests", digest_schema),
    Migration(5, "passage vectors for long articles", passage_schema),
    Migration(6, "finishing interrupted runs: pending automation steps, the process of a scan", recovery_schema),
    Migration(7, "the publisher of items found through a news search", outlet_schema),
    Migration(8, "indicator series and the topic filter of news feeds", indicator_schema),
    Migration(9, "signal cards, developments and alerts", cards_schema),
    Migration(10, "vectors found by the hash of their text; search filters from an index", scale_schema),
    Migration(11, "the terms of the keyword index, for prefixes; an index of the newest items for ranking",
              keyword_scale_schema),
]
