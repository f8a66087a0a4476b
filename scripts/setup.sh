#!/usr/bin/env bash
# Create .venv (if missing) and install newslint with its test tools. Safe to rerun.
# The browser test of the HTML report needs Debian's Chromium; as root it is installed here,
# otherwise the test is skipped with a note (install the `chromium` package yourself).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"
if [ "${NEWSLINT_SKIP_BROWSER:-0}" != 1 ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser test of the HTML report"
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium >/dev/null
  else
    echo "note: /usr/bin/chromium is missing; the browser test will be skipped" >&2
  fi
fi
