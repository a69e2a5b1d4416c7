#!/usr/bin/env bash
# "Runs on Windows", shown on every change: builds huimou.exe for Windows with mingw, then runs
# `check`, `figures` and a `screenshot` of chapter 2 under Wine (on the display of the caller,
# Xvfb in CI) and checks the picture. Needs: rustup's x86_64-pc-windows-gnu target, Debian's
# gcc-mingw-w64-x86-64 and wine64 (`.ci/run` installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
target=x86_64-pc-windows-gnu
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --locked --profile wine --target "$target" --bin huimou
exe="target/$target/wine/huimou.exe"

work=$(mktemp -d)
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot --init >/dev/null 2>&1 || true
# Rust's standard library needs ProcessPrng (bcryptprimitives.dll), which Wine 8 lacks.
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/ci/process-prng.c -ladvapi32

# The command line prints to the console it was started from (a windowed program attaches).
said=$(LC_ALL=C wine "$exe" check data/chengdu-cast-review.ron 2>&1 | tr -d '\r')
grep -q "0 errors" <<<"$said" || { echo "check said: $said"; exit 1; }
rows=$(wine "$exe" figures --format csv 2>/dev/null | tr -d '\r' | wc -l)
[ "$rows" -gt 50 ] || { echo "figures printed $rows lines"; exit 1; }
bad=$(LC_ALL=C wine "$exe" check tests/data/bad/duplicate-figure-id.ron 2>&1 | tr -d '\r') && {
  echo "a bad file passed under Wine"
  exit 1
}
grep -q "duplicate-figure-id.ron:22:30" <<<"$bad" || { echo "check said: $bad"; exit 1; }

# A real window: wgpu finds no adapter under Wine and the OpenGL fallback draws.
wine "$exe" screenshot --view 2 --out 'Z:'"$work"/chapter-2.png >"$work/screenshot.log" 2>&1 ||
  { cat "$work/screenshot.log"; exit 1; }
target/debug/examples/png_colors "$work/chapter-2.png" 50
echo "Windows build: check, figures and a screenshot of chapter 2 under Wine"
