"""Feed entries and extracted articles into the store's NewItem, with everything normalised."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from scanner.feeds import Entry
from scanner.fulltext import Article
from scanner.html_text import html_to_text, plain_title, sanitize_html
from store.core.models import NewItem
from store.core.urls import canonical_url, is_http_url

MAX_SUMMARY_CHARS = 1200
FUTURE_TOLERANCE = timedelta(days=1)


def entry_url(entry: Entry, source_id: int) -> str | None:
    """The entry's link, else its guid if that is a URL, else a stable local identifier."""
    if entry.link and is_http_url(entry.link):
        return entry.link
    if entry.guid and is_http_url(entry.guid):
        return entry.guid
    basis = entry.guid or entry.link or (entry.title + entry.summary_html)
    if not basis.strip():
        return None
    digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]
    return f"urn:horizonscan:source-{source_id}:{digest}"


def entry_date(entry: Entry, fetched: datetime) -> datetime | None:
    """The entry's date in UTC; None (the store then uses the fetch time, flagged) if missing or absurd."""
    if entry.published is None or entry.published > fetched + FUTURE_TOLERANCE:
        return None
    return entry.published


def entry_texts(entry: Entry) -> tuple[str, str, str]:
    """(summary text, content text, sanitised content HTML) of an entry."""
    summary = html_to_text(entry.summary_html)
    content = html_to_text(entry.content_html) if entry.content_html else ""
    body_html = entry.content_html or entry.summary_html
    return summary[:MAX_SUMMARY_CHARS], content or summary, sanitize_html(body_html)


def to_new_item(entry: Entry, source_id: int, fetched: datetime, article: Article | None = None,
                fulltext_status: str | None = None) -> NewItem | None:
    """A NewItem for the store, or None for an entry with nothing to show (no title and no text)."""
    url = entry_url(entry, source_id)
    summary, content, content_html = entry_texts(entry)
    title = plain_title(entry.title) or (article.title if article else "") or _title_from(summary or content)
    if entry.publisher and title.endswith(f" - {entry.publisher}"):  # Google News: "Headline - Outlet"
        title = title[: -len(entry.publisher) - 3].rstrip() or title
    if url is None or not title:
        return None
    text = article.text if article else content
    published = entry_date(entry, fetched) or (article.published if article else None)
    return NewItem(
        url=url, title=title, text=text, summary=summary if summary != text else summary[:400],
        published=published, source_id=source_id, guid=entry.guid, canonical_url=canonical_url(url),
        content_html=article.html if article else content_html, fulltext_status=fulltext_status,
        outlet=entry.publisher,
    )


def page_item(url: str, link_text: str, article: Article, source_id: int) -> NewItem:
    """A NewItem for an article found on a page source."""
    lead = article.text.split("\n\n")[0][:400]
    return NewItem(url=url, title=article.title or link_text, text=article.text, summary=lead,
                   published=article.published, source_id=source_id, canonical_url=canonical_url(url),
                   content_html=article.html, fulltext_status="ok")


def _title_from(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
