#!/usr/bin/env bash
# Builds and runs the Ballast desktop app, installing what is missing first (see setup.sh).
# Extra arguments go to the app, e.g. `--data-dir DIR`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh" app
(cd "$root/ui" && npm run build --silent)
cd "$root"
exec cargo run --release -p ballast-desktop -- "$@"
