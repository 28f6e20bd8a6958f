#!/usr/bin/env bash
# Start-up time of the window, two figures per run: launch to the window shown (its first frame laid
# out) and launch to the demo group live (the presence bar shows the sandbox's three bots), from the
# jar's --smoke-test on a virtual display; the JVM's launch options side by side, interleaved run by
# run so the machine's load falls on each alike; CPU per run, and the process's CPU by the time the
# window showed (the app prints it: the figure a loaded machine changes least); written to
# src/docs/startup.md.
#   mvn -q -DskipTests package && bash bench/startup.sh [RUNS]
# BASELINE_JAR=other.jar adds that jar (e.g. a build of an older commit) as one more variant, described
# in the results as BASELINE_NAME. ROWS=file LOAD_BEFORE=.. LOAD_AFTER=.. only rewrites the results
# file from the per-run rows an earlier run printed on stderr (after an edit of the text below).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=${JAR:-app/target/realtime-debugger.jar}
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install -y xvfb)" >&2; exit 2; }
work=$(mktemp -d)
xvfb=""
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# One X server for all runs, started before the clock runs (xvfb-run would time its own start too).
export DISPLAY=:$((90 + RANDOM % 9))$((RANDOM % 10))
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
# A config directory of its own: no saved profiles of the user's change what the window does.
export STUDYCOLLAB_CONFIG_DIR=$work/config

# The AppCDS archive of the classes a start-up loads, made by one training run.
if [ -z "${ROWS:-}" ]; then
  java -XX:ArchiveClassesAtExit="$work/app.jsa" -jar "$JAR" --smoke-test >/dev/null 2>&1 \
    || { echo "the training run failed" >&2; exit 1; }
fi

names=(plain nocds serial cds c1 c1+serial cds+c1 cds+c1+serial)
cmds=("java -jar $JAR"
      "java -Xshare:off -jar $JAR"
      "java -XX:+UseSerialGC -jar $JAR"
      "java -XX:SharedArchiveFile=$work/app.jsa -jar $JAR"
      "java -XX:TieredStopAtLevel=1 -jar $JAR"
      "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $JAR"
      "java -XX:SharedArchiveFile=$work/app.jsa -XX:TieredStopAtLevel=1 -jar $JAR"
      "java -XX:SharedArchiveFile=$work/app.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $JAR")
# VARIANTS="plain c1" runs only those.
if [ -n "${VARIANTS:-}" ]; then
  keep_names=() keep_cmds=()
  for v in "${!names[@]}"; do
    case " $VARIANTS " in *" ${names[$v]} "*) keep_names+=("${names[$v]}"); keep_cmds+=("${cmds[$v]}") ;; esac
  done
  names=("${keep_names[@]}") cmds=("${keep_cmds[@]}")
fi
# The packaged launcher (mvn -Ppackage verify builds it) with the options packaging/build.sh gives it.
LAUNCHER=${LAUNCHER:-packaging/target/realtime-debugger/bin/realtime-debugger}
if [ -x "$LAUNCHER" ]; then
  names+=(launcher)
  cmds+=("$LAUNCHER")
fi
if [ -n "${BASELINE_JAR:-}" ]; then
  names+=(baseline)
  cmds+=("java -jar $BASELINE_JAR")
fi

# run CMD: prints "window_ms live_ms cpu_s window_cpu_s" (window "-" when the jar does not say, "-" for
# a failed run; window CPU "-" from a jar that does not print it).
run() {
  local cmd=$1 t0 window=- live=- wcpu=- line now
  t0=$EPOCHREALTIME
  while IFS= read -r line; do
    now=$EPOCHREALTIME
    case "$line" in
      "smoke test: window shown"*)
        window=$(( (${now/./} - ${t0/./}) / 1000 ))
        [[ "$line" =~ \(CPU\ ([0-9.]+)\ s\) ]] && wcpu=$(printf '%.1f' "${BASH_REMATCH[1]}") ;;
      "smoke test: demo group visible"*) live=$(( (${now/./} - ${t0/./}) / 1000 )) ;;
    esac
  done < <(timeout 150 /usr/bin/time -f '%U %S' -o "$work/cpu" $cmd --smoke-test 2>/dev/null)
  wait $! 2>/dev/null || true
  local cpu=-
  [ -s "$work/cpu" ] && cpu=$(awk 'END { printf "%.1f", $1 + $2 }' "$work/cpu")
  rm -f "$work/cpu"
  echo "$window $live $cpu $wcpu"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'; }

if [ -n "${ROWS:-}" ]; then
  grep -E '^[a-z0-9+]+ [0-9]+ ' "$ROWS" >"$work/rows"
  load_before=$LOAD_BEFORE
  load_after=$LOAD_AFTER
else
  load_before=$(uptime | sed 's/.*load average: //')
  : >"$work/rows"
  for i in $(seq 1 "$RUNS"); do
    for v in "${!names[@]}"; do
      r=$(run "${cmds[$v]}")
      echo "${names[$v]} $i $r" | tee -a "$work/rows" >&2
    done
  done
  load_after=$(uptime | sed 's/.*load average: //')
fi

{
  echo "# Start-up: launch to the window shown and to the demo group live"
  echo
  echo "Produced by \`bash bench/startup.sh $RUNS\` on $(date -u +%Y-%m-%d): $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1). **Machine load** (1/5/15-minute averages) before the runs: $load_before;"
  echo "after: $load_after. Other engineers' benchmarks and builds share this machine: compare the variants"
  echo "with each other (they ran interleaved, run by run, under the same load) and read the CPU column;"
  echo "the wall times are only as good as the load allows."
  echo
  echo "Each run starts \`java … -jar realtime-debugger.jar --smoke-test\` on a virtual display (one Xvfb for"
  echo "all runs, started before the clock). The window and the embedded sandbox start in parallel: the sandbox"
  echo "(server, three bots) on its own thread from the moment the command line is read, the window on the"
  echo "JavaFX thread, shown before any connection. Figures, from the launch:"
  echo
  echo "- **window shown**: the window's first frame laid out (the app prints it in smoke-test mode);"
  echo "- **group live**: connected, joined \`demo\`, the presence bar showing the three bots;"
  echo "- **CPU at window**: the process's CPU time (all threads: JIT, GC, the sandbox) when the window showed,"
  echo "  as the app prints it; the figure the machine's load changes least;"
  echo "- **CPU**: user + system CPU of the whole process, its exit included."
  echo
  echo "Variants: **plain** \`java -jar\` (the JDK's own CDS archive of its classes is used by default);"
  echo "**nocds** \`-Xshare:off\` (no CDS at all: what a jlink'ed runtime without \`--generate-cds-archive\` gives);"
  echo "**serial** \`-XX:+UseSerialGC\`; **cds** with an AppCDS archive of the classes a start loads"
  echo "(\`-XX:SharedArchiveFile\`, made by one training run with \`-XX:ArchiveClassesAtExit\`); **c1** with"
  echo "\`-XX:TieredStopAtLevel=1\` (the client compiler only: less JIT work at start, slower peak code); the"
  echo "combinations as named. **launcher**, where the app image was built: its jpackage launcher as installed"
  echo "(the runtime and options of packaging/build.sh)."
  [ -n "${BASELINE_JAR:-}" ] && echo "**baseline**: ${BASELINE_NAME:-$BASELINE_JAR}, started plain."
  echo
  echo "| variant | median window shown (ms) | median group live (ms) | median CPU at window (s) | median CPU (s) | runs |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for n in "${names[@]}"; do
    w=$(awk -v n="$n" '$1 == n && $3 != "-" { print $3 }' "$work/rows" | median)
    l=$(awk -v n="$n" '$1 == n && $4 != "-" { print $4 }' "$work/rows" | median)
    c=$(awk -v n="$n" '$1 == n && $5 != "-" { print $5 }' "$work/rows" | median)
    wc=$(awk -v n="$n" '$1 == n && $6 != "" && $6 != "-" { print $6 }' "$work/rows" | median)
    k=$(awk -v n="$n" '$1 == n && $4 != "-"' "$work/rows" | wc -l)
    echo "| $n | $w | $l | $wc | $c | $k of $RUNS |"
  done
  echo
  echo "Every run (ms, ms, CPU s, CPU s; \"-\" where the run did not report it):"
  echo
  echo "| variant | run | window shown | group live | CPU at window | CPU |"
  echo "| --- | --- | --- | --- | --- | --- |"
  awk '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, ($6 == "" ? "-" : $6), $5 }' "$work/rows"
  echo
  cat bench/startup-notes.md
} >"$work/startup.md"
if [ -f "$work/startup.md" ]; then
  mv "$work/startup.md" src/docs/startup.md
fi
cat src/docs/startup.md
