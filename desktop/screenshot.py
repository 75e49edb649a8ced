"""Screenshot mode: wait until the window has its data, optionally search, open an item or a view,
then save the window as a PNG."""

from __future__ import annotations

import argparse
import sys

from desktop.main_window import MainWindow
from desktop.tasks import TaskManager
from desktop.views.search_bar import SearchState
from desktop.views.sidebar import Place


def take_screenshot(window: MainWindow, tasks: TaskManager, args: argparse.Namespace) -> int:
    """Render the window as asked and save it; returns an exit code. Nothing is marked read."""
    window.reader.mark_read_after_ms = -1
    tasks.wait_idle(timeout=120)  # the sidebar, the first list and the language model
    if args.view and args.view != "new":
        window.open_place(Place(args.view))
        tasks.wait_idle(timeout=60)
    if args.query:
        window.search_bar.set_state(SearchState(query=args.query))
        tasks.wait_idle(timeout=60)
    if args.item:
        try:
            item_id = window.kb.resolve_item(args.item)
        except Exception as exc:  # noqa: BLE001 - report, do not crash
            print(f"horizonscan-desktop: {exc}", file=sys.stderr)
            return 1
        window.open_item(item_id)
        tasks.wait_idle(timeout=60)
    tasks.wait_idle(timeout=30)
    window.repaint()
    image = window.grab()
    if not image.save(args.screenshot):
        print(f"horizonscan-desktop: cannot write {args.screenshot}", file=sys.stderr)
        return 1
    print(args.screenshot)
    return 0
