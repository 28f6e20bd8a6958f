#!/usr/bin/env bash
# Intercepting proxy overhead: added latency per packet (p50/p99) and throughput through the proxy
# against direct, in the same run, with the CPU the proxy used. Server: src/interop/proxy-peers.js
# (official socket.io 4); client: src/interop/proxy-bench.js (official socket.io-client 4); proxy:
# `realtime-debugger proxy` (the CLI, nothing recorded). Writes src/docs/proxy-overhead.md.
# The proxy is a long-running process: each transport first gets an unmeasured warm-up run of
# WARMUP events through it (the JIT compiles the relay path then; its CPU is reported apart).
#   mvn -q -DskipTests package && bash bench/proxy.sh      (ROUNDS, PINGS, BURST, WARMUP to change the load;
#   SETTLE=0 not to wait for the JIT to go quiet after the warm-up;
#   JAR=other.jar to measure another build the same way, e.g. main's for a before/after)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/realtime-debugger.jar}
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
(cd src/interop && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
ROUNDS=${ROUNDS:-3}
PINGS=${PINGS:-3000}
BURST=${BURST:-30000}
WARMUP=${WARMUP:-20000}
SETTLE=${SETTLE:-1}
SETTLE_MAX=${SETTLE_MAX:-60}
OUT=$(mktemp -d)
SERVER_PID=""
PROXY_PID=""
cleanup() {
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$OUT"
}
trap cleanup EXIT

coproc SERVER { exec node src/interop/proxy-peers.js serve --ping-ms 25000; }
read -r line <&"${SERVER[0]}"
TARGET=$(grep -o 'http://127.0.0.1:[0-9]*' <<<"$line" | head -1)

java -jar "$JAR" proxy --listen 0 --target "$TARGET" > "$OUT/proxy.out" 2>&1 &
PROXY_PID=$!
for _ in $(seq 1 100); do grep -q 'Proxy listening' "$OUT/proxy.out" 2>/dev/null && break; sleep 0.2; done
PROXY=$(grep -o 'http://127.0.0.1:[0-9]*' "$OUT/proxy.out" | head -1)
[ -n "$PROXY" ] || { cat "$OUT/proxy.out" >&2; exit 1; }

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU of the JIT compiler threads alone (C1/C2): the part of the proxy's CPU that is the JVM still
# compiling, not the relay; a compiler thread that ends in between is not counted (so: at least this).
jit_ticks() {
  local sum=0 t
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$sum"
}
HZ=$(getconf CLK_TCK)
results=""
for t in websocket polling; do
  w0=$(ticks "$PROXY_PID")
  n=$([ "$t" = polling ] && echo $((PINGS / 3)) || echo "$PINGS")
  b=$([ "$t" = polling ] && echo $((BURST / 3)) || echo "$BURST")
  # the warm-up does as many pings as a measured round: one at a time they take other paths than a burst
  node src/interop/proxy-bench.js --direct "$TARGET" --proxy "$PROXY" --rounds 1 --pings "$n" --burst "$WARMUP" \
    --transport "$t" > /dev/null
  # Then the JIT's backlog: on a loaded machine the compiler threads were still compiling the warm-up's
  # code well into the measured run (most of its CPU per packet). Wait until they have been idle for a
  # second (at most SETTLE_MAX s; SETTLE=0 measures at once, as before 2026-12-02's proxy branch).
  settle_start=$(date +%s.%N)
  if [ "$SETTLE" != 0 ]; then
    last=$(jit_ticks "$PROXY_PID"); quiet=0
    for _ in $(seq 1 $((SETTLE_MAX * 2))); do
      sleep 0.5
      now=$(jit_ticks "$PROXY_PID")
      if [ "$now" = "$last" ]; then quiet=$((quiet + 1)); [ "$quiet" -ge 2 ] && break; else quiet=0; fi
      last=$now
    done
  fi
  settled=$(awk -v s="$settle_start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
  # On the loaded shared machine proxy-bench.js has (rarely) exited 0 having printed nothing; such a
  # run is said on stderr and run again, its CPU not counted.
  for attempt in 1 2 3; do
    before=$(ticks "$PROXY_PID")
    jit_before=$(jit_ticks "$PROXY_PID")
    start=$(date +%s.%N)
    json=$(node src/interop/proxy-bench.js --direct "$TARGET" --proxy "$PROXY" --rounds "$ROUNDS" --pings "$n" --burst "$b" --transport "$t")
    [ -n "$json" ] && break
    echo "proxy-bench.js ($t, attempt $attempt) printed no figures; running it again" >&2
  done
  [ -n "$json" ] || { echo "proxy-bench.js printed no figures three times" >&2; exit 1; }
  warm=$(awk -v a="$w0" -v b="$before" -v hz="$HZ" 'BEGIN{printf "%.2f", (b-a)/hz}')
  after=$(ticks "$PROXY_PID")
  jit_after=$(jit_ticks "$PROXY_PID")
  jit=$(awk -v a="$jit_before" -v b="$jit_after" -v hz="$HZ" 'BEGIN{printf "%.2f", (b-a)/hz}')
  end=$(date +%s.%N)
  cpu=$(awk -v a="$before" -v b="$after" -v hz="$HZ" 'BEGIN{printf "%.2f", (b-a)/hz}')
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", e-s}')
  results+="{\"warmupCpuSeconds\":$warm,\"cpuSeconds\":$cpu,\"jitCpuSeconds\":$jit,\"settleSeconds\":$settled,\"wallSeconds\":$wall,\"uptime\":\"$(uptime | sed 's/.*load/load/')\",\"result\":$json}"$'\n'
done

printf '%s' "$results" > "$OUT/results.jsonl"
node - "$OUT/results.jsonl" > src/docs/proxy-overhead.md <<'JS'
const fs = require("fs");
const os = require("os");
const rows = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const f = (x, d = 2) => Number(x).toFixed(d);
const date = new Date().toISOString().slice(0, 10);
let md = `# Proxy overhead: latency and throughput through the intercepting proxy\n\n`;
md += `Produced by \`bash bench/proxy.sh\` on ${date}: ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), `;
md += `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}, Node ${process.version}. Server `;
md += `\`src/interop/proxy-peers.js\` (official socket.io 4), client \`src/interop/proxy-bench.js\` (official `;
md += `socket.io-client 4) and the proxy (\`realtime-debugger proxy\`, nothing recorded, no rules) on this one machine; `;
md += `direct and proxied rounds alternate in the same run. Load while each transport ran: `;
md += rows.map((r) => `${r.result.transport} ${r.uptime}`).join("; ") + `.\n\n`;
md += `Latency: ack round trips of a small event, one at a time. A round trip crosses the proxy twice, so the `;
md += `latency added per packet is (proxied − direct) / 2 at each percentile. Throughput: a burst of small events `;
md += `emitted as fast as the client can until the server has counted them all (median of the rounds). `;
md += `CPU: the proxy process's user + system time over the measured run of each transport (all its threads: relay, `;
md += `records, hub, GC, JIT), after an unmeasured warm-up run through the proxy (its CPU, mostly the JIT compiling the `;
md += `relay path, in its own column); per packet: divided by the Socket.IO packets that crossed the proxy in the `;
md += `measured run (each emit and each ack). CPU per packet does not depend on how busy the machine is; events/s does. `;
md += `Of it, the JIT compiler threads' (C1/C2) share is given apart: the JVM still compiling, not the relay. `;
md += `Between the warm-up and the measured run the script waits until the compiler threads have been idle for a second `;
md += `(the JIT's backlog from the warm-up; waited: ${rows.map((r) => `${r.result.transport} ${r.settleSeconds} s`).join(", ")}).\n\n`;
md += `Targets: p50 under 1 ms added per packet; at least 0.8× direct throughput.\n\n`;
md += `| transport | RTT p50 direct / proxy (ms) | RTT p99 direct / proxy (ms) | added p50 per packet (ms) | added p99 per packet (ms) | events/s direct | events/s proxy | ratio | proxy CPU s (wall s) | proxy CPU µs per packet | of it JIT µs per packet | warm-up CPU s |\n`;
md += `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n`;
for (const { warmupCpuSeconds, cpuSeconds, jitCpuSeconds, wallSeconds, result: r } of rows) {
  md += `| ${r.transport} | ${f(r.rttMs.direct.p50)} / ${f(r.rttMs.proxy.p50)} | ${f(r.rttMs.direct.p99)} / ${f(r.rttMs.proxy.p99)} | `;
  md += `${f(r.addedPerPacketMs.p50)} | ${f(r.addedPerPacketMs.p99)} | ${f(r.eventsPerSecond.direct, 0)} | ${f(r.eventsPerSecond.proxy, 0)} | `;
  md += `${f(r.ratio)}× | ${cpuSeconds} (${wallSeconds}) | ${f((cpuSeconds * 1e6) / r.proxiedPackets, 1)} | ${f((jitCpuSeconds * 1e6) / r.proxiedPackets, 1)} | ${warmupCpuSeconds} |\n`;
}
md += `\nRaw figures:\n\n\`\`\`json\n${rows.map((r) => JSON.stringify(r)).join("\n")}\n\`\`\`\n`;
process.stdout.write(md);
JS
cat src/docs/proxy-overhead.md
