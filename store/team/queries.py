"""Nearest vectors on the team database through pgvector (keyword ranking is store.team.keyword's)."""

from __future__ import annotations

from typing import Any

import numpy as np


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
