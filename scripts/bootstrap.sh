#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there,
# so it is cheap to run every time. Usage: scripts/bootstrap.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
log() { echo "bootstrap: $*" >&2; }

# The default profile has them; a minimal one does not.
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]]; then
  log "installing wasm-pack $WASM_PACK_VERSION (a few minutes, once)"
  cargo install --locked wasm-pack --version "=$WASM_PACK_VERSION"
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]]; then
  log "installing wasm-bindgen-cli $BINDGEN_VERSION (a few minutes, once)"
  # 0.2.130's own lockfile names a webpki-roots release the registry does not
  # serve, so --locked can fail; the same exact CLI version then resolves fresh.
  cargo install --locked wasm-bindgen-cli --version "=$BINDGEN_VERSION" \
    || cargo install wasm-bindgen-cli --version "=$BINDGEN_VERSION"
fi

if [[ "${1:-}" == "--browser" ]] && ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  log "installing Debian chromium and chromium-driver"
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm dev dependencies"
  # Not `npm ci`: this npm leaves other platforms' optional packages (rollup's,
  # esbuild's) out of the lockfile, and `npm ci` then refuses it. `install
  # --no-save` installs exactly the locked versions and writes no file.
  npm install --no-save --no-audit --no-fund
fi
