"""Text from outside (titles, source names, tags, snippets, story sources, watchlist matches, digest entries) is
shown as text in every widget, tooltip and preview, never as HTML: a title holding <img src="/dev/zero"> must not
make the window read a file (issue 15, point 2).

The hostile strings point their images at sentinel files; Linux's inotify tells whether anything opened them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import shutil
import struct
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QToolTip,
    QWidget,
)

from store.core.models import NewItem
from store.core.timeutil import utcnow
from store.core.weeks import current_week
from store.knowledge_base import KnowledgeBase
from tests.gui.conftest import open_window, settle

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support raise")]  # tooltips, off-screen

IN_ACCESS, IN_OPEN = 0x1, 0x20
HOSTILE_TAG = re.compile(r"<\s*(img|font)\b|<a\s[^>]*evil\.example", re.IGNORECASE)  # the hostile tags, unescaped


class FileOpenWatch:
    """Which files in a folder were opened or read since the watch began (inotify; atime elsewhere)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fd = -1
        if sys.platform.startswith("linux"):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
            if self.fd >= 0 and libc.inotify_add_watch(self.fd, bytes(folder), IN_OPEN | IN_ACCESS) < 0:
                os.close(self.fd)
                self.fd = -1
        self.atimes = {}
        for path in folder.iterdir():  # fallback: an access time set in the past moves when the file is read
            os.utime(path, (1_000_000_000, path.stat().st_mtime))
            self.atimes[path.name] = path.stat().st_atime

    def opened(self) -> set[str]:
        names: set[str] = set()
        if self.fd >= 0:
            while True:
                try:
                    data = os.read(self.fd, 65536)
                except BlockingIOError:
                    break
                offset = 0
                while offset < len(data):
                    _wd, _mask, _cookie, length = struct.unpack_from("iIII", data, offset)
                    name = data[offset + 16: offset + 16 + length].rstrip(b"\0").decode()
                    if name:
                        names.add(name)
                    offset += 16 + length
        else:
            names = {name for name, atime in self.atimes.items() if (self.folder / name).stat().st_atime != atime}
        return names

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class Hostile:
    """The hostile strings, their images pointing at sentinel files in a short folder of their own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        image = QImage(4, 4, QImage.Format.Format_ARGB32)
        image.fill(0xFFFF0000)
        self.files = {}
        for name in ("by-url.png", "by-path.png", "tag.png", "probe.png"):
            self.files[name] = folder / name
            assert image.save(str(folder / name))
        url, path = self.files["by-url.png"], self.files["by-path.png"]
        self.markup = (f'<img src="file://{url}"><img src="{path}"><img src="\\\\host\\share\\x.png">'
                       '<font color=red size=7>SPOOF</font><a href="http://evil.example/">click</a><b>bold</b>')
        self.title = "Evilcorp Quaxelbrink Zorventa Plimsoller " + self.markup  # words no example story has
        self.tags = ["<font color=red size=7>SPOOF</font>", f'<img src="{self.files["tag.png"]}">']
        assert all(len(t) <= 60 for t in self.tags), "tags are at most 60 characters: keep the folder short"


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    folder = Path(tempfile.mkdtemp(prefix="hs"))  # short: a tag holds its path
    try:
        yield Hostile(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def add_hostile_item(kb: KnowledgeBase, h: Hostile) -> int:
    """One item, seen in two hostile sources (a story), with hostile tags, in the watchlist, the digest and a
    saved search; one of its sources failing with a hostile error."""
    first = kb.sources.add_source("Bron " + h.markup, "feed", "https://hostile.example/feed.xml").source
    second = kb.sources.add_source(h.markup + " twee", "feed", "https://hostile2.example/feed.xml").source
    now = utcnow()
    text = "Evilcorp Quaxelbrink Zorventa Plimsoller Gribbelwerf. " + h.markup
    items = [NewItem(url=f"https://hostile{n}.example/1", title=h.title, text=text, summary=h.markup,
                     source_id=source.id, content_html="<p>Evilcorp</p>" + h.markup, published=now)
             for n, source in ((1, first), (2, second))]
    result = kb.add_items(items)
    item_id = result.added_ids[0]
    assert item_id in kb.lists.new_ids(), "the hostile item is a story of its own, in the inbox"
    kb.items.add_tags([item_id], h.tags)
    kb.sources.record_health(first.id, status="failing", checked=now, next_due=now, error_code="network",
                             error_params={"detail": h.markup})
    kb.watchlist.add_actor("Evilcorp " + h.markup, "agency", ["Evilcorp", h.tags[0]])
    kb.watchlist.match_actors()
    kb.lists.save_search(h.markup, "Evilcorp")
    kb.digests.add_to_week([item_id], *current_week(), so_what=h.markup)
    return item_id


def shown_as_rich_text(label: QLabel) -> bool:
    from PySide6.QtGui import Qt as GuiQt

    fmt = label.textFormat()
    if fmt == fmt.PlainText:
        return False
    return fmt == fmt.RichText or (fmt == fmt.AutoText and GuiQt.mightBeRichText(label.text()))


def tooltip_label() -> QLabel | None:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label"]
    return found[0] if found and isinstance(found[0], QLabel) else None


def assert_no_markup_shown(text: str, rich: bool, where: str) -> None:
    """Rich text may hold our own markup, never the hostile tags: those must be escaped."""
    if rich:
        assert not HOSTILE_TAG.search(text), (where, text)


TOOLTIPS_SEEN: list[tuple[str, str]] = []  # (where, text) of the tooltips that held hostile text


def check_tooltip(where: str) -> None:
    """The tooltip on screen shows its text: if rich, then only escaped."""
    label = tooltip_label()
    if label is not None and QToolTip.isVisible():
        label.grab()  # lay out and paint: images would load here
        assert_no_markup_shown(label.text(), shown_as_rich_text(label), f"tooltip of {where}")
        if "SPOOF" in label.text():
            TOOLTIPS_SEEN.append((where, label.text()))


def hover_items(view: QAbstractItemView) -> int:
    """Hover every row (every cell of a table) and show its tooltip, as the mouse would."""
    model = view.model()
    shown = 0

    def walk(parent) -> Iterator:
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount to itself
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                yield index
                if column == 0 and model.rowCount(index) > 0:
                    yield from walk(index)

    from PySide6.QtCore import QModelIndex

    for index in walk(QModelIndex()):
        view.scrollTo(index)
        rect = view.visualRect(index)
        if not rect.isValid():
            continue
        pos = rect.center()
        event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
        QApplication.sendEvent(view.viewport(), event)
        QApplication.processEvents()
        if QToolTip.isVisible():
            shown += 1
            check_tooltip(f"{type(view).__name__} row {index.row()}")
            QToolTip.hideText()
    return shown


def hover_widgets(root: QWidget) -> None:
    """Show the tooltip of every visible widget that has one."""
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and widget.toolTip():
            QToolTip.showText(widget.mapToGlobal(widget.rect().center()), widget.toolTip(), widget)
            QApplication.processEvents()
            check_tooltip(f"{type(widget).__name__} {widget.objectName()}")
            QToolTip.hideText()


def check_labels(root: QWidget, where: str) -> None:
    root.grab()  # lay out and paint everything on screen
    for label in root.findChildren(QLabel):
        assert_no_markup_shown(label.text(), shown_as_rich_text(label), f"{where}: {type(label.parent()).__name__}")


def visit(window, where: str) -> None:
    """Check every label on screen, and hover every row of every list, table and tree and every widget."""
    settle(window)
    QApplication.processEvents()
    check_labels(window, where)
    for view in window.findChildren(QAbstractItemView):
        if view.isVisible() and view.model() is not None and not isinstance(view, QHeaderView):
            hover_items(view)
    hover_widgets(window)


def test_a_hostile_item_is_text_in_every_view_and_opens_no_file(qtbot, demo_kb, hostile) -> None:
    from desktop.views.search_bar import SearchState
    from desktop.views.sidebar import Place

    item_id = add_hostile_item(demo_kb, hostile)
    TOOLTIPS_SEEN.clear()
    watch = FileOpenWatch(hostile.folder)
    window = open_window(qtbot, demo_kb)
    try:
        # the list and the reader (the item of two sources: a story); it stays new, and so in the inbox
        window.reader.mark_read_after_ms = -1
        window.reader.show_empty()  # a timer started for the first item shown marks nothing now
        demo_kb.items.set_state([item_id], "new")
        window.open_place(Place("new"))
        settle(window)
        assert window.list_view.select_id(item_id)
        settle(window)
        reader = window.reader
        assert reader.item is not None and reader.item.id == item_id
        qtbot.waitUntil(lambda: reader.similar.count() > 0, timeout=30000)
        assert reader.title.text() == hostile.title  # shown literally, every character
        assert not shown_as_rich_text(reader.title)
        meta = QTextDocument()
        if shown_as_rich_text(reader.meta):
            meta.setHtml(reader.meta.text())
        else:
            meta.setPlainText(reader.meta.text())
        assert "Bron " + hostile.markup in meta.toPlainText()  # the source's name, literally
        visit(window, "reader")
        # a search: the snippet and the list's tooltip
        window.search_bar.set_state(SearchState(query="Evilcorp"))
        qtbot.waitUntil(lambda: window.model.row_of(item_id) is not None, timeout=30000)
        visit(window, "search")
        window.search_bar.set_state(SearchState())
        settle(window)
        # every manager, the watchlist actor and the saved search from the sidebar
        for place in (Place("sources"), Place("watchlist"), Place("trends"), Place("digest"), Place("saved", "1")):
            window.open_place(place)
            settle(window)
            if place.kind == "watchlist":
                view = window.views["watchlist"]
                view.table.selectRow(next(n for n, a in enumerate(view.actors) if "SPOOF" in a.name))
                settle(window)
                assert view.chart is not None and view.items.count() == 1
            elif place.kind == "sources":
                view = window.views["sources"]
                row = next(n for n, s in enumerate(view.model.sources) if s.name.startswith("Bron "))
                view.table.selectRow(row)
            elif place.kind == "trends":
                view = window.views["trends"]
                for n in range(view.choice.count()):  # the actor alone: its name is the chart's title
                    entry = view.choice.item(n)
                    entry.setCheckState(Qt.CheckState.Checked if "SPOOF" in entry.text() else Qt.CheckState.Unchecked)
                assert [s.label for s in view.chosen()] == ["Evilcorp " + hostile.markup]
            elif place.kind == "digest":
                window.views["digest"].side.setCurrentIndex(0)
            visit(window, place.kind)
        digest = window.views["digest"]
        assert "Evilcorp Quaxelbrink" in digest.preview.toPlainText()
        assert hostile.markup in digest.preview.toPlainText()  # the title, as text
        sidebar_texts = []
        for n in range(window.sidebar.topLevelItemCount()):
            top = window.sidebar.topLevelItem(n)
            sidebar_texts += [top.child(c).text(0) for c in range(top.childCount())]
        assert hostile.markup in sidebar_texts  # the saved search
        settle(window)
        QApplication.processEvents()
        assert watch.opened() == set(), "rendering hostile text opened a local file"
        hovered = {where.split(" row")[0] for where, _ in TOOLTIPS_SEEN}
        assert {"ItemListView", "Sidebar", "DigestTree", "QTableView", "QTableWidget", "QListWidget"} <= hovered
    finally:
        watch.close()
        window.shutdown()


def test_browsers_load_nothing_and_open_only_web_links(qtbot, demo_kb, hostile, monkeypatch) -> None:
    """The reader's article and the digest preview read no file and fetch nothing, whatever the HTML asks;
    a click opens only an http(s) link, and only in the system browser."""
    from desktop.views.sidebar import Place

    add_hostile_item(demo_kb, hostile)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(QUrl(url).toString()) or True)
    watch = FileOpenWatch(hostile.folder)
    window = open_window(qtbot, demo_kb)
    try:
        window.open_place(Place("digest"))
        settle(window)
        browsers = window.findChildren(QTextBrowser)
        assert len(browsers) >= 2  # the article and the digest preview
        probe = str(hostile.files["probe.png"])
        for browser in browsers:
            assert not browser.openLinks() and not browser.openExternalLinks()
            for name in (QUrl.fromLocalFile(probe), QUrl(probe), QUrl("\\\\host\\share\\x.png"),
                         QUrl("https://remote.example/x.png")):
                for kind in (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.StyleSheetResource,
                             QTextDocument.ResourceType.HtmlResource):
                    got = browser.document().resource(kind, name)
                    assert not (isinstance(got, bytes | bytearray) and got), (type(browser).__name__, name, got)
                    data = getattr(got, "data", lambda: b"")() if not isinstance(got, QImage) else b""
                    assert not data, (type(browser).__name__, name)
            browser.setHtml(f'<p>x</p><img src="{probe}"><img src="file://{probe}">'
                            f'<table><tr><td style="background-image:url({probe})">y</td></tr></table>')
            browser.grab()
            for link in ("file:///etc/passwd", "\\\\host\\share\\x.png", "javascript:alert(1)", "https://ok.example/a"):
                browser.anchorClicked.emit(QUrl(link))
        window.reader.meta.linkActivated.emit("file:///etc/passwd")
        window.reader.meta.linkActivated.emit("https://ok.example/b")
        QApplication.processEvents()
        assert watch.opened() == set(), "a browser read a local file"
        assert set(opened) <= {"https://ok.example/a", "https://ok.example/b"}, opened
        assert "https://ok.example/b" in opened
    finally:
        watch.close()
        window.shutdown()


@pytest.mark.parametrize("text", ['<img src="/dev/zero">', "a <b>b</b>\nc", "x & y", "&lt;b&gt; stays", "plain",
                                  '\n<font size=7>late</font>', ""])
def test_literal_text_survives_qt_auto_detection(qapp, text: str) -> None:
    """What the helper makes of outside text shows exactly that text in a tooltip, message box or AutoText label."""
    from PySide6.QtGui import Qt as GuiQt

    from desktop.plain_text import literal

    shown = literal(text)
    if GuiQt.mightBeRichText(shown):
        document = QTextDocument()
        document.setHtml(shown)
        assert document.toPlainText() == text
        assert "<img" not in shown and "<font" not in shown
    else:
        assert shown == text
