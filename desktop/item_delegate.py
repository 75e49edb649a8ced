"""Paints one list row: unread dot and bold title, source or "N bronnen" and date, theme chips
(solid when confirmed, outlined with "?" while only suggested) and a snippet with matched words."""

from __future__ import annotations

import re
import zlib

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.item_model import ScoreRole, SnippetRole, SummaryRole
from desktop.style import THEME_COLOURS, UNREAD, relative_date, theme_colour, ui_language
from store.core.models import ItemSummary, Snippet

PAD = 8
DOT = 8


def meta_parts(summary: ItemSummary) -> tuple[str, list[str]]:
    """The source (or "3 bronnen"), and what follows it: when (as the CLI says it) · language (NL, PL, RO...) ·
    example."""
    if summary.source_count > 1:
        source = QCoreApplication.translate("ItemDelegate", "%1 bronnen").replace("%1", str(summary.source_count))
    else:
        source = summary.source
    rest = [relative_date(summary.published)]
    if summary.language:  # on every item: a Polish or Romanian voice stands out in a Dutch list
        rest.append(summary.language.upper())
    if summary.is_example:
        rest.append(QCoreApplication.translate("ItemDelegate", "voorbeeld"))
    return source or "", [p for p in rest if p]


def meta_line(summary: ItemSummary) -> str:
    """The line under the title: source · when · language · example."""
    source, rest = meta_parts(summary)
    return " · ".join(p for p in [source, *rest] if p)


def fitted_meta(summary: ItemSummary, prefix: str, metrics: QFontMetrics, width: int) -> str:
    """The meta line in `width` pixels: a long source name gives way first, so the date stays readable."""
    source, rest = meta_parts(summary)
    full = prefix + " · ".join(p for p in [source, *rest] if p)
    if metrics.horizontalAdvance(full) <= width or not source:
        return metrics.elidedText(full, Qt.TextElideMode.ElideRight, width)
    tail = " · " + " · ".join(rest) if rest else ""
    room = width - metrics.horizontalAdvance(prefix + tail)
    if room < metrics.horizontalAdvance("MMM…"):
        return metrics.elidedText(full, Qt.TextElideMode.ElideRight, width)
    return prefix + metrics.elidedText(source, Qt.TextElideMode.ElideRight, room) + tail


# Chip names of the default themes: one word that still says what the theme is.
SHORT_LABELS = {
    "nl": {"economie": "Economie", "arbeidsmarkt": "Arbeidsmarkt", "huisvesting": "Huisvesting",
           "impact": "Impact", "veiligheid": "Veiligheid", "migranten": "Migranten", "markt": "Markt",
           "beleid": "Beleid"},
    "en": {"economie": "Economy", "arbeidsmarkt": "Labour", "huisvesting": "Housing", "impact": "Impact",
           "veiligheid": "Safety", "migranten": "Migrants", "markt": "Market", "beleid": "Policy"},
}


def short_label(label: str, key: str = "", language: str = "nl") -> str:
    """A theme's name for a chip: a default theme's short name ("Markt & commerciële partijen" -> "Markt",
    "Safety & enforcement" -> "Safety"), else the label up to " & ", cut to its first word when long."""
    known = SHORT_LABELS.get(language, {}).get(key)
    if known:
        return known
    short = label.split(" & ")[0].strip()
    return short if len(short) <= 14 else short.split()[0].rstrip(",:;'’")


class ItemDelegate(QStyledItemDelegate):
    def __init__(self, theme_positions: dict[str, int] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.theme_positions = theme_positions or {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(300, PAD * 2 + line * 3 + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,  # noqa: C901
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlpha(170)
        rect = option.rect.adjusted(PAD + DOT + 6, PAD, -PAD, -PAD)
        summary: ItemSummary | None = index.data(SummaryRole)
        metrics = QFontMetrics(option.font)
        line = metrics.lineSpacing()
        if summary is None:
            painter.setPen(muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             QCoreApplication.translate("ItemDelegate", "Laden…"))
            painter.restore()
            return
        unread = summary.state == "new"
        if unread:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(UNREAD))
            painter.drawEllipse(option.rect.left() + PAD, rect.top() + line // 2 - DOT // 2, DOT, DOT)
        title_font = QFont(option.font)
        title_font.setBold(unread)
        if summary.state == "dismissed":
            title_font.setStrikeOut(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        star = "★ " if summary.starred else ""
        title = QFontMetrics(title_font).elidedText(star + summary.title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), Qt.AlignmentFlag.AlignVCenter, title)

        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        ranked: str | None = index.data(ScoreRole)
        # the inbox's order, visible: "▲ 0,42" (the reason is in the reader and the tooltip)
        prefix = f"▲ {ranked.split(' · ')[0]} · " if ranked else ""
        chips_width = self._chips_width(summary, small_metrics)
        badge = self._paint_source_badge(painter, summary, small_metrics, rect.left(), rect.top() + line + 2, line)
        meta_rect = QRect(rect.left() + badge, rect.top() + line + 2,
                          max(40, rect.width() - chips_width - 8 - badge), line)
        painter.setPen(muted)
        painter.drawText(meta_rect, Qt.AlignmentFlag.AlignVCenter,
                         fitted_meta(summary, prefix, small_metrics, meta_rect.width()))
        self._paint_chips(painter, summary, small_metrics, rect.right(), rect.top() + line + 2, line, selected)

        snippet: Snippet | None = index.data(SnippetRole)
        if (snippet is None or not snippet.text) and summary.lead:
            snippet = Snippet(summary.lead)
        if snippet is not None and snippet.text:
            self._paint_snippet(painter, snippet, QRect(rect.left(), rect.top() + 2 * line + 4, rect.width(), line),
                                small, muted, text_colour)
        painter.restore()

    def _themes(self, summary: ItemSummary) -> list[tuple[str, str, bool]]:
        """(key, label, confirmed) for the chips: the item's themes, then open suggestions."""
        shown = [(t.key, t.label, True) for t in summary.themes if t.active]
        shown += [(t.key, t.label, False) for t in summary.themes
                  if t.origin == "suggested" and t.decision is None and (t.confidence or 0) >= 0.5]
        return shown[:3]

    def _chips_width(self, summary: ItemSummary, metrics: QFontMetrics) -> int:
        return sum(metrics.horizontalAdvance(self._chip_text(key, label, ok)) + 14
                   for key, label, ok in self._themes(summary))

    def _chip_text(self, key: str, label: str, confirmed: bool) -> str:
        short = short_label(label, key, ui_language())
        return short if confirmed else f"? {short}"

    @staticmethod
    def _paint_source_badge(painter: QPainter, summary: ItemSummary, metrics: QFontMetrics, left: int, top: int,
                            height: int) -> int:
        """The source's initials on a colour of its own (a story of several outlets: their number);
        returns the width taken."""
        name = summary.source or ""
        if summary.source_count > 1:
            text = str(summary.source_count)
        else:
            words = [w for w in re.findall(r"[^\W\d_]+", name.split("(")[0]) if w[0].isupper()] or [name or "?"]
            text = "".join(w[0] for w in words[:2]).upper()
        colour = QColor(THEME_COLOURS[zlib.crc32(name.encode()) % len(THEME_COLOURS)])
        width = max(height, metrics.horizontalAdvance(text) + 8)
        box = QRect(left, top + 1, width, height - 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        return width + 6

    def _paint_chips(self, painter: QPainter, summary: ItemSummary, metrics: QFontMetrics, right: int, top: int,
                     height: int, selected: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = right
        for key, label, confirmed in reversed(self._themes(summary)):
            text = self._chip_text(key, label, confirmed)
            width = metrics.horizontalAdvance(text) + 10
            box_height = metrics.height() + 2  # the small text with its descenders, inside the border
            box = QRect(x - width, top + (height - box_height) // 2, width, box_height)
            colour = theme_colour(self.theme_positions.get(key, 1))
            if confirmed:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(box, 6, 6)
                painter.setPen(QColor("white"))
            else:
                pen = QPen(QColor("white") if selected else colour)
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(0, 0, -1, -1), 6, 6)
                painter.setPen(QColor("white") if selected else colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            x -= width + 4

    @staticmethod
    def _paint_snippet(painter: QPainter, snippet: Snippet, rect: QRect, font: QFont, muted: QColor,
                       strong: QColor) -> None:
        """The snippet on one line, matched words bold."""
        bold = QFont(font)
        bold.setBold(True)
        x = rect.left()
        last = 0
        pieces: list[tuple[str, bool]] = []
        for start, end in snippet.highlights:
            pieces += [(snippet.text[last:start], False), (snippet.text[start:end], True)]
            last = end
        pieces.append((snippet.text[last:], False))
        for text, hit in pieces:
            if not text:
                continue
            f = bold if hit else font
            metrics = QFontMetrics(f)
            room = rect.right() - x
            if room <= 10:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.setFont(f)
            painter.setPen(strong if hit else muted)
            painter.drawText(QRect(x, rect.top(), room, rect.height()), Qt.AlignmentFlag.AlignVCenter, shown)
            x += metrics.horizontalAdvance(shown)
            if shown != text:
                break
