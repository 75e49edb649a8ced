#!/usr/bin/env bash
# Set up (see setup.sh), then the gates in order: ruff (lint), mypy (types), pytest (the whole suite,
# headless). Extra arguments go to pytest, e.g. scripts/test.sh tests/unit -x or --clock "2026-11-30 00:20".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
echo "ruff ..."
.venv/bin/ruff check .
echo "mypy ..."
.venv/bin/mypy
echo "pytest ..."
.venv/bin/python -m pytest "$@"
