"""Integrity checks of a data folder, with repair: SQLite, the FTS index, vectors, the vector index."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from store.core.errors import VectorIndexError
from store.core.progress import ProgressCallback
from store.core.timeutil import utcnow
from store.db.failures import LOW_SPACE
from store.items.fts import index_item, unindex_item
from store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from store.vectors.vector_store import VectorStore


@dataclass
class Check:
    name: str
    status: str  # ok | repaired | problem
    detail: str = ""


@dataclass
class DoctorReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(c.status != "problem" for c in self.checks)


def _disk_check(kb: KnowledgeBase) -> Check:
    free = shutil.disk_usage(kb.data_dir).free
    if free < LOW_SPACE:
        return Check("disk", "problem", f"the disk that holds {kb.data_dir} is full ({free // 1024} KB free). "
                     "Nothing was changed. Free some space, then run doctor again.")
    return Check("disk", "ok", f"{free // (1024 * 1024)} MB free")


def _sqlite_check(kb: KnowledgeBase) -> Check:
    rows = [r[0] for r in kb.database.query("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return Check("database", "ok", "SQLite integrity check passed")
    return Check("database", "problem",
                 "SQLite reports damage: " + "; ".join(rows[:3]) + ". Restore horizonscan.db from a backup.")


def _fts_check(kb: KnowledgeBase, repair: bool) -> Check:
    db = kb.database
    missing = [r[0] for r in db.query("SELECT id FROM items WHERE id NOT IN (SELECT rowid FROM items_fts)")]
    extra = [r[0] for r in db.query("SELECT rowid FROM items_fts WHERE rowid NOT IN (SELECT id FROM items)")]
    if not missing and not extra:
        return Check("keyword index", "ok", "every item is in the full-text index")
    if not repair:
        return Check("keyword index", "problem", f"{len(missing)} items missing, {len(extra)} stale entries")
    with db.write("items") as conn:
        for item_id in extra:
            unindex_item(conn, item_id)
        for item_id in missing:
            sql = "SELECT title, summary, full_text, language FROM items WHERE id = ?"
            r = conn.execute(sql, (item_id,)).fetchone()
            index_item(conn, item_id, r[0], f"{r[1] or ''}\n{r[2] or ''}", r[3])
    return Check("keyword index", "repaired", f"indexed {len(missing)} items, removed {len(extra)} stale entries")


def _vector_checks(kb: KnowledgeBase, repair: bool, progress: ProgressCallback | None,
                   cancel: threading.Event | None) -> list[Check]:
    from store.vectors.vector_store import VectorStore

    store = VectorStore(kb.database, kb.data_dir, kb.embedder)
    try:
        return [_embeddings_check(store, repair, progress, cancel), _index_check(kb, store, repair, progress)]
    finally:
        store.index.close()


def _embeddings_check(store: VectorStore, repair: bool, progress: ProgressCallback | None,
                      cancel: threading.Event | None) -> Check:
    stale = store.stale_ids()
    if not stale:
        return Check("embeddings", "ok", f"every item has a vector from {store.embedder.name}")
    if not repair:
        return Check("embeddings", "problem", f"{len(stale)} items need (re-)embedding")
    store.embed_items(stale, progress, cancel)
    return Check("embeddings", "repaired", f"embedded {len(stale)} items")


def _index_check(kb: KnowledgeBase, store: VectorStore, repair: bool, progress: ProgressCallback | None) -> Check:
    """The index holds exactly the stored vectors, and every one of them is found by its own vector."""
    stored = store.stored_count()
    try:
        in_index = store.index.count()
        lost = _unfindable(kb, store) if in_index == stored and not kb_pending(kb) else None
    except VectorIndexError as exc:  # damaged files, a panic in Chroma's core
        if not repair:
            return Check("vector index", "problem", f"the index cannot be read ({exc}); run doctor to rebuild it")
        where = store.index.move_aside()
        store.rebuild_index(progress)
        return Check("vector index", "repaired", f"the index could not be read (moved to "
                     f"{where.name if where else '?'}); rebuilt {stored} vectors from SQLite")
    recovered = store.index.recovered_from
    if recovered is not None:
        store.rebuild_index(progress)
        return Check("vector index", "repaired",
                     f"the index was damaged (moved to {recovered.name}); rebuilt {stored} vectors from SQLite")
    if lost is None:  # counts differ, or an interrupted write left its mark
        if not repair:
            return Check("vector index", "problem", f"{in_index} vectors in the index, {stored} in SQLite")
        added, removed = store.sync_index(progress, force=True)
        lost = _unfindable(kb, store)
        if not lost:
            return Check("vector index", "repaired", f"added {added}, removed {removed} vectors")
    known = set(store.unreachable_ids())  # searched exactly already
    if not set(lost) - known:
        if known - set(lost) and repair:  # some are reachable again
            store.set_unreachable(lost)
        return Check("vector index", "ok", f"{in_index} vectors, same as in SQLite, each found by its own vector"
                     + (f" ({len(lost)} through exact search)" if lost else ""))
    if not repair:
        return Check("vector index", "problem",
                     f"{len(set(lost) - known)} of {stored} stored vectors cannot be found by semantic search")
    where = store.index.move_aside()
    store.rebuild_index(progress)
    still = _unfindable(kb, store)
    store.set_unreachable(still)  # what even a new index cannot reach is searched exactly from now on
    return Check("vector index", "repaired",
                 f"{len(lost)} of {stored} vectors could not be found by semantic search; rebuilt the index from "
                 f"SQLite (the old one is in {where.name if where else '?'})"
                 + (f"; {len(still)} that the new index cannot reach either are searched exactly" if still else ""))


def _unfindable(kb: KnowledgeBase, store: VectorStore) -> list[int]:
    """Stored vectors the index does not give back for their own vector (one cheap query per item)."""
    ids = [r[0] for r in kb.database.query(
        "SELECT item_id FROM embeddings WHERE model = ? ORDER BY item_id", (store.embedder.name,))]
    lost: list[int] = []
    for start in range(0, len(ids), 2000):
        found, vectors = store.vectors_for(ids[start : start + 2000])
        if found:
            lost += store.index.unfindable(found, vectors)
    return lost


def kb_pending(kb: KnowledgeBase) -> bool:
    from store.db.meta import get_meta
    from store.vectors.vector_store import PENDING_KEY

    return get_meta(kb.database, PENDING_KEY) == "1"


def run_doctor(kb: KnowledgeBase, repair: bool = True, progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None) -> DoctorReport:
    """Check everything; with `repair`, fix what can be fixed from SQLite (never deletes user data)."""
    if kb.is_team:
        from store.core.errors import TeamServerError

        raise TeamServerError("doctor checks a local data folder; in team mode the data is on the team server, "
                              "which IT looks after (PostgreSQL's own checks and backups). "
                              "'horizonscan team status' shows the server's state.")
    report = DoctorReport([_disk_check(kb)])
    if report.checks[0].status == "problem":
        return report  # nothing can be repaired (nor safely checked) without room
    report.checks.append(_sqlite_check(kb))
    if report.checks[-1].status == "problem":
        return report
    report.checks.append(_fts_check(kb, repair))
    report.checks += _vector_checks(kb, repair, progress, cancel)
    report.checks.append(_automation_check(kb, repair))
    report.checks.append(_scan_runs_check(kb, repair))
    return report


def _automation_check(kb: KnowledgeBase, repair: bool) -> Check:
    """Items an interrupted run stored but did not finish: stories, rules, watchlist, suggestions."""
    from store.automation import pending_count, process_pending

    pending = pending_count(kb.database)
    if not pending:
        return Check("automation", "ok", "every item has its stories, rules, watchlist mentions and suggestions")
    if not repair:
        return Check("automation", "problem", f"{pending} items still need stories, rules, watchlist or suggestions")
    process_pending(kb.database, kb.vectors)
    left = pending_count(kb.database)
    return Check("automation", "problem" if left else "repaired",
                 f"finished stories, rules, watchlist and suggestions for {pending - left} items"
                 + (f"; {left} remain" if left else ""))


def _scan_runs_check(kb: KnowledgeBase, repair: bool) -> Check:
    """Scan runs recorded as running whose process is gone."""
    if not repair:
        gone = len(kb.scans.abandoned(utcnow()))
        return Check("scan runs", "problem" if gone else "ok",
                     f"{gone} scans were killed half way and still count as running" if gone
                     else "no scan left running by a killed process")
    closed = kb.scans.close_abandoned(utcnow())
    if closed:
        return Check("scan runs", "repaired", f"{closed} scans that were killed half way are marked as interrupted")
    return Check("scan runs", "ok", "no scan left running by a killed process")
