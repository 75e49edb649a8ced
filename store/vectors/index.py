"""The derived vector index: a ChromaDB collection of our own vectors, cosine space.

SQLite holds every embedding too, so this index can always be rebuilt from there.
chromadb is imported on first use only (it takes over a second to import).

Chroma's PersistentClient is not safe with two processes (the desktop's engine and the CLI,
say): each keeps its own in-memory view and writes it back over the other's. So every use of
the index, by any process or thread, happens under one inter-process lock (a lock file beside
the index, with a timeout), and a process whose view is older than the last write by someone
else closes its client and opens the index afresh before using it (see `IndexGuard`).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from store.core.errors import VectorIndexError
from store.core.heap import settle
from store.core.timeutil import local_now
from store.db.failures import is_disk_full, storage_error
from store.vectors.index_guard import IndexGuard, is_rust_panic

log = logging.getLogger(__name__)

FINDABLE_K = 10  # a stored vector counts as findable when its own item is among this many nearest
DEEP_K = 200  # ...or, asked again, among this many
TIE_DISTANCE = 1e-3  # cosine distance under which vectors are the same for the search (identical texts)


def collection_name(embedder_name: str) -> str:
    """A valid Chroma collection name that is unique per embedder."""
    digest = hashlib.sha1(embedder_name.encode("utf-8")).hexdigest()[:12]
    return f"items-{digest}"


LARGE_INDEX = 20_000  # from this many vectors on, the index's size is remembered (see _known_size)


class VectorIndex:
    """Chroma PersistentClient in `path`, one collection per embedder name, used under `IndexGuard`."""

    def __init__(self, path: Path, embedder_name: str) -> None:
        self.path = path
        self.name = collection_name(embedder_name)
        self.embedder_name = embedder_name
        self.guard = IndexGuard(path, self)
        self._client = None
        self._collection = None
        self._size: int | None = None  # the number of vectors, remembered once the index is large
        self.recovered_from: Path | None = None

    # -- opening -----------------------------------------------------------
    def _connect(self):
        import chromadb
        from chromadb.config import Settings

        self.path.mkdir(parents=True, exist_ok=True)
        try:
            client = chromadb.PersistentClient(
                path=str(self.path),
                settings=Settings(anonymized_telemetry=False, allow_reset=True),
            )
        except BaseException as exc:
            if isinstance(exc, Exception) or is_rust_panic(exc):
                raise _OpenError(str(exc)) from exc
            raise
        try:
            collection = client.get_or_create_collection(
                self.name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedder": self.embedder_name},
                embedding_function=None,
            )
            collection.count()  # touches the segment files: fails here if they are damaged
        except BaseException as exc:
            client.close()
            if isinstance(exc, Exception) or is_rust_panic(exc):
                raise _OpenError(str(exc)) from exc
            raise
        return client, collection

    @property
    def collection(self):
        """The Chroma collection, opened on first use; a damaged index is moved aside.
        Call under the guard (`_use`)."""
        if self._collection is None:
            try:
                self._client, self._collection = self._connect()
            except _OpenError as exc:  # any failure means: rebuild from SQLite
                log.warning("vector index at %s unusable (%s); starting a new one", self.path, exc)
                self._move_aside()
                try:
                    self._client, self._collection = self._connect()
                except _OpenError as exc2:
                    raise VectorIndexError(
                        f"Cannot open or recreate the vector index in {self.path} ({exc2}). "
                        "Check that the data folder is writable; keyword search still works."
                    ) from exc2
            settle("vector index")
        return self._collection

    def _move_aside(self) -> None:
        self.close()
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # a failed start leaves a broken system cached
        if self.path.exists():
            target = self.path.with_name(f"{self.path.name}.damaged-{local_now():%Y%m%d-%H%M%S}")
            shutil.move(str(self.path), str(target))
            self.recovered_from = target
        self.guard.mark_written()  # other processes must let go of the old files

    def move_aside(self) -> Path | None:
        """Set the whole index aside (it is damaged); the next use starts a new one. Returns where it went."""
        with self.guard.hold(write=True):
            self._move_aside()
        return self.recovered_from

    def close(self) -> None:
        """Release the client and its files (Chroma persists on every write)."""
        client, self._client, self._collection, self._size = self._client, None, None, None
        if client is not None and hasattr(client, "close"):
            try:
                client.close()
            except BaseException as exc:  # noqa: BLE001 - closing a broken client must not fail the caller
                if not (isinstance(exc, Exception) or is_rust_panic(exc)):
                    raise
                log.debug("closing the vector index failed", exc_info=True)

    @contextmanager
    def _use(self, write: bool) -> Iterator[None]:
        """Hold the lock for one use of the index; Chroma's failures (Rust panics too) become
        `VectorIndexError`, whose message says what to do."""
        with self.guard.hold(write=write):
            try:
                yield
            except VectorIndexError:
                raise
            except BaseException as exc:
                if not (isinstance(exc, Exception) or is_rust_panic(exc)):
                    raise
                self.close()  # whatever state it is in, the next use opens it afresh
                if is_disk_full(exc, self.path):
                    full = storage_error(exc, self.path / "index")
                    if write and full is not None:
                        raise full from exc  # a DiskFullError: the write is retried once there is room
                    raise VectorIndexError(f"Semantic search is not available now: {full}") from exc
                raise VectorIndexError(
                    f"The vector index in {self.path} failed ({type(exc).__name__}: {exc}). "
                    "Run 'horizonscan doctor' to check and rebuild it; keyword search still works."
                ) from exc
            if write:
                self.guard.mark_written()

    # -- writing -----------------------------------------------------------
    def upsert(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        """Add or replace vectors for item ids."""
        if not len(ids):
            return
        self._size = None
        with self._use(write=True):
            col = self.collection
            assert self._client is not None
            step = max(1, min(5000, self._client.get_max_batch_size()))
            for i in range(0, len(ids), step):
                col.upsert(ids=[str(x) for x in ids[i : i + step]], embeddings=vectors[i : i + step])

    def delete(self, ids: Sequence[int]) -> None:
        """Remove item ids (missing ids are ignored)."""
        if ids:
            self._size = None
            with self._use(write=True):
                col = self.collection
                for i in range(0, len(ids), 5000):
                    col.delete(ids=[str(x) for x in ids[i : i + 5000]])

    def reset(self) -> None:
        """Drop this embedder's collection and start empty."""
        with self._use(write=True):
            col = self.collection
            assert self._client is not None
            self._client.delete_collection(col.name)
            self._collection, self._size = None, None

    # -- reading -----------------------------------------------------------
    def count(self) -> int:
        with self._use(write=False):
            return int(self.collection.count())

    def _known_size(self) -> int:
        """The number of vectors (under the guard). Chroma counts them anew each time, which takes tens of
        milliseconds at a million; once the index holds LARGE_INDEX, the number is remembered until it is
        written to or opened again (another process's write reopens it): a query asks for at most a few
        thousand neighbours, far fewer than it holds."""
        if self._size is None:
            total = int(self.collection.count())
            if total < LARGE_INDEX:
                return total
            self._size = total
        return self._size

    def ids(self) -> set[int]:
        """All item ids in the index."""
        with self._use(write=False):
            return {int(x) for x in self.collection.get(include=[])["ids"]}

    def query(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest items as (item id, cosine similarity), best first."""
        with self._use(write=False):
            total = self._known_size()
            if total == 0 or k <= 0:
                return []
            result = self.collection.query(
                query_embeddings=np.asarray(vector, dtype=np.float32).reshape(1, -1),
                n_results=min(k, total),
                include=["distances"],
            )
        return [(int(i), 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0], strict=True)]

    def unfindable(self, ids: Sequence[int], vectors: np.ndarray, batch: int = 256) -> list[int]:
        """The ids whose own vector does not bring them back among the nearest: present on paper,
        lost to semantic search (what two writers at once, or a damaged file, leave behind).

        The search is approximate: a miss among the first FINDABLE_K is asked again with DEEP_K, and an
        item among more than DEEP_K (near-)identical vectors counts as found (it ties with them)."""
        misses = self._misses(list(ids), np.asarray(vectors, dtype=np.float32), FINDABLE_K, batch)
        if not misses:
            return []
        position = {item_id: n for n, item_id in enumerate(ids)}
        again = np.asarray([vectors[position[i]] for i in misses], dtype=np.float32)
        return self._misses(misses, again, DEEP_K, batch, ties_count=True)

    def _misses(self, ids: list[int], vectors: np.ndarray, k: int, batch: int, ties_count: bool = False) -> list[int]:
        lost: list[int] = []
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            with self._use(write=False):
                total = int(self.collection.count())
                if total == 0:
                    return list(ids)
                result = self.collection.query(query_embeddings=vectors[start : start + batch],
                                               n_results=min(k, total), include=["distances"])
            for item_id, found, distances in zip(chunk, result["ids"], result["distances"], strict=True):
                tied = ties_count and len(found) == k and distances[-1] < TIE_DISTANCE
                if str(item_id) not in found and not tied:
                    lost.append(item_id)
        return lost


class _OpenError(Exception):
    """Chroma could not open the index (damaged files, a panic in its Rust core)."""
