"""Searching the team database: keyword candidates through `items.search` and nearest vectors through
pgvector, the two parts that hybrid search fuses (the fusion itself is shared with local mode)."""

from __future__ import annotations

from typing import Any

import numpy as np

TITLE_WEIGHT, BODY_WEIGHT = 3.0, 1.0  # as the local BM25 weights (store.items.fts)


def keyword_ranking(conn: Any, tsquery_text: str, limit: int) -> list[tuple[int, float]]:
    """Items matching the tsquery (store.search.tsquery), best first, as (id, score); title words weigh more."""
    if not tsquery_text:
        return []
    weights = f"'{{0.1, 0.1, {BODY_WEIGHT / TITLE_WEIGHT:.3f}, 1.0}}'"  # {D, C, B, A}: body B, title A
    rows = conn.execute(
        f"SELECT id, ts_rank_cd({weights}, search, q) AS score FROM items, to_tsquery('simple', %s) q"
        " WHERE search @@ q ORDER BY score DESC, id DESC LIMIT %s", (tsquery_text, limit)).fetchall()
    return [(int(i), float(s)) for i, s in rows]


def _vector_literal(vector: np.ndarray) -> str:
    return "[" + ",".join(f"{v:.7g}" for v in np.asarray(vector, dtype=np.float32)) + "]"


def nearest(conn: Any, vector: np.ndarray, model: str, dim: int, k: int,
            among: list[int] | None = None) -> list[tuple[int, float]]:
    """The k items nearest in meaning as (id, cosine similarity): through the HNSW index of `model`, or exactly
    when `among` (a filter's result) is small."""
    cast = f"vector::vector({int(dim)})"
    literal = _vector_literal(vector)
    if among is not None:
        if not among:
            return []
        # materialised first: else the planner may walk the HNSW index and filter afterwards, which finds
        # only the candidates among the index's first few dozen (pgvector's filtering pitfall)
        rows = conn.execute(
            "WITH candidates AS MATERIALIZED (SELECT item_id, vector FROM embeddings WHERE model = %s"
            f" AND item_id = ANY(%s)) SELECT item_id, 1 - ({cast} <=> %s::vector) FROM candidates"
            f" ORDER BY {cast} <=> %s::vector LIMIT %s", (model, among, literal, literal, k)).fetchall()
    else:
        conn.execute(f"SET hnsw.ef_search = {max(40, min(1000, 2 * k))}")  # recall for deep pages
        rows = conn.execute(
            f"SELECT item_id, 1 - ({cast} <=> %s::vector) FROM embeddings WHERE model = %s"
            f" ORDER BY {cast} <=> %s::vector LIMIT %s", (literal, model, literal, k)).fetchall()
    return [(int(i), float(s)) for i, s in rows]
