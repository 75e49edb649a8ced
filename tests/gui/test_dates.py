"""Dates in the desktop say what the CLI says, by the same clock and in the user's time zone."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.item_delegate import meta_line
from desktop.item_model import SummaryRole
from store.core.models import NewItem
from store.core.timeutil import utcnow
from store.db.settings import save_settings
from tests.cli_helpers import run_cli
from tests.gui.conftest import open_window, settle

pytestmark = pytest.mark.gui

# published this long before Monday 30 November 2026 00:20 (Amsterdam) -> what both say, in Dutch and English
AGES = {"Tilburg opent short-stay locatie": (timedelta(minutes=10), "vandaag 00:10", "today 00:10"),
        "Inspectie controleert uitzendbureaus in Oss": (timedelta(minutes=30), "gisteren", "yesterday"),
        "Provinciale Staten debatteren over huisvesting": (timedelta(days=2, hours=22), "3 dagen geleden",
                                                           "3 days ago"),
        "Poolse werknemers over hun werk in de logistiek": (timedelta(days=28), "2 nov", "2 Nov")}
TEXTS = ["De gemeente Tilburg opent een short-stay locatie voor 300 arbeidsmigranten.",
         "Inspecteurs controleerden twintig uitzendbureaus in Oss en Moerdijk en deelden boetes uit.",
         "De Staten van Noord-Brabant spraken over de huisvesting van arbeidsmigranten.",
         "Arbeidsmigranten uit Polen vertellen over lange diensten in de distributiecentra."]


def cli_dates(capsys) -> dict[str, str]:
    """Title -> the CLI's meta line for it (`horizonscan search`)."""
    code, out, err = run_cli(capsys, "search", "", "--limit", "20")
    assert code == 0, err
    lines = out.splitlines()
    return {title: lines[n + 1] for n, line in enumerate(lines) for title in AGES if f". {title}" in line}


@pytest.mark.clock("2026-11-30 00:20")
def test_list_and_cli_say_the_same_date(qtbot, empty_kb, capsys) -> None:
    items = [NewItem(url=f"https://dates.example/{n}", title=title, text=text, source="Bron", language="nl",
                     published=utcnow() - age)
             for n, ((title, (age, _, _)), text) in enumerate(zip(AGES.items(), TEXTS, strict=True))]
    ids = empty_kb.add_items(items).added_ids
    window = open_window(qtbot, empty_kb)
    try:
        for language, column in (("nl", 1), ("en", 2)):
            window.set_language(language)
            empty_kb.settings["language"] = language
            save_settings(empty_kb.data_dir, empty_kb.settings)
            settle(window)
            window.model.set_ids(ids)  # the list showing exactly these items
            settle(window)
            shown = {s.title: meta_line(s) for s in (window.model.index(r, 0).data(SummaryRole)
                                                     for r in range(window.model.rowCount()))}
            said = cli_dates(capsys)
            for title, expected in AGES.items():
                assert f"Bron · {expected[column]}" in shown[title], (language, shown[title])
                assert f"Bron · {expected[column]}" in said[title], (language, said[title])
    finally:
        window.set_language("nl")
        window.shutdown()
