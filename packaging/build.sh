#!/usr/bin/env bash
# Builds a jlink'ed runtime (JDK modules the app needs + the JavaFX modules from the platform jars),
# the jpackage app image, and this OS's installers. Called by `mvn -Ppackage -DskipTests verify`.
#   build.sh VERSION TARGET_DIR
set -euo pipefail
VERSION=${1%-SNAPSHOT}          # jpackage wants a numeric version
TARGET=$2
HERE=$(cd "$(dirname "$0")" && pwd)
NAME=realtime-debugger
DEPS=$TARGET/deps
FX=$TARGET/javafx-modules
INPUT=$TARGET/input
RUNTIME=$TARGET/runtime
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
rm -rf "$FX" "$INPUT" "$RUNTIME" "$TARGET/$NAME" "$TARGET"/installers
mkdir -p "$FX" "$INPUT" "$TARGET/installers"

# The javafx-* jars without a platform classifier are empty automatic modules that break jlink;
# the platform jars are real modules (with their native libraries) and go into the runtime.
for jar in "$DEPS"/*.jar; do
  base=$(basename "$jar")
  case "$base" in
    javafx-*-linux*.jar|javafx-*-win*.jar|javafx-*-mac*.jar) cp "$jar" "$FX/" ;;
    javafx-*.jar) ;;
    *) cp "$jar" "$INPUT/" ;;
  esac
done
APP_JAR=$(cd "$INPUT" && ls app-*.jar)

# --generate-cds-archive: the runtime gets the CDS archive of its own classes that a JDK ships with
# (jlink leaves it out otherwise, and every start then loads and verifies the JDK's classes anew:
# src/docs/startup.md, variant "nocds").
JDK_MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$FX" \
  --add-modules "$JDK_MODULES,javafx.base,javafx.graphics,javafx.controls" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output "$RUNTIME"

case "$(uname -s)" in
  Linux*) ICON=$HERE/icons/$NAME.png; OS=linux ;;
  Darwin*) ICON=$TARGET/$NAME.icns; OS=mac
    mkdir -p "$TARGET/icon.iconset"
    for s in 16 32 128 256 512; do sips -z $s $s "$HERE/icons/$NAME.png" --out "$TARGET/icon.iconset/icon_${s}x${s}.png" >/dev/null; done
    iconutil -c icns "$TARGET/icon.iconset" -o "$ICON" ;;
  MINGW*|MSYS*|CYGWIN*) ICON=$HERE/icons/$NAME.ico; OS=windows ;;
  *) echo "unsupported OS $(uname -s)" >&2; exit 2 ;;
esac

COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "StudyCollab"
  --description "Debugger for StudyCollab realtime (Socket.IO) groups")
"$JAVA_HOME/bin/jpackage" --type app-image "${COMMON[@]}" --dest "$TARGET" \
  --input "$INPUT" --main-jar "$APP_JAR" --main-class io.studycollab.debugger.Launcher \
  --runtime-image "$RUNTIME" --icon "$ICON" \
  --java-options "-Dfile.encoding=UTF-8"
echo "app image: $TARGET/$NAME (launcher: $TARGET/$NAME/bin/$NAME)"

ASSOC=$HERE/src/session-files.properties
case "$OS" in
  linux)
    # Our own desktop entry (a readable name, and %f so an opened session file reaches the app).
    LINUX=(--linux-shortcut --linux-menu-group "Development" --linux-app-category devel
      --linux-package-name "$NAME" --file-associations "$ASSOC" --resource-dir "$HERE/linux")
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
      "$JAVA_HOME/bin/jpackage" --type deb "${COMMON[@]}" --app-image "$TARGET/$NAME" --dest "$TARGET/installers" \
        "${LINUX[@]}" --linux-deb-maintainer "dev@studycollab.invalid" \
        --linux-package-deps "libgtk-3-0, libxtst6, libxxf86vm1, libgl1"
    else
      echo "skipping .deb: needs dpkg-deb and fakeroot" >&2
    fi
    if command -v rpmbuild >/dev/null; then
      "$JAVA_HOME/bin/jpackage" --type rpm "${COMMON[@]}" --app-image "$TARGET/$NAME" --dest "$TARGET/installers" \
        "${LINUX[@]}" --linux-package-deps "gtk3, libXtst, libXxf86vm, mesa-libGL"
    else
      echo "skipping .rpm: needs rpmbuild (apt-get install rpm)" >&2
    fi ;;
  windows)
    "$JAVA_HOME/bin/jpackage" --type msi "${COMMON[@]}" --app-image "$TARGET/$NAME" --dest "$TARGET/installers" \
      --win-menu --win-menu-group "StudyCollab" --win-shortcut --win-dir-chooser --file-associations "$ASSOC" ;;
  mac)
    "$JAVA_HOME/bin/jpackage" --type dmg "${COMMON[@]}" --app-image "$TARGET/$NAME.app" --dest "$TARGET/installers" \
      --file-associations "$ASSOC" ;;
esac
ls -la "$TARGET/installers"
