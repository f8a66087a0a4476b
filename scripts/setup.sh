#!/usr/bin/env bash
# Create .venv (if missing) and install newslint; with "dev" (the default) also its test tools
# and the browser the report test drives. `setup.sh run` installs only what newslint needs.
# The browser test of the HTML report needs Debian's Chromium; as root it is installed here,
# otherwise the test is skipped with a note (install the `chromium` package yourself).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-dev}" = run ]; then
  .venv/bin/python -m pip install -q -e .
  exit 0
fi
.venv/bin/python -m pip install -q -e ".[dev]"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser test of the HTML report"
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium >/dev/null
  else
    echo "note: /usr/bin/chromium is missing; the browser test will be skipped" >&2
  fi
fi
