"""Shared fixtures: a knowledge base in a temporary folder with the fake embedder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from store.embedders.hashing import HashingEmbedder  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.models import NewItem  # noqa: E402

pytest_plugins = ["tests.feed_fixtures"]

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("HORIZONSCAN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


@pytest.fixture
def kb(data_dir: Path) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(data_dir, embedder=HashingEmbedder())
    yield base
    base.close()


BASE_DATE = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

SAMPLE = [
    ("Tilburg opent short-stay locatie voor arbeidsmigranten",
     "De gemeente Tilburg opent een short-stay locatie voor 300 arbeidsmigranten. Huisvesting blijft krap.",
     "nl", "Zuidelijk Dagblad"),
    ("Arbeidsinspectie pakt malafide uitzendbureaus aan",
     "Inspecteurs controleerden twintig uitzendbureaus in Oss en Moerdijk. Er volgden boetes voor onderbetaling.",
     "nl", "Flexnieuws"),
    ("ELA launches inspection campaign on posted workers",
     "The European Labour Authority starts a campaign on posted workers in road transport and logistics.",
     "en", "EU Labour Monitor"),
    ("Huisvestingen voor arbeidsmigranten in Helmond uitgebreid",
     "Helmond breidt de huisvesting van arbeidsmigranten uit met 120 woonunits bij een distributiecentrum.",
     "nl", "Omroep Peelland"),
    ("Poolse werknemers vertellen over hun werk in de logistiek",
     "Arbeidsmigranten uit Polen vertellen over lange diensten in de distributiecentra rond Tilburg.",
     "nl", "Zuidelijk Dagblad"),
    ("Provinciale Staten debatteren over arbeidsmigratie",
     "De Staten van Noord-Brabant spraken over de visie op arbeidsmigratie en de rol van de provincie.",
     "nl", "Brabant Bestuur"),
]


def sample_items() -> list[NewItem]:
    """Six small items in Dutch and English, a day apart."""
    return [
        NewItem(url=f"https://news.example/item/{n}", title=title, text=text, language=lang, source=source,
                published=BASE_DATE + timedelta(days=n))
        for n, (title, text, lang, source) in enumerate(SAMPLE)
    ]


@pytest.fixture
def filled_kb(kb: KnowledgeBase) -> KnowledgeBase:
    kb.add_items(sample_items())
    return kb


ODD_QUERIES_FOR_KB = [
    "", '"', '"unclosed', "(", "a)", "AND", "OR NOT", "NEAR", "x NEAR y", "*", "-", "huis*", "🙂",
    "🙂 huisvesting", "x" * 10_000, "a AND (b OR c", "title:huisvesting", "' OR 1=1 --", "NOT huisvesting",
]
