#!/usr/bin/env bash
# Ingest (our pipeline next to a bare socket.io-client-java subscriber) and history-depth figures,
# written to src/docs/benchmarks.md together with the other benchmark results.
#   mvn -q -DskipTests install && bash bench/pipeline.sh [EVENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
(cd src/interop && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
mvn -q -o -pl realtime-core test-compile -Dexec.skip >/dev/null 2>&1 || mvn -q -pl realtime-core test-compile -Dexec.skip
CP_FILE=$(mktemp)
OUT=$(mktemp)
trap 'rm -f "$CP_FILE" "$OUT"' EXIT
mvn -q -pl realtime-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
java -Xmx1g -Dinterop.dir="$PWD/src/interop" -cp "realtime-core/target/classes:realtime-core/target/test-classes:$(cat "$CP_FILE")" \
  io.studycollab.realtime.bench.PipelineBenchmark "$N" "$OUT"
{
  echo "# Benchmarks"
  echo
  echo "Measured on this machine by the commands named below; figures are ratios and sizes, never timed assertions in tests."
  echo
  echo "- \`bash bench/pipeline.sh\` — this page (ingest and history depth)."
  echo "- \`bash bench/server-load.sh\` — [server group size](server-load.md), ours next to the Node reference server."
  echo "- \`bash bench/session-open.sh\` — [a 1,000,000-record session file](session-open.md) in a 128 MiB heap."
  echo "- \`bash bench/startup.sh\` — [start-up](startup.md): launch to the demo group visible."
  echo
  cat "$OUT"
} > src/docs/benchmarks.md
cat src/docs/benchmarks.md
