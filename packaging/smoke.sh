#!/usr/bin/env bash
# Smoke test of the built app (run packaging/build.sh first). Without network (in a network namespace
# with only loopback, where `unshare` is allowed) it checks that the frozen programs work on their own:
#   1. the CLI loads the bundled example corpus (embedding with the bundled model) and answers a search;
#   2. it scans a feed served from 127.0.0.1;
#   3. the desktop app's screenshot mode renders the main window (1400x900 PNG), offscreen;
#   4. it reports the frozen app's time from start to window shown.
# Usage: packaging/smoke.sh [dist/Horizonscan]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
APP="$(cd "${1:-dist/Horizonscan}" && pwd)"

if [[ -z "${HORIZONSCAN_SMOKE_OFFLINE:-}" ]] && unshare -n true 2>/dev/null; then
    exec env HORIZONSCAN_SMOKE_OFFLINE=1 unshare -n bash "$0" "$APP"
fi
if [[ -n "${HORIZONSCAN_SMOKE_OFFLINE:-}" ]]; then
    ip link set lo up
    echo "offline: running in a network namespace with only loopback"
else
    echo "warning: no network namespace available here; running with the network" >&2
fi

CLI="$APP/horizonscan"
GUI="$APP/horizonscan-desktop"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen HORIZONSCAN_DATA_DIR="$WORK/data"
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

# 1. example corpus and a search, with the bundled default model
"$CLI" demo > "$WORK/demo.txt" || fail "horizonscan demo: $(cat "$WORK/demo.txt")"
grep -q "150" "$WORK/demo.txt" || fail "the example corpus did not load: $(cat "$WORK/demo.txt")"
ok "demo: $(head -1 "$WORK/demo.txt")"
"$CLI" search "huisvesting arbeidsmigranten" --limit 5 --json > "$WORK/search.json" || fail "horizonscan search"
HITS=$(grep -c '"title"' "$WORK/search.json" || true)
[[ "$HITS" -ge 1 ]] || fail "search found nothing: $(head -c 400 "$WORK/search.json")"
"$CLI" search "housing for migrant workers" --mode semantic --limit 3 > "$WORK/semantic.txt" \
    || fail "semantic search"
[[ -s "$WORK/semantic.txt" ]] || fail "semantic search printed nothing"
ok "search: $HITS hits (hybrid); semantic: $(head -1 "$WORK/semantic.txt" | cut -c1-80)"

# 2. a scan of a local feed
mkdir -p "$WORK/www"
cp "$ROOT/tests/data/feeds/rss20.xml" "$WORK/www/feed.xml"
PORT=$(( 20000 + RANDOM % 20000 ))
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/www" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
"$CLI" sources add "http://127.0.0.1:$PORT/feed.xml" --name "Smoke feed" --no-fulltext > "$WORK/add.txt" \
    || fail "sources add: $(cat "$WORK/add.txt")"
"$CLI" scan --json > "$WORK/scan.json" 2> "$WORK/scan.err" || fail "scan: $(tail -3 "$WORK/scan.err")"
grep -Eq '"new_items": *[1-9]' "$WORK/scan.json" || fail "the scan stored nothing: $(head -c 600 "$WORK/scan.json")"
ok "scan: $(grep -Eo '"new_items": *[0-9]+' "$WORK/scan.json" | head -1)"

# 3. screenshot mode
"$GUI" --screenshot "$WORK/main.png" --query "huisvesting" > "$WORK/shot.txt" 2>&1 \
    || fail "screenshot mode: $(tail -5 "$WORK/shot.txt")"
python3 - "$WORK/main.png" <<'PY' || fail "the screenshot is not a 1400x900 PNG"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000, "not a PNG of a real window"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1400, 900), (width, height)
PY
mkdir -p "$ROOT/dist"
cp "$WORK/main.png" "$ROOT/dist/smoke-screenshot.png"
ok "screenshot: 1400x900 PNG (copied to dist/smoke-screenshot.png)"

# 4. time to the first window, measured from outside (3 runs)
python3 - "$GUI" <<'PY' | tee "$WORK/startup.txt"
import os, subprocess, sys, time
env = dict(os.environ, HORIZONSCAN_REPORT_STARTUP="1")
times = []
for _ in range(3):
    started = time.perf_counter()
    proc = subprocess.Popen([sys.argv[1]], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    times.append(time.perf_counter() - started)
    proc.kill()
    proc.wait()
    if "window-shown" not in line:
        sys.exit(f"the window did not appear: {line!r}")
print("ok   start to window shown: " + ", ".join(f"{t:.2f}" for t in times) + " s")
PY
echo "SMOKE PASSED ($APP, $(du -sm "$APP" | cut -f1) MB)"
