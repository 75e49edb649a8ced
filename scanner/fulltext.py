"""Full article text from a web page, with trafilatura; failures are reported, never stored as text."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime

from scanner.html_text import html_to_text
from store.core.timeutil import parse_datetime

MIN_ARTICLE_CHARS = 250  # less than this is a teaser, a cookie wall or a failed extraction
SUMMARY_IS_ENOUGH = 700  # feed text at least this long (and not a teaser) is taken as the article
TEASER_MARKERS = ("lees verder", "lees meer", "read more", "continue reading", "[…]", "[...]")


@dataclass(frozen=True)
class Article:
    text: str
    html: str
    title: str
    published: datetime | None


def needs_full_text(content_text: str) -> bool:
    """True when the feed gave only a summary or a teaser."""
    tail = content_text[-200:].lower()
    return len(content_text) < SUMMARY_IS_ENOUGH or any(marker in tail for marker in TEASER_MARKERS)


def paragraphs_html(text: str) -> str:
    """Plain paragraphs as simple, safe HTML."""
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())


def extract_article(page: bytes | str, url: str, with_metadata: bool = True,
                    min_chars: int = MIN_ARTICLE_CHARS) -> Article | None:
    """The main text (and with `with_metadata` the title and date) of an article page.

    Returns None if no real article was found. Feed items already have a title and date,
    so they skip the metadata, which is a third of the extraction time.
    """
    import trafilatura

    if isinstance(page, bytes):
        page = page.decode("utf-8", errors="replace")
    try:
        raw = trafilatura.extract(page, url=url, output_format="json" if with_metadata else "txt",
                                  with_metadata=with_metadata, include_comments=False, include_tables=False,
                                  favor_precision=True)
    except Exception:  # noqa: BLE001 - trafilatura can fail on odd markup; that is a failed extraction
        return None
    if not raw:
        return None
    data = json.loads(raw) if with_metadata else {"text": raw}
    text = "\n\n".join(p.strip() for p in (data.get("text") or "").split("\n") if p.strip())
    if len(text) < min_chars:
        return None
    published = None
    if data.get("date"):
        try:
            published = parse_datetime(data["date"])
        except ValueError:
            published = None
    return Article(text=text, html=paragraphs_html(text), title=html_to_text(data.get("title") or ""),
                   published=published)
