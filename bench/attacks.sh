#!/usr/bin/env bash
# The attacks of issue #13 against a real `serve` process, with raw packets (src/interop/attack.js):
# tokens, CONNECT without a token, transport limits, connections that never send CONNECT. Rewrites
# only its own section of src/docs/reliability.md (between the attacks markers).
#   mvn -q -o -DskipTests package && bash bench/attacks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=app/target/realtime-debugger.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
(cd src/interop && [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
umask 077
head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$work/jwt.secret"
head -c 48 /dev/urandom | base64 | tr -d '\n/+=' > "$work/service.key"
# Longer than opening the silent connections takes on a loaded machine (7 s at load 28): /health is
# read once all have opened, and a deadline passed before that makes the count fall short.
DEADLINE_MS=${DEADLINE_MS:-15000}
STUDYCOLLAB_LOG_LEVEL=DEBUG java -jar "$JAR" serve --port 0 --jwt-secret-file "$work/jwt.secret" \
  --service-key-file "$work/service.key" --handshake-timeout "${DEADLINE_MS}ms" > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do grep -q 'listening on' "$work/serve.log" && break; sleep 0.5; done
url=$(grep -o 'listening on http://[^ ]*' "$work/serve.log" | head -1 | cut -d' ' -f3)
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
start_cpu=$(awk '{print $14+$15}' "/proc/$pid/stat")
node src/interop/attack.js --url "$url" --secret-file "$work/jwt.secret" --service-key-file "$work/service.key" \
  --log "$work/serve.log" --deadline-ms "$DEADLINE_MS" --silent "${SILENT:-300}" --report src/docs/reliability.md
end_cpu=$(awk '{print $14+$15}' "/proc/$pid/stat")
echo "server CPU during the attacks: $(( (end_cpu - start_cpu) / $(getconf CLK_TCK) )) s"
