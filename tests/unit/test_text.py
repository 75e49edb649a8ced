"""Folding, stemming, canonical URLs and snippets."""

from __future__ import annotations

from store.core.text import content_hash, fold, lead, stem_text, tokens
from store.core.urls import canonical_url, is_http_url
from store.search.snippets import make_snippet


def test_fold_removes_diacritics_and_case() -> None:
    assert fold("Één Roemeense WERKNEMER") == "een roemeense werknemer"


def test_tokens_split_on_punctuation() -> None:
    assert tokens("'s-Hertogenbosch: short-stay!") == ["s", "hertogenbosch", "short", "stay"]


def test_dutch_stemming_joins_inflections() -> None:
    assert stem_text("huisvesting", "nl") == stem_text("huisvestingen", "nl")
    assert stem_text("arbeidsmigranten", "nl") == stem_text("arbeidsmigrant", "nl")


def test_english_items_use_the_english_stemmer() -> None:
    assert stem_text("housing workers", "en") == "hous worker"


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("Titel", "Tekst  hier") == content_hash("titel", "tekst hier")
    assert content_hash("Titel", "Tekst") != content_hash("Titel", "Andere tekst")


def test_lead_cuts_at_a_word() -> None:
    assert lead("een twee drie vier", 9) == "een twee"


def test_canonical_url_drops_tracking_and_fragment() -> None:
    url = "HTTPS://WWW.Example.NL:443/nieuws/a?utm_source=x&id=3&fbclid=abc&gclid=1#top"
    assert canonical_url(url) == "https://www.example.nl/nieuws/a?id=3"


def test_canonical_url_keeps_meaningful_parameters_and_ports() -> None:
    assert canonical_url("http://example.nl:8080/?page=2") == "http://example.nl:8080/?page=2"
    assert canonical_url("http://example.nl") == "http://example.nl/"


def test_is_http_url() -> None:
    assert is_http_url("https://a.example/x")
    assert not is_http_url("ftp://a.example/x")
    assert not is_http_url("geen url")


def test_snippet_marks_inflected_matches() -> None:
    text = ("Inleiding over iets anders. " * 20) + "De huisvestingen voor arbeidsmigranten in Tilburg zijn vol."
    snippet = make_snippet(text, frozenset({"huisvest", "arbeidsmigrant"}))
    assert "**huisvestingen**" in snippet.marked()
    assert "**arbeidsmigranten**" in snippet.marked()
    assert snippet.text.startswith("… ")


def test_snippet_without_matches_is_the_lead() -> None:
    snippet = make_snippet("Eerste zin. Tweede zin.", frozenset({"niets"}))
    assert snippet.text.startswith("Eerste zin") and not snippet.highlights


def test_snippet_prefix_match() -> None:
    snippet = make_snippet("Nieuwe huisvestingslocatie geopend", frozenset(), ("huisvest",))
    assert snippet.marked() == "Nieuwe **huisvestingslocatie** geopend"


def test_snippet_joins_adjacent_marks() -> None:
    snippet = make_snippet("Een short-stay locatie", frozenset({"short", "stay"}))
    assert snippet.marked() == "Een **short-stay** locatie"
