#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 30), seeded from the
# fixtures; a finding fails the run and is left in fuzz/artifacts/. Installs
# the nightly toolchain and cargo-fuzz when missing.
#   bash scripts/fuzz.sh            # ~30 s a target, what npm test runs
#   bash scripts/fuzz.sh 3600       # an hour a target
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
CARGO_FUZZ_VERSION=0.13.2
log() { echo "fuzz: $*" >&2; }

if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (libFuzzer needs its sanitizer flags)"
  rustup toolchain install nightly --profile minimal
fi
if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION (a minute or two, once)"
  cargo install --locked cargo-fuzz --version "=$CARGO_FUZZ_VERSION"
fi

fixtures=tests/fixtures
declare -A seeds=(
  [response_check]="$fixtures"
  [create_input]="$fixtures/license-rocks"
  [ids_and_headers]="fuzz/seeds/ids_and_headers"
  [redaction]="fuzz/seeds/redaction $fixtures/license-rocks $fixtures/capture"
)
cd fuzz
cargo +nightly fuzz build -O
for target in response_check create_input ids_and_headers redaction; do
  mkdir -p "corpus/$target"
  dirs=()
  for dir in ${seeds[$target]}; do dirs+=("../$dir"); done
  log "$target for ${SECONDS_EACH}s"
  # -max_len: room for the largest fixture; the corpus dir comes first, as the one written to.
  cargo +nightly fuzz run -O "$target" "corpus/$target" "${dirs[@]}" -- \
    -max_total_time="$SECONDS_EACH" -max_len=20000 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|==[0-9]+==|SUMMARY|.*panicked|Done [0-9]+ runs)" || true
  # A crash leaves an artifact and a non-zero exit, which grep's pipeline hides: check for it.
  if compgen -G "artifacts/$target/*" >/dev/null; then
    log "$target found an input that breaks a property: fuzz/artifacts/$target/"
    exit 1
  fi
done
log "every target ran ${SECONDS_EACH}s without a finding"
