"""Pytest fixtures for the local CBS OData server (:mod:`tests.odataserver`).

Use in a test module with::

    from tests import odata_fixtures

    odata_server = odata_fixtures.odata_server   # (ruff-friendly; a plain import triggers F811)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.odataserver import ODataServer


@pytest.fixture
def odata_server() -> Iterator[ODataServer]:
    """A started ODataServer on 127.0.0.1 (free port, default page size), stopped after the test; each test
    gets fresh tables."""
    server = ODataServer().start()
    try:
        yield server
    finally:
        server.stop()
