#!/usr/bin/env bash
# Start-up time: from launching the jar to the embedded demo group showing its bots (the window's
# --smoke-test), five runs under a virtual display; written to src/docs/startup.md.
#   mvn -q -DskipTests package && bash bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=app/target/realtime-debugger.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
run() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; fi
}
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  run java -jar "$JAR" --smoke-test >/dev/null 2>&1
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n 3p <<<"$sorted")
{
  echo "# Start-up: launch to the demo group visible"
  echo
  echo "Produced by \`bash bench/startup.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(java -version 2>&1 | head -1)."
  echo "Each run starts the jar with \`--smoke-test\`: the window opens, the embedded server and its three bots start,"
  echo "we connect and join \`demo\`, and the run ends when the presence bar shows the three bots (the JVM exit included)."
  echo
  echo "| run | ms |"
  echo "| --- | --- |"
  i=1; for t in "${times[@]}"; do echo "| $i | $t |"; i=$((i + 1)); done
  echo
  echo "**Median: ${median} ms.**"
} > src/docs/startup.md
cat src/docs/startup.md
