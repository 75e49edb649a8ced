"""Story clustering on the labelled multi-outlet set: pairwise precision, recall and F1.

Usage: python benchmarks/eval_stories.py [--split dev|heldout|all] [--batches N] [--fit]

Imports benchmarks/data/stories_eval.jsonl into a fresh knowledge base the way `import`
does (all at once, or in N chronological batches to imitate items arriving day by day),
reads every item's story back and scores all pairs of items: a pair is positive when
both report the same labelled event. Events are split in two halves by a hash of their
label: `dev` is for calibration (`--fit` fits the pair model on it), `heldout` for the
figures we report.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.importer import import_stream  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.signals import stories  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "stories_eval.jsonl"
FEATURES = ("cosine", "shared_names", "name_conflict", "shared_numbers", "number_conflict", "short")


def split_of(event: str) -> str:
    return "dev" if hashlib.sha1(event.encode()).digest()[0] % 2 == 0 else "heldout"


def load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def build(records: list[dict], batches: int, model: str | None, tmp: str) -> KnowledgeBase:
    kb = KnowledgeBase.open(tmp, embedder=create_embedder(model))
    ordered = sorted(records, key=lambda r: r["published"])
    size = max(1, -(-len(ordered) // batches))
    for start in range(0, len(ordered), size):
        lines = "\n".join(json.dumps(r) for r in ordered[start : start + size]).encode()
        import_stream(kb, io.BytesIO(lines))
    return kb


def pair_scores(records: list[dict], story_of: dict[str, int | None], split: str) -> dict[str, float]:
    chosen = [r for r in records if split == "all" or split_of(r["event"]) == split]
    tp = fp = fn = 0
    for a, b in itertools.combinations(chosen, 2):
        same = a["event"] == b["event"]
        sa, sb = story_of[a["url"]], story_of[b["url"]]
        grouped = sa is not None and sa == sb
        tp += same and grouped
        fp += grouped and not same
        fn += same and not grouped
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def fit(kb: KnowledgeBase, records: list[dict]) -> None:
    """Fit the pair model's weights (logistic regression) on the dev events' candidate pairs."""
    event_of = {r["url"]: r["event"] for r in records}
    url_of = {row[0]: row[1] for row in kb.database.query("SELECT id, url FROM items")}
    window = stories._window_reports(kb.database, "0000", "9999")
    ids, matrix = kb.vectors.vectors_for(list(window))
    reports = [window[i] for i in ids]
    distinctive = stories._distinctive_names(window)
    sims = matrix @ matrix.T
    rows, labels = [], []
    for i, j in itertools.combinations(range(len(reports)), 2):
        a, b = reports[i], reports[j]
        ea, eb = event_of[url_of[a.item_id]], event_of[url_of[b.item_id]]
        if split_of(ea) != "dev" or split_of(eb) != "dev" or sims[i, j] < 0.3:
            continue
        if a.sources & b.sources or abs(a.published - b.published) > stories.STORY_WINDOW:
            continue
        f = stories.pair_features(a.details, b.details, distinctive, float(sims[i, j]), a.short or b.short)
        rows.append([f[k] for k in FEATURES])
        labels.append(float(ea == eb))
    x, y = np.array(rows), np.array(labels)
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x1.shape[1])
    for _ in range(20000):  # plain gradient descent with a little L2: few features, no library needed
        p = 1 / (1 + np.exp(-(x1 @ w)))
        w -= 0.5 * (x1.T @ (p - y) / len(y) + 0.001 * np.r_[0, w[1:]])
    print(f"{len(y)} candidate pairs ({int(y.sum())} same event)")
    print(f"bias={w[0]:.2f} " + " ".join(f"{k}={v:.2f}" for k, v in zip(FEATURES, w[1:], strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="heldout")
    parser.add_argument("--batches", type=int, default=1, help="import in this many chronological batches")
    parser.add_argument("--model", default=None, help="embedder spec (default: use-multilingual)")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--fit", action="store_true", help="fit the pair model on the dev events")
    args = parser.parse_args()
    records = load(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        kb = build(records, args.batches, args.model, tmp)
        if args.fit:
            fit(kb, records)
        story_of = {row[0]: row[1] for row in kb.database.query("SELECT url, story_id FROM items")}
        name = kb.embedder.name
        kb.close()
    events = {r["event"] for r in records if args.split == "all" or split_of(r["event"]) == args.split}
    s = pair_scores(records, story_of, args.split)
    print(f"embedder: {name}; split: {args.split} ({len(events)} events); batches: {args.batches}")
    print("| pairwise precision | recall | F1 | wrong pairs | missed pairs |")
    print("|---|---|---|---|---|")
    print(f"| {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['fp']} | {s['fn']} |")


if __name__ == "__main__":
    main()
