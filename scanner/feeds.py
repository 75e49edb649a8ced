"""Parsing fetched bytes into feed entries: RSS, Atom, RDF (feedparser) and JSON Feed."""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from scanner import xml_safety
from scanner.discovery import discover_feeds, looks_like_html
from scanner.jsonfeed import JsonEntry, NotJsonFeedError, parse_json_feed
from scanner.xml_safety import UnsafeXmlError, clean_prolog, fix_declared_encoding

BENIGN_BOZO = ("CharacterEncodingOverride", "NonXMLContentType")

# feedparser's strict parser is the first SAX driver in this list that imports (its setting for this): ours
# refuses entity declarations and external entities; libxml2's driver, feedparser's own first choice, reads them
feedparser.api.PREFERRED_XML_PARSERS = [xml_safety.__name__]


@dataclass
class Entry:
    guid: str | None
    link: str | None
    title: str
    summary_html: str
    content_html: str
    published: datetime | None
    publisher: str | None = None  # a news search's <source>: the outlet that published it


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
    # dict.get: feedparser's own get() maps a missing updated_parsed to published_parsed, with a warning
    published = _struct_to_datetime(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
                                    or dict.get(entry, "created_parsed"))
    return Entry(
        guid=(entry.get("id") or "").strip() or None,
        link=(entry.get("link") or "").strip() or None,
        title=entry.get("title") or "",
        summary_html=entry.get("summary") or "",
        content_html=content_html,
        published=published,
        publisher=_publisher(entry),
    )


def _publisher(entry: Any) -> str | None:
    """The outlet a news search names in the item's <source> element (Google News, Bing), if any."""
    source = entry.get("source")
    title = source.get("title") if isinstance(source, dict) else None
    return " ".join(str(title).split())[:120] or None if title else None


def _json_entry(e: JsonEntry) -> Entry:
    return Entry(e.id, e.link or None, e.title, e.summary, e.content, e.published)


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
        parsed = ParsedFeed(data.title, data.link, [_json_entry(e) for e in data.entries])
        if data.repaired or data.skipped:
            parsed.warning_code = "entries_repaired"
            parsed.warning_params = {"repaired": data.repaired, "skipped": data.skipped}
        return _finish(parsed)
    if looks_like_html(content, mime):
        feeds = discover_feeds(content, url)
        return ParsedFeed(error_code="html_not_feed", error_params={"feeds": [f.url for f in feeds]})
    try:
        safe, had_entities = clean_prolog(fix_declared_encoding(content))
    except UnsafeXmlError:
        return ParsedFeed(error_code="unsafe_xml")
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
