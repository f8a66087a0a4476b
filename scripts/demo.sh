#!/usr/bin/env bash
# Set up and run newslint on the bundled seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
.venv/bin/newslint seeds/ --reliability "$@"
