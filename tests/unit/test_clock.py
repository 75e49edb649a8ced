"""The one clock: a fixed clock for tests, the computer's clock and zone otherwise."""

from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from store.core.timeutil import (
    FixedClock,
    SystemClock,
    get_clock,
    local_today,
    local_zone,
    set_clock,
    to_local,
    utcnow,
)


def test_every_test_runs_on_a_fixed_clock(clock: FixedClock, request: pytest.FixtureRequest) -> None:
    assert get_clock() is clock
    wanted = request.config.getoption("--clock")  # conftest.DEFAULT_CLOCK unless pytest --clock says otherwise
    if wanted == "wall":  # the computer's time (perhaps faked), standing still from the test's start
        assert abs(utcnow() - datetime.now(UTC)) < timedelta(minutes=5)
        assert local_zone() == SystemClock().zone()
    else:
        assert to_local(utcnow()).strftime("%Y-%m-%d %H:%M") == wanted
        assert str(local_zone()) == request.config.getoption("--clock-zone")


@pytest.mark.clock("2027-01-01 00:30", zone="America/New_York")
def test_the_marker_sets_instant_and_zone(clock: FixedClock) -> None:
    assert utcnow() == datetime(2027, 1, 1, 5, 30, tzinfo=UTC)
    assert local_today().isoformat() == "2027-01-01"


@pytest.mark.clock("2026-11-27 15:00", zone="Europe/Amsterdam")
def test_a_fixed_clock_moves_only_when_told(clock: FixedClock) -> None:
    before = utcnow()
    assert utcnow() == before
    clock.advance(timedelta(hours=25))
    assert utcnow() - before == timedelta(hours=25)
    clock.set(datetime(2026, 3, 29, 3, 30))  # naive: wall-clock time in the clock's zone (summer time here)
    assert utcnow() == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_fixed_clock_travels_to_the_engine_process(clock: FixedClock) -> None:
    copy = pickle.loads(pickle.dumps(clock))
    assert copy.now() == clock.now() and copy.zone() == clock.zone()


def test_set_clock_returns_the_previous_one(clock: FixedClock) -> None:
    other = FixedClock.at_local("2030-06-01 12:00")
    assert set_clock(other) is clock
    try:
        assert utcnow() == datetime(2030, 6, 1, 10, 0, tzinfo=UTC)
    finally:
        assert set_clock(clock) is other


def test_utcnow_is_whole_seconds(clock: FixedClock) -> None:
    clock.set(datetime(2026, 11, 27, 15, 0, 0, 987654, tzinfo=UTC))
    assert utcnow().microsecond == 0


def test_the_system_clock_is_the_computers() -> None:
    system = SystemClock()
    before = datetime.now(UTC)
    assert before - timedelta(seconds=5) <= system.now() <= datetime.now(UTC) + timedelta(seconds=5)
    assert str(SystemClock("Asia/Tokyo").zone()) == "Asia/Tokyo"


@pytest.mark.parametrize(("tz", "zone"), [("Asia/Tokyo", "Asia/Tokyo"), ("Europe/Amsterdam", "Europe/Amsterdam"),
                                          ("CET-1CEST", "Europe/Amsterdam")])  # no zone name: the province's
def test_the_system_zone_comes_from_the_computer(tz: str, zone: str) -> None:
    code = "from store.core.timeutil import local_zone; print(local_zone())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"TZ": tz, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == zone
