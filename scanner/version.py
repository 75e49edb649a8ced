"""The app's version and the honest User-Agent it fetches with."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("horizonscan")
except PackageNotFoundError:  # running from a source tree that is not installed
    VERSION = "0.0.0"

USER_AGENT = f"Horizonscan/{VERSION} (desktop feed reader and news monitor; conditional requests)"
