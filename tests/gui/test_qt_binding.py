"""The Qt binding itself: faults in it that would take the app down in a long day's use."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    fired = Signal(object, str)


def test_emitting_a_signal_keeps_the_reference_counts_of_true_and_none(qapp) -> None:
    # PySide6 6.12.0 returns True from emit() without a reference of its own: each emit takes one from
    # True, and after some thousands of signals (a morning of triage) Python aborts. pyproject.toml keeps
    # that release out; this test fails on any release with the same fault.
    emitter = _Emitter()
    received: list[str] = []
    emitter.fired.connect(lambda _changes, origin: received.append(origin))
    trues, nones = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit(object(), "app")
    assert len(received) == 200
    assert sys.getrefcount(True) >= trues - 5 and sys.getrefcount(None) >= nones - 5
