"""Scan benchmark: 500 feeds x 50 items from a local server: first scan, an all-304 rescan, a 10% changed rescan.

Usage: python benchmarks/bench_scan.py [--feeds 500] [--items 50] [--changed 0.1] [--new 5] [--no-fulltext]
The first scan fetches every feed, the article page of every item (full text, trafilatura)
and embeds everything with the real default model. The rescan finds every feed unchanged
(ETag, 304): nothing is parsed or embedded. Then a share of the feeds publishes a few newer
items each (same address, new ETag) and the third scan should cost in proportion to those.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

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
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--no-fulltext", action="store_true", help="do not fetch article pages")
    parser.add_argument("--changed", type=float, default=0.1, help="share of feeds that publish before scan 3")
    parser.add_argument("--new", type=int, default=5, help="newer items each changed feed publishes")
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
        changed = random.Random(5).sample(range(args.feeds), max(1, round(args.feeds * args.changed)))
        with httpx.Client() as client:
            for n in changed:
                client.get(f"{base}/gen-publish/{n}", params={"new": args.new}).raise_for_status()
        t0 = time.perf_counter()
        third = scanner.scan(force=True)
        third_s = time.perf_counter() - t0
        embedded_third = kb.vectors.stored_count() - embedded_after
        kb.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.feeds} feeds x {args.items} items, full text {'off' if args.no_fulltext else 'on'}, "
          f"embedder use-multilingual-v3")
    print("| scan | seconds | sources ok | not modified | new items | items/s | embedded | share of the first scan |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| first | {first_s:.1f} | {first.count('ok')} | {first.count('not_modified')} | {first.items_new} | "
          f"{first.items_new / first_s:.0f} | {embedded} | 1 |")
    print(f"| rescan (all 304) | {second_s:.2f} | {second.count('ok')} | {second.count('not_modified')} | "
          f"{second.items_new} | - | {embedded_after - embedded} more | {second_s / first_s:.3f} |")
    print(f"| rescan, {len(changed)} feeds ({args.changed:.0%}) with {args.new} new items | {third_s:.1f} | "
          f"{third.count('ok')} | {third.count('not_modified')} | {third.items_new} | "
          f"{third.items_new / third_s:.0f} | {embedded_third} more | {third_s / first_s:.3f} |")
    print(f"\nper new item: first scan {first_s / max(first.items_new, 1) * 1000:.1f} ms, changed rescan "
          f"{third_s / max(third.items_new, 1) * 1000:.1f} ms; peak memory (max RSS) {rss:.0f} MB")

if __name__ == "__main__":
    main()
