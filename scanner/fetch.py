"""Polite HTTP fetching with httpx: timeouts, a total deadline, size caps (also after unpacking, see
scanner.decoding), conditional GET, a per-host concurrency limit, every redirect hop checked (allowed
hosts, internal addresses: scanner.netguard), and failures turned into error codes (see scanner.messages)."""

from __future__ import annotations

import asyncio
import email.utils
import ssl
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from scanner import netguard
from scanner.decoding import (
    ACCEPT_ENCODING,
    BodyDecoder,
    BodyTooLargeError,
    DamagedBodyError,
    UnsupportedEncodingError,
)
from scanner.version import USER_AGENT
from store.core.timeutil import utcnow

MB = 1024 * 1024
_PRIVATE_OK = "horizonscan.private_ok"  # request extension: may this request reach internal addresses?


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 60.0  # hard limit for one whole request, body included
    max_bytes: int = 10 * MB  # on the wire
    max_decoded_bytes: int = 50 * MB  # after gzip/deflate/brotli
    max_redirects: int = 5
    per_host: int = 2
    total_connections: int = 16
    allowed_hosts: frozenset[str] | None = None  # None: any host; else only these (locked-down networks, tests)
    # internal addresses (loopback, private, link-local) for every source, not only for sources that live there
    allow_private_hosts: bool = False

    @classmethod
    def from_settings(cls, settings: dict) -> FetchPolicy:
        """The policy with the optional overrides in the data folder's settings.json."""
        hosts = settings.get("allowed_hosts")
        timeout = settings.get("read_timeout_seconds")
        return cls(allowed_hosts=frozenset(h.lower() for h in hosts) if hosts else None,
                   read_timeout=float(timeout) if timeout else cls.read_timeout,
                   allow_private_hosts=bool(settings.get("allow_private_hosts", False)))


@dataclass
class FetchResult:
    url: str  # the final URL after redirects
    status: int = 0
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    not_modified: bool = False
    error_code: str | None = None
    error_params: dict = field(default_factory=dict)
    retry_after: float | None = None  # seconds, from Retry-After
    elapsed: float = 0.0
    private_ok: bool = False  # internal addresses were allowed (an intranet source, or the setting)
    moved_to: str | None = None  # the final URL when every redirect on the way was permanent (301, 308)

    @property
    def ok(self) -> bool:
        return self.error_code is None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class _TooLargeError(Exception):
    def __init__(self, limit: int) -> None:
        self.limit = limit


class _RefusedError(Exception):
    """A hop the policy does not allow; becomes the result's error code."""

    def __init__(self, code: str, params: dict) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or utcnow())).total_seconds())


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _status_error(status: int) -> str:
    if status == 404:
        return "not_found"
    if status == 410:
        return "gone"
    if status in (401, 403, 451):
        return "forbidden"
    if status == 429:
        return "rate_limited"
    if status >= 500:
        return "server_error"
    return "http_error"


class Fetcher:
    """Shared async client with per-host and total concurrency limits. Use `async with`."""

    def __init__(self, policy: FetchPolicy | None = None, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._client: httpx.AsyncClient | None = None
        self._transport = transport
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self.policy.per_host))

    async def __aenter__(self) -> Fetcher:
        p = self.policy
        self._client = httpx.AsyncClient(
            follow_redirects=True,
            max_redirects=p.max_redirects,
            timeout=httpx.Timeout(connect=p.connect_timeout, read=p.read_timeout, write=p.read_timeout, pool=None),
            limits=httpx.Limits(max_connections=p.total_connections, max_keepalive_connections=p.total_connections),
            headers={"User-Agent": USER_AGENT, "Accept-Language": "nl, en;q=0.8",
                     "Accept-Encoding": ACCEPT_ENCODING},  # only what scanner.decoding unpacks in bounded steps
            transport=self._transport,
            trust_env=False,  # never route through a proxy from the environment unasked
            event_hooks={"request": [self._check_request], "response": [self._check_peer]},  # on every hop
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                  accept: str = "*/*", private_ok: bool | None = None) -> FetchResult:
        """GET a URL; never raises for network or HTTP problems (they become error codes).

        `private_ok`: may the fetch (and its redirects) reach internal addresses? None decides by the URL
        itself (a source's own address: yes if it is internal); pass the source's `result.private_ok` for
        the articles it links to. The setting allow_private_hosts allows them always.
        """
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = _host(url)
        if not host or urlsplit(url).scheme not in ("http", "https"):
            return FetchResult(url, error_code="invalid_url", error_params={"url": url[:200]})
        started = time.monotonic()
        async with self._hosts[host]:
            try:
                result = await asyncio.wait_for(self._get(url, headers, private_ok), timeout=self.policy.deadline)
            except TimeoutError:
                result = FetchResult(url, error_code="deadline", error_params={"seconds": int(self.policy.deadline)})
            except _RefusedError as exc:
                result = FetchResult(url, error_code=exc.code, error_params=exc.params)
            except (_TooLargeError, BodyTooLargeError) as exc:
                result = FetchResult(url, error_code="too_large", error_params={"limit_mb": exc.limit // MB})
            except UnsupportedEncodingError as exc:
                result = FetchResult(url, error_code="unsupported_encoding", error_params={"encoding": exc.encoding})
            except DamagedBodyError:
                result = FetchResult(url, error_code="damaged_response", error_params={"host": host})
            except httpx.HTTPError as exc:
                result = self._network_error(url, host, exc)
            except (httpx.InvalidURL, ValueError):
                result = FetchResult(url, error_code="invalid_url", error_params={"url": url[:200]})
        result.elapsed = time.monotonic() - started
        return result

    async def _get(self, url: str, headers: dict[str, str], private_ok: bool | None) -> FetchResult:
        assert self._client is not None, "use 'async with Fetcher()'"
        if private_ok is None:
            target = httpx.URL(url)
            self._check_allowed(target.host)  # before any name lookup
            private_ok = await netguard.is_internal_host(target.host, target.port or _default_port(target))
        private_ok = private_ok or self.policy.allow_private_hosts
        async with self._client.stream("GET", url, headers=headers, extensions={_PRIVATE_OK: private_ok}) as response:
            result = FetchResult(str(response.url), status=response.status_code,
                                 headers={k.lower(): v for k, v in response.headers.items()}, private_ok=private_ok)
            if response.history and all(r.status_code in (301, 308) for r in response.history):
                result.moved_to = str(response.url)
            if response.status_code == 304:
                result.not_modified = True
                return result
            if response.status_code >= 400:
                result.error_code = _status_error(response.status_code)
                result.error_params = {"status": response.status_code}
                result.retry_after = parse_retry_after(response.headers.get("retry-after"))
                return result
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.policy.max_bytes:
                raise _TooLargeError(self.policy.max_bytes)
            result.content = await self._read_body(response)
            return result

    async def _read_body(self, response: httpx.Response) -> bytes:
        """The body, unpacked in bounded steps; raises past either cap (on the wire, after unpacking)."""
        decoder = BodyDecoder(response.headers.get("content-encoding", ""), self.policy.max_decoded_bytes)
        pieces: list[bytes] = []
        async for raw in response.aiter_raw():
            if response.num_bytes_downloaded > self.policy.max_bytes:
                raise _TooLargeError(self.policy.max_bytes)
            pieces.extend(decoder.feed(raw))
        pieces.extend(decoder.finish())
        return b"".join(pieces)

    # -- the checks on every hop ------------------------------------------------------------------
    def _check_allowed(self, host: str) -> None:
        allowed = self.policy.allowed_hosts
        if allowed is not None and host.lower() not in allowed:
            raise _RefusedError("blocked_host", {"host": host})

    async def _check_request(self, request: httpx.Request) -> None:
        """Before each request (the first and every redirect): scheme, allowed hosts, internal addresses."""
        url = request.url
        if url.scheme not in ("http", "https"):
            raise _RefusedError("invalid_url", {"url": str(url)[:200]})
        private_ok = bool(request.extensions.get(_PRIVATE_OK))
        literal = netguard.ip_literal(url.host)  # an address as host is refused before the allow-list says so
        if not private_ok and literal is not None and netguard.is_internal_ip(literal):
            raise _RefusedError("internal_address", {"host": url.host})
        self._check_allowed(url.host)
        if not private_ok and await netguard.is_internal_host(url.host, url.port or _default_port(url)):
            raise _RefusedError("internal_address", {"host": url.host})

    async def _check_peer(self, response: httpx.Response) -> None:
        """After connecting: the address actually connected to (a name may resolve differently the second time)."""
        if response.request.extensions.get(_PRIVATE_OK):
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        address = netguard.ip_literal(str(peer[0])) if peer else None
        if address is not None and netguard.is_internal_ip(address):
            raise _RefusedError("internal_address", {"host": response.request.url.host})

    def _network_error(self, url: str, host: str, exc: httpx.HTTPError) -> FetchResult:
        p = self.policy
        if isinstance(exc, httpx.ConnectTimeout):
            return FetchResult(url, error_code="connect_timeout", error_params={"seconds": int(p.connect_timeout)})
        if isinstance(exc, httpx.TimeoutException):
            return FetchResult(url, error_code="read_timeout", error_params={"seconds": int(p.read_timeout)})
        if isinstance(exc, httpx.TooManyRedirects):
            return FetchResult(url, error_code="too_many_redirects", error_params={"limit": p.max_redirects})
        if isinstance(exc, httpx.UnsupportedProtocol):
            return FetchResult(url, error_code="invalid_url", error_params={"url": url[:200]})
        text = str(exc)
        if isinstance(exc, httpx.ConnectError):
            if isinstance(exc.__cause__, ssl.SSLError) or "SSL" in text or "certificate" in text:
                return FetchResult(url, error_code="ssl", error_params={"host": host})
            if "Name or service not known" in text or "getaddrinfo" in text or "nodename" in text:
                return FetchResult(url, error_code="dns", error_params={"host": host})
            return FetchResult(url, error_code="connect_failed", error_params={"host": host})
        return FetchResult(url, error_code="network", error_params={"detail": type(exc).__name__})
