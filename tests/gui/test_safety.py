"""Back-ups, putting one back, and check-and-repair from Instellingen; many sources fold in the sidebar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.conftest import settle

pytestmark = pytest.mark.gui


def open_settings(window):
    from desktop.views.sidebar import Place

    window.open_place(Place("settings"))
    settle(window)
    return window.views["settings"]


def test_a_backup_now_and_check_and_repair_from_settings(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    view = open_settings(window)
    target = tmp_path / "mijn back-up"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    view.backup_now.click()
    qtbot.waitUntil(lambda: "opgeslagen" in view.safety_result.text(), timeout=60_000)
    assert (tmp_path / "mijn back-up.zip").exists() and "150 berichten" in view.safety_result.text()
    view.doctor_button.click()
    qtbot.waitUntil(lambda: view.doctor_button.isEnabled() and "Controleren" not in view.safety_result.text(),
                    timeout=120_000)
    text = view.safety_result.text()
    assert text.startswith(("Alles in orde", "Hersteld")) and "Index voor zoeken op betekenis" in text
    assert "vector" not in text.lower()  # the technical words stay in the log


def test_putting_a_backup_back_replaces_the_data_and_restarts(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    import desktop.views.settings_view as settings_view

    backup = window.kb.backup(tmp_path / "b.zip")
    window.kb.items.set_note(1, "na de back-up geschreven")
    view = open_settings(window)
    restarted: list[bool] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(backup.path), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(settings_view, "restart_app", lambda: restarted.append(True))
    view._restore()  # noqa: SLF001 - the button's slot, with the dialogs answered
    qtbot.waitUntil(lambda: bool(restarted), timeout=60_000)
    data_dir = window.kb.data_dir
    assert list(data_dir.glob("horizonscan.db.before-restore-*"))
    from store import KnowledgeBase
    from store.vectors.embedders.hashing import HashingEmbedder

    with KnowledgeBase.open(data_dir, embedder=HashingEmbedder()) as kb:
        assert kb.get_item(1).note == ""  # as it was in the backup


def test_a_file_that_is_no_backup_is_explained_in_dutch(window, tmp_path: Path, monkeypatch) -> None:
    view = open_settings(window)
    wrong = tmp_path / "foto.zip"
    wrong.write_bytes(b"geen zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(wrong), ""))
    view._restore()  # noqa: SLF001
    assert "geen bruikbare back-up" in view.safety_result.text()


def test_many_sources_fold_under_one_line(window) -> None:
    for n in range(12):
        window.kb.sources.add_source(f"Bron {n}", "feed", f"https://bron{n}.example/feed")
    window.refresh_chrome()
    settle(window)
    folder = window.sidebar._sources_folder  # noqa: SLF001
    assert folder is not None and folder.text(0) == "Alle 12 bronnen" and not folder.isExpanded()
    window.sidebar.setCurrentItem(folder)
    assert folder.isExpanded() and folder.childCount() == 12
