"""A local HTTP server for the scanner's tests and benchmarks (stdlib only, 127.0.0.1 only).

Usage::

    with FeedServer() as server:
        url = server.url("/fixtures/rss20.xml")
        ...
        assert server.hits("/fixtures/") == 1

Routes (see ``tests/data/feeds/README.md`` for the fixture files):

- ``/fixtures/<name>``            serve ``tests/data/feeds/<name>``; ``?ctype=`` overrides Content-Type verbatim,
                                  ``?cenc=`` sends that Content-Encoding verbatim (for pre-compressed files)
- ``/etag/<name>``                same, with ``ETag: "<sha1>"``; matching If-None-Match -> 304
- ``/lastmod/<name>``             same, with a fixed Last-Modified; If-Modified-Since >= it -> 304
- ``/gzip/<name>``                same, gzip-compressed (``Content-Encoding: gzip``)
- ``/redirect/<n>/<name>``        302 chain of length n ending in ``/redirect/0/<name>`` = the fixture
- ``/moved/<name>``               301 (moved permanently) to ``/fixtures/<name>``
- ``/loop/a``, ``/loop/b``        302 to each other, forever
- ``/to?url=<absolute URL>``      302 to that URL (another host, another scheme)
- ``/status/<code>``              that status; ``?retry_after=N`` / ``?retry_after_date=1`` add Retry-After
- ``/hang``                       headers never come (until client gone, server stopped or 60 s)
- ``/drip``                       200 + headers of an RSS feed, then one body byte every 0.5 s (max 60 s)
- ``/endless``                    endless RSS (no Content-Length) until client gone / stop / 200 MB
- ``/bomb.xml``                   gzip bomb: ~1.6 MB on the wire, ~1 GB of ``<item>`` XML decompressed
- ``/site/``, ``/site-nofeed/``   HTML home pages with / without feed autodiscovery links
- ``/page/``                      news overview page without a feed (``.news-list a.teaser-link`` = 6 links)
- ``/page/artikel/<slug>``        article pages for the 6 slugs of ``/page/`` (others: 404)
- ``/articles/<n>``               deterministic article for any integer n; ``/articles/empty`` = cookie wall only
- ``/gen/<feed_id>.xml?items=N``  deterministic RSS 2.0 feed (integer feed_id, default 50 items) with ETag/304;
                                  ``FeedServer.publish(feed_id, k)`` (or ``/gen-publish/<feed_id>?new=k``)
                                  adds k newer items to it (the oldest k drop out), so its ETag changes

Slow routes poll the server's stop event, so :meth:`FeedServer.stop` returns quickly; open
connections are shut down on stop.
"""

from __future__ import annotations

import atexit
import email.utils
import gzip
import hashlib
import html
import random
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from store.core.timeutil import utcnow
from tests.local_server import LocalAddress

FEEDS_DIR = Path(__file__).parent / "data" / "feeds"

LAST_MODIFIED = datetime(2026, 11, 3, 8, 0, 0, tzinfo=UTC)
LAST_MODIFIED_HTTP = "Tue, 03 Nov 2026 08:00:00 GMT"
GEN_REFERENCE_DATE = datetime(2026, 11, 20, 12, 0, 0, tzinfo=UTC)
GEN_DEFAULT_ITEMS = 50
GEN_MAX_ITEMS = 10_000

SLOW_ROUTE_LIMIT_S = 60.0
DRIP_INTERVAL_S = 0.5
ENDLESS_LIMIT_BYTES = 200 * 1024 * 1024
BOMB_TARGET_BYTES = 1024 * 1024 * 1024

CONTENT_TYPES = {
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".opml": "text/x-opml",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
SIDECAR_SUFFIX = ".ctype"  # tests/data/feeds/<name>.ctype holds a Content-Type that wins over the extension


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it."""

    path: str  # decoded path, without the query string
    query: str  # raw query string ("" if none)
    headers: dict[str, str]  # lower-case header names
    method: str

    @property
    def params(self) -> dict[str, str]:
        """The query string as a dict (first value of each parameter)."""
        return {key: values[0] for key, values in parse_qs(self.query, keep_blank_values=True).items()}


# --------------------------------------------------------------------------------------------
# Deterministic Dutch content
# --------------------------------------------------------------------------------------------

COMPANIES = [
    "Flexwerk Brabant BV", "Van Hoorn Uitzendgroep", "Kempenflex", "LogiPlus Moerdijk", "Agrostaff Zundert",
    "De Meierij Personeelsdiensten", "Peelstaff BV", "WerkVerbindt Tilburg", "Baronie Logistics",
    "Van Dongen Flexwonen BV", "Oostpoort Uitzendbureau", "Brabantse Oogsthulp",
]
TOWNS = [
    "Tilburg", "Oss", "Helmond", "Venlo-Noord", "Moerdijk", "Waalwijk", "Veghel", "Roosendaal", "Breda",
    "Uden", "Deurne", "Oosterhout", "Etten-Leur", "Zundert", "Meierijstad", "Eindhoven",
]
PEOPLE = [
    ("Marieke van Gils", "wethouder wonen"), ("Tomasz Nowak", "orderpicker"), ("Anca Popescu", "productiemedewerker"),
    ("Jeroen Verhoeven", "directeur van een uitzendbureau"), ("Sanne de Kort", "onderzoeker arbeidsmarkt"),
    ("Piotr Kowalski", "heftruckchauffeur"), ("Ellen Smulders", "gedeputeerde"),
    ("Bart Hendriks", "vakbondsbestuurder"),
    ("Ioana Marin", "huisvestingscoördinator"), ("Kees van Rooij", "teler van prei en kool"),
    ("Agnieszka Wiśniewska", "teamleider in een distributiecentrum"), ("Hanneke Mutsaers", "buurtbewoner"),
]
NATIONALITIES = ["Poolse", "Roemeense", "Bulgaarse", "Litouwse", "Portugese", "Hongaarse"]
SECTORS = ["de logistiek", "de vleesverwerking", "de glastuinbouw", "de metaalindustrie", "de voedingsindustrie",
           "de akkerbouw", "de bouw"]
TOPICS = [
    "short-stay locatie", "huisvesting", "registratie", "onderbetaling", "zorgverzekering", "taalles",
    "vervoer naar het werk", "huurcontract", "inspectie", "overlast",
]

HEADLINES = [
    "{company} opent short-stay locatie in {town}",
    "Arbeidsinspectie controleert uitzendbureaus in {town}",
    "{town} wil registratie van arbeidsmigranten verbeteren",
    "{count} {nationality} werknemers krijgen nieuwe woonruimte in {town}",
    "Vakbond: arbeidsmigranten in {sector} verdienen te weinig",
    "Gemeenteraad {town} debatteert over huisvesting van arbeidsmigranten",
    "{company} belooft betere huurcontracten voor werknemers",
    "Provincie onderzoekt afhankelijkheid van {sector} van arbeidsmigranten",
    "Buurt in {town} praat mee over logiesgebouw voor {count} werknemers",
    "Taalcursus voor arbeidsmigranten in {town} loopt storm",
]

SENTENCES = [
    "{company} zegt dat het de komende maanden {count} extra werknemers nodig heeft in {sector}.",
    "Volgens {person}, {role}, is de druk op de woningmarkt in {town} de afgelopen jaren sterk toegenomen.",
    "De gemeente {town} wil dat werkgevers zelf meer verantwoordelijkheid nemen voor de {topic} van hun personeel.",
    "Veel {nationality} werknemers wonen nu nog in vakantieparken of overvolle rijtjeshuizen buiten de stad.",
    "\"We merken dat mensen langer blijven dan vroeger\", zegt {person}. "
    "\"Dan heb je ook iets anders nodig dan een bed.\"",
    "Het plan gaat uit van {count} kamers met een eigen keuken, een wasruimte en een fietsenstalling.",
    "In {sector} werkt inmiddels bijna een op de drie werknemers via een uitzendbureau.",
    "De Arbeidsinspectie trof bij een controle in {town} werknemers aan die minder dan het minimumloon verdienden.",
    "Omwonenden maken zich zorgen over parkeerdruk en geluidsoverlast, maar zijn niet per definitie tegen het plan.",
    "{person} ({role}) pleit voor een verplichte registratie bij de gemeente "
    "zodra iemand langer dan vier maanden blijft.",
    "Het uitzendbureau wijst erop dat de huur niet langer automatisch op het loon wordt ingehouden.",
    "Een woordvoerder van {company} laat weten dat alle woningen voldoen aan de eisen van het keurmerk.",
    "Onderzoekers schatten dat er in Noord-Brabant tussen de 60.000 en 80.000 arbeidsmigranten werken.",
    "De provincie wil samen met gemeenten afspraken maken over spreiding van de huisvesting over de regio.",
    "Volgens de vakbond zijn werknemers vaak bang hun baan én hun kamer tegelijk kwijt te raken als ze klagen.",
    "De gemeenteraad van {town} stemt naar verwachting in december over het bestemmingsplan.",
    "{person} werkt al zes jaar in {sector} en stuurt elke maand geld naar familie in het buitenland.",
    "Wie ziek wordt, weet vaak niet bij welke huisarts hij terechtkan, vertelt {person}.",
    "Het informatiepunt in {town} helpt werknemers met vragen over {topic}, belastingen en toeslagen.",
    "Werkgevers in {sector} zeggen dat zonder arbeidsmigranten de productie grotendeels stil zou vallen.",
    "Het college wil de locatie maximaal tien jaar laten bestaan en daarna opnieuw bekijken.",
    "Bij de controle werden ook afspraken over {topic} en de reiskosten tegen het licht gehouden.",
    "{company} heeft inmiddels een klachtenlijn in het Pools, Roemeens en Engels geopend.",
    "De wethouder benadrukt dat huisvesting en integratie hand in hand moeten gaan.",
    "Een fietsenplan moet ervoor zorgen dat werknemers veilig naar het bedrijventerrein kunnen rijden.",
    "Critici vinden dat de gemeente te lang heeft gewacht met het aanwijzen van geschikte locaties.",
]

SUMMARIES = [
    "{company} en de gemeente {town} maken afspraken over {topic} voor {count} werknemers.",
    "In {town} groeit de discussie over {topic} van arbeidsmigranten in {sector}.",
    "{person}, {role}, reageert op de plannen. De gemeenteraad neemt binnenkort een besluit.",
    "Nieuwe cijfers laten zien hoe afhankelijk {sector} in {town} is van {nationality} werknemers.",
    "De Arbeidsinspectie kijkt naar {topic} bij {company}. Het bedrijf zegt mee te werken.",
]


def _fill(template: str, rng: random.Random, **fixed: str) -> str:
    person, role = rng.choice(PEOPLE)
    slots = {
        "company": rng.choice(COMPANIES), "town": rng.choice(TOWNS), "person": person, "role": role,
        "nationality": rng.choice(NATIONALITIES), "sector": rng.choice(SECTORS), "topic": rng.choice(TOPICS),
        "count": str(rng.choice([40, 60, 80, 120, 150, 180, 240, 300, 400])),
    }
    slots.update(fixed)
    return template.format(**slots)


def _body(rng: random.Random, count: int, **fixed: str) -> tuple[str, ...]:
    """``count`` paragraphs of 60-120 words of Dutch news prose (each template at most once per 26 sentences)."""
    pool: list[str] = []
    paragraphs = []
    for _ in range(count):
        sentences: list[str] = []
        words = 0
        while words < 60:  # sentences are at most ~25 words, so a paragraph stays under 120
            if not pool:
                pool = SENTENCES.copy()
                rng.shuffle(pool)
            local = {key: value for key, value in fixed.items() if rng.random() < 0.7}
            sentence = _fill(pool.pop(), rng, **local)
            sentences.append(sentence)
            words += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return tuple(paragraphs)


@dataclass(frozen=True)
class Article:
    title: str
    summary: str
    published: datetime
    paragraphs: tuple[str, ...]
    author: str


def _gen_offset_fraction(n: int) -> float:
    """Deterministic jitter in [0, 0.9) for article/feed item n."""
    return (zlib.crc32(f"jitter-{n}".encode()) % 900) / 1000


def article_date(n: int) -> datetime:
    """Date of generated article n; equals the pubDate of that item in a 50-item /gen feed."""
    step = timedelta(days=10) / GEN_DEFAULT_ITEMS
    return GEN_REFERENCE_DATE - step * ((n % 1000) + _gen_offset_fraction(n))


def _article_subject(n: int) -> dict[str, str]:
    rng = random.Random(f"subject-{n}")
    return {"town": rng.choice(TOWNS), "company": rng.choice(COMPANIES), "sector": rng.choice(SECTORS)}


@lru_cache(maxsize=65536)
def generated_headline(n: int) -> tuple[str, str]:
    """(title, summary) of generated article n; cheap, used by the /gen feeds."""
    rng = random.Random(n)
    subject = _article_subject(n)
    headline = _fill(rng.choice(HEADLINES), rng, **subject)
    return f"{headline} (bericht {n})", _fill(rng.choice(SUMMARIES), rng, **subject)


@lru_cache(maxsize=4096)
def generated_article(n: int) -> Article:
    """The deterministic article behind ``/articles/<n>`` (seeded by n; its title contains n)."""
    title, summary = generated_headline(n)
    rng = random.Random(f"body-{n}")
    paragraphs = _body(rng, rng.randint(4, 6), **_article_subject(n))
    reporters = ["Redactie", "Anouk Bressers", "Ruud Pijnenburg"]
    author = rng.choice(PEOPLE)[0] if rng.random() < 0.3 else rng.choice(reporters)
    return Article(title=title, summary=summary, published=article_date(n), paragraphs=paragraphs, author=author)


PAGE_ARTICLES = [  # the 6 articles of /page/ (slug, title, published)
    ("tilburg-kiest-locatie-short-stay", "Tilburg kiest locatie voor short-stay arbeidsmigranten",
     datetime(2026, 11, 12, 7, 30, tzinfo=UTC)),
    ("inspectie-uitzendbureaus-oss", "Inspectie vindt misstanden bij drie uitzendbureaus in Oss",
     datetime(2026, 11, 11, 15, 5, tzinfo=UTC)),
    ("helmond-logiesgebouw-buurt", "Buurt in Helmond mag meepraten over logiesgebouw",
     datetime(2026, 11, 10, 9, 45, tzinfo=UTC)),
    ("taalcursus-waalwijk-vol", "Gratis taalcursus in Waalwijk binnen een week vol",
     datetime(2026, 11, 9, 11, 0, tzinfo=UTC)),
    ("provincie-registratie-arbeidsmigranten", "Provincie wil betere registratie van arbeidsmigranten",
     datetime(2026, 11, 8, 13, 20, tzinfo=UTC)),
    ("moerdijk-distributiecentrum-personeel", "Nieuw distributiecentrum Moerdijk zoekt 400 werknemers",
     datetime(2026, 11, 7, 8, 10, tzinfo=UTC)),
]


@lru_cache(maxsize=64)
def page_article(slug: str) -> Article | None:
    for known, title, published in PAGE_ARTICLES:
        if known == slug:
            rng = random.Random(zlib.crc32(slug.encode()))
            towns = [town for town in TOWNS if town in title]
            paragraphs = _body(rng, rng.randint(4, 6), **({"town": towns[0]} if towns else {}))
            summary = _fill(rng.choice(SUMMARIES), rng)
            return Article(title=title, summary=summary, published=published, paragraphs=paragraphs,
                           author="Redactie Meierij Courant")
    return None


# --------------------------------------------------------------------------------------------
# HTML pages
# --------------------------------------------------------------------------------------------

_e = html.escape

NAV = """<nav class="main-nav" aria-label="Hoofdmenu">
      <ul>
        <li><a href="/page/">Nieuws</a></li>
        <li><a href="/page/regio">Regio</a></li>
        <li><a href="/page/werk">Werk &amp; inkomen</a></li>
        <li><a href="/page/wonen">Wonen</a></li>
        <li><a href="/page/over-ons">Over ons</a></li>
      </ul>
    </nav>"""

FOOTER = """<footer class="site-footer">
    <p>&copy; 2026 Meierij Courant (fictief voorbeeld). Alle rechten voorbehouden.</p>
    <ul class="footer-links">
      <li><a href="/page/privacy">Privacyverklaring</a></li>
      <li><a href="/page/cookies">Cookiebeleid</a></li>
      <li><a href="/page/contact">Contact</a></li>
      <li><a href="/page/colofon">Colofon</a></li>
    </ul>
  </footer>"""

COOKIE_BANNER = """<div class="cookie-banner" id="cookie-consent" role="dialog">
    <p>Wij gebruiken cookies om onze website te verbeteren en advertenties te tonen.
       Lees meer in ons <a href="/page/cookies">cookiebeleid</a>.</p>
    <button type="button" class="accept">Alles accepteren</button>
    <button type="button" class="reject">Alleen noodzakelijk</button>
  </div>"""


def _html_doc(title: str, body: str, head_extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{_e(title)}</title>
  {head_extra}
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
{body}
</body>
</html>
"""


def article_html(article: Article, url_path: str, related: list[tuple[str, str]]) -> str:
    paragraphs = "\n".join(f"      <p>{_e(p)}</p>" for p in article.paragraphs)
    related_html = "\n".join(f'        <li><a href="{_e(href)}">{_e(text)}</a></li>' for href, text in related)
    iso = article.published.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    shown = article.published.strftime("%d-%m-%Y %H:%M")
    head_extra = (f'<meta name="description" content="{_e(article.summary)}">\n'
                  f'  <meta property="og:title" content="{_e(article.title)}">\n'
                  f'  <meta property="article:published_time" content="{iso}">\n'
                  f'  <link rel="canonical" href="{_e(url_path)}">')
    body = f"""  <header class="site-header">
    <a class="logo" href="/page/">Meierij Courant</a>
    {NAV}
  </header>
  {COOKIE_BANNER}
  <main>
    <article class="news-article">
      <h1>{_e(article.title)}</h1>
      <p class="meta">Door <span class="author">{_e(article.author)}</span> &middot;
        <time datetime="{iso}">{shown}</time></p>
      <p class="lead"><strong>{_e(article.summary)}</strong></p>
{paragraphs}
    </article>
    <aside class="related">
      <h2>Lees ook</h2>
      <ul>
{related_html}
      </ul>
    </aside>
  </main>
  {FOOTER}"""
    return _html_doc(f"{article.title} | Meierij Courant", body, head_extra)


def generated_article_html(n: int) -> str:
    related = [(f"/articles/{n + k}", generated_headline(n + k)[0]) for k in (1, 2, 3)]
    return article_html(generated_article(n), f"/articles/{n}", related)


def empty_article_html() -> str:
    body = """  <div class="cookie-wall" id="cookiewall">
    <h2>Even uw toestemming</h2>
    <p>Om deze site te bekijken moet u cookies accepteren.</p>
    <button type="button">Akkoord</button>
  </div>"""
    return _html_doc("Meierij Courant", body)


def overview_html() -> str:
    teasers = []
    for slug, title, published in PAGE_ARTICLES:
        article = page_article(slug)
        assert article is not None
        teasers.append(f"""      <div class="teaser">
        <a class="teaser-link" href="/page/artikel/{slug}">{_e(title)}</a>
        <p class="teaser-date"><time datetime="{published.isoformat()}">{published.strftime("%d-%m-%Y")}</time></p>
        <p class="teaser-text">{_e(article.summary)}</p>
      </div>""")
    teaser_html = "\n".join(teasers)
    body = f"""  <header class="site-header">
    <a class="logo" href="/page/">Meierij Courant</a>
    {NAV}
  </header>
  {COOKIE_BANNER}
  <main>
    <h1>Nieuwsoverzicht</h1>
    <section class="news-list">
{teaser_html}
      <p class="sponsored">Advertentie:
        <a class="ext" href="https://www.flexbanen.example/vacatures">Vacatures in de logistiek</a></p>
    </section>
    <aside class="partners">
      <h2>Partners</h2>
      <p><a href="https://www.brabantsewerkgevers.example/">Brabantse Werkgevers (extern)</a></p>
    </aside>
  </main>
  {FOOTER}"""
    return _html_doc("Nieuws | Meierij Courant", body)


def site_html(with_feeds: bool) -> str:
    head_extra = ""
    if with_feeds:
        head_extra = ('<link rel="alternate" type="application/rss+xml" title="Nieuws" href="/fixtures/rss20.xml">\n'
                      '  <link rel="alternate" type="application/atom+xml" title="Nieuws (Atom)" '
                      'href="/fixtures/atom10.xml">')
    name = "Brabants Arbeidsmarktnieuws" if with_feeds else "Stichting Werk en Wonen Brabant"
    body = f"""  <header class="site-header">
    <a class="logo" href="/">{name}</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/nieuws/">Nieuws</a></li>
      <li><a href="/contact">Contact</a></li></ul></nav>
  </header>
  <main>
    <h1>Welkom bij {name}</h1>
    <p>Wij volgen het nieuws over werk, wonen en welzijn van arbeidsmigranten in Noord-Brabant.
       Op deze site vindt u achtergronden, cijfers en verhalen uit de regio.</p>
    <ul class="latest">
      <li><a href="/nieuws/tilburg-short-stay">Tilburg kiest locatie voor short-stay</a></li>
      <li><a href="/nieuws/inspectie-oss">Inspectie bij uitzendbureaus in Oss</a></li>
    </ul>
  </main>
  <footer><p>&copy; 2026 {name} (fictief voorbeeld) &middot; <a href="/privacy">Privacy</a></p></footer>"""
    return _html_doc(name, body, head_extra)


# --------------------------------------------------------------------------------------------
# Feeds
# --------------------------------------------------------------------------------------------

_x = html.escape  # also fine for XML text and attributes


@lru_cache(maxsize=1024)
def generated_feed(feed_id: int, items: int, base_url: str, published: int = 0) -> bytes:
    """RSS 2.0 for /gen/<feed_id>.xml: deterministic per feed_id; item i links to /articles/<feed_id*1000+i>.

    `published` newer items (i = items .. items+published-1) stand on top and as many of the oldest drop out.
    """
    rng = random.Random(f"feed-{feed_id}")
    outlet = f"{rng.choice(['Brabants', 'Zuidelijk', 'Kempisch', 'Peellands', 'Baronie'])} Nieuws {feed_id}"
    step = timedelta(days=10) / max(items, 1)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n',
        f"  <title>{_x(outlet)}</title>\n",
        f"  <link>{base_url}/gen/{feed_id}.html</link>\n",
        f"  <description>Gegenereerde testfeed {feed_id} over arbeidsmigratie in Noord-Brabant</description>\n",
        "  <language>nl</language>\n",
        f"  <lastBuildDate>{email.utils.format_datetime(GEN_REFERENCE_DATE, usegmt=True)}</lastBuildDate>\n",
    ]
    newer = [items + k for k in reversed(range(published))]
    for position, i in enumerate([*newer, *range(items)][:items]):
        n = feed_id * 1000 + i
        title, summary = generated_headline(n)
        when = GEN_REFERENCE_DATE - step * (position - len(newer) + _gen_offset_fraction(n))
        parts.append(
            "  <item>\n"
            f"    <title>{_x(title)}</title>\n"
            f"    <link>{base_url}/articles/{n}</link>\n"
            f'    <guid isPermaLink="false">horizonscan-gen-{feed_id}-{i}</guid>\n'
            f"    <description>{_x(summary)}</description>\n"
            f"    <pubDate>{email.utils.format_datetime(when, usegmt=True)}</pubDate>\n"
            "  </item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts).encode("utf-8")


DRIP_BODY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Trage feed</title>'
    "<link>https://traag.example/</link><description>Een feed die heel langzaam binnenkomt</description>"
    + "".join(f"<item><title>Druppel {i}</title><link>https://traag.example/{i}</link></item>" for i in range(20))
    + "</channel></rss>\n"
).encode()

ENDLESS_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
    b"<title>Eindeloze feed</title>\n<link>https://eindeloos.example/</link>\n"
    b"<description>Houdt nooit op</description>\n"
)


def _endless_chunk(start: int, count: int = 256) -> bytes:
    return "".join(
        f"<item><title>Bericht {i} over arbeidsmigratie</title><link>https://eindeloos.example/{i}</link>"
        f'<guid isPermaLink="false">eindeloos-{i}</guid>'
        f"<description>Nog een bericht, nummer {i}.</description></item>\n"
        for i in range(start, start + count)
    ).encode()


_bomb_lock = threading.Lock()
_bomb_cache: bytes | None = None


def gzip_bomb() -> bytes:
    """A gzip member that inflates to ~1 GB of RSS ``<item>`` XML; built from one compressed block, cached.

    The repeated middle part is compressed once with Z_FULL_FLUSH (which resets the history and
    byte-aligns), so the same compressed bytes can be concatenated; nothing of 1 GB is ever held.
    """
    global _bomb_cache
    with _bomb_lock:
        if _bomb_cache is not None:
            return _bomb_cache
        head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bom</title>'
                b"<link>https://bom.example/</link><description>Gzip-bom</description>\n")
        item = (b"<item><title>Bom</title><link>https://bom.example/item</link>"
                b"<description>arbeidsmigratie</description></item>" + b" " * 4000 + b"\n")
        chunk = item * ((4 * 1024 * 1024) // len(item))
        tail = b"</channel></rss>\n"
        repeats = BOMB_TARGET_BYTES // len(chunk)

        def raw_deflate(data: bytes, final: bool) -> bytes:
            comp = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
            return comp.compress(data) + comp.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)

        crc = zlib.crc32(head)
        for _ in range(repeats):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(tail, crc)
        size = len(head) + len(chunk) * repeats + len(tail)
        body = b"".join([
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff",  # gzip header, mtime 0, max compression, OS unknown
            raw_deflate(head, False),
            raw_deflate(chunk, False) * repeats,
            raw_deflate(tail, True),
            crc.to_bytes(4, "little"),
            (size & 0xFFFFFFFF).to_bytes(4, "little"),
        ])
        _bomb_cache = body
        return body


# --------------------------------------------------------------------------------------------
# Server
# --------------------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() shuts connections down itself and joins with a bound
    request_queue_size = 512  # the benchmark opens hundreds of connections at once
    allow_reuse_address = True

    def __init__(self, owner: FeedServer) -> None:
        self.owner = owner
        self.stop_event = threading.Event()
        self._conn_lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._conn_threads: set[threading.Thread] = set()
        super().__init__(("127.0.0.1", owner._requested_port), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if self.stop_event.is_set():
            self.shutdown_request(request)
            return
        thread = threading.Thread(target=self.process_request_thread, args=(request, client_address),
                                  name="feedserver-conn", daemon=True)
        with self._conn_lock:
            self._conns.add(request)
            self._conn_threads.add(thread)
        thread.start()

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._conn_lock:
                self._conns.discard(request)
                self._conn_threads.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up mid-response are normal here

    def close_connections(self, join_timeout: float) -> None:
        with self._conn_lock:
            conns = list(self._conns)
            threads = list(self._conn_threads)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        deadline = time.monotonic() + join_timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "HorizonscanFeedServer/1.0"
    sys_version = ""
    timeout = 70  # idle keep-alive connections end by themselves
    disable_nagle_algorithm = True  # headers and body are separate writes; avoid 40 ms delayed-ACK stalls
    server: _Server

    # -- plumbing ------------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        self.route_path = unquote(parts.path)
        self.query = parts.query
        self.params = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
        headers = {key.lower(): value for key, value in self.headers.items()}
        self.server.owner._record(RecordedRequest(self.route_path, parts.query, headers, self.command))
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        if 0 < length <= 10_000_000:
            self.rfile.read(length)
        try:
            self._route()
        except OSError:  # includes ConnectionError (client hung up) and TimeoutError
            self.close_connection = True

    def _send(self, status: int, body: bytes = b"", content_type: str | None = "text/plain; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        no_body = status in (204, 304) or 100 <= status < 200
        if content_type and not no_body:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if not no_body:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and not no_body:
            self.wfile.write(body)

    def _text(self, status: int, text: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, text.encode("utf-8"), headers=headers)

    def _html(self, page: str) -> None:
        self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")

    def _not_found(self) -> None:
        self._text(404, f"Niet gevonden: {self.route_path}\n")

    def _redirect(self, location: str, status: int = 302) -> None:
        if self.query:
            location = f"{location}?{self.query}"
        self._send(status, f"Verplaatst naar {location}\n".encode(), headers={"Location": location})

    def _stopped(self) -> bool:
        return self.server.stop_event.is_set()

    def _client_gone(self) -> bool:
        """True if the peer closed its side (readable with no data) or the socket is dead."""
        try:
            return self.connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False  # nothing to read: still connected
        except (OSError, ValueError):
            return True

    # -- routing -------------------------------------------------------------------------------

    def _route(self) -> None:
        path = self.route_path
        segments = path.lstrip("/").split("/")
        head = segments[0]
        if head in ("fixtures", "etag", "lastmod", "gzip") and len(segments) == 2:
            self._fixture(segments[1], mode=head)
        elif head == "redirect" and len(segments) == 3:
            self._redirect_chain(segments[1], segments[2])
        elif head == "moved" and len(segments) == 2:
            self._redirect(f"/fixtures/{quote(segments[1])}", status=301)
        elif path == "/to" and "url" in self.params:
            self._send(302, b"Verplaatst\n", headers={"Location": self.params["url"]})
        elif path == "/loop/a":
            self._redirect("/loop/b")
        elif path == "/loop/b":
            self._redirect("/loop/a")
        elif head == "status" and len(segments) == 2:
            self._status(segments[1])
        elif path == "/hang":
            self._hang()
        elif path == "/drip":
            self._drip()
        elif path == "/endless":
            self._endless()
        elif path == "/bomb.xml":
            self._send(200, gzip_bomb(), "application/rss+xml", headers={"Content-Encoding": "gzip"})
        elif path == "/site/":
            self._html(site_html(with_feeds=True))
        elif path == "/site-nofeed/":
            self._html(site_html(with_feeds=False))
        elif path == "/page/":
            self._html(overview_html())
        elif path.startswith("/page/artikel/") and len(segments) == 3:
            self._page_article(segments[2])
        elif head == "articles" and len(segments) == 2:
            self._article(segments[1])
        elif head == "gen" and len(segments) == 2:
            self._gen(segments[1])
        elif head == "gen-publish" and len(segments) == 2:
            self._gen_publish(segments[1])
        else:
            self._not_found()

    # -- fixtures ------------------------------------------------------------------------------

    def _fixture_file(self, name: str) -> Path | None:
        if not name or name.startswith(".") or "/" in name or "\\" in name or name.endswith(SIDECAR_SUFFIX):
            return None
        file = self.server.owner.data_dir / name
        try:
            file.resolve().relative_to(self.server.owner.data_dir.resolve())
        except ValueError:
            return None
        return file if file.is_file() else None

    def _content_type(self, file: Path) -> str:
        if "ctype" in self.params:
            return self.params["ctype"]
        sidecar = file.with_name(file.name + SIDECAR_SUFFIX)
        if sidecar.is_file():
            return sidecar.read_text(encoding="utf-8").strip()
        return CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")

    def _fixture(self, name: str, mode: str = "fixtures") -> None:
        file = self._fixture_file(name)
        if file is None:
            self._not_found()
            return
        body = file.read_bytes()
        ctype = self._content_type(file)
        if mode == "etag":
            self._with_etag(body, ctype)
        elif mode == "lastmod":
            if self._not_modified_since():
                self._send(304, headers={"Last-Modified": LAST_MODIFIED_HTTP})
            else:
                self._send(200, body, ctype, headers={"Last-Modified": LAST_MODIFIED_HTTP})
        elif mode == "gzip":
            self._send(200, gzip.compress(body, mtime=0), ctype,
                       headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        elif "cenc" in self.params:
            self._send(200, body, ctype, headers={"Content-Encoding": self.params["cenc"]})
        else:
            self._send(200, body, ctype)

    def _with_etag(self, body: bytes, ctype: str) -> None:
        etag = f'"{hashlib.sha1(body).hexdigest()}"'
        if self._etag_matches(etag):
            self._send(304, headers={"ETag": etag})
        else:
            self._send(200, body, ctype, headers={"ETag": etag})

    def _etag_matches(self, etag: str) -> bool:
        header = self.headers.get("If-None-Match")
        if not header:
            return False
        candidates = [c.strip() for c in header.split(",")]
        return any(c == "*" or c == etag or c.removeprefix("W/") == etag for c in candidates)

    def _not_modified_since(self) -> bool:
        header = self.headers.get("If-Modified-Since")
        if not header:
            return False
        try:
            since = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return since >= LAST_MODIFIED

    def _redirect_chain(self, count: str, name: str) -> None:
        try:
            remaining = int(count)
        except ValueError:
            self._not_found()
            return
        if remaining <= 0:
            self._fixture(name)
        else:
            self._redirect(f"/redirect/{remaining - 1}/{quote(name)}")

    def _status(self, code_text: str) -> None:
        try:
            code = int(code_text)
        except ValueError:
            code = 0
        if not 200 <= code <= 599:
            self._text(400, f"Ongeldige statuscode: {code_text}\n")
            return
        headers: dict[str, str] = {}
        if "retry_after" in self.params:
            headers["Retry-After"] = self.params["retry_after"]
        if self.params.get("retry_after_date") not in (None, "", "0"):
            headers["Retry-After"] = email.utils.formatdate(utcnow().timestamp() + 120, usegmt=True)
        self._text(code, f"Status {code}\n", headers)

    # -- slow routes ---------------------------------------------------------------------------

    def _hang(self) -> None:
        self.close_connection = True
        deadline = time.monotonic() + SLOW_ROUTE_LIMIT_S
        while time.monotonic() < deadline and not self._stopped():
            if self._client_gone():
                return
            self.server.stop_event.wait(0.05)

    def _drip(self) -> None:
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(DRIP_BODY)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.flush()
        if self.command == "HEAD":
            return
        deadline = time.monotonic() + SLOW_ROUTE_LIMIT_S
        for i in range(len(DRIP_BODY)):
            if self._stopped() or time.monotonic() >= deadline:
                return
            self.wfile.write(DRIP_BODY[i:i + 1])
            self.wfile.flush()
            if self.server.stop_event.wait(DRIP_INTERVAL_S):
                return

    def _endless(self) -> None:
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        self.wfile.write(ENDLESS_HEAD)
        sent = len(ENDLESS_HEAD)
        deadline = time.monotonic() + SLOW_ROUTE_LIMIT_S
        start = 0
        while sent < ENDLESS_LIMIT_BYTES and not self._stopped() and time.monotonic() < deadline:
            chunk = _endless_chunk(start)
            start += 256
            self.wfile.write(chunk)
            sent += len(chunk)

    # -- pages and generated content ----------------------------------------------------------

    def _page_article(self, slug: str) -> None:
        article = page_article(slug)
        if article is None:
            self._not_found()
            return
        related = [(f"/page/artikel/{s}", t) for s, t, _ in PAGE_ARTICLES if s != slug][:3]
        self._html(article_html(article, f"/page/artikel/{slug}", related))

    def _article(self, key: str) -> None:
        if key == "empty":
            self._html(empty_article_html())
            return
        try:
            n = int(key)
        except ValueError:
            self._not_found()
            return
        self._html(generated_article_html(n))

    def _gen(self, name: str) -> None:
        if not name.endswith(".xml"):
            self._not_found()
            return
        try:
            feed_id = int(name.removesuffix(".xml"))
            items = int(self.params.get("items", GEN_DEFAULT_ITEMS))
        except ValueError:
            self._not_found()
            return
        if feed_id < 0 or not 0 <= items <= GEN_MAX_ITEMS:
            self._text(400, "feed_id >= 0 and 0 <= items <= 10000\n")
            return
        body = generated_feed(feed_id, items, f"http://127.0.0.1:{self.server.server_address[1]}",
                              self.server.owner.published(feed_id))
        self._with_etag(body, "application/rss+xml; charset=utf-8")

    def _gen_publish(self, name: str) -> None:
        try:
            feed_id, new = int(name), int(self.params.get("new", 1))
        except ValueError:
            self._not_found()
            return
        self.server.owner.publish(feed_id, new)
        self._text(200, f"feed {feed_id}: {self.server.owner.published(feed_id)} new items\n")


class FeedServer(LocalAddress):
    """A threaded HTTP server on 127.0.0.1 serving feed fixtures and misbehaving routes.

    ``lifetime`` (seconds) is a safety net: the server stops by itself after that long.
    """

    def __init__(self, port: int = 0, data_dir: Path | str | None = None, lifetime: float | None = 3600.0) -> None:
        self._requested_port = port
        self.data_dir = Path(data_dir) if data_dir is not None else FEEDS_DIR
        self.lifetime = lifetime
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._recorded = threading.Condition(self._lock)
        self.stopped = threading.Event()  # set once stop() has finished (also after the lifetime ran out)
        self.handlers_left_running = 0  # request handlers stop() could not end (it gives them 1 s)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None
        self._state_lock = threading.Lock()
        self._port: int | None = None
        self._published: dict[int, int] = {}  # /gen feed id -> newer items added by publish()

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> FeedServer:
        with self._state_lock:
            if self._server is not None:
                return self
            server = self._server = _Server(self)
            self._port = int(server.server_address[1])
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="feedserver", daemon=True)
        self._thread.start()
        if self.lifetime is not None:
            self._timer = threading.Timer(self.lifetime, self.stop)
            self._timer.daemon = True
            self._timer.start()
        atexit.register(self.stop)
        return self

    def stop(self) -> None:
        """Stop serving, end slow handlers and close open connections (returns within ~1 s)."""
        with self._state_lock:
            server, self._server = self._server, None
        if server is None:
            return
        server.stop_event.set()
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.cancel()
        server.shutdown()
        server.server_close()
        server.close_connections(join_timeout=1.0)
        with server._conn_lock:
            self.handlers_left_running = sum(1 for thread in server._conn_threads if thread.is_alive())
        if self._thread is not None:
            self._thread.join(1.0)
        atexit.unregister(self.stop)
        self.stopped.set()

    # -- generated feeds -----------------------------------------------------------------------

    def publish(self, feed_id: int, new: int = 1) -> None:
        """Add `new` newer items to /gen/<feed_id>.xml (its oldest as many drop out; its ETag changes)."""
        with self._lock:
            self._published[feed_id] = self._published.get(feed_id, 0) + max(0, new)

    def published(self, feed_id: int) -> int:
        with self._lock:
            return self._published.get(feed_id, 0)

    # -- request log ---------------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._recorded:
            self._requests.append(request)
            self._recorded.notify_all()

    def wait_for_hits(self, path_prefix: str, count: int, timeout: float = 30.0) -> bool:
        """Block until `count` requests to `path_prefix` have arrived (False if `timeout` passes first)."""
        with self._recorded:
            return self._recorded.wait_for(
                lambda: sum(1 for r in self._requests if r.path.startswith(path_prefix)) >= count, timeout)

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot (copy) of all requests received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    def hits(self, path_prefix: str = "/") -> int:
        """Number of requests whose path starts with ``path_prefix``."""
        with self._lock:
            return sum(1 for r in self._requests if r.path.startswith(path_prefix))

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()
