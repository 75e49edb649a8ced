"""Alerts: a watchlist organisation appears, a theme or actor spikes, a saved search or a rule matches new
items, an indicator moves, new evidence turns up for a watched signal card. Raised after each scan (and by
`horizonscan alerts`), one per cause, never more than the daily cap, the most telling first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from store.core.timeutil import format_utc, local_midnight, local_today, now_iso, parse_stored, utcnow
from store.db.connection import Database
from store.db.meta import get_meta, set_meta
from store.search.hybrid import search
from store.search.saved import list_saved_searches
from store.signals.trends import trends
from store.signals.watchlist import list_actors
from store.vectors.vector_store import VectorStore

DAILY_CAP = 10  # default of the setting alerts_per_day
FIRST_LOOK_BACK = timedelta(days=2)  # the first run looks this far back
CARD_EVIDENCE_SIMILARITY = 0.6  # a new item this close to a watched card's evidence may be more of it
KIND_ORDER = ("card", "indicator", "actor", "spike", "search", "rule")  # the most telling first, under the cap
MARKET_KINDS = ("company", "housing", "agency", "public", "association", "union")


@dataclass(frozen=True)
class Alert:
    id: int
    kind: str  # card | indicator | actor | spike | search | rule
    key: str
    message: str
    item_id: int | None
    card_id: int | None
    created: datetime | None
    seen: bool


@dataclass(frozen=True)
class _Candidate:
    kind: str
    key: str
    message: str
    item_id: int | None = None
    card_id: int | None = None


def _new_items(database: Database, since: str) -> dict[int, str]:
    return {r[0]: r[1] for r in database.query("SELECT id, title FROM items WHERE created >= ?",
                                               (since,))}


def _actors(database: Database, new: dict[int, str]) -> list[_Candidate]:
    market = {a.id: a.name for a in list_actors(database) if a.kind in MARKET_KINDS}
    if not new or not market:
        return []
    marks = ",".join("?" * len(new))
    rows = database.query(f"SELECT actor_id, item_id FROM actor_mentions WHERE item_id IN ({marks})"
                          " ORDER BY item_id DESC", tuple(new))
    by_actor: dict[int, list[int]] = {}
    for actor, item in rows:
        if actor in market:
            by_actor.setdefault(actor, []).append(item)
    day = local_today().isoformat()  # one alert per organisation per day, however many items name it
    out = []
    for actor, items in by_actor.items():
        more = f" (+{len(items) - 1} meer)" if len(items) > 1 else ""
        out.append(_Candidate("actor", f"actor:{actor}:{day}", f"{market[actor]} in het nieuws: {new[items[0]]}{more}",
                              items[0]))
    return out


def _spikes(database: Database) -> list[_Candidate]:
    out = []
    for series in trends(database, 4):
        for week in series.weeks[-2:]:  # this week and the last (a spike shows once the week is full)
            if not week.spike:
                continue
            what = series.label if series.kind == "theme" else f"@{series.label}"
            out.append(_Candidate("spike", f"spike:{series.kind}:{series.key}:{week.week}",
                                  f"Piek: {what} {week.week} ({week.count} berichten, gemiddeld "
                                  f"{week.baseline:.1f})".replace(".", ",")))
    return out


def _searches(database: Database, vectors: VectorStore | None, new: dict[int, str]) -> list[_Candidate]:
    out = []
    for saved in list_saved_searches(database):
        if not saved.query.strip():
            continue
        found = search(database, vectors, saved.query, saved.mode, saved.filters, 200)
        out += [_Candidate("search", f"search:{saved.id}:{hit.item.id}", f"Bewaarde zoekopdracht ‘{saved.name}’: "
                           f"{hit.item.title}", hit.item.id) for hit in found.hits if hit.item.id in new]
    return out


def _rules(database: Database, new: dict[int, str]) -> list[_Candidate]:
    if not new:
        return []
    marks = ",".join("?" * len(new))
    rows = database.query(f"SELECT t.item_id, t.theme_key, th.label_nl FROM item_themes t JOIN themes th"
                          f" ON th.key = t.theme_key WHERE t.origin = 'rule' AND t.item_id IN ({marks})", tuple(new))
    return [_Candidate("rule", f"rule:{key}:{item}", f"Regel voor {label}: {new[item]}", item)
            for item, key, label in rows]


def _indicators(database: Database, new: dict[int, str]) -> list[_Candidate]:
    if not new:
        return []
    marks = ",".join("?" * len(new))
    rows = database.query(f"SELECT i.id, i.title FROM items i JOIN sources s ON s.id = i.source_id"
                          f" WHERE s.kind = 'indicator' AND i.id IN ({marks})", tuple(new))
    return [_Candidate("indicator", f"indicator:{r[0]}", r[1], r[0]) for r in rows]


def _watched_cards(database: Database, vectors: VectorStore | None, new: dict[int, str]) -> list[_Candidate]:
    if vectors is None or not new:
        return []
    out = []
    new_ids, new_matrix = vectors.vectors_for(list(new))
    if not new_ids:
        return []
    for card_id, title in database.query("SELECT id, title FROM signal_cards WHERE status = 'watched'"):
        evidence = [r[0] for r in database.query("SELECT item_id FROM card_evidence WHERE card_id = ?", (card_id,))]
        ids, matrix = vectors.vectors_for(evidence)
        if not ids:
            continue
        mean = matrix.mean(axis=0)
        sims = new_matrix @ (mean / (np.linalg.norm(mean) or 1.0))
        out += [_Candidate("card", f"card:{card_id}:{item}", f"Meer bewijs voor kaart #{card_id} ‘{title}’? "
                           f"{new[item]}", item, card_id)
                for item, sim in zip(new_ids, sims, strict=True) if sim >= CARD_EVIDENCE_SIMILARITY
                and item not in evidence]
    return out


def _interleaved(candidates: list[_Candidate]) -> list[_Candidate]:
    """One of each kind in turn (most telling kind first), so a busy kind cannot crowd the others out of the
    daily cap."""
    queues = [[c for c in candidates if c.kind == kind] for kind in KIND_ORDER]
    out: list[_Candidate] = []
    while any(queues):
        for queue in queues:
            if queue:
                out.append(queue.pop(0))
    return out


def raise_alerts(database: Database, vectors: VectorStore | None, daily_cap: int = DAILY_CAP) -> list[Alert]:
    """Look at what came in since the last look; store the new alerts (one per cause) up to today's cap."""
    now = now_iso()
    since = get_meta(database, "alerts_checked") or format_utc(utcnow() - FIRST_LOOK_BACK)
    new = _new_items(database, since)
    candidates = [*_watched_cards(database, vectors, new), *_indicators(database, new), *_actors(database, new),
                  *_spikes(database), *_searches(database, vectors, new), *_rules(database, new)]
    candidates = _interleaved(candidates)
    today = format_utc(local_midnight(local_today()))
    room = max(0, daily_cap - int(database.scalar("SELECT COUNT(*) FROM alerts WHERE created >= ?", (today,)) or 0))
    raised: list[int] = []
    weighed = 0
    with database.write("alerts") as conn:
        for c in candidates:
            if len(raised) >= room:
                break
            weighed += 1
            cur = conn.execute("INSERT INTO alerts (kind, key, message, item_id, card_id, created, seen)"
                               " VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT(kind, key) DO NOTHING",
                               (c.kind, c.key, c.message[:500], c.item_id, c.card_id, now))
            if cur.rowcount:
                raised.append(int(cur.lastrowid or 0))
    if weighed == len(candidates):  # causes held back by the cap are weighed again at the next look
        set_meta(database, "alerts_checked", now)
    return [a for a in list_alerts(database, unseen_only=False) if a.id in set(raised)]


def list_alerts(database: Database, since: datetime | None = None, unseen_only: bool = False,
                limit: int = 200) -> list[Alert]:
    """Alerts, newest first."""
    where, params = ["1 = 1"], []
    if since is not None:
        where.append("created >= ?")
        params.append(format_utc(since))
    if unseen_only:
        where.append("seen = 0")
    rows = database.query(f"SELECT * FROM alerts WHERE {' AND '.join(where)} ORDER BY created DESC, id DESC"
                          f" LIMIT {int(limit)}", tuple(params))
    return [Alert(r["id"], r["kind"], r["key"], r["message"], r["item_id"], r["card_id"], parse_stored(r["created"]),
                  bool(r["seen"])) for r in rows]


def mark_seen(database: Database, alert_ids: list[int] | None = None) -> None:
    """Mark these alerts (None: all) seen."""
    with database.write("alerts") as conn:
        if alert_ids is None:
            conn.execute("UPDATE alerts SET seen = 1 WHERE seen = 0")
        else:
            for start in range(0, len(alert_ids), 500):
                chunk = alert_ids[start:start + 500]
                conn.execute(f"UPDATE alerts SET seen = 1 WHERE id IN ({','.join('?' * len(chunk))})", tuple(chunk))
