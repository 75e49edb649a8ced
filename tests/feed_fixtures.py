"""Pytest fixtures for the local feed server.

Use in a test module with::

    from tests import feed_fixtures

    feed_server = feed_fixtures.feed_server   # (ruff-friendly; a plain import triggers F811)

or list ``"tests.feed_fixtures"`` in ``pytest_plugins`` of the root ``tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.feedserver import FeedServer


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer on 127.0.0.1 (free port), stopped after the test."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def feed_server_module() -> Iterator[FeedServer]:
    """One FeedServer shared by a module (e.g. a benchmark); its request log is shared too."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
