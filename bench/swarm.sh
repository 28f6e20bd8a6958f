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
SECONDS_PER_STEP=$CAPACITY_SECONDS; WARMUP=$CAPACITY_WARMUP
run_step ours "$JAVA_URL" "$JAVA_PID" "$CAPACITY_USERS" "$CAPACITY_RATE"
run_step node "$NODE_URL" "$NODE_PID" "$CAPACITY_USERS" "$CAPACITY_RATE"
UPTIME_AFTER=$(uptime)

node - "$OUT/steps.jsonl" "$GROUP_SIZE" "$RATE" "$SECONDS_PER_STEP" "$WARMUP" "$UPTIME_BEFORE" "$UPTIME_AFTER" > src/docs/swarm.md <<'JS'
const fs = require('fs');
const os = require('os');
const [file, groupSize, rate, seconds, warmup, before, after] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const ok = (r) => r.figures && !r.figures.error && r.figures.p99Ms >= 0 && r.figures.p99Ms < 100 && r.figures.delivery >= 0.99
  && r.figures.connected === r.usersAsked;
const steady = rows.filter((r) => String(r.rate) === String(rate));
const capacity = rows.filter((r) => String(r.rate) !== String(rate));
const best = (name) => steady.filter((r) => r.server === name && ok(r)).reduce((m, r) => Math.max(m, r.usersAsked), 0);
const errs = (e) => Object.keys(e || {}).length ? Object.entries(e).map(([k, v]) => `${k} ${v}`).join(', ') : 'none';
const row = (r) => {
  const f = r.figures;
  if (!f || f.error) return `| ${r.usersAsked} | error: ${f ? f.error : '?'} | | | | | | | | | | |`;
  return `| ${r.usersAsked} | ${f.connected} | ${errs(f.errors)} | ${Math.round(f.cursorsSent / (r.seconds - r.warmup))} | ${(f.delivery * 100).toFixed(1)} % `
    + `| ${f.p50Ms} / ${f.p99Ms} | ${f.sendLagP99Ms} | ${f.lateTicks} | ${r.swarmCpuS} | ${Number(r.serverCpuS).toFixed(1)} | ${r.peakThreads} `
    + `| ${ok(r) ? 'yes' : 'no'} | ${r.load} |`;
};
const table = (name, list) => ['| users | connected | refused / errors | cursors sent/s | delivered | p50 / p99 ms | swarm send lag p99 ms | late pacer ticks | swarm CPU s | server CPU s | swarm threads (peak) | within target | load (1/5/15 min) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...list.filter((r) => r.server === name).map(row)].join('\n');
const cpu = os.cpus()[0] ? os.cpus()[0].model : 'unknown';
console.log(`# Swarm: virtual users from one JVM, cursors at ${rate}/s, ours vs the Node reference server

Produced by \`bash bench/swarm.sh\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}),
${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Machine load: before \`${before.trim()}\`; after \`${after.trim()}\`.

Each step runs \`realtime-debugger swarm --users N --group-size ${groupSize} --cursor-rate ${rate}\` (one JVM, every user its own
token and user id, groups of ${groupSize}, users connected at 500/s) for ${seconds} s against each server in turn, our
server (\`serve\`, netty-socketio, group fan-out budget off, per-user budgets at their defaults) and the reference server
(\`src/interop/server.js\`, socket.io 4.8), both started once and running side by side. After a ${warmup} s warm-up the swarm's
own receivers time every \`user:cursor:updated\` against the sender's record of when it moved (same JVM, same clock;
1 ms buckets), so latency includes the swarm's send path, both sockets and the server. *Within target*: every user
connected, p99 < 100 ms and at least 99 % of the expected deliveries (each move to the ${Number(groupSize) - 1} others of its group).
*Swarm send lag* (move to emit on socket.io's event thread) and *late pacer ticks* are the swarm's own lag: when they are
high, the client, not the server, is what could not keep up. CPU: seconds over the whole step (JVM start and connects included). Rate steps: ${seconds} s each, ${warmup} s warm-up;
the 2,000-user run: its own duration and warm-up (long enough to connect everyone at 500/s and join).

**Largest swarm within target — our server: ${best('ours')} users; Node reference server: ${best('node')} users.**

## Our server (realtime-server, netty-socketio)
${table('ours', steady)}

## Reference server (src/interop/server.js, socket.io 4.8)
${table('node', steady)}

## ${capacity.length ? capacity[0].usersAsked : ''} users at ${capacity.length ? capacity[0].rate : ''} cursor update/s: do they all connect, join and move?
Same swarm, same groups, the cursor rate lowered so that the question is the number of users, not the message rate
(*within target* still means p99 < 100 ms and 99 % delivered).

### Our server
${table('ours', capacity)}

### Reference server
${table('node', capacity)}
`);
JS
cat src/docs/swarm.md
