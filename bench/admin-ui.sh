#!/usr/bin/env bash
# The Server tab with 20,000 sockets and 1,000 socket changes/s in the real window: FX-thread time per
# pulse, process CPU, heap; on a virtual X display; written to src/docs/admin-ui.md.
#   bash bench/admin-ui.sh [SECONDS_PER_PHASE]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-20}
CP_FILE=$(mktemp)
OUT=$(mktemp)
# One reactor build (no install): the sibling modules resolve to their freshly packaged jars; the
# classpath written last is the app's.
mvn -q -o -pl app -am -Dexec.skip -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null
run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; fi
}
CONFIG=$(mktemp -d)
trap 'rm -f "$CP_FILE" "$OUT"; rm -rf "$CONFIG"' EXIT
run java -Xmx1g -Duser.home="$CONFIG" -cp "app/target/classes:app/target/test-classes:$(cat "$CP_FILE")" \
  io.studycollab.debugger.bench.AdminUiBenchmark "$OUT" "$SECS" >/dev/null
{
  echo "# Server tab: 20,000 sockets, 1,000 socket changes/s"
  echo
  echo "Produced by \`bash bench/admin-ui.sh $SECS\` on $(date -u +%Y-%m-%d): $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the end,"
  echo "$(java -version 2>&1 | head -1), the real window (1400×860) on an X display (Xvfb when none is set), Server tab shown."
  echo "A synthetic admin server: the window's Server tab shows an \`AdminModel\` fed the admin protocol's own events"
  echo "(\`all_sockets\` with 20,000 sockets in 200 rooms plus their own, then \`room_left\`/\`room_joined\` pairs and"
  echo "\`socket_disconnected\`/\`socket_connected\` pairs, 1,000 changes a second), exactly what \`AdminClient\` applies"
  echo "from the socket; each change also goes into the window's hub as the server-side record the log shows."
  echo "The socket.io decoding of those events is not part of it (it is \`AdminClient\`'s, on socket.io's thread)."
  echo "${SECS} s per row after a 5 s warm-up at full load."
  echo
  echo "- **FX CPU per pulse**: CPU time of the JavaFX thread between two pulse starts (\`ThreadMXBean\`)."
  echo "- **pulse start → layout done**: wall time from the pulse's timestamp to the scene's post-layout listener."
  echo "- **process CPU**: all threads of the JVM (the feed thread's snapshots, filter and sort included), over the row's time."
  echo
  echo "How it stays at frame rate: the snapshot, filter and sort of 20,000 rows run on the \`server-feed\` thread,"
  echo "at most 5 times a second. The feed thread also hands back the previous instance of every row that did not"
  echo "change, so the FX thread merges a reading in by identity: kept rows untouched, changed rows set in place,"
  echo "new and gone rows added and removed, all in one list change covering only those rows; the TableView"
  echo "makes cells only for the rows in sight (fixed row height). The last row runs the same load with every"
  echo "reading replacing all rows in one \`setAll\` (the tab before the merge), for comparison in the same run."
  echo "See architecture.md, \"Server tab\"."
  echo
  cat "$OUT"
} > src/docs/admin-ui.md
cat src/docs/admin-ui.md
