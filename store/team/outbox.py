"""Notes typed while the team server was away: kept in a file on this computer and sent when it is back,
so nothing typed is lost (store.knowledge_base sends them on the next connection)."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

OUTBOX_FILENAME = "team-outbox.json"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeptNote:
    item_id: int
    body: str
    based_on: int | None


class Outbox:
    """The notes waiting for the server, in the local data folder (written atomically)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / OUTBOX_FILENAME

    def notes(self) -> list[KeptNote]:
        try:
            return [KeptNote(**n) for n in json.loads(self.path.read_text(encoding="utf-8"))]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError) as exc:
            log.warning("the team outbox %s cannot be read: %s", self.path, exc)
            return []

    def keep(self, note: KeptNote) -> None:
        """Keep the note (a newer one for the same item replaces it)."""
        self._write([n for n in self.notes() if n.item_id != note.item_id] + [note])

    def remove(self, item_id: int) -> None:
        self._write([n for n in self.notes() if n.item_id != item_id])

    def _write(self, notes: list[KeptNote]) -> None:
        if not notes:
            self.path.unlink(missing_ok=True)
            return
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".outbox-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([asdict(n) for n in notes], fh, ensure_ascii=False, indent=1)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
