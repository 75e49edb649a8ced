"""The vector index of the team database: pgvector itself (HNSW per model, cosine), in the place of the
Chroma index of local mode. The vectors are the `embeddings` rows, so there is nothing to keep in step."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from store.team import queries


class TeamVectorIndex:
    """VectorIndex's calls on the team database: writes are no-ops (the rows are the index), queries go
    through the model's HNSW index, or exactly over a given set of items."""

    def __init__(self, database: Any, embedder_name: str, dim: int) -> None:
        self.database = database
        self.embedder_name = embedder_name
        self.dim = dim
        self.path = Path(database.path)
        self.recovered_from: Path | None = None

    def upsert(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        """Nothing to do: the stored vectors are the index."""

    def delete(self, ids: Sequence[int]) -> None:
        """Nothing to do: the stored vectors are the index."""

    def reset(self) -> None:
        """Nothing to do: the stored vectors are the index."""

    def close(self) -> None:
        """Nothing to close: the database connection is the store's."""

    def move_aside(self) -> Path | None:
        return None

    def count(self) -> int:
        return int(self.database.scalar("SELECT COUNT(*) FROM embeddings WHERE model = ?", (self.embedder_name,))
                   or 0)

    def ids(self) -> set[int]:
        return {int(r[0]) for r in self.database.query(
            "SELECT item_id FROM embeddings WHERE model = ?", (self.embedder_name,))}

    def query(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        with self.database.lock, self.database.translated_errors():
            return queries.nearest(self.database.raw, vector, self.embedder_name, self.dim, k)

    def exact(self, vector: np.ndarray, ids: Sequence[int], k: int) -> list[tuple[int, float]]:
        with self.database.lock, self.database.translated_errors():
            return queries.nearest(self.database.raw, vector, self.embedder_name, self.dim, k, among=list(ids))

    def unfindable(self, ids: Sequence[int], vectors: np.ndarray, batch: int = 256) -> list[int]:
        return []  # exact search covers what the graph misses (see nearest)
