"""Theme suggestions on the labelled evaluation set: top-1 accuracy and macro-F1 by cross-validation.

Usage: python benchmarks/eval_suggestions.py [--data FILE] [--model SPEC] [--folds 5] [--repeats 3]
The default data is the development corpus; benchmarks/data/themes_eval.jsonl is the
held-out set (written apart from the seed examples, with items about none of our themes).
For N = 0, 5 and 20 confirmed examples per theme (drawn from the training folds and tagged
by hand through the store, as a user would), the store's own suggestion model ranks the
themes of every held-out item. Reports top-1 accuracy (the primary theme; and any of the
item's themes), macro-F1 (predicted set: themes with confidence >= 0.5, at least the top
one), the expected calibration error of the confidences, and for items about none of our
themes the share that gets no suggestion at or above the display threshold.
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
from store.themes.suggestions import SUGGEST_MIN, build_model  # noqa: E402
from store.vectors.embedders import create_embedder  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "eval_corpus.jsonl"


def load(kb: KnowledgeBase, path: Path, half: str = "all") -> tuple[list[int], list[list[str]]]:
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    if half != "all":  # the first half calibrates, the second half is held out
        records = records[: len(records) // 2] if half == "first" else records[len(records) // 2 :]
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


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    a, b = 1.0, 0.0
    for _ in range(5000):
        p = 1 / (1 + np.exp(-(a * z + b)))
        a -= 0.5 * np.mean((p - y) * z)
        b -= 0.5 * np.mean(p - y)
    return a, b


def calibrate(gate: list[tuple[np.ndarray, np.ndarray]], themes: list[tuple[np.ndarray, np.ndarray]]) -> None:
    """Fit sigmoid(a * logit + b) on the held-out folds of every stage (0, 5 and 20 confirmed), so that
    confidences stay calibrated as the user confirms: the gate to 'about our field at all', the theme
    models (on the items about our field) to whether each theme fits."""
    ga, gb = _platt(np.concatenate([z for z, _ in gate]), np.concatenate([y for _, y in gate]))
    a, b = _platt(np.concatenate([z for z, _ in themes]), np.concatenate([y for _, y in themes]))
    print(f"Platt scaling: gate a={ga:.3f} b={gb:.3f}; themes a={a:.3f} b={b:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--confirm", choices=("all", "primary"), default="all",
                        help="confirm all of an example's themes, or only its primary one")
    parser.add_argument("--half", choices=("first", "second", "all"), default="all",
                        help="use only the first (calibration) or second (held-out) half of the data")
    parser.add_argument("--calibrate", action="store_true",
                        help="fit the Platt scaling on this data (all stages) and print it")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase.open(tmp, embedder=create_embedder(args.model))
        ids, labels = load(kb, args.data, args.half)
        keys = [t.key for t in kb.themes()]
        truth = np.array([[k in lab for k in keys] for lab in labels], dtype=float)
        primary = np.array([keys.index(lab[0]) if lab else -1 for lab in labels])
        none = primary == -1
        print(f"embedder: {kb.embedder.name}; {len(ids)} labelled items, {len(keys)} themes; "
              f"{args.folds}-fold cross-validation x {args.repeats}")
        print(f"{int(none.sum())} items about none of our themes")
        gate_logits: list[tuple[np.ndarray, np.ndarray]] = []
        theme_logits: list[tuple[np.ndarray, np.ndarray]] = []
        print("| confirmed per theme | top-1 (primary) | top-1 (any of its themes) | macro-F1 | ECE |"
              " none: no suggestion | in-domain: suggested |")
        print("|---|---|---|---|---|---|---|")
        for n_confirmed in (0, 5, 20):
            acc, acc_any, f1s, confs, truths, quiet, shown = [], [], [], [], [], [], []
            for repeat in range(args.repeats):
                rng = np.random.default_rng(repeat)
                order = rng.permutation(len(ids))
                for fold in range(args.folds):
                    test = order[fold :: args.folds]
                    train = np.setdiff1d(order, test)
                    with kb.database.write() as conn:
                        conn.execute("DELETE FROM item_themes")
                    for t in range(len(keys)):
                        pool = [i for i in train if primary[i] == t]  # in-domain items only
                        for i in rng.permutation(pool)[:n_confirmed]:
                            for key in labels[i][: None if args.confirm == "all" else 1]:
                                set_item_theme(kb.database, ids[i], key, "manual")
                    model = build_model(kb.database, kb.vectors)
                    got, matrix = kb.vectors.vectors_for([ids[i] for i in test])
                    assert got == [ids[i] for i in test]
                    conf = model.confidences(matrix)
                    gate_logits.append((model.gate_logits(matrix), (~none[test]).astype(float)))
                    theme_logits.append((model.logits(matrix)[~none[test]].ravel(), truth[test[~none[test]]].ravel()))
                    if none[test].any():
                        quiet.append(np.mean(conf[none[test]].max(axis=1) < SUGGEST_MIN))
                    test, conf = test[~none[test]], conf[~none[test]]
                    shown.append(np.mean(conf.max(axis=1) >= SUGGEST_MIN))
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
                  f"{ece(np.concatenate(confs), np.concatenate(truths)):.3f} | "
                  f"{np.mean(quiet) if quiet else float('nan'):.3f} | {np.mean(shown):.3f} |")
        if args.calibrate:
            calibrate(gate_logits, theme_logits)
        kb.close()


if __name__ == "__main__":
    main()
