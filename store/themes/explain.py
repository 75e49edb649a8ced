"""Why an item has (or is suggested) a theme, in one short sentence (Dutch or English)."""

from __future__ import annotations

import json


def explain_theme(origin: str, decision: str | None, explanation: str | None, label: str,
                  language: str = "nl") -> str:
    """The reason behind a theme on an item, from its stored origin and evidence."""
    en = language.startswith("en")
    if origin == "manual":
        if decision == "rejected":
            return "removed by you" if en else "door jou verwijderd"
        return "set by you" if en else "door jou toegekend"
    try:
        evidence = json.loads(explanation or "{}")
    except ValueError:
        evidence = {}
    words = ", ".join(evidence.get("words") or [])
    if origin == "rule":
        rule = evidence.get("rule")
        base = f"rule #{rule}" if en else f"regel #{rule}"
        return f"{base} ({'found' if en else 'gevonden'}: {words})" if words else base
    similar = evidence.get("similar") or []
    if similar:
        n = len(similar)
        text = (f"resembles {n} item{'s' if n != 1 else ''} you marked as {label}" if en
                else f"lijkt op {n} item{'s' if n != 1 else ''} die je als {label} markeerde")
    else:
        text = f"fits the description of {label}" if en else f"past bij de beschrijving van {label}"
    if words:
        text += f" ({'words' if en else 'woorden'}: {words})"
    return text
