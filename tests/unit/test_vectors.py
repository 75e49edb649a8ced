"""The vector index is derived from SQLite: crashes, deletion and damage are repaired."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from store.knowledge_base import KnowledgeBase
from store.vectors.embedders.hashing import HashingEmbedder
from store.vectors.index import VectorIndex
from tests.conftest import sample_items


def reopen(data_dir: Path, embedder=None) -> KnowledgeBase:
    return KnowledgeBase.open(data_dir, embedder=embedder or HashingEmbedder())


def test_vectors_live_in_sqlite_and_chroma(filled_kb: KnowledgeBase) -> None:
    stats = filled_kb.stats()
    assert stats.items == stats.vectors == stats.embedded == 6
    assert stats.embedder == "hashing-64" and stats.dim == 64


def test_crash_between_sqlite_and_chroma_is_repaired(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = reopen(data_dir)
    kb.add_items(sample_items()[:2])

    def crash(self, ids, vectors):
        raise RuntimeError("power cut")

    monkeypatch.setattr(VectorIndex, "upsert", crash)
    with pytest.raises(RuntimeError):
        kb.add_items(sample_items()[2:])
    kb.close()
    monkeypatch.undo()
    with closing(sqlite3.connect(data_dir / "horizonscan.db")) as raw:  # SQLite, the truth, has all six
        assert raw.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 6
    kb = reopen(data_dir)
    assert kb.database.scalar("SELECT COUNT(*) FROM embeddings") == 6
    assert kb.database.scalar("SELECT value FROM meta WHERE key = 'vector_sync_pending'") == "1"
    assert kb.stats().vectors == 6  # first use of the index repaired it
    assert kb.database.scalar("SELECT value FROM meta WHERE key = 'vector_sync_pending'") is None
    assert kb.search("uitzendbureaus", mode="semantic").hits
    kb.close()


def test_items_without_vectors_are_embedded_on_next_use(data_dir: Path) -> None:
    kb = reopen(data_dir)
    from store.items.ingest import ingest

    ingest(kb.database, None, sample_items())  # as if the process died before embedding
    assert kb.database.scalar("SELECT COUNT(*) FROM embeddings") == 0
    assert kb.stats().vectors == 6
    kb.close()


def test_deleted_index_is_rebuilt(data_dir: Path) -> None:
    kb = reopen(data_dir)
    kb.add_items(sample_items())
    kb.close()
    shutil.rmtree(data_dir / "vectors")
    kb = reopen(data_dir)
    assert kb.stats().vectors == 6
    assert kb.search("logistiek", mode="semantic").hits
    kb.close()


def test_damaged_index_is_moved_aside_and_rebuilt(data_dir: Path) -> None:
    kb = reopen(data_dir)
    kb.add_items(sample_items())
    kb.close()
    (data_dir / "vectors" / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    kb = reopen(data_dir)
    assert kb.stats().vectors == 6
    assert list(data_dir.glob("vectors.damaged-*"))
    kb.close()


def test_reindex_rebuilds_from_sqlite(filled_kb: KnowledgeBase) -> None:
    assert filled_kb.vectors.rebuild_index() == 6
    assert filled_kb.vectors.index.count() == 6


def test_switching_embedder_reembeds_everything(data_dir: Path) -> None:
    kb = reopen(data_dir)
    kb.add_items(sample_items())
    kb.close()
    kb = reopen(data_dir, HashingEmbedder(dim=32))
    stats = kb.stats()
    assert stats.embedder == "hashing-32" and stats.dim == 32 and stats.vectors == 6
    assert kb.database.scalar("SELECT COUNT(*) FROM embeddings WHERE model != 'hashing-32'") == 0
    kb.close()


def test_set_embedding_model_records_the_choice(data_dir: Path) -> None:
    kb = reopen(data_dir)
    kb.add_items(sample_items())
    done = kb.set_embedding_model("hashing-16")
    assert done["embedded"] == 6
    kb.close()
    kb = KnowledgeBase.open(data_dir)  # no embedder given: the saved setting is used
    assert kb.embedder.name == "hashing-16"
    kb.close()
