"""Importing JSON Lines files (and the example corpus) into a knowledge base."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from store.core.errors import UnknownThemeError
from store.core.models import IngestResult
from store.core.progress import ProgressCallback
from store.items.jsonl_import import LineProblem, ParsedLine, count_lines, read_jsonl
from store.knowledge_base import KnowledgeBase
from store.themes.registry import set_item_theme


@dataclass
class ImportReport:
    result: IngestResult
    problems: list[LineProblem] = field(default_factory=list)
    lines_read: int = 0


def import_stream(
    kb: KnowledgeBase,
    stream: IO[bytes],
    total: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    is_example: bool = False,
    apply_themes: bool = True,
) -> ImportReport:
    """Import every good line; themes listed on a line are set by hand on new items."""
    problems: list[LineProblem] = []
    parsed: list[ParsedLine] = []

    def items():
        for line in read_jsonl(stream, problems, is_example):
            parsed.append(line)
            yield line.item

    result = kb.add_items(items(), progress=progress, cancel=cancel, total=total)
    lines_read = len(parsed) + sum(1 for p in problems if not p.kept)
    lines = {line.item.url: line.line for line in parsed}
    problems += [LineProblem(lines.get(url, 0), f"could not be stored ({why})") for url, why in result.rejected]
    if apply_themes:
        _apply_themes(kb, parsed, set(result.added_ids), problems)
    problems.sort(key=lambda p: p.line)
    return ImportReport(result, problems, lines_read)


def _apply_themes(kb: KnowledgeBase, parsed: list[ParsedLine], new_ids: set[int], problems: list[LineProblem]) -> None:
    for line in parsed:
        if not line.themes:
            continue
        item_id = kb.resolve_item(line.item.url)
        if item_id not in new_ids:
            continue
        for key in line.themes:
            try:
                (checked,) = kb.check_themes([key])
            except UnknownThemeError as exc:
                problems.append(LineProblem(line.line, f"{exc} The item was imported without it.", kept=True))
                continue
            set_item_theme(kb.database, item_id, checked, "manual")


def import_file(kb: KnowledgeBase, path: Path, progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None) -> ImportReport:
    """Import a JSON Lines file; raises OSError if it cannot be read."""
    total = count_lines(path)
    with path.open("rb") as fh:
        return import_stream(kb, fh, total, progress, cancel)
