"""The curated starting set of sources for labour migration in Noord-Brabant.

The feed addresses are the publishers' documented RSS addresses as far as known; they could
not be checked from the build machine. After the first scan, each source's health shows
whether it works; a failing one can be edited or removed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultSource:
    name: str
    kind: str  # feed | search
    url: str = ""
    query: str = ""
    folder: str = ""
    themes: tuple[str, ...] = ()
    fulltext: bool = True


def _search(query: str, *themes: str) -> DefaultSource:
    return DefaultSource(f"Zoeken: {query}", "search", query=query, folder="Zoekopdrachten", themes=themes)


DEFAULT_SOURCES: tuple[DefaultSource, ...] = (
    _search("arbeidsmigranten", "arbeidsmarkt", "impact"),
    _search("arbeidsmigratie Brabant", "beleid", "economie"),
    _search("uitzendbureau arbeidsmigranten", "markt", "arbeidsmarkt"),
    _search("huisvesting arbeidsmigranten", "huisvesting"),
    _search("short stay arbeidsmigranten", "huisvesting", "markt"),
    _search("Arbeidsinspectie uitzendbureau", "veiligheid", "markt"),
    _search("arbeidsmigranten Tilburg OR Eindhoven OR Helmond OR Venlo", "impact", "huisvesting"),
    _search("uitbuiting arbeidsmigranten", "veiligheid", "migranten"),
    _search("Poolse OR Roemeense werknemers Nederland", "migranten"),
    _search("toelatingsstelsel uitzendbureaus", "markt", "beleid"),
    DefaultSource("NOS Nieuws", "feed", "https://feeds.nos.nl/nosnieuwsalgemeen", folder="Nieuws",
                  themes=("beleid", "impact")),
    DefaultSource("NOS Economie", "feed", "https://feeds.nos.nl/nosnieuwseconomie", folder="Nieuws",
                  themes=("economie", "arbeidsmarkt")),
    DefaultSource("Omroep Brabant", "feed", "https://www.omroepbrabant.nl/rss", folder="Regionaal nieuws",
                  themes=("impact", "huisvesting")),
    DefaultSource("Rijksoverheid: nieuws", "feed", "https://feeds.rijksoverheid.nl/nieuws.rss", folder="Overheid",
                  themes=("beleid",)),
    DefaultSource("Nederlandse Arbeidsinspectie: nieuws", "feed", "https://www.nlarbeidsinspectie.nl/rss",
                  folder="Overheid", themes=("veiligheid", "arbeidsmarkt")),
    DefaultSource("CBS: nieuws", "feed", "https://www.cbs.nl/nl-nl/rss-feeds/nieuws", folder="Statistiek",
                  themes=("arbeidsmarkt", "economie")),
    DefaultSource("Provincie Noord-Brabant: nieuws", "feed", "https://www.brabant.nl/rss", folder="Overheid",
                  themes=("beleid",)),
    DefaultSource("European Labour Authority: news", "feed", "https://www.ela.europa.eu/en/rss.xml", folder="EU",
                  themes=("beleid", "veiligheid")),
    DefaultSource("Eurofound: news", "feed", "https://www.eurofound.europa.eu/en/rss.xml", folder="EU",
                  themes=("arbeidsmarkt",)),
    DefaultSource("FNV: nieuws", "feed", "https://www.fnv.nl/rss", folder="Vakbonden en branche",
                  themes=("migranten", "arbeidsmarkt")),
    DefaultSource("Flexnieuws", "feed", "https://www.flexnieuws.nl/feed/", folder="Vakbonden en branche",
                  themes=("markt",)),
    DefaultSource("Personeelsnet: flexwerk", "feed", "https://www.personeelsnet.nl/rss",
                  folder="Vakbonden en branche", themes=("markt", "arbeidsmarkt")),
)
