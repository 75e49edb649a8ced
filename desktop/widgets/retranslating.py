"""A mix-in for widgets that follow a language switch: retranslate() (and refresh() when asked)."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Put before the Qt class: `class SettingsView(Retranslating, QWidget)`. The widget defines
    retranslate(); with `refresh_on_language_change` set, refresh() runs too (texts from data)."""

    refresh_on_language_change = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
            if self.refresh_on_language_change:
                self.refresh()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]
