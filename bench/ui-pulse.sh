#!/usr/bin/env bash
# FX-thread time per pulse in the real window, idle and under load (500 users' cursors at 20/s =
# 10,000 events/s, then 2,000 users at 20/s), on a virtual X display; written to src/docs/ui-pulse.md.
#   [JAVA_OPTS=...] bash bench/ui-pulse.sh [SECONDS_PER_PHASE]   (builds what it runs; nothing is installed)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-20}
CP_FILE=$(mktemp)
OUT=$(mktemp)
trap 'rm -f "$CP_FILE" "$OUT"' EXIT
# The reactor resolves the modules from their targets (no install); every module writes the file,
# the app's classpath is written last.
mvn -q -o -pl app -am -Dexec.skip -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >/dev/null
run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; fi
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# JAVA_OPTS: JVM options to compare (e.g. -XX:TieredStopAtLevel=1 for the launcher's choice, startup.md).
run java -Xmx1g ${JAVA_OPTS:-} -cp "app/target/classes:app/target/test-classes:$(cat "$CP_FILE")" \
  io.studycollab.debugger.bench.UiPulseBenchmark "$OUT" "$SECS" >/dev/null
{
  echo "# UI: FX-thread time per pulse under load"
  echo
  echo "Produced by \`bash bench/ui-pulse.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(java -version 2>&1 | head -1),"
  echo "**machine load** (1/5/15-minute averages) before: ${LOAD_BEFORE}; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  [ -n "${JAVA_OPTS:-}" ] && echo "JVM options: \`${JAVA_OPTS}\`."
  echo "the real window (1400×860) on an X display (Xvfb when none is set), connected to its embedded sandbox."
  echo "Once the demo group shows, synthetic users join it and move their cursors, each update published into the"
  echo "window's event hub as the client publishes what arrives from the socket (the socket side is the ingest"
  echo "benchmark). Everything is on: canvas, presence bar, member list, event log (10,000 rows), status bar."
  echo "${SECS} s per load after a 5 s warm-up. The first row is the window idle (only the sandbox's three bots"
  echo "moving): the frame rate this display gives the window at all, which the loaded rows are compared with."
  echo
  echo "- **FX CPU per pulse**: CPU time of the JavaFX thread between the starts of two pulses — all it did for"
  echo "  that frame (our batch, CSS, layout, the canvas's pointer list, scene sync), measured with \`ThreadMXBean\`."
  echo "  The canvas composites on its own thread (\`canvas-compositor\` below) while the FX thread lays out."
  echo "- **pulse start → layout done**: wall time from the pulse's timestamp to the scene's post-layout listener,"
  echo "  including the wait for the canvas's compositing to finish."
  echo "- **pulses/s**: frames the FX thread produced per second (60 is the display rate; the idle row shows what"
  echo "  this machine reaches)."
  echo
  echo "On this machine Prism renders in software (no GPU under Xvfb), so the render thread, not the FX thread,"
  echo "is the larger cost: it repaints and uploads the changed part of the window every frame. The canvas is one"
  echo "image composited in Java (see architecture.md, \"Canvas\"), so its cost there does not grow with the"
  echo "number of pointers."
  echo
  echo "Past 150 pointers the canvas drops the name tags (they would only cover each other) and shows the name of"
  echo "the pointer under the mouse; [the window with 2,000 users](screenshots/ui-2000-cursors.png)."
  echo
  cat "$OUT"
} > src/docs/ui-pulse.md
cat src/docs/ui-pulse.md
