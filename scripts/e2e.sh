#!/usr/bin/env bash
# Runs the end-to-end suite in Chromium, JavaScript off and hydrated, against the
# release build (the suite starts its own freshly seeded server).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT/end2end"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node --test --test-concurrency=1 --test-timeout=120000 --test-reporter=spec tests/
