"""Store benchmark: ingest speed with the real embedder (items/s, size on disk).

Usage: python benchmarks/bench_store.py [--ingest 1000]
Prints a table. Search latency at scale: benchmarks/bench_search.py; the import against the model
alone on the same texts: benchmarks/bench_ingest.py.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import synthetic_items  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ingest", type=int, default=1000, help="items for the ingest benchmark (0 = skip)")
    args = parser.parse_args()
    print(f"embedder: {create_embedder().name}")
    if args.ingest:
        r = bench_ingest(args.ingest)
        print("\nIngest (real default embedder, news-length items, end to end)")
        print("| items | seconds | items/s | SQLite MB / 1,000 items | vector index MB / 1,000 items |")
        print("|---|---|---|---|---|")
        print(f"| {r['n']} | {r['seconds']:.1f} | {r['per_s']:.0f} | {r['db_mb_per_1000']:.2f} | "
              f"{r['vectors_mb_per_1000']:.2f} |")
    print(f"\npeak memory (max RSS): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
