"""Adding sources (autodiscovery, pages, searches, defaults) and OPML import/export."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.fetch import FetchPolicy
from scanner.opml import export_opml, import_opml
from scanner.source_manager import (
    DEFAULT_SEARCH_TEMPLATE,
    SourceInputError,
    add_default_sources,
    add_search_source,
    add_url_source,
    search_url,
)
from store.knowledge_base import KnowledgeBase
from store.sources.registry import add_source, list_sources, remove_source, update_source
from tests.feedserver import FeedServer

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"
POLICY = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}))


def test_feed_url_is_added_with_its_title(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    outcome = add_url_source(kb, feed_server.url("/fixtures/rss20.xml"), policy=POLICY)
    assert outcome.source.kind == "feed" and outcome.source.name != outcome.source.url


def test_home_page_finds_its_feed(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    outcome = add_url_source(kb, feed_server.url("/site/"), policy=POLICY)
    assert outcome.source.url == feed_server.url("/fixtures/rss20.xml")
    assert len(outcome.discovered) == 2 and outcome.source.site_url == feed_server.url("/site/")


def test_page_without_feed_says_to_add_it_as_page(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    with pytest.raises(SourceInputError, match="--type page") as info:
        add_url_source(kb, feed_server.url("/site-nofeed/"), policy=POLICY)
    assert info.value.code == "no_feed_found"
    page = add_url_source(kb, feed_server.url("/site-nofeed/"), kind="page", policy=POLICY)
    assert page.source.kind == "page"


def test_unreachable_url_is_added_with_a_note(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    outcome = add_url_source(kb, feed_server.url("/status/503"), policy=POLICY)
    assert outcome.source.kind == "feed" and "Could not be checked now" in outcome.note


def test_bad_input_is_refused_clearly(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    with pytest.raises(SourceInputError, match="not a web address"):
        add_url_source(kb, "www zonder schema", policy=POLICY)
    with pytest.raises(SourceInputError) as info:
        add_url_source(kb, feed_server.url("/fixtures/not_xml.xml"), policy=POLICY)
    assert info.value.code == "not_a_feed"


def test_search_source_uses_the_template(kb: KnowledgeBase) -> None:
    outcome = add_search_source(kb, "short stay arbeidsmigranten", theme_hints=("huisvesting",))
    assert outcome.source.url == search_url("short stay arbeidsmigranten")
    assert outcome.source.url.startswith("https://news.google.com/rss/search?q=short+stay+arbeidsmigranten")
    assert outcome.source.kind == "search" and not outcome.source.fulltext
    assert outcome.source.theme_hints == ("huisvesting",)
    assert "{query}" in DEFAULT_SEARCH_TEMPLATE


def test_adding_twice_and_removing(kb: KnowledgeBase) -> None:
    first = add_source(kb.database, "A", "feed", "https://a.example/feed")
    second = add_source(kb.database, "A", "feed", "https://a.example/feed")
    assert second.existed and second.source.id == first.source.id
    remove_source(kb.database, first.source.id)
    assert list_sources(kb.database) == []
    again = add_source(kb.database, "A", "feed", "https://a.example/feed")
    assert again.source.id == first.source.id and not again.existed


def test_pause_and_edit(kb: KnowledgeBase) -> None:
    sid = add_source(kb.database, "A", "feed", "https://a.example/feed").source.id
    source = update_source(kb.database, sid, enabled=False, folder="Regio", theme_hints=["huisvesting"])
    assert not source.enabled and source.folder == "Regio" and source.theme_hints == ("huisvesting",)


def test_default_sources_cover_the_domain(kb: KnowledgeBase) -> None:
    outcomes = add_default_sources(kb)
    sources = list_sources(kb.database)
    assert len(sources) == len(outcomes) >= 15
    assert sum(s.kind == "search" for s in sources) >= 6
    hinted = {t for s in sources for t in s.theme_hints}
    assert hinted == {t.key for t in kb.themes()}
    assert all(not o.existed for o in outcomes) and all(o.existed for o in add_default_sources(kb))


def test_opml_import_keeps_folders(kb: KnowledgeBase) -> None:
    report = import_opml(kb, (FEEDS / "sources.opml").read_bytes())
    folders = {s.folder for s in report.added}
    assert {"Nieuws", "Overheid"} <= folders and "" in folders
    assert not report.skipped


def test_opml_import_skips_and_lists_junk(kb: KnowledgeBase) -> None:
    report = import_opml(kb, (FEEDS / "sources_with_junk.opml").read_bytes())
    skipped_urls = [url for _, url in report.skipped]
    assert "not a url" in skipped_urls and "javascript:alert(1)" in skipped_urls
    assert all(s.url.startswith("http") for s in list_sources(kb.database))


@pytest.mark.parametrize("name, code", [("broken.opml", "opml_damaged"), ("not_opml.opml", "not_opml")])
def test_malformed_opml_is_a_clear_error(kb: KnowledgeBase, name: str, code: str) -> None:
    with pytest.raises(SourceInputError) as info:
        import_opml(kb, (FEEDS / name).read_bytes())
    assert info.value.code == code and "nothing was imported" in str(info.value)
    assert list_sources(kb.database) == []


def test_opml_round_trip(kb: KnowledgeBase, tmp_path: Path) -> None:
    add_source(kb.database, "Regio feed", "feed", "https://a.example/feed", folder="Nieuws/Regio")
    add_search_source(kb, "arbeidsmigranten Oss")
    add_source(kb.database, "Gemeente", "page", "https://gemeente.example/nieuws", selector="a.item")
    exported = export_opml(kb)
    other = KnowledgeBase.open(tmp_path / "other")
    report = import_opml(other, exported)
    by_name = {s.name: s for s in report.added}
    assert by_name["Regio feed"].folder == "Nieuws/Regio"
    assert by_name["Zoeken: arbeidsmigranten Oss"].kind == "search"
    assert by_name["Zoeken: arbeidsmigranten Oss"].query == "arbeidsmigranten Oss"
    assert by_name["Gemeente"].kind == "page" and by_name["Gemeente"].selector == "a.item"
    other.close()


def test_the_default_set_follows_the_checked_addresses_and_the_migrants_own_languages(kb: KnowledgeBase) -> None:
    from scanner.default_sources import DEFAULT_SOURCES, PERSPECTIVE
    from scanner.fulltext import redirect_page

    add_default_sources(kb)
    sources = list_sources(kb.database)
    urls = [s.url or "" for s in sources]
    assert not any("feeds.rijksoverheid.nl" in u for u in urls)  # gone since mid-2026
    assert any(u.startswith("https://www.rijksoverheid.nl/api/rss?query=") and "Buitenlandse%20werknemers" in u
               for u in urls)
    general = {s.url for s in sources if s.topic_filter}
    for feed in ("https://feeds.nos.nl/nosnieuwsbinnenland", "https://www.nu.nl/rss/Algemeen",
                 "https://www.trouw.nl/voorpagina/rss.xml", "https://www.volkskrant.nl/voorpagina/rss.xml",
                 "https://www.nrc.nl/rss/", "https://www.ad.nl/home/rss.xml", "https://www.rtlnieuws.nl/rss.xml",
                 "https://fd.nl/laatste-nieuws?rss=", "https://www.omroepbrabant.nl/rss",
                 "https://www.ed.nl/home/rss.xml", "https://www.bd.nl/home/rss.xml",
                 "https://www.bndestem.nl/home/rss.xml", "https://www.l1nieuws.nl/rss/index.xml",
                 "https://www.omroepzeeland.nl/rss/index"):
        assert feed in general, feed  # a general outlet's own feed, with the topic filter on
    pages = {s.url for s in sources if s.kind == "page"}
    assert {"https://www.nlarbeidsinspectie.nl/actueel/nieuws", "https://ind.nl/nl/nieuws"} <= pages
    queries = " ".join(s.query or "" for s in sources)
    for site in ("brabant.nl", "abu.nl", "fnv.nl", "uwv.nl"):
        assert f"site:{site}" in queries, site
    voices = [s for s in sources if s.folder == PERSPECTIVE]
    editions = {u.split("&hl=")[1].split("&")[0] for u in (s.url or "" for s in voices)}
    assert editions == {"pl", "ro", "bg"} and all("news.google.com/rss/search" in (s.url or "") for s in voices)
    assert not any(s.fulltext for s in sources if s.kind == "search")  # search results link to redirect pages
    assert redirect_page("https://news.google.com/rss/articles/CBMiXGh0dHBzOi8v?oc=5")
    assert not redirect_page("https://www.omroepbrabant.nl/nieuws/123/arbeidsmigranten")
    assert len(DEFAULT_SOURCES) == len(sources)
