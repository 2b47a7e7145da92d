#!/usr/bin/env bash
# Install the service into .venv and run it on 127.0.0.1:8000 (HOST/PORT/WORKERS override).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check .
exec .venv/bin/enrich serve
