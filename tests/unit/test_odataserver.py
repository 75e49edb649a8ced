"""The local CBS OData server used by the tests behaves like the StatLine OData v3 API it imitates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests import odata_fixtures
from tests.odataserver import ODataServer

odata_server = odata_fixtures.odata_server

TIMEOUT = httpx.Timeout(3.0)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=TIMEOUT) as c:
        yield c


def get(client: httpx.Client, server: ODataServer, path: str, **params: str) -> Any:
    response = client.get(server.api_url + path, params={"$format": "json", **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    return response.json()


def test_service_document_and_metadata(odata_server: ODataServer, client: httpx.Client) -> None:
    for path in ("/85000NED", "/85000NED/"):
        doc = get(client, odata_server, path)
        names = [entry["name"] for entry in doc["value"]]
        assert names == ["TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties", "CategoryGroups",
                         "Nationaliteit", "RegioS", "Perioden"]
        assert doc["value"][1]["url"] == odata_server.api_url + "/85000NED/UntypedDataSet"
    info = get(client, odata_server, "/85000NED/TableInfos")["value"][0]
    assert (info["Identifier"], info["OutputStatus"], info["Modified"]) == ("85000NED", "Regulier",
                                                                           "2026-11-16T02:00:00")
    props = {p["Key"]: p for p in get(client, odata_server, "/85000NED/DataProperties")["value"]}
    assert [props[k]["Type"] for k in ("Nationaliteit", "RegioS", "Perioden", "Werknemers_1")] == [
        "Dimension", "GeoDimension", "TimeDimension", "Topic"]
    regions = get(client, odata_server, "/85000NED/RegioS")["value"]
    assert [r["Key"] for r in regions] == ["NL01  ", "PV30  ", "PV31  "]
    periods = get(client, odata_server, "/85000NED/Perioden")["value"]
    assert (periods[0]["Key"], periods[-1]["Key"], periods[-1]["Status"]) == ("2023KW01", "2026KW03", "Voorlopig")
    assert odata_server.hits("/ODataApi/odata/85000NED") == 6


def test_filter_and_select(odata_server: ODataServer, client: httpx.Client) -> None:
    rows = get(client, odata_server, "/85000NED/TypedDataSet",
               **{"$filter": "Nationaliteit eq 'MOE01' and RegioS eq 'PV30  ' and substringof('2026',Perioden)",
                  "$select": "Perioden,Werknemers_1"})["value"]
    assert rows == [{"Perioden": "2026KW01", "Werknemers_1": 79.6}, {"Perioden": "2026KW02", "Werknemers_1": 80.0},
                    {"Perioden": "2026KW03", "Werknemers_1": 86.4}]
    # values compare exactly, padding included
    assert get(client, odata_server, "/85000NED/TypedDataSet", **{"$filter": "RegioS eq 'PV30'"})["value"] == []
    untyped = get(client, odata_server, "/85000NED/UntypedDataSet",
                  **{"$filter": "Nationaliteit eq 'MOE01' and RegioS eq 'PV30  ' and Perioden eq '2026KW03'"})
    assert untyped["value"][0]["Werknemers_1"] == "      86.4"


def test_paging_with_next_link(client: httpx.Client) -> None:
    with ODataServer(page_size=5) as server:
        url: str | None = server.api_url + "/85000NED/TypedDataSet?$format=json&$filter=RegioS eq 'PV31  '"
        rows: list[dict[str, Any]] = []
        while url:
            body = client.get(url).json()
            assert len(body["value"]) <= 5
            rows.extend(body["value"])
            url = body.get("odata.nextLink")
        assert len(rows) == 4 * 15 and all(row["RegioS"] == "PV31  " for row in rows)
        assert server.hits("/ODataApi/odata/85000NED/TypedDataSet") == 12


def test_errors_are_odata_errors(odata_server: ODataServer, client: httpx.Client) -> None:
    for params in ({"$filter": "Geslacht eq 'T001'"}, {"$select": "RegioS,Onbekend"}, {"$filter": "RegioS eq"}):
        response = client.get(odata_server.api_url + "/85000NED/TypedDataSet", params=params)
        assert response.status_code == 400
        assert response.json()["odata.error"]["message"]["lang"] == "nl-NL"
    assert client.get(odata_server.api_url + "/12345NED/TableInfos").status_code == 404


def test_change_dimensions_and_new_release(odata_server: ODataServer, client: httpx.Client) -> None:
    assert [e["name"] for e in get(client, odata_server, "/85001NED")["value"]][5] == "Nationaliteit"
    modified = odata_server.change_dimensions("85001NED")
    assert [e["name"] for e in get(client, odata_server, "/85001NED")["value"]][5] == "Herkomst"
    assert get(client, odata_server, "/85001NED/TableInfos")["value"][0]["Modified"] == modified
    row = get(client, odata_server, "/85001NED/TypedDataSet", **{"$top": "1"})["value"][0]
    assert set(row) == {"ID", "Herkomst", "RegioS", "Perioden", "Werknemers_2", "BanenVanWerknemers_3"}

    before = odata_server.modified("85000NED")
    after = odata_server.add_period("85000NED", "2026KW04", {("MOE01", "PV30"): 90.0})
    assert after > before
    rows = get(client, odata_server, "/85000NED/TypedDataSet",
               **{"$filter": "Perioden eq '2026KW04' and RegioS eq 'PV30  '"})["value"]
    assert {r["Nationaliteit"]: r["Werknemers_1"] for r in rows}["MOE01"] == 90.0


def test_stopped_then_withdrawn_table(odata_server: ODataServer, client: httpx.Client) -> None:
    info = get(client, odata_server, "/84999NED/TableInfos")["value"][0]
    assert (info["OutputStatus"], info["Frequency"]) == ("Gestopt", "Stopgezet")
    odata_server.withdraw("84999NED")
    for path in ("/84999NED", "/84999NED/TableInfos", "/84999NED/TypedDataSet"):
        response = client.get(odata_server.api_url + path)
        assert response.status_code == 404
        assert "odata.error" in response.json()
