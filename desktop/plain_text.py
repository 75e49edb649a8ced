"""Text from outside is text: titles, source names, tags, snippets, actor names, error details.

Qt guesses. A QLabel, a tooltip or a message box whose text *looks like* HTML (Qt::mightBeRichText) is shown as
rich text, and rich text loads what its <img> tags name: <img src="/dev/zero"> eats gigabytes,
<img src="\\\\host\\share\\x.png"> makes Windows send the user's credentials to that host, and <font> or a link
lets a feed dress up what the user sees. So:

- a QLabel that shows outside text gets `plain_label` (Qt.TextFormat.PlainText);
- our own rich text that includes outside text puts it through `escape`;
- a tooltip, a model's ToolTipRole or a message box (no format to set) gets `literal`: the text itself when
  Qt would take it for plain text, else the text escaped as rich text, which shows it character for character;
- the only HTML that is rendered as HTML (sanitised article bodies, the digest preview) goes into a
  `NoResourceBrowser`, which loads nothing, from disk or network, and opens only web links, in the browser.
"""

from __future__ import annotations

import html
from functools import lru_cache

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

WEB_SCHEMES = ("http", "https")


def escape(text: str) -> str:
    """Outside text inside our own rich text (a label with links, a chart title)."""
    return html.escape(text or "", quote=True)


def literal(text: str) -> str:
    """`text` as a string that a tooltip, a message box or an AutoText label shows literally."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    escaped = html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
    return "<p style='white-space:pre-wrap'>" + escaped + "</p>"  # spaces kept; <br>: no line break is lost


def plain_label(label: QLabel) -> QLabel:
    """A label whose text is never taken for HTML (its text comes, in part, from outside)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def is_web_link(url: QUrl | str) -> bool:
    url = QUrl(url) if isinstance(url, str) else url
    return url.isValid() and url.scheme().lower() in WEB_SCHEMES and bool(url.host())


def open_web_link(url: QUrl | str) -> bool:
    """Open an http(s) link in the system browser; any other link (file:, \\\\host\\share, javascript:...)
    is ignored. Returns whether it was opened."""
    url = QUrl(url) if isinstance(url, str) else url
    if not is_web_link(url):
        return False
    return QDesktopServices.openUrl(url)


@lru_cache(maxsize=1)
def _blank_image() -> QImage:
    """What every image of a rendered document is: one transparent pixel. Not a null image: for a null
    one Qt's image handler falls back to reading the file the <img> names."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


def _nothing(kind: object) -> object:
    if getattr(kind, "value", kind) == QTextDocument.ResourceType.ImageResource.value:
        return _blank_image()
    return QByteArray()  # not None: for an empty answer QTextDocument reads local files itself


class SealedDocument(QTextDocument):
    """A text document that loads no resource: no image, style sheet or page, local or remote."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        return _nothing(kind)


class NoResourceBrowser(QTextBrowser):
    """A QTextBrowser for HTML we render as HTML: it loads nothing (its document is sealed too), never
    navigates, and a click on an http(s) link opens the system browser; other links do nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = SealedDocument(self)
        self.setDocument(self._document)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(open_web_link)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt override
        return _nothing(kind)

    def doSetSource(self, name: QUrl | str, kind: object = None) -> None:  # noqa: N802 - Qt override
        return  # never navigates (backward, forward, home, reload): what it shows is set with setHtml
