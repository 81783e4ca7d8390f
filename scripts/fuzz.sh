#!/usr/bin/env bash
# Fuzzes the import parser (the checking pass of `ballast import`) with cargo-fuzz and libFuzzer.
#   scripts/fuzz.sh [SECONDS]   (default 600)
# Needs a nightly toolchain (rustup toolchain install nightly) and cargo-fuzz (installed here if
# missing). Seeds come from fuzz/seeds/; findings land in fuzz/artifacts/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
mkdir -p "$root/fuzz/corpus/import_document"
cd "$root/fuzz"
cargo +nightly fuzz run import_document corpus/import_document seeds -- -max_total_time="$seconds" -max_len=65536
