#!/usr/bin/env bash
# Install the service (editable) with the given extras into .venv, only when pyproject.toml
# changed since the last install of the same extras: code changes need no reinstall.
# PYTHON names the interpreter a new .venv is made with (3.11 to 3.13; on 3.12 and later
# spaCy's parser and NER run about twice as fast: docs/performance.md, "The interpreter").
set -euo pipefail
cd "$(dirname "$0")/.."
extras=${1:-}
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
stamp=".venv/.installed${extras:+-$extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
    touch "$stamp"
fi
