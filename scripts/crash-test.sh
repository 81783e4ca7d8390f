#!/usr/bin/env bash
# The crash-safety harness at full length: a child saves reflections in a loop and is killed with
# SIGKILL at random moments, 1,000 times (CI runs 200); after each kill the journal is reopened and
# every acknowledged save must be present and intact, with integrity_check ok.
#   scripts/crash-test.sh [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export BALLAST_CRASH_KILLS="${1:-1000}"
[ -n "${2:-}" ] && export BALLAST_CRASH_SEED="$2"
cargo test -p ballast-api --test api --locked crash::acknowledged_saves_survive_sigkill -- --exact --nocapture
