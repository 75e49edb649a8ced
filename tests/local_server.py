"""What the local test servers (feeds, OData) share: a context manager and their addresses on 127.0.0.1."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self


class LocalAddress:
    """Mixed into a server with `_server`, `_port`, `start()` and `stop()`."""

    _server: Any
    _port: int | None

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        """The bound port (still known after stop(), so URLs can be built to check refusals)."""
        if self._port is None:
            raise RuntimeError(f"{type(self).__name__} was never started")
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        """Absolute URL for a path on this server, e.g. ``url("/fixtures/rss20.xml")``."""
        return self.base_url + (path if path.startswith("/") else "/" + path)
