#!/usr/bin/env sh
# Install Horizonscan for this user: the program to ~/.local/opt/horizonscan, a menu entry and an icon.
# Your data (~/.local/share/Horizonscan) is never touched; installing a new version keeps it.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
TARGET="${HORIZONSCAN_INSTALL_DIR:-$HOME/.local/opt/horizonscan}"
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
ICONS="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
DESKTOP_FILE="$(ls "$HERE"/share/*.desktop)"
APP_ID="$(basename "$DESKTOP_FILE" .desktop)"

if [ "$HERE" != "$TARGET" ]; then
    mkdir -p "$(dirname "$TARGET")"
    rm -rf "$TARGET.new"
    cp -a "$HERE" "$TARGET.new"          # copy first, then swap: a failed copy leaves the old version working
    rm -rf "$TARGET"
    mv "$TARGET.new" "$TARGET"
fi
mkdir -p "$APPS" "$ICONS/scalable/apps" "$ICONS/256x256/apps" "$HOME/.local/bin"
sed "s|@INSTALL_DIR@|$TARGET|g" "$DESKTOP_FILE" > "$APPS/$APP_ID.desktop"
cp "$TARGET/share/horizonscan.svg" "$ICONS/scalable/apps/$APP_ID.svg"
cp "$TARGET/share/horizonscan.png" "$ICONS/256x256/apps/$APP_ID.png"
ln -sf "$TARGET/horizonscan" "$HOME/.local/bin/horizonscan"
ln -sf "$TARGET/horizonscan-desktop" "$HOME/.local/bin/horizonscan-desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" >/dev/null 2>&1 || true
echo "Horizonscan $(cat "$TARGET/VERSION") is installed in $TARGET."
echo "Start it from the menu (Horizonscan) or with: horizonscan-desktop"
