"""Record numbers typed by people: only plain digits within SQLite's integer range are an id."""

from __future__ import annotations

MAX_ID = 2**63 - 1  # SQLite's largest integer


def as_id(ref: object) -> int | None:
    """The id in `ref` ("12", 12), or None when it is not one (a name, "²", a 30-digit number)."""
    text = str(ref).strip()
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= MAX_ID else None
