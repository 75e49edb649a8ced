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


def _window_reports(database: Database, start: str, end: str) -> dict[int, _Report]:
    rows = database.query(
        "SELECT i.id, i.published, i.story_id, i.title, i.summary, i.full_text,"
        " group_concat(x.source_id) AS sources FROM items i"
        " LEFT JOIN item_sources x ON x.item_id = i.id WHERE i.published BETWEEN ? AND ?"
        " AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = i.source_id AND s.kind = 'indicator')"  # figures
        " GROUP BY i.id, i.published, i.story_id, i.title, i.summary, i.full_text",
        (start, end),
    )
    reports = {}
    for r in rows:
        published = parse_stored(r["published"])
        if published is None:
            continue
        text = r["full_text"] or r["summary"] or ""
        sources = frozenset(int(s) for s in (r["sources"] or "").split(",") if s)
        reports[r["id"]] = _Report(r["id"], published, sources, r["story_id"], event_details(r["title"], text),
                                   len(text) < SHORT_TEXT_CHARS)
    return reports


def _distinctive_names(reports: dict[int, _Report]) -> set[str]:
    counts = Counter(name for r in reports.values() for name in r.details.names)
    most = max(6, int(COMMON_NAME_SHARE * len(reports)))
    return {name for name, n in counts.items() if n <= most}


def link_probabilities(reports: list[_Report], matrix: np.ndarray, model: PairModel,
                       distinctive: set[str]) -> dict[tuple[int, int], float]:
    """Probability of 'same event' for every pair that may be one (by index, i < j)."""
    sims = matrix @ matrix.T
    out: dict[tuple[int, int], float] = {}
    rows, cols = np.nonzero(np.triu(sims >= model.min_cosine, k=1))
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        a, b = reports[i], reports[j]
        if a.sources & b.sources or abs(a.published - b.published) > STORY_WINDOW:
            continue
        features = pair_features(a.details, b.details, distinctive, float(sims[i, j]), a.short or b.short)
        out[(i, j)] = pair_probability(model, features)
    return out


def cluster(reports: list[_Report], links: dict[tuple[int, int], float], model: PairModel) -> list[list[int]]:
    """Average-linkage groups (by index), starting from the stories that exist.

    Two groups merge when their reports come from different sources and the mean link
    probability over all their pairs reaches the model's link level.
    """
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
        pairs = [links.get((min(x, y), max(x, y)), 0.0) for x in clusters[a].members for y in clusters[b].members]
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
    links = link_probabilities(reports, matrix, model, _distinctive_names(window))
    new = set(item_ids)
    created = 0
    for members in cluster(reports, links, model):
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
