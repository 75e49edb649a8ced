"""Rules that give items a theme: list, try, add, apply, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.themes import rules as rule_ops

if TYPE_CHECKING:
    from collections.abc import Iterable

    from store.themes.rules import Rule, RuleTrial


class Rules(Manager):
    """Rules that give items a theme: list, try, add, apply, remove."""

    def add_rule(self, theme: str, match: str, pattern: str, field_name: str = "both") -> Rule:
        """Validate and save a rule."""
        return rule_ops.add_rule(self._db, theme, match, pattern, field_name)

    def get_rule(self, rule_id: int) -> Rule:
        """One rule by id."""
        return rule_ops.get_rule(self._db, rule_id)

    def list_rules(self) -> list[Rule]:
        """Every rule, by theme."""
        return rule_ops.list_rules(self._db)

    def remove_rule(self, rule_id: int) -> None:
        """Delete a rule (themes it gave stay)."""
        return rule_ops.remove_rule(self._db, rule_id)

    def try_rule(self, theme: str, match: str, pattern: str, field_name: str = "both", samples: int = 10) -> RuleTrial:
        """What the rule would do on the stored items, without changing anything."""
        return rule_ops.try_rule(self._db, theme, match, pattern, field_name, samples)

    def apply_rules(self, item_ids: Iterable[int] | None = None, rules: list[Rule] | None = None) -> dict[int, int]:
        """Run enabled rules over the given items (None: all items); returns matches per rule id."""
        return rule_ops.apply_rules(self._db, item_ids, rules)
