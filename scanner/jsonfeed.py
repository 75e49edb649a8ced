"""JSON Feed 1.0/1.1 (jsonfeed.org), which feedparser does not read, into feedparser-like entries."""

from __future__ import annotations

import json
from typing import Any


class NotJsonFeedError(ValueError):
    pass


def parse_json_feed(content: bytes) -> dict[str, Any]:
    """Return {"title", "link", "entries": [{"id", "link", "title", "summary", "content", "published"}]}.

    Raises NotJsonFeedError when the content is not a JSON Feed.
    """
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotJsonFeedError(str(exc)) from exc
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise NotJsonFeedError("no JSON Feed version")
    entries = []
    for raw in data.get("items") or []:
        if not isinstance(raw, dict):
            continue
        entries.append({
            "id": str(raw.get("id") or "") or None,
            "link": _text(raw.get("url")) or _text(raw.get("external_url")),
            "title": _text(raw.get("title")),
            "summary": _text(raw.get("summary")),
            "content": _text(raw.get("content_html")) or _escape(_text(raw.get("content_text"))),
            "published": _text(raw.get("date_published")) or _text(raw.get("date_modified")),
        })
    return {"title": _text(data.get("title")), "link": _text(data.get("home_page_url")), "entries": entries}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _escape(text: str) -> str:
    if not text:
        return ""
    import html

    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
