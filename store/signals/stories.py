"""Stories: reports of one event by different outlets, grouped (never deleted).

Every time items arrive, the items published within a sliding window around them are
clustered again (as the Europe Media Monitor does), starting from the stories that
already exist: a late report joins its event, and two stories that turn out to be one
event are merged. Stories are never split, so a user's view of them stays stable.

Whether two reports are one event is judged from several signals (`pair_probability`):
how close their vectors are, and the details that tell two events on the same topic and
in the same town apart: the named actors and places, and the figures (amounts, counts).
Groups are formed by average linkage, so a chain of loosely similar reports cannot pull
two events together; a wrong merge hides a signal, so precision comes first.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from store.core.timeutil import format_utc, now_iso, parse_stored
from store.db.connection import Database
from store.signals.event_details import EventDetails, event_details
from store.vectors.vector_store import VectorStore

STORY_WINDOW = timedelta(days=3)
SHORT_TEXT_CHARS = 400  # a news-search snippet: too short to carry many details
COMMON_NAME_SHARE = 0.08  # names in more than this share of the window are not distinctive


@dataclass(frozen=True)
class PairModel:
    """A logistic model of 'same event' over pair features, calibrated per embedder.

    Fitted by benchmarks/eval_stories.py --fit on the development half of the labelled
    story set; the held-out half gives the reported precision and recall.
    """

    bias: float
    cosine: float
    shared_names: float
    name_conflict: float
    shared_numbers: float
    number_conflict: float
    short: float
    link: float = 0.5  # pair probability from which two reports are linked
    merge_mean: float = 0.5  # two groups merge when their pairs reach this mean probability...
    veto: float = 0.0  # ...and none of their pairs is below this
    min_cosine: float = 0.35  # pairs below this are never the same event


PAIR_MODELS = {
    "use-multilingual-v3": PairModel(bias=-5.42, cosine=6.14, shared_names=1.42, name_conflict=-0.85,
                                     shared_numbers=2.03, number_conflict=-2.26, short=1.66, min_cosine=0.3),
}
# Other embedders (and the hashing embedder of the tests): vectors alone, strictly.
DEFAULT_PAIR_MODEL = PairModel(bias=-12.0, cosine=15.0, shared_names=1.0, name_conflict=-2.0,
                               shared_numbers=1.0, number_conflict=-1.0, short=0.0, min_cosine=0.6)


def pair_model(embedder_name: str) -> PairModel:
    return PAIR_MODELS.get(embedder_name, DEFAULT_PAIR_MODEL)


@dataclass
class _Report:
    item_id: int
    published: datetime
    sources: frozenset[int]
    story_id: int | None
    details: EventDetails
    short: bool


@dataclass
class _Cluster:
    members: list[int]
    sources: set[int] = field(default_factory=set)


def pair_features(a: EventDetails, b: EventDetails, distinctive: set[str], cosine: float,
                  short: bool) -> dict[str, float]:
    """The signals for one pair of reports (see PairModel)."""
    names_a, names_b = a.names & distinctive, b.names & distinctive
    shared_names = len(names_a & names_b)
    shared_numbers = len(a.numbers & b.numbers)
    return {
        "cosine": cosine,
        "shared_names": min(shared_names, 3),
        "name_conflict": float(bool(names_a) and bool(names_b) and not shared_names),
        "shared_numbers": min(shared_numbers, 2),
        "number_conflict": float(bool(a.numbers) and bool(b.numbers) and not shared_numbers),
        "short": float(short),
    }


def pair_probability(model: PairModel, features: dict[str, float]) -> float:
    z = model.bias + sum(getattr(model, name) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_DETAILS: dict[tuple[str, int], tuple[str, EventDetails, bool]] = {}  # (database, item) -> (content hash, ...)
_DETAILS_SIZE = 60_000


def _window_reports(database: Database, start: str, end: str) -> dict[int, _Report]:
    """The reports published in the window. Their names and figures are remembered per item (and its
    text's hash): every new item looks at the whole window again, and reading and parsing each text
    every time made a scan of many sources slow down as the window filled."""
    rows = database.query(
        "SELECT i.id, i.published, i.story_id, i.content_hash, group_concat(x.source_id) AS sources FROM items i"
        " LEFT JOIN item_sources x ON x.item_id = i.id WHERE i.published BETWEEN ? AND ?"
        " AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = i.source_id AND s.kind = 'indicator')"  # figures
        " GROUP BY i.id, i.published, i.story_id, i.content_hash",
        (start, end),
    )
    place = getattr(database, "path", str(id(database)))
    missing = [r["id"] for r in rows if _DETAILS.get((place, r["id"]), ("",))[0] != r["content_hash"]]
    if len(_DETAILS) + len(missing) > _DETAILS_SIZE:
        _DETAILS.clear()
        missing = [r["id"] for r in rows]
    hashes = {r["id"]: r["content_hash"] for r in rows}
    for chunk_start in range(0, len(missing), 500):
        chunk = missing[chunk_start : chunk_start + 500]
        for r in database.query(f"SELECT id, title, summary, full_text FROM items WHERE id IN"
                                f" ({','.join('?' * len(chunk))})", tuple(chunk)):
            text = r["full_text"] or r["summary"] or ""
            _DETAILS[(place, r["id"])] = (hashes[r["id"]], event_details(r["title"], text),
                                          len(text) < SHORT_TEXT_CHARS)
    reports = {}
    for r in rows:
        published = parse_stored(r["published"])
        if published is None:
            continue
        _, details, short = _DETAILS[(place, r["id"])]
        sources = frozenset(int(s) for s in (r["sources"] or "").split(",") if s)
        reports[r["id"]] = _Report(r["id"], published, sources, r["story_id"], details, short)
    return reports


def _distinctive_names(reports: dict[int, _Report]) -> set[str]:
    counts = Counter(name for r in reports.values() for name in r.details.names)
    most = max(6, int(COMMON_NAME_SHARE * len(reports)))
    return {name for name, n in counts.items() if n <= most}


class _PairLinks:
    """'Same event' probabilities of pairs of reports (by index, i < j), computed when first asked for: a
    window of thousands of reports has millions of pairs, and clustering looks at few of them."""

    def __init__(self, reports: list[_Report], matrix: np.ndarray, model: PairModel, distinctive: set[str]) -> None:
        self.reports, self.matrix, self.model = reports, matrix, model
        self.names = [r.details.names & distinctive for r in reports]  # each report's distinctive names, once
        self.numbers = [r.details.numbers for r in reports]
        self.known: dict[tuple[int, int], float | None] = {}  # None: never the same event

    def get(self, pair: tuple[int, int], default: float = 0.0) -> float:
        if pair not in self.known:
            i, j = pair
            cosine = float(self.matrix[i] @ self.matrix[j])
            self.known[pair] = self.probability(i, j, cosine) if cosine >= self.model.min_cosine else None
        found = self.known[pair]
        return default if found is None else found

    def probability(self, i: int, j: int, cosine: float) -> float | None:
        """pair_features and pair_probability inlined (None: never the same event)."""
        a, b, model = self.reports[i], self.reports[j], self.model
        if a.sources & b.sources or abs(a.published - b.published) > STORY_WINDOW:
            return None
        names, numbers = self.names, self.numbers
        shared_names = len(names[i] & names[j])
        shared_numbers = len(numbers[i] & numbers[j])
        z = model.bias + (model.cosine * cosine + model.shared_names * min(shared_names, 3)
                          + model.name_conflict * float(bool(names[i]) and bool(names[j]) and not shared_names)
                          + model.shared_numbers * min(shared_numbers, 2)
                          + model.number_conflict * float(bool(numbers[i]) and bool(numbers[j]) and not shared_numbers)
                          + model.short * float(a.short or b.short))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def candidates(self, focus: list[int] | None = None, floor: float = 0.0) -> dict[tuple[int, int], float]:
        """The links of every pair that may be one event (or only of pairs with a report in `focus`) whose
        probability reaches `floor`; computed for a block of rows at once."""
        count = len(self.reports)
        rows_all = np.arange(count) if focus is None else np.asarray(sorted(focus), dtype=np.int64)
        in_focus = np.zeros(count, dtype=bool)
        in_focus[rows_all] = True
        features = _PairFeatures(self.reports, self.names, self.numbers)
        out: dict[tuple[int, int], float] = {}
        for start in range(0, len(rows_all), PAIR_BLOCK):
            rows_of = rows_all[start : start + PAIR_BLOCK]
            sims = self.matrix[rows_of] @ self.matrix.T
            # each pair once (a pair of two focus reports from the row of its first), near enough in
            # meaning and time, from different sources
            keep = (sims >= self.model.min_cosine) & (~in_focus[None, :] | (np.arange(count)[None, :] >
                                                                           rows_of[:, None]))
            keep &= np.abs(features.published[rows_of][:, None] - features.published[None, :]) <= \
                STORY_WINDOW.total_seconds()
            keep &= ~features.shared(features.sources, rows_of).astype(bool)
            if not keep.any():
                continue
            probability = features.probability(self.model, rows_of, sims)
            keep &= probability >= floor
            for r, j in zip(*np.nonzero(keep), strict=True):
                i, k = int(rows_of[r]), int(j)
                out[(i, k) if i < k else (k, i)] = float(probability[r, j])
        self.known.update(out)
        return out


PAIR_BLOCK = 256  # reports whose pairs are weighed at once (a block of 256 x 20,000 pairs is about 40 MB)


class _PairFeatures:
    """The pair model's features for blocks of pairs at once: sources, names and figures as sparse 0/1
    matrices, so shared ones are counted by a matrix product."""

    def __init__(self, reports: list[_Report], names: list[frozenset[str]],
                 numbers: list[frozenset[int]]) -> None:
        self.published = np.array([r.published.timestamp() for r in reports])
        self.short = np.array([r.short for r in reports])
        self.sources = _incidence([r.sources for r in reports])
        self.names = _incidence(names)
        self.numbers = _incidence(numbers)
        self.has_names = np.diff(self.names.indptr) > 0
        self.has_numbers = np.diff(self.numbers.indptr) > 0

    @staticmethod
    def shared(matrix, rows: np.ndarray) -> np.ndarray:
        """(rows, all) counts of what each pair shares."""
        return (matrix[rows] @ matrix.T).toarray()

    def probability(self, model: PairModel, rows: np.ndarray, sims: np.ndarray) -> np.ndarray:
        """pair_features and pair_probability for every pair of the block (same terms, same order)."""
        shared_names = self.shared(self.names, rows)
        shared_numbers = self.shared(self.numbers, rows)
        both_names = self.has_names[rows][:, None] & self.has_names[None, :]
        both_numbers = self.has_numbers[rows][:, None] & self.has_numbers[None, :]
        short = self.short[rows][:, None] | self.short[None, :]
        z = model.bias + (model.cosine * sims.astype(np.float64) + model.shared_names * np.minimum(shared_names, 3)
                          + model.name_conflict * (both_names & (shared_names == 0))
                          + model.shared_numbers * np.minimum(shared_numbers, 2)
                          + model.number_conflict * (both_numbers & (shared_numbers == 0))
                          + model.short * short)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


def _incidence(sets: list) -> Any:
    """A 0/1 matrix (scipy's sparse CSR): a row per set, a column per distinct member."""
    from scipy import sparse  # only when stories are formed: off the desktop's start-up path

    columns: dict = {}
    indices = [columns.setdefault(member, len(columns)) for members in sets for member in members]
    indptr = np.cumsum([0, *(len(members) for members in sets)])
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), max(1, len(columns))))


def link_probabilities(reports: list[_Report], matrix: np.ndarray, model: PairModel,
                       distinctive: set[str]) -> dict[tuple[int, int], float]:
    """Probability of 'same event' for every pair that may be one (by index, i < j)."""
    return _PairLinks(reports, matrix, model, distinctive).candidates()


def cluster(reports: list[_Report], links: dict[tuple[int, int], float], model: PairModel,
            pairs_of: _PairLinks | None = None) -> list[list[int]]:
    """Average-linkage groups (by index), starting from the stories that exist.

    Two groups merge when their reports come from different sources and the mean link
    probability over all their pairs reaches the model's link level. `links` are the candidate
    links, strongest first; `pairs_of` gives any other pair's link when a merge weighs it (without
    it, a pair not among `links` counts 0).
    """
    lookup = pairs_of if pairs_of is not None else links
    parent = list(range(len(reports)))
    clusters: dict[int, _Cluster] = {}
    by_story: dict[int, int] = {}
    for n, report in enumerate(reports):
        root = by_story.setdefault(report.story_id, n) if report.story_id is not None else n
        parent[n] = root
        clusters.setdefault(root, _Cluster([])).members.append(n)
        clusters[root].sources |= report.sources
    for (i, j), p in sorted(links.items(), key=lambda kv: -kv[1]):
        if p < model.link:
            break
        a, b = parent[i], parent[j]
        if a == b or clusters[a].sources & clusters[b].sources:
            continue
        pairs = [lookup.get((min(x, y), max(x, y)), 0.0) for x in clusters[a].members for y in clusters[b].members]
        if sum(pairs) / len(pairs) < model.merge_mean or min(pairs) < model.veto:
            continue
        for member in clusters[b].members:
            parent[member] = a
        clusters[a].members += clusters[b].members
        clusters[a].sources |= clusters[b].sources
        del clusters[b]
    return [c.members for c in clusters.values()]


def group_stories(database: Database, vectors: VectorStore, item_ids: list[int],
                  model: PairModel | None = None) -> int:
    """Cluster the window around new items again; return the number of stories created."""
    if not item_ids:
        return 0
    dates = [parse_stored(r[0]) for r in database.query(
        f"SELECT published FROM items WHERE id IN ({','.join('?' * len(item_ids))})", tuple(item_ids))]
    known = [d for d in dates if d]
    if not known:
        return 0
    window = _window_reports(database, format_utc(min(known) - STORY_WINDOW), format_utc(max(known) + STORY_WINDOW))
    ids, matrix = vectors.vectors_for(list(window))
    if len(ids) < 2:
        return 0
    reports = [window[i] for i in ids]
    model = model or pair_model(vectors.embedder.name)
    new = set(item_ids)
    # only links that touch a new report can change what was clustered before; the pairs a merge weighs
    # beyond those are computed when it asks for them
    pairs = _PairLinks(reports, matrix, model, _distinctive_names(window))
    links = pairs.candidates([n for n, r in enumerate(reports) if r.item_id in new], model.link)
    created = 0
    for members in cluster(reports, links, model, pairs):
        group = [reports[n] for n in members]
        if len(group) > 1 and any(r.item_id in new for r in group):
            created += _save_group(database, group)
    return created


def _save_group(database: Database, group: list[_Report]) -> int:
    """Give every report of a group one story (merging the stories it spans).

    The stories are read again inside the write: another process may have merged (and deleted) one
    since the window was read."""
    ids = [r.item_id for r in group]
    with database.write("stories", "items", items=ids) as conn:
        current = dict(conn.execute(
            f"SELECT id, story_id FROM items WHERE id IN ({','.join('?' * len(ids))})", tuple(ids)).fetchall())
        for report in group:
            report.story_id = current.get(report.item_id)
        stories = sorted({r.story_id for r in group if r.story_id is not None})
        if len(stories) == 1 and all(r.story_id == stories[0] for r in group):
            return 0
        created = 0
        if stories:
            story_id = stories[0]
        else:
            story_id = int(conn.execute("INSERT INTO stories (created) VALUES (?)", (now_iso(),)).lastrowid or 0)
            created = 1
        conn.execute(f"UPDATE items SET story_id = ? WHERE id IN ({','.join('?' * len(ids))})", (story_id, *ids))
        for other in stories[1:]:  # two stories turn out to be one event: merge them
            conn.execute("UPDATE items SET story_id = ? WHERE story_id = ?", (story_id, other))
            conn.execute("DELETE FROM stories WHERE id = ?", (other,))
    for report in group:
        report.story_id = story_id
    return created
