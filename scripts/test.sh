#!/usr/bin/env bash
# Install the service and its test tools into .venv, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests drive Debian's Chromium (playwright never downloads one); CI starts fresh, as root.
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash scripts/install.sh dev
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
