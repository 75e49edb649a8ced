"""The curated starting set of sources for labour migration in Noord-Brabant (`sources defaults`).

Built from ../shared/SOURCES.md: feed addresses that several public projects use, none of what is known to be
gone (`feeds.rijksoverheid.nl` stopped resolving in mid-2026), and a news search where an outlet has no feed
or where its general feed would bring mostly other news. A general feed (NOS, NU.nl, the dailies) carries
labour migration in a small share of its items, so those feeds come with the topic filter on (only what a rule,
a watchlist actor or a theme wants is kept; the rest is counted per source); topic feeds (Rijksoverheid's
"Buitenlandse werknemers", a query on Officiële bekendmakingen) are followed whole. Ministries without a feed
are page sources; organisations without either a news search limited to their site. The migrants' own voices:
news searches in Polish, Romanian and Bulgarian. `horizonscan sources check` tries every one once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

GOOGLE_NEWS = "https://news.google.com/rss/search?q={query}&hl={hl}&gl={gl}&ceid={gl}:{hl}"
TERMS_PERSONAL_USE = ("Alleen voor persoonlijk gebruik volgens de voorwaarden van de uitgever; Horizonscan haalt "
                      "de feed op met een eerlijke User-Agent en voorwaardelijke verzoeken.")
PERSPECTIVE = "Perspectief arbeidsmigranten"
TOPIC = "arbeidsmigranten OR arbeidsmigratie OR \"buitenlandse werknemers\""


@dataclass(frozen=True)
class DefaultSource:
    name: str
    kind: str  # feed | search | page
    url: str = ""
    query: str = ""
    folder: str = ""
    themes: tuple[str, ...] = ()
    fulltext: bool = True
    template: str | None = None  # search sources: the news search's URL template ({query})
    note: str = ""  # terms of use, or why this address
    topic_filter: bool = False  # a general feed: keep only what is about labour migration


def search_template(language: str) -> str:
    """Google News search for a language's own edition (nl, pl, ro, bg)."""
    country = {"nl": "NL", "pl": "PL", "ro": "RO", "bg": "BG"}[language]
    return GOOGLE_NEWS.replace("{hl}", language).replace("{gl}", country)


def _search(query: str, *themes: str, name: str | None = None, folder: str = "Zoekopdrachten",
            language: str = "nl") -> DefaultSource:
    return DefaultSource(name or f"Zoeken: {query}", "search", query=query, folder=folder, themes=themes,
                         template=search_template(language), note=TERMS_PERSONAL_USE)


def _site_search(name: str, sites: tuple[str, ...], *themes: str, folder: str, topic: str = TOPIC,
                 note: str = TERMS_PERSONAL_USE) -> DefaultSource:
    scope = " OR ".join(f"site:{s}" for s in sites)
    query = f"({topic}) ({scope})" if len(sites) > 1 else f"({topic}) {scope}"
    return DefaultSource(name, "search", query=query, folder=folder, themes=themes, template=search_template("nl"),
                         note=note)


def _general(name: str, url: str, folder: str, *themes: str, note: str = "") -> DefaultSource:
    """A general news feed, with the topic filter on."""
    return DefaultSource(name, "feed", url, folder=folder, themes=themes, topic_filter=True, note=note)


NATIONAL, REGIONAL = "Landelijk nieuws", "Regionaal nieuws"
TERMS_FD = ("Het FD staat het gebruik van zijn feed alleen toe voor persoonlijk gebruik; deel de artikelen niet "
            "verder dan je eigen werk.")

_RIJKSOVERHEID_QUERY = json.dumps({
    "filters": [{"field": "content_type", "values": ["pro:newsDocument"], "type": "all"},
                {"field": "topic", "values": ["Buitenlandse werknemers"], "type": "all"}],
    "resultSearchTerm": "", "pageTitle": "Nieuws"}, separators=(",", ":"))
RIJKSOVERHEID = f"https://www.rijksoverheid.nl/api/rss?query={quote(_RIJKSOVERHEID_QUERY, safe='')}"
BEKENDMAKINGEN = "https://zoek.officielebekendmakingen.nl/rss?q=" + quote_plus(
    '(title any "arbeidsmigranten arbeidsmigratie huisvesting uitzendbureaus") sortBy dt.modified /sort.descending')

DEFAULT_SOURCES: tuple[DefaultSource, ...] = (
    # the topic itself, across every outlet Google News knows
    _search("arbeidsmigranten", "arbeidsmarkt", "impact"),
    _search("arbeidsmigratie Brabant", "beleid", "economie"),
    _search("uitzendbureau arbeidsmigranten", "markt", "arbeidsmarkt"),
    _search("huisvesting arbeidsmigranten", "huisvesting"),
    _search("short stay arbeidsmigranten", "huisvesting", "markt"),
    _search("Arbeidsinspectie uitzendbureau", "veiligheid", "markt"),
    _search("arbeidsmigranten Tilburg OR Eindhoven OR Helmond OR Venlo OR Oss OR Waalwijk", "impact", "huisvesting"),
    _search("uitbuiting arbeidsmigranten", "veiligheid", "migranten"),
    _search("toelatingsstelsel uitzendbureaus", "markt", "beleid"),
    # national and regional outlets: general feeds, with the topic filter on
    _general("NOS Binnenland", "https://feeds.nos.nl/nosnieuwsbinnenland", NATIONAL, "beleid", "impact"),
    _general("NOS Economie", "https://feeds.nos.nl/nosnieuwseconomie", NATIONAL, "economie", "arbeidsmarkt"),
    _general("NU.nl Algemeen", "https://www.nu.nl/rss/Algemeen", NATIONAL, "impact"),
    _general("NU.nl Economie", "https://www.nu.nl/rss/Economie", NATIONAL, "economie"),
    _general("RTL Nieuws", "https://www.rtlnieuws.nl/rss.xml", NATIONAL, "impact"),
    _general("Trouw", "https://www.trouw.nl/voorpagina/rss.xml", NATIONAL, "impact", "beleid"),
    _general("de Volkskrant", "https://www.volkskrant.nl/voorpagina/rss.xml", NATIONAL, "impact", "beleid"),
    _general("NRC", "https://www.nrc.nl/rss/", NATIONAL, "beleid"),
    _general("AD", "https://www.ad.nl/home/rss.xml", NATIONAL, "impact"),
    _general("Het Financieele Dagblad", "https://fd.nl/laatste-nieuws?rss=", NATIONAL, "economie", "markt",
             note=TERMS_FD),
    _general("Omroep Brabant", "https://www.omroepbrabant.nl/rss", REGIONAL, "impact", "huisvesting"),
    _general("Eindhovens Dagblad", "https://www.ed.nl/home/rss.xml", REGIONAL, "impact", "huisvesting"),
    _general("Brabants Dagblad", "https://www.bd.nl/home/rss.xml", REGIONAL, "impact", "huisvesting"),
    _general("BN DeStem", "https://www.bndestem.nl/home/rss.xml", REGIONAL, "impact", "huisvesting"),
    _general("L1 Nieuws (Limburg)", "https://www.l1nieuws.nl/rss/index.xml", REGIONAL, "impact"),
    _general("Omroep Zeeland", "https://www.omroepzeeland.nl/rss/index", REGIONAL, "impact"),
    # government: topic feeds, pages where there is no feed, and a search at the sites of the rest
    DefaultSource("Rijksoverheid: buitenlandse werknemers", "feed", RIJKSOVERHEID, folder="Overheid",
                  themes=("beleid", "arbeidsmarkt"), note="De nieuwe api/rss van Rijksoverheid, gefilterd op het "
                  "onderwerp Buitenlandse werknemers (feeds.rijksoverheid.nl bestaat niet meer)."),
    DefaultSource("Officiële bekendmakingen: arbeidsmigratie", "feed", BEKENDMAKINGEN, folder="Overheid",
                  themes=("beleid",), fulltext=False),
    DefaultSource("CBS: nieuws", "feed", "https://www.cbs.nl/nl-nl/rss-feeds/alle-nieuwsberichten",
                  folder="Statistiek", themes=("arbeidsmarkt", "economie"), topic_filter=True),
    DefaultSource("Ministerie van SZW", "page",
                  "https://www.rijksoverheid.nl/ministeries/ministerie-van-sociale-zaken-en-werkgelegenheid",
                  folder="Overheid", themes=("beleid", "arbeidsmarkt"), note="Geen feed: de nieuwsberichten op de "
                  "pagina van het ministerie worden gevolgd."),
    DefaultSource("Nederlandse Arbeidsinspectie", "page", "https://www.nlarbeidsinspectie.nl/actueel/nieuws",
                  folder="Overheid", themes=("veiligheid", "markt"), note="Geen feed: de nieuwspagina wordt gevolgd."),
    DefaultSource("IND", "page", "https://ind.nl/nl/nieuws", folder="Overheid", themes=("beleid",),
                  note="Geen feed: de nieuwspagina wordt gevolgd."),
    _site_search("Provincie Noord-Brabant en VNG", ("brabant.nl", "vng.nl"), "beleid", folder="Overheid"),
    # the market, the unions and the knowledge institutes
    _site_search("Uitzendbranche: ABU, NBBU, SNA, SNF, Flexnieuws",
                 ("abu.nl", "nbbu.nl", "normeringarbeid.nl", "snf.nl", "flexnieuws.nl"), "markt", "huisvesting",
                 folder="Markt en vakbonden"),
    _site_search("Vakbonden: FNV, CNV", ("fnv.nl", "cnv.nl"), "migranten", "arbeidsmarkt",
                 folder="Markt en vakbonden"),
    _site_search("Kennisinstituten: UWV, SER, SCP, WRR", ("uwv.nl", "ser.nl", "scp.nl", "wrr.nl"), "arbeidsmarkt",
                 "impact", folder="Kennis en Europa"),
    _site_search("Europa: ELA en Eurofound", ("ela.europa.eu", "eurofound.europa.eu"), "beleid", "veiligheid",
                 folder="Kennis en Europa", topic="Netherlands OR Dutch OR \"mobile workers\""),
    # the workers' own perspective: news in their languages about work and housing in the Netherlands
    _search("Holandia praca agencja", "migranten", "markt", name="Pools: werk via uitzendbureaus in Nederland",
            folder=PERSPECTIVE, language="pl"),
    _search("Polacy w Holandii mieszkanie OR zakwaterowanie", "migranten", "huisvesting",
            name="Pools: wonen in Nederland", folder=PERSPECTIVE, language="pl"),
    _search("Polacy Brabant OR Tilburg OR Eindhoven OR Venlo", "migranten", "impact",
            name="Pools: Brabant en omgeving", folder=PERSPECTIVE, language="pl"),
    _search("Olanda muncă agenție", "migranten", "markt", name="Roemeens: werk in Nederland",
            folder=PERSPECTIVE, language="ro"),
    _search("români în Olanda locuință OR cazare", "migranten", "huisvesting", name="Roemeens: wonen in Nederland",
            folder=PERSPECTIVE, language="ro"),
    _search("Нидерландия работа агенция", "migranten", "markt", name="Bulgaars: werk in Nederland",
            folder=PERSPECTIVE, language="bg"),
    _search("българи в Холандия", "migranten", "impact", name="Bulgaars: Bulgaren in Nederland",
            folder=PERSPECTIVE, language="bg"),
)

_TERMS_BY_HOST = {"news.google.com": TERMS_PERSONAL_USE, "fd.nl": TERMS_FD}


def source_note(url: str | None) -> str:
    """What a user should know about a source: its terms of use (FD, Google News allow personal use only), or
    why a default source has the address it has."""
    from urllib.parse import urlsplit

    if not url:
        return ""
    for d in DEFAULT_SOURCES:
        if d.url and d.url == url and d.note:
            return d.note
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return _TERMS_BY_HOST.get(host, "")
