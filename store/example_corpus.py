"""The bundled example corpus: fictional items over 8 weeks, moved so the newest is from the last day."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import datetime, timedelta
from importlib import resources

from store.core.models import NewItem
from store.core.progress import ProgressCallback
from store.core.timeutil import utcnow
from store.importer import ImportReport
from store.items.jsonl_import import LineProblem, parse_record
from store.knowledge_base import KnowledgeBase
from store.themes.registry import set_item_theme

EXAMPLE_MARK = " (voorbeeld)"


def corpus_lines() -> list[str]:
    """The raw JSON lines of the bundled corpus."""
    text = resources.files("store").joinpath("example/corpus.jsonl").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def _shift(items: list[NewItem], now: datetime) -> list[NewItem]:
    """Move every item by the same whole number of days (back or forth) so the newest is from the last day,
    at least two hours before `now`: never in the future, whatever the clock says."""
    newest = max((i.published for i in items if i.published), default=now)
    delta = timedelta(days=(now - timedelta(hours=2) - newest).days)
    return [replace(i, published=i.published + delta) if i.published else i for i in items]


def load_example_corpus(kb: KnowledgeBase, progress: ProgressCallback | None = None,
                        cancel: threading.Event | None = None) -> ImportReport:
    """Add the example items (idempotent: a second run adds nothing).

    Items are flagged as example data and their sources carry "(voorbeeld)".
    Newly added items older than a week get their themes and are marked read, as
    if a colleague had triaged them; the last week is left new for the demo.
    """
    problems: list[LineProblem] = []
    parsed = []
    for number, line in enumerate(corpus_lines(), start=1):
        try:
            parsed.append(parse_record(json.loads(line), number, is_example=True))
        except ValueError as exc:  # a broken bundled line is a packaging bug; report, don't crash
            problems.append(LineProblem(number, str(exc)))
    now = utcnow()
    items = _shift([replace(p.item, source=(p.item.source or "Voorbeeldbron") + EXAMPLE_MARK) for p in parsed], now)
    result = kb.add_items(items, progress=progress, cancel=cancel, total=len(items))
    new_ids = set(result.added_ids)
    cutoff = now - timedelta(days=7)
    for parsed_line, item in zip(parsed, items, strict=True):
        item_id = kb.resolve_item(item.url)
        if item_id not in new_ids or not item.published or item.published >= cutoff:
            continue
        for key in parsed_line.themes:
            set_item_theme(kb.database, item_id, key, "manual")
        with kb.database.write("items") as conn:
            conn.execute("UPDATE items SET state = 'read' WHERE id = ?", (item_id,))
    return ImportReport(result, problems, len(parsed) + len(problems))
