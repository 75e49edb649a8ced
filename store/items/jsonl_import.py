"""Reading items from a JSON Lines file: good lines become NewItems, bad ones are reported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from store.core.models import NewItem
from store.core.text import storable
from store.core.timeutil import parse_datetime
from store.core.urls import is_http_url

MAX_LINE_BYTES = 5 * 1024 * 1024


@dataclass
class LineProblem:
    line: int
    message: str
    kept: bool = False  # the line was imported all the same (mended, or without an unknown theme)


@dataclass
class ParsedLine:
    line: int
    item: NewItem
    themes: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)  # what was mended to keep the line (reported)


def _repaired_strings(record: dict, repairs: list[str]) -> dict:
    """The record with unstorable characters in its strings replaced (noted in `repairs`)."""
    out = {}
    for key, value in record.items():
        if isinstance(value, str):
            value, changed = storable(value)
            if changed:
                repairs.append(f"invalid characters in '{key}' replaced by \ufffd")
        elif isinstance(value, list):
            value = [storable(v)[0] if isinstance(v, str) else v for v in value]
        out[key] = value
    return out


def parse_record(record: object, line: int, is_example: bool = False) -> ParsedLine:
    """Validate one decoded JSON value; raises ValueError with a readable reason."""
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object with keys url, title, text")
    repairs: list[str] = []
    record = _repaired_strings(record, repairs)
    missing = [k for k in ("url", "title", "text") if k not in record]
    if missing:
        raise ValueError(f"missing key{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    for key in ("url", "title", "text", "summary", "source", "language", "guid", "published"):
        if key in record and record[key] is not None and not isinstance(record[key], str):
            raise ValueError(f"'{key}' must be a string")
    url = record["url"].strip()
    if not is_http_url(url):
        raise ValueError(f"'url' is not an http(s) address: {url[:80]!r}")
    title = " ".join(record["title"].split())
    if not title:
        raise ValueError("'title' is empty")
    published = None
    if record.get("published"):
        try:
            published = parse_datetime(record["published"])
        except ValueError as exc:  # kept without a date (it then counts from when it was imported)
            repairs.append(f"'published' left empty: {exc}" if "range" in str(exc) else
                           f"'published' left empty: not an ISO 8601 date: {record['published'][:40]!r}")
    themes = record.get("themes") or []
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        raise ValueError("'themes' must be a list of theme keys")
    item = NewItem(
        url=url, title=title, text=record["text"] or "", summary=record.get("summary") or "",
        published=published, source=(record.get("source") or "").strip() or None,
        language=(record.get("language") or "").strip().lower() or None, guid=record.get("guid") or None,
        is_example=is_example,
    )
    return ParsedLine(line, item, themes, repairs)


def read_jsonl(stream: IO[bytes], problems: list[LineProblem], is_example: bool = False) -> Iterator[ParsedLine]:
    """Yield the valid lines; append a LineProblem for every bad one (and keep going)."""
    for number, raw in enumerate(stream, start=1):
        if len(raw) > MAX_LINE_BYTES:
            problems.append(LineProblem(number, f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB"))
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError:
            problems.append(LineProblem(number, "not valid UTF-8 text"))
            continue
        if not text:
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(LineProblem(number, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        try:
            parsed = parse_record(record, number, is_example)
        except ValueError as exc:
            problems.append(LineProblem(number, str(exc)))
            continue
        problems += [LineProblem(number, f"imported, but {repair}", kept=True) for repair in parsed.repairs]
        yield parsed


def count_lines(path: Path) -> int:
    """Number of non-empty lines, for progress totals."""
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())
