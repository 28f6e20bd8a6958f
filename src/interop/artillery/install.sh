#!/usr/bin/env bash
# Installs Artillery 2 and artillery-engine-socketio-v3 from this directory's lock file, for the
# tests that run exported scenarios (app's ArtilleryRunTest). No browser is needed, so Playwright's
# download and every install script are skipped. A second run with an unchanged lock file does
# nothing (npm ci would delete and reinstall ~1,100 packages each build).
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ARTILLERY_DISABLE_TELEMETRY=true \
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
