#!/usr/bin/env bash
# The fault and bad-input suite alone (it also runs in the normal test command), with its counts
# written to src/docs/reliability.md.
#   mvn -q -DskipTests install && bash bench/reliability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
(cd src/interop && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
mvn -q -pl realtime-server test -Dtest=FaultSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dexec.skip -Dreliability.report="$PWD/src/docs/reliability.md"
cat src/docs/reliability.md
