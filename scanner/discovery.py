"""Finding feeds on a web page (<link rel="alternate">) and article links on a page without a feed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
              "application/rdf+xml", "application/xml", "text/xml")
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
MAX_PAGE_LINKS = 30


@dataclass(frozen=True)
class DiscoveredFeed:
    url: str
    title: str
    type: str


def looks_like_html(content: bytes, content_type: str = "") -> bool:
    """True for a web page (not a feed), judged by the type header and the first bytes."""
    head = content[:4096]
    if _FEED_ROOT.search(head):
        return False
    return content_type.startswith(("text/html", "application/xhtml")) or bool(_HTML_START.match(head))


def _parse(content: bytes, base_url: str):
    try:
        root = lxml.html.document_fromstring(content)
    except (lxml.etree.ParserError, ValueError):
        return None
    root.make_links_absolute(base_url, resolve_base_href=True, handle_failures="discard")
    return root


def discover_feeds(content: bytes, base_url: str) -> list[DiscoveredFeed]:
    """Feeds announced in the page's <link rel="alternate"> elements, in page order."""
    root = _parse(content, base_url)
    if root is None:
        return []
    found: list[DiscoveredFeed] = []
    for link in root.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            url = link.get("href")
            if url.startswith(("http://", "https://")) and all(f.url != url for f in found):
                found.append(DiscoveredFeed(url, (link.get("title") or "").strip(), kind))
    return found


def page_title(content: bytes) -> str:
    root = _parse(content, "http://localhost/")
    if root is None:
        return ""
    titles = root.xpath("//title/text()")
    return " ".join(titles[0].split()) if titles else ""


def article_links(content: bytes, base_url: str, selector: str | None = None) -> list[tuple[str, str]]:
    """(url, link text) of the articles a news overview page links to.

    With a CSS selector, exactly the links it selects; otherwise links on the same site
    that look like articles (long link text, a path with a slug), outside menus and footers.
    """
    root = _parse(content, base_url)
    if root is None:
        return []
    if selector:
        anchors = [a if a.tag == "a" else a.find(".//a") for a in root.cssselect(selector)]
    else:
        anchors = [a for a in root.xpath("//a[@href]")
                   if not a.xpath("ancestor::nav|ancestor::footer|ancestor::header")]
    host = (urlsplit(base_url).hostname or "").lower()
    links: list[tuple[str, str]] = []
    seen: set[str] = set()
    for a in anchors:
        if a is None or not a.get("href"):
            continue
        url = urljoin(base_url, a.get("href")).split("#")[0]
        text = " ".join(a.text_content().split())
        if url in seen or not url.startswith(("http://", "https://")):
            continue
        if not selector and not _looks_like_article(url, text, host):
            continue
        seen.add(url)
        links.append((url, text))
        if len(links) >= MAX_PAGE_LINKS:
            break
    return links


def _looks_like_article(url: str, text: str, host: str) -> bool:
    parts = urlsplit(url)
    if (parts.hostname or "").lower() != host:
        return False
    segments = [s for s in parts.path.split("/") if s]
    slug = segments[-1] if segments else ""
    return len(text) >= 15 and len(segments) >= 2 and (slug.count("-") >= 2 or any(c.isdigit() for c in slug))
