"""The engine: a separate process that does the heavy work for the desktop app.

Embedding text, the vector index (ChromaDB holds the interpreter lock while it writes or loads),
scans, re-embedding and imports all run here, so the app's window never stutters. The app sends
requests over a multiprocessing connection and gets results, progress and errors back:

    ("call", id, name, kwargs)  -> ("result", id, value) | ("error", id, kind, message)
    ("job", id, name, kwargs)   -> ("progress", id, ProgressEvent)... then a result or error
    ("cancel", id)              -> the job stops at its next step (committed work is kept)
    ("stop",)                   -> the engine closes the knowledge base and exits
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from store import KnowledgeBase
from store.core.progress import Cancelled, ProgressCallback

log = logging.getLogger(__name__)


# -- what the engine can do ------------------------------------------------------------------------
def _search(kb: KnowledgeBase, query: str, mode: str, filters: Any, limit: int, language: str,
            snippet_rows: int | None = None) -> Any:
    return kb.search(query, mode, filters, limit, language, wait_for_vectors=False, snippet_rows=snippet_rows)


def _snippets(kb: KnowledgeBase, query: str, item_ids: list[int]) -> Any:
    return kb.snippets(query, item_ids)


def _similar(kb: KnowledgeBase, item_id: int, limit: int, language: str) -> Any:
    if not kb.vectors_ready:
        return None
    return kb.similar(item_id, limit=limit, language=language)


def _refresh_suggestions(kb: KnowledgeBase, item_ids: list[int]) -> int:

    return kb.suggestions.store_suggestions(kb.vectors, item_ids)


def _add_source(kb: KnowledgeBase, text: str, kind: str, language: str) -> Any:
    """Add a source by URL (checking it, finding its feed) or by search words."""
    from scanner.fetch import FetchPolicy
    from scanner.source_manager import add_search_source, add_url_source

    if kind == "search":
        return add_search_source(kb, text)
    return add_url_source(kb, text, kind="page" if kind == "page" else None,
                          policy=FetchPolicy.from_settings(kb.settings), language=language)


def _backup(kb: KnowledgeBase, target: str) -> Any:
    return kb.backup(Path(target))


def _describe_table(kb: KnowledgeBase, table: str, base_url: str) -> Any:
    """A CBS table's measures and dimensions, for the desktop's indicator dialog."""
    from scanner.fetch import FetchPolicy
    from scanner.indicators import describe_table

    return describe_table(base_url, table, FetchPolicy.from_settings(kb.settings))


def _similar_for_card(kb: KnowledgeBase, card_id: int, limit: int = 10) -> Any:
    """Items like a card's evidence, not linked yet, as summaries (the desktop offers to link them)."""
    if not kb.vectors_ready:
        return None
    ids = kb.cards.similar_items(kb.vectors, kb.cards.get(card_id), limit)
    found = kb.items.get_summaries(ids)
    return [found[i] for i in ids if i in found]


def _suggest_developments(kb: KnowledgeBase) -> Any:
    return kb.cards.suggest_developments(kb.vectors) if kb.vectors_ready else None


CALLS: dict[str, Callable[..., Any]] = {
    "similar_for_card": _similar_for_card,
    "suggest_developments": _suggest_developments,
    "describe_table": _describe_table,
    "search": _search,
    "snippets": _snippets,
    "similar": _similar,
    "refresh_suggestions": _refresh_suggestions,
    "add_source": _add_source,
    "backup": _backup,
}


def _prepare(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event) -> dict:
    """Load the model and the vector index, embed what is missing, and warm up the scanner."""
    from scanner.warmup import prepare

    result = kb.prepare_vectors(progress, cancel)
    kb.embedder.embed(["opwarmen"])
    prepare()
    recovered = kb.finish_interrupted()  # a run killed last time: its scan record and its items' automation
    _weekly_backup(kb)
    return {**result, **recovered, "embedder": getattr(kb.embedder, "label", kb.embedder.name)}


def _weekly_backup(kb: KnowledgeBase) -> None:
    """This week's automatic backup; a failure (a full disk) is logged and must not stop the engine."""
    from store.core.errors import StoreError

    try:
        kb.weekly_backup()
    except (StoreError, OSError):
        log.warning("the weekly backup failed", exc_info=True)


def _scan(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event,
          source_ids: list[int] | None = None, due_only: bool = False) -> Any:
    from scanner.fetch import FetchPolicy
    from scanner.pipeline import Scanner

    scanner = Scanner(kb, FetchPolicy.from_settings(kb.settings), bool(kb.settings.get("fulltext", True)))
    summary = scanner.scan(source_ids, due_only=due_only, progress=progress, cancel=cancel)
    _weekly_backup(kb)
    return summary


def _doctor(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event) -> Any:
    from store import run_doctor

    return run_doctor(kb, repair=True, progress=progress, cancel=cancel)



def _set_model(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event, spec: str) -> dict:
    result = kb.set_embedding_model(spec, progress, cancel)
    return {**result, "embedder": getattr(kb.embedder, "label", kb.embedder.name)}


def _load_example(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event) -> Any:
    from store import load_example_corpus

    return load_example_corpus(kb, progress, cancel)


def _apply_rules(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event) -> dict:

    return kb.rules.apply_rules()


def _match_actor(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event, actor_id: int) -> int:

    return kb.watchlist.match_actors(actors=[kb.watchlist.get_actor(actor_id)], progress=progress)


def _check_sources(kb: KnowledgeBase, progress: ProgressCallback, cancel: threading.Event,
                   fix: bool = True) -> dict:
    """Try every source once (nothing stored), take moved addresses; the outcome in words, both languages."""
    from scanner.fetch import FetchPolicy
    from scanner.source_check import check_sources, explain, summary

    checks = check_sources(kb, fix=fix, policy=FetchPolicy.from_settings(kb.settings), progress=progress)
    attention = [c for c in checks if c.verdict != "ok" and not c.fixed]
    return {"summary": {lang: summary(checks, lang) for lang in ("nl", "en")},
            "fixed": sum(c.fixed for c in checks), "total": len(checks),
            "attention": [{"id": c.source_id, "name": c.name, "verdict": c.verdict,
                           "nl": explain(c, "nl"), "en": explain(c, "en")} for c in attention]}


JOBS: dict[str, Callable[..., Any]] = {
    "check_sources": _check_sources,
    "prepare": _prepare,
    "scan": _scan,
    "set_model": _set_model,
    "load_example": _load_example,
    "apply_rules": _apply_rules,
    "match_actor": _match_actor,
    "doctor": _doctor,
}


# -- the request loop ------------------------------------------------------------------------------
def serve(data_dir: str, conn: Any, server: str | None = None, person: str | None = None) -> None:
    """Answer requests on `conn` until told to stop or the app goes away (team mode: on `server`)."""
    from store import setup_file_logging

    setup_file_logging(Path(data_dir))
    kb = KnowledgeBase.connect(server, data_dir, person=person) if server else KnowledgeBase.open(data_dir)
    send_lock = threading.Lock()
    cancels: dict[int, threading.Event] = {}
    calls = ThreadPoolExecutor(2, thread_name_prefix="engine-call")
    jobs = ThreadPoolExecutor(3, thread_name_prefix="engine-job")

    def send(message: tuple) -> None:
        with send_lock:
            try:
                conn.send(message)
            except (BrokenPipeError, OSError):
                log.warning("the app has gone; dropping %s", message[0])

    def fail(request_id: int, exc: BaseException) -> None:
        if not isinstance(exc, Exception) or type(exc).__module__.startswith(("store", "scanner")):
            log.info("request %s failed: %s", request_id, exc)
        else:
            log.exception("request %s failed", request_id)
        send(("error", request_id, type(exc).__name__, str(exc)))

    kb.on_change(lambda changes: send(("changes", 0, changes)))  # the app refreshes its views from these

    def run_call(request_id: int, name: str, kwargs: dict) -> None:
        try:
            send(("result", request_id, CALLS[name](kb, **kwargs)))
        except Exception as exc:  # noqa: BLE001 - reported to the app
            fail(request_id, exc)

    def run_job(request_id: int, name: str, kwargs: dict) -> None:
        cancel = cancels[request_id]
        try:
            result = JOBS[name](kb, lambda event: send(("progress", request_id, event)), cancel, **kwargs)
            send(("result", request_id, result))
        except Cancelled:
            send(("result", request_id, None))
        except Exception as exc:  # noqa: BLE001
            fail(request_id, exc)
        finally:
            cancels.pop(request_id, None)

    try:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            kind = message[0]
            if kind == "stop":
                break
            if kind == "cancel":
                event = cancels.get(message[1])
                if event is not None:
                    event.set()
            elif kind == "call":
                calls.submit(run_call, message[1], message[2], message[3])
            elif kind == "job":
                cancels[message[1]] = threading.Event()
                jobs.submit(run_job, message[1], message[2], message[3])
    finally:
        for event in list(cancels.values()):
            event.set()
        jobs.shutdown(wait=True)
        calls.shutdown(wait=True)
        kb.close()
