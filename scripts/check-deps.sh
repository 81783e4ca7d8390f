#!/usr/bin/env bash
# Fails when a crate depends on something above it: core has no I/O crates, store no Tauri or
# charts, charts no database or Tauri (it draws from core types only), report no database or Tauri
# (it renders what the api read), api no Tauri.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
deny() { # crate, forbidden-pattern
  local found
  found=$(cargo tree -p "$1" -e normal --prefix none --locked | grep -E "^($2) v" | sort -u || true)
  if [ -n "$found" ]; then
    echo "$1 must not depend on: $found" >&2
    exit 1
  fi
}
deny ballast-core 'rusqlite|libsqlite3-sys|tauri|plotters|ballast-store|ballast-api'
deny ballast-store 'tauri|plotters|ballast-api'
deny ballast-charts 'rusqlite|libsqlite3-sys|tauri|wry|ballast-store|ballast-api|font-kit'
deny ballast-report 'rusqlite|libsqlite3-sys|tauri|wry|ballast-store|ballast-api|font-kit'
deny ballast-api 'tauri|wry'
deny ballast-cli 'tauri|wry'
echo "dependency direction holds"
