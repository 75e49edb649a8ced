"""The topic filter of a general news feed: keep what is about our field, leave out (and count) the rest.

A national daily's feed carries sport and weather beside the one article on labour migration. A source
with the filter on keeps an entry when any of these would want it: an enabled rule matches it, it names a
watchlist actor of the field (a company, agency, public body, union... not a place or a country), a theme
fits it as confidently as a suggestion needs, or it lies nearer to the themes' own examples than to
examples of other news (its nearest five on each side, by the embedder). Whatever is left
out is remembered (`filtered_entries`), so a later scan neither weighs it again nor counts it twice, and the
number per source is shown with the source. benchmarks/eval_topic_filter.py measures it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from store.core.models import NewItem, Theme
from store.core.text import fold
from store.core.timeutil import now_iso
from store.core.urls import canonical_url
from store.db.connection import Database
from store.signals.watchlist import ACTOR_KINDS, names_any_actor
from store.sources.general_news import GENERAL_NEWS_EXAMPLES
from store.themes.rules import compile_rule, list_rules
from store.themes.seed_examples import NONE_EXAMPLES
from store.themes.suggestions import SUGGEST_MIN, _embed_cached, build_model, theme_texts
from store.vectors.embedders import Embedder
from store.vectors.vector_store import VectorStore, embedding_text

# actors whose mention makes an entry ours: the market, the public bodies, unions... not the places and
# countries on the watchlist (general news names Eindhoven or Poland every day)
FIELD_ACTORS = tuple(k for k in ACTOR_KINDS if k not in ("municipality", "country"))
NEAREST = 5  # examples on each side that the field margin compares
MIN_MARGIN = 0.0  # nearer to the field than to other news (by the mean of the nearest): kept
ORIGIN_ALLOWANCE = 0.05  # ... or nearly as near, when it names a country the workers come from


@dataclass(frozen=True)
class FilterResult:
    kept: list[NewItem]
    left_out: list[NewItem]


def _rule_or_actor(database: Database, items: Sequence[NewItem]) -> list[bool]:
    matchers = [compile_rule(r.match, r.pattern, r.field) for r in list_rules(database) if r.enabled]
    texts = [(fold(i.title), fold(f"{i.summary}\n{i.text}")) for i in items]
    by_rule = [any(m(title, text) for m in matchers) for title, text in texts]
    by_actor = names_any_actor(database, [f"{i.title}\n{i.summary}\n{i.text}" for i in items], FIELD_ACTORS)
    return [a or b for a, b in zip(by_rule, by_actor, strict=True)]


def field_margin(embedder: Embedder, themes: list[Theme], matrix: np.ndarray) -> np.ndarray:
    """Per row: how much nearer it is to the themes' descriptions and examples than to other news (the mean
    cosine of the NEAREST on each side)."""
    field = _embed_cached(embedder, [t for theme in themes for t in theme_texts(theme)])
    other = _embed_cached(embedder, [*NONE_EXAMPLES, *GENERAL_NEWS_EXAMPLES])

    def nearest(examples: np.ndarray) -> np.ndarray:
        k = min(NEAREST, len(examples))
        return np.sort(matrix @ examples.T, axis=1)[:, -k:].mean(axis=1)

    return nearest(field) - nearest(other)


def _themes_want(database: Database, vectors: VectorStore, items: Sequence[NewItem]) -> list[bool]:
    texts = [embedding_text(i.title, i.summary, i.text) for i in items]
    matrix = vectors.embed_texts(texts)
    model = build_model(database, vectors)
    if not model.themes:
        return [True] * len(items)  # no themes to judge by: keep everything
    best = model.confidences(matrix).max(axis=1)
    margin = field_margin(vectors.embedder, model.themes, matrix)
    # a country of origin named (Poolse, Roemenië...) is weak evidence: a little less nearness will do
    origin = np.array(names_any_actor(database, [f"{i.title}\n{i.summary}\n{i.text}" for i in items], ("country",)))
    return list((best >= SUGGEST_MIN) | (margin >= MIN_MARGIN - ORIGIN_ALLOWANCE * origin))


def filter_on_topic(database: Database, vectors: VectorStore, source_id: int,
                    items: Sequence[NewItem]) -> FilterResult:
    """Split a source's new items into those about our field and those left out (which are remembered)."""
    if not items:
        return FilterResult([], [])
    wanted = _rule_or_actor(database, items)
    undecided = [i for i, w in zip(items, wanted, strict=True) if not w]
    by_theme = iter(_themes_want(database, vectors, undecided)) if undecided else iter(())
    keep = [w or bool(next(by_theme)) for w in wanted]
    kept = [i for i, k in zip(items, keep, strict=True) if k]
    left_out = [i for i, k in zip(items, keep, strict=True) if not k]
    if left_out:
        now = now_iso()
        with database.write("sources") as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO filtered_entries (canonical_url, source_id, title, seen) VALUES (?, ?, ?, ?)",
                [(i.canonical_url or canonical_url(i.url), source_id, i.title[:300], now) for i in left_out])
    return FilterResult(kept, left_out)


def forget_filtered(database: Database, source_id: int) -> int:
    """Forget what a source's filter left out (after the filter is switched off or the rules changed), so the
    next full fetch weighs those entries again; returns how many."""
    with database.write("sources") as conn:
        return conn.execute("DELETE FROM filtered_entries WHERE source_id = ?", (source_id,)).rowcount
