"""Adding sources: by URL (with feed autodiscovery), by search query, or the curated defaults."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from scanner.default_sources import DEFAULT_SOURCES
from scanner.discovery import DiscoveredFeed, discover_feeds, looks_like_html, page_title
from scanner.feeds import parse_feed
from scanner.fetch import Fetcher, FetchPolicy, FetchResult
from scanner.messages import describe
from store import KnowledgeBase
from store.core.errors import StoreError
from store.core.models import Source
from store.core.urls import is_http_url

DEFAULT_SEARCH_TEMPLATE = "https://news.google.com/rss/search?q={query}&hl=nl&gl=NL&ceid=NL:nl"


class SourceInputError(StoreError):
    """A source that cannot be added as asked; the message says why and what to do."""

    def __init__(self, code: str, message: str, discovered: list[DiscoveredFeed] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.discovered = discovered or []


@dataclass
class AddOutcome:
    source: Source
    existed: bool = False
    discovered: list[DiscoveredFeed] = field(default_factory=list)  # all feeds the page announced
    note: str = ""  # e.g. "could not be checked now: ..."


def search_url(query: str, template: str = DEFAULT_SEARCH_TEMPLATE) -> str:
    """The news-search feed URL for a query."""
    if "{query}" not in template:
        raise SourceInputError("bad_template", "A search URL template must contain {query}.")
    return template.replace("{query}", quote_plus(query.strip()))


def _fetch(url: str, policy: FetchPolicy | None) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(policy) as fetcher:
            return await fetcher.get(url)
    return asyncio.run(run())


def add_search_source(kb: KnowledgeBase, query: str, *, name: str | None = None, template: str | None = None,
                      folder: str = "Zoekopdrachten", theme_hints: tuple[str, ...] = ()) -> AddOutcome:
    """A news-search feed for a query (Google News by default). Full text is off: result links
    point to the search engine's redirect pages, not to the articles."""
    if not query.strip():
        raise SourceInputError("empty_query", "Give the words to search for.")
    url = search_url(query, template or DEFAULT_SEARCH_TEMPLATE)
    added = kb.sources.add_source(name or f"Zoeken: {query.strip()}", "search", url, query=query.strip(),
                       folder=folder, theme_hints=kb.check_themes(theme_hints), fulltext=False)
    return AddOutcome(added.source, added.existed)


def add_url_source(kb: KnowledgeBase, url: str, *, kind: str | None = None, name: str | None = None,
                   folder: str = "", theme_hints: tuple[str, ...] = (), selector: str | None = None,
                   fulltext: bool = True, check: bool = True, policy: FetchPolicy | None = None,
                   language: str = "en") -> AddOutcome:
    """Add a feed or page by URL. A web page with feed links adds its first feed (autodiscovery).

    With `check` the URL is fetched first; if that fails, the source is still added
    (its health will show the problem) and `note` says so.
    """
    url = url.strip()
    if not is_http_url(url):
        raise SourceInputError("invalid_url", f"'{url}' is not a web address (it must start with http:// or https://).")
    hints = tuple(kb.check_themes(theme_hints))
    if kind == "page":
        added = kb.sources.add_source(name or url, "page", url, selector=selector, folder=folder,
                           theme_hints=hints, fulltext=True)
        return AddOutcome(added.source, added.existed)
    if not check:
        added = kb.sources.add_source(name or url, "feed", url, folder=folder, theme_hints=hints, fulltext=fulltext)
        return AddOutcome(added.source, added.existed)
    fetched = _fetch(url, policy)
    if not fetched.ok:
        added = kb.sources.add_source(name or url, "feed", url, folder=folder, theme_hints=hints, fulltext=fulltext)
        note = f"Could not be checked now: {describe(fetched.error_code, fetched.error_params, language)}"
        return AddOutcome(added.source, added.existed, note=note)
    if looks_like_html(fetched.content, fetched.content_type):
        feeds = discover_feeds(fetched.content, fetched.url)
        if not feeds:
            raise SourceInputError(
                "no_feed_found",
                f"No feed found on {url}. Add it as a page source (--type page) to follow its article links.",
            )
        chosen = feeds[0]
        title = name or chosen.title or page_title(fetched.content) or chosen.url
        added = kb.sources.add_source(title, "feed", chosen.url, folder=folder, theme_hints=hints,
                           fulltext=fulltext, site_url=url)
        return AddOutcome(added.source, added.existed, discovered=feeds)
    parsed = parse_feed(fetched.content, fetched.url, fetched.headers.get("content-type", ""))
    if parsed.error_code:
        raise SourceInputError(parsed.error_code, describe(parsed.error_code, parsed.error_params, language))
    added = kb.sources.add_source(name or parsed.title or url, "feed", url, folder=folder, theme_hints=hints,
                       fulltext=fulltext, site_url=parsed.link or None)
    return AddOutcome(added.source, added.existed)


def add_default_sources(kb: KnowledgeBase) -> list[AddOutcome]:
    """Add the curated sources (without fetching them: their health will show which work)."""
    outcomes = []
    for d in DEFAULT_SOURCES:
        if d.kind == "search":
            outcomes.append(add_search_source(kb, d.query, name=d.name, folder=d.folder, theme_hints=d.themes,
                                              template=d.template))
        else:
            added = kb.sources.add_source(d.name, d.kind, d.url, folder=d.folder, theme_hints=d.themes,
                                          fulltext=d.fulltext, topic_filter=d.topic_filter)
            outcomes.append(AddOutcome(added.source, added.existed))
    return outcomes
