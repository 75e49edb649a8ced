#!/usr/bin/env bash
# Collect the desktop's tr() strings into the English translation file, then compile it.
# New strings appear as unfinished in desktop/i18n/horizonscan_en.ts: translate them, run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate $(find desktop -name "*.py" | sort) -ts desktop/i18n/horizonscan_en.ts
.venv/bin/pyside6-lrelease desktop/i18n/horizonscan_en.ts -qm desktop/i18n/horizonscan_en.qm
