"""Vectors in team mode: embedded as in local mode, kept in the team database's `embeddings` (pgvector),
searched there (HNSW, or exactly over a filter's items), with no second index to keep in step."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from store.core.progress import ProgressCallback
from store.core.timeutil import now_iso
from store.db.connection import Database
from store.team.schema import vector_index_sql
from store.team.vector_index import TeamVectorIndex
from store.vectors.embedders import Embedder
from store.vectors.vector_store import VectorStore, text_hash

log = logging.getLogger(__name__)


class TeamVectorStore(VectorStore):
    """VectorStore on the team database."""

    def __init__(self, database: Database, data_dir: Path, embedder: Embedder) -> None:
        super().__init__(database, data_dir, embedder)
        self.index = TeamVectorIndex(database, embedder.name, embedder.dim)  # type: ignore[assignment]

    def stored(self, vector: np.ndarray) -> Any:
        return np.asarray(vector, dtype=np.float32)  # pgvector's adapter writes arrays as `vector`

    def store_vectors(self, batch: list[tuple[int, str]], vectors: np.ndarray) -> None:
        """Save vectors for (item id, embedded text) pairs: one write, nothing else to update."""
        now = now_iso()
        with self.database.write("vectors") as conn:
            conn.executemany(
                "INSERT INTO embeddings (item_id, model, dim, text_hash, vector, created) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(item_id) DO UPDATE SET model = excluded.model, dim = excluded.dim,"
                " text_hash = excluded.text_hash, vector = excluded.vector, created = excluded.created,"
                " passages_hash = NULL",
                [(i, self.embedder.name, int(v.shape[0]), text_hash(t), self.stored(v), now)
                 for (i, t), v in zip(batch, vectors, strict=True)])

    def ensure_ready(self, progress: ProgressCallback | None = None, cancel: Any = None) -> dict:
        report = super().ensure_ready(progress, cancel)
        self._ensure_hnsw()
        return report

    def _ensure_hnsw(self) -> None:
        """The model's HNSW index, made if the connected role may (team init makes it as the owner)."""
        import psycopg

        raw = self.database.raw  # type: ignore[attr-defined]
        with self.database.lock:
            try:
                for statement in vector_index_sql(self.embedder.name, self.embedder.dim):
                    raw.execute(statement)
            except psycopg.errors.InsufficientPrivilege:
                log.info("no HNSW index for %s yet: run 'horizonscan team init --model' as the owner",
                         self.embedder.name)

    def _drop_other_models(self, old_name: str) -> None:
        with self.database.write("vectors") as conn:
            conn.execute("DELETE FROM embeddings WHERE model != ?", (self.embedder.name,))
            conn.execute("DELETE FROM passage_vectors WHERE model != ?", (self.embedder.name,))

    def sync_index(self, progress: ProgressCallback | None = None, force: bool = False) -> tuple[int, int]:
        return 0, 0  # the rows are the index

    def rebuild_index(self, progress: ProgressCallback | None = None) -> int:
        return self.stored_count()

    def nearest(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        return self.index.query(vector, k)

    def exact_nearest(self, vector: np.ndarray, ids: Sequence[int], k: int) -> list[tuple[int, float]]:
        """Exact cosine ranking computed in the database (no vectors travel to this computer)."""
        return self.index.exact(vector, ids, k)  # type: ignore[attr-defined]
