"""A day of use: list, reader and sidebar agree after every triage key, bulk action and refresh."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.item_model import IdRole
from tests.gui.conftest import settle

pytestmark = pytest.mark.gui


def current_id(window) -> int | None:
    index = window.list_view.currentIndex()
    return index.data(IdRole) if index.isValid() else None


def assert_in_sync(window) -> None:
    settle(window)
    shown = current_id(window)
    assert shown is not None and window.reader.item is not None
    assert window.reader.item.id == shown, (window.reader.item.title, shown)
    assert window.reader.title.text() == window.reader.item.title


@pytest.mark.parametrize("keys", [[Qt.Key.Key_D], [Qt.Key.Key_D, Qt.Key.Key_D, Qt.Key.Key_S],
                                  [Qt.Key.Key_J, Qt.Key.Key_D, Qt.Key.Key_K, Qt.Key.Key_D],
                                  [Qt.Key.Key_M, Qt.Key.Key_D, Qt.Key.Key_3, Qt.Key.Key_D]])
def test_the_reader_shows_the_item_the_list_selects_after_every_key(window, qtbot, keys) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    assert_in_sync(window)
    for key in keys:
        qtbot.keyClick(window.list_view, key)
        assert_in_sync(window)


def test_an_ampersand_in_a_theme_label_is_shown_not_eaten(window) -> None:
    from desktop.views.search_bar import SearchState

    window.search_bar.set_state(SearchState(themes=["markt"]))
    settle(window)
    button = window.search_bar.theme_button
    assert button.text().startswith("Thema: Markt && commerci")  # "&&" is how Qt shows one "&"
    assert button.toolTip() == "Markt & commerciële partijen"  # a tooltip has no mnemonics
    button.menu().aboutToShow.emit()
    labels = [a.text() for a in button.menu().actions()]
    assert "Markt && commerciële partijen" in labels


def test_a_search_of_only_operators_explains_itself_in_dutch(window) -> None:
    from desktop.views.search_bar import SearchState

    window.search_bar.set_state(SearchState(query="NOT"))
    settle(window)
    assert window.list_panel.empty.text().startswith("De zoekopdracht heeft geen woorden")


def test_chips_use_short_labels_in_the_interface_language() -> None:
    from desktop.item_delegate import short_label

    assert short_label("Markt & commerciële partijen") == "Markt"
    assert short_label("Safety & enforcement") == "Safety"
    assert short_label("Migrant workers' perspective") == "Migrant"
    assert short_label("Huisvesting") == "Huisvesting"


def test_a_window_opened_in_english_shows_english_themes_in_the_reader(qtbot, demo_kb) -> None:
    from store.themes.registry import set_item_theme
    from tests.gui.conftest import open_window

    window = open_window(qtbot, demo_kb, "en")
    try:
        settle(window)
        item_id = window.reader.item.id
        set_item_theme(window.kb.database, item_id, "veiligheid", "suggested", 0.64,
                       '{"similar": [], "words": ["boete"]}')
        window.list_view.move_current(1)
        window.list_view.move_current(-1)
        settle(window)
        chips = " ".join(label.text() for label in window.reader.findChildren(QLabel) if label.isVisible())
        assert "Suggestion: Safety & enforcement 0.64" in chips
        assert "Veiligheid" not in chips and "past bij" not in chips and "0,64" not in chips
    finally:
        window.shutdown()


def test_mark_all_read_and_undo(window, qtbot) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("new"))
    settle(window)
    shown = list(window.model.ids)
    unread_before = {i for i in shown if window.kb.get_item(i).state == "new"}
    assert unread_before
    qtbot.mouseClick(window.list_panel.mark_all_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert all(window.kb.get_item(i).state == "read" for i in shown)
    assert not window.list_panel.undo_button.isHidden()
    qtbot.mouseClick(window.list_panel.undo_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert {i for i in shown if window.kb.get_item(i).state == "new"} == unread_before
    assert window.list_panel.undo_button.isHidden()


def test_counts_agree_with_the_list_and_the_title(window) -> None:
    settle(window)
    new_entry = window.sidebar._items[window.sidebar._current]  # noqa: SLF001 - the highlighted "Nieuw"
    count = int(new_entry.text(1))
    assert count == window.model.rowCount()
    assert f"{count} " in window.list_panel.header.text()
    assert window.windowTitle().startswith(f"({count}) ")


def test_the_reader_has_buttons_for_triage_and_says_why_an_item_ranks_here(window, qtbot) -> None:
    settle(window)
    reader = window.reader
    assert reader.rank_reason.isVisible() and reader.rank_reason.text().startswith("Waarom hier: ")
    item_id = reader.item.id
    qtbot.mouseClick(reader.star_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.kb.get_item(item_id).starred and reader.star_button.text().startswith("★")
    qtbot.mouseClick(reader.dismiss_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.kb.get_item(item_id).state == "dismissed"
    assert_in_sync(window)
    assert reader.item.id != item_id


def test_an_empty_list_shows_one_explanation_and_no_reader_skeleton(window) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("starred"))
    settle(window)
    assert window.model.rowCount() == 0
    assert window.list_panel.empty.text().startswith("Nog geen berichten met een ster")
    assert window.reader.pages.currentWidget() is window.reader.empty_page
    assert not window.reader.star_button.isVisible() and not window.reader.note.isVisible()


def test_the_sources_page_explains_itself_when_there_are_none(window) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("sources"))
    settle(window)
    view = window.views["sources"]
    assert view.table_stack.currentWidget() is view.empty
    assert "Standaardbronnen toevoegen" in view.empty.text()
    assert not view.export_button.isEnabled()  # nothing to export
    assert not any(b.isVisible() for b in (view.scan_button, view.pause_button, view.remove_button,
                                           view.editor))  # nothing they could act on
    assert not window.scan_button.isEnabled() and "Bronnen" in window.scan_button.toolTip()
    assert view.add_button.isEnabled() and view.import_button.isEnabled()
    assert window.search_bar._sources  # noqa: SLF001 - the Bron filter offers the example data's outlets


def test_a_search_leaves_no_sidebar_entry_highlighted(window) -> None:
    from desktop.views.search_bar import SearchState

    window.search_bar.set_state(SearchState(query="huisvesting"))
    settle(window)
    assert not window.sidebar.selectedItems()
    window.search_bar.set_state(SearchState())
    settle(window)
    assert window.sidebar.selectedItems()


def test_an_item_opened_from_elsewhere_leaves_no_other_row_highlighted(window) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("theme", "veiligheid"))
    settle(window)
    listed = set(window.model.ids)
    assert listed and window.list_view.selectionModel().hasSelection()  # row 1 highlighted
    target = next(i for i in window.kb.lists.new_ids() if i not in listed)
    window.open_item(target)  # e.g. from "Vergelijkbare berichten" or the digest
    settle(window)
    assert not window.list_view.selectionModel().hasSelection()
    assert window.reader.item.id == target


def test_similar_items_are_other_events_not_the_story_itself(window) -> None:
    kb = window.kb
    story = kb.database.query_one("SELECT story_id FROM items WHERE story_id IS NOT NULL LIMIT 1")[0]
    members = {r[0] for r in kb.database.query("SELECT id FROM items WHERE story_id = ?", (story,))}
    first = min(members)
    similar = {h.item.id for h in kb.similar(first, limit=10).hits}
    assert similar and not similar & members


def test_trends_compare_several_series_with_whole_number_ticks_and_marked_spikes(window) -> None:
    from PySide6.QtCharts import QBarSeries, QValueAxis

    from desktop.views.sidebar import Place

    window.open_place(Place("trends"))
    settle(window)
    view = window.views["trends"]
    items = [view.choice.item(n) for n in range(view.choice.count())]
    spiky = next(i for i in items if "⚠" in i.text())
    spiky.setCheckState(Qt.CheckState.Checked)
    chart = view.chart_view.chart()
    bars = next(s for s in chart.series() if isinstance(s, QBarSeries))
    assert len(bars.barSets()) == 2  # the first theme and the ticked one, side by side
    assert any(bar_set.selectedBars() for bar_set in bars.barSets())  # the spike, outlined in red
    axis_y = next(a for a in chart.axes(Qt.Orientation.Vertical) if isinstance(a, QValueAxis))
    assert axis_y.tickInterval() == int(axis_y.tickInterval()) and axis_y.min() == 0
    assert axis_y.max() % axis_y.tickInterval() == 0
    axis_x = chart.axes(Qt.Orientation.Horizontal)[0]
    labels = axis_x.categoriesLabels()
    assert 2 <= len(labels) <= 16 and all("…" not in label for label in labels)
    at = [axis_x.endValue(label) for label in labels]
    assert len({b - a for a, b in zip(at, at[1:], strict=False)}) == 1  # evenly spaced, no skipped step
    assert at[-1] == axis_x.max() - 0.5  # the last week is named
    assert "gemiddeld" in view.spikes.text() and "." not in view.spikes.text().split("gemiddeld")[1][:4]


def test_opening_the_weekly_digest_makes_nothing_until_asked(window, qtbot) -> None:
    from desktop.views.sidebar import Place

    before = window.kb.database.scalar("SELECT COUNT(*) FROM digests")
    window.open_place(Place("digest"))
    settle(window)
    view = window.views["digest"]
    assert window.kb.database.scalar("SELECT COUNT(*) FROM digests") == before
    assert view.pages.currentWidget() is view.start_page and "Nog geen weekoverzicht" in view.start_text.text()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.kb.database.scalar("SELECT COUNT(*) FROM digests") == before + 1
    assert view.pages.currentWidget() is view.editor_page
    empty = [view.tree.topLevelItem(n).text(0) for n in range(view.tree.topLevelItemCount())]
    assert empty and not any(text.endswith("(0)") for text in empty)


def test_themes_can_be_reordered_and_the_help_says_which_key_is_which(window, qtbot) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("themes"))
    settle(window)
    view = window.views["themes"]
    view.list.setCurrentRow(2)  # Huisvesting, key 3
    qtbot.mouseClick(view.up_button, Qt.MouseButton.LeftButton)
    settle(window)
    assert [t.key for t in window.kb.themes()][:3] == ["economie", "huisvesting", "arbeidsmarkt"]
    assert view.list.currentRow() == 1 and view.list.item(1).text().startswith("2  Huisvesting")
    settle(window)
    assert window.list_view.theme_keys[1][0] == "huisvesting"  # the number key 2 now gives Huisvesting
    window.open_place(Place("help"))
    settle(window)
    assert "Huisvesting" in window.help_view.text.text()


def test_bulk_dismiss_and_a_refresh_after_a_scan_keep_list_and_reader_together(window) -> None:
    settle(window)
    ids = [window.model.index(r, 0).data(IdRole) for r in range(3)]
    window.triage("dismiss", ids)
    settle(window)
    assert all(window.kb.get_item(i).state == "dismissed" for i in ids)
    window.list_view.move_current(1)
    assert_in_sync(window)
    window.reload_list()  # what a finished scan does
    settle(window)
    assert_in_sync(window)
    new_entry = window.sidebar._items[window.sidebar._current]  # noqa: SLF001 - the highlighted "Nieuw"
    assert int(new_entry.text(1)) == window.model.rowCount()


def test_settings_offer_to_switch_only_to_another_model(window) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("settings"))
    settle(window)
    view = window.views["settings"]
    assert not view.model_apply.isEnabled()  # the model in use (the tests' fake one): nothing to do
    view.model_choice.setCurrentIndex(0)  # the default model
    assert view.model_apply.isEnabled()
    view.model_choice.setCurrentIndex(view.model_choice.findData("custom"))
    view.model_custom.setText("intfloat/multilingual-e5-small")
    assert view.model_apply.isEnabled()


def test_rule_buttons_act_only_when_there_is_a_rule(window, qtbot) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("themes"))
    settle(window)
    view = window.views["themes"]
    view.list.setCurrentRow(2)
    settle(window)
    assert not view.rule_remove.isEnabled()  # no rule chosen
    assert not view.rule_save.isEnabled() and not view.test_button.isEnabled()  # no words yet
    qtbot.keyClicks(view.rule_pattern, "short-stay")
    assert view.rule_save.isEnabled() and view.test_button.isEnabled()
    qtbot.mouseClick(view.rule_save, Qt.MouseButton.LeftButton)
    settle(window)
    settle(window)
    view.rules.setCurrentRow(0)
    assert view.rule_remove.isEnabled()


def test_the_digest_picker_is_short_and_the_reader_folds_from_above(window, qtbot) -> None:
    from desktop.views.sidebar import Place

    window.open_place(Place("digest"))
    settle(window)
    view = window.views["digest"]
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    settle(window)
    title = view.title.text()
    assert title not in view.archive.itemText(0) and view.archive.itemText(0).endswith("0 signalen")
    assert view.archive.itemData(0, Qt.ItemDataRole.ToolTipRole) == title  # the title is one hover away
    assert view.archive.width() >= view.archive.sizeHint().width()  # never cut mid-word
    layout = window.reader.fold_button.parentWidget().layout()
    assert layout.indexOf(window.reader.fold_button) >= 0
    assert layout.indexOf(window.reader.fold_button) < layout.indexOf(window.reader.lower_part)


def test_an_empty_data_folder_offers_no_search_and_no_scan(qtbot, empty_kb) -> None:
    from tests.gui.conftest import open_window

    window = open_window(qtbot, empty_kb)
    try:
        settle(window)
        assert not window.search_bar.isEnabled() and "voorbeelddata" in window.search_bar.toolTip()
        assert not window.scan_button.isEnabled()
    finally:
        window.shutdown()


def test_trends_show_an_indicator_series_beside_the_weekly_counts(window) -> None:
    from PySide6.QtCharts import QLineSeries, QScatterSeries

    from desktop.views.sidebar import Place
    from store import IndicatorPoint, IndicatorSettings

    settings = IndicatorSettings("85000NED", "Werknemers_1", "werknemers uit MOE-landen in Noord-Brabant",
                                 {"Nationaliteit": "MOE01", "RegioS": "PV30  "}, unit="x 1 000")
    source = window.kb.indicators.add(settings)
    values = [78.0, 78.6, 79.1, 79.6, 80.0, 86.4]
    window.kb.indicators.save(source.id, [IndicatorPoint(f"2025KW0{n + 1}" if n < 4 else f"2026KW0{n - 3}",
                                                         f"{2025 + n // 4}-{(n % 4) * 3 + 1:02d}-01",
                                                         f"{2025 + n // 4} {n % 4 + 1}e kwartaal", v)
                                          for n, v in enumerate(values)], 0.05)
    window.open_place(Place("trends"))
    settle(window)
    view = window.views["trends"]
    items = [view.choice.item(n) for n in range(view.choice.count())]
    indicator = next(i for i in items if i.text().startswith("Indicator: "))
    assert "86,4" in indicator.text() and "+8,0 %" in indicator.text()
    indicator.setCheckState(Qt.CheckState.Checked)
    settle(window)
    assert view.chart_view.isVisible()  # the theme's weekly counts stay, the series comes beside them
    chart = view.indicator_views[0].chart()
    line = next(s for s in chart.series() if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries))
    moved = next(s for s in chart.series() if isinstance(s, QScatterSeries))
    assert [p.y() for p in line.points()] == values and [p.y() for p in moved.points()] == [86.4]
    assert "(x 1 000)" in chart.title()
    labels = chart.axes(Qt.Orientation.Horizontal)[0].categoriesLabels()
    assert "'26 K2" in labels
