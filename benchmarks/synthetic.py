"""Synthetic news items for benchmarks, recombined from the example and evaluation corpora."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store.core.models import NewItem

ROOT = Path(__file__).resolve().parents[1]
POOLS = [ROOT / "store" / "example" / "corpus.jsonl", ROOT / "benchmarks" / "data" / "eval_corpus.jsonl"]
SOURCES = [f"Bron {n:02d}" for n in range(40)]


def load_pool() -> tuple[list[str], list[str]]:
    """Titles and paragraphs of every bundled corpus."""
    titles: list[str] = []
    paragraphs: list[str] = []
    for path in POOLS:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                titles.append(record["title"])
                paragraphs += [p for p in record["text"].split("\n\n") if len(p) > 40]
    if not titles:
        raise SystemExit("No corpus found to build synthetic items from.")
    return titles, paragraphs


def synthetic_items(n: int, seed: int = 7, paragraphs_per_item: tuple[int, int] = (4, 8)) -> list[NewItem]:
    """n news-length items (about 2-4k characters) spread over two years."""
    rng = random.Random(seed)
    titles, paragraphs = load_pool()
    start = datetime(2025, 1, 1, tzinfo=UTC)
    items = []
    for i in range(n):
        k = rng.randint(*paragraphs_per_item)
        text = "\n\n".join(rng.sample(paragraphs, k))
        title = f"{rng.choice(titles)} ({i})"
        items.append(NewItem(
            url=f"https://bench.example/{seed}/{i}", title=title, text=text,
            published=start + timedelta(minutes=7 * i), source=rng.choice(SOURCES), language="nl",
        ))
    return items
