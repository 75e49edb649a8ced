"""Search latency at scale through the public KnowledgeBase API, beside the parts alone.

Usage: python benchmarks/bench_search.py [--sizes 100000] [--queries 200] [--workdir DIR] [--keyword-only]

Corpora are synthetic (benchmarks/synthetic.py: news-length texts recombined from the bundled
corpora) and built once per size in --workdir (reused when kept): items through the ingest API,
item vectors and passage vectors derived from real embeddings of pool texts plus noise (embedding a
100k corpus for real takes hours on this machine), the item vectors in the Chroma index. Queries are
embedded for real. Per mode (keyword, semantic, hybrid), with and without filters, and for "typing"
(the prefixes a search-as-you-type bar sends: "huis", "huisvesting arb", ..., with the desktop's 500
rows of which the first 40 get snippets at once), it reports p50/p95,
and the parts alone: embedding the query, a Chroma kNN query, one FTS5 ranked query. The ratios
against the parts are what carry over to another machine. --keyword-only builds and searches
items without vectors (keyword mode and the keyword index alone): a corpus of a million items is
built in about half an hour that way, with its vectors in hours.
"""

from __future__ import annotations

import argparse
import inspect
import random
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import load_pool  # noqa: E402
from store.core.models import NewItem, SearchFilters  # noqa: E402
from store.db.connection import NO_FILTER  # noqa: E402
from store.items.fts import keyword_ranking  # noqa: E402
from store.items.ingest import ingest  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.search.query_parser import parse_query  # noqa: E402
from store.vectors.passages import deep_passages, passages_hash  # noqa: E402
from store.vectors.vector_store import VectorStore, embedding_text, to_blob  # noqa: E402

QUERIES = [
    "huisvesting arbeidsmigranten Tilburg", "malafide uitzendbureaus", "short stay vergunning",
    "Arbeidsinspectie controle", "labour shortage logistics", "Poolse werknemers", "SNF keurmerk",
    "\"short stay\" Helmond", "dakloze EU-werknemers", "certificering uitzendbranche",
    "woningnood arbeidsmigranten gemeente", "registratie BRP tijdelijke werknemers", "Wtta toelating",
    "uitbuiting vleesverwerking", "vakbond FNV uitzendkrachten",
]
CHUNK = 10_000
# as the desktop asks while typing: 500 rows, snippets for the first 40 (code from before this option: all)
TYPING = {"limit": 500, **({"snippet_rows": 40}
                            if "snippet_rows" in inspect.signature(KnowledgeBase.search).parameters else {})}


def corpus_items(n: int, seed: int = 2) -> Iterator[list[NewItem]]:
    """n synthetic news-length items, in chunks (a million items do not fit in memory as objects)."""
    rng = random.Random(seed)
    titles, paragraphs = load_pool()
    start = datetime(2024, 1, 1, tzinfo=UTC).timestamp()
    span = 3 * 365 * 86400  # three years of news
    for first in range(0, n, CHUNK):
        chunk = []
        for i in range(first, min(n, first + CHUNK)):
            text = "\n\n".join(rng.sample(paragraphs, rng.randint(4, 8)))
            chunk.append(NewItem(
                url=f"https://bench.example/{seed}/{i}", title=f"{rng.choice(titles)} ({i})", text=text,
                published=datetime.fromtimestamp(start + span * i / n, UTC), source=f"Bron {rng.randrange(40):02d}",
                language="nl"))
        yield chunk


def build_corpus(kb: KnowledgeBase, n: int, pool: np.ndarray | None, rng: np.random.Generator) -> None:
    """Items, item vectors (SQLite and Chroma) and passage vectors (SQLite) for n synthetic items; without
    a pool, the items alone."""
    store = VectorStore(kb.database, kb.data_dir, kb.embedder)  # not kb.vectors: that would embed everything
    done = int(kb.database.scalar("SELECT COUNT(*) FROM items") or 0)
    for number, chunk in enumerate(corpus_items(n)):
        if (number + 1) * CHUNK <= done:
            continue  # built before (a long build can be resumed)
        ingest(kb.database, None, chunk)
        if pool is None:
            print(f"  built {min(n, (number + 1) * CHUNK):,} of {n:,} items", file=sys.stderr, flush=True)
            continue
        rows = kb.database.query("SELECT id, title, summary, full_text FROM items WHERE id > ? ORDER BY id",
                                 (number * CHUNK,))
        store.store_vectors([(r[0], embedding_text(r[1], r[2] or "", r[3] or "")) for r in rows],
                            _noisy(pool, rng, len(rows)))
        fill_passages(kb, [r[0] for r in rows], pool, rng)
        print(f"  built {min(n, (number + 1) * CHUNK):,} of {n:,} items", file=sys.stderr, flush=True)
    with kb.database.write("items") as conn:  # the automation of these items is not what is measured
        conn.execute("DELETE FROM automation_pending")
    kb.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def fill_passages(kb: KnowledgeBase, ids: list[int], pool: np.ndarray, rng: np.random.Generator) -> None:
    """Passage vectors for these items (pool vectors plus noise), so opening the store embeds nothing."""
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows = kb.database.query(f"SELECT id, summary, full_text FROM items WHERE id IN ({','.join('?' * len(chunk))})",
                                 tuple(chunk))
        passages = {r[0]: deep_passages(r[2] or "", r[1] or "") for r in rows}
        flat = [(i, k) for i in passages for k in range(len(passages[i]))]
        vectors = _noisy(pool, rng, len(flat))
        with kb.database.write("vectors") as conn:
            conn.executemany("INSERT OR REPLACE INTO passage_vectors (item_id, seq, model, vector) VALUES (?, ?, ?, ?)",
                             [(i, k, kb.embedder.name, to_blob(v)) for (i, k), v in zip(flat, vectors, strict=True)])
            conn.executemany("UPDATE embeddings SET passages_hash = ? WHERE item_id = ?",
                             [(passages_hash(p), i) for i, p in passages.items()])


def build_search_corpus(kb: KnowledgeBase, n: int) -> None:
    """A corpus of n items with every vector a search needs (also used by bench_desktop.py)."""
    build_corpus(kb, n, pool_vectors(kb), np.random.default_rng(0))


def pool_vectors(kb: KnowledgeBase) -> np.ndarray:
    """Real embeddings of 2,000 pool texts: the synthetic vectors are these plus noise."""
    titles, paragraphs = load_pool()
    return kb.embedder.embed([f"{t}\n{p}" for t, p in zip(titles[:2000], paragraphs[:2000], strict=False)])


def _noisy(pool: np.ndarray, rng: np.random.Generator, count: int) -> np.ndarray:
    base = pool[rng.integers(0, len(pool), count)]
    vectors = base + rng.normal(0, 0.03, base.shape).astype(np.float32)
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def typing_prefixes(query: str) -> list[str]:
    """What a search bar sends while the query is typed: a pause after every few characters."""
    return [query[:end] for end in range(4, len(query) + 1, 4)] + [query]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def measure_keyword(kb: KnowledgeBase, queries: int) -> dict:
    """Keyword mode without vectors: the keyword index and the store alone."""
    rng = random.Random(3)
    sources = [r[0] for r in kb.database.query("SELECT name FROM sources ORDER BY id LIMIT 5")]
    filters = SearchFilters(sources=sources[:3], since=datetime(2025, 6, 1, tzinfo=UTC))
    kb.search("opwarmen", mode="keyword")
    out: dict[str, list[float]] = {}
    for _ in range(queries):
        q = rng.choice(QUERIES)
        out.setdefault("keyword", []).append(timed(lambda q=q: kb.search(q, mode="keyword", limit=20)))
        out.setdefault("keyword filtered", []).append(
            timed(lambda q=q: kb.search(q, mode="keyword", filters=filters, limit=20)))
        strict = parse_query(q).strict
        out.setdefault("part: FTS5 ranked (100)", []).append(
            timed(lambda s=strict: keyword_ranking(kb.database, s, NO_FILTER, [], 100)))
    for q in QUERIES:
        for prefix in typing_prefixes(q):
            out.setdefault("typing, keyword, as the desktop asks (500 rows, 40 snippets)", []).append(
                timed(lambda p=prefix: kb.search(p, "keyword", **TYPING)))
    return {name: percentiles(values) for name, values in out.items()}


def measure(kb: KnowledgeBase, queries: int) -> dict:
    rng = random.Random(3)
    sources = [r[0] for r in kb.database.query("SELECT name FROM sources ORDER BY id LIMIT 5")]
    filters = SearchFilters(sources=sources[:3], since=datetime(2025, 6, 1, tzinfo=UTC))
    kb.search("opwarmen")  # opens the index and loads the model
    kb.search("opwarmen", filters=filters)
    out: dict[str, list[float]] = {}
    for _ in range(queries):
        q = rng.choice(QUERIES)
        for mode in ("keyword", "semantic", "hybrid"):
            out.setdefault(mode, []).append(timed(lambda q=q, mode=mode: kb.search(q, mode=mode, limit=20)))
            out.setdefault(f"{mode} filtered", []).append(
                timed(lambda q=q, mode=mode: kb.search(q, mode=mode, filters=filters, limit=20)))
        vector = kb.embedder.embed([q], kind="query")[0]
        out.setdefault("part: embed query", []).append(timed(lambda q=q: kb.embedder.embed([q], kind="query")))
        out.setdefault("part: Chroma kNN (100)", []).append(timed(lambda v=vector: kb.vectors.index.query(v, 100)))
        strict = parse_query(q).strict
        out.setdefault("part: FTS5 ranked (100)", []).append(
            timed(lambda s=strict: keyword_ranking(kb.database, s, NO_FILTER, [], 100)))
    for q in QUERIES:  # typing: every prefix, as the search bar sends them
        for prefix in typing_prefixes(q):
            out.setdefault("typing, hybrid, as the desktop asks (500 rows, 40 snippets)", []).append(
                timed(lambda p=prefix: kb.search(p, **TYPING)))
    return {name: percentiles(values) for name, values in out.items()}


def bench(n: int, queries: int, workdir: Path, keyword_only: bool) -> None:
    path = workdir / (f"keyword-{n}" if keyword_only else f"search-{n}")
    kb = KnowledgeBase.open(path)
    rng = np.random.default_rng(0)
    if kb.database.scalar("SELECT COUNT(*) FROM items") != n:
        start = time.perf_counter()
        build_corpus(kb, n, None if keyword_only else pool_vectors(kb), rng)
        print(f"built {n:,} items in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    missing = [] if keyword_only else VectorStore(kb.database, kb.data_dir, kb.embedder).passages_missing_ids()
    if missing:  # a corpus kept from before passages existed
        fill_passages(kb, missing, pool_vectors(kb), rng)
    kb.close()
    kb = KnowledgeBase.open(path)
    before = rss_mb()
    result = measure_keyword(kb, queries) if keyword_only else measure(kb, queries)
    after = rss_mb()
    kb.close()
    db_mb = sum(p.stat().st_size for p in path.glob("horizonscan.db*")) / 1e6
    vec_mb = folder_mb(path / "vectors")
    print(f"\n{n:,} items; {queries} queries per mode; memory {before:.0f} MB before searching, {after:.0f} MB after;"
          f" disk per 1,000 items: SQLite {db_mb / n * 1000:.1f} MB, Chroma {vec_mb / n * 1000:.1f} MB")
    print("| what | p50 ms | p95 ms |")
    print("|---|---|---|")
    for name, (p50, p95) in result.items():
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")
    if keyword_only:
        print(f"\nratio of p95: keyword / FTS5 query "
              f"{result['keyword'][1] / result['part: FTS5 ranked (100)'][1]:.2f}")
        return
    parts = result["part: embed query"][1] + result["part: Chroma kNN (100)"][1]
    print(f"\nratios of p95: keyword / FTS5 query {result['keyword'][1] / result['part: FTS5 ranked (100)'][1]:.2f};"
          f" semantic / (embed + kNN) {result['semantic'][1] / parts:.2f};"
          f" hybrid / (embed + kNN) {result['hybrid'][1] / parts:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000", help="corpus sizes, comma-separated")
    parser.add_argument("--queries", type=int, default=200, help="queries per mode")
    parser.add_argument("--workdir", type=Path, default=Path("bench-corpora"), help="where corpora are kept")
    parser.add_argument("--keyword-only", action="store_true", help="items without vectors; keyword mode only")
    args = parser.parse_args()
    for size in args.sizes.split(","):
        bench(int(size), args.queries, args.workdir, args.keyword_only)


if __name__ == "__main__":
    main()
