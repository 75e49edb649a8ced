"""Running the CLI in a child process and killing it half way, for crash-recovery tests."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path


def kill_cli_after_items(data_dir: Path, argv: list[str], items: int, timeout: float = 120) -> int:
    """Start `horizonscan ARGV`, SIGKILL it once the database holds `items` items; return the count seen."""
    env = dict(os.environ, HORIZONSCAN_DATA_DIR=str(data_dir))
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", *argv], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    pause = threading.Event()  # a timed wait, not time.sleep: faketime breaks Python's sleep
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(data_dir / "horizonscan.db", timeout=1) as conn:
                count = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        except sqlite3.Error:
            count = 0
        if count >= items:
            break
        pause.wait(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return count
