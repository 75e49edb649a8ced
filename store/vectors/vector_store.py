"""Embeddings: computed in batches, kept in SQLite, mirrored into the vector index.

SQLite is the truth. The Chroma index is synced from it: a crash between the two
writes leaves the 'vector_sync_pending' flag set (or the counts differ), and the
next use repairs the index from the stored vectors without re-embedding.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from store.core.progress import ProgressCallback, check_cancel, report
from store.core.text import fold, lead
from store.core.timeutil import now_iso
from store.db.connection import Database
from store.db.meta import get_meta, set_meta
from store.db.paths import VECTOR_DIRNAME
from store.vectors.embedders import Embedder
from store.vectors.index import VectorIndex
from store.vectors.passages import deep_passages, passages_hash

EMBED_LEAD_CHARS = 600
EMBED_BATCH = 64
MEMO_SIZE = 2000  # remembered vectors of texts embedded ahead of storing
PENDING_KEY = "vector_sync_pending"
UNREACHABLE_KEY = "vector_index_unreachable"  # JSON list of item ids searched exactly besides the index


def embedding_text(title: str, summary: str, full_text: str) -> str:
    """What gets embedded: the title and the lead of the article."""
    summary = (summary or "").strip()
    body = (full_text or "").strip()
    if summary and fold(summary[:80]) not in fold(body[:600]):
        body = f"{summary} {body}"
    elif not body:
        body = summary
    return f"{title.strip()}\n{lead(body, EMBED_LEAD_CHARS)}".strip()


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def to_matrix(blobs: Sequence[bytes | np.ndarray]) -> np.ndarray:
    """Stored vectors as the rows of one matrix (bytes joined at once: a few thousand rows in a millisecond)."""
    if all(isinstance(b, bytes) for b in blobs):
        return np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1)  # type: ignore[arg-type]
    return np.vstack([from_blob(b) for b in blobs])


def from_blob(blob: bytes | np.ndarray) -> np.ndarray:
    """A stored vector: bytes in SQLite, an array from the team database (pgvector)."""
    if isinstance(blob, np.ndarray):
        return blob.astype(np.float32, copy=False)
    return np.frombuffer(blob, dtype=np.float32)


class VectorStore:
    """Embeds items, stores vectors in SQLite and keeps the Chroma index in step."""

    def __init__(self, database: Database, data_dir: Path, embedder: Embedder) -> None:
        self.database = database
        self.embedder = embedder
        self.index = VectorIndex(data_dir / VECTOR_DIRNAME, embedder.name)
        self._sync_lock = threading.Lock()
        self._memo: dict[str, np.ndarray] = {}  # texts embedded before their items were stored

    def embed_texts(self, texts: list[str]) -> np.ndarray:
        """Embed texts that are not items yet (e.g. for a source's topic filter), remembering the vectors
        so storing those items does not embed the same text again."""
        vectors = self.embedder.embed(texts, kind="passage") if texts else np.zeros((0, self.embedder.dim))
        self._remember(texts, vectors)
        return vectors

    def _embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for item texts: remembered ones from embed_texts, stored ones with the same text (a repost,
        an unchanged passage), and only the rest, each distinct text once, from the model."""
        rows: list[np.ndarray | None] = [self._memo.pop(t, None) for t in texts]
        hashes = [text_hash(t) for t in texts]
        known = self.known_vectors({h for h, row in zip(hashes, rows, strict=True) if row is None})
        rows = [known.get(h) if row is None else row for h, row in zip(hashes, rows, strict=True)]
        missing = list(dict.fromkeys(t for t, row in zip(texts, rows, strict=True) if row is None))
        if missing:
            fresh = dict(zip(missing, self.embedder.embed(missing, kind="passage"), strict=True))
            rows = [fresh[t] if row is None else row for t, row in zip(texts, rows, strict=True)]
        found = [np.asarray(row, dtype=np.float32) for row in rows if row is not None]
        return np.vstack(found) if found else np.zeros((0, self.embedder.dim), dtype=np.float32)

    def known_vectors(self, hashes: set[str]) -> dict[str, np.ndarray]:
        """Stored vectors of the current model by the hash of the text they were made from (an item's lead or
        a passage)."""
        out: dict[str, np.ndarray] = {}
        wanted = sorted(hashes)
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            marks = ",".join("?" * len(chunk))
            rows = self.database.query(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})"
                f" UNION ALL SELECT text_hash, vector FROM passage_vectors WHERE model = ? AND text_hash IN ({marks})",
                (self.embedder.name, *chunk, self.embedder.name, *chunk))
            out.update((r[0], from_blob(r[1])) for r in rows)
        return out

    def stored(self, vector: np.ndarray) -> Any:
        """A vector as its database column holds it."""
        return to_blob(vector)

    # -- embedding -----------------------------------------------------------
    def _texts_for(self, ids: Sequence[int]) -> list[tuple[int, str]]:
        out = []
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            rows = self.database.query(
                f"SELECT id, title, summary, full_text FROM items WHERE id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
            out += [(r["id"], embedding_text(r["title"], r["summary"] or "", r["full_text"] or "")) for r in rows]
        return out

    def embed_items(
        self, ids: Sequence[int], progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> int:
        """Embed the items, store their vectors, update the index; return how many were embedded.

        An item whose text is as it was when its vector was made keeps that vector (an update elsewhere in
        the article re-embeds only the passages that changed). Work is committed batch by batch, so a
        cancelled job keeps what it finished.
        """
        pending = self._texts_for(ids)
        done = 0
        for start in range(0, len(pending), EMBED_BATCH):
            check_cancel(cancel)
            batch = pending[start : start + EMBED_BATCH]
            current = self._current_hashes([i for i, _ in batch])
            changed = [(i, t) for i, t in batch if current.get(i) != text_hash(t)]
            passages = self._passages_to_embed([i for i, _ in batch])
            # one model call for the leads and the passages: fewer, fuller batches on every core
            vectors = self._embed([t for _, t in changed] + passages)
            self._remember(passages, vectors[len(changed):])
            if changed:
                self.store_vectors(changed, vectors[: len(changed)])
            self.embed_passages([i for i, _ in batch])
            done += len(batch)
            report(progress, "embedding", done, len(pending))
        return done

    def _passages_to_embed(self, ids: list[int]) -> list[str]:
        """The passages of these items that are not stored as they are now."""
        passages = self._passages_for(ids)
        stored = self._passage_hashes(list(passages))
        return [text for i in ids if i in passages and stored.get(i) != passages_hash(passages[i])
                for text in passages[i]]

    def _remember(self, texts: list[str], vectors: np.ndarray) -> None:
        """Vectors made ahead of storing their texts (taken by _embed when the texts are stored)."""
        if len(self._memo) + len(texts) > MEMO_SIZE:
            self._memo.clear()
        self._memo.update(zip(texts, vectors, strict=True))

    def _current_hashes(self, ids: Sequence[int]) -> dict[int, str]:
        """The hash of the text each item's stored vector (of the current model) was made from."""
        marks = ",".join("?" * len(ids))
        return {r[0]: r[1] for r in self.database.query(
            f"SELECT item_id, text_hash FROM embeddings WHERE model = ? AND item_id IN ({marks})",
            (self.embedder.name, *ids))} if ids else {}

    def _passages_for(self, ids: Sequence[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            rows = self.database.query(
                f"SELECT id, summary, full_text FROM items WHERE id IN ({','.join('?' * len(chunk))})", tuple(chunk))
            out.update((r["id"], deep_passages(r["full_text"] or "", r["summary"] or "")) for r in rows)
        return out

    def embed_passages(self, ids: Sequence[int], cancel: threading.Event | None = None) -> int:
        """Embed and store the passages after the lead of these items (which have item vectors), skipping
        items whose passages are stored as they are now; returns how many passages were stored."""
        passages = self._passages_for(ids)
        stored = self._passage_hashes(list(passages))
        items = [i for i in ids if i in passages and stored.get(i) != passages_hash(passages[i])]
        done = 0
        for start in range(0, len(items), EMBED_BATCH):
            check_cancel(cancel)
            batch = items[start : start + EMBED_BATCH]
            texts = [(i, n, text) for i in batch for n, text in enumerate(passages[i])]
            vectors = self._embed([t for _, _, t in texts])
            with self.database.write("vectors", items=batch) as conn:
                marks = ",".join("?" * len(batch))
                conn.execute(f"DELETE FROM passage_vectors WHERE item_id IN ({marks})", tuple(batch))
                conn.executemany(
                    "INSERT INTO passage_vectors (item_id, seq, model, vector, text_hash) VALUES (?, ?, ?, ?, ?)",
                    [(i, n, self.embedder.name, self.stored(v), text_hash(t))
                     for (i, n, t), v in zip(texts, vectors, strict=True)])
                conn.executemany("UPDATE embeddings SET passages_hash = ? WHERE item_id = ?",
                                 [(passages_hash(passages[i]), i) for i in batch])
            done += len(texts)
        return done

    def _passage_hashes(self, ids: list[int]) -> dict[int, str]:
        """The fingerprint of the passages each item's stored passage vectors were made from."""
        out: dict[int, str] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            out.update((r[0], r[1]) for r in self.database.query(
                f"SELECT item_id, passages_hash FROM embeddings WHERE model = ? AND passages_hash IS NOT NULL"
                f" AND item_id IN ({','.join('?' * len(chunk))})", (self.embedder.name, *chunk)))
        return out

    def passages_missing_ids(self) -> list[int]:
        """Items with a vector whose passages were never embedded (e.g. stored before passages existed)."""
        return [r[0] for r in self.database.query(
            "SELECT item_id FROM embeddings WHERE model = ? AND passages_hash IS NULL", (self.embedder.name,))]

    def store_vectors(self, batch: list[tuple[int, str]], vectors: np.ndarray) -> None:
        """Save vectors for (item id, embedded text) pairs in SQLite, then in the index."""
        now = now_iso()
        with self.database.write("vectors") as conn:
            conn.executemany(
                "INSERT INTO embeddings (item_id, model, dim, text_hash, vector, created) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(item_id) DO UPDATE SET model = excluded.model, dim = excluded.dim,"
                " text_hash = excluded.text_hash, vector = excluded.vector, created = excluded.created,"
                " passages_hash = NULL",
                [(i, self.embedder.name, int(v.shape[0]), text_hash(t), self.stored(v), now)
                 for (i, t), v in zip(batch, vectors, strict=True)],
            )
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = '1'",
                (PENDING_KEY,),
            )
        self.index.upsert([i for i, _ in batch], vectors)
        set_meta(self.database, PENDING_KEY, None)

    def stale_ids(self) -> list[int]:
        """Items with no vector from the current embedder, or whose text (lead or passages) changed since."""
        rows = self.database.query(
            "SELECT i.id, i.title, i.summary, i.full_text, e.model, e.text_hash, e.passages_hash FROM items i"
            " LEFT JOIN embeddings e ON e.item_id = i.id"
        )
        return [
            r["id"] for r in rows
            if r["model"] != self.embedder.name
            or r["text_hash"] != text_hash(embedding_text(r["title"], r["summary"] or "", r["full_text"] or ""))
            or r["passages_hash"] != passages_hash(deep_passages(r["full_text"] or "", r["summary"] or ""))
        ]

    def missing_ids(self) -> list[int]:
        """Items with no vector from the current embedder (cheap: no text hashing)."""
        rows = self.database.query(
            "SELECT i.id FROM items i LEFT JOIN embeddings e ON e.item_id = i.id AND e.model = ?"
            " WHERE e.item_id IS NULL",
            (self.embedder.name,),
        )
        return [r[0] for r in rows]

    # -- keeping the index in step ---------------------------------------------
    def stored_count(self) -> int:
        return int(self.database.scalar("SELECT COUNT(*) FROM embeddings WHERE model = ?", (self.embedder.name,)) or 0)

    def ensure_ready(self, progress: ProgressCallback | None = None, cancel: threading.Event | None = None) -> dict:
        """Embed what is missing and repair the index if it drifted from SQLite; returns a report."""
        with self._sync_lock:
            report_: dict[str, Any] = {"embedded": 0, "passages": 0, "index_added": 0, "index_removed": 0,
                                       "recovered_from": None}
            recorded = get_meta(self.database, "embedder_name")
            if recorded != self.embedder.name:
                set_meta(self.database, "embedder_name", self.embedder.name)
                set_meta(self.database, "embedder_dim", str(self.embedder.dim))
            missing = self.missing_ids()
            if missing:
                report_["embedded"] = self.embed_items(missing, progress, cancel)
            without_passages = self.passages_missing_ids()
            if without_passages:
                report_["passages"] = self.embed_passages(without_passages, cancel)
            if recorded and recorded != self.embedder.name:
                self._drop_other_models(recorded)
            added, removed = self.sync_index(progress)  # cheap unless a crash left a mark
            report_["index_added"], report_["index_removed"] = added, removed
            report_["recovered_from"] = str(self.index.recovered_from) if self.index.recovered_from else None
            return report_

    def _drop_other_models(self, old_name: str) -> None:
        with self.database.write("vectors") as conn:
            conn.execute("DELETE FROM embeddings WHERE model != ?", (self.embedder.name,))
            conn.execute("DELETE FROM passage_vectors WHERE model != ?", (self.embedder.name,))
        old = VectorIndex(self.index.path, old_name)
        try:
            old.reset()
        except Exception:  # noqa: BLE001 - an old index that cannot be dropped is harmless
            pass

    def sync_index(self, progress: ProgressCallback | None = None, force: bool = False) -> tuple[int, int]:
        """Make the index hold exactly the stored vectors; return (added, removed)."""
        pending = get_meta(self.database, PENDING_KEY) == "1"
        stored = self.stored_count()
        if not force and not pending and self.index.count() == stored:
            return 0, 0
        in_index = self.index.ids()
        in_sqlite = {r[0] for r in self.database.query(
            "SELECT item_id FROM embeddings WHERE model = ?", (self.embedder.name,))}
        extra = sorted(in_index - in_sqlite)
        missing = sorted(in_sqlite - in_index)
        if pending and not missing:
            # the interrupted batch may be in the index only partly: rewrite the newest vectors
            missing = [r[0] for r in self.database.query(
                "SELECT item_id FROM embeddings WHERE model = ? ORDER BY created DESC, item_id DESC LIMIT ?",
                (self.embedder.name, EMBED_BATCH))]
        self.index.delete(extra)
        self._copy_to_index(missing, progress)
        set_meta(self.database, PENDING_KEY, None)
        return len(missing), len(extra)

    def _copy_to_index(self, ids: Sequence[int], progress: ProgressCallback | None) -> None:
        for start in range(0, len(ids), 2000):
            chunk = list(ids[start : start + 2000])
            ids_out, vectors = self.vectors_for(chunk)
            self.index.upsert(ids_out, vectors)
            report(progress, "indexing", start + len(chunk), len(ids))

    def rebuild_index(self, progress: ProgressCallback | None = None) -> int:
        """Drop the index and fill it again from SQLite; return the number of vectors."""
        self.index.reset()
        ids = [r[0] for r in self.database.query(
            "SELECT item_id FROM embeddings WHERE model = ? ORDER BY item_id", (self.embedder.name,))]
        self._copy_to_index(ids, progress)
        set_meta(self.database, PENDING_KEY, None)
        return len(ids)

    # -- reading ---------------------------------------------------------------
    def vectors_for(self, ids: Iterable[int]) -> tuple[list[int], np.ndarray]:
        """Stored vectors of the current embedder for the given ids, in the order given
        (ids without a vector are left out)."""
        ids = list(dict.fromkeys(ids))
        found: dict[int, bytes] = {}
        model = self.embedder.name
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            # by id alone, the model compared here: SQLite would otherwise walk the model's index for each id
            rows = self.database.read_query(
                f"SELECT item_id, model, vector FROM embeddings WHERE item_id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
            found.update((r[0], r[2]) for r in rows if r[1] == model)
        out_ids = [i for i in ids if i in found]
        if not out_ids:
            return [], np.zeros((0, 0), dtype=np.float32)
        return out_ids, to_matrix([found[i] for i in out_ids])

    def passage_vectors_for(self, ids: Sequence[int]) -> tuple[list[int], np.ndarray]:
        """The stored passage vectors of these items as (the item of each row, matrix)."""
        owners: list[int] = []
        blobs: list[Any] = []
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            rows = self.database.read_query(
                f"SELECT item_id, vector FROM passage_vectors WHERE model = ? AND item_id IN"
                f" ({','.join('?' * len(chunk))})", (self.embedder.name, *chunk))
            owners += [r[0] for r in rows]
            blobs += [r[1] for r in rows]
        if not owners:
            return [], np.zeros((0, self.embedder.dim), dtype=np.float32)
        return owners, to_matrix(blobs)

    def best_passage_scores(self, vector: np.ndarray, ids: Sequence[int]) -> dict[int, float]:
        """For items with passages, the cosine similarity of their best passage to the vector."""
        best: dict[int, float] = {}
        query = np.asarray(vector, dtype=np.float32)
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            rows = self.database.query(
                f"SELECT item_id, vector FROM passage_vectors WHERE model = ? AND item_id IN"
                f" ({','.join('?' * len(chunk))})", (self.embedder.name, *chunk))
            if not rows:
                continue
            matrix = np.vstack([from_blob(r[1]) for r in rows])
            for (item_id, _), score in zip(rows, (matrix @ query).tolist(), strict=True):
                if score > best.get(item_id, -2.0):
                    best[item_id] = score
        return best

    def embed_query(self, text: str) -> np.ndarray:
        return self.embedder.embed([text], kind="query")[0]

    def nearest(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Approximate nearest items from the index as (id, cosine similarity), with the items the index's
        graph cannot reach (found by doctor) scored exactly and merged in."""
        found = self.index.query(vector, k)
        unreachable = self.unreachable_ids()
        if not unreachable:
            return found
        exact = self.exact_nearest(vector, unreachable, k)
        merged = dict(found) | dict(exact)
        return sorted(merged.items(), key=lambda pair: -pair[1])[:k]

    def unreachable_ids(self) -> list[int]:
        """Items in the index that its approximate search cannot reach (an HNSW graph can leave a few
        behind, e.g. early items among many near-identical later ones); doctor finds and records them."""
        raw = get_meta(self.database, UNREACHABLE_KEY)
        return [int(i) for i in json.loads(raw)] if raw else []

    def set_unreachable(self, ids: Sequence[int]) -> None:
        set_meta(self.database, UNREACHABLE_KEY, json.dumps(sorted(ids)) if ids else None)

    def exact_nearest_where(self, vector: np.ndarray, where: str, params: Sequence[Any], k: int,
                            exclude: int | None = None) -> list[tuple[int, float]]:
        """Exact cosine ranking over the items an SQL filter (on items aliased `i`) lets through, their vectors
        read in one query (a filter's few thousand ids do not pass through Python first)."""
        if self.database.dialect != "sqlite":
            ids = [r[0] for r in self.database.query(f"SELECT i.id FROM items i WHERE {where}", tuple(params))]
            return self.exact_nearest(vector, [i for i in ids if i != exclude], k)
        rows = self.database.read_query(  # "+": by id, not through the model's index
            f"SELECT e.item_id, e.vector FROM embeddings e WHERE +e.model = ? AND e.item_id IN"
            f" (SELECT i.id FROM items i WHERE {where})", (self.embedder.name, *params))
        found = [r for r in rows if r[0] != exclude]
        if not found:
            return []
        sims = to_matrix([r[1] for r in found]) @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-sims)[:k]
        return [(int(found[i][0]), float(sims[i])) for i in order]

    def exact_nearest(self, vector: np.ndarray, ids: Sequence[int], k: int) -> list[tuple[int, float]]:
        """Exact cosine ranking over a given set of items (used when filters are narrow)."""
        found, matrix = self.vectors_for(ids)
        if not found:
            return []
        sims = matrix @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-sims)[:k]
        return [(found[i], float(sims[i])) for i in order]
