"""Themes and the themes on items (with origin, confidence and the user's decision)."""

from __future__ import annotations

from collections.abc import Iterable

from store.core.errors import UnknownThemeError
from store.core.models import ItemTheme, Theme
from store.core.timeutil import now_iso, parse_stored
from store.db.connection import Database
from store.themes.defaults import DEFAULT_THEMES

ORIGINS = ("manual", "rule", "suggested")
# An item "has" a theme when it was set by hand or by a rule, or a suggestion was accepted,
# and the user did not reject it.
ACTIVE_THEME_SQL = (
    "(t.decision = 'accepted' OR (t.decision IS NULL AND t.origin != 'suggested'))"
)


def seed_default_themes(database: Database) -> int:
    """Insert the default themes if the table is empty; return how many were added."""
    if database.scalar("SELECT COUNT(*) FROM themes"):
        return 0
    now = now_iso()
    with database.write("themes") as conn:
        for th in DEFAULT_THEMES:
            conn.execute(
                "INSERT INTO themes (key, label_nl, label_en, description_nl, description_en, position, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (th.key, th.label_nl, th.label_en, th.description_nl, th.description_en, th.position, now),
            )
    return len(DEFAULT_THEMES)


def list_themes(database: Database) -> list[Theme]:
    """All themes in their display order."""
    rows = database.query("SELECT * FROM themes ORDER BY position, key")
    return [
        Theme(r["key"], r["label_nl"], r["label_en"] or "", r["description_nl"] or "",
              r["description_en"] or "", r["position"] or 0)
        for r in rows
    ]


def check_theme_keys(database: Database, keys: Iterable[str]) -> list[str]:
    """Return the keys (lower-cased) if all exist; raise UnknownThemeError for the first that does not."""
    known = [t.key for t in list_themes(database)]
    out = []
    for key in keys:
        k = key.strip().lower()
        if k not in known:
            raise UnknownThemeError(key, known)
        out.append(k)
    return out


def item_themes(database: Database, item_ids: list[int], language: str = "nl") -> dict[int, list[ItemTheme]]:
    """Themes per item id (all origins and decisions), in theme order."""
    if not item_ids:
        return {}
    label_col = "label_en" if language == "en" else "label_nl"
    who = ", t.decided_by, t.updated" if database.dialect == "postgres" else ""  # team mode records who decided
    out: dict[int, list[ItemTheme]] = {i: [] for i in item_ids}
    for chunk_start in range(0, len(item_ids), 900):
        chunk = item_ids[chunk_start : chunk_start + 900]
        marks = ",".join("?" * len(chunk))
        rows = database.query(
            f"SELECT t.item_id, t.theme_key, COALESCE(NULLIF(th.{label_col}, ''), th.label_nl) AS label,"
            f" t.origin, t.confidence, t.decision, t.explanation{who} FROM item_themes t"
            f" JOIN themes th ON th.key = t.theme_key"
            f" WHERE t.item_id IN ({marks}) ORDER BY th.position",
            tuple(chunk),
        )
        for r in rows:
            out[r["item_id"]].append(
                ItemTheme(r["theme_key"], r["label"], r["origin"], r["confidence"], r["decision"],
                          r["explanation"] or "", *((r["decided_by"], parse_stored(r["updated"]))
                                                    if who and r["decided_by"] else ()))
            )
    return out


def set_item_theme(
    database: Database,
    item_id: int,
    key: str,
    origin: str = "manual",
    confidence: float | None = None,
    explanation: str = "",
) -> None:
    """Give an item a theme. A manual theme is the user's decision and overrides anything else.

    Automation (rule, suggested) never overrides a decision the user made.
    """
    if origin not in ORIGINS:
        raise ValueError(f"origin must be one of {ORIGINS}")
    decision = "accepted" if origin == "manual" else None
    with database.write("themes", items=[item_id]) as conn:
        existing = conn.execute(
            "SELECT origin, decision FROM item_themes WHERE item_id = ? AND theme_key = ?", (item_id, key)
        ).fetchone()
        if existing and origin != "manual" and not _automation_may_replace(existing[0], existing[1], origin):
            return
        conn.execute(
            "INSERT INTO item_themes (item_id, theme_key, origin, confidence, decision, explanation, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(item_id, theme_key) DO UPDATE SET"
            " origin = excluded.origin, confidence = excluded.confidence, decision = excluded.decision,"
            " explanation = excluded.explanation, updated = excluded.updated",
            (item_id, key, origin, confidence, decision, explanation, now_iso()),
        )


def _automation_may_replace(old_origin: str, old_decision: str | None, new_origin: str) -> bool:
    """Automation may only replace its own undecided work, and a rule outranks a suggestion."""
    if old_decision is not None or old_origin == "manual":
        return False
    return old_origin == "suggested" or new_origin == "rule"


def remove_item_theme(database: Database, item_id: int, key: str) -> None:
    """The user removes a theme: kept as 'rejected' so automation never puts it back."""
    with database.write("themes", items=[item_id]) as conn:
        conn.execute(
            "INSERT INTO item_themes (item_id, theme_key, origin, confidence, decision, explanation, updated)"
            " VALUES (?, ?, 'manual', NULL, 'rejected', '', ?) ON CONFLICT(item_id, theme_key) DO UPDATE SET"
            " decision = 'rejected', updated = excluded.updated",
            (item_id, key, now_iso()),
        )
