"""Printing results: JSON for scripts, short readable lines for people."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import asdict, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from store.core.models import ItemSummary, SearchHit
from store.core.relative_dates import relative_date
from store.core.timeutil import format_utc


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_utc(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: Any) -> None:
    """Pretty JSON on stdout, UTF-8, dates as ISO 8601 UTC."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def themes_of(item: ItemSummary) -> list[str]:
    """Keys of the themes the item has (not pending suggestions or rejected ones)."""
    return [t.key for t in item.themes if t.active]


def hit_to_json(hit: SearchHit) -> dict[str, Any]:
    item = hit.item
    return {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "source": item.source,
        "published": format_utc(item.published) if item.published else None,
        "language": item.language,
        "score": hit.score,
        "themes": themes_of(item),
        "state": "starred" if item.starred else item.state,
        "example": item.is_example,
        "snippet": hit.snippet.marked(),
        "source_count": item.source_count,
        "story_size": item.story_size,
        "keyword_rank": hit.keyword_rank,
        "semantic_rank": hit.semantic_rank,
        "similarity": None if hit.similarity is None else round(hit.similarity, 4),
    }


def print_hits(hits: list[SearchHit], language: str = "nl") -> None:
    """Numbered results: title, then source · date (as the app's list says it) · themes, then the snippet."""
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    for n, hit in enumerate(hits, start=1):
        item = hit.item
        date = relative_date(item.published, language) or "?"
        marks = " [voorbeeld]" if item.is_example else ""
        print(f"{n:>2}. {item.title}{marks}  (#{item.id})")
        sources = f"{item.source_count} bronnen" if item.source_count > 1 else ""
        meta = " · ".join(x for x in (item.source, sources, date, item.language, ", ".join(themes_of(item))) if x)
        print(f"    {meta}")
        if hit.snippet.text:
            snippet = hit.snippet.marked()
            print("    " + (snippet if len(snippet) <= width - 4 else snippet[: width - 5] + "…"))
        print(f"    {item.url}")


def write_or_print(text: str, output: str | None, what: str) -> None:
    """A citation file's text to `output` (exactly, CRLF kept) with a line saying so, else to stdout."""
    if output:
        Path(output).write_text(text, encoding="utf-8", newline="")
        print(f"Wrote {output} ({what}).")
    else:
        sys.stdout.write(text)
