#!/usr/bin/env bash
# Every check we have, in the order that fails fastest. CI runs exactly this.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
# Test output is copied here so the run can end with one total.
RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT

step "tools"
scripts/install-tools.sh

step "formatting"
cargo fmt --all --check

SERVER_CRATES=(-p iey-dto -p iey-entity -p iey-migration -p iey-domain -p iey-app -p iey-server)
step "clippy (server side, ssr)"
cargo clippy "${SERVER_CRATES[@]}" --all-targets -- -D warnings
step "clippy (browser side, hydrate)"
cargo clippy -p iey-frontend -p iey-app --lib --features iey-frontend/hydrate \
  --target wasm32-unknown-unknown -- -D warnings

step "unit and integration tests (SQLite)"
IEY_TEST_DB=sqlite cargo test -p iey-dto -p iey-entity -p iey-migration -p iey-domain -p iey-app -p iey-server \
  --features iey-app/ssr \
  2>&1 | tee -a "$RESULTS"

step "domain tests (PostgreSQL)"
export IEY_TEST_POSTGRES=${IEY_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}
if ! pg_isready -q -d "$IEY_TEST_POSTGRES" 2>/dev/null && ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "PostgreSQL is not reachable at $IEY_TEST_POSTGRES: the PostgreSQL tests cannot run." >&2
  exit 1
fi
# A test that panics leaves its schema behind; clear those of earlier runs first.
if command -v psql >/dev/null 2>&1; then
  psql "$IEY_TEST_POSTGRES" -Atqc "SELECT 'DROP SCHEMA ' || schema_name || ' CASCADE;'
    FROM information_schema.schemata WHERE schema_name LIKE 'iey\_test\_%'" | PGOPTIONS='-c client_min_messages=warning' psql "$IEY_TEST_POSTGRES" -q
fi
IEY_TEST_DB=postgres cargo test -p iey-domain -p iey-server 2>&1 | tee -a "$RESULTS"

step "release build (server + hydrated site)"
rm -rf target/site/pkg  # no chunks of earlier builds linger
cargo leptos build --release --split

step "client-side bundle (trunk, csr)"
trunk build

step "end-to-end (Chromium: JavaScript off and hydrated)"
scripts/e2e.sh 2>&1 | tee -a "$RESULTS"

step "all checks passed"
# cargo prints "test result: ok. N passed; M failed"; node prints "ℹ pass N" / "ℹ fail M".
awk '/^test result:/ { p += $4; f += $6 }
     /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$RESULTS"
