"""The themes and the themes on items: list, add, rename, describe, merge, delete, set, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.themes import registry, taxonomy

if TYPE_CHECKING:
    from collections.abc import Iterable

    from store.core.models import ItemTheme, Theme


class Taxonomy(Manager):
    """The themes and the themes on items: list, add, rename, describe, merge, delete, set, remove."""

    def seed_default_themes(self) -> int:
        """Insert the default themes if the table is empty; return how many were added."""
        return registry.seed_default_themes(self._db)

    def list_themes(self) -> list[Theme]:
        """All themes in their display order."""
        return registry.list_themes(self._db)

    def check_theme_keys(self, keys: Iterable[str]) -> list[str]:
        """Return the keys (lower-cased) if all exist; raise UnknownThemeError for the first that does not."""
        return registry.check_theme_keys(self._db, keys)

    def item_themes(self, item_ids: list[int], language: str = "nl") -> dict[int, list[ItemTheme]]:
        """Themes per item id (all origins and decisions), in theme order."""
        return registry.item_themes(self._db, item_ids, language)

    def set_item_theme(
        self, item_id: int, key: str, origin: str = "manual", confidence: float | None = None, explanation: str = ""
    ) -> None:
        """Give an item a theme. A manual theme is the user's decision and overrides anything else."""
        return registry.set_item_theme(self._db, item_id, key, origin, confidence, explanation)

    def remove_item_theme(self, item_id: int, key: str) -> None:
        """The user removes a theme: kept as 'rejected' so automation never puts it back."""
        return registry.remove_item_theme(self._db, item_id, key)

    def add_theme(
        self, key: str, label_nl: str, label_en: str = "", description_nl: str = "", description_en: str = ""
    ) -> Theme:
        """Add a theme at the end of the list; raises ThemeEditError for a bad or existing key."""
        return taxonomy.add_theme(self._db, key, label_nl, label_en, description_nl, description_en)

    def get_theme(self, key: str) -> Theme:
        """One theme by key; raises ThemeEditError if there is none."""
        return taxonomy.get_theme(self._db, key)

    def rename_theme(self, key: str, label: str, language: str = "nl") -> Theme:
        """Change the label shown in Dutch ('nl') or English ('en')."""
        return taxonomy.rename_theme(self._db, key, label, language)

    def describe_theme(self, key: str, description: str, language: str = "nl") -> Theme:
        """Change the description (it is also what zero-shot suggestions compare items with)."""
        return taxonomy.describe_theme(self._db, key, description, language)

    def count_items_with_theme(self, key: str) -> int:
        """Items that have the theme (set by hand or rule, or an accepted suggestion)."""
        return taxonomy.count_items_with_theme(self._db, key)

    def merge_themes(self, source: str, target: str) -> int:
        """Move every item of `source` to `target`, then delete `source`; returns items moved."""
        return taxonomy.merge_themes(self._db, source, target)

    def move_theme(self, key: str, step: int) -> list[str]:
        """Move a theme up (negative step) or down the order (the number keys 1-8); returns the new order."""
        return taxonomy.move_theme(self._db, key, step)

    def delete_theme(self, key: str) -> int:
        """Delete a theme, its item links and its rules; returns how many items lose it."""
        return taxonomy.delete_theme(self._db, key)
