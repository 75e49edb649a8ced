"""The main window: inbox, search and filters, keyboard triage, suggestions, digest, language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.item_model import IdRole, SummaryRole
from desktop.views.search_bar import SearchState
from desktop.views.sidebar import Place
from store.digest import digests
from tests.gui.conftest import settle

pytestmark = pytest.mark.gui


def current_summary(window):
    return window.list_view.currentIndex().data(SummaryRole)


def test_inbox_is_listed_and_the_first_item_is_read(window) -> None:
    assert window.model.rowCount() > 0
    assert window.list_view.currentIndex().row() == 0
    assert window.reader.item is not None
    assert window.reader.item.id == window.list_view.currentIndex().data(IdRole)
    assert "Thema" in window.reader.themes_label.text()
    assert window.sidebar.topLevelItemCount() > 5


def test_item_list_model_passes_the_model_tester(window, qtmodeltester) -> None:
    qtmodeltester.check(window.model)


def highlighted_words(document) -> set[str]:
    """The words the reader shows on the highlight colour, lower-cased."""
    words = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() == "#fff2a8":
                words.add(fragment.text().strip().lower())
            it += 1
        block = block.next()
    return words


def test_search_highlights_and_filters(window, qtbot) -> None:
    window.search_bar.field.setText("short stay vergunning")
    window.search_bar._emit_now()  # noqa: SLF001 - what the debounce timer does
    settle(window)
    assert window.model.rowCount() > 0
    assert "resultaten" in window.list_panel.header.text()
    first = window.model.index(0, 0)
    snippet = first.data(Qt.ItemDataRole.UserRole + 3)
    assert snippet is not None and snippet.highlights
    settle(window)
    marked = highlighted_words(window.reader.article.document())
    assert marked and marked <= {"short", "stay", "vergunning", "vergunningen"}, marked
    window.search_bar.set_state(SearchState(query="", themes=["huisvesting"], languages=["en"]))
    settle(window)
    rows = [window.model.index(r, 0).data(SummaryRole) for r in range(window.model.rowCount())]
    assert rows and all(s.language == "en" for s in rows)
    assert all(any(t.key == "huisvesting" for t in s.themes) for s in rows)


def test_a_long_result_list_gets_the_snippets_of_its_later_rows_afterwards(window, qtbot, monkeypatch) -> None:
    import desktop.main_window as main_window

    monkeypatch.setattr(main_window, "SNIPPET_ROWS", 2)  # as if hundreds of rows came back
    window.search_bar.field.setText("arbeidsmigranten")
    window.search_bar._emit_now()  # noqa: SLF001 - what the debounce timer does
    settle(window)
    rows = window.model.rowCount()
    assert rows > 4
    snippet_role = Qt.ItemDataRole.UserRole + 3
    qtbot.waitUntil(lambda: all(window.model.index(r, 0).data(snippet_role) is not None for r in range(rows)),
                    timeout=30_000)
    later = window.model.index(rows - 1, 0).data(snippet_role)
    assert later.highlights and "arbeidsmigrant" in later.text.lower()


def test_keyboard_triage(window, qtbot) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    start = window.list_view.currentIndex().row()
    qtbot.keyClick(window.list_view, Qt.Key.Key_J)
    assert window.list_view.currentIndex().row() == start + 1
    qtbot.keyClick(window.list_view, Qt.Key.Key_K)
    assert window.list_view.currentIndex().row() == start
    item_id = window.list_view.currentIndex().data(IdRole)
    qtbot.keyClick(window.list_view, Qt.Key.Key_S)
    settle(window)
    assert current_summary(window).starred
    qtbot.keyClick(window.list_view, Qt.Key.Key_3)  # third theme: huisvesting
    settle(window)
    assert any(t.key == "huisvesting" and t.active and t.origin == "manual"
               for t in window.kb.get_item(item_id).themes)
    qtbot.keyClick(window.list_view, Qt.Key.Key_3)
    settle(window)
    assert not any(t.key == "huisvesting" and t.active for t in window.kb.get_item(item_id).themes)
    qtbot.keyClick(window.list_view, Qt.Key.Key_M)
    settle(window)
    state = window.kb.get_item(item_id).state
    qtbot.keyClick(window.list_view, Qt.Key.Key_M)
    settle(window)
    assert window.kb.get_item(item_id).state != state
    qtbot.keyClick(window.list_view, Qt.Key.Key_D)
    settle(window)
    assert window.kb.get_item(item_id).state == "dismissed"
    assert window.list_view.currentIndex().row() == start + 1  # dismiss moves on


def test_bulk_actions_on_a_selection(window) -> None:
    ids = [window.model.index(r, 0).data(IdRole) for r in range(3)]
    window.triage("tag:beleid", ids)
    window.triage("read", ids)
    settle(window)
    for item_id in ids:
        item = window.kb.get_item(item_id)
        assert item.state == "read" and any(t.key == "beleid" and t.active for t in item.themes)


def test_confirm_and_reject_suggestions_in_the_reader(window) -> None:
    from desktop.views.reader import Chip
    from store.themes.registry import set_item_theme

    item_id = window.reader.item.id
    has = {t.key for t in window.kb.get_item(item_id).themes}
    key = next(t.key for t in window.kb.themes() if t.key not in has)
    set_item_theme(window.kb.database, item_id, key, "suggested", 0.71, "lijkt op eerdere berichten")
    window.list_view.move_current(1)  # away and back: the reader shows the item afresh
    settle(window)
    window.list_view.move_current(-1)
    settle(window)
    assert window.reader.item.id == item_id
    chips = [c for c in window.reader.findChildren(Chip) if c.isVisible()]
    suggested = [c for c in chips if c.accessibleName().startswith("Voorstel") and c.key == key]
    assert len(suggested) == 1, [c.accessibleName() for c in chips]
    suggested[0].accepted.emit(key)
    settle(window)
    theme = {t.key: t for t in window.kb.get_item(item_id).themes}[key]
    assert theme.active and theme.decision == "accepted"
    window.reader.remove_theme(key)
    settle(window)
    theme = {t.key: t for t in window.kb.get_item(item_id).themes}[key]
    assert theme.decision == "rejected" and not theme.active


def test_note_and_add_to_digest(window, qtbot) -> None:
    item_id = window.reader.item.id
    window.reader.note.setPlainText("Raakt de plannen in Noordoost-Brabant.")
    window.reader.save_note()
    settle(window)
    assert window.kb.get_item(item_id).note == "Raakt de plannen in Noordoost-Brabant."
    window.activateWindow()
    qtbot.keyClick(window.list_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    from store.core.weeks import current_week

    digest = digests.week_digest(window.kb.database, *current_week(), create=False)
    assert digest is not None and item_id in digests.digest_item_ids(window.kb.database, digest.id)
    assert "weekoverzicht" in window.reader.digest_button.text().lower()
    window.open_place(Place("digest"))
    settle(window)
    assert window.pages.currentWidget() is window.views["digest"]
    view = window.views["digest"]
    assert "Noordoost-Brabant" in view.preview.toPlainText()


def test_language_switch(window) -> None:
    window.set_language("en")
    settle(window)
    assert window.windowTitle().endswith(") Horizonscan – Labour migration")  # "(16) ...": the unread count
    assert window.scan_button.text() == "⟳ Scan"
    labels = [window.sidebar.topLevelItem(i).text(0) for i in range(window.sidebar.topLevelItemCount())]
    assert "New" in labels and "Starred" in labels
    window.set_language("nl")
    settle(window)
    assert window.scan_button.text() == "⟳ Scannen"


def test_saved_search_appears_in_the_sidebar(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Short stay", True))
    window.search_bar.set_state(SearchState(query="short stay"))
    settle(window)
    window._save_search(window.search_bar.state)  # noqa: SLF001 - the Bewaren button's slot
    settle(window)
    labels = []
    for i in range(window.sidebar.topLevelItemCount()):
        top = window.sidebar.topLevelItem(i)
        labels += [top.child(j).text(0) for j in range(top.childCount())]
    assert "Short stay" in labels


def test_views_open(window) -> None:
    for name in ("sources", "themes", "watchlist", "trends", "settings", "digest"):
        window.open_place(Place(name))
        settle(window)
        assert window.pages.currentWidget() is window.views[name]
    assert window.views["themes"].list.count() == 8
    assert window.views["watchlist"].table.rowCount() > 20
    assert window.views["trends"].choice.count() >= 8


def test_a_search_that_finds_nothing_says_so_and_offers_what_to_try(window, qtbot) -> None:
    window.search_bar.set_state(SearchState(query="kernenergie", mode="keyword", languages=["en"]))
    settle(window)
    panel = window.list_panel
    assert window.model.rowCount() == 0 and panel._stack.currentWidget() is panel.empty_page  # noqa: SLF001
    assert panel.empty.text().startswith("Niets gevonden voor “kernenergie”")
    assert "een andere spelling" in panel.tips.text()
    assert not panel.fix_buttons["semantic_on"].isHidden() and not panel.fix_buttons["fewer_filters"].isHidden()
    assert panel.fix_buttons["keyword_on"].isHidden()
    qtbot.mouseClick(panel.fix_buttons["semantic_on"], Qt.MouseButton.LeftButton)
    settle(window)
    assert window.search_state.mode == "hybrid" and window.search_state.languages == ["en"]
    qtbot.mouseClick(panel.fix_buttons["fewer_filters"], Qt.MouseButton.LeftButton)
    settle(window)
    assert window.search_state.query == "kernenergie" and window.search_state.languages == []


def test_a_search_shows_its_first_rows_and_the_rest_when_typing_pauses(window, qtbot, monkeypatch) -> None:
    import desktop.main_window as main_window

    monkeypatch.setattr(main_window, "FIRST_ROWS", 3)  # as if the first 100 of 500 rows came back
    monkeypatch.setattr(main_window, "MORE_AFTER_MS", 300)
    window.search_bar.field.setText("arbeidsmigranten")
    window.search_bar._emit_now()  # noqa: SLF001 - what the debounce timer does
    qtbot.waitUntil(lambda: "3+ resultaten" in window.list_panel.header.text(), timeout=30_000)
    assert window.model.rowCount() == 3
    first = [window.model.index(r, 0).data(IdRole) for r in range(3)]
    qtbot.waitUntil(lambda: window.model.rowCount() > 3, timeout=30_000)
    settle(window)
    rows = window.model.rowCount()
    assert [window.model.index(r, 0).data(IdRole) for r in range(3)] == first  # the first rows stay put
    ids = [window.model.index(r, 0).data(IdRole) for r in range(rows)]
    assert len(set(ids)) == rows and f"{rows} resultaten" in window.list_panel.header.text()
    snippet_role = Qt.ItemDataRole.UserRole + 3
    qtbot.waitUntil(lambda: window.model.index(rows - 1, 0).data(snippet_role) is not None, timeout=30_000)
    window.search_bar.field.setText("short stay")  # a new search before the rest came: the rest is dropped
    window.search_bar._emit_now()  # noqa: SLF001
    window.search_bar.field.setText("short stay vergunning")
    window.search_bar._emit_now()  # noqa: SLF001
    settle(window)
    qtbot.wait(300)
    shown = [window.model.index(r, 0).data(IdRole) for r in range(window.model.rowCount())]
    assert len(shown) == len(set(shown))
