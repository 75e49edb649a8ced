"""Polite fetching against a local server: conditional GET, caps, timeouts, redirects, errors in codes."""

from __future__ import annotations

import asyncio
import socket

import pytest

from scanner.fetch import MB, Fetcher, FetchPolicy, FetchResult, parse_retry_after
from tests.feedserver import FeedServer

LOCAL = frozenset({"127.0.0.1"})


def get(url: str, policy: FetchPolicy | None = None, **kwargs) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(policy or FetchPolicy(allowed_hosts=LOCAL)) as fetcher:
            return await fetcher.get(url, **kwargs)
    return asyncio.run(run())


def test_plain_fetch_sends_an_honest_user_agent(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/fixtures/rss20.xml"))
    assert result.ok and result.status == 200 and b"<rss" in result.content
    assert feed_server.requests[-1].headers["user-agent"].startswith("Horizonscan/")


def test_etag_gives_304(feed_server: FeedServer) -> None:
    first = get(feed_server.url("/etag/rss20.xml"))
    second = get(feed_server.url("/etag/rss20.xml"), etag=first.headers["etag"])
    assert second.not_modified and second.ok and second.content == b""
    assert feed_server.requests[-1].headers["if-none-match"] == first.headers["etag"]


def test_last_modified_gives_304(feed_server: FeedServer) -> None:
    first = get(feed_server.url("/lastmod/rss20.xml"))
    second = get(feed_server.url("/lastmod/rss20.xml"), last_modified=first.headers["last-modified"])
    assert second.not_modified


def test_gzip_is_decoded(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/gzip/rss20.xml"))
    assert result.ok and b"<rss" in result.content


def test_redirects_are_followed_up_to_five(feed_server: FeedServer) -> None:
    assert get(feed_server.url("/redirect/5/rss20.xml")).ok
    too_many = get(feed_server.url("/redirect/6/rss20.xml"))
    assert too_many.error_code == "too_many_redirects"
    assert get(feed_server.url("/loop/a")).error_code == "too_many_redirects"


@pytest.mark.parametrize("status, code", [(404, "not_found"), (410, "gone"), (403, "forbidden"),
                                          (500, "server_error"), (503, "server_error"), (418, "http_error")])
def test_http_errors_become_codes(feed_server: FeedServer, status: int, code: str) -> None:
    result = get(feed_server.url(f"/status/{status}"))
    assert result.error_code == code and result.error_params["status"] == status


def test_429_honours_retry_after(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/status/429?retry_after=900"))
    assert result.error_code == "rate_limited" and result.retry_after == 900
    dated = get(feed_server.url("/status/429?retry_after_date=1"))
    assert dated.retry_after == 120  # the server dates it 120 s after the test clock's "now"


def test_parse_retry_after() -> None:
    assert parse_retry_after("120") == 120
    assert parse_retry_after("not a date") is None
    assert parse_retry_after(None) is None


def test_server_that_never_answers_times_out(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/hang"), FetchPolicy(read_timeout=1, deadline=5, allowed_hosts=LOCAL))
    assert result.error_code == "read_timeout" and result.elapsed < 4


def test_slow_body_hits_the_total_deadline(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/drip"), FetchPolicy(read_timeout=5, deadline=2, allowed_hosts=LOCAL))
    assert result.error_code == "deadline" and result.error_params == {"seconds": 2}


def test_endless_body_stops_at_the_size_cap(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/endless"), FetchPolicy(max_bytes=1 * MB, allowed_hosts=LOCAL))
    assert result.error_code == "too_large" and result.content == b""


def test_compression_bomb_stops_at_the_decoded_cap(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/bomb.xml"), FetchPolicy(max_decoded_bytes=5 * MB, allowed_hosts=LOCAL))
    assert result.error_code == "too_large"


def test_invalid_and_refused_addresses() -> None:
    assert get("not a url").error_code == "invalid_url"
    assert get("ftp://127.0.0.1/x").error_code == "invalid_url"
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert get(f"http://127.0.0.1:{port}/feed").error_code == "connect_failed"


def test_hosts_outside_the_allow_list_are_not_contacted() -> None:
    result = get("https://www.example.com/feed")
    assert result.error_code == "blocked_host" and result.error_params == {"host": "www.example.com"}
