#!/usr/bin/env bash
# Takes the README's screenshots of the real window under a virtual display (no window manager: the
# window is sized to the screen with xdotool), light and dark at 1024×700 and 1600×1000:
#   main-<theme>-<w>x<h>.png    the window on its embedded sandbox, the demo group live
#   replay-<theme>-<w>x<h>.png  a recording made with `record` against `serve`, opened and played
#   qa.png                      the QA tab with ten virtual users moving (light, 1600×1000)
#   server-tab.png              the Server tab on the sandbox's admin namespace, a socket picked (light, 1600×1000)
#   mvn -q -DskipTests package && bash src/docs/screenshots/take.sh
# Some only: SIZES=1600x1000 THEMES=light NAMES=main SKIP_QA=1 SKIP_SERVER=1; SETTLE=seconds to wait before a shot.
# Needs Xvfb, ImageMagick and xdotool (apt-get install -y xvfb imagemagick xdotool).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=app/target/realtime-debugger.jar
OUT=src/docs/screenshots
DISPLAY_NO=${SHOT_DISPLAY:-:95}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A recording to replay: our own server with its bots, recorded for 8 s from a second user.
secret="$work/secret"
head -c 32 /dev/urandom | base64 >"$secret"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
java -jar "$JAR" serve --bots=3 --port="$port" --jwt-secret-file="$secret" >"$work/serve.log" 2>&1 &
serve=$!
for _ in $(seq 1 60); do grep -qi "listening" "$work/serve.log" && break; sleep 1; done
java -jar "$JAR" token --secret-file="$secret" --sub=reviewer --name="Reviewer" >"$work/token"
java -jar "$JAR" record --url="http://127.0.0.1:$port" --token-file="$work/token" --group=demo \
  --duration=8s --cursor-demo --out="$work/demo-session.jsonl" >/dev/null 2>&1
kill "$serve" 2>/dev/null || true
wait "$serve" 2>/dev/null || true

# shot SIZE THEME NAME [app args...] -- then the keys/clicks in $ACTIONS (a function name) run before the shot.
shot() {
  local size=$1 theme=$2 name=$3 action=$4
  shift 4
  Xvfb "$DISPLAY_NO" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  local log="$work/app.log"
  DISPLAY=$DISPLAY_NO java -jar "$JAR" --theme "$theme" "$@" >"$log" 2>&1 &
  local app=$!
  for _ in $(seq 1 60); do DISPLAY=$DISPLAY_NO xdotool search --name "StudyCollab" >/dev/null 2>&1 && break; sleep 1; done
  sleep 2
  local w=${size%x*} h=${size#*x}
  for win in $(DISPLAY=$DISPLAY_NO xdotool search --name "StudyCollab"); do
    DISPLAY=$DISPLAY_NO xdotool windowsize "$win" "$w" "$h" windowmove "$win" 0 0 || true
  done
  sleep "${SETTLE:-8}" # the demo group live, the bots moving (longer on a busy machine: SETTLE=20)
  "$action" "$w" "$h"
  DISPLAY=$DISPLAY_NO import -window root "$OUT/$name-$theme-$size.png"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  echo "$OUT/$name-$theme-$size.png"
}
nothing() { :; }
# The replay opens at its start: press its play button (second in the replay bar, above the status
# bar) and let it play for a few seconds.
play() {
  local h=$2
  DISPLAY=$DISPLAY_NO xdotool mousemove 66 $((h - 65)) click 1 || true
  sleep 5
}

# The QA tab (the side panel starts at 70 % of the width; its tabs and the Start button sit at fixed
# offsets from there at 1600 wide), ten virtual users started, their figures after a few seconds.
qa() {
  local side=$(( $1 * 7 / 10 ))
  DISPLAY=$DISPLAY_NO xdotool mousemove $((side + 188)) 161 click 1 || true
  sleep 3
  DISPLAY=$DISPLAY_NO xdotool mousemove $((side + 98)) 478 click 1 || true
  sleep 10
}

# The Server tab (the second main tab, under the bars), then the second socket row picked (its
# detail and the read-only note beside the tables).
server() {
  DISPLAY=$DISPLAY_NO xdotool mousemove 106 161 click 1 || true
  sleep 4
  DISPLAY=$DISPLAY_NO xdotool mousemove 60 389 click 1 || true
  sleep 3
}

if [ -z "${SKIP_SERVER:-}" ]; then
  shot 1600x1000 light server server
  mv "$OUT/server-light-1600x1000.png" "$OUT/server-tab.png"
fi

if [ -z "${SKIP_QA:-}" ]; then
  shot 1600x1000 light qa qa
  mv "$OUT/qa-light-1600x1000.png" "$OUT/qa.png"
fi

for size in ${SIZES:-1024x700 1600x1000}; do
  for theme in ${THEMES:-light dark}; do
    case " ${NAMES:-main replay} " in *" main "*) shot "$size" "$theme" main nothing ;; esac
    case " ${NAMES:-main replay} " in *" replay "*) shot "$size" "$theme" replay play "$work/demo-session.jsonl" ;; esac
  done
done
