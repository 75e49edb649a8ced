"""Signal cards: made from an item or story (prefilled), assessed field by field with a history of every
change, their evidence linked with a snapshot of what it said."""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterable, Sequence

from store.cards.model import CARD_TYPES, CATEGORIES, EDITABLE, HORIZONS, SCORES, STATUSES, Card, Change, Evidence
from store.core.errors import StoreError
from store.core.timeutil import now_iso, parse_stored
from store.db.connection import Database
from store.themes.effective import EFFECTIVE_THEME_SQL

SNAPSHOT_CHARS = 20_000  # the extracted text kept with a card's evidence


class CardError(StoreError):
    """A card that does not exist, or a value a card cannot take."""


def who(database: Database) -> str:
    """Who makes a change: the team person, else the computer's user."""
    person = getattr(database, "person", None) if database.dialect == "postgres" else None
    if person:
        return str(person)
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name to be had (some containers)
        return ""


def _row_to_card(database: Database, r, with_details: bool = True) -> Card:
    evidence: tuple[Evidence, ...] = ()
    history: tuple[Change, ...] = ()
    if with_details:
        evidence = tuple(Evidence(e["item_id"], e["url"] or "", e["title"] or "", e["outlet"] or "",
                                  parse_stored(e["published"]), parse_stored(e["seen"]), e["snapshot"] or "",
                                  parse_stored(e["added"]), e["added_by"] or "")
                         for e in database.query("SELECT * FROM card_evidence WHERE card_id = ?"
                                                 " ORDER BY published, item_id", (r["id"],)))
        history = tuple(Change(parse_stored(h["at"]), h["who"] or "", h["field"], h["old"] or "", h["new"] or "")
                        for h in database.query("SELECT * FROM card_history WHERE card_id = ? ORDER BY id",
                                                (r["id"],)))
    return Card(r["id"], r["title"], r["description"] or "", r["brabant"] or "", r["category"], r["card_type"],
                r["horizon"], r["impact"], r["impact_why"] or "", r["likelihood"], r["likelihood_why"] or "",
                r["status"] or "new", r["owner"] or "", r["development_id"], tuple(json.loads(r["themes"] or "[]")),
                tuple(json.loads(r["actors"] or "[]")), parse_stored(r["created"]), parse_stored(r["updated"]),
                r["version"] or 1, evidence, history)


def get_card(database: Database, card_id: int) -> Card:
    row = database.query_one("SELECT * FROM signal_cards WHERE id = ?", (card_id,))
    if row is None:
        raise CardError(f"No signal card #{card_id}. See 'horizonscan cards list'.")
    return _row_to_card(database, row)


def list_cards(database: Database, status: str | None = None, development_id: int | None = None,
               include_archived: bool = False) -> list[Card]:
    """Cards, newest first, with their evidence."""
    where, params = ["1 = 1"], list[object]()
    if status:
        where.append("status = ?")
        params.append(status)
    elif not include_archived:
        where.append("status <> 'archived'")
    if development_id is not None:
        where.append("development_id = ?")
        params.append(development_id)
    rows = database.query(f"SELECT * FROM signal_cards WHERE {' AND '.join(where)} ORDER BY id DESC", tuple(params))
    return [_row_to_card(database, r) for r in rows]


def _story_items(database: Database, item_ids: Sequence[int]) -> list[int]:
    """The items and every other report of their stories."""
    marks = ",".join("?" * len(item_ids))
    rows = database.query(f"SELECT id FROM items WHERE id IN ({marks}) OR story_id IN"
                          f" (SELECT story_id FROM items WHERE id IN ({marks}) AND story_id IS NOT NULL)",
                          (*item_ids, *item_ids))
    return sorted({r[0] for r in rows})


def _prefill(database: Database, item_ids: list[int]) -> tuple[list[str], list[int]]:
    marks = ",".join("?" * len(item_ids))
    themes = [r[0] for r in database.query(
        f"SELECT t.theme_key, COUNT(*) AS n FROM item_themes t WHERE t.item_id IN ({marks}) AND {EFFECTIVE_THEME_SQL}"
        " GROUP BY t.theme_key ORDER BY n DESC, t.theme_key", tuple(item_ids))]
    actors = [r[0] for r in database.query(
        f"SELECT actor_id, SUM(count) AS n FROM actor_mentions WHERE item_id IN ({marks}) GROUP BY actor_id"
        " ORDER BY n DESC, actor_id", tuple(item_ids))]
    return themes, actors


def create_card(database: Database, item_ids: Sequence[int], title: str | None = None, **fields: object) -> Card:
    """A new card from items (with their stories as evidence): title and description from the first item,
    themes and watchlist actors from all of them. Other fields may be given now or set later."""
    if not item_ids:
        raise CardError("A signal card needs at least one item as evidence.")
    evidence = _story_items(database, list(item_ids))
    first = database.query_one("SELECT title, summary, full_text FROM items WHERE id = ?", (item_ids[0],))
    if first is None:
        raise CardError(f"No item #{item_ids[0]}.")
    themes, actors = _prefill(database, evidence)
    lead = (first["summary"] or first["full_text"] or "").strip()
    now, person = now_iso(), who(database)
    _check(fields)
    with database.write("cards") as conn:
        cur = conn.execute(
            "INSERT INTO signal_cards (title, description, status, owner, themes, actors, created, updated, version)"
            " VALUES (?, ?, 'new', ?, ?, ?, ?, ?, 1)",
            ((title or first["title"]).strip(), lead[:600], person, json.dumps(themes), json.dumps(actors), now, now))
        card_id = int(cur.lastrowid or 0)
        _log(conn, card_id, now, person, "created", "", f"from item {item_ids[0]}")
        _link(database, conn, card_id, evidence, now, person)
        if fields:
            _apply(conn, get_card_row(database, card_id), fields, now, person)
    return get_card(database, card_id)


_ROW = ("id", "version", *[f for f in EDITABLE if f != "owner"], "owner")


def get_card_row(database: Database, card_id: int) -> dict:
    """The stored fields of a card, as stored (for comparing and logging changes)."""
    row = database.query_one(f"SELECT {', '.join(_ROW)} FROM signal_cards WHERE id = ?", (card_id,))
    if row is None:
        raise CardError(f"No signal card #{card_id}. See 'horizonscan cards list'.")
    return {name: row[n] for n, name in enumerate(_ROW)}


def _check(fields: dict) -> None:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise CardError(f"A card has no field {', '.join(sorted(unknown))}.")
    allowed = {"category": CATEGORIES, "card_type": CARD_TYPES, "horizon": HORIZONS, "status": STATUSES}
    for name, table in allowed.items():
        if fields.get(name) not in (None, "") and fields[name] not in table:
            raise CardError(f"{name} must be one of {', '.join(table)}; got '{fields[name]}'.")
    for name in ("impact", "likelihood"):
        if fields.get(name) not in (None, "") and int(fields[name]) not in SCORES:
            raise CardError(f"{name} is a score from 1 to 5; got '{fields[name]}'.")


def _stored(name: str, value: object) -> object:
    if name in ("themes", "actors"):
        return json.dumps(list(value or ()))  # type: ignore[call-overload]
    if name in ("impact", "likelihood", "development_id"):
        return None if value in (None, "") else int(value)  # type: ignore[call-overload]
    return value if value is not None else ""


def _apply(conn, row: dict, fields: dict, now: str, person: str) -> bool:
    changed = {k: _stored(k, v) for k, v in fields.items() if _stored(k, v) != row.get(k)}
    if not changed:
        return False
    assignments = ", ".join(f"{k} = ?" for k in changed)
    conn.execute(f"UPDATE signal_cards SET {assignments}, updated = ?, version = version + 1 WHERE id = ?",
                 (*changed.values(), now, row["id"]))
    for name, value in changed.items():
        _log(conn, row["id"], now, person, name, "" if row.get(name) is None else str(row.get(name)),
             "" if value is None else str(value))
    return True


def update_card(database: Database, card_id: int, based_on: int | None = None, **fields: object) -> Card:
    """Change fields (each change in the card's history, with who and when). `based_on`: the version the
    edit started from; another person's save in between raises CardError instead of overwriting it."""
    _check(fields)
    now, person = now_iso(), who(database)
    with database.write("cards") as conn:
        row = get_card_row(database, card_id)
        if based_on is not None and row["version"] != based_on:
            raise CardError(f"Card #{card_id} was changed meanwhile (by {row['owner'] or 'someone'}); "
                            "open it again to see the changes, then make yours.")
        _apply(conn, row, fields, now, person)
    return get_card(database, card_id)


def _log(conn, card_id: int, now: str, person: str, name: str, old: str, new: str) -> None:
    conn.execute("INSERT INTO card_history (card_id, at, who, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
                 (card_id, now, person, name, old[:2000], new[:2000]))


def _link(database: Database, conn, card_id: int, item_ids: Iterable[int], now: str, person: str) -> int:
    ids = list(item_ids)
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    rows = database.query(
        f"SELECT i.id, i.url, i.title, COALESCE(NULLIF(i.outlet, ''), s.name, '') AS outlet, i.published, i.created,"
        f" COALESCE(NULLIF(i.full_text, ''), i.summary, '') AS text FROM items i LEFT JOIN sources s"
        f" ON s.id = i.source_id WHERE i.id IN ({marks})", tuple(ids))
    added = 0
    for r in rows:
        cur = conn.execute(
            "INSERT INTO card_evidence (card_id, item_id, url, title, outlet, published, seen, snapshot, added,"
            " added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(card_id, item_id) DO NOTHING",
            (card_id, r[0], r[1], r[2], r[3], r[4], r[5], (r[6] or "")[:SNAPSHOT_CHARS], now, person))
        if cur.rowcount:
            added += 1
            _log(conn, card_id, now, person, "evidence", "", f"+ item {r[0]}: {r[2]}")
    return added


def link_evidence(database: Database, card_id: int, item_ids: Sequence[int], with_stories: bool = True) -> int:
    """Add items (and their stories) as evidence, each with a snapshot of its text; returns how many are new."""
    now, person = now_iso(), who(database)
    ids = _story_items(database, list(item_ids)) if with_stories and item_ids else list(item_ids)
    with database.write("cards") as conn:
        get_card_row(database, card_id)
        added = _link(database, conn, card_id, ids, now, person)
        if added:
            conn.execute("UPDATE signal_cards SET updated = ?, version = version + 1 WHERE id = ?", (now, card_id))
    return added


def unlink_evidence(database: Database, card_id: int, item_id: int) -> None:
    now, person = now_iso(), who(database)
    with database.write("cards") as conn:
        if conn.execute("DELETE FROM card_evidence WHERE card_id = ? AND item_id = ?", (card_id, item_id)).rowcount:
            _log(conn, card_id, now, person, "evidence", f"- item {item_id}", "")


def evidence_of_items(database: Database, item_ids: Sequence[int]) -> list[Evidence]:
    """Items as citable evidence (URL, outlet, dates, text), e.g. a digest's entries; in the given order."""
    ids = list(item_ids)
    found: dict[int, Evidence] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = database.query(
            f"SELECT i.id, i.url, i.title, COALESCE(NULLIF(i.outlet, ''), s.name, '') AS outlet, i.published,"
            f" i.created, COALESCE(NULLIF(i.full_text, ''), i.summary, '') AS text FROM items i LEFT JOIN sources s"
            f" ON s.id = i.source_id WHERE i.id IN ({','.join('?' * len(chunk))})", tuple(chunk))
        found.update((r[0], Evidence(r[0], r[1], r[2], r[3], parse_stored(r[4]), parse_stored(r[5]),
                                     (r[6] or "")[:SNAPSHOT_CHARS], None)) for r in rows)
    return [found[i] for i in ids if i in found]


def cards_of_item(database: Database, item_id: int) -> list[int]:
    return [r[0] for r in database.query("SELECT card_id FROM card_evidence WHERE item_id = ?", (item_id,))]
