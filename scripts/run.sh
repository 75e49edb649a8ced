#!/usr/bin/env bash
# Set up (see setup.sh) and open the Horizonscan desktop app (extra arguments go to the app).
# Without a screen (a server, a terminal over ssh) it loads the example data and answers a search instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [[ "$(uname -s)" == "Linux" && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "No screen found, so no window: showing the command line instead (the example data and a search)."
    .venv/bin/horizonscan demo
    .venv/bin/horizonscan search "huisvesting arbeidsmigranten Tilburg" --limit 5
    exit 0
fi
exec .venv/bin/horizonscan-desktop "$@"
