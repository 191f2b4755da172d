#!/usr/bin/env bash
# Installs every tool the build, the tests and the benchmark need, skipping what is
# already present at the exact version. Safe to run again and again.
set -euo pipefail

CARGO_LEPTOS_VERSION=0.3.10
TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the `wasm-bindgen` crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$(dirname "$0")/../Cargo.toml")
BINARYEN_VERSION=132
SASS_VERSION=1.108.2
TOOLS_DIR=${IEY_TOOLS_DIR:-$HOME/.cache/iey-tools}

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

have_cargo_bin() { # name version-substring
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

if ! rustup target list --installed | grep -q wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_cargo_bin cargo-leptos "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if ! have_cargo_bin wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! have_cargo_bin trunk "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Node tools for the build (sass, wasm-opt) live outside the clone and are shared.
mkdir -p "$TOOLS_DIR"
if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] || [ ! -x "$TOOLS_DIR/node_modules/.bin/sass" ] \
   || ! grep -q "\"version\": \"$BINARYEN_VERSION" "$TOOLS_DIR/node_modules/binaryen/package.json" 2>/dev/null; then
  log "installing sass and binaryen@$BINARYEN_VERSION (wasm-opt) into $TOOLS_DIR"
  (cd "$TOOLS_DIR" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" "sass@$SASS_VERSION")
fi

# A real SMTP server for the mail tests (aiosmtpd) and an independent iCalendar
# parser for the feed test (icalendar), in their own virtualenv.
AIOSMTPD_VERSION=1.4.6
ICALENDAR_VERSION=7.3.0
if ! "$TOOLS_DIR/py/bin/python" -c "import aiosmtpd, icalendar, sys; sys.exit(aiosmtpd.__version__ != '$AIOSMTPD_VERSION' or icalendar.__version__ != '$ICALENDAR_VERSION')" 2>/dev/null; then
  log "installing aiosmtpd $AIOSMTPD_VERSION and icalendar $ICALENDAR_VERSION into $TOOLS_DIR/py"
  python3 -m venv "$TOOLS_DIR/py"
  "$TOOLS_DIR/py/bin/pip" install --quiet --disable-pip-version-check \
    "aiosmtpd==$AIOSMTPD_VERSION" "icalendar==$ICALENDAR_VERSION"
fi

# Debian packages: Chromium for the end-to-end suite, wrk for the benchmark.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

log "tools ready"
