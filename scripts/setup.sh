#!/usr/bin/env bash
# Installs what Ballast needs on Debian 12 / Ubuntu 22.04+, skipping what is already there.
#   setup.sh app    - to build and run the desktop app
#   setup.sh test   - the above, plus what the tests need (Xvfb, WebKitWebDriver, tauri-driver)
# Sourced by run-app.sh and test.sh; safe to run again.
set -euo pipefail
want="${1:-app}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# libayatana-appindicator3: the tray icon (loaded when Ballast starts; without it there is no tray).
packages=(build-essential pkg-config perl make file libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev
          libjavascriptcoregtk-4.1-dev libayatana-appindicator3-dev fonts-dejavu-core)
if [ "$want" = test ]; then
  # poppler-utils: pdftotext/pdfinfo/pdftoppm read the summaries back; xdotool answers the native save dialog;
  # python3-xlib asks a window to close as a window manager would (tests/e2e/close-window.py).
  packages+=(webkit2gtk-driver xvfb xauth dbus-x11 procps poppler-utils xdotool python3 python3-xlib)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Ballast needs a Rust toolchain (1.89 or newer, from rustup); cargo was not found." >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "Ballast's UI build needs Node.js 20 or newer; this machine has $(node --version)." >&2
  exit 1
fi

if [ "$want" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  say "Installing tauri-driver"
  cargo install tauri-driver --locked --version 2.0.6
fi

install_npm() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
install_npm "$root/ui"
if [ "$want" = test ]; then
  install_npm "$root/tests/e2e"
fi
