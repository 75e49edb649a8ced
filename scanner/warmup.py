"""Run every scanner code path once on tiny local input, so libraries are imported and models
loaded before the first real scan (imports hold the interpreter lock: a GUI would stutter)."""

from __future__ import annotations

import asyncio

SAMPLE_FEED = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>Bericht</title>"
               b"<link>http://127.0.0.1/x</link><description>Tekst</description></item></channel></rss>")
SAMPLE_PAGE = ("<html><head><title>Arbeidsmigranten in Tilburg</title></head><body><nav>menu</nav><article>"
               "<h1>Arbeidsmigranten in Tilburg</h1>"
               + "<p>De gemeente Tilburg zoekt samen met uitzendbureaus naar huisvesting voor arbeidsmigranten. "
                 "Er komen nieuwe locaties bij bedrijventerreinen, met beheer en goede voorzieningen.</p>" * 6
               + "</article><footer>contact</footer></body></html>")


def prepare() -> None:
    """Import and initialise the scanner's libraries (no network traffic)."""
    from scanner.feeds import parse_feed
    from scanner.fetch import Fetcher
    from scanner.fulltext import extract_article
    from scanner.html_text import html_to_text, sanitize_html
    from store import detect_language

    async def client() -> None:
        async with Fetcher():
            pass

    asyncio.run(client())
    parse_feed(SAMPLE_FEED, "http://127.0.0.1/feed", "application/rss+xml")
    extract_article(SAMPLE_PAGE, "http://127.0.0.1/a", with_metadata=True)
    extract_article(SAMPLE_PAGE, "http://127.0.0.1/a", with_metadata=False)
    sanitize_html(SAMPLE_PAGE)
    html_to_text(SAMPLE_PAGE)
    detect_language("De gemeente zoekt huisvesting voor arbeidsmigranten in de regio.")
