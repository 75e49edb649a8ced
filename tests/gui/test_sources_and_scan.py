"""Sources in the desktop: add a feed, scan with the progress bar advancing, OPML, first run."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from store.core.progress import ProgressEvent
from store.core.timeutil import parse_stored, utcnow
from store.db.settings import save_settings
from store.sources.registry import list_sources
from tests.feedserver import FeedServer
from tests.gui.conftest import open_window, settle

pytestmark = pytest.mark.gui
FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


def local_only(kb) -> None:
    kb.settings.update({"allowed_hosts": ["127.0.0.1"]})
    save_settings(kb.data_dir, kb.settings)


@pytest.mark.clock("2025-03-03 09:00")  # far from the real date: only the app's clock can place the data here
def test_first_run_offers_a_start(qtbot, empty_kb) -> None:
    window = open_window(qtbot, empty_kb)
    try:
        assert window.pages.currentWidget() is window.views["welcome"]
        window.views["welcome"].example.click()
        settle(window)
        assert window.kb.database.scalar("SELECT COUNT(*) FROM items") == 150
        # the engine process loaded it by the app's clock: the newest example item is from the last day
        newest = parse_stored(window.kb.database.scalar("SELECT MAX(published) FROM items"))
        assert newest is not None and timedelta(hours=2) <= utcnow() - newest < timedelta(days=1, hours=2)
        assert window.pages.currentWidget() is window.browse_page and window.model.rowCount() > 0
    finally:
        window.shutdown()


def test_add_a_source_and_scan_with_progress(qtbot, empty_kb, feed_server: FeedServer) -> None:
    local_only(empty_kb)
    window = open_window(qtbot, empty_kb)
    try:
        from desktop.views.sidebar import Place

        window.open_place(Place("sources"))
        view = window.views["sources"]
        for n in range(4):
            view.address.setText(feed_server.url(f"/gen/{n}.xml?items=5"))
            view.kind.setCurrentIndex(0)
            view._add()  # noqa: SLF001 - the Toevoegen button's slot
            settle(window)
        assert view.model.rowCount() == 4 and "Toegevoegd" in view.add_result.text()
        seen: list[ProgressEvent] = []
        window.workflows.scan()
        job = window.tasks.running("scan")
        assert job is not None and window.status.bar.isVisible()
        job.progressed.connect(seen.append)
        with qtbot.waitSignal(window.workflows.scan_finished, timeout=120_000) as blocker:
            pass
        summary = blocker.args[0]
        settle(window)
        assert summary.items_new == 20 and summary.count("ok") == 4
        done = [e.done for e in seen if e.total]
        assert done and done == sorted(done) and done[-1] == 4
        assert not window.status.bar.isVisible()
        assert "Scan klaar" in window.status.label.text()
        assert all(s.last_status == "ok" for s in list_sources(window.kb.database))
        assert view.model.rowCount() == 4 and view.model.index(0, 2).data() == "✓ in orde"
    finally:
        window.shutdown()


def test_a_scan_that_brings_a_watched_actor_says_so(qtbot, empty_kb, feed_server: FeedServer) -> None:
    local_only(empty_kb)
    from store.sources.registry import add_source
    from tests.feedserver import COMPANIES

    for company in COMPANIES:
        empty_kb.watchlist.add_actor(company.removesuffix(" BV"), "agency")
    add_source(empty_kb.database, "Generated", "feed", feed_server.url("/gen/7.xml?items=12"))
    window = open_window(qtbot, empty_kb)
    try:
        with qtbot.waitSignal(window.workflows.scan_finished, timeout=120_000) as blocker:
            window.workflows.scan()
        settle(window)
        raised = blocker.args[0].alerts
        assert raised and all(a.kind == "actor" for a in raised)
        text = window.status.label.text()
        assert "Scan klaar" in text and f"{len(raised)} nieuwe meldingen" in text
        from desktop.views.sidebar import Place

        assert window.sidebar._items[Place("alerts")].text(1) == str(len(raised))  # noqa: SLF001
    finally:
        window.shutdown()


def test_failing_source_is_visible(qtbot, empty_kb, feed_server: FeedServer) -> None:
    local_only(empty_kb)
    from store.sources.registry import add_source

    add_source(empty_kb.database, "Kapot", "feed", feed_server.url("/status/500"))
    window = open_window(qtbot, empty_kb)
    try:
        with qtbot.waitSignal(window.workflows.scan_finished, timeout=60_000):
            window.workflows.scan()
        settle(window)
        assert "mislukt" in window.status.label.text()
        from desktop.views.sidebar import Place

        window.open_place(Place("sources"))
        settle(window)
        model = window.views["sources"].model
        assert model.index(0, 2).data() == "⚠ mislukt"
        assert "storing" in model.index(0, 4).data()
    finally:
        window.shutdown()


def test_opml_import(qtbot, empty_kb) -> None:
    window = open_window(qtbot, empty_kb)
    try:
        window.workflows.import_opml(str(FEEDS / "sources_with_junk.opml"))
        settle(window)
        assert len(list_sources(window.kb.database)) >= 2
        assert "overgeslagen" in window.status.label.text()
    finally:
        window.shutdown()


def test_sources_model_passes_the_model_tester(qtbot, demo_kb, qtmodeltester) -> None:
    from desktop.views.sources_view import SourcesModel
    from store.sources.registry import add_source

    add_source(demo_kb.database, "A", "feed", "https://a.example/feed")
    model = SourcesModel()
    model.set_sources(list_sources(demo_kb.database), "nl")
    qtmodeltester.check(model)


def test_sources_check_says_in_words_what_to_do(qtbot, empty_kb, feed_server: FeedServer) -> None:
    local_only(empty_kb)
    from store.sources.registry import add_source

    add_source(empty_kb.database, "Werkt", "feed", feed_server.url("/fixtures/rss20.xml"))
    moved = add_source(empty_kb.database, "Verhuisd", "feed", feed_server.url("/moved/atom10.xml")).source
    add_source(empty_kb.database, "Weg", "feed", feed_server.url("/status/410"))
    window = open_window(qtbot, empty_kb)
    try:
        from desktop.views.sidebar import Place

        window.open_place(Place("sources"))
        view = window.views["sources"]
        settle(window)
        assert not view.check_result.isVisible()
        view.check_button.click()
        qtbot.waitUntil(lambda: view.check_result.isVisible(), timeout=60_000)
        text = view.check_result.text()
        assert text.startswith("3 bronnen: 1 werken, 1 verhuisd, 1 bestaan niet meer.")
        assert "1 nieuwe adressen zijn overgenomen" in text and "• Weg:" in text and "Verhuisd:" not in text
        assert window.kb.sources.get_source(moved.id).url == feed_server.url("/fixtures/atom10.xml")
    finally:
        window.shutdown()


def test_first_run_checks_the_default_sources_then_scans(qtbot, empty_kb) -> None:
    local_only(empty_kb)  # nothing leaves this machine: every default source is refused, and says so
    window = open_window(qtbot, empty_kb)
    try:
        window.views["welcome"].defaults.click()
        with qtbot.waitSignal(window.workflows.scan_finished, timeout=120_000):
            pass
        settle(window)
        view = window.views["sources"]
        count = view.model.rowCount()
        assert count > 30 and window.pages.currentWidget() is view
        text = view.check_result.text()
        assert text.startswith(f"{count} bronnen: {count} geven nu een fout.")
        assert text.count("• ") == 6 and f"… en {count - 6} meer" in text  # a summary, not 43 red rows
        assert "toegestane sites" in text  # why, in words
    finally:
        window.shutdown()


def test_an_indicator_is_chosen_from_the_tables_own_measures_and_categories(qtbot, empty_kb) -> None:
    from desktop.views.indicator_dialog import IndicatorDialog
    from tests.odataserver import ODataServer

    local_only(empty_kb)
    window = open_window(qtbot, empty_kb)
    try:
        with ODataServer() as server:
            dialog = IndicatorDialog(window.workflows.engine, base_url=server.api_url)
            qtbot.addWidget(dialog)
            ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
            assert not ok.isEnabled()  # nothing chosen yet
            dialog.table.setText("85000NED")
            dialog.look_up.click()
            qtbot.waitUntil(lambda: dialog.measure.count() > 0, timeout=30_000)
            assert "Werknemers; nationaliteit, regio, kwartaal" in dialog.state.text()
            assert set(dialog.dimension_rows) == {"Nationaliteit", "RegioS"}
            regions = dialog.dimension_rows["RegioS"]
            regions.setCurrentIndex(regions.findText("Noord-Brabant (PV)"))
            origin = dialog.dimension_rows["Nationaliteit"]
            origin.setCurrentIndex(origin.findData("MOE01"))
            dialog.label.setText("werknemers uit MOE-landen in Noord-Brabant")
            assert ok.isEnabled()
            chosen = dialog.settings()
            assert chosen.filters == {"Nationaliteit": "MOE01", "RegioS": "PV30  "}  # CBS keys keep their spaces
            assert chosen.measure == "Werknemers_1" and chosen.threshold == 0.05
            dialog.table.setText("99999XXX")  # a table that does not exist: said in words
            dialog.look_up.click()
            qtbot.waitUntil(lambda: "99999XXX" in dialog.state.text() and dialog.measure.count() == 0,
                            timeout=30_000)
            assert "kent geen tabel 99999XXX" in dialog.state.text() and not ok.isEnabled()
    finally:
        window.shutdown()
