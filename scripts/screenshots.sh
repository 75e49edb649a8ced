#!/usr/bin/env bash
# Screenshots of every view (offscreen), on the example data and on an empty data folder.
#   scripts/screenshots.sh           the set in docs/screenshots/ (Dutch at 1400x900, a few in English and at 1024x700)
#   scripts/screenshots.sh --all DIR every view in both languages at 1400x900 and 1024x700, for review
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/horizonscan --data-dir "$tmp/example" demo >/dev/null
for item in $(.venv/bin/horizonscan --data-dir "$tmp/example" inbox --json | .venv/bin/python -c \
        "import json, sys; print(' '.join(str(r['id']) for r in json.load(sys.stdin)[:4]))"); do
    .venv/bin/horizonscan --data-dir "$tmp/example" digest add "$item" >/dev/null  # this week's digest, begun
done
mkdir -p "$tmp/empty"
shot() {  # data lang size view out [extra args]
    local data=$1 lang=$2 size=$3 view=$4 out=$5
    shift 5
    .venv/bin/python -m desktop --data-dir "$tmp/$data" --lang "$lang" --size "$size" --view "$view" \
        --screenshot "$out" "$@" >/dev/null
}
views="new sources themes watchlist trends settings digest help"
if [[ "${1:-}" == "--all" ]]; then
    out=${2:?give a folder}
    mkdir -p "$out"
    for lang in nl en; do
        for size in 1400x900 1024x700; do
            for view in $views; do
                shot example "$lang" "$size" "$view" "$out/$lang-$size-$view.png"
            done
            shot example "$lang" "$size" new "$out/$lang-$size-search.png" --query "huisvesting arbeidsmigranten"
            shot example "$lang" "$size" new "$out/$lang-$size-nothing-found.png" --query "kernenergie"
            shot empty "$lang" "$size" welcome "$out/$lang-$size-welcome.png"
            shot empty "$lang" "$size" new "$out/$lang-$size-empty-new.png"
        done
    done
    echo "screenshots in $out"
    exit 0
fi
out=docs/screenshots
for view in $views; do
    shot example nl 1400x900 "$view" "$out/$view.png"
done
mv "$out/new.png" "$out/main.png"
shot example nl 1400x900 new "$out/search.png" --query "huisvesting arbeidsmigranten"
shot example nl 1400x900 new "$out/nothing-found.png" --query "kernenergie"
shot empty nl 1400x900 welcome "$out/welcome.png"
shot example en 1400x900 new "$out/main-en.png"
shot example nl 1024x700 new "$out/main-1024.png"
echo "screenshots in $out"
