"""Store benchmark: ingest speed with the real embedder, hybrid search latency at 10k/100k items.

Usage: python benchmarks/bench_store.py [--ingest 1000] [--sizes 10000,100000] [--queries 200]
Prints a table. The search corpora are synthetic: texts recombined from the bundled
corpora, vectors derived from real embeddings of those texts plus noise (embedding
100k items for real would take a quarter of an hour); the query is embedded for real.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import synthetic_items  # noqa: E402
from store.items.ingest import ingest  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402
from store.vectors.vector_store import VectorStore, embedding_text  # noqa: E402

QUERIES = [
    "huisvesting arbeidsmigranten Tilburg", "malafide uitzendbureaus", "short stay vergunning",
    "Arbeidsinspectie controle", "labour shortage logistics", "Poolse werknemers", "SNF keurmerk",
    "\"short stay\" Helmond", "dakloze EU-werknemers", "certificering uitzendbranche",
]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def bench_ingest(n: int) -> dict:
    items = synthetic_items(n, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(tmp)
        kb.embedder.embed(["opwarmen"])  # model load is not ingest
        _ = kb.vectors
        start = time.perf_counter()
        result = kb.add_items(items)
        elapsed = time.perf_counter() - start
        kb.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db_mb = (Path(tmp) / "horizonscan.db").stat().st_size / 1e6
        vec_mb = folder_mb(Path(tmp) / "vectors")
        kb.close()
    assert result.added == n
    return {"n": n, "seconds": elapsed, "per_s": n / elapsed, "db_mb_per_1000": db_mb / n * 1000,
            "vectors_mb_per_1000": vec_mb / n * 1000}


def build_search_corpus(kb: KnowledgeBase, n: int) -> None:
    """Insert n items; vectors = real embedding of one of 2,000 pool items + noise."""
    items = synthetic_items(n, seed=2)
    ingest(kb.database, None, items)
    rng = np.random.default_rng(0)
    pool_texts = [embedding_text(i.title, i.summary, i.text) for i in items[:2000]]
    pool = kb.embedder.embed(pool_texts)
    store = VectorStore(kb.database, kb.data_dir, kb.embedder)  # not kb.vectors: that would embed all
    ids = [r[0] for r in kb.database.query("SELECT id FROM items ORDER BY id")]
    for start in range(0, n, 5000):
        chunk = ids[start : start + 5000]
        base = pool[rng.integers(0, len(pool), len(chunk))]
        vecs = base + rng.normal(0, 0.03, base.shape).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        store.store_vectors([(i, "") for i in chunk], vecs.astype(np.float32))
    kb.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def bench_search(n: int, queries: int, workdir: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        tmp = workdir / f"search-{n}" if workdir else Path(scratch)
        kb = KnowledgeBase.open(tmp)
        t0 = time.perf_counter()
        if kb.database.scalar("SELECT COUNT(*) FROM items") != n:  # reuse a kept corpus
            build_search_corpus(kb, n)
        build_s = time.perf_counter() - t0
        kb.close()
        kb = KnowledgeBase.open(tmp)
        kb.search("opwarmen")  # opens the index, loads the model
        rng = random.Random(3)
        timings = {"hybrid": [], "keyword": [], "semantic": []}
        for _ in range(queries):
            q = rng.choice(QUERIES)
            for mode in timings:
                start = time.perf_counter()
                kb.search(q, mode=mode, limit=20)
                timings[mode].append((time.perf_counter() - start) * 1000)
        db_mb = (tmp / "horizonscan.db").stat().st_size / 1e6
        kb.close()
    out = {"n": n, "build_s": build_s, "db_mb_per_1000": db_mb / n * 1000}
    for mode, values in timings.items():
        values.sort()
        out[f"{mode}_p50"] = statistics.median(values)
        out[f"{mode}_p95"] = values[int(0.95 * (len(values) - 1))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ingest", type=int, default=1000, help="items for the ingest benchmark (0 = skip)")
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes for search latency")
    parser.add_argument("--queries", type=int, default=200, help="queries per size and mode")
    parser.add_argument("--workdir", type=Path, help="keep the search corpora here and reuse them")
    args = parser.parse_args()
    print(f"embedder: {create_embedder().name}")
    if args.ingest:
        r = bench_ingest(args.ingest)
        print("\nIngest (real default embedder, news-length items, end to end)")
        print("| items | seconds | items/s | SQLite MB / 1,000 items | vector index MB / 1,000 items |")
        print("|---|---|---|---|---|")
        print(f"| {r['n']} | {r['seconds']:.1f} | {r['per_s']:.0f} | {r['db_mb_per_1000']:.2f} | "
              f"{r['vectors_mb_per_1000']:.2f} |")
    rows = [bench_search(int(s), args.queries, args.workdir) for s in args.sizes.split(",") if s]
    if rows:
        print("\nSearch latency in ms (query embedding included; limit 20)")
        print("| items | hybrid p50 | hybrid p95 | keyword p50 | keyword p95 | semantic p50 | semantic p95 |"
              " SQLite MB / 1,000 | build s |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['n']} | {r['hybrid_p50']:.1f} | {r['hybrid_p95']:.1f} | {r['keyword_p50']:.1f} | "
                  f"{r['keyword_p95']:.1f} | {r['semantic_p50']:.1f} | {r['semantic_p95']:.1f} | "
                  f"{r['db_mb_per_1000']:.2f} | {r['build_s']:.0f} |")
    print(f"\npeak memory (max RSS): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
