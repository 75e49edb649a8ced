"""Translations: every tr() string has an English translation and the .qm is current; and, since lupdate
only sees strings that are already in tr(), the English interface is rendered view by view and must show
none of a list of unmistakably Dutch words (the user's data, such as item titles, aside)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from desktop.views.sidebar import Place
from tests.gui.conftest import settle

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "desktop" / "i18n" / "horizonscan_en.ts"


def tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else name


def test_every_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    root = ET.parse(fresh).getroot()
    missing = [m.findtext("source") for m in root.iter("message")
               if m.find("translation").get("type") in ("unfinished",) or not (m.findtext("translation") or "")]
    assert not missing, f"untranslated: {missing[:10]} (run scripts/update_translations.sh and translate)"


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "desktop" / "i18n" / "horizonscan_en.qm").read_bytes()


# Unmistakably Dutch words: none may show in the English interface's own words (labels, buttons,
# tooltips, placeholders, headers, menus, table cells the app writes, status messages). Item titles,
# article text and the digest preview are the user's data and are not looked at.
DUTCH = {"het", "een", "niet", "nieuw", "nieuwe", "berichten", "bronnen", "zoeken", "bewaren", "opslaan",
         "voorstel", "weekoverzicht", "gisteren", "vandaag", "geleden", "probeer", "opnieuw", "scannen",
         "instellingen", "volglijst", "geen", "deze", "bevestigen", "afwijzen", "toevoegen", "verwijderen",
         "ongelezen", "gelezen", "wijzigen", "nooit", "volgende", "dagen", "naar", "wordt", "heeft", "zijn"}
DATA_WIDGETS = ("QListView", "QTextBrowser", "QTextEdit", "QPlainTextEdit")


def visible_words(root) -> dict[str, set[str]]:
    """Dutch word -> where it shows, over every visible widget below `root` that is not user data."""
    found: dict[str, set[str]] = {}

    def look(text: str, where: str) -> None:
        plain = re.sub(r"<[^>]+>", " ", text or "")
        for word in re.findall(r"[a-zà-ÿ']+", plain.lower()):
            if word in DUTCH:
                found.setdefault(word, set()).add(f"{where}: {plain.strip()[:70]}")

    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or any(widget.inherits(kind) for kind in DATA_WIDGETS):
            continue
        name = type(widget).__name__
        look(widget.toolTip(), f"{name} tooltip")
        if isinstance(widget, QLabel | QAbstractButton):
            look(widget.text(), name)
        if isinstance(widget, QLineEdit):
            look(widget.placeholderText(), f"{name} placeholder")
        if isinstance(widget, QGroupBox):
            look(widget.title(), name)
        if isinstance(widget, QComboBox):
            for n in range(widget.count()):
                look(widget.itemText(n), name)
        if isinstance(widget, QTabWidget):
            for n in range(widget.count()):
                look(widget.tabText(n), name)
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                look(header.text() if header else "", f"{name} header")
                for row in range(widget.rowCount()):
                    cell = widget.item(row, column)
                    if cell is not None:
                        look(cell.text(), f"{name} cell")
                        look(cell.toolTip(), f"{name} cell tooltip")
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(widget.columnCount()):
                look(header.text(column), f"{name} header")
    for action in root.findChildren(QAction):
        look(action.text(), "action")
        look(action.toolTip(), "action tooltip")
    return found


def test_the_english_interface_shows_no_dutch(window) -> None:
    window.set_language("en")
    settle(window)
    leaks: dict[str, set[str]] = {}
    for place in (Place("new"), Place("starred"), Place("sources"), Place("themes"), Place("watchlist"),
                  Place("trends"), Place("settings"), Place("digest")):
        window.open_place(place)
        settle(window)
        for word, where in visible_words(window).items():
            leaks.setdefault(word, set()).update(where)
    assert not leaks, "\n".join(f"{word}: {sorted(where)[:3]}" for word, where in sorted(leaks.items()))


def test_the_leak_finder_finds_dutch(window) -> None:
    label = QLabel("Probeer het opnieuw", window)
    label.show()
    assert set(visible_words(window)) >= {"probeer", "het", "opnieuw"}


def test_switching_language_replaces_every_earlier_translator(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import Translations

    english, dutch = Translations(), Translations()  # e.g. two windows, or one test after another
    english.apply("en")
    assert QCoreApplication.translate("MainWindow", "⟳ Scannen") == "⟳ Scan"
    dutch.apply("nl")
    assert QCoreApplication.translate("MainWindow", "⟳ Scannen") == "⟳ Scannen"
