#!/usr/bin/env bash
# Create .venv (if missing) and install Horizonscan with its test extras.
# torch==2.13.0 (CPU build) goes in first so nothing else pulls a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Horizonscan needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv ..."
    "$PYTHON" -m venv .venv
fi
PIP=(.venv/bin/python -m pip --disable-pip-version-check --quiet)
if ! .venv/bin/python -c 'import torch, sys; sys.exit(torch.__version__.split("+")[0] != "2.13.0")' 2>/dev/null; then
    echo "Installing torch 2.13.0 (CPU) ..."
    "${PIP[@]}" install "torch==2.13.0"
fi
echo "Installing Horizonscan and its test tools ..."
"${PIP[@]}" install -e ".[test]"
