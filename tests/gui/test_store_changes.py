"""One change notification in the desktop: writes here and in the engine reach the window, the list, the
reader and the views through `MainWindow.store_changed`, and a view the user is editing is left alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.item_model import IdRole, SummaryRole
from desktop.views.sidebar import Place
from desktop.widgets.store_view import APP, ENGINE
from store.core.changes import Changes
from tests.gui.conftest import settle

pytestmark = pytest.mark.gui


def test_a_write_in_the_engine_reaches_the_window(window, qtbot) -> None:
    item_id = window.model.index(0, 0).data(IdRole)
    with qtbot.waitSignal(window.store_changed, timeout=60_000,
                          check_params_cb=lambda changes, origin: origin == ENGINE and "themes" in changes.kinds
                          and item_id in changes.item_ids):
        window.engine.call("refresh_suggestions", item_ids=[item_id])
    settle(window)


def test_a_write_here_updates_the_row_and_the_reader_from_the_one_signal(window, qtbot) -> None:
    item_id = window.reader.item.id
    with qtbot.waitSignal(window.store_changed, timeout=10_000,
                          check_params_cb=lambda changes, origin: origin == APP and item_id in changes.item_ids):
        window.tasks.run(lambda: window.kb.items.set_starred([item_id], True))
    settle(window)
    row = window.model.row_of(item_id)
    assert window.model.index(row, 0).data(SummaryRole).starred
    assert window.reader.item.starred  # the reader's item was brought up to date


def sources_view_with_a_selection(window):
    window.kb.sources.add_source("Brabants Dagblad", "feed", "https://bd.example/feed.xml")
    window.kb.sources.add_source("Omroep Brabant", "feed", "https://ob.example/feed.xml")
    window.open_place(Place("sources"))
    settle(window)
    view = window.views["sources"]
    view.table.selectionModel().select(view.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    return view


def test_a_visible_view_refreshes_on_engine_changes_and_keeps_the_selection(window) -> None:
    view = sources_view_with_a_selection(window)
    source = view.model.sources[1]
    window.kb.sources.update_source(source.id, name="Omroep Brabant (nieuws)")  # as a scan that learns the name
    settle(window)
    assert view.model.sources[1].name == "Omroep Brabant"  # its own (APP) writes a view already shows
    window.store_changed.emit(Changes.of(["sources"]), ENGINE)
    settle(window)
    assert view.model.sources[1].name == "Omroep Brabant (nieuws)"
    assert [s.id for s in view.selected()] == [source.id]


def test_a_view_the_user_is_typing_in_is_not_refreshed(window, qtbot) -> None:
    view = sources_view_with_a_selection(window)
    window.activateWindow()
    view.edit_name.setFocus()
    qtbot.waitUntil(view.edit_name.hasFocus, timeout=5000)
    source = view.model.sources[1]
    window.kb.sources.update_source(source.id, name="Iets anders")
    window.store_changed.emit(Changes.of(["sources"]), ENGINE)
    settle(window)
    assert view.model.sources[1].name == "Omroep Brabant"
