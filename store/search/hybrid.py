"""Hybrid search: BM25 keyword ranking and kNN semantic ranking, fused by their scores.

A relevance floor (store.search.relevance) keeps stray-word keyword hits and merely
"least unrelated" semantic neighbours out, so a query with nothing to find finds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from store.core.errors import QueryError, VectorIndexError
from store.core.models import SEARCH_MODES, SearchFilters, SearchHit, SearchResults, Snippet
from store.db.connection import NO_FILTER, Database
from store.items.fts import keyword_ranking
from store.items.queries import get_summaries, latest_ids
from store.search.filters import filter_sql
from store.search.query_parser import ParsedQuery, parse_query
from store.search.relevance import LOOSE_MIN_COVERAGE, MIN_COVERAGE, coverage, semantic_floor
from store.search.snippets import make_snippet

if TYPE_CHECKING:
    from store.vectors.vector_store import VectorStore

# Items that match only some of the query's words are weaker evidence than items that
# match all (benchmarks/eval_search.py measures the weights on the development queries).
LOOSE_WEIGHT = 0.5
DEPTH = 100  # candidates taken from each ranked list
SEMANTIC_SPREAD = 0.3  # semantic hits this much less similar than the best one are left out
EXACT_FILTER_SMALL = 2_000  # a filter leaving at most this many items: rank them exactly
EXACT_FILTER_LIMIT = 50_000  # up to this many: exactly too, when over-fetching from the index finds too few
MAX_OVERFETCH = 3_000  # nearest neighbours fetched at most to be filtered
# Ranking a filter's items exactly reads their vectors from the database; over-fetching asks the index for many
# neighbours, which costs about this many times more per neighbour than exact ranking per item (and holds
# Python's lock all along, while the keyword side waits): the cheaper of the two is taken
OVERFETCH_COST = 2.0
PASSAGE_CANDIDATES = 2 * DEPTH  # candidates scored by their passages too (the rest by the item's vector)


# Score fusion: each list's scores scaled to its best, then weighted. Keyword evidence
# weighs less when no item has all the query's words (e.g. an English query on Dutch items).
KEYWORD_WEIGHT = 0.5
KEYWORD_WEIGHT_WITHOUT_STRICT = 0.3
# Pseudo-relevance feedback in hybrid mode: the query vector plus this weight times the mean of
# the first ranking's best items (+0.02 nDCG@5 on the development queries).
FEEDBACK_ITEMS = 3
FEEDBACK_WEIGHT = 1.0


@dataclass
class _Ranked:
    keyword: list[tuple[int, float]]
    semantic: list[tuple[int, float]]
    strict_count: int = 0
    coverage: dict[int, float] | None = None
    query_vector: np.ndarray | None = None
    cache: CandidateVectors | None = None  # the candidates' vectors, read once per search


def apply_floor(database: Database, parsed: ParsedQuery, ranked: _Ranked, floor: float | None) -> bool:
    """Drop what is no evidence (see store.search.relevance); False when nothing is left to show.

    `floor` is the embedder's semantic floor, None when semantic search is not in play.
    """
    loose = [i for i, _ in ranked.keyword[ranked.strict_count:]]
    ranked.coverage = coverage(database, parsed.terms, loose)
    best = ranked.semantic[0][1] if ranked.semantic else -1.0
    on_topic = (ranked.strict_count > 0 or max(ranked.coverage.values(), default=0.0) >= MIN_COVERAGE
                or (floor is not None and best >= floor))
    if not on_topic:
        ranked.keyword, ranked.semantic, ranked.strict_count = [], [], 0
        return False
    near = {i for i, _ in ranked.semantic}
    kept = [(i, s) for i, s in ranked.keyword[ranked.strict_count:]
            if ranked.coverage[i] >= LOOSE_MIN_COVERAGE or i in near]
    ranked.keyword = ranked.keyword[: ranked.strict_count] + kept
    return True


def fuse(ranked: _Ranked) -> list[tuple[int, float]]:
    """Weighted sum of the keyword score (relative to the best, loose hits by their coverage)
    and the cosine similarity; best first."""
    weight = KEYWORD_WEIGHT if ranked.strict_count else KEYWORD_WEIGHT_WITHOUT_STRICT
    scores: dict[int, float] = {}
    if ranked.keyword:
        top = max(s for _, s in ranked.keyword) or 1.0
        coverage_of = ranked.coverage or {}
        for n, (item_id, score) in enumerate(ranked.keyword):
            share = 1.0 if n < ranked.strict_count else LOOSE_WEIGHT * coverage_of.get(item_id, 1.0)
            scores[item_id] = weight * share * score / top
    for item_id, similarity in ranked.semantic:
        scores[item_id] = scores.get(item_id, 0.0) + (1 - weight) * similarity
    return sorted(scores.items(), key=lambda kv: (-kv[1], -kv[0]))


def keyword_candidates(database: Database, parsed: ParsedQuery, where: str, params: list,
                       depth: int, enough: int | None = None,
                       before_loose: Callable[[], object] | None = None,
                       look_back: int | None = None) -> tuple[list[tuple[int, float]], int]:
    """Items with all words first (strict), then items with some of them (loose), unless the strict ones
    are `enough` (default: depth) already. `before_loose` is called before the loose ones are looked up.
    Older items than the newest are searched for all words when the newest have fewer than `look_back`
    (default: `enough`) of them.

    Returns the ranking and how many of its entries are strict matches.
    """
    strict = keyword_ranking(database, parsed.strict, where, params, depth, look_back or enough)
    if len(strict) >= (enough or depth) or parsed.loose == parsed.strict:
        return strict, len(strict)
    if before_loose is not None:
        before_loose()
    seen = {i for i, _ in strict}
    # those with some of the words from the newest items only: weak evidence, and the semantic side reaches
    # the older ones
    loose = keyword_ranking(database, parsed.loose, where, params, depth, recent_only=True)
    return strict + [(i, s) for i, s in loose if i not in seen][: depth - len(strict)], len(strict)


def semantic_candidates(
    database: Database, vectors: VectorStore, query_vector: np.ndarray, where: str, params: list, depth: int
) -> list[tuple[int, float]]:
    """Nearest items to the query vector that pass the filter, without the clearly unrelated tail."""
    if where == NO_FILTER:
        found = vectors.nearest(query_vector, depth)
    else:
        found = filtered_nearest(database, vectors, query_vector, where, params, depth)
    if not found:
        return found
    floor = found[0][1] - SEMANTIC_SPREAD
    return [(i, s) for i, s in found if s >= floor]


def _embed_and_find(database: Database, vectors: VectorStore, text: str, where: str, params: list,
                    depth: int) -> tuple[np.ndarray, list[tuple[int, float]]]:
    query_vector = vectors.embed_query(text)
    return query_vector, semantic_candidates(database, vectors, query_vector, where, params, depth)


class CandidateVectors:
    """The item and passage vectors of one search's candidates, read once and scored against the query
    vector and again against the feedback vector."""

    def __init__(self, vectors: VectorStore) -> None:
        self.vectors = vectors
        self.known: set[int] = set()
        self.deep: set[int] = set()  # those whose passages were read
        self.item_ids: list[int] = []
        self.items = np.zeros((0, vectors.embedder.dim), dtype=np.float32)
        self.owners: list[int] = []
        self.passages = np.zeros((0, vectors.embedder.dim), dtype=np.float32)

    def _load(self, ids: list[int]) -> None:
        new = [i for i in ids if i not in self.known]
        if not new:
            return
        self.known.update(new)
        found, matrix = self.vectors.vectors_for(new)
        if found:
            self.item_ids += found
            self.items = np.vstack([self.items, matrix])
        # passages for the first candidates only: a long result list (the desktop's 500 rows) would read
        # every passage of a thousand items, the slowest part of a search; further down the item's vector rules
        deep = [i for i in new if i not in self.deep][: max(0, PASSAGE_CANDIDATES - len(self.deep))]
        self.deep.update(deep)
        if not deep:
            return
        owners, passages = self.vectors.passage_vectors_for(deep)
        if owners:
            self.owners += owners
            self.passages = np.vstack([self.passages, passages])

    def best(self, vector: np.ndarray, ids: list[int]) -> dict[int, float]:
        """Each candidate's best cosine similarity: its own vector's or one of its passages'."""
        self._load(ids)
        wanted = set(ids)
        query = np.asarray(vector, dtype=np.float32)
        best: dict[int, float] = {}
        for owners, matrix in ((self.item_ids, self.items), (self.owners, self.passages)):
            if not owners:
                continue
            for item_id, score in zip(owners, (matrix @ query).tolist(), strict=True):
                if item_id in wanted and score > best.get(item_id, -2.0):
                    best[item_id] = score
        return best


def score_candidates(vectors: VectorStore, vector: np.ndarray, ids: list[int],
                     cache: CandidateVectors | None = None) -> list[tuple[int, float]]:
    """Candidates ranked by their best vector (the item's own or a passage's), without the tail."""
    found = (cache or CandidateVectors(vectors)).best(vector, ids)
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], -kv[0]))
    return [(i, s) for i, s in ranked if s >= ranked[0][1] - SEMANTIC_SPREAD] if ranked else []


def _candidates(ranked: _Ranked) -> list[int]:
    """The ids of both lists, taken by turns (the best of each first), each once."""
    semantic, keyword = [i for i, _ in ranked.semantic], [i for i, _ in ranked.keyword]
    turns = [i for pair in zip(semantic, keyword, strict=False) for i in pair]
    rest = semantic[len(keyword):] + keyword[len(semantic):]
    return list(dict.fromkeys(turns + rest))


def feedback_ranking(vectors: VectorStore, query_vector: np.ndarray, ranked: _Ranked,
                     first: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Pseudo-relevance feedback: the query vector moved towards the best first results, used to
    rank the candidates of both lists again (finds items that use other words than the query)."""
    top_ids, top = vectors.vectors_for([i for i, _ in first[:FEEDBACK_ITEMS]])
    if not top_ids:
        return ranked.semantic
    expanded = query_vector + FEEDBACK_WEIGHT * top.mean(axis=0)
    expanded = expanded / (np.linalg.norm(expanded) or 1.0)
    return score_candidates(vectors, expanded, _candidates(ranked), ranked.cache) or ranked.semantic


def filtered_nearest(database: Database, vectors: VectorStore, query_vector, where: str, params: list,
                     depth: int, exclude: int | None = None) -> list[tuple[int, float]]:
    """kNN restricted to items matching an SQL filter: a narrow filter's items are ranked exactly; a wider
    one over-fetches from the index in proportion to how much it leaves out (when that costs less than
    ranking its items exactly), and is ranked exactly only if that finds too few."""
    allowed_count = int(database.read_scalar(  # counted up to the limit: beyond it the number changes nothing
        f"SELECT COUNT(*) FROM (SELECT 1 FROM items i WHERE {where} LIMIT {EXACT_FILTER_LIMIT + 1})",
        tuple(params)) or 0)
    total = int(database.read_scalar("SELECT MAX(id) FROM items") or 0)  # about the number of items, at once
    fetch = min(MAX_OVERFETCH, max(depth * 10, int(depth * 2 * total / max(allowed_count, 1))))
    if allowed_count <= max(EXACT_FILTER_SMALL, OVERFETCH_COST * fetch):
        return _exact_filtered(database, vectors, query_vector, where, params, depth, exclude)
    candidates = vectors.nearest(query_vector, fetch)
    if candidates:
        cand_ids = [i for i, _ in candidates]
        rows = database.read_query(
            f"SELECT i.id FROM items i WHERE i.id IN ({','.join('?' * len(cand_ids))}) AND {where}",
            (*cand_ids, *params),
        )
        keep = {r[0] for r in rows} - {exclude}
        found = [(i, s) for i, s in candidates if i in keep][:depth]
        if len(found) >= depth or allowed_count > EXACT_FILTER_LIMIT:
            return found
    return _exact_filtered(database, vectors, query_vector, where, params, depth, exclude)


def _exact_filtered(database: Database, vectors: VectorStore, query_vector, where: str, params: list,
                    depth: int, exclude: int | None) -> list[tuple[int, float]]:
    return vectors.exact_nearest_where(query_vector, where, params, depth, exclude)


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
    snippet_rows: int | None = None,
) -> SearchResults:
    """Search items; an empty query lists the newest items that pass the filters.

    `snippet_rows`: only the first this many hits get their snippet (None: all); a list that shows
    hundreds of hits asks for the rest with `snippets_for` once the first rows are on screen.

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
        if vectors is None:
            if mode != "keyword":
                notice = "Semantic search is not available; showing keyword results."
        elif mode != "keyword":  # runs beside the keyword query
            semantic = pool.submit(_embed_and_find, database, vectors, parsed.semantic_text or query, where,
                                   params, depth)
        # keyword evidence is gathered in every mode: the relevance floor needs it. Items with all the words
        # come first: with twice a page of them, those with some of the words are not needed (in hybrid mode
        # the semantic side brings what the words miss)
        enough = min(depth, 2 * limit)

        def look_up_semantic() -> None:  # in keyword mode, only when the relevance floor needs it
            nonlocal semantic
            if semantic is None and vectors is not None:
                semantic = pool.submit(_embed_and_find, database, vectors, parsed.semantic_text or query, where,
                                       params, depth)

        # loose matches are about to be looked up: the floor will weigh them by their meaning, so that starts now
        # semantic mode shows no keyword hits: they are evidence for the floor, and one among the newest is
        # enough of that (the older items come through their meaning, without ranking the whole archive's words)
        ranked.keyword, ranked.strict_count = keyword_candidates(
            database, parsed, where, params, depth, enough, before_loose=look_up_semantic,
            look_back=1 if mode == "semantic" else None)
        if _floor_needs_semantic(ranked):
            look_up_semantic()
        if semantic is not None:
            try:
                ranked.query_vector, ranked.semantic = semantic.result()
            except VectorIndexError as exc:
                if mode != "keyword":
                    notice = f"Semantic search is not available ({exc}); showing keyword results."
    floor = semantic_floor(vectors.embedder.name) if vectors is not None and ranked.semantic else None
    if apply_floor(database, parsed, ranked, floor) and vectors is not None and ranked.query_vector is not None \
            and ranked.semantic and mode != "keyword":  # long articles: an item also scores by its best passage
        ranked.cache = CandidateVectors(vectors)
        ranked.semantic = score_candidates(vectors, ranked.query_vector, _candidates(ranked),
                                           ranked.cache) or ranked.semantic
    return _assemble(database, vectors, query, mode, parsed, ranked, limit, language, notice, snippet_rows)


def snippets_for(database: Database, query: str, ids: list[int]) -> dict[int, Snippet]:
    """The snippets of these items for a query (the rows of a long result list after the first ones)."""
    return _snippets(database, ids, parse_query(query)) if (query or "").strip() else {}


def _floor_needs_semantic(ranked: _Ranked) -> bool:
    """In keyword mode the query is embedded only when the relevance floor must weigh semantic evidence: no
    item has all the query's words, or some hits have only some of them. Most keyword searches skip it."""
    return ranked.strict_count == 0 or ranked.strict_count < len(ranked.keyword)


def _assemble(database: Database, vectors: VectorStore | None, query: str, mode: str, parsed: ParsedQuery,
              ranked: _Ranked, limit: int, language: str, notice: str,
              snippet_rows: int | None = None) -> SearchResults:
    kw_rank = {i: r for r, (i, _) in enumerate(ranked.keyword, start=1)}
    sem_rank = {i: r for r, (i, _) in enumerate(ranked.semantic, start=1)}
    sims = dict(ranked.semantic)
    if mode == "keyword":
        ordered = ranked.keyword
    elif mode == "semantic":
        ordered = ranked.semantic
    else:
        ordered = fuse(ranked)
        if vectors is not None and ranked.query_vector is not None and ranked.semantic:
            ranked.semantic = feedback_ranking(vectors, ranked.query_vector, ranked, ordered)
            ordered = fuse(ranked)
    top = collapse_stories(database, ordered, limit)
    ids = [i for i, _ in top]
    summaries = get_summaries(database, ids, language)
    snippets = _snippets(database, ids if snippet_rows is None else ids[:snippet_rows], parsed)
    hits = [
        SearchHit(summaries[i], round(score, 6), snippets.get(i, Snippet("")),
                  kw_rank.get(i), sem_rank.get(i), sims.get(i))
        for i, score in top if i in summaries
    ]
    return SearchResults(query=query, mode=mode, hits=hits, total_keyword=len(ranked.keyword), notice=notice)
