"""Search quality on the Dutch evaluation set: nDCG@5 (and recall@10) per mode.

Usage: python benchmarks/eval_search.py [--model SPEC] [--lead N]
Builds a fresh knowledge base from benchmarks/data/eval_corpus.jsonl, runs every query
of eval_queries.jsonl in the three modes and prints a table (overall, Dutch, English).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.core.models import NewItem  # noqa: E402
from store.core.timeutil import parse_datetime  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.vectors import vector_store as vectors_module  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
MODES = ("keyword", "semantic", "hybrid")


def dcg(gains: list[float]) -> float:
    return sum(g / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    gains = [float(relevant.get(doc, 0)) for doc in ranked[:k]]
    ideal = dcg(sorted(map(float, relevant.values()), reverse=True)[:k])
    return dcg(gains) / ideal if ideal else 0.0


def recall_at(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def load_corpus() -> list[NewItem]:
    items = []
    for line in (DATA / "eval_corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(NewItem(url=r["url"], title=r["title"], text=r["text"], guid=r["id"],
                                 published=parse_datetime(r["published"]), source=r["source"],
                                 language=r["language"]))
    return items


def load_queries() -> list[dict]:
    return [json.loads(x) for x in (DATA / "eval_queries.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]


def evaluate(kb: KnowledgeBase, queries: list[dict]) -> dict[str, dict[str, list[float]]]:
    """Per mode: lists of nDCG@5 and recall@10 for every query, tagged by language."""
    guid_of = {r[0]: r[1] for r in kb.database.query("SELECT id, guid FROM items")}
    scores: dict[str, dict[str, list[float]]] = {}
    for mode in MODES:
        per: dict[str, list[float]] = {"ndcg": [], "ndcg_nl": [], "ndcg_en": [], "recall": []}
        for q in queries:
            hits = kb.search(q["query"], mode=mode, limit=10).hits
            ranked = [guid_of[h.item.id] for h in hits]
            value = ndcg_at(ranked, q["relevant"], 5)
            per["ndcg"].append(value)
            per[f"ndcg_{q['language']}"].append(value)
            per["recall"].append(recall_at(ranked, q["relevant"], 10))
        scores[mode] = per
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="embedder spec (default: use-multilingual)")
    parser.add_argument("--lead", type=int, default=None, help="characters of the lead to embed")
    args = parser.parse_args()
    if args.lead:
        vectors_module.EMBED_LEAD_CHARS = args.lead
    queries = load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(tmp, embedder=create_embedder(args.model))
        kb.add_items(load_corpus())
        scores = evaluate(kb, queries)
        name = kb.embedder.name
        kb.close()
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    n_nl = sum(q["language"] == "nl" for q in queries)
    print(f"embedder: {name}; lead: {vectors_module.EMBED_LEAD_CHARS} chars; "
          f"{len(queries)} queries ({n_nl} Dutch, {len(queries) - n_nl} English)")
    print("| mode | nDCG@5 | nDCG@5 (nl) | nDCG@5 (en) | recall@10 |")
    print("|---|---|---|---|---|")
    for mode in MODES:
        s = scores[mode]
        print(f"| {mode} | {mean(s['ndcg']):.3f} | {mean(s['ndcg_nl']):.3f} | {mean(s['ndcg_en']):.3f} | "
              f"{mean(s['recall']):.3f} |")


if __name__ == "__main__":
    main()
