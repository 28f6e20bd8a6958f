#!/usr/bin/env bash
# Swarm benchmark (issue #19 point 4): how many virtual users, each moving its cursor 20 times a
# second in groups of GROUP_SIZE, one swarm JVM (`realtime-debugger swarm`) holds against a server
# with p99 delivery under 100 ms and >= 99 % delivered, our server and the Node reference server
# (src/interop/server.js, socket.io 4) measured in the same run, step by step, alternating. Delivery
# is timed by the swarm's own receivers (send and receipt in one JVM, one clock). Each step reports
# the CPU seconds of the swarm and of the server, the swarm's peak thread count, what the server
# refused (connect errors by code) and whether the swarm itself lagged (its send lag, its pacer's
# late ticks), plus the machine's load (uptime). Writes src/docs/swarm.md and its row in
# src/docs/benchmarks.md.
#   mvn -q -o -Dexec.skip -DskipTests package && bash bench/swarm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=app/target/realtime-debugger.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -o -Dexec.skip -DskipTests package" >&2; exit 2; }
[ -d src/interop/node_modules ] || { echo "src/interop/node_modules is missing (npm ci there)" >&2; exit 2; }
STEPS=${STEPS:-10,25,50,100,200,400}
# Then 2,000 users at a gentle rate, against each server: do they all connect, join and move?
CAPACITY_USERS=${CAPACITY_USERS:-2000}
CAPACITY_RATE=${CAPACITY_RATE:-1}
CAPACITY_SECONDS=${CAPACITY_SECONDS:-75}
CAPACITY_WARMUP=${CAPACITY_WARMUP:-45}
GROUP_SIZE=${GROUP_SIZE:-5}
RATE=${RATE:-20}
SECONDS_PER_STEP=${SECONDS_PER_STEP:-20}
WARMUP=${WARMUP:-8}
TCK=$(getconf CLK_TCK)
# The secret goes through the environment, never a command line (ps would show it).
export SUPABASE_JWT_SECRET; SUPABASE_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')
export SUPABASE_SERVICE_ROLE_KEY; SUPABASE_SERVICE_ROLE_KEY=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
OUT=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$OUT"; }
trap cleanup EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
wait_url() { # file: the first http://127.0.0.1:PORT printed there
  for _ in $(seq 1 600); do
    local u; u=$(grep -o 'http://127.0.0.1:[0-9]*' "$1" 2>/dev/null | head -1 || true)
    [ -n "$u" ] && { echo "$u"; return 0; }
    sleep 0.1
  done
  echo "server did not start: $(cat "$1")" >&2; return 1
}

# Our server: the group fan-out budget off (every update delivered, as bench/server-load.sh), the
# per-user budgets at their defaults (each virtual user has its own user id, 20 cursors/s < 100 events/s).
java -jar "$JAR" serve --port 0 --group-fanout-per-second 0 > "$OUT/java-server.log" 2>&1 &
JAVA_PID=$!; PIDS+=("$JAVA_PID")
JAVA_URL=$(wait_url "$OUT/java-server.log")
# The reference server exits when its stdin closes: keep it open.
sleep 100000 | node src/interop/server.js > "$OUT/node-server.log" 2>&1 &
NODE_PID=$!; PIDS+=("$NODE_PID")
NODE_URL=$(wait_url "$OUT/node-server.log")

run_step() { # name url server_pid users rate
  local name=$1 url=$2 spid=$3 users=$4 rate=$5
  local s0 s1 peak=0 t lines json
  s0=$(cpu_ticks "$spid")
  /usr/bin/time -f '%U %S %e' -o "$OUT/time" java -jar "$JAR" swarm --url "$url" --group "bench-$name-$users" \
    --group-size "$GROUP_SIZE" --users "$users" --cursor-rate "$rate" --duration "${SECONDS_PER_STEP}s" \
    --warmup "${WARMUP}s" --json > "$OUT/swarm.out" 2>&1 &
  local tpid=$!
  while kill -0 "$tpid" 2>/dev/null; do
    local jpid; jpid=$(pgrep -P "$tpid" java | head -1 || true)
    if [ -n "$jpid" ]; then
      t=$(awk '/^Threads:/{print $2}' "/proc/$jpid/status" 2>/dev/null || echo 0)
      [ "${t:-0}" -gt "$peak" ] && peak=$t
    fi
    sleep 1
  done
  wait "$tpid" || true
  s1=$(cpu_ticks "$spid")
  json=$(grep '^{' "$OUT/swarm.out" | tail -1)
  [ -n "$json" ] || json='{"error":"no figures: '"$(tail -1 "$OUT/swarm.out" | tr -d '"\\')"'"}'
  read -r cu cs wall < "$OUT/time"
  printf '{"server":"%s","rate":%s,"seconds":%d,"warmup":%d,"usersAsked":%d,"swarmCpuS":%.1f,"serverCpuS":%.2f,"wallS":%.1f,"peakThreads":%d,"load":"%s","figures":%s}\n' \
    "$name" "$rate" "$SECONDS_PER_STEP" "$WARMUP" "$users" "$(echo "$cu + $cs" | bc)" "$(echo "($s1 - $s0) / $TCK" | bc -l)" "$wall" "$peak" \
    "$(uptime | sed 's/.*load average: //')" "$json" >> "$OUT/steps.jsonl"
  tail -1 "$OUT/steps.jsonl" >&2
}

UPTIME_BEFORE=$(uptime)
IFS=, read -ra SIZES <<< "$STEPS"
for n in "${SIZES[@]}"; do
  run_step ours "$JAVA_URL" "$JAVA_PID" "$n" "$RATE"
  run_step node "$NODE_URL" "$NODE_PID" "$n" "$RATE"
done
STEP_SECONDS=$SECONDS_PER_STEP; STEP_WARMUP=$WARMUP
SECONDS_PER_STEP=$CAPACITY_SECONDS; WARMUP=$CAPACITY_WARMUP
run_step ours "$JAVA_URL" "$JAVA_PID" "$CAPACITY_USERS" "$CAPACITY_RATE"
run_step node "$NODE_URL" "$NODE_PID" "$CAPACITY_USERS" "$CAPACITY_RATE"
UPTIME_AFTER=$(uptime)

node bench/swarm-report.js "$OUT/steps.jsonl" "$GROUP_SIZE" "$RATE" "$STEP_SECONDS" "$STEP_WARMUP" "$UPTIME_BEFORE" "$UPTIME_AFTER" > src/docs/swarm.md
cat src/docs/swarm.md
