"""Which themes count for an item in trends and ranking: its own, plus confident suggestions."""

from __future__ import annotations

from store.themes.registry import ACTIVE_THEME_SQL

EFFECTIVE_MIN = 0.5  # suggestions at least this confident count in trends, lists and the signal score

# The item has the theme, or automation suggested it confidently and the user did not reject it.
EFFECTIVE_THEME_SQL = (
    f"({ACTIVE_THEME_SQL} OR (t.origin = 'suggested' AND t.decision IS NULL AND t.confidence >= {EFFECTIVE_MIN}))"
)
