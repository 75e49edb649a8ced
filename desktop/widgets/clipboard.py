"""Rich text on the clipboard (HTML plus a plain-text fallback), e.g. the digest "copy as e-mail"."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QStandardItemModel


def put_rich_text(html: str, text: str) -> None:
    """Put HTML and plain text on the clipboard, so it pastes formatted into Outlook or Word.

    The QMimeData is made by Qt itself (through a throw-away item model), not constructed from Python:
    the clipboard deletes its data only when the program ends, and with PySide6 6.12 deleting a
    Python-constructed QMimeData at that moment crashes the interpreter on its way out."""
    model = QStandardItemModel(1, 1)
    data = model.mimeData([model.index(0, 0)])
    for mime_type in data.formats():
        data.removeFormat(mime_type)
    data.setHtml(html)
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)
