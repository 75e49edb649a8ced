"""The details that tell two events apart: names (inflected forms meet) and figures (any notation)."""

from __future__ import annotations

import pytest

from store.signals.event_details import event_details, name_key


@pytest.mark.parametrize("a, b", [("Tilburg", "Tilburgu"), ("Tilburg", "Tilburgse"), ("Breda", "Bredy"),
                                  ("FlexaWerk", "FlexaWerku"), ("Oss", "Oss")])
def test_inflected_names_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_different_names_differ() -> None:
    assert name_key("FlexaWerk") != name_key("Karpaten")
    assert name_key("Breda") != name_key("Bergen")


@pytest.mark.parametrize("text, number", [
    ("een boete van € 45.000 voor het bureau", 45000),
    ("a fine of €45,000 for the agency", 45000),
    ("kara w wysokości 45 tys. euro", 45000),
    ("kara 45 000 euro", 45000),
    ("een schade van 1,2 miljoen euro", 1200000),
    ("2.100 bedden in veertien panden", 2100),
])
def test_figures_are_read_in_every_notation(text: str, number: int) -> None:
    assert number in event_details("", text).numbers


def test_years_days_and_small_counts_are_not_figures() -> None:
    details = event_details("", "Op 14 oktober 2026 controleerde de inspectie 3 panden; 2025 was rustiger.")
    assert details.numbers == frozenset()


def test_names_skip_sentence_starts_weekdays_and_nationalities() -> None:
    details = event_details("Boete voor FlexaWerk",
                            "Het uitzendbureau FlexaWerk uit Waalwijk krijgt op Friday een boete. Poolse werknemers "
                            "en Polish-speaking staff van de NVWA. De Arbeidsinspectie controleerde.")
    assert {"flexaw", "waalwi", "nvwa"} <= details.names
    assert not details.names & {"boete", "het", "friday", "poolse", "polish", "de"}
