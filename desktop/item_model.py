"""The item list model: ids known up front, rows loaded a page at a time in the store worker,
so a list of 100,000 items opens and scrolls at once."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.plain_text import literal
from desktop.tasks import TaskManager
from store import KnowledgeBase
from store.core.models import ItemSummary, Snippet

PAGE = 100
IdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
ScoreRole = Qt.ItemDataRole.UserRole + 4
Index = QModelIndex | QPersistentModelIndex


class ItemListModel(QAbstractListModel):
    """Rows are item ids; summaries arrive asynchronously (rows show a placeholder meanwhile)."""

    loaded = Signal()  # a page arrived

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, language: str = "nl") -> None:
        super().__init__()
        self.kb = kb
        self.tasks = tasks
        self.language = language
        self.ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._cache: dict[int, ItemSummary] = {}
        self._snippets: dict[int, Snippet] = {}
        self._explanations: dict[int, str] = {}
        self._loading: set[int] = set()
        self._generation = 0

    # -- content ---------------------------------------------------------------------------
    def explanation(self, item_id: int) -> str | None:
        """Why the inbox ranks this item where it is ("0,42 · lijkt op ..."), if it is ranked."""
        return self._explanations.get(item_id)

    def set_ids(self, ids: list[int], snippets: dict[int, Snippet] | None = None,
                explanations: dict[int, str] | None = None,
                summaries: dict[int, ItemSummary] | None = None) -> None:
        """Show these items in this order (summaries already known may be passed along)."""
        self.beginResetModel()
        self._generation += 1
        self.ids = list(ids)
        self._rows = {item_id: row for row, item_id in enumerate(self.ids)}
        self._cache = dict(summaries or {})
        self._snippets = dict(snippets or {})
        self._explanations = dict(explanations or {})
        self._loading = set()
        self.endResetModel()

    def append_ids(self, ids: list[int], summaries: dict[int, ItemSummary] | None = None) -> None:
        """More rows below the ones shown (the rest of a long result list)."""
        ids = [i for i in dict.fromkeys(ids) if i not in self._rows]
        if not ids:
            return
        self.beginInsertRows(QModelIndex(), len(self.ids), len(self.ids) + len(ids) - 1)
        self._rows.update((item_id, len(self.ids) + n) for n, item_id in enumerate(ids))
        self.ids += ids
        self._cache.update((i, s) for i, s in (summaries or {}).items() if i in self._rows)
        self.endInsertRows()

    def add_snippets(self, snippets: dict[int, Snippet]) -> None:
        """Snippets that came after the rows (a long result list gets them for its first rows at once)."""
        rows = [self._rows[i] for i in snippets if i in self._rows]
        if not rows:
            return
        self._snippets.update(snippets)
        self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 0), [SnippetRole])

    def row_of(self, item_id: int) -> int | None:
        return self._rows.get(item_id)

    def summary(self, row: int) -> ItemSummary | None:
        return self._cache.get(self.ids[row]) if 0 <= row < len(self.ids) else None

    def refresh(self, item_ids: list[int]) -> None:
        """Reload these rows (after tagging, starring...)."""
        wanted = [i for i in item_ids if i in self._rows]
        if not wanted:
            return
        generation = self._generation
        self.tasks.run(lambda: self.kb.items.get_summaries(wanted, self.language),
                       lambda found: self._store(found, generation), what="refresh list rows")

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        item_id = self.ids[index.row()]
        if role == IdRole:
            return item_id
        if role == SnippetRole:
            return self._snippets.get(item_id)
        if role == ScoreRole:
            return self._explanations.get(item_id)
        summary = self._cache.get(item_id)
        if summary is None:
            self._request(index.row())
            return None if role != Qt.ItemDataRole.DisplayRole else "…"
        if role == SummaryRole:
            return summary
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._explanations.get(item_id) or summary.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{summary.title}, {summary.source}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- paging -----------------------------------------------------------------------------------
    def _request(self, row: int) -> None:
        page = row // PAGE
        if page in self._loading:
            return
        self._loading.add(page)
        ids = self.ids[page * PAGE : (page + 1) * PAGE]
        generation = self._generation
        self.tasks.run(lambda: self.kb.items.get_summaries(ids, self.language),
                       lambda found: self._store(found, generation), what="load list rows")

    def _store(self, found: dict[int, ItemSummary], generation: int) -> None:
        if generation != self._generation or not found:
            return
        self._cache.update(found)
        rows = sorted(self._rows[i] for i in found if i in self._rows)
        if rows:
            self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]))
        self.loaded.emit()
