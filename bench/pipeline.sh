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
  echo "Measured on this machine by the commands named below (\`bash bench/all.sh\` runs them all); figures are"
  echo "measured side by side and written down, never asserted as timings in tests."
  echo
  echo "| issue target | where the figure is |"
  echo "| --- | --- |"
  echo "| ingest ≥ 0.9× a bare socket.io-client-java subscriber, ≥ 50,000 events/s, zero loss, heap bounded | below (\`bash bench/pipeline.sh\`) |"
  echo "| UI: 10,000 events/s + 500 users' cursors at 20/s: no pulse over 17 ms, mean under 8 ms; 2,000 cursors at 20 Hz at full frame rate | [ui-pulse.md](ui-pulse.md) (\`bash bench/ui-pulse.sh\`) |"
  echo "| history: 1,000,000 events, bytes per event, filter and jump to the end < 200 ms | below |"
  echo "| open a 1,000,000-record session file | [session-open.md](session-open.md) (\`bash bench/session-open.sh\`) |"
  echo "| server: group size | [server-load.md](server-load.md) (\`bash bench/server-load.sh\`) |"
  echo "| start-up to the demo group visible | [startup.md](startup.md) (\`bash bench/startup.sh\`) |"
  echo "| fault and bad-input suite counts | [reliability.md](reliability.md) (\`bash bench/reliability.sh\`; runs in every test run) |"
  echo
  cat "$OUT"
} > src/docs/benchmarks.md
cat src/docs/benchmarks.md
