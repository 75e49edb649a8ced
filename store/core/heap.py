"""Python's cyclic garbage collector and the objects that live as long as the process."""

from __future__ import annotations

import gc
import threading

_settled: set[str] = set()
_lock = threading.Lock()


def settle(what: str) -> None:
    """Exempt everything alive now from the collector's full passes (gc.freeze), once per process per `what`:
    call right after loading something that lives as long as the process (the embedding model, the vector
    index). A full pass walks every object the collector tracks; with the model and the index loaded that
    took 40-60 ms every few searches, the slowest searches of all (benchmarks/bench_search.py). Frozen objects
    are still freed when nothing refers to them; only reference cycles among them stay until the process ends.
    """
    with _lock:
        if what in _settled:
            return
        _settled.add(what)
        gc.freeze()
