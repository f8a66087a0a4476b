#!/usr/bin/env bash
# Set up and run the whole test suite (the command README.md and .ci/run use).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# -n auto: one pytest worker per core (pytest-xdist); the slowest test (a 50 MB line and a
# million lines) then runs beside the others instead of after them.
.venv/bin/python -m pytest -n auto "$@"
