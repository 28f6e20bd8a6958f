#!/usr/bin/env bash
# Session files at scale (issue #19 point 3): writes a 10,000,000-record session file once through
# SessionWriter with redaction on (events/s, writer CPU per record), then opens that same file to
# its first frame and indexes it whole, all in a 256 MiB heap; results in src/docs/session-open.md.
#   bash bench/session-open.sh [RECORDS]     (needs ~2.5 GB free in the temp directory)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
mvn -q -o -pl realtime-core test-compile -DskipTests -Dexec.skip >/dev/null 2>&1 || mvn -q -pl realtime-core test-compile -DskipTests -Dexec.skip
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -pl realtime-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
java -Xmx256m -cp "realtime-core/target/classes:realtime-core/target/test-classes:$(cat "$CP_FILE")" \
  io.studycollab.realtime.bench.SessionOpenBenchmark "$N" src/docs/session-open.md "$(cat /proc/loadavg)"
