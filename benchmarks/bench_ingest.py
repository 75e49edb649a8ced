"""Ingest benchmark: end-to-end import against the embedding model alone on the same texts, in one run.

Usage: python benchmarks/bench_ingest.py [--items 1000] [--rounds 2]

Per round, on a fresh store each time, with the real default embedder:
- model alone: the embedder embeds exactly the texts an import of these items must embed (each
  item's title and lead, and its passages after the lead), all in one call, so it batches and
  spreads them over the cores as well as it can;
- import: `KnowledgeBase.add_items`, as `horizonscan import` does (store, keyword index, language,
  embed, vector index, then stories, rules, watchlist and theme suggestions);
- again: the same items once more, plus identical reposts under other addresses and updates that
  leave the embedded text as it was. Nothing of that may reach the model.

Every paragraph is made unique per item, so no vector can be reused within the first import:
the ratio is the import's own overhead, not a cache effect. Prints a markdown table; the
ratio (model seconds / import seconds) is what holds on another machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import synthetic_items  # noqa: E402
from store.core.models import NewItem  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402
from store.vectors.passages import deep_passages  # noqa: E402
from store.vectors.vector_store import embedding_text  # noqa: E402


def unique_items(n: int) -> list[NewItem]:
    """News-length items whose every paragraph is their own (the pool's paragraphs recur otherwise)."""
    out = []
    for i, item in enumerate(synthetic_items(n, seed=11)):
        paragraphs = item.text.split("\n\n")
        text = "\n\n".join(f"{p} (Bericht {i}, alinea {k}.)" for k, p in enumerate(paragraphs))
        out.append(dataclasses.replace(item, text=text))
    return out


def texts_to_embed(items: list[NewItem]) -> list[str]:
    """What an import of these items embeds: each item's lead text and its passages after the lead."""
    texts = []
    for item in items:
        texts.append(embedding_text(item.title, item.summary, item.text))
        texts += deep_passages(item.text, item.summary)
    return texts


class CountingEmbedder:
    """The embedder, counting the texts it is given."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.texts = 0

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def embed(self, texts, kind="passage"):
        self.texts += len(texts)
        return self.inner.embed(texts, kind=kind)


def reposts_and_updates(items: list[NewItem]) -> tuple[list[NewItem], int]:
    """The second delivery: every item again (unchanged), a short feed item for every fourth one that a
    second outlet reposts word for word under its own address, and for every fifth an update that
    rewrites its last paragraph. Returns the items and how many texts must reach the model (one per short
    item, one passage per update)."""
    again = list(items)
    shorts = [NewItem(url=f"https://feed.example/{n}", title=item.title, summary=item.text[:150], language="nl",
                      published=item.published, source="Nieuwsdienst")
              for n, item in enumerate(items) if n % 4 == 0]
    again += shorts + [dataclasses.replace(short, url=short.url.replace("feed.example", "repost.example"),
                                           source="Overnemer") for short in shorts]
    for n, item in enumerate(items):
        if n % 5 == 0:
            paragraphs = item.text.split("\n\n")
            paragraphs[-1] = paragraphs[-1].replace("(Bericht", "(Bijgewerkt bericht")
            again.append(dataclasses.replace(item, text="\n\n".join(paragraphs)))
    updates = sum(1 for n in range(len(items)) if n % 5 == 0)
    return again, len(shorts) + updates


def one_round(items: list[NewItem], texts: list[str], embedder) -> dict:
    start = time.perf_counter()
    embedder.embed(texts, kind="passage")
    model_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        counting = CountingEmbedder(embedder)  # the loaded model, shared
        kb = KnowledgeBase.open(tmp, embedder=counting)  # type: ignore[arg-type]
        _ = kb.vectors  # opens the (empty) index; not import work
        start = time.perf_counter()
        result = kb.add_items(items)
        import_s = time.perf_counter() - start
        embedded_first = counting.texts
        counting.texts = 0
        second, needed = reposts_and_updates(items)
        start = time.perf_counter()
        again = kb.add_items(second)
        again_s = time.perf_counter() - start
        kb.close()
    assert result.added == len(items), result
    return {"model_s": model_s, "import_s": import_s, "embedded_first": embedded_first,
            "again_items": len(second), "again_s": again_s, "embedded_again": counting.texts, "needed": needed,
            "again_added": again.added, "again_duplicates": again.duplicates}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    items = unique_items(args.items)
    texts = texts_to_embed(items)
    embedder = create_embedder()
    embedder.embed(["opwarmen"])  # loading the model is neither side's work
    print(f"embedder: {embedder.name}; {len(items)} items, {len(texts)} texts to embed "
          f"({statistics.mean(len(i.text) for i in items):.0f} characters per item)")
    rounds = [one_round(items, texts, embedder) for _ in range(args.rounds)]
    print("\n| round | model alone s | import s | ratio (model / import) | texts embedded by import |"
          " again: items | again s | texts embedded again |")
    print("|---|---|---|---|---|---|---|---|")
    for n, r in enumerate(rounds, start=1):
        print(f"| {n} | {r['model_s']:.1f} | {r['import_s']:.1f} | {r['model_s'] / r['import_s']:.2f} | "
              f"{r['embedded_first']} of {len(texts)} | {r['again_items']} | {r['again_s']:.1f} | "
              f"{r['embedded_again']} (new texts: {r['needed']}) |")
    best = max(r["model_s"] / r["import_s"] for r in rounds)
    print(f"\nbest ratio {best:.2f}; model alone {len(items) / min(r['model_s'] for r in rounds):.0f} items/s")


if __name__ == "__main__":
    main()
