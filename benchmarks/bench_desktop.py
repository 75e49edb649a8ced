"""Desktop benchmark: time to first window, GUI-thread stalls during a 200-feed scan, and
scrolling, selection, memory and typing a search with 100,000 items.

Usage: python benchmarks/bench_desktop.py [--items 100000] [--feeds 200] [--workdir DIR] [--skip-scan]
                                          [--corpus DIR]
--corpus takes a corpus benchmarks/bench_search.py built (e.g. bench-corpora/search-1000000 with
--items 1000000) instead of building one.
Runs offscreen (QT_QPA_PLATFORM=offscreen) unless a display is set. Prints a table.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def startup_times(data_dir: Path, runs: int = 5) -> list[tuple[float, str]]:
    """Seconds from process start to the window being shown, measured from outside."""
    out = []
    env = dict(os.environ, HORIZONSCAN_REPORT_STARTUP="1", HORIZONSCAN_DATA_DIR=str(data_dir))
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "desktop"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - started
        proc.kill()
        proc.wait()
        heavy = line.split("heavy=")[-1].strip() if "heavy=" in line else "?"
        out.append((elapsed, heavy))
    return out


def current_rss_mb(pid: int) -> float:
    """Resident memory of a process now (Linux), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Heartbeat:
    """A 10 ms timer on the GUI thread; gaps between ticks are GUI stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def open_window(kb):
    from desktop.i18n import Translations
    from desktop.main_window import MainWindow
    from desktop.tasks import TaskManager

    translations = Translations()
    translations.apply("nl")
    tasks = TaskManager()
    window = MainWindow(kb, tasks, translations)
    window.resize(1400, 900)
    window.show()
    window.start()
    return window, tasks


def scan_stalls(feeds: int) -> dict:
    """Run a full scan of `feeds` local feeds (50 items each, full text) and watch the GUI thread."""
    from PySide6.QtCore import QEventLoop

    from benchmarks.bench_scan import server_process
    from store.db.settings import save_settings
    from store.knowledge_base import KnowledgeBase

    with tempfile.TemporaryDirectory() as tmp, server_process() as base:
        kb = KnowledgeBase.open(tmp)
        kb.settings.update({"allowed_hosts": ["127.0.0.1"], "scan_interval_minutes": 0})
        save_settings(kb.data_dir, kb.settings)
        for n in range(feeds):
            kb.sources.add_source(f"Feed {n}", "feed", f"{base}/gen/{n}.xml?items=50")
        window, tasks = open_window(kb)
        tasks.wait_idle(120)
        heartbeat = Heartbeat()
        loop = QEventLoop()
        window.workflows.scan_finished.connect(lambda _: loop.quit())
        heartbeat.start()
        started = time.perf_counter()
        window.workflows.scan()
        loop.exec()
        seconds = time.perf_counter() - started
        heartbeat.stop()
        tasks.wait_idle(60)
        items = kb.items.count()
        window.shutdown()
        kb.close()
    gaps = sorted(heartbeat.gaps)
    return {"seconds": seconds, "items": items, "max_gap": gaps[-1], "p99_gap": gaps[int(0.99 * (len(gaps) - 1))],
            "stalls_over_100": sum(g > 100 for g in gaps), "ticks": len(gaps)}


def large_list(items: int, workdir: Path | None, corpus: Path | None = None) -> dict:
    """Open the inbox with `items` new items; time the list, scrolling, selection and typing a search."""
    from PySide6.QtCore import QItemSelectionModel

    from benchmarks.bench_search import build_search_corpus
    from store.knowledge_base import KnowledgeBase

    scratch = tempfile.TemporaryDirectory()
    folder = corpus or ((workdir / f"desktop-{items}") if workdir else Path(scratch.name))
    kb = KnowledgeBase.open(folder)
    if kb.items.count() != items:
        build_search_corpus(kb, items)
    window, tasks = open_window(kb)
    started = time.perf_counter()
    tasks.wait_idle(300, include_jobs=False)
    while window.model.rowCount() < items * 0.9 and time.perf_counter() - started < 300:
        tasks.wait_idle(5, include_jobs=False)
    list_seconds = time.perf_counter() - started
    view = window.list_view
    scroll_ms = []
    bar = view.verticalScrollBar()
    for step in range(60):
        t0 = time.perf_counter()
        bar.setValue(int(bar.maximum() * step / 59))
        view.viewport().repaint()
        scroll_ms.append((time.perf_counter() - t0) * 1000)
    tasks.wait_idle(30, include_jobs=False)
    select_ms = []
    model = window.model
    for row in range(0, window.model.rowCount(), max(1, window.model.rowCount() // 40)):
        t0 = time.perf_counter()
        view.selectionModel().setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.scrollTo(model.index(row, 0))
        view.viewport().repaint()
        select_ms.append((time.perf_counter() - t0) * 1000)
    tasks.wait_idle(60, include_jobs=False)
    rows = window.model.rowCount()
    tasks.wait_idle(600)  # the engine's start-up job (model, vector index) is done: a user types after that
    first_ms, all_ms = typing_latency(window)
    rss = current_rss_mb(os.getpid())
    engine_rss = current_rss_mb(window.engine._process.pid)  # noqa: SLF001
    window.shutdown()
    kb.close()
    scratch.cleanup()
    return {"rows": rows, "list_seconds": list_seconds, "scroll_p50": statistics.median(scroll_ms),
            "typing_first": _p50_p95(first_ms), "typing_all": _p50_p95(all_ms),
            "scroll_max": max(scroll_ms), "select_p50": statistics.median(select_ms), "select_max": max(select_ms),
            "rss_mb": rss, "engine_rss_mb": engine_rss}


def _p50_p95(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def typing_latency(window) -> tuple[list[float], list[float]]:
    """The search bar driven as a user types: for every pause (each prefix bench_search sends), the time
    from the pause to the first rows on screen, and to the whole list (the rest follows when typing pauses)."""
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_search import QUERIES, typing_prefixes

    def wait_for(condition, limit: float = 30.0) -> float:
        started = time.perf_counter()
        while not condition() and time.perf_counter() - started < limit:
            QApplication.processEvents()
            time.sleep(0.001)
        return (time.perf_counter() - started) * 1000

    header = window.list_panel.header
    first, whole = [], []
    for query in QUERIES:
        for prefix in typing_prefixes(query):
            window.search_bar.field.setText(prefix)
            started = time.perf_counter()
            window.search_bar._emit_now()  # noqa: SLF001 - what the debounce timer does after a pause
            wait_for(lambda p=prefix: f"“{p}”" in header.text())
            first.append((time.perf_counter() - started) * 1000)
            wait_for(lambda: "+ resultaten" not in header.text())
            whole.append((time.perf_counter() - started) * 1000)
    return first, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--workdir", type=Path, help="keep the 100k corpus here and reuse it")
    parser.add_argument("--skip-scan", action="store_true")
    parser.add_argument("--corpus", type=Path, help="a corpus bench_search.py built (its size is --items)")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("HorizonscanBench")

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "cli.main", "--data-dir", tmp, "demo"], cwd=ROOT, check=True,
                       capture_output=True)
        times = startup_times(Path(tmp))
    print("Start-up: process start to window shown (example corpus, 5 runs)")
    print("| run | seconds | heavy modules loaded at that moment |")
    print("|---|---|---|")
    for n, (seconds, heavy) in enumerate(times, start=1):
        print(f"| {n} | {seconds:.2f} | {heavy} |")
    if not args.skip_scan:
        r = scan_stalls(args.feeds)
        print(f"\nGUI thread during a {args.feeds}-feed scan (10 ms heartbeat)")
        print("| scan seconds | items | ticks | max gap ms | p99 gap ms | gaps > 100 ms |")
        print("|---|---|---|---|---|---|")
        print(f"| {r['seconds']:.0f} | {r['items']} | {r['ticks']} | {r['max_gap']:.0f} | {r['p99_gap']:.0f} | "
              f"{r['stalls_over_100']} |")
    r = large_list(args.items, args.workdir, args.corpus)
    print(f"\nList of {r['rows']} items")
    print("| list shown s | scroll p50 ms | scroll max ms | select p50 ms | select max ms | app RSS MB |"
          " engine RSS MB |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {r['list_seconds']:.2f} | {r['scroll_p50']:.1f} | {r['scroll_max']:.1f} | {r['select_p50']:.1f} | "
          f"{r['select_max']:.1f} | {r['rss_mb']:.0f} | {r['engine_rss_mb']:.0f} |")
    from desktop.main_window import MORE_AFTER_MS

    print("\nTyping in the search bar (every pause of bench_search's queries), from the pause to the rows on"
          f" screen (engine process, hybrid); the whole list follows {MORE_AFTER_MS} ms after the first rows")
    print("| first rows p50 ms | first rows p95 ms | whole list p50 ms | whole list p95 ms |")
    print("|---|---|---|---|")
    print(f"| {r['typing_first'][0]:.0f} | {r['typing_first'][1]:.0f} | {r['typing_all'][0]:.0f} | "
          f"{r['typing_all'][1]:.0f} |")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 objects left to the garbage collector can crash it
