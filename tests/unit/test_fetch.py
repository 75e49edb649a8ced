"""Polite fetching against a local server: conditional GET, caps, timeouts, redirects, errors in codes."""

from __future__ import annotations

import asyncio
import socket
from urllib.parse import quote

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


# -- every hop checked; internal addresses only for internal sources ---------------------------------


def get_private(url: str, private_ok: bool | None, policy: FetchPolicy | None = None) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(policy or FetchPolicy(allowed_hosts=LOCAL)) as fetcher:
            return await fetcher.get(url, private_ok=private_ok)
    return asyncio.run(run())


@pytest.mark.parametrize("allowed, start, target", [("localhost", "localhost", "127.0.0.1"),
                                                    ("127.0.0.1", "127.0.0.1", "localhost")])
def test_every_redirect_hop_must_be_an_allowed_host(feed_server: FeedServer, allowed: str, start: str,
                                                    target: str) -> None:
    port = feed_server.port
    url = f"http://{start}:{port}/to?url=" + quote(f"http://{target}:{port}/fixtures/rss20.xml", safe="")
    result = get(url, FetchPolicy(allowed_hosts=frozenset({allowed})))
    assert result.error_code == "blocked_host" and result.error_params == {"host": target}
    assert feed_server.hits("/to") == 1 and feed_server.hits("/fixtures/") == 0


def test_redirect_to_a_local_file_is_refused(feed_server: FeedServer) -> None:
    result = get(feed_server.url("/to?url=" + quote("file:///etc/passwd", safe="")))
    assert result.error_code == "invalid_url" and result.content == b""


@pytest.mark.parametrize("host", ["127.0.0.1", "10.20.30.40", "169.254.169.254", "192.168.1.1", "172.16.0.9",
                                  "100.64.1.1", "0.0.0.0", "[::1]", "[fe80::1]", "[fd00::5]", "[::ffff:127.0.0.1]"])
def test_internal_addresses_are_refused_for_a_public_source(feed_server: FeedServer, host: str) -> None:
    # allowed_hosts stays 127.0.0.1 only: if the refusal failed, the fetch would end as blocked_host, unsent
    result = get_private(f"http://{host}:{feed_server.port}/articles/1", private_ok=False)
    assert result.error_code == "internal_address" and result.content == b""
    assert feed_server.hits() == 0


def test_a_name_is_resolved_before_connecting(feed_server: FeedServer) -> None:
    policy = FetchPolicy(allowed_hosts=frozenset({"localhost"}))
    result = get_private(f"http://localhost:{feed_server.port}/articles/1", private_ok=False, policy=policy)
    assert result.error_code == "internal_address" and result.error_params == {"host": "localhost"}
    assert feed_server.hits() == 0


def test_the_address_actually_connected_is_checked(feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the name looked public when checked, the connection went to an internal address."""
    from scanner import netguard

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    monkeypatch.setattr(netguard, "resolve", public)
    policy = FetchPolicy(allowed_hosts=frozenset({"localhost"}))
    result = get_private(f"http://localhost:{feed_server.port}/fixtures/rss20.xml", private_ok=False, policy=policy)
    assert result.error_code == "internal_address" and result.content == b""


def test_a_redirect_from_a_public_source_into_the_intranet_is_refused(feed_server: FeedServer,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from scanner import netguard

    real = netguard.is_internal_ip
    monkeypatch.setattr(netguard, "is_internal_ip", lambda ip: str(ip) != "127.0.0.1" and real(ip))
    url = feed_server.url("/to?url=" + quote("http://10.1.2.3/feed.xml", safe=""))
    result = get_private(url, private_ok=None)  # decided by the source's own address: public here
    assert result.error_code == "internal_address" and result.error_params == {"host": "10.1.2.3"}


def test_a_source_on_an_internal_address_may_use_internal_addresses(feed_server: FeedServer) -> None:
    result = get_private(feed_server.url("/redirect/1/rss20.xml"), private_ok=None)
    assert result.ok and result.private_ok


def test_the_setting_allows_internal_addresses_everywhere(feed_server: FeedServer) -> None:
    policy = FetchPolicy.from_settings({"allowed_hosts": ["127.0.0.1"], "allow_private_hosts": True})
    assert policy.allow_private_hosts
    assert get_private(feed_server.url("/articles/1"), private_ok=False, policy=policy).ok
    assert not FetchPolicy.from_settings({}).allow_private_hosts
