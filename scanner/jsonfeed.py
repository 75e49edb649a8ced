"""JSON Feed 1.0/1.1 (jsonfeed.org), which feedparser does not read.

One broken record never fails the feed: text with invalid characters (a lone UTF-16 surrogate such as
"\\ud800", which no text can be stored with) gets the replacement character, a date that is no date or no
instant (year 1 at +14:00) is left empty (the store then uses the fetch time), a record that is not an
object is skipped. The feed reports how many were repaired and skipped.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from store.core.timeutil import parse_datetime

_SURROGATE = re.compile("[\ud800-\udfff]")  # json.loads joins valid pairs; these are the lone ones


class NotJsonFeedError(ValueError):
    pass


@dataclass(frozen=True)
class JsonEntry:
    id: str | None
    link: str
    title: str
    summary: str
    content: str
    published: datetime | None


@dataclass
class JsonFeed:
    title: str = ""
    link: str = ""
    entries: list[JsonEntry] = field(default_factory=list)
    repaired: int = 0  # records kept with characters replaced or the date left empty
    skipped: int = 0  # records that are no entry at all


def parse_json_feed(content: bytes) -> JsonFeed:
    """The feed's title, home page and entries. Raises NotJsonFeedError when the content is not a JSON Feed."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise NotJsonFeedError(str(exc)) from exc
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise NotJsonFeedError("no JSON Feed version")
    feed = JsonFeed(_text(data.get("title"))[0], _text(data.get("home_page_url"))[0])
    items = data.get("items")
    for raw in items if isinstance(items, list) else []:
        if not isinstance(raw, dict):
            feed.skipped += 1
            continue
        entry, repaired = _entry(raw)
        feed.entries.append(entry)
        feed.repaired += repaired
    return feed


def _entry(raw: dict) -> tuple[JsonEntry, bool]:
    """The entry, and whether something in it had to be repaired."""
    values = {key: _text(raw.get(key)) for key in ("url", "external_url", "title", "summary", "content_html",
                                                   "content_text", "date_published", "date_modified")}
    raw_id = raw.get("id")
    identifier, id_repaired = _text(raw_id if isinstance(raw_id, str) else str(raw_id or ""))
    repaired = id_repaired or any(fixed for _, fixed in values.values())
    text = {key: value for key, (value, _) in values.items()}
    date_text = text["date_published"] or text["date_modified"]
    published = None
    if date_text:
        try:
            published = parse_datetime(date_text)
        except ValueError:  # not a date, or no instant (year 1 at +14:00, year 9999 at -14:00)
            repaired = True
    return JsonEntry(
        id=identifier or None,
        link=text["url"] or text["external_url"],
        title=text["title"],
        summary=text["summary"],
        content=text["content_html"] or _paragraphs(text["content_text"]),
        published=published,
    ), repaired


def _text(value: object) -> tuple[str, bool]:
    """The stripped string (other types: empty), and whether lone surrogates were replaced."""
    if not isinstance(value, str):
        return "", False
    fixed, count = _SURROGATE.subn("\ufffd", value)
    return fixed.strip(), count > 0


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
