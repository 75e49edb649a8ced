"""A view that shows store data and refreshes itself from the window's one change notification."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from store.core.changes import Changes

ENGINE = "engine"  # changes made by the engine process (a scan, an import, rules, suggestions)
APP = "app"  # changes made by this window's own store worker


class StoreView:
    """Mixin for the views of the window's page stack.

    `watches` names the kinds of change the view shows (see store.core.changes.KINDS). A visible view
    refreshes when the engine changed one of them, unless the user is typing in it (then it waits for the
    next change, or for being opened again); what the user changes in the view itself, the view already
    shows, and a view that is not visible refreshes when it is opened.
    """

    watches: ClassVar[frozenset[str]] = frozenset()

    def refresh(self) -> None:
        """Reload what the view shows from the store (in the worker)."""

    def on_store_changed(self, changes: Changes, origin: str) -> None:
        view = self if isinstance(self, QWidget) else None
        if origin != ENGINE or view is None or not changes.touches(*self.watches) or not view.isVisible():
            return
        focus = QApplication.focusWidget()
        editing = (focus is not None and view.isAncestorOf(focus)
                   and isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox))
        if not editing:
            self.refresh()
