"""Shared fixtures: one fixed clock for every test, and a knowledge base in a temporary folder with the
fake embedder."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from store.core.models import NewItem  # noqa: E402
from store.core.timeutil import FixedClock, SystemClock, set_clock  # noqa: E402
from store.knowledge_base import KnowledgeBase  # noqa: E402
from store.vectors.embedders.hashing import HashingEmbedder  # noqa: E402

pytest_plugins = ["tests.feed_fixtures", "tests.team_fixtures"]

DATA = Path(__file__).parent / "data"


# Every test runs at this instant unless it says otherwise with @pytest.mark.clock("2026-11-30 00:20"):
# a Friday afternoon in Noord-Brabant, digest day, with most of the example week behind it. No test
# sees the real date, so the suite says the same on any day, in any time zone.
# `pytest --clock "2026-11-30 00:20"` runs the unmarked tests at another instant instead, and
# `pytest --clock wall` at the computer's own time and zone (e.g. under faketime; see README).
DEFAULT_CLOCK = ("2026-11-27 15:00", "Europe/Amsterdam")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("horizonscan")
    group.addoption("--clock", default=DEFAULT_CLOCK[0], metavar="LOCAL_TIME|wall",
                    help="the instant unmarked tests run at (local time, or 'wall' for the computer's clock)")
    group.addoption("--clock-zone", default=DEFAULT_CLOCK[1], metavar="ZONE",
                    help="the time zone of --clock (ignored with 'wall', which takes the computer's zone)")


def _run_again_with_real_timers_under_faketime(config: pytest.Config) -> None:
    """Under libfaketime, fake the date but not the monotonic clock that timers use.

    libfaketime also moves CLOCK_MONOTONIC by default, and then every timed wait in Python (Event.wait,
    Thread.join, Timer, queue.get with a timeout) waits for ever: the deadline is computed on the faked
    clock and waited for on the real one. Dates are all the suite needs faked, so the test run starts
    once more with FAKETIME_DONT_FAKE_MONOTONIC=1 (libfaketime's own switch for this).
    """
    if "faketime" not in os.environ.get("LD_PRELOAD", "") or os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":
        return
    os.environ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        capture.stop_global_capturing()  # give the new run the real stdout and stderr
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, sys.orig_argv)


def _sleep_by_timed_wait(seconds: float) -> None:
    threading.Event().wait(max(0.0, seconds))


if "faketime" in os.environ.get("LD_PRELOAD", "") and os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":
    # libfaketime 0.9.10 answers Python's time.sleep (clock_nanosleep on the real monotonic clock) with
    # EINVAL once that clock is not faked; subprocess.run(timeout=...) sleeps too. A timed wait sleeps well.
    time.sleep = _sleep_by_timed_wait


def pytest_configure(config: pytest.Config) -> None:
    _run_again_with_real_timers_under_faketime(config)
    config.addinivalue_line("markers", "clock(local_time, zone='Europe/Amsterdam'): the instant the test runs at")


def _clock_for(request: pytest.FixtureRequest) -> FixedClock:
    marker = request.node.get_closest_marker("clock")
    if marker is not None:
        zone = marker.kwargs.get("zone", marker.args[1] if len(marker.args) > 1 else DEFAULT_CLOCK[1])
        return FixedClock.at_local(marker.args[0], zone)
    wanted = request.config.getoption("--clock")
    if wanted == "wall":
        system = SystemClock()
        return FixedClock(system.now().replace(microsecond=0), str(system.zone()))
    return FixedClock.at_local(wanted, request.config.getoption("--clock-zone"))


@pytest.fixture(autouse=True)
def clock(request: pytest.FixtureRequest) -> Iterator[FixedClock]:
    """The one clock, standing still at the test's instant (see DEFAULT_CLOCK and the `clock` marker).

    Move it with `clock.set(datetime(...))` (naive means local time) or `clock.advance(timedelta(...))`.
    """
    fixed = _clock_for(request)
    previous = set_clock(fixed)
    yield fixed
    set_clock(previous)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("HORIZONSCAN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


# The store's test suite: these modules run every test that uses `kb` against both backends, the data
# folder (SQLite and Chroma) and the team database (PostgreSQL with pgvector), so the two cannot drift.
BOTH_BACKENDS = {"test_search", "test_vector_reuse", "test_ingest", "test_digests", "test_taxonomy_rules",
                 "test_suggestions",
                 "test_stories", "test_watchlist", "test_signals_trends", "test_relevance_floor", "test_passages",
                 "test_changes", "test_event_details", "test_sources", "test_any_day", "test_store_backends",
                 "test_topic_filter", "test_indicators", "test_cards"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if ("backend" in metafunc.fixturenames and module in BOTH_BACKENDS
            and not metafunc.definition.get_closest_marker("local_only")):
        metafunc.parametrize("backend", ["local", "team"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which store the test's `kb` uses: "local" (the default) or "team"."""
    return getattr(request, "param", "local")


@pytest.fixture
def kb(data_dir: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[KnowledgeBase]:
    if backend == "team":
        pytest.importorskip("psycopg")
        uri = request.getfixturevalue("team_db")
        monkeypatch = request.getfixturevalue("monkeypatch")
        monkeypatch.setenv("HORIZONSCAN_SERVER", uri)  # the CLI run by the test works on the same store
        monkeypatch.setenv("HORIZONSCAN_USER", "anna")
        base = KnowledgeBase.connect(uri, data_dir, embedder=HashingEmbedder(), person="anna")
        base.settings["embedding_model"] = "hashing"
        base.save_settings()
    else:
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
