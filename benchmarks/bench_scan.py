"""Scan benchmark: 200 feeds x 50 items from a local server, first scan and an all-304 second scan.

Usage: python benchmarks/bench_scan.py [--feeds 200] [--items 50] [--no-fulltext]
The first scan fetches every feed, the article page of every item (full text, trafilatura)
and embeds everything with the real default model. The second scan finds every feed
unchanged (ETag, 304): nothing is parsed or embedded.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scanner.fetch import FetchPolicy  # noqa: E402
from scanner.pipeline import Scanner  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from tests.feedserver import FeedServer  # noqa: E402


def _serve(conn, stop) -> None:
    with FeedServer() as server:
        conn.send(server.url("/"))
        stop.wait()


@contextmanager
def server_process():
    """The feed server in its own process, so serving does not compete with the scan for the GIL."""
    parent, child = multiprocessing.Pipe()
    stop = multiprocessing.Event()
    proc = multiprocessing.Process(target=_serve, args=(child, stop), daemon=True)
    proc.start()
    base = parent.recv().rstrip("/")
    try:
        yield base
    finally:
        stop.set()
        proc.join(5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--no-fulltext", action="store_true", help="do not fetch article pages")
    parser.add_argument("--per-host", type=int, default=2, help="concurrent requests per host (all feeds share one)")
    args = parser.parse_args()
    policy = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), per_host=args.per_host)
    with tempfile.TemporaryDirectory() as tmp, server_process() as base:
        kb = KnowledgeBase.open(tmp)
        for n in range(args.feeds):
            kb.sources.add_source(f"Feed {n}", "feed", f"{base}/gen/{n}.xml?items={args.items}",
                       fulltext=not args.no_fulltext)
        kb.embedder.embed(["opwarmen"])  # model loading is start-up, not scanning
        _ = kb.vectors
        scanner = Scanner(kb, policy)
        t0 = time.perf_counter()
        first = scanner.scan()
        first_s = time.perf_counter() - t0
        embedded = kb.vectors.stored_count()
        t0 = time.perf_counter()
        second = scanner.scan(force=True)
        second_s = time.perf_counter() - t0
        embedded_after = kb.vectors.stored_count()
        kb.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.feeds} feeds x {args.items} items, full text {'off' if args.no_fulltext else 'on'}, "
          f"embedder use-multilingual-v3")
    print("| scan | seconds | sources ok | not modified | new items | items/s | embedded |")
    print("|---|---|---|---|---|---|---|")
    print(f"| first | {first_s:.1f} | {first.count('ok')} | {first.count('not_modified')} | {first.items_new} | "
          f"{first.items_new / first_s:.0f} | {embedded} |")
    print(f"| second (all 304) | {second_s:.2f} | {second.count('ok')} | {second.count('not_modified')} | "
          f"{second.items_new} | - | {embedded_after - embedded} more |")
    print(f"\nsecond scan is {first_s / second_s:.0f}x faster; peak memory (max RSS) {rss:.0f} MB")


if __name__ == "__main__":
    main()
