"""The derived vector index: a ChromaDB collection of our own vectors, cosine space.

SQLite holds every embedding too, so this index can always be rebuilt from there.
chromadb is imported on first use only (it takes over a second to import).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from store.core.errors import VectorIndexError
from store.core.timeutil import local_now

log = logging.getLogger(__name__)


def collection_name(embedder_name: str) -> str:
    """A valid Chroma collection name that is unique per embedder."""
    digest = hashlib.sha1(embedder_name.encode("utf-8")).hexdigest()[:12]
    return f"items-{digest}"


class VectorIndex:
    """Chroma PersistentClient in `path`, one collection per embedder name."""

    def __init__(self, path: Path, embedder_name: str) -> None:
        self.path = path
        self.name = collection_name(embedder_name)
        self.embedder_name = embedder_name
        self._client = None
        self._collection = None
        self.recovered_from: Path | None = None

    # -- opening -----------------------------------------------------------
    def _connect(self):
        import chromadb
        from chromadb.config import Settings

        self.path.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(
            path=str(self.path),
            settings=Settings(anonymized_telemetry=False, allow_reset=True),
        )
        try:
            collection = client.get_or_create_collection(
                self.name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": self.embedder_name},
                embedding_function=None,
            )
            collection.count()  # touches the segment files: fails here if they are damaged
        except Exception:
            client.close()
            raise
        return client, collection

    @property
    def collection(self):
        """The Chroma collection, opened on first use; a damaged index is moved aside."""
        if self._collection is None:
            try:
                self._client, self._collection = self._connect()
            except Exception as exc:  # noqa: BLE001 - any failure means: rebuild from SQLite
                log.warning("vector index at %s unusable (%s); starting a new one", self.path, exc)
                self._move_aside()
                try:
                    self._client, self._collection = self._connect()
                except Exception as exc2:  # noqa: BLE001
                    raise VectorIndexError(
                        f"Cannot open or recreate the vector index in {self.path} ({exc2}). "
                        "Check that the data folder is writable; keyword search still works."
                    ) from exc2
        return self._collection

    def _move_aside(self) -> None:
        self.close()
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # a failed start leaves a broken system cached
        if self.path.exists():
            target = self.path.with_name(f"{self.path.name}.damaged-{local_now():%Y%m%d-%H%M%S}")
            shutil.move(str(self.path), str(target))
            self.recovered_from = target

    def close(self) -> None:
        """Release the client and its files (Chroma persists on every write)."""
        client, self._client, self._collection = self._client, None, None
        if client is not None and hasattr(client, "close"):
            try:
                client.close()
            except Exception:  # noqa: BLE001 - closing a broken client must not fail the caller
                log.debug("closing the vector index failed", exc_info=True)

    # -- writing -----------------------------------------------------------
    def upsert(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        """Add or replace vectors for item ids."""
        if not len(ids):
            return
        col = self.collection
        assert self._client is not None
        step = max(1, min(5000, self._client.get_max_batch_size()))
        for i in range(0, len(ids), step):
            col.upsert(ids=[str(x) for x in ids[i : i + step]], embeddings=vectors[i : i + step])

    def delete(self, ids: Sequence[int]) -> None:
        """Remove item ids (missing ids are ignored)."""
        if ids:
            col = self.collection
            for i in range(0, len(ids), 5000):
                col.delete(ids=[str(x) for x in ids[i : i + 5000]])

    def reset(self) -> None:
        """Drop this embedder's collection and start empty."""
        col = self.collection
        assert self._client is not None
        self._client.delete_collection(col.name)
        self._collection = None

    # -- reading -----------------------------------------------------------
    def count(self) -> int:
        return int(self.collection.count())

    def ids(self) -> set[int]:
        """All item ids in the index."""
        return {int(x) for x in self.collection.get(include=[])["ids"]}

    def query(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest items as (item id, cosine similarity), best first."""
        total = self.count()
        if total == 0 or k <= 0:
            return []
        result = self.collection.query(
            query_embeddings=np.asarray(vector, dtype=np.float32).reshape(1, -1),
            n_results=min(k, total),
            include=["distances"],
        )
        return [(int(i), 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)]
