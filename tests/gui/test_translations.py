"""Every visible string goes through tr() and has an English translation; the .qm is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "desktop" / "i18n" / "horizonscan_en.ts"


def tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else name


def test_every_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    root = ET.parse(fresh).getroot()
    missing = [m.findtext("source") for m in root.iter("message")
               if m.find("translation").get("type") in ("unfinished",) or not (m.findtext("translation") or "")]
    assert not missing, f"untranslated: {missing[:10]} (run scripts/update_translations.sh and translate)"


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "desktop" / "i18n" / "horizonscan_en.qm").read_bytes()
