"""Theme suggestions: a linear model per theme, seeded with examples, learning from every decision.

Item vectors are centred on the corpus mean first, which removes what all items share
("this is about labour migration") and leaves what tells themes apart. Two models:

- a gate: is the item about our field at all? Fitted on the themes' descriptions and
  seed texts against off-topic examples (weather, sport, unrelated crime, asylum
  reception...; `seed_examples.py`) and items whose every suggestion the user rejected.
  Confirmations do not move it, so a weather report stays without a suggestion however
  much the user has tagged;
- one logistic model per theme, fitted on each theme's description and seed texts
  (Dutch and English) and every decision: a confirmation is a positive example, a
  rejection pushes that theme away for that item.

A theme's confidence is the gate's probability times the theme's. The seed texts use the
frequent words of the field in every theme, so a word such as "arbeidsmigranten" does not
by itself point to one theme. Both are Platt-scaled per embedder; calibration and accuracy
are measured in benchmarks/eval_suggestions.py.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from store.core.models import Theme
from store.core.text import STOPWORDS, stem, stem_words, tokens
from store.db.connection import Database
from store.themes.registry import list_themes, set_item_theme
from store.themes.seed_examples import NONE_EXAMPLES, SEED_EXAMPLES
from store.vectors.embedders import Embedder
from store.vectors.vector_store import VectorStore

CONFIRMED_WEIGHT = 3.0  # a confirmed item counts as this many seed examples
REJECTED_WEIGHT = 3.0
UNTAGGED_WEIGHT = 0.5  # a theme the user did not give a confirmed item counts this much as "does not fit"
L2 = 0.001  # weight decay of the linear model
FIT_STEPS = 300
LEARNING_RATE = 4.0
MAX_DECISIONS_PER_THEME = 300  # the newest decisions per theme that train the model
# Platt scaling (a, b) of the gate's and the theme models' logits, per embedder, fitted on the
# calibration half of benchmarks/data/themes_eval.jsonl (eval_suggestions.py --calibrate).
GATE_PLATT = {"use-multilingual-v3": (2.702, 0.004)}
PLATT = {"use-multilingual-v3": (1.303, 0.582)}
SUGGEST_MIN = 0.35  # lowest confidence stored as a suggestion
MAX_SUGGESTIONS = 3
MIN_ITEMS_FOR_MEAN = 30


@dataclass(frozen=True)
class Suggestion:
    theme: str
    label: str
    confidence: float
    similar_ids: tuple[int, ...] = ()  # confirmed items of this theme that resemble the item
    words: tuple[str, ...] = ()  # words of the theme's description found in the item

    def explanation_json(self) -> str:
        return json.dumps({"similar": list(self.similar_ids), "words": list(self.words)}, ensure_ascii=False)


@dataclass
class ThemeModel:
    """The gate and one linear model per theme, built from seeds and the user's decisions."""

    themes: list[Theme]
    mean: np.ndarray
    weights: np.ndarray  # (themes, dim): one logistic model per theme
    bias: np.ndarray  # (themes,)
    gate_weights: np.ndarray  # (dim,): about our field at all?
    gate_bias: float
    confirmed: dict[str, np.ndarray] = field(default_factory=dict)  # theme -> centred vectors
    confirmed_ids: dict[str, list[int]] = field(default_factory=dict)
    platt: tuple[float, float] = (1.0, 0.0)
    gate_platt: tuple[float, float] = (1.0, 0.0)

    def confidences(self, vectors: np.ndarray) -> np.ndarray:
        """(items, themes) calibrated confidence that each theme fits each item (independently: an item
        may fit several themes, or none)."""
        a, b = self.platt
        return self.in_field(vectors)[:, None] * _sigmoid(a * self.logits(vectors) + b)

    def in_field(self, vectors: np.ndarray) -> np.ndarray:
        """(items,) calibrated probability that an item is about our field at all."""
        a, b = self.gate_platt
        return _sigmoid(a * self.gate_logits(vectors) + b)

    def logits(self, vectors: np.ndarray) -> np.ndarray:
        """(items, themes) raw scores of the per-theme models."""
        return _centre(vectors, self.mean) @ self.weights.T + self.bias

    def gate_logits(self, vectors: np.ndarray) -> np.ndarray:
        return _centre(vectors, self.mean) @ self.gate_weights + self.gate_bias


def _normalise(v: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.where(norm == 0, 1, norm)


def _centre(vectors: np.ndarray, mean: np.ndarray) -> np.ndarray:
    return _normalise(np.atleast_2d(vectors) - mean)


_TEXT_VECTOR_CACHE: dict[tuple[str, str], np.ndarray] = {}


def _embed_cached(embedder: Embedder, texts: list[str]) -> np.ndarray:
    missing = [t for t in dict.fromkeys(texts) if (embedder.name, t) not in _TEXT_VECTOR_CACHE]
    if missing:
        for text, vector in zip(missing, embedder.embed(missing, kind="passage"), strict=True):
            _TEXT_VECTOR_CACHE[(embedder.name, text)] = vector
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.vstack([_TEXT_VECTOR_CACHE[(embedder.name, t)] for t in texts])


def theme_texts(theme: Theme) -> list[str]:
    """What a theme is known by before any decision: its descriptions and its seed examples."""
    texts = [f"{theme.label_nl}: {theme.description_nl}".strip(": "),
             f"{theme.label_en or theme.label_nl}: {theme.description_en}".strip(": ")]
    return [t for t in texts if t] + list(SEED_EXAMPLES.get(theme.key, ()))


def theme_text_vectors(embedder: Embedder, themes: list[Theme]) -> np.ndarray:
    """One vector per theme: the mean of its description and seed vectors (cached)."""
    return np.vstack([_normalise(_embed_cached(embedder, theme_texts(t)).mean(axis=0)) for t in themes])


_MEAN_CACHE: dict[tuple[str, str], tuple[int, np.ndarray]] = {}
MEAN_REFRESH = 1.2  # recompute the corpus mean when the number of vectors grew by 20%


def corpus_mean(database: Database, vectors: VectorStore, fallback: np.ndarray, sample: int = 5000) -> np.ndarray:
    """The mean item vector (of the newest items); the theme vectors' mean while there are few items.

    Cached per database and embedder until the corpus has grown by a fifth.
    """
    count = vectors.stored_count()
    if count < MIN_ITEMS_FOR_MEAN:
        return fallback.mean(axis=0)
    key = (database.path, vectors.embedder.name)
    cached = _MEAN_CACHE.get(key)
    if cached and cached[0] <= count < cached[0] * MEAN_REFRESH and database.path != ":memory:":
        return cached[1]
    ids = [r[0] for r in database.query("SELECT item_id FROM embeddings WHERE model = ? ORDER BY item_id DESC"
                                        " LIMIT ?", (vectors.embedder.name, sample))]
    _, matrix = vectors.vectors_for(ids)
    mean = matrix.mean(axis=0)
    _MEAN_CACHE[key] = (count, mean)
    return mean


def _decisions(database: Database) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    accepted: dict[str, list[int]] = {}
    rejected: dict[str, list[int]] = {}
    for r in database.query("SELECT item_id, theme_key, decision FROM item_themes WHERE decision IS NOT NULL"
                            " ORDER BY item_id DESC"):
        group = accepted if r[2] == "accepted" else rejected
        if len(group.setdefault(r[1], [])) < MAX_DECISIONS_PER_THEME:
            group[r[1]].append(r[0])
    return accepted, rejected


@dataclass
class _TrainingSet:
    """Examples (rows of x) with per-theme targets (1 fits, 0 does not) and how much each counts."""

    classes: int
    x: list[np.ndarray] = field(default_factory=list)
    target: list[np.ndarray] = field(default_factory=list)
    weight: list[np.ndarray] = field(default_factory=list)

    def add(self, rows: np.ndarray, positive: list[int], weight: float, negative_weight: float | None = None,
            negative: list[int] | None = None) -> None:
        """Rows that fit the `positive` themes; the others count with `negative_weight` (default `weight`),
        or, if `negative` is given, only those themes count as not fitting."""
        target = np.zeros(self.classes, dtype=np.float32)
        target[positive] = 1.0
        if negative is None:
            w = np.full(self.classes, weight if negative_weight is None else negative_weight, dtype=np.float32)
        else:
            w = np.zeros(self.classes, dtype=np.float32)
            w[negative] = weight
        w[positive] = weight
        for row in rows:
            self.x.append(row)
            self.target.append(target)
            self.weight.append(w)


def fit_one_vs_rest(data: _TrainingSet, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """One logistic regression per theme (weighted, with weight decay), by full-batch gradient descent."""
    x = np.asarray(data.x, dtype=np.float32).reshape(-1, dim)
    t = np.asarray(data.target, dtype=np.float32).reshape(-1, data.classes)
    sw = np.asarray(data.weight, dtype=np.float32).reshape(-1, data.classes)
    total = np.maximum(sw.sum(axis=0), 1e-6)
    w = np.zeros((data.classes, dim), dtype=np.float32)
    b = np.zeros(data.classes, dtype=np.float32)
    for _ in range(FIT_STEPS):
        grad = sw * (_sigmoid(x @ w.T + b) - t)
        w -= LEARNING_RATE * ((grad.T @ x) / total[:, None] + L2 * w)
        b -= LEARNING_RATE * grad.sum(axis=0) / total
    return w, b


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def build_model(database: Database, vectors: VectorStore) -> ThemeModel:
    """The theme model as of now: descriptions and seeds plus every decision the user made."""
    themes = list_themes(database)
    embedder = vectors.embedder
    described = theme_text_vectors(embedder, themes)
    mean = corpus_mean(database, vectors, described)
    accepted, rejected = _decisions(database)
    data = _TrainingSet(len(themes))
    gate = _TrainingSet(1)
    confirmed, confirmed_ids = {}, {}
    for n, theme in enumerate(themes):
        seeds = _centre(_embed_cached(embedder, theme_texts(theme)), mean)
        data.add(seeds, [n], 1.0)
        gate.add(seeds, [0], 1.0)
        ids, matrix = vectors.vectors_for(accepted.get(theme.key, []))
        if ids:
            confirmed[theme.key], confirmed_ids[theme.key] = _centre(matrix, mean), ids
    gate.add(_centre(_embed_cached(embedder, list(NONE_EXAMPLES)), mean), [], 1.0)
    key_index = {t.key: n for n, t in enumerate(themes)}
    decided: dict[int, tuple[list[int], list[int]]] = {}
    for key, item_ids in accepted.items():
        for item_id in item_ids:
            decided.setdefault(item_id, ([], []))[0].append(key_index[key]) if key in key_index else None
    for key, item_ids in rejected.items():
        for item_id in item_ids:
            decided.setdefault(item_id, ([], []))[1].append(key_index[key]) if key in key_index else None
    ids, matrix = vectors.vectors_for(list(decided))
    for item_id, row in zip(ids, _centre(matrix, mean) if ids else [], strict=True):
        positive, negative = decided[item_id]
        if positive:  # a confirmed item: other themes count a little (the user may not have tagged them all)
            data.add(row[None, :], positive, CONFIRMED_WEIGHT / len(positive), UNTAGGED_WEIGHT)
        if negative:
            data.add(row[None, :], [], REJECTED_WEIGHT, negative=negative)
            if not positive:  # every theme the user decided on was wrong: likely not our field
                gate.add(row[None, :], [], REJECTED_WEIGHT / len(themes) * len(negative))
    weights, bias = fit_one_vs_rest(data, embedder.dim)
    gate_weights, gate_bias = fit_one_vs_rest(gate, embedder.dim)
    return ThemeModel(themes, mean, weights, bias, gate_weights[0], float(gate_bias[0]), confirmed, confirmed_ids,
                      PLATT.get(embedder.name, (1.0, 0.0)), GATE_PLATT.get(embedder.name, (1.0, 0.0)))


def theme_words(theme: Theme) -> dict[str, str]:
    """Stems of a theme's label and description (both languages) -> a readable word."""
    words: dict[str, str] = {}
    for text in (theme.label_nl, theme.description_nl, theme.label_en, theme.description_en):
        for word in tokens(text):
            if len(word) > 3 and word not in STOPWORDS:
                for lang in ("nl", "en"):
                    words.setdefault(stem(word, lang), word)
    return words


def word_stems(text: str) -> dict[str, tuple[str, str, int]]:
    """word -> (Dutch stem, English stem, count) for every distinct word of a text."""
    counts = Counter(w for w in tokens(text) if len(w) > 3 and w not in STOPWORDS)
    words = list(counts)
    return {w: (nl, en, counts[w]) for w, nl, en in zip(words, stem_words(words, "nl"), stem_words(words, "en"),
                                                         strict=True)}


def matched_words(wanted: dict[str, str], stems: dict[str, tuple[str, str, int]], limit: int = 3) -> tuple[str, ...]:
    """Words of a text (given as `word_stems`) whose stem is among a theme's words, most frequent first."""
    found = [(w, n) for w, (nl, en, n) in stems.items() if nl in wanted or en in wanted]
    return tuple(w for w, _ in sorted(found, key=lambda wn: (-wn[1], wn[0]))[:limit])


def suggest(database: Database, vectors: VectorStore, item_ids: list[int], model: ThemeModel | None = None,
            language: str = "nl", evidence_for: float = 0.0) -> dict[int, list[Suggestion]]:
    """Every theme for every item, most confident first, each with its evidence.

    Evidence (similar items, matched words) is gathered for themes at least `evidence_for` confident.
    """
    model = model or build_model(database, vectors)
    ids, matrix = vectors.vectors_for(item_ids)
    if not ids:
        return {}
    conf = model.confidences(matrix)
    centred = _centre(matrix, model.mean)
    texts = {r[0]: f"{r[1]} {r[2] or ''} {(r[3] or '')[:1500]}" for r in database.query(
        f"SELECT id, title, summary, full_text FROM items WHERE id IN ({','.join('?' * len(ids))})", tuple(ids))}
    wanted = {theme.key: theme_words(theme) for theme in model.themes}
    out: dict[int, list[Suggestion]] = {}
    for row, item_id in enumerate(ids):
        stems = word_stems(texts.get(item_id, ""))
        suggestions = []
        for col, theme in enumerate(model.themes):
            similar: tuple[int, ...] = ()
            if conf[row, col] < evidence_for:
                suggestions.append(Suggestion(theme.key, theme.label(language), round(float(conf[row, col]), 4)))
                continue
            if theme.key in model.confirmed:
                sims = model.confirmed[theme.key] @ centred[row]
                order = [i for i in np.argsort(-sims)
                         if sims[i] >= 0.3 and model.confirmed_ids[theme.key][i] != item_id]
                similar = tuple(model.confirmed_ids[theme.key][i] for i in order[:5])
            suggestions.append(Suggestion(theme.key, theme.label(language), round(float(conf[row, col]), 4),
                                          similar, matched_words(wanted[theme.key], stems)))
        out[item_id] = sorted(suggestions, key=lambda s: -s.confidence)
    return out


def store_suggestions(database: Database, vectors: VectorStore, item_ids: list[int],
                      model: ThemeModel | None = None) -> int:
    """Save the confident suggestions of these items (replacing older undecided ones); returns how many."""
    if not item_ids:
        return 0
    model = model or build_model(database, vectors)
    stored = 0
    for start in range(0, len(item_ids), 500):
        chunk = item_ids[start : start + 500]
        results = suggest(database, vectors, chunk, model, evidence_for=SUGGEST_MIN)
        with database.write("themes", items=chunk) as conn:
            conn.execute(f"DELETE FROM item_themes WHERE origin = 'suggested' AND decision IS NULL AND item_id IN"
                         f" ({','.join('?' * len(chunk))})", tuple(chunk))
            for item_id, suggestions in results.items():
                for s in [s for s in suggestions if s.confidence >= SUGGEST_MIN][:MAX_SUGGESTIONS]:
                    set_item_theme(database, item_id, s.theme, "suggested", s.confidence, s.explanation_json())
                    stored += 1
    return stored

