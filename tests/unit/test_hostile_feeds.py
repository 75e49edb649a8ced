"""Hostile responses and documents: compression bombs in every encoding and layer, entity attacks hidden from
string checks, broken records. Nothing may read a local file, expand without bound or stop the good entries."""

from __future__ import annotations

import asyncio
import gzip
import importlib.util
import json
import tracemalloc
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from scanner.feeds import parse_feed
from scanner.fetch import MB, Fetcher, FetchPolicy, FetchResult
from scanner.opml import import_opml
from scanner.pipeline import Scanner
from scanner.source_manager import SourceInputError
from store.knowledge_base import KnowledgeBase
from store.sources.registry import add_source, get_source
from tests.feedserver import FeedServer

GB = 1024 * MB
CAP = 4 * MB  # the decoded cap in these tests
LOCAL = frozenset({"127.0.0.1"})
POLICY = FetchPolicy(allowed_hosts=LOCAL, max_decoded_bytes=CAP, read_timeout=5, deadline=20)
HAS_BROTLI = importlib.util.find_spec("brotli") is not None


# -- bombs ------------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _zero_deflate(total: int, block: int = MB) -> tuple[bytes, int, int]:
    """Raw deflate of `total` zero bytes (one compressed block, repeated), with its CRC-32 and Adler-32."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = comp.compress(bytes(block)) + comp.flush(zlib.Z_FULL_FLUSH)  # byte-aligned, history reset
    last = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # an empty final block
    crc, adler = 0, 1
    zeros = bytes(block)
    for _ in range(total // block):
        crc, adler = zlib.crc32(zeros, crc), zlib.adler32(zeros, adler)
    return piece * (total // block) + last, crc, adler


def gzip_zeros(total: int) -> bytes:
    raw, crc, _ = _zero_deflate(total)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + raw + crc.to_bytes(4, "little") + \
        (total & 0xFFFFFFFF).to_bytes(4, "little")


def zlib_zeros(total: int) -> bytes:
    raw, _, adler = _zero_deflate(total)
    return b"\x78\xda" + raw + adler.to_bytes(4, "big")


def brotli_zeros(total: int) -> bytes:
    import brotli

    comp = brotli.Compressor(quality=5)
    block = bytes(MB)
    return b"".join(comp.process(block) for _ in range(total // MB)) + comp.finish()


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[FeedServer]:
    """A local server for the files a test writes into its temporary folder (as /fixtures/<name>)."""
    server = FeedServer(data_dir=tmp_path, lifetime=120).start()
    try:
        yield server
    finally:
        server.stop()


def fetch_measured(url: str, policy: FetchPolicy = POLICY) -> tuple[FetchResult, int]:
    """The fetch's result and the peak of memory Python allocated during it (tracemalloc)."""
    async def run() -> FetchResult:
        async with Fetcher(policy) as fetcher:
            return await fetcher.get(url)

    tracemalloc.start()
    try:
        result = asyncio.run(run())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


BOMBS = {  # name: (Content-Encoding, body)
    "gzip-gzip-3GB": ("gzip, gzip", lambda: gzip.compress(gzip_zeros(3 * GB), mtime=0)),
    "gzip-gzip-gzip": ("gzip, gzip, gzip", lambda: gzip.compress(gzip.compress(gzip_zeros(3 * GB), mtime=0))),
    "x-gzip": ("x-gzip", lambda: gzip_zeros(GB)),
    "deflate-zlib": ("deflate", lambda: zlib_zeros(GB)),
    "deflate-raw": ("deflate", lambda: _zero_deflate(GB)[0]),
    "identity-then-gzip": ("identity, gzip", lambda: gzip_zeros(GB)),
    "br": ("br", lambda: brotli_zeros(256 * MB)),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_compression_bombs_stop_at_the_cap_in_bounded_memory(hostile: FeedServer, tmp_path: Path,
                                                             name: str) -> None:
    encoding, body = BOMBS[name]
    if encoding == "br" and not HAS_BROTLI:
        pytest.skip("the brotli package is not installed (then Horizonscan does not ask for brotli)")
    data = body()
    assert len(data) < 2 * MB  # small on the wire
    (tmp_path / "bomb.xml").write_bytes(data)
    result, peak = fetch_measured(hostile.url(f"/fixtures/bomb.xml?cenc={encoding}"))
    assert result.error_code == "too_large" and result.error_params == {"limit_mb": CAP // MB}
    assert result.content == b""
    # the decoders never held much more than the cap: the cap itself plus a few chunks per layer
    assert peak < 2 * CAP + 8 * MB, f"{peak / MB:.0f} MB allocated while decoding"


def test_the_single_gzip_bomb_stops_in_bounded_memory(feed_server: FeedServer) -> None:
    result, peak = fetch_measured(feed_server.url("/bomb.xml"))
    assert result.error_code == "too_large"
    assert peak < 2 * CAP + 8 * MB, f"{peak / MB:.0f} MB allocated while decoding"


@pytest.mark.parametrize("encoding, pack", [
    ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
    ("deflate", zlib.compress),
    ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send it
    ("GZIP", gzip.compress),
    ("identity", lambda b: b),
    ("utf-8", lambda b: b),  # not an encoding at all: taken as it is, like browsers do
])
def test_layered_and_odd_encodings_decode_correctly(hostile: FeedServer, tmp_path: Path, encoding: str,
                                                    pack) -> None:
    original = (Path(__file__).resolve().parents[1] / "data" / "feeds" / "rss20.xml").read_bytes()
    (tmp_path / "feed.xml").write_bytes(pack(original))
    result, _ = fetch_measured(hostile.url(f"/fixtures/feed.xml?cenc={encoding}"))
    assert result.ok and result.content == original


def test_a_response_exactly_at_the_cap_is_kept_one_byte_more_is_not(hostile: FeedServer, tmp_path: Path) -> None:
    (tmp_path / "exact.xml").write_bytes(gzip.compress(b"x" * CAP))
    (tmp_path / "over.xml").write_bytes(gzip.compress(b"x" * (CAP + 1)))
    assert fetch_measured(hostile.url("/fixtures/exact.xml?cenc=gzip"))[0].content == b"x" * CAP
    assert fetch_measured(hostile.url("/fixtures/over.xml?cenc=gzip"))[0].error_code == "too_large"


def test_a_compression_horizonscan_cannot_unpack_is_a_clear_error(hostile: FeedServer, tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(b"\x1f\x9d\x90<rss")  # LZW ("compress"): no decoder
    result, _ = fetch_measured(hostile.url("/fixtures/feed.xml?cenc=compress"))
    assert result.error_code == "unsupported_encoding" and result.error_params == {"encoding": "compress"}


def test_a_bomb_source_is_marked_failing_with_the_reason(kb: KnowledgeBase, hostile: FeedServer,
                                                         tmp_path: Path) -> None:
    from scanner.messages import describe

    (tmp_path / "bomb.xml").write_bytes(gzip.compress(gzip_zeros(3 * GB), mtime=0))
    sid = add_source(kb.database, "bom", "feed", hostile.url("/fixtures/bomb.xml?cenc=gzip,%20gzip"),
                     fulltext=False).source.id
    summary = Scanner(kb, POLICY).scan()
    assert summary.count("failed") == 1
    source = get_source(kb.database, sid)
    assert source.last_status == "failing" and source.last_error_code == "too_large"
    assert "4 MB" in describe(source.last_error_code, source.last_error_params, "nl")


# -- entities -----------------------------------------------------------------------------------------

SECRET = "GEHEIM-7f3a9c-regel"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def rss(prolog: str, first_title: str, first_text: str = "Tekst.") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{prolog}
<rss version="2.0"><channel><title>Feed</title><link>https://feed.example/</link>
<item><title>{first_title}</title><link>https://feed.example/1</link><description>{first_text}</description></item>
<item><title>Gewoon bericht over huisvesting in Tilburg</title><link>https://feed.example/2</link>
<description>Dit item is onschuldig.</description></item>
</channel></rss>
""".encode()


LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))


def hostile_documents(secret: Path) -> dict[str, bytes]:
    url = secret.as_uri()
    return {
        # a "<rss" in a comment ended the old prolog check before the declarations
        "hidden-root-xxe": rss(f'<!DOCTYPE rss [ <!-- <rss --> <!ENTITY xxe SYSTEM "{url}"> ]>', "Nieuws: &xxe;"),
        "hidden-root-internal": rss('<!DOCTYPE rss [ <!-- <rss --> <!ENTITY a "UITGEBREID"> ]>', "Titel &a;"),
        "hidden-root-laughs": rss(f'<!DOCTYPE rss [ <!-- <rss --> <!ENTITY lol "lol"> {LAUGHS} ]>',
                                  "&lol9;", "&lol9;"),
        "laughs-in-attribute": rss(f'<!DOCTYPE rss [ <!ENTITY lol "lol"> {LAUGHS} ]>',
                                   'Titel<x a="&lol9;"/>'),
        "xxe": rss(f'<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "{url}"> ]>', "Nieuws: &xxe;"),
        "xxe-parameter": rss(f'<!DOCTYPE rss [ <!ENTITY % p SYSTEM "{url}"> %p; ]>', "Titel"),
        # a DOCTYPE and an entity written inside a comment, for a parser that reads declarations with a pattern
        "commented-declarations": rss('<!--\n<!DOCTYPE rss>\n<!ENTITY a "UITGEBREID">\n-->', "Titel &a;"),
        "late-doctype": b"\n  " + rss(f'<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "{url}"> ]>', "Nieuws: &xxe;")
        .replace(b'<?xml version="1.0" encoding="UTF-8"?>\n', b""),
    }


@pytest.mark.parametrize("name", ["hidden-root-xxe", "hidden-root-internal", "hidden-root-laughs",
                                  "laughs-in-attribute", "xxe", "xxe-parameter", "commented-declarations",
                                  "late-doctype"])
def test_entities_are_never_expanded_or_loaded(secret_file: Path, name: str) -> None:
    document = hostile_documents(secret_file)[name]
    tracemalloc.start()
    try:
        feed = parse_feed(document, "http://127.0.0.1:9/feed.xml", "application/rss+xml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    text = " ".join(e.title + e.summary_html + e.content_html for e in feed.entries)
    assert SECRET not in text and "UITGEBREID" not in text and "lollol" not in text
    assert peak < 20 * MB, f"{peak / MB:.0f} MB while parsing"
    # the rest of the feed is still read, and the user learns why something is missing
    assert any(e.title.startswith("Gewoon bericht") for e in feed.entries)
    if name != "commented-declarations":  # (declarations in a comment are no declarations)
        assert feed.warning_code == "entities_removed"


def test_feedparser_reads_with_a_parser_that_refuses_entities() -> None:
    import xml.sax

    import feedparser

    parser = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    handler = xml.sax.handler.ContentHandler()
    parser.setContentHandler(handler)
    with pytest.raises(xml.sax.SAXException):
        parser.feed(b'<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>')
        parser.close()


@pytest.mark.parametrize("name", ["hidden-root-xxe", "hidden-root-laughs", "xxe", "xxe-parameter"])
def test_opml_import_reads_no_entities(kb: KnowledgeBase, secret_file: Path, name: str) -> None:
    prolog = hostile_documents(secret_file)[name].split(b"\n<rss version")[0]
    document = prolog + b"""<opml version="2.0"><head><title>Lijst</title></head><body>
<outline text="Feed &xxe;" title="Feed" type="rss" xmlUrl="https://feed.example/rss"/>
<outline text="Tweede" title="Tweede" type="rss" xmlUrl="https://tweede.example/rss"/>
</body></opml>""".replace(b"&xxe;", b"&xxe;" if b"xxe" in prolog else b"&lol9;" if b"lol9" in prolog else b"")
    try:
        report = import_opml(kb, document)
    except SourceInputError as exc:  # refused as a whole, with a clear reason
        assert exc.code in ("opml_damaged", "opml_entities")
        assert SECRET not in str(exc)
        return
    names = " ".join(s.name for s in report.added)
    assert SECRET not in names and "lollol" not in names
    assert {s.url for s in report.added} == {"https://feed.example/rss", "https://tweede.example/rss"}


# -- broken records ---------------------------------------------------------------------------------


def json_feed(items: list) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "JSON", "items": items}).encode()


def test_json_feed_with_a_lone_surrogate_and_absurd_dates_keeps_the_good_records(kb: KnowledgeBase,
                                                                                hostile: FeedServer,
                                                                                tmp_path: Path) -> None:
    items = [
        {"id": "1", "url": "https://feed.example/1", "title": "Kapot \ud800 teken", "content_text": "Tekst een."},
        {"id": "2", "url": "https://feed.example/2", "title": "Jaar een", "content_text": "Tekst twee.",
         "date_published": "0001-01-01T00:00:00+14:00"},
        {"id": "3", "url": "https://feed.example/3", "title": "Jaar 9999", "content_text": "Tekst drie.",
         "date_published": "9999-12-31T23:59:59-14:00"},
        "geen object",
        {"id": "5", "url": "https://feed.example/5\udfff", "title": "Goed", "content_text": "Tekst vijf.",
         "date_published": "2026-11-20T10:00:00+01:00"},
    ]
    (tmp_path / "feed.json").write_bytes(json_feed(items))
    sid = add_source(kb.database, "json", "feed", hostile.url("/fixtures/feed.json"), fulltext=False).source.id
    summary = Scanner(kb, POLICY).scan()
    assert summary.count("ok") == 1 and summary.items_new == 4
    source = get_source(kb.database, sid)
    assert source.last_warning_code == "entries_repaired"
    assert source.last_warning_params == {"repaired": 4, "skipped": 1}  # 2 texts, 2 dates; 1 not an entry
    rows = {r["title"]: r for r in kb.database.query("SELECT title, published_estimated FROM items")}
    assert "Kapot \ufffd teken" in rows
    assert rows["Jaar een"]["published_estimated"] == 1 and rows["Jaar 9999"]["published_estimated"] == 1
    assert rows["Goed"]["published_estimated"] == 0


def test_rss_and_atom_entries_with_absurd_dates_are_kept_undated(kb: KnowledgeBase, hostile: FeedServer,
                                                                 tmp_path: Path) -> None:
    (tmp_path / "rss.xml").write_bytes(b"""<?xml version="1.0"?><rss version="2.0"><channel><title>R</title>
<item><title>Jaar een</title><link>https://r.example/1</link><pubDate>Mon, 01 Jan 0001 00:00:00 +1400</pubDate></item>
<item><title>Jaar 9999</title><link>https://r.example/2</link><pubDate>Fri, 31 Dec 9999 23:59:59 -1400</pubDate></item>
<item><title>Gewoon</title><link>https://r.example/3</link><pubDate>Fri, 20 Nov 2026 10:00:00 +0100</pubDate></item>
</channel></rss>""")
    (tmp_path / "atom.xml").write_bytes(b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>A</title><id>a</id>
<entry><title>Atom jaar een</title><id>a1</id><link href="https://a.example/1"/>
<updated>0001-01-01T00:00:00+14:00</updated></entry>
<entry><title>Atom jaar 9999</title><id>a2</id><link href="https://a.example/2"/>
<updated>9999-12-31T23:59:59-14:00</updated></entry></feed>""")
    for name in ("rss.xml", "atom.xml"):
        add_source(kb.database, name, "feed", hostile.url(f"/fixtures/{name}"), fulltext=False)
    summary = Scanner(kb, POLICY).scan()
    assert summary.count("ok") == 2 and summary.items_new == 5
    rows = {r["title"]: r["published_estimated"] for r in kb.database.query("SELECT * FROM items")}
    assert rows == {"Jaar een": 1, "Jaar 9999": 1, "Gewoon": 0, "Atom jaar een": 1, "Atom jaar 9999": 1}


@pytest.mark.skipif(not HAS_BROTLI, reason="the brotli package is not installed")
def test_brotli_decodes_correctly(hostile: FeedServer, tmp_path: Path) -> None:
    import brotli

    original = (Path(__file__).resolve().parents[1] / "data" / "feeds" / "rss20.xml").read_bytes() * 50
    (tmp_path / "feed.xml").write_bytes(brotli.compress(original))
    result, _ = fetch_measured(hostile.url("/fixtures/feed.xml?cenc=br"))
    assert result.ok and result.content == original


def test_no_decoder_step_goes_far_past_the_cap() -> None:
    from scanner.decoding import STEP, BodyDecoder, BodyTooLargeError

    decoder = BodyDecoder("gzip, gzip", CAP)
    with pytest.raises(BodyTooLargeError):
        decoder.feed(gzip.compress(gzip_zeros(3 * GB), mtime=0))
    assert CAP < decoder.size <= CAP + STEP  # the cap plus at most one step: never a whole layer at once


def test_a_damaged_packed_body_is_a_clear_error(hostile: FeedServer, tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(gzip.compress(b"<rss/>")[:10] + b"\xff" * 200)  # block type 3: invalid
    result, _ = fetch_measured(hostile.url("/fixtures/feed.xml?cenc=gzip"))
    assert result.error_code == "damaged_response" and result.error_params == {"host": "127.0.0.1"}


def test_an_unreadable_prolog_with_entities_is_refused() -> None:
    document = (b'Warning: PHP notice\n<!DOCTYPE rss [<!ENTITY a "AAAA">]><rss version="2.0"><channel>'
                b"<title>&a;</title><item><title>&a;&a;</title></item></channel></rss>")
    assert parse_feed(document, "http://127.0.0.1:9/feed.xml", "application/rss+xml").error_code == "unsafe_xml"


@pytest.mark.parametrize("code, params", [
    ("too_large", {"limit_mb": 50}), ("unsupported_encoding", {"encoding": "zstd"}),
    ("damaged_response", {"host": "feed.example"}), ("internal_address", {"host": "10.0.0.5"}),
    ("unsafe_xml", {}), ("entries_repaired", {"repaired": 2, "skipped": 1}),
    ("entries_deferred", {"read": 500, "remaining": 49500}),
])
def test_new_codes_are_explained_in_both_languages(code: str, params: dict) -> None:
    from scanner.messages import MESSAGES, describe

    assert code in MESSAGES
    for language in ("nl", "en"):
        text = describe(code, params, language)
        assert text and "{" not in text and all(str(v) in text for v in params.values())
    assert describe(code, params, "nl") != describe(code, params, "en")
