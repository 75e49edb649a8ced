"""Theme suggestions: zero-shot from the theme descriptions, improving with every confirmation.

Each theme has a prototype vector: its description (Dutch and English, embedded), moved
towards the centroid of the items the user confirmed for it (Rocchio) and away from the
items where the user rejected it. Vectors are centred on the corpus mean first, which
removes what all items share ("this is about labour migration") and leaves what tells
themes apart. Softmax over the themes, then Platt scaling, gives a calibrated confidence.
Measured in benchmarks/eval_suggestions.py.
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
from store.vectors.embedders import Embedder
from store.vectors.vector_store import VectorStore

PRIOR_WEIGHT = 6.0  # the description counts as this many confirmed examples
REJECT_WEIGHT = 0.5  # how strongly rejections push a prototype away
TEMPERATURE = 0.08
# Platt scaling of the softmax output, fitted by cross-validation on the labelled evaluation set
# for the default embedder (expected calibration error 0.02). Other embedders: uncalibrated.
PLATT = {"use-multilingual-v3": (0.882, 0.954)}
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
    """Prototypes for all themes, built from descriptions and the user's decisions."""

    themes: list[Theme]
    mean: np.ndarray
    prototypes: np.ndarray  # (themes, dim), centred and normalised
    confirmed: dict[str, np.ndarray] = field(default_factory=dict)  # theme -> centred vectors
    confirmed_ids: dict[str, list[int]] = field(default_factory=dict)
    platt: tuple[float, float] | None = None

    def confidences(self, vectors: np.ndarray) -> np.ndarray:
        """(items, themes) calibrated confidence that each theme fits each item."""
        centred = _centre(vectors, self.mean)
        logits = centred @ self.prototypes.T / TEMPERATURE
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        if self.platt is None:
            return p
        a, b = self.platt
        clipped = np.clip(p, 1e-6, 1 - 1e-6)
        return 1.0 / (1.0 + np.exp(-(a * np.log(clipped / (1 - clipped)) + b)))


def _normalise(v: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.where(norm == 0, 1, norm)


def _centre(vectors: np.ndarray, mean: np.ndarray) -> np.ndarray:
    return _normalise(np.atleast_2d(vectors) - mean)


_THEME_VECTOR_CACHE: dict[tuple[str, str], np.ndarray] = {}


def theme_text_vectors(embedder: Embedder, themes: list[Theme]) -> np.ndarray:
    """One vector per theme: the mean of its Dutch and English label-plus-description (cached)."""
    out = []
    for theme in themes:
        texts = [f"{theme.label_nl}: {theme.description_nl}".strip(": "),
                 f"{theme.label_en or theme.label_nl}: {theme.description_en}".strip(": ")]
        key = (embedder.name, "\n".join(texts))
        if key not in _THEME_VECTOR_CACHE:
            _THEME_VECTOR_CACHE[key] = _normalise(embedder.embed(texts, kind="query").mean(axis=0))
        out.append(_THEME_VECTOR_CACHE[key])
    return np.vstack(out)


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
    for r in database.query("SELECT item_id, theme_key, decision FROM item_themes WHERE decision IS NOT NULL"):
        (accepted if r[2] == "accepted" else rejected).setdefault(r[1], []).append(r[0])
    return accepted, rejected


def build_model(database: Database, vectors: VectorStore) -> ThemeModel:
    """The theme model as of now: descriptions plus every decision the user made."""
    themes = list_themes(database)
    described = theme_text_vectors(vectors.embedder, themes)
    mean = corpus_mean(database, vectors, described)
    accepted, rejected = _decisions(database)
    protos, confirmed, confirmed_ids = [], {}, {}
    for theme, base in zip(themes, _centre(described, mean), strict=True):
        proto = PRIOR_WEIGHT * base
        weight = PRIOR_WEIGHT
        ids, matrix = vectors.vectors_for(accepted.get(theme.key, []))
        if ids:
            centred = _centre(matrix, mean)
            confirmed[theme.key], confirmed_ids[theme.key] = centred, ids
            proto = proto + len(ids) * _normalise(centred.mean(axis=0))
            weight += len(ids)
        neg_ids, neg = vectors.vectors_for(rejected.get(theme.key, []))
        if neg_ids:
            proto = proto - REJECT_WEIGHT * len(neg_ids) * _normalise(_centre(neg, mean).mean(axis=0))
        protos.append(_normalise(proto / weight))
    return ThemeModel(themes, mean, np.vstack(protos), confirmed, confirmed_ids,
                      PLATT.get(vectors.embedder.name))


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

