#!/usr/bin/env bash
# The accessibility tree, read as a screen reader reads it: inside a D-Bus session
# (`dbus-run-session -- scripts/ci/a11y.sh [BINARY]`), with the a11y bus up and accessibility
# turned on as a desktop with a screen reader does, scripts/a11y-tree.py compares each view's
# tree in both languages with tests/a11y/. Needs a display (Xvfb in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
trap 'kill $launcher 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  dbus-send --session --dest=org.a11y.Bus --print-reply /org/a11y/bus \
    org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled \
    variant:boolean:true >/dev/null 2>&1 && break
  sleep 0.1
done
/usr/bin/python3 scripts/a11y-tree.py "${1:-target/debug/huimou}"
