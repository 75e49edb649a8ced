"""Which automation steps an item still needs: written with the item, cleared step by step
(the steps themselves run in store.automation)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

STORIES, RULES, MENTIONS, SUGGESTIONS = 1, 2, 4, 8
ALL_STEPS = STORIES | RULES | MENTIONS | SUGGESTIONS


def mark_pending(conn: sqlite3.Connection, added: Sequence[int], updated: Sequence[int]) -> None:
    """Inside the write that stores the items: every step is still to do (a changed item is not grouped
    into a story again, so that step counts as done for it unless an earlier run left it open)."""
    sql = ("INSERT INTO automation_pending (item_id, steps_done) VALUES (?, ?) ON CONFLICT(item_id)"
           " DO UPDATE SET steps_done = automation_pending.steps_done & excluded.steps_done")
    conn.executemany(sql, [(i, 0) for i in added] + [(i, STORIES) for i in updated])
