"""Parsing fetched bytes into feed entries: RSS, Atom, RDF (feedparser) and JSON Feed."""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from scanner.discovery import discover_feeds, looks_like_html
from scanner.jsonfeed import NotJsonFeedError, parse_json_feed
from scanner.xml_safety import fix_declared_encoding, strip_doctype
from store.core.timeutil import parse_datetime

BENIGN_BOZO = ("CharacterEncodingOverride", "NonXMLContentType")


@dataclass
class Entry:
    guid: str | None
    link: str | None
    title: str
    summary_html: str
    content_html: str
    published: datetime | None


@dataclass
class ParsedFeed:
    title: str = ""
    link: str = ""
    entries: list[Entry] = field(default_factory=list)
    error_code: str | None = None
    error_params: dict = field(default_factory=dict)
    warning_code: str | None = None
    warning_params: dict = field(default_factory=dict)


def _struct_to_datetime(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC) if value else None
    except (TypeError, ValueError, OverflowError):
        return None


def _from_feedparser(entry: Any) -> Entry:
    content = entry.get("content") or []
    content_html = max((c.get("value", "") for c in content), key=len, default="")
    published = _struct_to_datetime(entry.get("published_parsed") or entry.get("updated_parsed")
                                    or entry.get("created_parsed"))
    return Entry(
        guid=(entry.get("id") or "").strip() or None,
        link=(entry.get("link") or "").strip() or None,
        title=entry.get("title") or "",
        summary_html=entry.get("summary") or "",
        content_html=content_html,
        published=published,
    )


def _json_entries(data: dict) -> list[Entry]:
    out = []
    for e in data["entries"]:
        try:
            published = parse_datetime(e["published"]) if e["published"] else None
        except ValueError:
            published = None
        out.append(Entry(e["id"], e["link"] or None, e["title"], e["summary"], e["content"], published))
    return out


def parse_feed(content: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a fetched feed; never raises. Problems become error or warning codes.

    `content_type` is the full Content-Type header (its charset helps decoding).
    """
    if not content.strip():
        return ParsedFeed(error_code="not_a_feed")
    mime = content_type.split(";")[0].strip().lower()
    stripped = content.lstrip()[:1]
    if stripped in (b"{", b"[") or "json" in mime:
        try:
            data = parse_json_feed(content)
        except NotJsonFeedError:
            return ParsedFeed(error_code="not_a_feed")
        return _finish(ParsedFeed(data["title"], data["link"], _json_entries(data)))
    if looks_like_html(content, mime):
        feeds = discover_feeds(content, url)
        return ParsedFeed(error_code="html_not_feed", error_params={"feeds": [f.url for f in feeds]})
    safe, had_entities = strip_doctype(fix_declared_encoding(content))
    # A stream, never bytes: feedparser would treat bytes such as b"/etc/passwd" as a file name.
    parsed = feedparser.parse(io.BytesIO(safe), response_headers={"content-type": content_type or "application/xml",
                                                      "content-location": url})
    result = ParsedFeed(
        title=parsed.feed.get("title", ""), link=parsed.feed.get("link", ""),
        entries=[_from_feedparser(e) for e in parsed.entries],
    )
    is_feed = bool(parsed.get("version")) or bool(parsed.entries)
    if not is_feed:
        result.error_code = "not_a_feed"
        return result
    if had_entities:
        result.warning_code = "entities_removed"
    bozo = parsed.get("bozo_exception")
    if (parsed.get("bozo") and bozo is not None and type(bozo).__name__ not in BENIGN_BOZO and result.entries
            and not had_entities):  # undefined entities are the removed declarations, already reported
        result.warning_code = "malformed_feed"
        result.warning_params = {"detail": _short(bozo), "entries": len(result.entries)}
    return _finish(result)


def _finish(result: ParsedFeed) -> ParsedFeed:
    if not result.entries and not result.warning_code:
        result.warning_code = "empty_feed"
    return result


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:120] + "…") if len(text) > 120 else text or type(exc).__name__
