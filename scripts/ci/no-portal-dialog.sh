#!/usr/bin/env bash
# Checks in a real window that File → Open does something visible on a Linux desktop without
# a file dialog of the system's: no session bus (so no desktop portal) and no zenity on the
# PATH. Huimou must show its in-app file dialog instead of silently doing nothing.
#
# The caller starts an X server and passes DISPLAY, e.g.
#     Xvfb :96 -screen 0 1600x1000x24 -nolisten tcp &  DISPLAY=:96 scripts/ci/no-portal-dialog.sh
# It runs target/debug/huimou (built if missing), presses Ctrl+O with xdotool, and passes when
# Huimou's log says it showed the in-app dialog AND a screenshot changed after the key press.
# Screenshots and Huimou's log are kept in $ARTIFACTS (default: a temporary folder, printed).
# Prints PASS … or FAIL … and exits non-zero on failure.
set -euo pipefail

cd "$(dirname "$0")/../.."
fail() {
    echo "FAIL no-portal-dialog: $*"
    exit 1
}

[[ -n "${DISPLAY:-}" ]] || fail "DISPLAY is not set; start Xvfb and pass its display"
if ! command -v xdotool >/dev/null || ! command -v import >/dev/null || ! command -v compare >/dev/null; then
    echo "installing xdotool and imagemagick"
    apt-get update -qq >/dev/null && apt-get install -y -qq xdotool imagemagick >/dev/null \
        || fail "xdotool and imagemagick are needed and could not be installed"
fi
BIN="$PWD/target/debug/huimou"
[[ -x "$BIN" ]] || cargo build --bin huimou || fail "could not build $BIN"

WORK="$(mktemp -d)"
ARTIFACTS="${ARTIFACTS:-$WORK}"
mkdir -p "$ARTIFACTS"
PGID=""
LOG="$WORK/data/huimou.log"
cleanup() {
    # Only the process group this script started.
    if [[ -n "$PGID" ]]; then kill -- "-$PGID" 2>/dev/null || true; fi
    # The log goes with the screenshots; the scratch home does not.
    cp "$LOG" "$ARTIFACTS/huimou.log" 2>/dev/null || true
    if [[ "$ARTIFACTS" != "$WORK" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A home with Chinese names, where the dialog starts (no dataset file is open).
mkdir -p "$WORK/home/年度报告" "$WORK/data"
cp data/chengdu-cast-review.ron "$WORK/home/成都科协工作回眸.ron"
cp data/chengdu-cast-review.ron "$WORK/home/2024 年总结.ron"

# The PATH without any folder that holds zenity, which rfd would fall back to.
NO_ZENITY_PATH="$(tr ':' '\n' <<<"$PATH" | while read -r dir; do
    if [[ -n "$dir" && ! -e "$dir/zenity" ]]; then printf '%s:' "$dir"; fi
done)"
NO_ZENITY_PATH="${NO_ZENITY_PATH%:}"

setsid env -u HUIMOU_FILE_DIALOG \
    DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
    PATH="$NO_ZENITY_PATH" HOME="$WORK/home" HUIMOU_DATA_DIR="$WORK/data" \
    LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 RUST_LOG=warn \
    "$BIN" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt" &
PGID=$!

WINDOW="$(timeout 60 xdotool search --sync --onlyvisible --name 'Huimou' | head -n 1)" \
    || fail "no Huimou window within 60 s; stderr: $(tail -n 5 "$WORK/stderr.txt")"
# Let the first frames paint before the reference picture.
sleep 4
xdotool windowfocus --sync "$WINDOW" 2>/dev/null || xdotool windowfocus "$WINDOW"
import -window root "$ARTIFACTS/before.png"

xdotool key --clearmodifiers ctrl+o
for _ in $(seq 1 30); do
    grep -q "showing the in-app file dialog" "$LOG" 2>/dev/null && break
    sleep 0.5
done
grep -q "showing the in-app file dialog" "$LOG" 2>/dev/null \
    || fail "the log does not say the in-app dialog was shown ($LOG): $(tail -n 5 "$LOG" 2>/dev/null)"
sleep 2
import -window root "$ARTIFACTS/after.png"
kill -0 "$PGID" 2>/dev/null || fail "Huimou exited after Ctrl+O"

# The modal's backdrop darkens the whole window, so most pixels change.
CHANGED="$(compare -metric AE "$ARTIFACTS/before.png" "$ARTIFACTS/after.png" null: 2>&1 || true)"
CHANGED="${CHANGED%% *}"
[[ "$CHANGED" =~ ^[0-9.e+]+$ ]] || fail "could not compare the screenshots: $CHANGED"
if awk -v n="$CHANGED" 'BEGIN { exit !(n < 100000) }'; then
    fail "the screen barely changed after Ctrl+O ($CHANGED pixels); see $ARTIFACTS/after.png"
fi
echo "PASS no-portal-dialog: in-app dialog shown ($CHANGED pixels changed; $(grep -m1 -o 'cannot open (.*)' "$LOG"))"
echo "screenshots: $ARTIFACTS/before.png $ARTIFACTS/after.png"
