"""Editing the theme taxonomy: add, rename, describe, merge, delete."""

from __future__ import annotations

import re

from store.core.errors import StoreError, UnknownThemeError
from store.core.models import Theme
from store.core.timeutil import now_iso
from store.db.connection import Database
from store.themes.registry import ACTIVE_THEME_SQL, check_theme_keys, list_themes

KEY_RE = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


class ThemeEditError(StoreError):
    """A taxonomy change that cannot be made as asked."""


def add_theme(database: Database, key: str, label_nl: str, label_en: str = "", description_nl: str = "",
              description_en: str = "") -> Theme:
    """Add a theme at the end of the list; raises ThemeEditError for a bad or existing key."""
    key = key.strip().lower()
    if not KEY_RE.match(key):
        raise ThemeEditError(
            f"'{key}' cannot be a theme key: use 1-32 lower-case letters, digits, - or _, starting with a letter."
        )
    if not label_nl.strip():
        raise ThemeEditError("A theme needs a label (the name people see).")
    if key in [t.key for t in list_themes(database)]:
        raise ThemeEditError(f"There already is a theme '{key}'.")
    position = int(database.scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM themes"))
    with database.write("themes") as conn:
        conn.execute(
            "INSERT INTO themes (key, label_nl, label_en, description_nl, description_en, position, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, label_nl.strip(), label_en.strip(), description_nl.strip(), description_en.strip(), position,
             now_iso()),
        )
    return get_theme(database, key)


def get_theme(database: Database, key: str) -> Theme:
    (key,) = check_theme_keys(database, [key])
    return next(t for t in list_themes(database) if t.key == key)


def rename_theme(database: Database, key: str, label: str, language: str = "nl") -> Theme:
    """Change the label shown in Dutch ('nl') or English ('en')."""
    (key,) = check_theme_keys(database, [key])
    if not label.strip():
        raise ThemeEditError("The new label is empty.")
    column = "label_en" if language == "en" else "label_nl"
    with database.write("themes") as conn:
        conn.execute(f"UPDATE themes SET {column} = ? WHERE key = ?", (label.strip(), key))
    return get_theme(database, key)


def describe_theme(database: Database, key: str, description: str, language: str = "nl") -> Theme:
    """Change the description (it is also what zero-shot suggestions compare items with)."""
    (key,) = check_theme_keys(database, [key])
    column = "description_en" if language == "en" else "description_nl"
    with database.write("themes") as conn:
        conn.execute(f"UPDATE themes SET {column} = ? WHERE key = ?", (description.strip(), key))
    return get_theme(database, key)


def count_items_with_theme(database: Database, key: str) -> int:
    """Items that have the theme (set by hand or rule, or an accepted suggestion)."""
    return int(database.scalar(
        f"SELECT COUNT(*) FROM item_themes t WHERE t.theme_key = ? AND {ACTIVE_THEME_SQL}", (key,)) or 0)


def merge_themes(database: Database, source: str, target: str) -> int:
    """Move every item of `source` to `target`, then delete `source`; returns items moved.

    Where an item has both, the user's decision wins: accepted beats rejected beats none.
    """
    source, target = check_theme_keys(database, [source, target])
    if source == target:
        raise ThemeEditError("A theme cannot be merged into itself.")
    moved = count_items_with_theme(database, source)
    with database.write("themes") as conn:
        conn.execute(
            "UPDATE item_themes SET theme_key = ? WHERE theme_key = ? AND item_id NOT IN"
            " (SELECT item_id FROM item_themes WHERE theme_key = ?)", (target, source, target))
        conn.execute(
            "UPDATE item_themes SET decision = 'accepted', origin = 'manual' WHERE theme_key = ? AND item_id IN"
            " (SELECT item_id FROM item_themes WHERE theme_key = ? AND decision = 'accepted')", (target, source))
        conn.execute("DELETE FROM item_themes WHERE theme_key = ?", (source,))
        conn.execute("UPDATE rules SET theme_key = ? WHERE theme_key = ?", (target, source))
        conn.execute("DELETE FROM themes WHERE key = ?", (source,))
    return moved


def delete_theme(database: Database, key: str) -> int:
    """Delete a theme, its item links and its rules; returns how many items lose it."""
    (key,) = check_theme_keys(database, [key])
    losing = count_items_with_theme(database, key)
    with database.write("themes") as conn:
        conn.execute("DELETE FROM item_themes WHERE theme_key = ?", (key,))
        conn.execute("DELETE FROM rules WHERE theme_key = ?", (key,))
        conn.execute("DELETE FROM themes WHERE key = ?", (key,))
    return losing


def move_theme(database: Database, key: str, step: int) -> list[str]:
    """Move a theme `step` places up (negative) or down the order, which decides the sidebar and the
    number keys 1-8; returns the keys in their new order."""
    (key,) = check_theme_keys(database, [key])
    order = [r[0] for r in database.query("SELECT key FROM themes ORDER BY position, key")]
    start = order.index(key)
    target = max(0, min(len(order) - 1, start + step))
    order.insert(target, order.pop(start))
    with database.write("themes") as conn:
        conn.executemany("UPDATE themes SET position = ? WHERE key = ?", [(n, k) for n, k in enumerate(order, 1)])
    return order


__all__ = ["ThemeEditError", "UnknownThemeError", "add_theme", "count_items_with_theme", "delete_theme",
           "describe_theme", "get_theme", "merge_themes", "move_theme", "rename_theme"]
