"""Which themes count for an item in trends and ranking: its own, plus confident suggestions."""

from __future__ import annotations

from store.suggestions import EFFECTIVE_MIN
from store.themes import ACTIVE_THEME_SQL

# The item has the theme, or automation suggested it confidently and the user did not reject it.
EFFECTIVE_THEME_SQL = (
    f"({ACTIVE_THEME_SQL} OR (t.origin = 'suggested' AND t.decision IS NULL AND t.confidence >= {EFFECTIVE_MIN}))"
)
