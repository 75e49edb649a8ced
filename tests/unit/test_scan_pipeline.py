"""The scan pipeline against a local feed server: storing, health, back-off, full text, de-duplication."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from scanner.fetch import FetchPolicy
from scanner.pipeline import Scanner
from store.core.progress import ProgressEvent
from store.core.timeutil import utcnow
from store.knowledge_base import KnowledgeBase
from store.sources.registry import add_source, get_source
from tests.feedserver import FeedServer

POLICY = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), read_timeout=2, deadline=5)


def feed(kb: KnowledgeBase, server: FeedServer, path: str, kind: str = "feed", **kwargs) -> int:
    return add_source(kb.database, path, kind, server.url(path), **kwargs).source.id


def scan(kb: KnowledgeBase, *ids: int, **kwargs):
    return Scanner(kb, POLICY).scan(list(ids) or None, **kwargs)


def items_of(kb: KnowledgeBase, source_id: int) -> list:
    return kb.database.query(
        "SELECT i.* FROM items i JOIN item_sources x ON x.item_id = i.id WHERE x.source_id = ? ORDER BY i.id",
        (source_id,))


def test_first_scan_stores_entries_second_is_not_modified(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/etag/rss20.xml", fulltext=False)
    first = scan(kb)
    assert first.items_new == 5 and first.count("ok") == 1
    source = get_source(kb.database, sid)
    assert source.last_status == "ok" and source.etag and source.items == 5
    assert source.name != source.url  # named after the feed's title
    second = scan(kb)
    assert second.count("not_modified") == 1 and second.items_new == 0
    assert kb.database.scalar("SELECT COUNT(*) FROM items") == 5


def test_scan_run_is_recorded(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    feed(kb, feed_server, "/fixtures/atom10.xml", fulltext=False)
    summary = scan(kb)
    row = kb.database.query_one("SELECT * FROM scan_runs WHERE id = ?", (summary.run_id,))
    assert row["status"] == "done" and row["sources_ok"] == 1 and row["items_new"] == 4


def test_every_format_is_stored(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    for name in ("rss091.xml", "rdf10.xml", "atom10.xml", "jsonfeed11.json"):
        feed(kb, feed_server, f"/fixtures/{name}", fulltext=False)
    summary = scan(kb)
    assert summary.count("ok") == 4 and summary.items_new == 3 + 3 + 4 + 3


def test_html_is_sanitised_for_display_and_plain_for_search(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/fixtures/rss20.xml", fulltext=False)
    scan(kb)
    for row in items_of(kb, sid):
        html = row["content_html"] or ""
        for bad in ("<script", "<iframe", "<img", "onerror", "javascript:"):
            assert bad not in html.lower()
        assert "<" not in row["full_text"]


def test_entries_without_dates_links_or_titles(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    no_dates = feed(kb, feed_server, "/fixtures/no_dates.xml", fulltext=False)
    no_links = feed(kb, feed_server, "/fixtures/no_links.xml", fulltext=False)
    no_titles = feed(kb, feed_server, "/fixtures/no_titles.xml", fulltext=False)
    scan(kb)
    assert all(r["published_estimated"] == 1 for r in items_of(kb, no_dates))
    assert len(items_of(kb, no_links)) == 3
    assert all(r["title"] for r in items_of(kb, no_titles))
    assert scan(kb, force=True).items_new == 0  # stable identities: nothing added twice


def test_duplicates_are_stored_once(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/fixtures/duplicates.xml", fulltext=False)
    summary = scan(kb)
    stored = len(items_of(kb, sid))
    assert stored < 6 and summary.items_new == stored
    assert summary.items_new + summary.duplicates == 6


def test_failures_are_recorded_in_words_and_backed_off(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    from scanner.messages import describe

    sid = feed(kb, feed_server, "/status/500", fulltext=False)
    summary = scan(kb)
    assert summary.count("failed") == 1
    source = get_source(kb.database, sid)
    assert source.last_status == "failing" and source.consecutive_failures == 1
    assert "storing" in describe(source.last_error_code, source.last_error_params, "nl")
    assert source.next_due > utcnow()
    assert scan(kb).sources_total == 0  # backing off: not scanned until due ...
    again = scan(kb, force=True)  # ... unless forced; never dropped
    assert again.count("failed") == 1
    later = get_source(kb.database, sid)
    assert later.consecutive_failures == 2 and later.next_due > source.next_due


def test_retry_after_is_honoured(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/status/429?retry_after=7200", fulltext=False)
    scan(kb)
    source = get_source(kb.database, sid)
    assert source.last_error_code == "rate_limited"
    assert source.next_due >= utcnow() + timedelta(seconds=7100)


def test_back_off_never_exceeds_a_day(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/status/429?retry_after=999999", fulltext=False)
    scan(kb)
    assert get_source(kb.database, sid).next_due <= utcnow() + timedelta(hours=24, minutes=1)


def test_html_instead_of_feed_names_the_feeds_found(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    from scanner.messages import describe

    sid = feed(kb, feed_server, "/fixtures/html_instead.html")
    scan(kb)
    source = get_source(kb.database, sid)
    assert source.last_error_code == "html_not_feed"
    assert feed_server.url("/fixtures/rss20.xml") in describe(source.last_error_code, source.last_error_params)


def test_malformed_feed_keeps_entries_and_warns(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/fixtures/malformed.xml", fulltext=False)
    summary = scan(kb)
    assert summary.items_new >= 3
    assert get_source(kb.database, sid).last_warning_code == "malformed_feed"


def test_full_text_is_fetched_when_the_feed_has_only_a_summary(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/gen/3.xml?items=4")
    summary = scan(kb)
    assert summary.items_new == 4
    rows = items_of(kb, sid)
    assert all(r["fulltext_status"] == "ok" and len(r["full_text"]) > 500 for r in rows)
    assert feed_server.hits("/articles/") == 4


def test_failed_extraction_is_flagged_and_retried(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/fixtures/relative_links.xml")
    scan(kb)
    failed = [r for r in items_of(kb, sid) if r["fulltext_status"] == "failed"]
    assert len(failed) == 1 and failed[0]["url"].endswith("/articles/empty")
    assert len(failed[0]["full_text"]) < 400  # the feed's summary, not the cookie wall
    assert failed[0]["fulltext_attempts"] == 1
    scan(kb, force=True)
    again = kb.database.query_one("SELECT * FROM items WHERE id = ?", (failed[0]["id"],))
    assert again["fulltext_attempts"] == 2 and feed_server.hits("/articles/empty") == 2


def test_page_source_follows_article_links(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    with_selector = feed(kb, feed_server, "/page/", kind="page", selector=".news-list a.teaser-link")
    summary = scan(kb)
    assert summary.items_new == 6
    assert all(r["fulltext_status"] == "ok" for r in items_of(kb, with_selector))
    assert scan(kb, force=True).items_new == 0


def test_page_source_without_selector_uses_heuristics(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    feed(kb, feed_server, "/page/", kind="page")
    assert scan(kb).items_new == 6


def test_page_without_articles_is_a_clear_failure(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    no_links = feed(kb, feed_server, "/fixtures/rss20.xml", kind="page")
    dead_links = feed(kb, feed_server, "/site-nofeed/", kind="page")
    scan(kb)
    assert get_source(kb.database, no_links).last_error_code == "no_links"
    assert get_source(kb.database, dead_links).last_error_code == "articles_unreadable"


def test_progress_reports_sources_done(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    for n in range(3):
        feed(kb, feed_server, f"/gen/{n}.xml?items=2", fulltext=False)
    events: list[ProgressEvent] = []
    scan(kb, progress=events.append)
    assert [e.done for e in events] == [0, 1, 2, 3] and events[-1].total == 3
    assert events[-1].new_items == 6


def test_cancel_stops_the_scan_and_keeps_what_was_stored(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    feed(kb, feed_server, "/gen/1.xml?items=3", fulltext=False)
    feed(kb, feed_server, "/hang", fulltext=False)
    cancel = threading.Event()

    def progress(event: ProgressEvent) -> None:
        if event.done >= 1:
            cancel.set()

    summary = Scanner(kb, FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), read_timeout=30, deadline=60)).scan(
        progress=progress, cancel=cancel)
    assert summary.cancelled and summary.items_new == 3
    row = kb.database.query_one("SELECT status FROM scan_runs WHERE id = ?", (summary.run_id,))
    assert row["status"] == "cancelled"


@pytest.mark.parametrize("path", ["/fixtures/xxe.xml", "/fixtures/billion_laughs.xml", "/bomb.xml", "/endless"])
def test_hostile_feeds_do_no_harm(kb: KnowledgeBase, feed_server: FeedServer, path: str) -> None:
    feed(kb, feed_server, path, fulltext=False)
    summary = Scanner(kb, FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), max_bytes=2 * 1024 * 1024,
                                      max_decoded_bytes=8 * 1024 * 1024)).scan()
    assert len(summary.outcomes) == 1
    text = " ".join(r["title"] + r["full_text"] for r in kb.database.query("SELECT title, full_text FROM items"))
    assert "root:x:0:0:root" not in text


def test_a_huge_feed_is_read_newest_first_in_portions(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    sid = feed(kb, feed_server, "/gen/7.xml?items=3000", fulltext=False)
    scanner = Scanner(kb, POLICY, max_new_entries=400)
    first = scanner.scan()
    assert first.items_new == 400
    source = get_source(kb.database, sid)
    assert source.last_warning_code == "entries_deferred"
    assert source.last_warning_params == {"read": 400, "remaining": 2600}
    assert {r["guid"] for r in items_of(kb, sid)} == {f"horizonscan-gen-7-{i}" for i in range(400)}  # newest
    dates = [r["published"] for r in items_of(kb, sid)]
    second = scanner.scan(force=True)  # the rest next time: fetched again in full, not "not modified"
    assert second.items_new == 400 and second.count("ok") == 1
    assert not feed_server.requests[-1].headers.get("if-none-match")
    assert len(items_of(kb, sid)) == 800 and min(r["published"] for r in items_of(kb, sid)) < min(dates)


def test_links_to_internal_addresses_are_not_fetched_for_a_public_source(
        kb: KnowledgeBase, feed_server: FeedServer, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scanner import netguard
    from scanner.fetch import Fetcher

    real = netguard.is_internal_ip
    monkeypatch.setattr(netguard, "is_internal_ip", lambda ip: str(ip) != "127.0.0.1" and real(ip))
    outcomes: dict[str, str | None] = {}
    real_get = Fetcher.get

    async def recording_get(self, url: str, **kwargs):
        result = await real_get(self, url, **kwargs)
        outcomes[url] = result.error_code
        return result

    monkeypatch.setattr(Fetcher, "get", recording_get)
    links = ["http://10.0.0.5/intranet/nieuws", "http://169.254.169.254/latest/meta-data/",
             "http://192.168.1.1/admin", f"http://[::1]:{feed_server.port}/articles/2",
             feed_server.url("/articles/1")]
    items = "".join(f"<item><title>Bericht {n}</title><link>{link}</link><description>Kort.</description></item>"
                    for n, link in enumerate(links))
    (tmp_path / "feed.xml").write_text(f'<rss version="2.0"><channel><title>Publiek</title>{items}</channel></rss>')
    with FeedServer(data_dir=tmp_path, lifetime=60) as public:
        sid = feed(kb, public, "/fixtures/feed.xml")
        summary = scan(kb, sid)
        assert summary.items_new == 5 and summary.outcomes[0].fulltext_failed == 4
        assert {outcomes[link] for link in links[:4]} == {"internal_address"}
        assert outcomes[feed_server.url("/articles/1")] is None
        assert feed_server.hits("/articles/") == 1  # only the public one (127.0.0.1 counts as public here)


def test_a_news_search_names_the_publisher_as_the_outlet_and_never_fetches_its_links(
        kb: KnowledgeBase, feed_server: FeedServer) -> None:
    kb.sources.add_source("Zoeken: arbeidsmigranten", "search", feed_server.url("/fixtures/google_news.xml"),
                          query="arbeidsmigranten", fulltext=True)  # even with full text on
    summary = Scanner(kb, POLICY).scan()
    assert summary.items_new == 2 and summary.count("failed") == 0
    items = {i.title: i for i in (kb.get_item(n) for n in kb.items.new_item_ids())}
    tilburg = items["Tilburg bouwt 300 woonunits voor arbeidsmigranten"]  # " - Omroep Brabant" cut off
    assert tilburg.source == "Omroep Brabant" and tilburg.fulltext_status is None
    assert items["Agencje pracy w Holandii: nowe zasady od 2027 roku"].source == "Money.pl"
    assert feed_server.hits("/") == feed_server.hits("/fixtures/google_news.xml")  # nothing else was asked for
