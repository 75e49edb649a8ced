#!/usr/bin/env bash
# Set up (see setup.sh), load the example corpus and answer a search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/horizonscan demo
.venv/bin/horizonscan search "${1:-huisvesting arbeidsmigranten Tilburg}" --limit 5
