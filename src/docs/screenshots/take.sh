#!/usr/bin/env bash
# Takes the README's screenshots of the real window on its embedded sandbox, under a virtual display:
# light and dark at 1024×700, 1400×860 and 1600×1000 (main-<theme>-<w>x<h>.png), after the demo group
# has been live for a few seconds.   mvn -q -DskipTests package && bash src/docs/screenshots/take.sh
# Needs Xvfb and ImageMagick (apt-get install -y xvfb imagemagick xdotool).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=app/target/realtime-debugger.jar
OUT=src/docs/screenshots
DISPLAY_NO=${SHOT_DISPLAY:-:95}
for size in 1024x700 1400x860 1600x1000; do
  for theme in light dark; do
    Xvfb "$DISPLAY_NO" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    log=$(mktemp)
    DISPLAY=$DISPLAY_NO java -jar "$JAR" --theme "$theme" >"$log" 2>&1 &
    app=$!
    # The demo group is live once the sandbox has printed its address; give the bots time to move.
    for _ in $(seq 1 60); do grep -q "Sandbox server listening" "$log" && break; sleep 1; done
    sleep 8
    # Maximise the window to the screen, as a user on that screen would.
    DISPLAY=$DISPLAY_NO xdotool search --sync --onlyvisible --name "StudyCollab" windowsize 100% 100% windowmove 0 0 2>/dev/null || true
    sleep 2
    DISPLAY=$DISPLAY_NO import -window root "$OUT/main-$theme-$size.png"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    rm -f "$log"
    echo "$OUT/main-$theme-$size.png"
  done
done
