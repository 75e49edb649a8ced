"""One user of the vector index at a time, across processes and threads, and fresh views after
another process wrote.

The lock is a file beside the index (`vectors.lock`), taken with a timeout: a reader that waits
too long gets a clear `VectorIndexError` (search then falls back to keywords) instead of hanging.
Every write leaves a new token in `vectors/generation`; a process that finds a token it did not
write itself lets go of its client, so it opens the index afresh and sees the other's work.
"""

from __future__ import annotations

import os
import threading
import uuid
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout

from store.core.errors import VectorIndexError

READ_TIMEOUT = 30.0  # seconds a search waits for another process's write before giving up
WRITE_TIMEOUT = 300.0  # seconds a write waits (a long rebuild elsewhere writes in short steps)
GENERATION_FILE = "generation"


def is_rust_panic(exc: BaseException) -> bool:
    """Chroma's Rust core panics as `pyo3_runtime.PanicException`, a BaseException that passes
    every `except Exception`: recognise it by name (the class is not importable)."""
    return type(exc).__name__ == "PanicException"


class Closable(Protocol):
    def close(self) -> None: ...


# per index folder, for the whole process (Chroma shares one client system per folder in a process):
_SEEN: dict[str, str] = {}  # the token of the last write this process saw or made
_OPEN: dict[str, weakref.WeakSet] = {}  # the indexes on that folder, closed together when another process wrote


class IndexGuard:
    """The inter-process lock of one index folder, and the token of the last write this process saw."""

    def __init__(self, path: Path, index: Closable) -> None:
        self.path = path
        self._key = str(path.resolve())
        self._lock = FileLock(str(path.with_name(f"{path.name}.lock")))  # beside the folder: survives moving it
        _OPEN.setdefault(self._key, weakref.WeakSet()).add(index)
        self._depth = threading.local()

    def _token(self) -> str:
        try:
            return (self.path / GENERATION_FILE).read_text(encoding="ascii").strip()
        except (FileNotFoundError, NotADirectoryError):
            return ""
        except OSError:
            return "?"  # unreadable: treat as changed

    @contextmanager
    def hold(self, write: bool) -> Iterator[None]:
        """Hold the lock for the block (re-entrant within a thread)."""
        depth = getattr(self._depth, "n", 0)
        if depth:
            self._depth.n = depth + 1
            try:
                yield
            finally:
                self._depth.n -= 1
            return
        try:
            self._lock.acquire(timeout=WRITE_TIMEOUT if write else READ_TIMEOUT)
        except Timeout as exc:
            raise VectorIndexError(
                "The vector index is busy: another Horizonscan process (a scan, an import or the desktop) "
                "has been using it for a long time. Try again in a minute; keyword search still works."
            ) from exc
        except OSError as exc:
            raise VectorIndexError(
                f"Cannot lock the vector index beside {self.path} ({exc.strerror or exc}). "
                "Check that the data folder is writable; keyword search still works."
            ) from exc
        self._depth.n = 1
        try:
            token = self._token()
            seen = _SEEN.get(self._key)
            if seen is not None and token != seen:  # another process wrote: every client here reopens
                for index in list(_OPEN.get(self._key, ())):
                    index.close()
            _SEEN[self._key] = token
            yield
        finally:
            self._depth.n = 0
            self._lock.release()

    def mark_written(self) -> None:
        """Record a write (call while holding the lock): other processes will reopen."""
        token = uuid.uuid4().hex
        target = self.path / GENERATION_FILE
        if self.path.is_dir():
            scratch = target.with_suffix(".tmp")
            scratch.write_text(token, encoding="ascii")
            os.replace(scratch, target)
            _SEEN[self._key] = token
        else:
            _SEEN[self._key] = ""  # moved aside: the new folder starts without a token
