#!/usr/bin/env sh
# Remove Horizonscan's program files and menu entry. Your data stays unless you add --remove-data.
set -eu
TARGET="${HORIZONSCAN_INSTALL_DIR:-$HOME/.local/opt/horizonscan}"
SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
DATA="$SHARE/Horizonscan"
rm -f "$SHARE"/applications/nl.brabant.horizonscan.desktop \
      "$SHARE"/icons/hicolor/scalable/apps/nl.brabant.horizonscan.svg \
      "$SHARE"/icons/hicolor/256x256/apps/nl.brabant.horizonscan.png
for link in horizonscan horizonscan-desktop; do
    [ -L "$HOME/.local/bin/$link" ] && rm -f "$HOME/.local/bin/$link"
done
rm -rf "$TARGET"
if [ "${1:-}" = "--remove-data" ]; then
    rm -rf "$DATA"
    echo "Horizonscan and its data ($DATA) are removed."
else
    echo "Horizonscan is removed. Your data is kept in $DATA (to remove it too: rm -rf \"$DATA\")."
fi
