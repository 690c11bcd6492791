#!/usr/bin/env bash
# `npm test`: every test layer, from the cheapest to the slowest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --browser
step() { printf '\n== %s\n' "$*"; }

step "format and lints: cargo fmt --check and Biome (JS); clippy -D warnings, native, wasm32, wasm32 with the worker feature"
cargo fmt --check
(cd fuzz && cargo fmt --check)
node_modules/.bin/biome check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --features worker -- -D warnings

step "native: models, decoding, policy, TypeScript declarations (cargo test)"
cargo test --locked

step "fuzz: each target for 30 s (cargo-fuzz on nightly; bash scripts/fuzz.sh SECONDS runs longer)"
bash scripts/fuzz.sh 30

step "build: release wasm into pkg/, and the edge Worker into pkg-worker/"
bash scripts/build.sh
bash scripts/build-worker.sh

step "wasm in Node against the simulator (wasm-pack test --node)"
bash scripts/with-sim.sh wasm-pack test --node -- --locked --test web_node

step "wasm in real Chromium against the simulator (wasm-pack test --headless --chrome)"
CHROMEDRIVER=/usr/bin/chromedriver bash scripts/with-sim.sh wasm-pack test --headless --chrome -- --locked --test web_browser

step "the transport helpers with an injected fetch; simulator over HTTP; waits, iteration and hooks in Node, Chromium and workerd; Namefi's production schema against the package; packed tarball in Node, Vite, a plain page and workerd; the edge Worker in workerd; the demo page; links in the docs; the benchmark's zod schemas against the package, and the benchmark in quick mode (node --test)"
node --test --test-concurrency=1 tests/transport/ tests/sim/ tests/workflows/ tests/real-apis/ tests/package/ tests/worker/ tests/demo/ tests/docs/ tests/bench/
