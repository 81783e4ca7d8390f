#!/usr/bin/env bash
# The start-up and memory probe: release builds of Ballast and of a minimal Tauri 2 window
# (probe/minimal-window), started alternately under Xvfb (PROBE_RUNS each, default 5), with the
# median time to the first painted screen and the peak RSS and PSS of the whole process tree, at
# the unlock screen and with a five-year journal's Trends open, for WebKitGTK's defaults and for
# each setting tried. Prints the table kept in docs/PERFORMANCE.md. Needs what the tests need.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" test
(cd ui && npm run build --silent)
cargo build --release --locked -p ballast-desktop -p ballast-cli -p ballast-probe-window
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:98
  Xvfb "$DISPLAY" -screen 0 1280x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do [ -e /tmp/.X11-unix/X98 ] && break; sleep 0.1; done
fi
# One session bus for every start, as a desktop has: without one, each start has GTK launch its own
# bus and accessibility bus, which takes about half a second some of the time and leaves them running.
dbus-run-session -- node tests/e2e/probe.mjs
