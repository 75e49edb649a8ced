#!/usr/bin/env bash
# Build the Horizonscan desktop app as one folder (PyInstaller) from a clean checkout, on Linux.
#
#   packaging/build.sh          standard build: default embedder (USE, numpy) bundled; no torch
#   packaging/build.sh --full   also torch (CPU) and sentence-transformers, for transformer models
#
# Result: dist/Horizonscan/ (horizonscan-desktop, horizonscan, and everything they need),
# dist/Horizonscan-<version>-linux-<arch>.tar.gz (with install.sh for a per-user menu entry) and
# dist/build-report.txt (size). Run packaging/smoke.sh afterwards to check the build.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

FULL=0 KIND=standard SUFFIX=""
if [[ "${1:-}" == "--full" ]]; then FULL=1 KIND=full SUFFIX="-full"; fi
PYTHON="${PYTHON:-python3}"
BUILD="$ROOT/build/packaging"
VENV="$BUILD/venv"
step() { printf '\n== %s\n' "$*"; }

step "Python build environment ($VENV)"
if [[ ! -x "$VENV/bin/python" ]]; then
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --upgrade pip
if [[ $FULL == 1 ]]; then
    "$PY" -m pip install --quiet "torch==2.13.0"  # the CPU build; install it first so nothing pulls CUDA
    "$PY" -m pip install --quiet ".[transformers]"
else
    "$PY" -m pip install --quiet .
fi
"$PY" -m pip install --quiet "pyinstaller>=6.10,<7"

eval "$("$PY" packaging/appinfo.py)"
echo "$APP_NAME $APP_VERSION ($KIND build)"

step "Icons"
"$PY" packaging/make_icons.py "$ROOT/build/icons" >/dev/null

step "PyInstaller (a few minutes)"
cd "$BUILD"  # so PyInstaller imports the installed packages, not the source tree
HORIZONSCAN_FULL=$FULL HORIZONSCAN_ICON_DIR="$ROOT/build/icons" \
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$BUILD/work" "$ROOT/packaging/horizonscan.spec"
cd "$ROOT"
APP="$ROOT/dist/$APP_NAME"

step "Linux desktop integration"
mkdir -p "$APP/share"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$APP/"
chmod +x "$APP/install.sh" "$APP/uninstall.sh"
cp desktop/resources/horizonscan.svg "$APP/share/horizonscan.svg"
cp "$ROOT/build/icons/horizonscan-256.png" "$APP/share/horizonscan.png"
sed -e "s|@APP_NAME@|$APP_NAME|g" -e "s|@APP_VERSION@|$APP_VERSION|g" -e "s|@APP_ID@|$APP_ID|g" \
    packaging/linux/horizonscan.desktop.in > "$APP/share/$APP_ID.desktop"
echo "$APP_VERSION" > "$APP/VERSION"

step "Archive and report"
ARCH="$(uname -m)"
TARBALL="$ROOT/dist/$APP_NAME-$APP_VERSION-linux-$ARCH$SUFFIX.tar.gz"
tar -C "$ROOT/dist" -czf "$TARBALL" "$APP_NAME"
SIZE_MB=$(du -sm "$APP" | cut -f1)
{
    echo "$APP_NAME $APP_VERSION, $KIND build, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "unpacked: $SIZE_MB MB ($APP)"
    echo "archive:  $(du -m "$TARBALL" | cut -f1) MB ($TARBALL)"
    echo "largest parts (MB):"
    du -sm "$APP"/_internal/* | sort -rn | sed -n 1,12p
} | tee "$ROOT/dist/build-report.txt"
if [[ $FULL == 0 && $SIZE_MB -gt 600 ]]; then
    echo "warning: the standard build is over the 600 MB target" >&2
fi
echo
echo "Built $APP. Check it with packaging/smoke.sh; install it with $APP/install.sh."
