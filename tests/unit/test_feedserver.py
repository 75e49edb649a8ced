"""The local feed server used by the scanner's tests and benchmark behaves as documented."""

from __future__ import annotations

import email.utils
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import feedparser
import httpx
import pytest
from lxml import html as lxml_html

from store.core.timeutil import FixedClock
from tests import feed_fixtures
from tests.feedserver import FEEDS_DIR, FeedServer

feed_server = feed_fixtures.feed_server

TIMEOUT = httpx.Timeout(3.0)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=TIMEOUT) as c:
        yield c


@pytest.mark.parametrize(("name", "ctype"), [
    ("rss20.xml", "application/xml"),
    ("atom10.xml", "application/xml"),
    ("jsonfeed11.json", "application/feed+json"),
    ("html_instead.html", "text/html; charset=utf-8"),
    ("sources.opml", "text/x-opml"),
    ("not_xml.xml", "application/rss+xml"),  # sidecar not_xml.xml.ctype
])
def test_fixtures_served_with_content_type(feed_server: FeedServer, client: httpx.Client, name: str,
                                           ctype: str) -> None:
    response = client.get(feed_server.url(f"/fixtures/{name}"))
    assert response.status_code == 200
    assert response.headers["content-type"] == ctype
    assert response.content == (FEEDS_DIR / name).read_bytes()
    assert feed_server.hits("/fixtures/") == 1
    recorded = feed_server.requests[0]
    assert recorded.path == f"/fixtures/{name}" and recorded.method == "GET"
    assert "user-agent" in recorded.headers


def test_ctype_override_and_missing_fixture(feed_server: FeedServer, client: httpx.Client) -> None:
    response = client.get(feed_server.url("/fixtures/latin1_declared_utf8.xml"),
                          params={"ctype": "text/xml; charset=utf-8"})
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    assert feed_server.requests[-1].params == {"ctype": "text/xml; charset=utf-8"}
    assert client.get(feed_server.url("/fixtures/nope.xml")).status_code == 404
    assert client.get(feed_server.url("/fixtures/..%2Fconftest.py")).status_code == 404
    assert client.get(feed_server.url("/fixtures/not_xml.xml.ctype")).status_code == 404


def test_all_listed_fixtures_exist() -> None:
    readme = (FEEDS_DIR / "README.md").read_text(encoding="utf-8")
    files = {p.name for p in FEEDS_DIR.iterdir() if not p.name.endswith((".md", ".ctype"))}
    assert len(files) >= 26
    for name in files:
        assert f"`{name}`" in readme, f"{name} is not described in README.md"


def test_fixture_feeds_parse_as_expected() -> None:
    def parse(name: str) -> feedparser.FeedParserDict:
        return feedparser.parse((FEEDS_DIR / name).read_bytes())

    rss = parse("rss20.xml")
    assert not rss.bozo and rss.version == "rss20" and len(rss.entries) == 5
    assert "<iframe" in (FEEDS_DIR / "rss20.xml").read_text(encoding="utf-8")
    assert parse("atom10.xml").version == "atom10" and len(parse("atom10.xml").entries) == 4
    assert parse("rdf10.xml").version == "rss10" and len(parse("rdf10.xml").entries) == 3
    assert parse("rss091.xml").version.startswith("rss09") and len(parse("rss091.xml").entries) == 3
    assert len(parse("empty.xml").entries) == 0 and not parse("empty.xml").bozo
    malformed = parse("malformed.xml")
    assert malformed.bozo and len(malformed.entries) >= 3
    assert len(parse("duplicates.xml").entries) == 6
    assert parse("not_xml.xml").bozo and not parse("not_xml.xml").entries
    assert "root:" not in parse("xxe.xml").entries[0].title


def test_etag_304(feed_server: FeedServer, client: httpx.Client) -> None:
    first = client.get(feed_server.url("/etag/rss20.xml"))
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"') and len(etag) == 42
    second = client.get(feed_server.url("/etag/rss20.xml"), headers={"If-None-Match": etag})
    assert second.status_code == 304 and second.content == b""
    other = client.get(feed_server.url("/etag/rss20.xml"), headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200
    assert feed_server.requests[1].headers["if-none-match"] == etag


def test_last_modified_304(feed_server: FeedServer, client: httpx.Client) -> None:
    first = client.get(feed_server.url("/lastmod/atom10.xml"))
    assert first.status_code == 200
    assert first.headers["last-modified"] == "Tue, 03 Nov 2026 08:00:00 GMT"
    same = client.get(feed_server.url("/lastmod/atom10.xml"),
                      headers={"If-Modified-Since": first.headers["last-modified"]})
    assert same.status_code == 304 and same.content == b""
    older = client.get(feed_server.url("/lastmod/atom10.xml"),
                       headers={"If-Modified-Since": "Mon, 02 Nov 2026 08:00:00 GMT"})
    assert older.status_code == 200


def test_gzip_is_decoded_by_httpx(feed_server: FeedServer, client: httpx.Client) -> None:
    response = client.get(feed_server.url("/gzip/rss20.xml"))
    assert response.headers["content-encoding"] == "gzip"
    assert int(response.headers["content-length"]) < len(response.content)
    assert response.content == (FEEDS_DIR / "rss20.xml").read_bytes()


def test_redirect_chain_and_loop(feed_server: FeedServer) -> None:
    with httpx.Client(timeout=TIMEOUT, follow_redirects=True, max_redirects=5) as client:
        response = client.get(feed_server.url("/redirect/3/rss20.xml?ctype=application/rss%2Bxml"))
        assert response.status_code == 200 and len(response.history) == 3
        assert response.headers["content-type"] == "application/rss+xml"
        assert feed_server.hits("/redirect/") == 4
        with pytest.raises(httpx.TooManyRedirects):
            client.get(feed_server.url("/loop/a"))
    assert feed_server.hits("/loop/") == 6


def test_status_and_retry_after(feed_server: FeedServer, client: httpx.Client, clock: FixedClock) -> None:
    response = client.get(feed_server.url("/status/503"), params={"retry_after": "7"})
    assert response.status_code == 503 and response.headers["retry-after"] == "7"
    response = client.get(feed_server.url("/status/429"), params={"retry_after_date": "1"})
    assert response.status_code == 429
    when = email.utils.parsedate_to_datetime(response.headers["retry-after"])
    assert when == clock.now() + timedelta(seconds=120)  # the server tells the time by the test's clock
    assert client.get(feed_server.url("/status/404")).status_code == 404
    assert client.get(feed_server.url("/status/410")).text.strip() == "Status 410"


def test_hang_times_out_and_stop_ends_a_hanging_request() -> None:
    server = FeedServer().start()
    with httpx.Client(timeout=1.0) as client, pytest.raises(httpx.ReadTimeout):
        client.get(server.url("/hang"))
    # a second hanging request, with a client that would wait far longer than the test
    outcome: list[BaseException | None] = []
    thread = threading.Thread(target=_swallow, args=(server.url("/hang"), 120.0, outcome), daemon=True)
    thread.start()
    assert server.wait_for_hits("/hang", 2)
    server.stop()
    thread.join(30)
    assert not server.running and server.handlers_left_running == 0
    # the server hung up on the client (it did not wait out the client's 120 s timeout)
    assert outcome and isinstance(outcome[0], httpx.RemoteProtocolError | httpx.ReadError), outcome


def _swallow(url: str, timeout: float, outcome: list[BaseException | None] | None = None) -> None:
    try:
        httpx.get(url, timeout=timeout)
        result: BaseException | None = None
    except httpx.HTTPError as exc:
        result = exc
    if outcome is not None:
        outcome.append(result)


def test_drip_sends_its_body_a_byte_at_a_time(feed_server: FeedServer) -> None:
    with httpx.Client(timeout=httpx.Timeout(30.0)) as client, \
            client.stream("GET", feed_server.url("/drip")) as response:
        assert response.status_code == 200
        length = int(response.headers["content-length"])
        chunks: list[bytes] = []
        for chunk in response.iter_raw():
            chunks.append(chunk)
            if sum(map(len, chunks)) >= 3:
                break
    received = b"".join(chunks)
    assert received.startswith(b"<?x")
    assert len(chunks[0]) < length  # the first read got a trickle, not the whole body


def test_endless_read_partially_then_closed(feed_server: FeedServer) -> None:
    with httpx.Client(timeout=TIMEOUT) as client, client.stream("GET", feed_server.url("/endless")) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/rss+xml"
        assert "content-length" not in response.headers
        received = 0
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > 5_000_000:
                break
    assert received > 5_000_000


def test_bomb_is_small_on_the_wire_and_huge_inflated(feed_server: FeedServer) -> None:
    with httpx.Client(timeout=httpx.Timeout(10.0)) as client, \
            client.stream("GET", feed_server.url("/bomb.xml")) as response:
        assert response.headers["content-encoding"] == "gzip"
        assert int(response.headers["content-length"]) < 3_000_000
        inflated = 0
        for chunk in response.iter_bytes():
            inflated += len(chunk)
            if inflated > 50_000_000:
                break
    assert inflated > 50_000_000


def test_generated_feed_items_and_304(feed_server: FeedServer, client: httpx.Client) -> None:
    response = client.get(feed_server.url("/gen/7.xml"), params={"items": "12"})
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert len(parsed.entries) == 12
    assert len({e.id for e in parsed.entries}) == 12
    assert parsed.entries[0].link == feed_server.url("/articles/7000")
    assert parsed.entries[11].link == feed_server.url("/articles/7011")
    assert all(e.published_parsed[:3] >= (2026, 11, 10) for e in parsed.entries)
    assert len(feedparser.parse(client.get(feed_server.url("/gen/7.xml")).content).entries) == 50
    again = client.get(feed_server.url("/gen/7.xml?items=12"), headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert client.get(feed_server.url("/gen/7.xml?items=12")).content == response.content


def test_a_generated_feed_publishes_newer_items_under_the_same_address(feed_server: FeedServer,
                                                                       client: httpx.Client) -> None:
    first = client.get(feed_server.url("/gen/8.xml?items=10"))
    feed_server.publish(8, 3)
    changed = client.get(feed_server.url("/gen/8.xml?items=10"), headers={"If-None-Match": first.headers["etag"]})
    assert changed.status_code == 200 and changed.headers["etag"] != first.headers["etag"]
    before = [e.id for e in feedparser.parse(first.content).entries]
    after = feedparser.parse(changed.content).entries
    assert len(after) == 10 and [e.id for e in after[3:]] == before[:7]  # 3 new on top, the oldest 3 gone
    assert after[0].published_parsed > after[3].published_parsed
    assert client.get(feed_server.url("/gen-publish/8?new=2")).status_code == 200 and feed_server.published(8) == 5
    untouched = client.get(feed_server.url("/gen/9.xml?items=10"))
    assert client.get(feed_server.url("/gen/9.xml?items=10"),
                      headers={"If-None-Match": untouched.headers["etag"]}).status_code == 304


def test_article_pages(feed_server: FeedServer, client: httpx.Client) -> None:
    page = client.get(feed_server.url("/articles/7003"))
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    tree = lxml_html.fromstring(page.content)
    assert "7003" in tree.findtext(".//article/h1")
    assert tree.find(".//time").get("datetime").startswith("2026-11-")
    paragraphs = tree.xpath("//article/p[not(@class)]")
    assert 4 <= len(paragraphs) <= 6
    assert all(60 <= len(p.text_content().split()) <= 120 for p in paragraphs)
    assert client.get(feed_server.url("/articles/7003")).content == page.content
    empty = lxml_html.fromstring(client.get(feed_server.url("/articles/empty")).content)
    assert not empty.xpath("//article") and empty.xpath("//div[@class='cookie-wall']")
    assert client.get(feed_server.url("/articles/abc")).status_code == 404


def test_site_and_news_list_pages(feed_server: FeedServer, client: httpx.Client) -> None:
    site = lxml_html.fromstring(client.get(feed_server.url("/site/")).content)
    alternates = site.xpath("//link[@rel='alternate']")
    assert {a.get("type") for a in alternates} == {"application/rss+xml", "application/atom+xml"}
    assert client.get(feed_server.url(alternates[0].get("href"))).status_code == 200
    nofeed = lxml_html.fromstring(client.get(feed_server.url("/site-nofeed/")).content)
    assert not nofeed.xpath("//link[@rel='alternate']")

    page = lxml_html.fromstring(client.get(feed_server.url("/page/")).content)
    # equivalent of the CSS selector ".news-list a.teaser-link"
    links = page.xpath("//*[contains(concat(' ', @class, ' '), ' news-list ')]"
                       "//a[contains(concat(' ', @class, ' '), ' teaser-link ')]")
    assert len(links) == 6
    assert all(a.get("href").startswith("/page/artikel/") for a in links)
    assert len([a for a in page.xpath("//a/@href") if a.startswith("http")]) == 2
    article = client.get(feed_server.url(links[0].get("href")))
    assert article.status_code == 200 and links[0].text in article.text
    assert client.get(feed_server.url("/page/artikel/bestaat-niet")).status_code == 404


def test_stop_ends_slow_handlers_still_running() -> None:
    server = FeedServer().start()
    urls = [server.url("/drip"), server.url("/endless"), server.url("/hang")]
    threads = [threading.Thread(target=_swallow_stream, args=(url,), daemon=True) for url in urls]
    for thread in threads:
        thread.start()
    for url in urls:
        assert server.wait_for_hits(url.removeprefix(server.base_url), 1)
    server.stop()
    assert not server.running and server.handlers_left_running == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(urls[0], timeout=1.0)


def _swallow_stream(url: str) -> None:
    try:
        with httpx.stream("GET", url, timeout=5.0) as response:
            for _ in response.iter_raw():
                threading.Event().wait(0.01)
    except httpx.HTTPError:
        pass


def test_custom_data_dir(tmp_path: Path) -> None:
    (tmp_path / "mine.rss").write_text("<rss/>", encoding="utf-8")
    with FeedServer(data_dir=tmp_path) as server:
        response = httpx.get(server.url("/fixtures/mine.rss"), timeout=2.0)
    assert response.headers["content-type"] == "application/rss+xml" and response.text == "<rss/>"


def test_server_stops_by_itself_after_its_lifetime() -> None:
    server = FeedServer(lifetime=0.3).start()
    assert httpx.get(server.url("/status/200"), timeout=1.0).status_code == 200
    assert server.stopped.wait(30)
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url("/status/200"), timeout=1.0)
