#!/usr/bin/env bash
# Every benchmark, one after the other (they share this machine's cores, so never in parallel),
# refreshing the result pages src/docs/benchmarks.md links to (copy the figures into its table).
#   bash bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package install
bash bench/pipeline.sh
bash bench/history.sh
bash bench/ui-pulse.sh
bash bench/session-open.sh
bash bench/server-load.sh
bash bench/swarm.sh
bash bench/fanout.sh
bash bench/proxy.sh
bash bench/startup.sh
bash bench/reliability.sh
