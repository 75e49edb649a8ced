"""Weekly signal digests: one per ISO week by default, sections per theme, curated items."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from store.core.errors import StoreError
from store.core.ids import as_id
from store.core.text import lead
from store.core.timeutil import now_iso
from store.core.weeks import week_label
from store.db.connection import Database
from store.themes.effective import EFFECTIVE_THEME_SQL
from store.themes.registry import list_themes

OTHER_SECTION = "overig"
SUMMARY_CHARS = 420


class DigestError(StoreError):
    pass


@dataclass(frozen=True)
class DigestSummary:
    id: int
    year: int | None
    week: int | None
    start: date
    end: date
    title: str
    status: str
    items: int

    @property
    def label(self) -> str:
        return week_label(self.year, self.week) if self.year and self.week else f"{self.start} – {self.end}"


@dataclass(frozen=True)
class AddedToDigest:
    digest_id: int
    item_id: int
    already_in: bool  # it was in this digest already
    sent_before: tuple[str, ...] = ()  # labels of earlier sent digests that had it


@dataclass
class DigestItem:
    item_id: int
    section: str
    position: int
    title: str
    url: str
    summary: str
    so_what: str
    published: str
    sources: list[tuple[str, str]] = field(default_factory=list)  # (source name, url) of the whole story


def default_title(year: int, week: int) -> str:
    return f"Signalenoverzicht arbeidsmigratie – week {week} ({year})"


def week_digest(database: Database, year: int, week: int, create: bool = True) -> DigestSummary | None:
    """The digest of an ISO week, created (empty, as a draft) when missing and `create` is set."""
    row = database.query_one("SELECT id FROM digests WHERE year = ? AND week = ? ORDER BY id LIMIT 1", (year, week))
    if row is None:
        if not create:
            return None
        monday = date.fromisocalendar(year, week, 1)
        return create_digest(database, monday, monday + timedelta(days=6), default_title(year, week), year, week)
    return get_summary(database, row[0])


def create_digest(database: Database, start: date, end: date, title: str, year: int | None = None,
                  week: int | None = None) -> DigestSummary:
    """A new draft digest for a date range (inclusive), with a section per theme."""
    if end < start:
        raise DigestError("The digest's end date is before its start date.")
    now = now_iso()
    with database.write("digests") as conn:
        cur = conn.execute(
            'INSERT INTO digests (year, week, start, "end", title, intro, status, created, updated)'
            " VALUES (?, ?, ?, ?, ?, '', 'draft', ?, ?)",
            (year, week, start.isoformat(), end.isoformat(), title.strip() or "Signalenoverzicht", now, now))
        digest_id = int(cur.lastrowid or 0)
        sections = [t.key for t in list_themes(database)] + [OTHER_SECTION]
        conn.executemany("INSERT INTO digest_sections (digest_id, theme_key, position, title) VALUES (?, ?, ?, NULL)",
                         [(digest_id, key, n) for n, key in enumerate(sections)])
    return get_summary(database, digest_id)


def get_summary(database: Database, digest_id: int) -> DigestSummary:
    row = database.query_one(
        "SELECT d.*, (SELECT COUNT(*) FROM digest_items x WHERE x.digest_id = d.id) AS n FROM digests d"
        " WHERE d.id = ?", (digest_id,))
    if row is None:
        raise DigestError(f"No digest with id {digest_id}.")
    return DigestSummary(row["id"], row["year"], row["week"], date.fromisoformat(row["start"]),
                         date.fromisoformat(row["end"]), row["title"], row["status"], row["n"])


def list_digests(database: Database) -> list[DigestSummary]:
    """All digests, newest period first (the archive)."""
    ids = [r[0] for r in database.query("SELECT id FROM digests ORDER BY start DESC, id DESC")]
    return [get_summary(database, i) for i in ids]


def digest_item_ids(database: Database, digest_id: int) -> set[int]:
    return {r[0] for r in database.query("SELECT item_id FROM digest_items WHERE digest_id = ?", (digest_id,))}


def best_section(database: Database, item_id: int) -> str:
    """The section an item goes to: its first theme in taxonomy order, else its best suggestion."""
    row = database.query_one(
        f"SELECT t.theme_key FROM item_themes t JOIN themes th ON th.key = t.theme_key WHERE t.item_id = ?"
        f" AND {EFFECTIVE_THEME_SQL} ORDER BY (t.origin = 'suggested'), th.position LIMIT 1", (item_id,))
    return row[0] if row else OTHER_SECTION


def default_summary(database: Database, item_id: int) -> str:
    row = database.query_one("SELECT summary, full_text FROM items WHERE id = ?", (item_id,))
    if row is None:
        raise DigestError(f"No item with id {item_id}.")
    text = (row["summary"] or "").strip() or (row["full_text"] or "").split("\n\n")[0]
    return lead(text, SUMMARY_CHARS) + ("…" if len(" ".join(text.split())) > SUMMARY_CHARS else "")


def sent_before(database: Database, item_id: int, exclude: int | None = None) -> tuple[str, ...]:
    rows = database.query(
        "SELECT d.id FROM digest_items x JOIN digests d ON d.id = x.digest_id WHERE x.item_id = ?"
        " AND d.status = 'sent' AND d.id != ?", (item_id, exclude or -1))
    return tuple(get_summary(database, r[0]).label for r in rows)


def add_item(database: Database, digest_id: int, item_id: int, so_what: str | None = None,
             section: str | None = None) -> AddedToDigest:
    """Add an item (at the end of its section); flags it when an earlier sent digest had it."""
    get_summary(database, digest_id)
    earlier = sent_before(database, item_id, digest_id)
    if item_id in digest_item_ids(database, digest_id):
        if so_what is not None:
            set_item_text(database, digest_id, item_id, so_what=so_what)
        return AddedToDigest(digest_id, item_id, True, earlier)
    section = section or best_section(database, item_id)
    note = database.scalar("SELECT body FROM notes WHERE item_id = ?", (item_id,)) or ""
    with database.write("digests") as conn:
        position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM digest_items WHERE digest_id = ?"
                                " AND section = ?", (digest_id, section)).fetchone()[0]
        conn.execute(
            "INSERT INTO digest_items (digest_id, item_id, section, position, summary, so_what, added)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (digest_id, item_id, section, position, default_summary(database, item_id),
             so_what if so_what is not None else note, now_iso()))
        conn.execute("INSERT OR IGNORE INTO digest_sections (digest_id, theme_key, position) VALUES (?, ?,"
                     " (SELECT COALESCE(MAX(position), -1) + 1 FROM digest_sections WHERE digest_id = ?))",
                     (digest_id, section, digest_id))
        conn.execute("UPDATE digests SET updated = ? WHERE id = ?", (now_iso(), digest_id))
    return AddedToDigest(digest_id, item_id, False, earlier)


def remove_item(database: Database, digest_id: int, item_id: int) -> bool:
    with database.write("digests") as conn:
        cur = conn.execute("DELETE FROM digest_items WHERE digest_id = ? AND item_id = ?", (digest_id, item_id))
        conn.execute("UPDATE digests SET updated = ? WHERE id = ?", (now_iso(), digest_id))
    return cur.rowcount > 0


def set_item_text(database: Database, digest_id: int, item_id: int, summary: str | None = None,
                  so_what: str | None = None, based_on: int | None = None) -> int:
    """Edit an item's summary and/or so-what line in a digest. Team mode: `based_on` is the Entry.version
    the edit started from; texts someone else changed since raise EditConflictError (nothing is saved).
    Returns the entry's version now (0 in local mode)."""
    team = database.dialect == "postgres"
    with database.write("digests") as conn:
        if team:
            from store.team.edits import check_version

            texts = [(c, t) for c, t in (("summary", summary), ("so_what", so_what)) if t is not None]
            column = " || chr(10) || ".join(f"coalesce({c}, '')" for c, _ in texts) or "''"
            check_version(conn, "digest_items", "digest_id = ? AND item_id = ?", (digest_id, item_id), column,
                          "\n".join((t or "").strip() for _, t in texts), based_on,
                          database.person or "")
        if summary is not None:
            conn.execute("UPDATE digest_items SET summary = ? WHERE digest_id = ? AND item_id = ?",
                         (summary.strip(), digest_id, item_id))
        if so_what is not None:
            conn.execute("UPDATE digest_items SET so_what = ? WHERE digest_id = ? AND item_id = ?",
                         (so_what.strip(), digest_id, item_id))
        conn.execute("UPDATE digests SET updated = ? WHERE id = ?", (now_iso(), digest_id))
        if team:
            from store.team.edits import version_of

            return version_of(conn, "digest_items", "digest_id = ? AND item_id = ?", (digest_id, item_id))
    return 0


def update_digest(database: Database, digest_id: int, title: str | None = None, intro: str | None = None) -> None:
    """Edit the title and/or the introduction."""
    get_summary(database, digest_id)
    if title is not None and not title.strip():
        raise DigestError("A digest needs a title.")
    with database.write("digests") as conn:
        if title is not None:
            conn.execute("UPDATE digests SET title = ? WHERE id = ?", (title.strip(), digest_id))
        if intro is not None:
            conn.execute("UPDATE digests SET intro = ? WHERE id = ?", (intro.strip(), digest_id))
        conn.execute("UPDATE digests SET updated = ? WHERE id = ?", (now_iso(), digest_id))


def set_status(database: Database, digest_id: int, status: str) -> None:
    """Mark a digest sent (remembering when) or back to draft."""
    if status not in ("draft", "sent"):
        raise DigestError(f"Unknown status '{status}': use draft or sent.")
    get_summary(database, digest_id)
    with database.write("digests") as conn:
        conn.execute("UPDATE digests SET status = ?, sent_at = ?, updated = ? WHERE id = ?",
                     (status, now_iso() if status == "sent" else None, now_iso(), digest_id))


def delete_digest(database: Database, digest_id: int) -> None:
    """Remove a digest from the archive (the items themselves stay)."""
    get_summary(database, digest_id)
    with database.write("digests") as conn:
        for table in ("digest_items", "digest_sections"):
            conn.execute(f"DELETE FROM {table} WHERE digest_id = ?", (digest_id,))
        conn.execute("DELETE FROM digests WHERE id = ?", (digest_id,))


def section_order(database: Database, digest_id: int) -> list[str]:
    return [r[0] for r in database.query("SELECT theme_key FROM digest_sections WHERE digest_id = ?"
                                         " ORDER BY position, theme_key", (digest_id,))]


def item_order(database: Database, digest_id: int) -> dict[str, list[int]]:
    """Item ids per section, in order."""
    out: dict[str, list[int]] = {}
    for r in database.query("SELECT section, item_id FROM digest_items WHERE digest_id = ?"
                            " ORDER BY position, item_id", (digest_id,)):
        out.setdefault(r[0], []).append(r[1])
    return out


def set_order(database: Database, digest_id: int, sections: list[str] | None = None,
              items: dict[str, list[int]] | None = None) -> None:
    """Set the order of sections and/or items (an item listed under another section moves there).

    Sections or items left out keep their relative order after the ones given."""
    get_summary(database, digest_id)
    with database.write("digests") as conn:
        if sections is not None:
            current = section_order(database, digest_id)
            ordered = list(dict.fromkeys([s for s in sections if s in current] + current))
            conn.executemany("UPDATE digest_sections SET position = ? WHERE digest_id = ? AND theme_key = ?",
                             [(n, digest_id, key) for n, key in enumerate(ordered)])
        if items is not None:
            inside = digest_item_ids(database, digest_id)
            for section, ids in items.items():
                conn.execute("INSERT OR IGNORE INTO digest_sections (digest_id, theme_key, position) VALUES (?, ?,"
                             " (SELECT COALESCE(MAX(position), -1) + 1 FROM digest_sections WHERE digest_id = ?))",
                             (digest_id, section, digest_id))
                conn.executemany(
                    "UPDATE digest_items SET section = ?, position = ? WHERE digest_id = ? AND item_id = ?",
                    [(section, n, digest_id, item_id) for n, item_id in enumerate(ids) if item_id in inside])
        conn.execute("UPDATE digests SET updated = ? WHERE id = ?", (now_iso(), digest_id))


def move_item(database: Database, digest_id: int, item_id: int, section: str, position: int) -> None:
    """Move one item to a section (any theme key, or OTHER_SECTION) at a position (0 = first)."""
    if item_id not in digest_item_ids(database, digest_id):
        raise DigestError(f"Item {item_id} is not in this digest.")
    order = item_order(database, digest_id)
    for ids in order.values():
        if item_id in ids:
            ids.remove(item_id)
    target = order.setdefault(section, [])
    target.insert(max(0, min(position, len(target))), item_id)
    set_order(database, digest_id, items=order)


def move_section(database: Database, digest_id: int, key: str, position: int) -> None:
    order = section_order(database, digest_id)
    if key not in order:
        raise DigestError(f"This digest has no section '{key}'.")
    order.remove(key)
    order.insert(max(0, min(position, len(order))), key)
    set_order(database, digest_id, sections=order)


def find_digest(database: Database, ref: str | int, create: bool = False) -> DigestSummary:
    """A digest by id or by ISO week ('2026-W48'); the week's digest is created when asked."""
    from store.core.weeks import parse_week

    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        number = as_id(text)
        if number is None:
            raise DigestError(f"No digest with id {text}.")
        return get_summary(database, number)
    try:
        year, week = parse_week(text)
    except ValueError as exc:
        raise DigestError(f"{exc} (or give a digest number from 'digest list')") from None
    found = week_digest(database, year, week, create=create)
    if found is None:
        raise DigestError(f"There is no digest for {week_label(year, week)} yet; make one with 'digest new'.")
    return found


@dataclass(frozen=True)
class AddedToWeek:
    """What "add to this week's digest" did: the digest, and the items newly in it or there already."""

    digest: DigestSummary
    added: tuple[AddedToDigest, ...]

    @property
    def new_count(self) -> int:
        return sum(not a.already_in for a in self.added)


def add_to_week(database: Database, item_ids: list[int], year: int, week: int,
                so_what: str | None = None) -> AddedToWeek:
    """Add items to the digest of an ISO week (made if it does not exist yet), each at the end of its section."""
    with database.write("digests"):  # one transaction: the digest and its items, or nothing
        digest = week_digest(database, year, week)
        assert digest is not None  # create=True always gives one
        added = tuple(add_item(database, digest.id, item_id, so_what=so_what) for item_id in item_ids)
    return AddedToWeek(get_summary(database, digest.id), added)
