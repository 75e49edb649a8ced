"""Fixtures for the desktop tests: a main window on the example corpus, with the fast fake embedder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from store.db.settings import save_settings
from store.example_corpus import load_example_corpus
from store.knowledge_base import KnowledgeBase


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> None:
    """Window geometry and the remembered data folder go to a temporary place."""
    QCoreApplication.setOrganizationName("HorizonscanTests")
    QCoreApplication.setApplicationName("HorizonscanTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def open_window(qtbot, kb: KnowledgeBase, language: str = "nl"):
    from desktop.i18n import Translations
    from desktop.main_window import MainWindow
    from desktop.tasks import TaskManager

    translations = Translations()
    translations.apply(language)
    tasks = TaskManager()
    window = MainWindow(kb, tasks, translations)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.start()
    assert tasks.wait_idle(60)
    return window


@pytest.fixture
def empty_kb(data_dir: Path) -> Iterator[KnowledgeBase]:
    """A data folder whose settings select the fake embedder (the engine process reads them too)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    save_settings(data_dir, {"embedding_model": "hashing", "scan_interval_minutes": 0})
    kb = KnowledgeBase.open(data_dir)
    yield kb
    kb.close()


@pytest.fixture
def demo_kb(empty_kb: KnowledgeBase) -> KnowledgeBase:
    load_example_corpus(empty_kb)
    return empty_kb


@pytest.fixture
def window(qtbot, demo_kb: KnowledgeBase):
    window = open_window(qtbot, demo_kb)
    yield window
    window.shutdown()


def settle(window) -> None:
    """Let queued store work and its GUI callbacks finish."""
    assert window.tasks.wait_idle(60)
