"""The topic filter of general news feeds: what it keeps and what it leaves out, with the real model.

Usage: python benchmarks/eval_topic_filter.py [--model use-multilingual] [--margin 0.0]
Data: benchmarks/data/general_feed_eval.jsonl (a general feed: sport, weather, politics... and items on
labour migration, some only in part) and benchmarks/data/themes_eval.jsonl (220 items on our themes and
40 regional items about none of them). Reports per set the share of on-topic items kept (the filter must
never lose one: this is the figure that matters) and the share of off-topic items left out, through the
store's own `filter_on_topic` on a fresh knowledge base with the default themes, rules and watchlist.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.core.models import NewItem  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.sources import topic_filter  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def _records(name: str) -> list[dict]:
    path = DATA / name
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def evaluate(kb: KnowledgeBase, source_id: int, records: list[dict], on_topic) -> dict:
    items = [NewItem(url=r.get("url") or f"https://eval.example/{r['id']}", title=r["title"], text=r["text"],
                     source_id=source_id) for r in records]
    result = kb.filter_on_topic(source_id, items)
    kept = {i.title for i in result.kept}
    on = [r for r in records if on_topic(r)]
    off = [r for r in records if not on_topic(r)]
    lost = [r["title"] for r in on if r["title"] not in kept]
    left_out_by_kind = Counter(r.get("kind", "none") for r in off if r["title"] not in kept)
    total_by_kind = Counter(r.get("kind", "none") for r in off)
    return {"on_topic": len(on), "on_topic_kept": round(1 - len(lost) / max(1, len(on)), 3),
            "off_topic": len(off), "off_topic_left_out": round(sum(left_out_by_kind.values()) / max(1, len(off)), 3),
            "left_out_by_kind": {k: f"{left_out_by_kind[k]}/{n}" for k, n in sorted(total_by_kind.items())},
            "lost": lost}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="use-multilingual")
    parser.add_argument("--margin", type=float, default=topic_filter.MIN_MARGIN)
    args = parser.parse_args()
    topic_filter.MIN_MARGIN = args.margin
    kb = KnowledgeBase(Path(tempfile.mkdtemp()), embedder=create_embedder(args.model))
    source = kb.sources.add_source("Eval", "feed", "https://eval.example/feed", topic_filter=True).source
    report = {
        "general_feed_eval": evaluate(kb, source.id, _records("general_feed_eval.jsonl"), lambda r: r["on_topic"]),
        "themes_eval": evaluate(kb, source.id, _records("themes_eval.jsonl"), lambda r: bool(r["themes"])),
    }
    print(json.dumps({"model": args.model, "margin": args.margin, **report}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
