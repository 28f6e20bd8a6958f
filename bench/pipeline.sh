#!/usr/bin/env bash
# Ingest (issue #19 point 1): our whole pipeline next to a bare socket.io-client-java subscriber,
# both fed by a Java flooder writing pre-encoded Engine.IO frames as fast as the socket takes
# them (the receiver is the bottleneck), alternating rounds in one JVM, events/s and CPU µs per
# event. Writes src/docs/ingest.md.
#   bash bench/pipeline.sh [EVENTS per round, default 200000] [ROUNDS, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
ROUNDS=${2:-5}
mvn -q -o -pl realtime-core test-compile -DskipTests -Dexec.skip -Dspotless.check.skip=true >/dev/null 2>&1 \
  || mvn -q -pl realtime-core test-compile -DskipTests -Dexec.skip -Dspotless.check.skip=true
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -o -pl realtime-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
REPORT=src/docs/ingest.md
{
  echo "# Ingest"
  echo
  echo "Target (issue #19 point 1): our whole pipeline takes a saturating flood at least as fast as a bare"
  echo "socket.io-client-java subscriber. Figures are measured side by side in one run and written down here,"
  echo "never asserted as timings in tests."
  echo
} > "$REPORT.tmp"
java -Xmx1g -cp "realtime-core/target/classes:realtime-core/target/test-classes:$(cat "$CP_FILE")" \
  io.studycollab.realtime.bench.PipelineBenchmark "$N" "$ROUNDS" "$REPORT.part"
cat "$REPORT.part" >> "$REPORT.tmp" && rm -f "$REPORT.part" && mv "$REPORT.tmp" "$REPORT"
