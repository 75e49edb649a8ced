"""The watchlist: actors (companies, public bodies, unions, municipalities, countries) found in items.

Names and aliases match as whole words, case- and diacritics-insensitive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from store.core.errors import StoreError
from store.core.progress import ProgressCallback, report
from store.core.text import fold
from store.core.timeutil import now_iso
from store.db.connection import Database
from store.signals.default_actors import DEFAULT_ACTORS

ACTOR_KINDS = ("company", "housing", "agency", "public", "association", "union", "municipality", "country",
               "other")


class ActorError(StoreError):
    pass


@dataclass(frozen=True)
class Actor:
    id: int
    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# Endings a name takes in running text: Dutch adjectives and inhabitants ("Tilburgse", "Tilburgs",
# "Tilburgers"), Polish cases ("w Tilburgu", "Tilburga", "z Tilburgiem"), Romanian articles ("Tilburgul").
# Only names of four letters or more take them, so short names and acronyms stay exact.
INFLECTIONS = ("ului", "iem", "owi", "ers", "se", "er", "ul", "s", "u", "a")
MIN_INFLECTED = 4


def _name_regex(name: str) -> str:
    """A folded name as a regex where spaces, hyphens and apostrophes are interchangeable or optional,
    and its last word may carry one of the INFLECTIONS."""
    words = re.findall(r"\w+", fold(name))
    pattern = r"[\W_]*".join(re.escape(w) for w in words)
    if words and len(words[-1]) >= MIN_INFLECTED:
        pattern += f"(?:{'|'.join(INFLECTIONS)})?"
    return pattern


def _key(name: str) -> str:
    """A name reduced to its letters and digits, to find which actor a match belongs to."""
    return "".join(re.findall(r"\w+", fold(name)))


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of the names as whole words ("'s-Hertogenbosch" = "’s Hertogenbosch")."""
    alternatives = sorted({_name_regex(n) for n in names if re.search(r"\w", n)}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


def _owner_of(key: str, owner: dict[str, int]) -> int | None:
    """The actor a matched name belongs to, also when it carries an inflection ("tilburgse" -> Tilburg)."""
    if key in owner:
        return owner[key]
    for ending in INFLECTIONS:
        base = key[: -len(ending)]
        if key.endswith(ending) and len(base) >= MIN_INFLECTED and base in owner:
            return owner[base]
    return None


def list_actors(database: Database) -> list[Actor]:
    rows = database.query(
        "SELECT a.*, (SELECT COUNT(*) FROM actor_mentions m WHERE m.actor_id = a.id) AS n FROM actors a"
        " ORDER BY a.kind, lower(a.name)")
    return [Actor(r["id"], r["name"], r["kind"], tuple(json.loads(r["aliases"] or "[]")), r["n"]) for r in rows]


def get_actor(database: Database, ref: str | int) -> Actor:
    text = str(ref).strip()
    for actor in list_actors(database):
        if str(actor.id) == text or actor.name.lower() == text.lower():
            return actor
    raise ActorError(f"No actor '{text}' on the watchlist. See 'horizonscan watchlist list'.")


def add_actor(database: Database, name: str, kind: str = "other", aliases: Iterable[str] = (),
              seeded: bool = False) -> Actor:
    """Add an actor, or add aliases to an existing one of that name. Mentions are found afterwards
    with `match_actors`."""
    name = " ".join(name.split())
    if not name:
        raise ActorError("An actor needs a name.")
    if kind not in ACTOR_KINDS:
        raise ActorError(f"Unknown kind '{kind}'. Use one of: {', '.join(ACTOR_KINDS)}.")
    clean = [" ".join(a.split()) for a in aliases if a.strip()]
    with database.write("watchlist") as conn:
        row = conn.execute("SELECT id, aliases FROM actors WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
        if row:
            merged = list(dict.fromkeys([*json.loads(row[1] or "[]"), *clean]))
            conn.execute("UPDATE actors SET aliases = ?, kind = ? WHERE id = ?",
                         (json.dumps(merged, ensure_ascii=False), kind, row[0]))
            actor_id = row[0]
        else:
            cur = conn.execute("INSERT INTO actors (name, kind, aliases, seeded, created) VALUES (?, ?, ?, ?, ?)",
                               (name, kind, json.dumps(clean, ensure_ascii=False), int(seeded), now_iso()))
            actor_id = int(cur.lastrowid or 0)
    return get_actor(database, actor_id)


def remove_actor(database: Database, ref: str | int) -> Actor:
    actor = get_actor(database, ref)
    with database.write("watchlist") as conn:
        conn.execute("DELETE FROM actor_mentions WHERE actor_id = ?", (actor.id,))
        conn.execute("DELETE FROM actors WHERE id = ?", (actor.id,))
    return actor


def seed_actors(database: Database) -> int:
    """Add the default public bodies, associations, municipalities and countries once."""
    if database.scalar("SELECT value FROM meta WHERE key = 'actors_seeded'"):
        return 0
    for name, kind, aliases in DEFAULT_ACTORS:
        add_actor(database, name, kind, aliases, seeded=True)
    with database.write("watchlist") as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('actors_seeded', '1')"
                     " ON CONFLICT(key) DO UPDATE SET value = excluded.value")
    return len(DEFAULT_ACTORS)


def match_actors(database: Database, item_ids: list[int] | None = None, actors: list[Actor] | None = None,
                 progress: ProgressCallback | None = None) -> int:
    """Record which actors the items mention (None: all items); returns the mentions found."""
    actors = actors if actors is not None else list_actors(database)
    owner = {_key(n): a.id for a in actors for n in a.names if _key(n)}  # normalised name -> actor
    pattern = _pattern(n for a in actors for n in a.names)
    if pattern is None:
        return 0
    actor_ids = sorted({a.id for a in actors})
    ids = item_ids if item_ids is not None else [r[0] for r in database.query("SELECT id FROM items")]
    found = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = database.query(
            f"SELECT id, title, summary, full_text FROM items WHERE id IN ({','.join('?' * len(chunk))})", tuple(chunk))
        mentions = []
        for r in rows:
            counts: dict[int, int] = {}
            for found_name in pattern.findall(fold(f"{r[1]}\n{r[2] or ''}\n{r[3] or ''}")):
                actor_id = _owner_of(_key(found_name), owner)
                if actor_id is not None:
                    counts[actor_id] = counts.get(actor_id, 0) + 1
            mentions += [(actor_id, r[0], n) for actor_id, n in counts.items()]
        with database.write("watchlist") as conn:
            marks = ",".join("?" * len(chunk))
            actor_marks = ",".join("?" * len(actor_ids))
            conn.execute(f"DELETE FROM actor_mentions WHERE item_id IN ({marks}) AND actor_id IN ({actor_marks})",
                         (*chunk, *actor_ids))
            conn.executemany("INSERT INTO actor_mentions (actor_id, item_id, count) VALUES (?, ?, ?)", mentions)
        found += len(mentions)
        report(progress, "watchlist", start + len(chunk), len(ids))
    return found


def timeline(database: Database, actor_id: int, limit: int = 50) -> list[tuple[int, str, str | None]]:
    """The items that mention an actor, newest first: (id, title, published as stored)."""
    rows = database.query(
        "SELECT i.id, i.title, i.published FROM actor_mentions m JOIN items i ON i.id = m.item_id"
        " WHERE m.actor_id = ? ORDER BY i.published DESC LIMIT ?", (actor_id, limit))
    return [(r[0], r[1], r[2]) for r in rows]


def names_any_actor(database: Database, texts: list[str], kinds: Iterable[str] = ACTOR_KINDS) -> list[bool]:
    """For each text: does it name an actor of these kinds on the watchlist (by name or alias)?"""
    wanted = set(kinds)
    pattern = _pattern(n for a in list_actors(database) if a.kind in wanted for n in a.names)
    return [bool(pattern and pattern.search(fold(text))) for text in texts]
