"""Integrity checks of a data folder, with repair: SQLite, the FTS index, vectors, the vector index."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from store.core.progress import ProgressCallback
from store.items.fts import index_item
from store.knowledge_base import KnowledgeBase


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
            conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))
        for item_id in missing:
            sql = "SELECT title, summary, full_text, language FROM items WHERE id = ?"
            r = conn.execute(sql, (item_id,)).fetchone()
            index_item(conn, item_id, r[0], f"{r[1] or ''}\n{r[2] or ''}", r[3])
    return Check("keyword index", "repaired", f"indexed {len(missing)} items, removed {len(extra)} stale entries")


def _vector_checks(kb: KnowledgeBase, repair: bool, progress: ProgressCallback | None,
                   cancel: threading.Event | None) -> list[Check]:
    from store.vectors.vector_store import VectorStore

    store = VectorStore(kb.database, kb.data_dir, kb.embedder)
    stale = store.stale_ids()
    checks = []
    if not stale:
        checks.append(Check("embeddings", "ok", f"every item has a vector from {kb.embedder.name}"))
    elif not repair:
        checks.append(Check("embeddings", "problem", f"{len(stale)} items need (re-)embedding"))
    else:
        store.embed_items(stale, progress, cancel)
        checks.append(Check("embeddings", "repaired", f"embedded {len(stale)} items"))
    stored = store.stored_count()
    in_index = store.index.count()
    recovered = store.index.recovered_from
    if recovered is not None:
        store.rebuild_index(progress)
        checks.append(Check("vector index", "repaired",
                            f"the index was damaged (moved to {recovered.name}); rebuilt {stored} vectors from SQLite"))
    elif in_index == stored and not kb_pending(kb):
        ids_ok = store.index.ids() == {r[0] for r in kb.database.query(
            "SELECT item_id FROM embeddings WHERE model = ?", (kb.embedder.name,))}
        if ids_ok:
            checks.append(Check("vector index", "ok", f"{in_index} vectors, same as in SQLite"))
        elif repair:
            added, removed = store.sync_index(progress, force=True)
            checks.append(Check("vector index", "repaired", f"added {added}, removed {removed} vectors"))
        else:
            checks.append(Check("vector index", "problem", "the index holds other items than SQLite"))
    elif repair:
        added, removed = store.sync_index(progress, force=True)
        checks.append(Check("vector index", "repaired", f"added {added}, removed {removed} vectors"))
    else:
        checks.append(Check("vector index", "problem", f"{in_index} vectors in the index, {stored} in SQLite"))
    return checks


def kb_pending(kb: KnowledgeBase) -> bool:
    from store.db.meta import get_meta
    from store.vectors.vector_store import PENDING_KEY

    return get_meta(kb.database, PENDING_KEY) == "1"


def run_doctor(kb: KnowledgeBase, repair: bool = True, progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None) -> DoctorReport:
    """Check everything; with `repair`, fix what can be fixed from SQLite (never deletes user data)."""
    report = DoctorReport([_sqlite_check(kb)])
    if report.checks[0].status == "problem":
        return report
    report.checks.append(_fts_check(kb, repair))
    report.checks += _vector_checks(kb, repair, progress, cancel)
    return report
