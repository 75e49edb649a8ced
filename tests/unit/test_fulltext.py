"""Article extraction from pages: the text, and the date with its time and zone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scanner.fulltext import extract_article, page_date

BODY = "<p>" + ("De Arbeidsinspectie legt een boete op aan een uitzendbureau in Oss wegens onderbetaling van "
                "arbeidsmigranten. " * 6) + "</p>"


def page(meta: str) -> str:
    return f"<html><head><title>Boete</title>{meta}</head><body><article><h1>Boete</h1>{BODY}</article></body></html>"


@pytest.mark.clock("2026-11-27 15:00", zone="Europe/Amsterdam")
@pytest.mark.parametrize(("meta", "expected"), [
    ('<meta property="article:published_time" content="2026-11-03T09:00:00+01:00">',
     datetime(2026, 11, 3, 8, 0, tzinfo=UTC)),  # the time is kept (it once became 00:00Z)
    ('<meta name="date" content="2026-11-03">', datetime(2026, 11, 2, 23, 0, tzinfo=UTC)),  # that day, here
    ("", None),
])
def test_the_page_date_keeps_its_time_and_zone(meta: str, expected: datetime | None) -> None:
    article = extract_article(page(meta), "https://news.example/boete")
    assert article is not None and "Arbeidsinspectie" in article.text
    assert article.published == expected


def test_page_date_values() -> None:
    assert page_date("2026-11-03T09:00:00+0100") == datetime(2026, 11, 3, 8, 0, tzinfo=UTC)
    assert page_date("not a date") is None and page_date(None) is None
