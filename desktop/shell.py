"""What the parts of the desktop may ask of the main window, as interfaces (no import of the window).

Workflows and the views depend on these Protocols, and MainWindow fulfils them; so the window imports
its parts and no part imports the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desktop.engine_client import EngineClient
    from desktop.tasks import TaskManager
    from desktop.views.sidebar import Place
    from desktop.views.status_panel import StatusPanel
    from store import KnowledgeBase


class JobActions(Protocol):
    """The long jobs a view may start (see desktop.workflows.Workflows)."""

    def apply_rules(self, on_done: Callable[[dict], None]) -> None: ...

    def match_actor(self, actor_id: int, on_done: Callable[[int], None]) -> None: ...


class Shell(Protocol):
    """The main window as its parts see it: the store, the workers, the engine, the status line, the place
    shown, and the few things they may ask it to do."""

    kb: KnowledgeBase
    tasks: TaskManager
    engine: EngineClient | None
    status: StatusPanel
    place: Place
    language: str

    @property
    def workflows(self) -> JobActions: ...

    def refresh_chrome(self, first: bool = False) -> None: ...

    def open_place(self, place: Place) -> None: ...

    def refresh_after_suggestions(self) -> None: ...

    def reload_list(self, only_inbox: bool = False) -> None: ...

    def apply_scan_interval(self) -> None: ...

    def set_language(self, language: str) -> None: ...

    def show_check(self, text: str) -> None: ...

    def notify_alerts(self, alerts: list) -> None: ...
