#!/usr/bin/env bash
# Install the service into .venv (once, and again when pyproject.toml changes) and run it on
# 127.0.0.1:8000 (HOST/PORT/WORKERS and every setting in docs/operations.md override).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/enrich serve
