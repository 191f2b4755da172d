# Shared settings for the project's scripts: where tools and build output live.
# Sourced, not run.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${IEY_TARGET_DIR:-$HOME/.cache/iey-target}}
export IEY_TOOLS_DIR=${IEY_TOOLS_DIR:-$HOME/.cache/iey-tools}
export PATH="$IEY_TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export IEY_BIN=${IEY_BIN:-$CARGO_TARGET_DIR/release/iey}
export IEY_SITE_ROOT=${IEY_SITE_ROOT:-$ROOT/target/site}
# Prints a step heading with the seconds since the script started.
step() { printf '\n\033[1;34m==> [%4ds] %s\033[0m\n' "$SECONDS" "$*"; }
# The Python with aiosmtpd, for the SMTP test (installed by install-tools.sh).
export IEY_TEST_PYTHON=${IEY_TEST_PYTHON:-$IEY_TOOLS_DIR/py/bin/python}
