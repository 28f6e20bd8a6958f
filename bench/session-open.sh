#!/usr/bin/env bash
# Writes a 1,000,000-record session file and opens it in a 128 MiB heap; results in src/docs/session-open.md.
#   mvn -q -DskipTests install && bash bench/session-open.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
mvn -q -o -pl realtime-core test-compile -DskipTests -Dexec.skip >/dev/null 2>&1 || mvn -q -pl realtime-core test-compile -DskipTests -Dexec.skip
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -pl realtime-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
java -Xmx128m -cp "realtime-core/target/classes:realtime-core/target/test-classes:$(cat "$CP_FILE")" \
  io.studycollab.realtime.bench.SessionOpenBenchmark "$N" src/docs/session-open.md
