"""Hybrid search: BM25 keyword ranking and kNN semantic ranking, fused by reciprocal rank."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.core.errors import QueryError, VectorIndexError
from store.core.models import SEARCH_MODES, SearchFilters, SearchHit, SearchResults, Snippet
from store.db.connection import Database
from store.items.fts import keyword_ranking
from store.items.queries import get_summaries, latest_ids
from store.search.filters import filter_sql
from store.search.query_parser import ParsedQuery, parse_query
from store.search.snippets import make_snippet

if TYPE_CHECKING:
    from store.vectors.vector_store import VectorStore

# RRF constant and list weights, chosen by 2-fold cross-validation on the evaluation set
# (benchmarks/eval_search.py): a small k lets the top of each list count; items that
# match only some of the query's words are weaker evidence than items that match all.
RRF_K = 10
LOOSE_WEIGHT = 0.5
DEPTH = 100  # candidates taken from each ranked list
SEMANTIC_SPREAD = 0.3  # semantic hits this much less similar than the best one are left out
EXACT_FILTER_LIMIT = 50_000  # below this many filtered items, rank them exactly


@dataclass
class _Ranked:
    keyword: list[tuple[int, float]]
    semantic: list[tuple[int, float]]
    strict_count: int = 0


def rrf(*rankings: list[int], k: int = RRF_K, weights: list[list[float]] | None = None) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of ranked id lists; returns (id, fused score) best first.

    `weights`, if given, holds one weight per entry of each ranking (default 1.0).
    """
    scores: dict[int, float] = {}
    for n, ranking in enumerate(rankings):
        for rank, item_id in enumerate(ranking, start=1):
            weight = weights[n][rank - 1] if weights else 1.0
            scores[item_id] = scores.get(item_id, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], -kv[0]))


def keyword_candidates(database: Database, parsed: ParsedQuery, where: str, params: list,
                       depth: int) -> tuple[list[tuple[int, float]], int]:
    """Items with all words first (strict), then items with some of them (loose).

    Returns the ranking and how many of its entries are strict matches.
    """
    strict = keyword_ranking(database, parsed.strict, where, params, depth)
    if len(strict) >= depth or parsed.loose == parsed.strict:
        return strict, len(strict)
    seen = {i for i, _ in strict}
    loose = keyword_ranking(database, parsed.loose, where, params, depth)
    return strict + [(i, s) for i, s in loose if i not in seen][: depth - len(strict)], len(strict)


def semantic_candidates(
    database: Database, vectors: VectorStore, text: str, where: str, params: list, depth: int
) -> list[tuple[int, float]]:
    """Nearest items to the query text that pass the filter, without the clearly unrelated tail."""
    query_vector = vectors.embed_query(text)
    if where == "1":
        found = vectors.nearest(query_vector, depth)
    else:
        found = filtered_nearest(database, vectors, query_vector, where, params, depth)
    if not found:
        return found
    floor = found[0][1] - SEMANTIC_SPREAD
    return [(i, s) for i, s in found if s >= floor]


def filtered_nearest(database: Database, vectors: VectorStore, query_vector, where: str, params: list,
                     depth: int, exclude: int | None = None) -> list[tuple[int, float]]:
    """kNN restricted to items matching an SQL filter: over-fetch, then exact ranking if too few."""
    allowed_count = int(database.scalar(f"SELECT COUNT(*) FROM items i WHERE {where}", tuple(params)) or 0)
    if allowed_count <= EXACT_FILTER_LIMIT:
        ids = [r[0] for r in database.query(f"SELECT i.id FROM items i WHERE {where}", tuple(params))]
        ids = [i for i in ids if i != exclude]
        return vectors.exact_nearest(query_vector, ids, depth)
    candidates = vectors.nearest(query_vector, depth * 10)
    if not candidates:
        return []
    cand_ids = [i for i, _ in candidates]
    rows = database.query(
        f"SELECT i.id FROM items i WHERE i.id IN ({','.join('?' * len(cand_ids))}) AND {where}",
        (*cand_ids, *params),
    )
    keep = {r[0] for r in rows} - {exclude}
    return [(i, s) for i, s in candidates if i in keep][:depth]


def collapse_stories(database: Database, ranked: list[tuple[int, float]], limit: int) -> list[tuple[int, float]]:
    """The best `limit` entries with each story shown once (by its best-ranked item)."""
    out: list[tuple[int, float]] = []
    seen: set[int] = set()
    for start in range(0, len(ranked), 500):
        chunk = ranked[start : start + 500]
        ids = [i for i, _ in chunk]
        story = {r[0]: r[1] for r in database.query(
            f"SELECT id, story_id FROM items WHERE id IN ({','.join('?' * len(ids))})", tuple(ids))}
        for item_id, score in chunk:
            key = story.get(item_id)
            if key is not None:
                if key in seen:
                    continue
                seen.add(key)
            out.append((item_id, score))
            if len(out) >= limit:
                return out
    return out


def _snippets(database: Database, ids: list[int], parsed: ParsedQuery) -> dict[int, Snippet]:
    out: dict[int, Snippet] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows = database.query(
            f"SELECT id, summary, full_text FROM items WHERE id IN ({','.join('?' * len(chunk))})", tuple(chunk)
        )
        for r in rows:
            text = r["full_text"] or r["summary"] or ""
            snippet = make_snippet(text, parsed.highlight_stems, parsed.highlight_prefixes)
            if not snippet.highlights and r["summary"] and r["full_text"]:
                alt = make_snippet(r["summary"], parsed.highlight_stems, parsed.highlight_prefixes)
                snippet = alt if alt.highlights else snippet
            out[r["id"]] = snippet
    return out


def search(
    database: Database,
    vectors: VectorStore | None,
    query: str,
    mode: str = "hybrid",
    filters: SearchFilters | None = None,
    limit: int = 20,
    language: str = "nl",
) -> SearchResults:
    """Search items; an empty query lists the newest items that pass the filters.

    Raises QueryError when the query has words but none that can be searched for.
    If the vector index cannot be used, hybrid search falls back to keywords and
    says so in `notice`.
    """
    if mode not in SEARCH_MODES:
        raise QueryError(f"Unknown search mode '{mode}'. Use one of: {', '.join(SEARCH_MODES)}.")
    limit = max(1, min(int(limit), 1000))
    where, params = filter_sql(filters)
    if not (query or "").strip():
        newest = latest_ids(database, where, params, limit * 3)
        ids = [i for i, _ in collapse_stories(database, [(i, 0.0) for i in newest], limit)]
        summaries = get_summaries(database, ids, language)
        hits = [SearchHit(summaries[i], 0.0, Snippet("")) for i in ids if i in summaries]
        return SearchResults(query="", mode=mode, hits=hits)
    parsed = parse_query(query)
    if not parsed.has_terms and not parsed.semantic_text:
        raise QueryError(
            "The search has no words to look for (only operators, symbols or excluded words). "
            "Add at least one word, for example: huisvesting Tilburg."
        )
    depth = max(DEPTH, limit)
    notice = ""
    ranked = _Ranked([], [])
    semantic: Future | None = None
    with ThreadPoolExecutor(1, thread_name_prefix="semantic-search") as pool:
        if mode in ("hybrid", "semantic"):
            if vectors is None:
                notice = "Semantic search is not available; showing keyword results."
            else:  # runs beside the keyword query: SQLite, numpy and Chroma release the GIL
                semantic = pool.submit(semantic_candidates, database, vectors,
                                       parsed.semantic_text or query, where, params, depth)
        if mode in ("hybrid", "keyword"):
            ranked.keyword, ranked.strict_count = keyword_candidates(database, parsed, where, params, depth)
        if semantic is not None:
            try:
                ranked.semantic = semantic.result()
            except VectorIndexError as exc:
                notice = f"Semantic search is not available ({exc}); showing keyword results."
    return _assemble(database, query, mode, parsed, ranked, limit, language, notice)


def _assemble(database: Database, query: str, mode: str, parsed: ParsedQuery, ranked: _Ranked,
              limit: int, language: str, notice: str) -> SearchResults:
    kw_rank = {i: r for r, (i, _) in enumerate(ranked.keyword, start=1)}
    sem_rank = {i: r for r, (i, _) in enumerate(ranked.semantic, start=1)}
    sims = dict(ranked.semantic)
    if mode == "keyword":
        ordered = ranked.keyword
    elif mode == "semantic":
        ordered = ranked.semantic
    else:
        kw_weights = [1.0 if n < ranked.strict_count else LOOSE_WEIGHT for n in range(len(ranked.keyword))]
        ordered = rrf([i for i, _ in ranked.keyword], [i for i, _ in ranked.semantic],
                      weights=[kw_weights, [1.0] * len(ranked.semantic)])
    top = collapse_stories(database, ordered, limit)
    ids = [i for i, _ in top]
    summaries = get_summaries(database, ids, language)
    snippets = _snippets(database, ids, parsed)
    hits = [
        SearchHit(summaries[i], round(score, 6), snippets.get(i, Snippet("")),
                  kw_rank.get(i), sem_rank.get(i), sims.get(i))
        for i, score in top if i in summaries
    ]
    return SearchResults(query=query, mode=mode, hits=hits, total_keyword=len(ranked.keyword), notice=notice)
