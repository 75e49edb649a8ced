"""Work off the GUI thread (the Anki pattern): one serial worker for store work, a small pool
for long jobs (scans, imports, re-embedding), results and progress delivered on the GUI thread."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from store.core.progress import Cancelled, ProgressEvent

log = logging.getLogger(__name__)
Callback = Callable[[Any], None]


class _Bridge(QObject):
    """Lives on the GUI thread; a signal emitted from any thread runs the callable there."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class Job(QObject):
    """A long job: cancellable, reports progress; `finished` fires on the GUI thread."""

    progressed = Signal(object)  # ProgressEvent
    finished = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.cancel_event = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class TaskManager(QObject):
    """Runs store calls serially on one worker thread and long jobs on a pool.

    Worker code never touches a widget: it returns values, and the callbacks given
    here run on the GUI thread.
    """

    error = Signal(str, object)  # (what was being done, exception) for failures without a handler
    jobs_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._bridge = _Bridge()
        self._queue: queue.Queue[tuple[Callable[[], Any], Callback | None, Callback | None, str] | None] = \
            queue.Queue()
        self._pending = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name="store-worker", daemon=True)
        self._thread.start()
        self._pool = ThreadPoolExecutor(2, thread_name_prefix="job")
        self.jobs: list[Job] = []
        self.outside_work: list[Callable[[], int]] = []  # e.g. requests waiting on the engine process

    # -- serial store work ------------------------------------------------------------
    def run(self, fn: Callable[[], Any], on_done: Callback | None = None, on_error: Callback | None = None,
            what: str = "") -> None:
        """Queue `fn` for the store worker; `on_done(result)` or `on_error(exc)` runs on the GUI thread."""
        with self._lock:
            self._pending += 1
        self._queue.put((fn, on_done, on_error, what))

    def _serve(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            fn, on_done, on_error, what = task
            try:
                result = fn()
            except Exception as exc:  # noqa: BLE001 - every failure is delivered, never lost
                log.exception("store task failed: %s", what or fn)
                self.deliver(partial(self._failed, what, exc, on_error))
            else:
                if on_done is not None:  # bind now: the loop moves on before the GUI runs this
                    self.deliver(partial(on_done, result))
            finally:
                with self._lock:
                    self._pending -= 1

    def deliver(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the GUI thread (callable from any thread)."""
        self._bridge.deliver.emit(fn)

    def _failed(self, what: str, exc: BaseException, on_error: Callback | None) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            self.error.emit(what, exc)

    # -- long jobs -----------------------------------------------------------------------
    def start_job(self, name: str, fn: Callable[[Callable[[ProgressEvent], None], threading.Event], Any],
                  on_done: Callback | None = None, on_error: Callback | None = None) -> Job:
        """Run `fn(progress, cancel_event)` on the pool. Progress reaches `job.progressed` at most
        ten times a second; a cancelled job ends quietly (its committed work is kept)."""
        job = Job(name)
        last = [0.0]

        def progress(event: ProgressEvent) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.1 or event.done == event.total:
                last[0] = now
                self.deliver(partial(job.progressed.emit, event))

        def body() -> None:
            try:
                result = fn(progress, job.cancel_event)
            except Cancelled:
                result = None
            except Exception as exc:  # noqa: BLE001
                log.exception("job %s failed", name)
                self.deliver(partial(self._job_failed, job, name, exc, on_error))
                return

            def finished() -> None:
                self.end_job(job)
                if on_done:
                    on_done(result)

            self.deliver(finished)

        self.jobs.append(job)
        self.jobs_changed.emit()
        self._pool.submit(body)
        return job

    def _job_failed(self, job: Job, name: str, exc: BaseException, on_error: Callback | None) -> None:
        self.end_job(job)
        self._failed(name, exc, on_error)

    def end_job(self, job: Job) -> None:
        job.done = True
        if job in self.jobs:
            self.jobs.remove(job)
        job.finished.emit()
        self.jobs_changed.emit()

    def running(self, name: str) -> Job | None:
        return next((j for j in self.jobs if j.name == name), None)

    # -- waiting and stopping ------------------------------------------------------------
    def idle(self) -> bool:
        with self._lock:
            return self._pending == 0 and not self.jobs

    def wait_idle(self, timeout: float = 60.0, include_jobs: bool = True) -> bool:
        """Process events until the worker is idle (for tests and screenshot mode)."""
        deadline = time.monotonic() + timeout
        quiet_rounds = 0
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            with self._lock:
                busy = self._pending > 0 or (include_jobs and bool(self.jobs))
            busy = busy or any(count() for count in self.outside_work)
            quiet_rounds = 0 if busy else quiet_rounds + 1
            if quiet_rounds >= 3:  # callbacks run by processEvents may have queued new work
                return True
            QThread.msleep(5)  # a relative sleep: also right where the wall clock is faked (faketime)
        return False

    def shutdown(self) -> None:
        """Cancel jobs, let running work finish its current step, stop the threads."""
        for job in list(self.jobs):
            job.cancel()
        self._queue.put(None)
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._thread.join(timeout=10)
