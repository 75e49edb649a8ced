"""Full article text from a web page, with trafilatura; failures are reported, never stored as text."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date, datetime

from scanner.html_text import html_to_text
from store.core.timeutil import local_midnight, parse_datetime

MIN_ARTICLE_CHARS = 250  # less than this is a teaser, a cookie wall or a failed extraction
SUMMARY_IS_ENOUGH = 700  # feed text at least this long (and not a teaser) is taken as the article
# htmldate (through trafilatura): the publication date, with its time and offset where the page has them
DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True}
TEASER_MARKERS = ("lees verder", "lees meer", "read more", "continue reading", "[…]", "[...]")


@dataclass(frozen=True)
class Article:
    text: str
    html: str
    title: str
    published: datetime | None


# news searches link to their own encoded pages, not to the publisher: never fetched for full text
REDIRECT_PAGES = ("news.google.com/rss/articles/", "news.google.com/articles/", "bing.com/news/apiclick")


def redirect_page(url: str) -> bool:
    """True for a news search's link to its own redirect page (there is no article there to extract)."""
    return any(marker in url for marker in REDIRECT_PAGES)


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
                                  favor_precision=True, date_extraction_params=DATE_PARAMS)
    except Exception:  # noqa: BLE001 - trafilatura can fail on odd markup; that is a failed extraction
        return None
    if not raw:
        return None
    data = json.loads(raw) if with_metadata else {"text": raw}
    text = "\n\n".join(p.strip() for p in (data.get("text") or "").split("\n") if p.strip())
    if len(text) < min_chars:
        return None
    return Article(text=text, html=paragraphs_html(text), title=html_to_text(data.get("title") or ""),
                   published=page_date(data.get("date")))


def page_date(value: str | None) -> datetime | None:
    """The date a page gives: with its time and offset when it has them; a bare date is that day's start in
    the user's time zone (not midnight UTC, which would put a Dutch morning article on the day before)."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10 or (text.endswith("T00:00:00") and len(text) == 19):
            return local_midnight(date.fromisoformat(text[:10]))
        return parse_datetime(text)
    except ValueError:
        return None
