"""Schema migrations: applied once, in order, recorded in user_version; WAL and busy timeout set."""

from __future__ import annotations

from pathlib import Path

from store.db.connection import Database
from store.db.migrations import current_version, migrate
from store.db.schema import MIGRATIONS
from store.knowledge_base import KnowledgeBase


def test_fresh_database_gets_every_migration(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db")
    applied = migrate(db)
    assert applied == [m.number for m in MIGRATIONS]
    assert current_version(db) == MIGRATIONS[-1].number
    assert migrate(db) == []


def test_wal_and_busy_timeout(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.db")
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.scalar("PRAGMA busy_timeout") == 5000
    assert db.scalar("PRAGMA foreign_keys") == 1


def test_default_themes_are_seeded_once(data_dir: Path) -> None:
    kb = KnowledgeBase.open(data_dir)
    keys = [t.key for t in kb.themes()]
    assert keys == ["economie", "arbeidsmarkt", "huisvesting", "impact", "veiligheid", "migranten", "markt", "beleid"]
    kb.close()
    kb = KnowledgeBase.open(data_dir)
    assert len(kb.themes()) == 8
    kb.close()


def test_data_survives_reopen(data_dir: Path) -> None:
    from store.vectors.embedders.hashing import HashingEmbedder
    from tests.conftest import sample_items

    kb = KnowledgeBase.open(data_dir, embedder=HashingEmbedder())
    kb.add_items(sample_items())
    kb.tag(1, ["beleid"])
    kb.close()
    kb = KnowledgeBase.open(data_dir, embedder=HashingEmbedder())
    assert [t.key for t in kb.get_item(1).themes if t.active] == ["beleid"]
    assert len(kb.search("").hits) == 6
    kb.close()


def test_second_writer_waits_then_reports_busy(tmp_path: Path) -> None:
    import pytest

    from store.core.errors import DatabaseBusyError

    first = Database(tmp_path / "x.db")
    migrate(first)
    second = Database(tmp_path / "x.db")
    second.conn.execute("PRAGMA busy_timeout = 100")
    with first.write():
        with pytest.raises(DatabaseBusyError, match="Another Horizonscan process"):
            with second.write():
                pass


def test_schema_version_constant_matches_the_newest_migration() -> None:
    from store.db.migrations import SCHEMA_VERSION

    assert SCHEMA_VERSION == MIGRATIONS[-1].number
    assert [m.number for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))  # in order, none skipped
