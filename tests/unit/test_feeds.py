"""Parsing fixture feeds: every format, broken input, and attacks through XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.feeds import parse_feed
from scanner.xml_safety import clean_prolog

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


def parse(name: str, content_type: str = "application/xml"):
    return parse_feed((FEEDS / name).read_bytes(), f"http://127.0.0.1:9/fixtures/{name}", content_type)


@pytest.mark.parametrize("name, count", [("rss20.xml", 5), ("rss091.xml", 3), ("rdf10.xml", 3),
                                         ("atom10.xml", 4), ("utf8_bom.xml", 2)])
def test_formats(name: str, count: int) -> None:
    feed = parse(name)
    assert feed.error_code is None and len(feed.entries) == count
    assert all(e.title for e in feed.entries)


def test_json_feed() -> None:
    feed = parse("jsonfeed11.json", "application/feed+json")
    assert len(feed.entries) == 3 and feed.error_code is None
    assert all(e.link for e in feed.entries)


def test_dates_are_utc() -> None:
    for entry in parse("rss20.xml").entries:
        assert entry.published is not None and entry.published.utcoffset().total_seconds() == 0


def test_malformed_feed_keeps_entries_with_a_warning() -> None:
    feed = parse("malformed.xml")
    assert feed.entries and feed.warning_code == "malformed_feed"
    assert feed.warning_params["entries"] == len(feed.entries)


@pytest.mark.parametrize("name", ["latin1_declared_utf8.xml", "utf8_declared_latin1.xml"])
def test_wrong_encoding_declarations_still_read(name: str) -> None:
    feed = parse(name)
    text = " ".join(e.title + e.summary_html for e in feed.entries)
    assert feed.entries and "\ufffd" not in text and "Ã" not in text
    assert any(ch in text for ch in "éëï")


def test_html_instead_of_feed_offers_the_discovered_feed() -> None:
    feed = parse("html_instead.html", "text/html")
    assert feed.error_code == "html_not_feed"
    assert feed.error_params["feeds"] == ["http://127.0.0.1:9/fixtures/rss20.xml"]


def test_garbage_and_empty_input() -> None:
    assert parse("not_xml.xml").error_code == "not_a_feed"
    assert parse_feed(b"", "http://x", "").error_code == "not_a_feed"
    assert parse_feed(b"{\"not\": \"a feed\"}", "http://x", "application/json").error_code == "not_a_feed"


def test_empty_feed_is_a_warning_not_an_error() -> None:
    feed = parse("empty.xml")
    assert feed.error_code is None and feed.warning_code == "empty_feed"


@pytest.mark.parametrize("name", ["xxe.xml", "xxe_param.xml", "billion_laughs.xml"])
def test_entity_attacks_are_neutralised(name: str) -> None:
    feed = parse(name)
    text = " ".join(e.title + e.summary_html + e.content_html for e in feed.entries)
    passwd_line = Path("/etc/passwd").read_text().splitlines()[0]
    assert passwd_line not in text
    assert "lol" * 50 not in text
    assert feed.warning_code == "entities_removed"


def test_bytes_are_never_taken_for_a_file_name() -> None:
    assert parse_feed(b"/etc/passwd", "http://x", "application/xml").error_code == "not_a_feed"


def test_clean_prolog_keeps_the_declaration_and_everything_from_the_root_on() -> None:
    doc = (b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<!-- <rss --><!DOCTYPE rss [\n<!-- <rss -->\n'
           b'<!ENTITY a "b">]>\n<?xml-stylesheet href="x"?><rss><channel><title>T &a;</title></channel></rss>')
    cleaned, had = clean_prolog(doc)
    assert had and cleaned == (b'<?xml version="1.0" encoding="ISO-8859-1"?>\n\n\n\n'
                               b'<rss><channel><title>T &a;</title></channel></rss>')  # same line numbers
    plain = b"<rss><channel/></rss>"
    assert clean_prolog(plain) == (plain, False)
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>'.encode("utf-16")
    assert clean_prolog(utf16) == ('<?xml version="1.0" encoding="UTF-16"?><rss/>'.encode("utf-16"), True)
