"""A local imitation of the CBS StatLine OData v3 API for the tests (stdlib only, 127.0.0.1 only).

Usage::

    with ODataServer(page_size=10_000) as server:
        url = server.url("/ODataApi/odata/85000NED/TypedDataSet")
        ...
        assert server.hits("/ODataApi/odata/85000NED/") == 1

Routes (``<base>`` = ``/ODataApi/odata``; ``/ODataFeed/odata``, the bulk path the ``cbsodata`` package uses,
is an alias; the ``odata`` segment may be written in any case, e.g. ``/ODataApi/OData``)::

    <base>/<table>  or  <base>/<table>/     service document: the entity sets of the table (TableInfos,
                                           UntypedDataSet, TypedDataSet, DataProperties, CategoryGroups,
                                           then one per dimension, e.g. Nationaliteit, RegioS, Perioden)
    <base>/<table>/TableInfos              one row: Title, Identifier, Modified, ReasonDelivery, OutputStatus, ...
    <base>/<table>/DataProperties          dimensions (Dimension / GeoDimension / TimeDimension) and topics
    <base>/<table>/CategoryGroups          always empty
    <base>/<table>/<Dimension>             the dimension's categories (Key, Title, Description, CategoryGroupID;
                                           Perioden items have Status "Definitief" / "Voorlopig")
    <base>/<table>/TypedDataSet            rows {"ID": 0, <dimension>: key, ..., <topic>: float or null}
    <base>/<table>/UntypedDataSet          the same, topic values as right-aligned strings ("     123.4")
    <base>/<table>/$metadata               501 (not imitated)

Every entity set answers ``{"odata.metadata": ..., "value": [...]}`` as ``application/json; charset=utf-8`` and
takes the query options ``$filter`` (``eq ne gt ge lt le`` against '...' or number literals, ``and``, ``or``,
parentheses, ``substringof('KW',Perioden)``, ``startswith(Col,'x')``, ``endswith(Col,'x')``; strings compare
exactly, so ``RegioS eq 'PV30'`` matches nothing, ``'PV30  '`` does), ``$select=A,B``, ``$top``, ``$skip``;
``$format`` is ignored. At most ``page_size`` rows per response; when more remain the body has
``"odata.nextLink"``: the absolute URL of the next page (same options, ``$skip`` advanced). Errors (unknown
table or entity set -> 404, unknown column in ``$filter``/``$select``, bad syntax, other ``$`` options -> 400)
answer ``{"odata.error": {"code": "", "message": {"lang": "nl-NL", "value": "..."}}}``.

Tables (values are deterministic, in thousands, one decimal; see :func:`_atom_value`):

- ``85000NED`` "Werknemers; nationaliteit, regio, kwartaal": Nationaliteit T001 NL01 MOE01 PL01, RegioS
  ``"NL01  "`` ``"PV30  "`` ``"PV31  "``, Perioden 2023KW01..2026KW03 (the last "Voorlopig"), topics
  Werknemers_1 and BanenVanWerknemers_2. MOE01 / "PV30  " rises exactly 8 % (both topics) from 2026KW02 to
  2026KW03; every other consecutive change is below 3 %.
- ``85001NED``: the same, until :meth:`ODataServer.change_dimensions` renames the dimension Nationaliteit to
  Herkomst (keys T001 NED01 MOE02 PL02, same values) and the topics to Werknemers_2 / BanenVanWerknemers_3.
- ``84999NED`` "Werknemers; nationaliteit, regio, maand (gestopt)": a discontinued table as CBS keeps it for a
  while: OutputStatus "Gestopt", Frequency "Stopgezet", months 2023MM01..2024MM12, the same dimensions and
  topics as 85000NED. :meth:`ODataServer.withdraw` then removes it: every URL of the table answers 404.

Server API: ``start()`` / ``stop()`` / context manager, ``port``, ``base_url``, ``api_url`` (base URL +
``/ODataApi/odata``), ``url(path)``; request log ``hits(prefix)``, ``requests``, ``clear_requests()``.
Test hooks (thread-safe, any table): ``add_period(table, key, values=None)`` (a new release: one more period,
Modified +1 day), ``change_dimensions(table)``, ``withdraw(table)``, ``modified(table)``. Each server has its own
fresh copy of the tables.
"""

from __future__ import annotations

import atexit
import itertools
import json
import math
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from tests.local_server import LocalAddress

API_PATH = "/ODataApi/odata"
FEED_PATH = "/ODataFeed/odata"
DEFAULT_PAGE_SIZE = 10_000
FIRST_MODIFIED = "2026-11-16T02:00:00"
UNTYPED_WIDTH = 10  # CBS pads untyped values to the column width
QUERY_OPTIONS = {"$filter", "$select", "$top", "$skip", "$format"}

MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]


# --------------------------------------------------------------------------------------------
# Table model
# --------------------------------------------------------------------------------------------

@dataclass
class Dimension:
    key: str
    title: str
    kind: str  # "Dimension", "GeoDimension" or "TimeDimension"
    description: str
    items: list[dict[str, Any]]  # as served: Key, Title, Description, CategoryGroupID / Status

    def keys(self) -> list[str]:
        return [item["Key"] for item in self.items]


@dataclass
class Topic:
    key: str
    title: str
    description: str
    unit: str = "x 1 000"
    decimals: int = 1


@dataclass
class Table:
    identifier: str
    title: str
    short_title: str
    summary: str
    frequency: str  # "Perkwartaal", "Permaand", "Stopgezet"
    dimensions: list[Dimension]  # the time dimension last
    topics: list[Topic]
    values: dict[tuple[str, ...], dict[str, float | None]]  # dimension keys (in order) -> topic -> value
    modified: str = FIRST_MODIFIED
    output_status: str = "Regulier"
    reason_delivery: str = "Actualisering"
    explanatory_text: str = ""
    withdrawn: bool = False
    atoms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # category key -> atom names (for values)

    @property
    def periods(self) -> Dimension:
        return self.dimensions[-1]

    def rows(self) -> list[dict[str, Any]]:
        """TypedDataSet rows: the product of the dimensions, the time dimension varying fastest."""
        rows: list[dict[str, Any]] = []
        for index, combo in enumerate(itertools.product(*(dim.keys() for dim in self.dimensions))):
            row: dict[str, Any] = {"ID": index}
            row.update(zip((dim.key for dim in self.dimensions), combo, strict=True))
            cell = self.values.get(combo, {})
            row.update({topic.key: cell.get(topic.key) for topic in self.topics})
            rows.append(row)
        return rows

    def period_range(self) -> str:
        items = self.periods.items
        return f"{items[0]['Title']} - {items[-1]['Title']}" if items else ""


class ODataError(Exception):
    """An error answered as an OData error body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# --------------------------------------------------------------------------------------------
# Deterministic data
# --------------------------------------------------------------------------------------------

# Disjoint building blocks ("atoms"): level in thousands at t = 0 for Nederland; region shares below.
# Nationaliteit T001 = NL + MOE + REST; PL is part of MOE; region NL01 = PV30 + PV31 + rest of the country.
ATOM_BASE = {"NL": 7400.0, "MOE": 430.0, "PL": 250.0, "REST": 770.0}
REGION_SHARE = {  # (atom, region) -> share of the national level
    ("NL", "PV30"): 0.150, ("NL", "PV31"): 0.064,
    ("MOE", "PV30"): 0.180, ("MOE", "PV31"): 0.090,
    ("PL", "PV30"): 0.170, ("PL", "PV31"): 0.095,
    ("REST", "PV30"): 0.120, ("REST", "PV31"): 0.060,
}
REGIONS = [("NL01  ", "Nederland"), ("PV30  ", "Noord-Brabant (PV)"), ("PV31  ", "Limburg (PV)")]
JUMP_ATOM, JUMP_REGION, JUMP_PERIOD, JUMP_FACTOR, JUMP_BEFORE = "MOE", "PV30", "2026KW03", 1.08, 80.0
BANEN_PER_WERKNEMER = 1.09

NATIONALITEIT = [  # key, title, atoms
    ("T001", "Totaal", ("NL", "MOE", "REST")),
    ("NL01", "Nederlands", ("NL",)),
    ("MOE01", "Midden- en Oost-Europees (MOE)", ("MOE",)),
    ("PL01", "Pools", ("PL",)),
]
HERKOMST = [
    ("T001", "Totaal", ("NL", "MOE", "REST")),
    ("NED01", "Nederland", ("NL",)),
    ("MOE02", "Midden- en Oost-Europa (MOE-landen)", ("MOE",)),
    ("PL02", "Polen", ("PL",)),
]


def _smooth(atom: str, region: str, t: int, per_year: int) -> float:
    """Slow growth plus a small seasonal wave: consecutive changes stay well below 2 %."""
    seed = sorted(ATOM_BASE).index(atom) * 3 + ["PV30", "PV31", "REST"].index(region)
    base = ATOM_BASE[atom]
    if region == "REST":
        base *= 1.0 - REGION_SHARE[(atom, "PV30")] - REGION_SHARE[(atom, "PV31")]
    else:
        base *= REGION_SHARE[(atom, region)]
    growth = (0.0015 + 0.0003 * (seed % 5)) * 4 / per_year
    season = 0.004 * math.sin(2 * math.pi * t / per_year + seed)
    return base * (1 + growth) ** t * (1 + season)


def _atom_value(atom: str, region: str, t: int, periods: list[str], per_year: int) -> float:
    """Werknemers (x 1 000) of one atom in one region (PV30, PV31 or REST) in period number t.

    MOE in PV30 is scaled to exactly ``JUMP_BEFORE`` in the period before ``JUMP_PERIOD``, then rises exactly
    ``JUMP_FACTOR`` into ``JUMP_PERIOD`` and stays at that level.
    """
    value = _smooth(atom, region, t, per_year)
    if (atom, region) == (JUMP_ATOM, JUMP_REGION) and JUMP_PERIOD in periods and periods.index(JUMP_PERIOD) > 0:
        jump = periods.index(JUMP_PERIOD)
        scale = JUMP_BEFORE / _smooth(atom, region, jump - 1, per_year)
        value *= scale
        if t >= jump:
            value *= JUMP_BEFORE * JUMP_FACTOR / (scale * _smooth(atom, region, jump, per_year))
    return round(value, 1)


def _cell(atoms: tuple[str, ...], region: str, t: int, periods: list[str], per_year: int) -> float:
    parts = ["PV30", "PV31", "REST"] if region == "NL01" else [region]
    return round(sum(_atom_value(a, r, t, periods, per_year) for a in atoms for r in parts), 1)


def _period_title(key: str) -> str:
    match = re.fullmatch(r"(\d{4})(KW|MM|JJ)(\d\d)", key)
    if not match:
        return key
    year, kind, number = match.group(1), match.group(2), int(match.group(3))
    if kind == "KW":
        return f"{year} {number}e kwartaal"
    if kind == "MM" and 1 <= number <= 12:
        return f"{year} {MONTHS_NL[number - 1]}"
    return year


def _period_item(key: str, status: str) -> dict[str, Any]:
    return {"Key": key, "Title": _period_title(key), "Description": "", "Status": status}


def _category_dimension(name: str, categories: list[tuple[str, str, tuple[str, ...]]]) -> Dimension:
    items = [{"Key": key, "Title": title, "Description": "", "CategoryGroupID": None} for key, title, _ in categories]
    return Dimension(name, name, "Dimension", f"{name} van de werknemer.", items)


def _fill_values(table: Table) -> None:
    """(Re)compute every value of `table` from the formula."""
    periods = table.periods.keys()
    per_year = 12 if table.frequency in ("Permaand", "Stopgezet") else 4
    table.values = {}
    for combo in itertools.product(*(dim.keys() for dim in table.dimensions)):
        category, region, period = combo
        werknemers = _cell(table.atoms[category], region.strip(), periods.index(period), periods, per_year)
        table.values[combo] = {table.topics[0].key: werknemers,
                               table.topics[1].key: round(werknemers * BANEN_PER_WERKNEMER, 1)}


def _werknemers_table(identifier: str, *, monthly: bool = False, herkomst: bool = False) -> Table:
    categories = HERKOMST if herkomst else NATIONALITEIT
    if monthly:
        periods = [f"{year}MM{month:02d}" for year in (2023, 2024) for month in range(1, 13)]
    else:
        periods = [f"{year}KW{q:02d}" for year in (2023, 2024, 2025, 2026) for q in range(1, 5)][:-1]
    period_items = [_period_item(key, "Definitief") for key in periods]
    if not monthly:
        period_items[-1]["Status"] = "Voorlopig"
    subject = "herkomst" if herkomst else "nationaliteit"
    title = f"Werknemers; {subject}, regio, {'maand' if monthly else 'kwartaal'}"
    table = Table(
        identifier=identifier,
        title=title + (" (gestopt)" if monthly else ""),
        short_title=f"Werknemers; {subject}, regio",
        summary=f"Werknemers en banen van werknemers naar {subject} en regio.",
        frequency="Stopgezet" if monthly else "Perkwartaal",
        dimensions=[
            _category_dimension("Herkomst" if herkomst else "Nationaliteit", categories),
            Dimension("RegioS", "Regio's", "GeoDimension", "Regio-indeling 2025.",
                      [{"Key": key, "Title": name, "Description": "", "CategoryGroupID": None}
                       for key, name in REGIONS]),
            Dimension("Perioden", "Perioden", "TimeDimension", "", period_items),
        ],
        topics=[
            Topic("Werknemers_2" if herkomst else "Werknemers_1", "Werknemers",
                  "Personen in loondienst op de laatste vrijdag van de periode."),
            Topic("BanenVanWerknemers_3" if herkomst else "BanenVanWerknemers_2", "Banen van werknemers",
                  "Banen van werknemers op de laatste vrijdag van de periode."),
        ],
        values={},
        atoms={key: atoms for key, _, atoms in categories},
    )
    if monthly:
        table.output_status = "Gestopt"
        table.reason_delivery = "Stopgezet"
        table.explanatory_text = "Deze tabel is stopgezet en wordt niet meer geactualiseerd. Zie tabel 85000NED."
    _fill_values(table)
    return table


def _default_tables() -> dict[str, Table]:
    return {
        "85000NED": _werknemers_table("85000NED"),
        "85001NED": _werknemers_table("85001NED"),
        "84999NED": _werknemers_table("84999NED", monthly=True),
    }


def _next_modified(modified: str) -> str:
    return (datetime.fromisoformat(modified) + timedelta(days=1)).isoformat()


# --------------------------------------------------------------------------------------------
# Entity sets
# --------------------------------------------------------------------------------------------

def _table_info(table: Table) -> dict[str, Any]:
    return {
        "ID": 1, "Title": table.title, "ShortTitle": table.short_title, "Identifier": table.identifier,
        "Summary": table.summary, "Modified": table.modified, "ReasonDelivery": table.reason_delivery,
        "ExplanatoryText": table.explanatory_text, "OutputStatus": table.output_status, "Source": "CBS.",
        "Language": "nl", "MetaDataModified": table.modified, "Catalog": "CBS", "Frequency": table.frequency,
        "Period": table.period_range(), "ShortDescription": table.summary,
        "Description": f"{table.summary}\n\nGegevens beschikbaar vanaf {table.periods.items[0]['Title']}.",
        "DefaultPresentation": "ts=1700000000000&graphtype=Table&r=Perioden&k=Topics&t="
                               + ",".join(dim.key for dim in table.dimensions[:-1]),
        "DefaultSelection": "$filter=(RegioS eq 'NL01  ')&$select=" + ",".join(
            [dim.key for dim in table.dimensions] + [topic.key for topic in table.topics]),
        "GraphTypes": "Table,Bar,Line", "RecordCount": len(table.values),
        "ColumnCount": len(table.dimensions) + len(table.topics), "SearchPriority": "2",
    }


def _data_properties(table: Table) -> list[dict[str, Any]]:
    props: list[dict[str, Any]] = []
    for position, dim in enumerate(table.dimensions):
        props.append({"odata.type": f"Cbs.OData.{dim.kind}", "ID": position, "Position": position,
                      "ParentID": None, "Type": dim.kind, "Key": dim.key, "Title": dim.title,
                      "Description": dim.description, "Kind": None})
    for topic in table.topics:
        position = len(props)
        props.append({"odata.type": "Cbs.OData.Topic", "ID": position, "Position": position, "ParentID": None,
                      "Type": "Topic", "Key": topic.key, "Title": topic.title, "Description": topic.description,
                      "Datatype": "Double", "Unit": topic.unit, "Decimals": topic.decimals,
                      "Default": "Impossible", "PresentationType": "Absolute"})
    return props


def _untyped(row: dict[str, Any], topics: list[Topic]) -> dict[str, Any]:
    out = dict(row)
    for topic in topics:
        value = row[topic.key]
        text = "." if value is None else f"{value:.{topic.decimals}f}"
        out[topic.key] = text.rjust(UNTYPED_WIDTH)
    return out


def _entity_set(table: Table, name: str) -> tuple[list[dict[str, Any]], list[str]]:
    """(rows, columns) of one entity set of `table`; raises ODataError(404) for unknown names."""
    if name == "TableInfos":
        rows = [_table_info(table)]
    elif name == "DataProperties":
        rows = _data_properties(table)
    elif name == "CategoryGroups":
        return [], ["ID", "DimensionKey", "Title", "Description", "ParentID"]
    elif name in ("TypedDataSet", "UntypedDataSet"):
        rows = table.rows()
        if name == "UntypedDataSet":
            rows = [_untyped(row, table.topics) for row in rows]
        return rows, ["ID", *(dim.key for dim in table.dimensions), *(topic.key for topic in table.topics)]
    else:
        dim = next((d for d in table.dimensions if d.key == name), None)
        if dim is None:
            raise ODataError(404, f"Resource not found for the segment '{name}'.")
        rows = [dict(item) for item in dim.items]
        columns = ["Key", "Title", "Description", "Status" if dim.kind == "TimeDimension" else "CategoryGroupID"]
        return rows, columns
    return rows, list(dict.fromkeys(key for row in rows for key in row if not key.startswith("odata.")))


def _service_names(table: Table) -> list[str]:
    return ["TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties", "CategoryGroups",
            *(dim.key for dim in table.dimensions)]


# --------------------------------------------------------------------------------------------
# $filter
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(?:(?P<punct>[(),])|'(?P<str>(?:[^']|'')*)'|(?P<num>-?\d+(?:\.\d+)?)"
                    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*))")
Predicate = Callable[[dict[str, Any]], bool]
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b,
    "gt": lambda a, b: a is not None and a > b, "ge": lambda a, b: a is not None and a >= b,
    "lt": lambda a, b: a is not None and a < b, "le": lambda a, b: a is not None and a <= b,
}


class _FilterParser:
    """Recursive descent over ``or`` / ``and`` / parentheses / comparisons / substringof & co."""

    def __init__(self, text: str, columns: list[str], entity: str) -> None:
        self.columns = columns
        self.entity = entity
        self.tokens: list[tuple[str, Any]] = []
        pos, text = 0, text.strip()
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if not match or match.end() == pos:
                raise ODataError(400, f"Syntax error at position {pos} in '{text}'.")
            pos = match.end()
            kind = match.lastgroup or ""
            raw = match.group(kind)
            value: Any = raw.replace("''", "'") if kind == "str" else float(raw) if kind == "num" else raw
            self.tokens.append((kind, value))
        self.pos = 0

    def parse(self) -> Predicate:
        predicate = self._or()
        if self.pos != len(self.tokens):
            raise ODataError(400, f"Syntax error: unexpected '{self.tokens[self.pos][1]}'.")
        return predicate

    def _peek(self) -> tuple[str, Any]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", None)

    def _take(self, kind: str, value: Any = None) -> Any:
        tok_kind, tok_value = self._peek()
        if tok_kind != kind or (value is not None and tok_value != value):
            raise ODataError(400, f"Syntax error: expected {value or kind}, found '{tok_value}'.")
        self.pos += 1
        return tok_value

    def _keyword(self, word: str) -> bool:
        kind, value = self._peek()
        if kind == "name" and value.lower() == word:
            self.pos += 1
            return True
        return False

    def _or(self) -> Predicate:
        parts = [self._and()]
        while self._keyword("or"):
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else lambda row: any(p(row) for p in parts)

    def _and(self) -> Predicate:
        parts = [self._atom()]
        while self._keyword("and"):
            parts.append(self._atom())
        return parts[0] if len(parts) == 1 else lambda row: all(p(row) for p in parts)

    def _column(self) -> str:
        name = str(self._take("name"))
        if name not in self.columns:
            raise ODataError(400, f"Could not find a property named '{name}' on type 'Cbs.OData.WebAPI.{self.entity}'.")
        return name

    def _literal(self) -> Any:
        kind, value = self._peek()
        if kind not in ("str", "num"):
            raise ODataError(400, f"Syntax error: expected a literal, found '{value}'.")
        self.pos += 1
        return value

    def _atom(self) -> Predicate:
        kind, value = self._peek()
        if kind == "punct" and value == "(":
            self.pos += 1
            inner = self._or()
            self._take("punct", ")")
            return inner
        if self._keyword("not"):
            negated = self._atom()
            return lambda row: not negated(row)
        if kind == "name" and value.lower() in ("substringof", "startswith", "endswith"):
            func = value.lower()
            self.pos += 1
            self._take("punct", "(")
            if func == "substringof":
                needle = str(self._literal())
                self._take("punct", ",")
                column = self._column()
            else:
                column = self._column()
                self._take("punct", ",")
                needle = str(self._literal())
            self._take("punct", ")")
            if func == "substringof":
                return lambda row: needle in str(row.get(column) or "")
            if func == "startswith":
                return lambda row: str(row.get(column) or "").startswith(needle)
            return lambda row: str(row.get(column) or "").endswith(needle)
        column = self._column()
        op = str(self._take("name")).lower()
        if op not in _COMPARE:
            raise ODataError(400, f"Syntax error: unknown operator '{op}'.")
        literal = self._literal()
        compare = _COMPARE[op]

        def predicate(row: dict[str, Any]) -> bool:
            cell = row.get(column)
            if isinstance(literal, float) != isinstance(cell, (int, float)) and cell is not None:
                return op == "ne"  # a string never equals a number
            return compare(cell, literal)
        return predicate


def _query(rows: list[dict[str, Any]], columns: list[str], params: dict[str, str], page_size: int,
           entity: str) -> tuple[list[dict[str, Any]], int | None]:
    """Apply $filter, $skip, $top, paging and $select; returns (page, $skip of the next page or None)."""
    unknown = sorted(key for key in params if key.startswith("$") and key not in QUERY_OPTIONS)
    if unknown:
        raise ODataError(400, f"The query option '{unknown[0]}' is not supported.")
    if params.get("$filter", "").strip():
        predicate = _FilterParser(params["$filter"], columns, entity).parse()
        rows = [row for row in rows if predicate(row)]
    select: list[str] = []
    if params.get("$select", "").strip():
        select = [name.strip() for name in params["$select"].split(",")]
        missing = [name for name in select if name not in columns]
        if missing:
            raise ODataError(400, f"Could not find a property named '{missing[0]}' on type "
                                  f"'Cbs.OData.WebAPI.{entity}'.")
    skip, top = _skip(params), _top(params)
    end = len(rows) if top is None else min(len(rows), skip + top)
    page_end = min(end, skip + page_size)
    page = rows[skip:page_end]
    if select:
        page = [{name: row.get(name) for name in select} for row in page]
    return page, page_end if page_end < end else None


def _top(params: dict[str, str]) -> int | None:
    raw = params.get("$top", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise ODataError(400, f"Invalid value '{raw}' for $top: expected a non-negative integer.")
    return int(raw)


def _skip(params: dict[str, str]) -> int:
    raw = params.get("$skip", "").strip()
    if raw and not raw.isdigit():
        raise ODataError(400, f"Invalid value '{raw}' for $skip: expected a non-negative integer.")
    return int(raw or 0)


# --------------------------------------------------------------------------------------------
# Server
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordedRequest:
    path: str  # decoded path, without the query string
    query: str  # raw query string


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def __init__(self, owner: ODataServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", owner._requested_port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up mid-response are normal here


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "HorizonscanODataServer/1.0"
    sys_version = ""
    timeout = 30
    disable_nagle_algorithm = True  # headers and body are separate writes; avoid 40 ms delayed-ACK stalls
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        owner = self.server.owner
        owner._record(RecordedRequest(path, parts.query))
        params = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
        try:
            status, body = 200, owner._respond(path, params)
        except ODataError as error:
            status, body = error.status, {"odata.error": {"code": "", "message": {"lang": "nl-NL",
                                                                                 "value": error.message}}}
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
        except OSError:
            self.close_connection = True


class ODataServer(LocalAddress):
    """A threaded HTTP server on 127.0.0.1 imitating the CBS OData v3 API (see the module docstring).

    ``page_size``: most rows per response before ``odata.nextLink``. ``lifetime`` (seconds) is a safety
    net: the server stops by itself after that long.
    """

    def __init__(self, port: int = 0, page_size: int = DEFAULT_PAGE_SIZE, lifetime: float | None = 3600.0) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self._requested_port = port
        self.page_size = page_size
        self.lifetime = lifetime
        self._tables = _default_tables()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()  # guards the tables and the request log
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None
        self._port: int | None = None

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> ODataServer:
        if self._server is not None:
            return self
        server = self._server = _Server(self)
        self._port = int(server.server_address[1])
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="odataserver", daemon=True)
        self._thread.start()
        if self.lifetime is not None:
            self._timer = threading.Timer(self.lifetime, self.stop)
            self._timer.daemon = True
            self._timer.start()
        atexit.register(self.stop)
        return self

    def stop(self) -> None:
        """Stop serving and close the socket (idempotent)."""
        server, self._server = self._server, None
        if server is None:
            return
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.cancel()
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(1.0)
        atexit.unregister(self.stop)

    # -- addresses -----------------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        """``http://127.0.0.1:<port>/ODataApi/odata`` (append ``/<table>/<entity set>``)."""
        return self.base_url + API_PATH

    # -- request log ---------------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of all requests so far (decoded path, raw query), oldest first."""
        with self._lock:
            return list(self._requests)

    def hits(self, path_prefix: str = "/") -> int:
        """Number of requests whose decoded path starts with ``path_prefix``."""
        with self._lock:
            return sum(1 for r in self._requests if r.path.startswith(path_prefix))

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    # -- test hooks ----------------------------------------------------------------------------

    def _table(self, identifier: str) -> Table:
        table = self._tables.get(identifier)
        if table is None:
            raise KeyError(f"no table {identifier!r} (known: {', '.join(sorted(self._tables))})")
        return table

    def modified(self, table: str) -> str:
        """The table's current ``TableInfos.Modified`` (e.g. ``"2026-11-16T02:00:00"``)."""
        with self._lock:
            return self._table(table).modified

    def add_period(self, table: str, period_key: str,
                   values: Mapping[tuple[str, ...], float | Mapping[str, float | None]] | None = None, *,
                   status: str = "Voorlopig", modified: str | None = None) -> str:
        """Publish a new release of ``table``: append ``period_key`` (e.g. ``"2026KW04"``) to the time dimension.

        Values come from the table's formula (the trend continues); ``values`` overrides cells: keys are the
        non-time dimension keys in DataProperties order (padding optional, e.g. ``("MOE01", "PV30")``), values
        a float (the first topic, Werknemers) or ``{topic key: value or None}``. ``Modified`` becomes
        ``modified`` or the previous one + 1 day, ``ReasonDelivery`` "Actualisering". Returns the new Modified.
        """
        with self._lock:
            tbl = self._table(table)
            if period_key in tbl.periods.keys():
                raise ValueError(f"{table} already has period {period_key}")
            saved = dict(tbl.values)
            tbl.periods.items.append(_period_item(period_key, status))
            try:
                _fill_values_keeping(tbl, dict(values or {}))
            except ValueError:
                tbl.periods.items.pop()
                tbl.values = saved
                raise
            tbl.modified = modified or _next_modified(tbl.modified)
            tbl.reason_delivery = "Actualisering"
            return tbl.modified

    def change_dimensions(self, table: str = "85001NED", *, modified: str | None = None) -> str:
        """Restructure ``table``: dimension Nationaliteit -> Herkomst (T001 NED01 MOE02 PL02), topics
        Werknemers_1 -> Werknemers_2 and BanenVanWerknemers_2 -> BanenVanWerknemers_3; periods are kept and
        values recomputed from the formula (overrides are lost). ``Modified`` becomes ``modified`` or +1 day,
        ``ReasonDelivery`` "Herziening". Returns the new Modified.
        """
        with self._lock:
            old = self._table(table)
            new = _werknemers_table(table, herkomst=True)
            new.dimensions[-1] = old.periods
            _fill_values(new)
            new.modified = modified or _next_modified(old.modified)
            new.reason_delivery = "Herziening"
            new.withdrawn = old.withdrawn
            self._tables[table] = new
            return new.modified

    def withdraw(self, table: str = "84999NED") -> None:
        """Remove ``table`` from the API: from now on every URL of it answers 404."""
        with self._lock:
            self._table(table).withdrawn = True

    # -- responses -----------------------------------------------------------------------------

    def _respond(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        lowered = path.lower()
        prefix = next((p for p in (API_PATH, FEED_PATH) if lowered.startswith(p.lower() + "/")), None)
        if prefix is None:
            raise ODataError(404, f"No OData service at '{path}'.")
        segments = [s for s in path[len(prefix) + 1:].split("/") if s]
        if not segments or len(segments) > 2:
            raise ODataError(404, f"Resource not found for the segment '{'/'.join(segments)}'.")
        base = self.base_url + prefix + "/" + segments[0]
        with self._lock:
            table = self._tables.get(segments[0])
            if table is None or table.withdrawn:
                raise ODataError(404, f"Resource not found for the segment '{segments[0]}'.")
            if len(segments) == 1:
                return {"odata.metadata": f"{base}/$metadata",
                        "value": [{"name": name, "url": f"{base}/{name}"} for name in _service_names(table)]}
            name = segments[1]
            if name == "$metadata":
                raise ODataError(501, "$metadata is not imitated by the test server.")
            rows, columns = _entity_set(table, name)
        page, next_skip = _query(rows, columns, params, self.page_size, name)
        body: dict[str, Any] = {"odata.metadata": f"{base}/$metadata#Cbs.OData.WebAPI.{name}", "value": page}
        if next_skip is not None:
            next_params = {k: v for k, v in params.items() if k not in ("$skip", "$top")}
            top = _top(params)
            if top is not None:
                next_params["$top"] = str(top - (next_skip - _skip(params)))
            next_params["$skip"] = str(next_skip)
            body["odata.nextLink"] = f"{base}/{name}?{urlencode(next_params, safe='$,()', quote_via=quote)}"
        return body


def _fill_values_keeping(table: Table, overrides: Mapping[tuple[str, ...], Any]) -> None:
    """Recompute values for the table's periods, keep existing cells, then apply `overrides` to the last period."""
    existing = table.values
    _fill_values(table)
    table.values.update({key: cell for key, cell in existing.items() if key in table.values})
    period = table.periods.keys()[-1]
    dims = table.dimensions[:-1]
    for key, value in overrides.items():
        if len(key) != len(dims):
            raise ValueError(f"override key {key!r}: expected {len(dims)} keys ({', '.join(d.key for d in dims)})")
        padded = []
        for dim, wanted in zip(dims, key, strict=True):
            match = next((k for k in dim.keys() if k.strip() == wanted.strip()), None)
            if match is None:
                raise ValueError(f"{wanted!r} is not a key of dimension {dim.key}")
            padded.append(match)
        cell = table.values[(*padded, period)]
        if isinstance(value, Mapping):
            unknown = set(value) - {topic.key for topic in table.topics}
            if unknown:
                raise ValueError(f"unknown topic(s) {sorted(unknown)}")
            cell.update(value)
        else:
            cell[table.topics[0].key] = float(value)
