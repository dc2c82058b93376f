#!/usr/bin/env bash
# The HTML report in a real browser: builds ttlint, then renders the demo app's report and a
# hostile one in headless Chromium and checks them (tests/html_report.py). Needs Debian's
# `chromium` and the `playwright` Python package (never `playwright install`: the system browser
# is used). Extra arguments go to the script, e.g. `--screenshot docs/report-screenshot.png`.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --bin ttlint
exec python3 tests/html_report.py --ttlint target/debug/ttlint "$@"
