#!/usr/bin/env bash
# History depth (issue #19 point 2): heap per small event, filters and jump to the end, for the
# column store next to records kept as objects, at 1,000,000 events (1 GiB heap) and at
# 10,000,000 events in a 3 GiB heap (columns only: the objects would not fit). Writes
# src/docs/history.md.   bash bench/history.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl realtime-core test-compile -DskipTests -Dspotless.check.skip=true >/dev/null 2>&1 \
  || mvn -q -pl realtime-core test-compile -DskipTests -Dspotless.check.skip=true
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -q -pl realtime-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
CP="realtime-core/target/classes:realtime-core/target/test-classes:$(cat "$CP_FILE")"
REPORT=src/docs/history.md
cat > "$REPORT" <<'MD'
# History depth

`bash bench/history.sh` on this machine. Each event is a small `user:cursor:updated` (one in ten a
`user:tool:changed`) from 50 users, with its own decoded strings, as the socket delivers them. Heap
per event is the heap used after GC, full minus empty, divided by the events kept; filter and jump
times are this thread's CPU time, median of five runs after two unmeasured (wall time and the matched count in brackets: wall time also counts waiting for a core on a shared machine); fill is the CPU time of adding
them all. Target (issue #19): at most 200 bytes per small event, filters over 1,000,000 under
100 ms, jump to the end under 20 ms, 10,000,000 events in a 3 GiB heap.
MD
java -Xmx1g -cp "$CP" io.studycollab.realtime.bench.HistoryBenchmark 1000000 "$REPORT"
java -Xmx3g -cp "$CP" io.studycollab.realtime.bench.HistoryBenchmark 10000000 "$REPORT" columns-only
