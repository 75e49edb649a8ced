"""Indicators: a CBS StatLine measure read from a local OData server in the documented CBS format, stored as a
series, a new period beyond the threshold raised as a signal in Nieuw; a changed table, a stopped one and a
withdrawn one each say so in words and keep the series."""

from __future__ import annotations

import json

from scanner.fetch import FetchPolicy
from scanner.messages import describe
from scanner.pipeline import Scanner
from scanner.source_check import check_sources
from store import IndicatorSettings, parse_period
from store.knowledge_base import KnowledgeBase
from tests import odata_fixtures
from tests.cli_helpers import run_cli
from tests.odataserver import ODataServer

odata_server = odata_fixtures.odata_server
POLICY = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), read_timeout=2, deadline=10)
MOE_BRABANT = {"Nationaliteit": "MOE01", "RegioS": "PV30  "}
LABEL = "werknemers uit MOE-landen in Noord-Brabant"


def follow(kb: KnowledgeBase, server: ODataServer, table: str = "85000NED", **kwargs) -> int:
    settings = IndicatorSettings(table, kwargs.pop("measure", "Werknemers_1"), LABEL,
                                 kwargs.pop("filters", MOE_BRABANT), base_url=server.api_url, **kwargs)
    return kb.indicators.add(settings).id


def scan(kb: KnowledgeBase):
    return Scanner(kb, POLICY).scan(force=True)


def signals(kb: KnowledgeBase) -> list:
    return kb.database.query("SELECT title, summary, state, outlet, url FROM items ORDER BY id")


def test_periods_in_dates_and_words() -> None:
    quarter = parse_period("2026KW03")
    assert quarter and quarter.start == "2026-07-01" and quarter.label() == "2026 3e kwartaal"
    assert quarter.label("en") == "2026 Q3"
    month = parse_period("2024MM12")
    assert month and month.start == "2024-12-01" and month.label() == "december 2024"
    assert parse_period("2025JJ00").start == "2025-01-01"  # type: ignore[union-attr]
    assert parse_period("2025X000") is None and parse_period("2025KW05") is None


def test_first_read_is_history_and_a_new_release_that_moves_is_a_signal(kb: KnowledgeBase,
                                                                          odata_server: ODataServer) -> None:
    source_id = follow(kb, odata_server)
    first = scan(kb)
    assert first.count("ok") == 1 and first.items_new == 0  # the history itself raises nothing
    series = kb.indicators.series(source_id)
    assert len(series) == 15 and series[0].period == "2023KW01" and series[-1].value == 86.4
    assert series[-1].status == "Voorlopig" and series[-1].label == "2026 3e kwartaal"
    source = kb.sources.get_source(source_id)
    assert source.indicator["unit"] == "x 1 000" and source.indicator["frequency"] == "Perkwartaal"

    # no new release: one small request (TableInfos), nothing read
    odata_server.clear_requests()
    again = scan(kb)
    assert again.count("not_modified") == 1 and [r.path.rsplit("/", 1)[-1] for r in odata_server.requests] == [
        "TableInfos"]

    # CBS publishes the next quarter: +6 % on the previous one
    odata_server.add_period("85000NED", "2026KW04", {("MOE01", "PV30"): 91.6})
    released = scan(kb)
    assert released.items_new == 1
    title, text, state, outlet, url = signals(kb)[0]
    assert title == "CBS: werknemers uit MOE-landen in Noord-Brabant +6,0 % t.o.v. vorig kwartaal"
    assert "91,6 (x 1 000) in 2026 4e kwartaal (voorlopig), tegen 86,4 (x 1 000) in 2026 3e kwartaal" in text
    assert "85000NED" in text and state == "new" and outlet == "CBS" and url.endswith("periode=2026KW04")
    assert len(kb.indicators.series(source_id)) == 16


def test_small_moves_and_revisions_raise_no_signal(kb: KnowledgeBase, odata_server: ODataServer) -> None:
    follow(kb, odata_server, threshold=0.05)
    scan(kb)
    odata_server.add_period("85000NED", "2026KW04", {("MOE01", "PV30"): 88.0})  # +1.9 %: below 5 %
    assert scan(kb).items_new == 0
    odata_server.add_period("85000NED", "2027KW01", {("MOE01", "PV30"): 79.0})  # -10.2 %
    result = scan(kb)
    assert result.items_new == 1
    assert signals(kb)[0][0] == "CBS: werknemers uit MOE-landen in Noord-Brabant −10,2 % t.o.v. vorig kwartaal"


def test_pages_of_data_are_followed(kb: KnowledgeBase) -> None:
    with ODataServer(page_size=4) as server:
        source_id = follow(kb, server, filters={"RegioS": "PV30  ", "Nationaliteit": "MOE01"})
        assert scan(kb).count("ok") == 1
        assert len(kb.indicators.series(source_id)) == 15  # 15 rows over 4 pages


def test_a_table_whose_dimensions_changed_says_what_and_keeps_the_series(kb: KnowledgeBase,
                                                                         odata_server: ODataServer) -> None:
    source_id = follow(kb, odata_server, table="85001NED")
    scan(kb)
    odata_server.change_dimensions("85001NED")
    result = scan(kb)
    assert result.count("failed") == 1 and result.outcomes[0].error_code == "indicator_changed"
    source = kb.sources.get_source(source_id)
    message = describe(source.last_error_code, source.last_error_params, "nl")
    assert "85001NED" in message and "Werknemers_1, Nationaliteit" in message and "Herkomst" in message
    assert len(kb.indicators.series(source_id)) == 15  # nothing lost


def test_a_withdrawn_table_says_so_and_keeps_the_series(kb: KnowledgeBase, odata_server: ODataServer) -> None:
    source_id = follow(kb, odata_server, table="84999NED")
    first = scan(kb)
    assert first.count("ok") == 1 and first.outcomes[0].warning_code == "indicator_stopped"
    assert len(kb.indicators.series(source_id)) == 24  # monthly, 2023-2024
    odata_server.withdraw("84999NED")
    result = scan(kb)
    assert result.outcomes[0].error_code == "indicator_withdrawn"
    assert "uit de open data gehaald" in describe("indicator_withdrawn", {"table": "84999NED"}, "nl")
    assert len(kb.indicators.series(source_id)) == 24
    check = check_sources(kb, policy=POLICY)
    assert [(c.verdict, c.code) for c in check] == [("gone", "indicator_withdrawn")]


def test_an_unknown_filter_value_is_a_clear_error(kb: KnowledgeBase, odata_server: ODataServer) -> None:
    follow(kb, odata_server, filters={"Nationaliteit": "XX99", "RegioS": "PV30  "})
    result = scan(kb)
    assert result.outcomes[0].error_code == "indicator_empty"


def test_cli_adds_and_lists_indicators(kb: KnowledgeBase, odata_server: ODataServer, capsys) -> None:
    code = run_cli(capsys, "indicators", "add", "85000NED", "--measure", "Werknemers_1",
                   "--filter", "Nationaliteit=MOE01", "--filter", "RegioS=PV30  ", "--label", LABEL,
                   "--base-url", odata_server.api_url, "--threshold", "5")
    assert code[0] == 0 and "Added indicator" in code[1]
    scan(kb)
    code, out, _ = run_cli(capsys, "indicators", "list", "--json")
    listed = json.loads(out)
    assert listed[0]["table"] == "85000NED" and len(listed[0]["points"]) == 15
    assert round(listed[0]["latest_change"], 3) == 0.08 and listed[0]["filters"]["RegioS"] == "PV30  "
    code, out, _ = run_cli(capsys, "indicators", "list")
    assert "86.4 in 2026 3e kwartaal (+8.0 %)" in out


def test_a_signal_is_never_grouped_into_a_news_story(kb: KnowledgeBase, odata_server: ODataServer) -> None:
    from store.core.models import NewItem

    follow(kb, odata_server)
    scan(kb)
    odata_server.add_period("85000NED", "2026KW04", {("MOE01", "PV30"): 91.6})
    kb.add_items([NewItem(url="https://news.example/1", title="CBS: werknemers uit MOE-landen in Noord-Brabant "
                          "+6,0 % t.o.v. vorig kwartaal", text="Het aantal werknemers uit MOE-landen in Noord-Brabant "
                          "steeg in het vierde kwartaal met 6 procent, meldt het CBS.")])
    scan(kb)
    assert kb.database.scalar("SELECT COUNT(*) FROM items WHERE story_id IS NOT NULL") == 0
