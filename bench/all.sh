#!/usr/bin/env bash
# Every benchmark, one after the other (they share this machine's cores, so never in parallel),
# refreshing src/docs/benchmarks.md and the pages it links to. About 15 minutes.
#   bash bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package install
bash bench/pipeline.sh
bash bench/ui-pulse.sh
bash bench/session-open.sh
bash bench/server-load.sh
bash bench/fanout.sh
bash bench/startup.sh
bash bench/reliability.sh
