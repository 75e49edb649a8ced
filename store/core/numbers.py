"""Numbers as people read them: a decimal comma in Dutch, a point in English, everywhere the same."""

from __future__ import annotations


def decimal(value: float, language: str = "nl", digits: int = 2) -> str:
    """"0,72" in Dutch, "0.72" in English."""
    text = f"{value:.{digits}f}"
    return text if language.startswith("en") else text.replace(".", ",")
