#!/usr/bin/env bash
# Smoke test of the app image: --version prints the pom version, `serve` starts and answers /health,
# and the window starts (under a virtual display when there is none), shows the embedded demo
# group with its bots, and exits 0. Run by `mvn -Ppackage verify` after the image is built.
#   smoke-test.sh VERSION TARGET_DIR
set -euo pipefail
VERSION=$1
TARGET=$2
case "$(uname -s)" in
  Linux*) L=$TARGET/realtime-debugger/bin/realtime-debugger ;;
  Darwin*) L=$TARGET/realtime-debugger.app/Contents/MacOS/realtime-debugger ;;
  *) L=$TARGET/realtime-debugger/realtime-debugger.exe ;;
esac
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
[ -x "$L" ] || fail "no launcher at $L"

out=$("$L" --version)
grep -q "StudyCollab Realtime Debugger $VERSION" <<<"$out" || fail "--version printed: $out"
echo "ok - --version prints $VERSION"

log=$(mktemp)
"$L" serve --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || fail "serve printed no URL: $(cat "$log")"
health=$(curl -fsS "$url/health") || fail "no answer from $url/health"
grep -q '"status":"ok"' <<<"$health" || fail "health: $health"
kill $pid
wait $pid 2>/dev/null || true
echo "ok - serve answers /health"

gui=("$L" --smoke-test)
if [ -z "${DISPLAY:-}" ] && [ "$(uname -s)" = Linux ]; then
  command -v xvfb-run >/dev/null || fail "no display and no xvfb-run (apt-get install xvfb)"
  gui=(xvfb-run -a -s "-screen 0 1600x1000x24" "${gui[@]}")
fi
timeout 180 "${gui[@]}" || fail "the window did not show the demo group with its bots"
echo "ok - the window shows the demo group with its bots"
echo "smoke test: 3 passed, 0 failed"
