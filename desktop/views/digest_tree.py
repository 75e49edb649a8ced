"""The digest's outline: sections (themes) with their items, reordered by drag and drop or Alt+arrows.

The tree never moves rows itself: a drop or key press is turned into "put X at position N of section S",
which the store carries out; then the tree is filled again from the store."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.plain_text import literal
from desktop.style import theme_colour
from store import Entry

KIND, KEY = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Move:
    """Put an item (kind 'item', key item id) or a section (kind 'section', key theme key) at `position`
    (0 = first) of `section` (for items) or of the section list."""

    kind: str
    key: str | int
    section: str
    position: int


@dataclass(frozen=True)
class OutlineSection:
    key: str
    title: str
    entries: tuple[Entry, ...]
    position: int  # the theme's place in the taxonomy (for its colour); -1 for 'other'



class DigestTree(QTreeWidget):
    move_requested = Signal(object)  # Move
    remove_requested = Signal(int)  # item id
    open_requested = Signal(int)  # item id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setWordWrap(True)
        self.setIndentation(14)
        self.setAnimated(False)
        self.itemDoubleClicked.connect(self._double_clicked)

    # -- filling ------------------------------------------------------------------------------------
    def fill(self, sections: list[OutlineSection], keep: tuple[str, str | int] | None = None) -> None:
        """Show the sections (empty ones too, so items can be dropped there); reselect `keep`."""
        keep = keep or self.selected()
        self.clear()
        reselect = None
        for section in sections:
            # an empty section stays a place to drop items, but quietly: no "(0)", in grey
            head = QTreeWidgetItem([f"{section.title}  ({len(section.entries)})" if section.entries
                                    else section.title])
            head.setData(0, KIND, "section")
            head.setData(0, KEY, section.key)
            font = QFont(head.font(0))
            font.setBold(True)
            head.setFont(0, font)
            colour = theme_colour(section.position) if section.position >= 0 else QColor("#555555")
            if not section.entries:
                font.setBold(False)
                head.setFont(0, font)
                colour = QColor("#9e9e9e")
            head.setForeground(0, QBrush(colour))
            head.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                          | Qt.ItemFlag.ItemIsDropEnabled)
            self.addTopLevelItem(head)
            for entry in section.entries:
                marks = []
                if not entry.so_what:
                    marks.append(self.tr("nog geen betekenis voor Brabant"))
                if entry.sent_before:
                    marks.append(self.tr("eerder verzonden in %1").replace("%1", ", ".join(entry.sent_before)))
                sources = ", ".join(s.name for s in entry.sources[:3]) + ("…" if len(entry.sources) > 3 else "")
                row = QTreeWidgetItem([entry.title])
                row.setData(0, KIND, "item")
                row.setData(0, KEY, entry.item_id)
                row.setToolTip(0, literal("\n".join([entry.title, sources, *marks])))
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                             | Qt.ItemFlag.ItemIsDragEnabled)
                if entry.sent_before:
                    row.setForeground(0, QBrush(QColor("#a15c00")))
                    row.setText(0, f"⚠ {entry.title}")
                head.addChild(row)
                if keep == ("item", entry.item_id):
                    reselect = row
            if keep == ("section", section.key):
                reselect = head
            head.setExpanded(True)
        if reselect is not None:
            self.setCurrentItem(reselect)

    def selected(self) -> tuple[str, str | int] | None:
        current = self.currentItem()
        if current is None:
            return None
        return current.data(0, KIND), current.data(0, KEY)

    def _heads(self) -> list[QTreeWidgetItem]:
        """The section rows (the top level)."""
        heads = (self.topLevelItem(n) for n in range(self.topLevelItemCount()))
        return [head for head in heads if head is not None]

    @staticmethod
    def _children(head: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        """The item rows of a section."""
        children = (head.child(n) for n in range(head.childCount()))
        return [child for child in children if child is not None]

    def select_first_item(self) -> None:
        for head in self._heads():
            children = self._children(head)
            if children:
                self.setCurrentItem(children[0])
                return

    def section_keys(self) -> list[str]:
        return [head.data(0, KEY) for head in self._heads()]

    # -- moving ---------------------------------------------------------------------------------------
    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        move = self.move_for_drop(dragged, target, self.dropIndicatorPosition()) if dragged else None
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the store moves it; the tree is filled again
        event.accept()
        if move is not None:
            self.move_requested.emit(move)

    def move_for_drop(self, dragged: QTreeWidgetItem, target: QTreeWidgetItem | None,
                      where: QAbstractItemView.DropIndicatorPosition) -> Move | None:
        """What dropping `dragged` at `target` (above, below or on it) means."""
        above = where == QAbstractItemView.DropIndicatorPosition.AboveItem
        on = where == QAbstractItemView.DropIndicatorPosition.OnItem
        sections = self.section_keys()
        if dragged.data(0, KIND) == "section":
            if target is None:
                return Move("section", dragged.data(0, KEY), "", len(sections))
            parent = target.parent()
            index = sections.index((target if parent is None else parent).data(0, KEY))
            mine = sections.index(dragged.data(0, KEY))
            position = index if above else index + 1
            return Move("section", dragged.data(0, KEY), "", position - (1 if mine < position else 0))
        item_id = int(dragged.data(0, KEY))
        if target is None:
            return Move("item", item_id, sections[-1], 10**6) if sections else None
        head = target.parent()
        if head is None:  # a section row
            if above:
                index = sections.index(target.data(0, KEY))
                if index == 0:
                    return Move("item", item_id, target.data(0, KEY), 0)
                return Move("item", item_id, sections[index - 1], 10**6)
            return Move("item", item_id, target.data(0, KEY), 10**6 if on else 0)
        siblings = [child.data(0, KEY) for child in self._children(head)]
        index = siblings.index(target.data(0, KEY)) + (0 if above else 1)
        if item_id in siblings and siblings.index(item_id) < index:
            index -= 1
        return Move("item", item_id, head.data(0, KEY), index)

    def move_selected(self, step: int) -> None:
        """Alt+Up / Alt+Down: one place up or down (an item crosses into the next section at the edge)."""
        current = self.currentItem()
        if current is None:
            return
        sections = self.section_keys()
        if current.data(0, KIND) == "section":
            index = sections.index(current.data(0, KEY)) + step
            if 0 <= index < len(sections):
                self.move_requested.emit(Move("section", current.data(0, KEY), "", index))
            return
        head = current.parent()
        assert head is not None, "an item row always sits in a section"
        index = head.indexOfChild(current) + step
        if 0 <= index < head.childCount():
            self.move_requested.emit(Move("item", current.data(0, KEY), head.data(0, KEY), index))
            return
        s = sections.index(head.data(0, KEY)) + step
        if 0 <= s < len(sections):  # into the neighbouring section: at its end going up, its start going down
            self.move_requested.emit(Move("item", current.data(0, KEY), sections[s], 10**6 if step < 0 else 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        selected = self.selected()
        if event.key() == Qt.Key.Key_Delete and selected and selected[0] == "item":
            self.remove_requested.emit(int(selected[1]))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected and selected[0] == "item":
            self.open_requested.emit(int(selected[1]))
            return
        super().keyPressEvent(event)

    def _double_clicked(self, row: QTreeWidgetItem) -> None:
        if row.data(0, KIND) == "item":
            self.open_requested.emit(int(row.data(0, KEY)))
