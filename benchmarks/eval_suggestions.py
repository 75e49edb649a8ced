"""Theme suggestions on the labelled evaluation set: top-1 accuracy and macro-F1 by cross-validation.

Usage: python benchmarks/eval_suggestions.py [--model SPEC] [--folds 5] [--repeats 3]
For N = 0, 5 and 20 confirmed examples per theme (drawn from the training folds and tagged
by hand through the store, as a user would), the store's own suggestion model ranks the
themes of every held-out item. Reports top-1 accuracy (the primary theme; and any of the
item's themes), macro-F1 (predicted set: themes with confidence >= 0.5, at least the top
one) and the expected calibration error of the confidences.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.core.models import NewItem  # noqa: E402
from store.core.timeutil import parse_datetime  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.themes.registry import set_item_theme  # noqa: E402
from store.themes.suggestions import build_model  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "eval_corpus.jsonl"


def load(kb: KnowledgeBase) -> tuple[list[int], list[list[str]]]:
    records = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    kb.add_items([NewItem(url=r["url"], title=r["title"], text=r["text"], guid=r["id"], language=r["language"],
                          published=parse_datetime(r["published"]), source=r["source"]) for r in records])
    ids = [kb.resolve_item(r["url"]) for r in records]
    return ids, [r["themes"] for r in records]


def ece(conf: np.ndarray, truth: np.ndarray, bins: int = 10) -> float:
    total, error = conf.size, 0.0
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        mask = (conf >= lo) & (conf < hi if hi < 1 else conf <= hi)
        if mask.any():
            error += mask.sum() / total * abs(conf[mask].mean() - truth[mask].mean())
    return error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(tmp, embedder=create_embedder(args.model))
        ids, labels = load(kb)
        keys = [t.key for t in kb.themes()]
        truth = np.array([[k in lab for k in keys] for lab in labels], dtype=float)
        primary = np.array([keys.index(lab[0]) for lab in labels])
        print(f"embedder: {kb.embedder.name}; {len(ids)} labelled items, {len(keys)} themes; "
              f"{args.folds}-fold cross-validation x {args.repeats}")
        print("| confirmed per theme | top-1 (primary) | top-1 (any of its themes) | macro-F1 | ECE |")
        print("|---|---|---|---|---|")
        for n_confirmed in (0, 5, 20):
            acc, acc_any, f1s, confs, truths = [], [], [], [], []
            for repeat in range(args.repeats):
                rng = np.random.default_rng(repeat)
                order = rng.permutation(len(ids))
                for fold in range(args.folds):
                    test = order[fold :: args.folds]
                    train = np.setdiff1d(order, test)
                    with kb.database.write() as conn:
                        conn.execute("DELETE FROM item_themes")
                    for t in range(len(keys)):
                        pool = [i for i in train if primary[i] == t]
                        for i in rng.permutation(pool)[:n_confirmed]:
                            for key in labels[i]:
                                set_item_theme(kb.database, ids[i], key, "manual")
                    model = build_model(kb.database, kb.vectors)
                    got, matrix = kb.vectors.vectors_for([ids[i] for i in test])
                    assert got == [ids[i] for i in test]
                    conf = model.confidences(matrix)
                    top = conf.argmax(axis=1)
                    acc.append(np.mean(top == primary[test]))
                    acc_any.append(np.mean(truth[test, top] == 1))
                    predicted = (conf >= 0.5) | (np.eye(len(keys))[top] == 1)
                    f1 = []
                    for t in range(len(keys)):
                        tp = np.sum(predicted[:, t] & (truth[test, t] == 1))
                        fp = np.sum(predicted[:, t] & (truth[test, t] == 0))
                        fn = np.sum(~predicted[:, t] & (truth[test, t] == 1))
                        f1.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
                    f1s.append(np.mean(f1))
                    confs.append(conf.ravel())
                    truths.append(truth[test].ravel())
            print(f"| {n_confirmed} | {np.mean(acc):.3f} | {np.mean(acc_any):.3f} | {np.mean(f1s):.3f} | "
                  f"{ece(np.concatenate(confs), np.concatenate(truths)):.3f} |")
        kb.close()


if __name__ == "__main__":
    main()
