"""The digest editor: outline, inline editing, reordering, candidates, exports and copy as e-mail."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView

from desktop.views.digest_tree import KEY, KIND
from desktop.views.sidebar import Place
from store.core.models import NewItem
from store.core.timeutil import utcnow
from store.core.weeks import current_week, week_bounds
from store.digest import digests
from tests.gui.conftest import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(window):
    """The digest view on this week's digest holding four items of the example corpus, in two sections."""
    db = window.kb.database
    digest = digests.week_digest(db, *current_week())
    ids = [r[0] for r in db.query("SELECT id FROM items ORDER BY published DESC LIMIT 4")]
    for n, item_id in enumerate(ids):
        digests.add_item(db, digest.id, item_id, section=("huisvesting", "veiligheid")[n // 2])
    window.open_place(Place("digest"))
    settle(window)
    view = window.views["digest"]
    view.ids = ids
    return view


def outline(view) -> list[tuple[str, list[int]]]:
    tree = view.tree
    return [(tree.topLevelItem(n).data(0, KEY), [tree.topLevelItem(n).child(c).data(0, KEY)
                                                 for c in range(tree.topLevelItem(n).childCount())])
            for n in range(tree.topLevelItemCount())]


def test_outline_lists_every_section_and_item(editor) -> None:
    shown = outline(editor)
    assert sorted(i for _, ids in shown for i in ids) == sorted(editor.ids)
    assert len(shown) >= 9  # every theme plus 'overig', empty ones too, so items can go there
    assert editor.tree.selected()[0] == "item"  # the first item is ready to edit
    assert editor.editor.isEnabled()


def test_inline_edit_is_saved_and_previewed(editor, window, qtbot) -> None:
    item_id = editor.tree.selected()[1]
    editor.so_what.setPlainText("Vraagt om afstemming met de gemeenten in West-Brabant.")
    qtbot.waitUntil(lambda: editor.saved.text() == "Bewaard ✓", timeout=5000)
    settle(window)
    row = window.kb.database.query_one("SELECT so_what FROM digest_items WHERE item_id = ?", (item_id,))
    assert row[0] == "Vraagt om afstemming met de gemeenten in West-Brabant."
    assert "West-Brabant" in editor.preview.toPlainText()
    editor.title.setText("Signalen week 48")
    editor.title.textEdited.emit("Signalen week 48")
    editor.intro.setPlainText("Drukke week rond huisvesting.")
    qtbot.waitUntil(lambda: editor.saved.text() == "Bewaard ✓", timeout=5000)
    settle(window)
    summary = digests.get_summary(window.kb.database, editor.digest_id)
    assert summary.title == "Signalen week 48"
    assert "Drukke week" in editor.preview.toPlainText()


def test_keyboard_reorder_moves_items_and_sections(editor, window, qtbot) -> None:
    before = outline(editor)
    section, ids = next((s, ids) for s, ids in before if len(ids) >= 1)
    last = ids[-1]
    target = next(editor.tree.topLevelItem(n).child(len(ids) - 1) for n in range(editor.tree.topLevelItemCount())
                  if editor.tree.topLevelItem(n).data(0, KEY) == section)
    editor.tree.setCurrentItem(target)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    settle(window)
    after = outline(editor)
    sections = [s for s, _ in after]
    moved_to = next(s for s, ids in after if last in ids)
    assert moved_to == sections[sections.index(section) + 1]  # into the next section, at its top
    assert dict(after)[moved_to][0] == last
    # a section one place up
    head = editor.tree.topLevelItem(2)
    key = head.data(0, KEY)
    editor.tree.setCurrentItem(head)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    settle(window)
    assert digests.section_order(window.kb.database, editor.digest_id)[1] == key


def test_drop_positions_are_translated_into_moves(editor) -> None:
    tree = editor.tree
    heads = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    filled = [h for h in heads if h.childCount()]
    item = filled[0].child(0)
    empty = next(h for h in heads if not h.childCount())
    move = tree.move_for_drop(item, empty, QAbstractItemView.DropIndicatorPosition.OnItem)
    assert (move.kind, move.key, move.section) == ("item", item.data(0, KEY), empty.data(0, KEY))
    move = tree.move_for_drop(heads[3], heads[0], QAbstractItemView.DropIndicatorPosition.AboveItem)
    assert (move.kind, move.key, move.position) == ("section", heads[3].data(0, KEY), 0)
    move = tree.move_for_drop(heads[0], heads[3], QAbstractItemView.DropIndicatorPosition.BelowItem)
    assert move.position == 3  # below the fourth, counted without itself
    assert item.data(0, KIND) == "item"


def test_exports_and_copy_as_email(editor, window, tmp_path: Path) -> None:
    titles = [window.kb.get_item(i).title for i in editor.ids]
    for fmt in ("html", "docx", "pdf", "md"):
        editor.export(fmt, str(tmp_path / f"digest.{fmt}"))
    settle(window)
    for fmt in ("html", "docx", "pdf", "md"):
        assert (tmp_path / f"digest.{fmt}").stat().st_size > 500
    assert all(t in (tmp_path / "digest.md").read_text(encoding="utf-8") for t in titles)
    editor.copy_as_email()
    settle(window)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and titles[0].split(":")[0][:30] in data.html()
    assert titles[0][:30] in data.text()


def add_signals_of_this_week(kb) -> list[int]:
    """Two strong items published since Monday 00:00 (local time), whatever instant the test runs at."""
    start, _ = week_bounds(*current_week())
    since_monday = utcnow() - start
    items = [NewItem(url=f"https://week.example/{n}", title=title, text=text, source="Brabants Nieuws",
                     language="nl", published=start + since_monday * (n + 1) / 3)
             for n, (title, text) in enumerate([
                 ("Uitzendbureau in Oss verliest certificaat", "Een uitzendbureau voor arbeidsmigranten in Oss"
                  " verliest zijn certificaat na controles van de Arbeidsinspectie."),
                 ("Helmond bouwt 200 woonunits voor arbeidsmigranten", "De gemeente Helmond laat 200 woonunits"
                  " bouwen voor arbeidsmigranten die in de logistiek werken.")])]
    ids = kb.add_items(items).added_ids
    kb.tag(ids[0], ["markt"])
    kb.tag(ids[1], ["huisvesting"])
    return ids


def test_candidates_are_added_with_one_action(editor, window) -> None:
    fresh = add_signals_of_this_week(window.kb)
    window.open_place(Place("digest"))
    settle(window)
    rows = [editor.candidates.item(n) for n in range(editor.candidates.count())]
    picks = [r for r in rows if r.data(Qt.ItemDataRole.UserRole)]
    offered = {p.data(Qt.ItemDataRole.UserRole)[0] for p in picks}
    assert set(fresh) <= offered, "this week's strong signals are offered"
    assert not offered & set(editor.ids)
    before = digests.get_summary(window.kb.database, editor.digest_id).items
    editor.add_all.click()
    settle(window)
    assert digests.get_summary(window.kb.database, editor.digest_id).items == before + len(picks)


def test_mark_sent_and_remove(editor, window, qtbot) -> None:
    editor.status_button.click()
    settle(window)
    assert digests.get_summary(window.kb.database, editor.digest_id).status == "sent"
    assert "concept" in editor.status_button.text().lower()
    item_id = editor.tree.selected()[1]
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    settle(window)
    assert item_id not in digests.digest_item_ids(window.kb.database, editor.digest_id)


def test_export_to_an_unwritable_place_explains_in_dutch(editor, window, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    editor.export("pdf", str(tmp_path / "no-such-folder" / "digest.pdf"))
    settle(window)
    assert shown and "Exporteren lukte niet" in shown[0][0]
    assert "andere map" in shown[0][1]
    assert not (tmp_path / "no-such-folder").exists()
