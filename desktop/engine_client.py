"""The app's side of the engine process (scanner.engine): start it, send calls and jobs, and
deliver results, progress and errors on the GUI thread. A crashed engine is restarted."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.tasks import Job, TaskManager
from store.core.timeutil import Clock, get_clock, set_clock

log = logging.getLogger(__name__)


class EngineError(Exception):
    """A request the engine could not carry out; the message says why."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


# store errors that are only a message: rebuilt in the app, so the window explains them in its own words
_PLAIN_STORE_ERRORS = ("DiskFullError", "ReadOnlyDataError", "DatabaseDamagedError", "DatabaseBusyError",
                       "DataDirError", "VectorIndexError", "EmbedderError", "QueryError", "TeamServerError")


def engine_error(kind: str, message: str) -> Exception:
    """The engine's error as the store error it was (when that is a plain one), else an EngineError."""
    import store.core.errors as errors

    if kind in _PLAIN_STORE_ERRORS:
        return getattr(errors, kind)(message)
    if kind == "BackupError":
        from store import BackupError

        return BackupError(message)
    return EngineError(kind, message)


def _engine_main(data_dir: str, conn: Any, clock: Clock, server: str | None, person: str | None) -> None:
    from scanner.engine import serve  # (runs in the child process)

    set_clock(clock)  # the engine's "now" is the app's (a test's fixed clock included)
    serve(data_dir, conn, server, person)


class EngineClient(QObject):
    """One engine process per data folder (or team server). All callbacks run on the GUI thread."""

    restarted = Signal()
    changes = Signal(object)  # store.core.changes.Changes the engine committed

    def __init__(self, data_dir: str, tasks: TaskManager, server: str | None = None,
                 person: str | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.server, self.person = server, person
        self.tasks = tasks
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None,
                                       Job | None]] = {}
        self._lock = threading.Lock()
        self._stopping = False
        tasks.outside_work.append(self.pending_calls)
        self._start()

    def pending_calls(self) -> int:
        """Requests without an answer yet (jobs are counted by the TaskManager itself)."""
        with self._lock:
            return sum(1 for entry in self._pending.values() if entry[2] is None)

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_engine_main, args=(self.data_dir, child, get_clock(), self.server,
                                                                    self.person),
                                        name="horizonscan-engine", daemon=True)
        self._process.start()
        child.close()
        self._reader = threading.Thread(target=self._read, args=(self._conn, self._process), daemon=True,
                                        name="engine-reader")
        self._reader.start()

    # -- requests ---------------------------------------------------------------------------------
    def call(self, name: str, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        """Ask the engine something quick (a search, similar items)."""
        self._send("call", name, kwargs, on_done, on_error, None)

    def job(self, name: str, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, **kwargs: Any) -> Job:
        """Start a long job (scan, re-embedding...) in the engine; returns a cancellable Job."""
        job = Job(name)
        job.cancel_event = _RemoteCancel(self, job)  # type: ignore[assignment]
        self.tasks.jobs.append(job)
        self.tasks.jobs_changed.emit()
        self._send("job", name, kwargs, on_done, on_error, job)
        return job

    def _send(self, kind: str, name: str, kwargs: dict, on_done, on_error, job: Job | None) -> None:
        request_id = next(self._ids)
        if job is not None:
            job.request_id = request_id  # type: ignore[attr-defined]
        with self._lock:
            self._pending[request_id] = (on_done, on_error, job)
        try:
            self._conn.send((kind, request_id, name, kwargs))
        except (BrokenPipeError, OSError):
            self._finish(request_id, error=EngineError(
                "EngineGone", self.tr("De rekenmodule stopte onverwacht; probeer het opnieuw.")))

    def cancel(self, request_id: int) -> None:
        try:
            self._conn.send(("cancel", request_id))
        except (BrokenPipeError, OSError):
            pass

    # -- responses -------------------------------------------------------------------------------------
    def _read(self, conn: Any, process: Any) -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            kind, request_id = message[0], message[1]
            if kind == "progress":
                with self._lock:
                    entry = self._pending.get(request_id)
                if entry and entry[2] is not None:
                    job, event = entry[2], message[2]
                    self.tasks.deliver(partial(job.progressed.emit, event))
            elif kind == "result":
                self._finish(request_id, result=message[2])
            elif kind == "error":
                self._finish(request_id, error=engine_error(message[2], message[3]))
            elif kind == "changes":
                self.tasks.deliver(partial(self.changes.emit, message[2]))
        if not self._stopping:
            self.tasks.deliver(lambda: self._engine_died(process))

    def _finish(self, request_id: int, result: Any = None, error: BaseException | None = None) -> None:
        with self._lock:
            entry = self._pending.pop(request_id, None)
        if entry is None:
            return
        on_done, on_error, job = entry

        def deliver() -> None:
            if job is not None:
                self.tasks.end_job(job)
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    self.tasks.error.emit(job.name if job else "engine", error)
            elif on_done is not None:
                on_done(result)

        self.tasks.deliver(deliver)

    def _engine_died(self, process: Any) -> None:
        """The engine stopped unexpectedly: fail what was pending and start a new one."""
        log.error("the engine process stopped (exit code %s); restarting it", process.exitcode)
        with self._lock:
            pending = list(self._pending)
        for request_id in pending:
            self._finish(request_id, error=EngineError(
                "EngineGone", self.tr("De rekenmodule stopte onverwacht; probeer het opnieuw.")))
        if not self._stopping:
            self._start()
            self.restarted.emit()

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the engine (it finishes the current step of running jobs first)."""
        self._stopping = True
        try:
            for job in list(self.tasks.jobs):
                job.cancel()
            self._conn.send(("stop",))
        except (BrokenPipeError, OSError):
            pass
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)


class _RemoteCancel:
    """Stands in for a Job's threading.Event: setting it cancels the job in the engine."""

    def __init__(self, client: EngineClient, job: Job) -> None:
        self._client = client
        self._job = job
        self._set = False

    def set(self) -> None:
        if not self._set:
            self._set = True
            request_id = getattr(self._job, "request_id", None)
            if request_id is not None:
                self._client.cancel(request_id)

    def is_set(self) -> bool:
        return self._set
