#!/usr/bin/env bash
# Runs every Ballast check and test, installing what is missing first (see setup.sh):
# formatting, clippy, the crate dependency direction, every Rust test (bindings drift included),
# the UI's typecheck, lint and unit tests, and the end-to-end tests of the real app in its real
# webview (tauri-driver + WebKitWebDriver under Xvfb, started here when there is no display).
# The last line is the total: "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
"$root/scripts/setup.sh" test

logs="$(mktemp -d)"
passed=0
failed=0
step() { printf '\n==> %s\n' "$*"; }
count_cargo() { # sums the "test result: ... N passed; M failed" lines
  local p f
  read -r p f < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
                       END { print p + 0, f + 0 }' "$1")
  passed=$((passed + p)); failed=$((failed + f))
}
count_tap_lines() { # vitest's tap-flat: one "ok N - ..." or "not ok N - ..." line a test
  local p f
  p=$(grep -cE '^ok [0-9]+ ' "$1" || true)
  f=$(grep -cE '^not ok [0-9]+ ' "$1" || true)
  passed=$((passed + p)); failed=$((failed + f))
}
count_node() { # node's test runner (TAP): "# pass N" / "# fail N"
  local p f
  p=$(grep -E '^(ℹ|#) pass [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+$' || true)
  f=$(grep -E '^(ℹ|#) fail [0-9]+' "$1" | tail -1 | grep -oE '[0-9]+$' || true)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
}

step "Rust formatting"
cargo fmt --all --check

step "UI build (the desktop crate embeds ui/dist)"
(cd ui && npm run build --silent)

step "clippy, warnings as errors, all targets"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Crate dependency direction: core <- store <- api <- src-tauri, cli"
"$root/scripts/check-deps.sh"

step "UI typecheck, lint and unit tests"
(cd ui && npm run check --silent && npm run lint --silent)
(cd ui && npx vitest run --reporter=tap-flat) | tee "$logs/vitest.log"
count_tap_lines "$logs/vitest.log"

step "Rust tests (the bindings drift check among them)"
cargo test --workspace --locked --no-fail-fast 2>&1 | tee "$logs/cargo.log"
count_cargo "$logs/cargo.log"

step "End-to-end: the real app in its real webview"
cargo build -p ballast-desktop -p ballast-cli --locked
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:99
  Xvfb "$DISPLAY" -screen 0 1280x1000x24 -nolisten tcp >"$logs/xvfb.log" 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do [ -e /tmp/.X11-unix/X99 ] && break; sleep 0.1; done
fi
(cd tests/e2e && node --test --test-reporter=tap --test-concurrency=1 ./*.test.mjs) | tee "$logs/e2e.log"
count_node "$logs/e2e.log"

echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
