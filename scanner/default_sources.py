"""The curated starting set of sources for labour migration in Noord-Brabant (`sources defaults`).

Built from ../shared/SOURCES.md: feed addresses that several public projects use, none of what is known to be
gone (`feeds.rijksoverheid.nl` stopped resolving in mid-2026), and a news search where an outlet has no feed
or where its general feed would bring mostly other news. A general feed (NOS, NU.nl, the dailies) carries
labour migration in a small share of its items, so those outlets are followed through a news search on the
topic limited to their site; topic feeds (Rijksoverheid's "Buitenlandse werknemers", a query on Officiële
bekendmakingen) are followed directly. The migrants' own voices: news searches in Polish, Romanian and
Bulgarian. `horizonscan sources check` tries every one once and says which answer.
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
    # national and regional outlets: their own feeds are general news, so a search on the topic at their site
    _site_search("Landelijke media: NOS, NU.nl, RTL", ("nos.nl", "nu.nl", "rtlnieuws.nl"), "beleid", "impact",
                 folder="Landelijk nieuws"),
    _site_search("Landelijke dagbladen: Trouw, Volkskrant, NRC, AD",
                 ("trouw.nl", "volkskrant.nl", "nrc.nl", "ad.nl"), "beleid", "impact", folder="Landelijk nieuws"),
    _site_search("Het Financieele Dagblad", ("fd.nl",), "economie", "markt", folder="Landelijk nieuws"),
    _site_search("Brabantse media: Omroep Brabant, ED, BD, BN DeStem",
                 ("omroepbrabant.nl", "ed.nl", "bd.nl", "bndestem.nl"), "impact", "huisvesting",
                 folder="Regionaal nieuws"),
    _site_search("Buurregio's: L1, Omroep Zeeland", ("l1nieuws.nl", "omroepzeeland.nl"), "impact",
                 folder="Regionaal nieuws"),
    # government: topic feeds, and what has no feed through a search at its site
    DefaultSource("Rijksoverheid: buitenlandse werknemers", "feed", RIJKSOVERHEID, folder="Overheid",
                  themes=("beleid", "arbeidsmarkt"), note="De nieuwe api/rss van Rijksoverheid, gefilterd op het "
                  "onderwerp Buitenlandse werknemers (feeds.rijksoverheid.nl bestaat niet meer)."),
    DefaultSource("Officiële bekendmakingen: arbeidsmigratie", "feed", BEKENDMAKINGEN, folder="Overheid",
                  themes=("beleid",), fulltext=False),
    DefaultSource("CBS: nieuws", "feed", "https://www.cbs.nl/nl-nl/rss-feeds/alle-nieuwsberichten",
                  folder="Statistiek", themes=("arbeidsmarkt", "economie")),
    _site_search("Ministerie van SZW, Arbeidsinspectie en IND", ("rijksoverheid.nl", "nlarbeidsinspectie.nl", "ind.nl"),
                 "beleid", "veiligheid", folder="Overheid"),
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
