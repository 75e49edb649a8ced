"""Screenshot mode renders the window at 1400x900 and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from store.db.settings import save_settings

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_of_a_search_with_an_item(tmp_path: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    save_settings(data_dir, {"embedding_model": "hashing"})
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HORIZONSCAN_DATA_DIR=str(data_dir))
    subprocess.run([sys.executable, "-m", "cli.main", "demo"], env=env, check=True, cwd=ROOT,
                   capture_output=True)
    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--screenshot", str(out),
                             "--query", "huisvesting Tilburg", "--item", "1"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_unusable_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(blocker / "sub"),
                             "--screenshot", str(tmp_path / "x.png")], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "data folder" in result.stderr
