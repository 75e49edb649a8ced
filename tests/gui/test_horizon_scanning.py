"""Horizon scanning in the desktop: a card from the reader with one key, assessed in its form with every change
in its history; the radar's dots open their cards; alerts in Meldingen and in the sidebar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.gui.conftest import settle

pytestmark = pytest.mark.gui


def test_a_card_from_the_reader_in_one_key_then_assessed(window, qtbot) -> None:
    window.list_view.setFocus()
    window.list_view.setCurrentIndex(window.model.index(0, 0))
    settle(window)
    item_id = window.list_view.selected_ids()[0]
    QTest.keyClick(window.list_view, Qt.Key.Key_C)
    view = window.views["cards"]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view and view.card is not None, timeout=30_000)
    settle(window)
    card = view.card
    assert card is not None and item_id in [e.item_id for e in card.evidence]
    assert view.edit_title.text() == card.title and view.evidence.count() >= 1
    view.impact.setValue(4)
    view.impact_why.setText("raakt duizenden werknemers in de logistiek")
    view.combos["horizon"].setCurrentIndex(view.combos["horizon"].findData("2-5"))
    view.edit_brabant.setPlainText("Meer vraag naar short stay in Tilburg")
    view.save_button.click()
    settle(window)
    saved = window.kb.cards.get(card.id)
    assert saved.impact == 4 and saved.horizon == "2-5" and saved.brabant.startswith("Meer vraag")
    history = [view.history.item(n).text() for n in range(view.history.count())]
    assert any("impact: – → 4" in line for line in history) and any("tijdshorizon: – → 2-5 jaar" in line
                                                                       for line in history)


def test_a_dot_on_the_radar_opens_its_card(window, qtbot) -> None:
    from desktop.views.sidebar import Place

    ids = list(window.model.ids[:2])
    card = window.kb.cards.create(ids[:1], themes=["huisvesting"], horizon="0-2", impact=5, likelihood=4,
                                  card_type="trend")
    window.kb.cards.create(ids[1:2])  # not assessed: not placed, and said so
    window.open_place(Place("radar"))
    settle(window)
    radar = window.views["radar"]
    assert f"#{window.kb.cards.list_cards()[0].id}" in radar.left_out.text()
    dot = next(d for d in radar.radar.chart.dots if d.card_id)
    assert dot.card_id == card.id
    point = radar.radar.mapFromScene(dot.x, dot.y)
    QTest.mouseClick(radar.radar.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    cards = window.views["cards"]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is cards and cards.card is not None
                    and cards.card.id == card.id, timeout=30_000)
    radar_matrix = radar.matrix.chart
    assert [d.card_id for d in radar_matrix.dots if d.card_id] == [card.id]


def test_alerts_are_listed_counted_and_open_their_item(window, qtbot) -> None:
    from desktop.views.sidebar import Place

    window.kb.watchlist.add_actor("Vitrex Personeel", "agency")
    raised = window.kb.raise_alerts()
    assert raised
    settle(window)
    window.refresh_chrome()
    settle(window)
    entry = window.sidebar._items[Place("alerts")]  # noqa: SLF001
    assert entry.text(1) == str(len(raised))
    window.open_place(Place("alerts"))
    settle(window)
    view = window.views["alerts"]
    assert view.list.count() == len(raised) and view.list.item(0).font().bold()
    with_item = next(n for n, a in enumerate(view.alerts) if a.item_id)
    view.list.itemActivated.emit(view.list.item(with_item))
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.browse_page, timeout=30_000)
    settle(window)
    assert window.kb.alerts.unseen_count() == len(raised) - 1
