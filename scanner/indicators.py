"""Reading an indicator from CBS StatLine's OData API (version 3, the protocol of the `cbsodata` package).

One check per scan costs one small request: the table's `TableInfos`. Only when its `Modified` differs
from the last release seen (kept as the source's Last-Modified) are the table's properties, periods and
the filtered data read, following `odata.nextLink` pages. A table withdrawn from the API (404/410) or
marked stopped ("Gestopt"), and a table whose dimensions or measures changed, give a clear message and
keep the series stored so far.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import quote

from scanner.fetch import Fetcher, FetchPolicy, FetchResult
from store import IndicatorPoint as Point
from store import IndicatorSettings, parse_period
from store.core.models import Source

JSON_ACCEPT = "application/json, text/plain;q=0.5"
MAX_PAGES = 50  # odata.nextLink pages per table read (CBS pages by 10,000 rows)


@dataclass
class IndicatorFetch:
    settings: IndicatorSettings
    points: list[Point] = field(default_factory=list)
    modified: str = ""  # TableInfos.Modified: the release
    not_modified: bool = False
    error_code: str | None = None
    error_params: dict = field(default_factory=dict)
    warning_code: str | None = None
    warning_params: dict = field(default_factory=dict)
    retry_after: float | None = None


class _TableError(Exception):
    def __init__(self, code: str, params: dict, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.code, self.params, self.retry_after = code, params, retry_after


def _odata_filter(settings: IndicatorSettings) -> str:
    return " and ".join(f"{key} eq '{value.replace(chr(39), chr(39) * 2)}'"
                        for key, value in sorted(settings.filters.items()))


class _TableReader:
    def __init__(self, fetcher: Fetcher, settings: IndicatorSettings) -> None:
        self.fetcher, self.settings = fetcher, settings

    async def json(self, path: str, query: str = "") -> dict:
        url = f"{self.settings.table_url}/{path}?$format=json{'&' + query if query else ''}"
        return await self.json_at(url)

    async def json_at(self, url: str) -> dict:
        result = await self.fetcher.get(url, accept=JSON_ACCEPT)
        self._check(result)
        try:
            data = json.loads(result.content.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _TableError("indicator_unreadable", {"table": self.settings.table}) from exc
        if not isinstance(data, dict) or not isinstance(data.get("value"), list):
            raise _TableError("indicator_unreadable", {"table": self.settings.table})
        return data

    def _check(self, result: FetchResult) -> None:
        if result.ok:
            return
        if result.status in (404, 410):
            raise _TableError("indicator_withdrawn", {"table": self.settings.table})
        if result.status == 400:  # the API refuses the filter or the columns: the table changed under us
            raise _TableError("indicator_changed", {"table": self.settings.table, "missing": "", "now": ""})
        raise _TableError(result.error_code or "network", result.error_params, result.retry_after)

    async def rows(self, time_key: str) -> list[dict]:
        s = self.settings
        query = f"$select={quote(time_key)},{quote(s.measure)}"
        condition = _odata_filter(s)
        if condition:
            query = f"$filter={quote(condition)}&{query}"
        data = await self.json("TypedDataSet", query)
        rows = list(data["value"])
        for _ in range(MAX_PAGES):
            link = data.get("odata.nextLink")
            if not link:
                break
            data = await self.json_at(str(link))
            rows += data["value"]
        return rows


def _check_shape(settings: IndicatorSettings, properties: list[dict]) -> tuple[str, str]:
    """The measure's unit and the time dimension's key; raises when the table no longer has what we follow."""
    topics = {p.get("Key"): p for p in properties if p.get("Type") == "Topic"}
    dimensions = {p.get("Key") for p in properties if "Dimension" in str(p.get("Type", ""))}
    time_keys = [p.get("Key") for p in properties if p.get("Type") == "TimeDimension"]
    missing = [k for k in (settings.measure,) if k not in topics]
    missing += [k for k in settings.filters if k not in dimensions]
    if missing or not time_keys:
        raise _TableError("indicator_changed", {"table": settings.table, "missing": ", ".join(missing) or "Perioden",
                                             "now": ", ".join(sorted(str(d) for d in dimensions))})
    return str(topics[settings.measure].get("Unit") or ""), str(time_keys[0])


async def fetch_indicator(fetcher: Fetcher, source: Source, *, force: bool = False) -> IndicatorFetch:
    """Check the table for a new release and, if there is one (or `force`), read the series."""
    settings = IndicatorSettings.from_dict(source.indicator)
    out = IndicatorFetch(settings)
    reader = _TableReader(fetcher, settings)
    try:
        infos = (await reader.json("TableInfos"))["value"]
        info = infos[0] if infos else {}
        out.modified = str(info.get("Modified") or "")
        stopped = str(info.get("OutputStatus") or info.get("Status") or "").lower() == "gestopt"
        if stopped:
            out.warning_code, out.warning_params = "indicator_stopped", {"table": settings.table}
        if out.modified and out.modified == source.last_modified and source.last_status != "never" and not force:
            out.not_modified = True
            return out
        properties = (await reader.json("DataProperties"))["value"]
        unit, time_key = _check_shape(settings, properties)
        periods = {str(p.get("Key")): p for p in (await reader.json(time_key))["value"]}
        rows = await reader.rows(time_key)
    except _TableError as problem:
        out.error_code, out.error_params, out.retry_after = problem.code, problem.params, problem.retry_after
        return out
    out.settings = IndicatorSettings.from_dict({**settings.to_dict(), "unit": unit,
                                                "title": str(info.get("Title") or settings.title),
                                                "frequency": str(info.get("Frequency") or settings.frequency)})
    out.points = _points(rows, periods, settings.measure, time_key)
    if not out.points:
        out.error_code, out.error_params = "indicator_empty", {"table": settings.table}
    return out


def _points(rows: list[dict], periods: dict[str, dict], measure: str, time_key: str) -> list[Point]:
    points = {}
    for row in rows:
        code = str(row.get(time_key) or "")
        period = parse_period(code)
        if period is None:
            continue
        value = row.get(measure)
        try:
            number = None if value is None or str(value).strip() in ("", ".") else float(value)
        except (TypeError, ValueError):
            number = None
        info = periods.get(code, {})
        points[period.code] = Point(period.code, period.start, str(info.get("Title") or period.label()), number,
                                    str(info.get("Status") or ""))
    return sorted(points.values(), key=lambda p: p.period_start)


@dataclass
class TableDescription:
    """What a table offers to follow: its measures and, per dimension, its categories (keys as CBS writes them,
    spaces included)."""

    table: str
    title: str = ""
    frequency: str = ""
    stopped: bool = False
    measures: list[tuple[str, str, str]] = field(default_factory=list)  # (key, title, unit)
    dimensions: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)  # key -> (title, cats)
    error_code: str | None = None
    error_params: dict = field(default_factory=dict)


async def _describe(fetcher: Fetcher, base_url: str, table: str) -> TableDescription:
    out = TableDescription(table)
    reader = _TableReader(fetcher, IndicatorSettings(table, "", "", base_url=base_url))
    try:
        infos = (await reader.json("TableInfos"))["value"]
        info = infos[0] if infos else {}
        out.title, out.frequency = str(info.get("Title") or ""), str(info.get("Frequency") or "")
        out.stopped = str(info.get("OutputStatus") or "").lower() == "gestopt"
        properties = (await reader.json("DataProperties"))["value"]
        out.measures = [(str(p.get("Key")), str(p.get("Title") or p.get("Key")), str(p.get("Unit") or ""))
                        for p in properties if p.get("Type") == "Topic"]
        for p in properties:
            kind = str(p.get("Type", ""))
            if "Dimension" in kind and kind != "TimeDimension":
                values = (await reader.json(str(p.get("Key"))))["value"]
                out.dimensions[str(p.get("Key"))] = (str(p.get("Title") or p.get("Key")), [
                    (str(v.get("Key")), str(v.get("Title") or v.get("Key"))) for v in values])
    except _TableError as problem:  # a table never followed that is not there: most likely a typing error
        code = "indicator_unknown" if problem.code == "indicator_withdrawn" else problem.code
        out.error_code, out.error_params = code, problem.params
    return out


def describe_table(base_url: str, table: str, policy: FetchPolicy | None = None) -> TableDescription:
    """A table's measures and dimensions, to choose what to follow (blocking: run it off the GUI thread)."""
    import asyncio

    async def run() -> TableDescription:
        async with Fetcher(policy or FetchPolicy()) as fetcher:
            return await _describe(fetcher, base_url, table.strip())

    return asyncio.run(run())
