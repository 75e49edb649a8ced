"""One change notification: every write says what it changed, and the listeners hear it once, after commit."""

from __future__ import annotations

import pytest

from store.core.changes import Changes
from store.db.connection import Database
from store.knowledge_base import KnowledgeBase


@pytest.fixture
def database(tmp_path) -> Database:
    db = Database(tmp_path / "t.db")
    with db.write("schema") as conn:
        conn.execute("CREATE TABLE t (x)")
    return db


def test_a_committed_write_is_heard_once_with_its_kinds_and_items(database: Database) -> None:
    heard: list[Changes] = []
    database.subscribe(heard.append)
    with database.write("items", items=[3]) as conn:
        conn.execute("INSERT INTO t VALUES (1)")
        with database.write("themes", items=[4]):  # a nested write joins the outer one
            conn.execute("INSERT INTO t VALUES (2)")
        assert heard == []  # nothing before the commit
    assert heard == [Changes(frozenset({"items", "themes"}), frozenset({3, 4}))]


def test_a_rolled_back_write_is_not_heard(database: Database) -> None:
    heard: list[Changes] = []
    database.subscribe(heard.append)
    with pytest.raises(RuntimeError), database.write("items") as conn:
        conn.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError("power cut")
    assert heard == [] and database.scalar("SELECT COUNT(*) FROM t") == 0


def test_unknown_kinds_are_refused_and_listeners_can_stop(database: Database) -> None:
    with pytest.raises(ValueError, match="unknown kind"), database.write("everything"):
        pass
    heard: list[Changes] = []
    stop = database.subscribe(heard.append)
    stop()
    with database.write("items"):
        pass
    assert heard == []


def test_managers_report_what_they_changed(filled_kb: KnowledgeBase) -> None:
    heard: list[Changes] = []
    filled_kb.on_change(heard.append)
    item_id = filled_kb.resolve_item("https://news.example/item/1")
    filled_kb.items.set_state([item_id], "read")
    filled_kb.taxonomy.set_item_theme(item_id, "markt", "manual")
    digest = filled_kb.digests.add_to_week([item_id], 2026, 45)
    filled_kb.sources.add_source("Bron", "feed", "https://news.example/feed.xml")
    assert [(sorted(c.kinds), sorted(c.item_ids)) for c in heard] == [
        (["items"], [item_id]), (["themes"], [item_id]), (["digests"], []), (["sources"], [])]
    assert digest.new_count == 1 and digest.digest.label == "2026-W45"
