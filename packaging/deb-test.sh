#!/usr/bin/env bash
# Installs the .deb, runs the installed command, and removes the package: first on a machine
# without XDG menu directories (a headless box, CI runner or container, where jpackage's own
# maintainer scripts fail), then, when xdg-utils is installed, with a desktop menu, where the menu
# entry must be registered and unregistered. Needs root and dpkg; anywhere else it says why it
# skipped. Run by `mvn -Ppackage verify` after the smoke test; leaves the machine as it found it.
#   deb-test.sh VERSION TARGET_DIR
set -euo pipefail
VERSION=$1
TARGET=$2
PKG=realtime-debugger
fail() { echo "deb test FAILED: $*" >&2; exit 1; }
skip() { echo "deb test skipped: $*"; exit 0; }

[ "$(uname -s)" = Linux ] || skip "not Linux"
deb=$(ls "$TARGET"/installers/"$PKG"_*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || skip "no .deb was built (needs dpkg-deb and fakeroot)"
[ "$(id -u)" = 0 ] || skip "installing needs root (.ci/run runs as root)"
command -v dpkg >/dev/null || skip "no dpkg"
dpkg -s "$PKG" >/dev/null 2>&1 && fail "$PKG is already installed here; remove it first (dpkg --purge $PKG)"

# The directories xdg-desktop-menu needs (menus, desktop-directories, applications). The first
# round hides /etc/xdg/menus; the second creates whichever are missing. On exit everything is put
# back as it was.
hidden=$(mktemp -d)
made=()
restore() {
  if dpkg -s "$PKG" >/dev/null 2>&1; then dpkg --purge "$PKG" >/dev/null 2>&1 || true; fi
  for d in "${made[@]}"; do rm -rf "$d"; done
  if [ -e "$hidden/menus" ]; then mv "$hidden/menus" /etc/xdg/menus; fi
  rm -rf "$hidden"
}
trap restore EXIT
if [ -e /etc/xdg/menus ]; then mv /etc/xdg/menus "$hidden/menus"; fi

install_run_remove() {
  local label=$1 log
  log=$(mktemp)
  dpkg -i "$deb" >"$log" 2>&1 || fail "$label: dpkg -i failed: $(cat "$log")"
  dpkg -s "$PKG" | grep -q '^Status: install ok installed' || fail "$label: not fully installed: $(dpkg -s "$PKG")"
  out=$(realtime-debugger --version) || fail "$label: realtime-debugger --version failed"
  grep -q "StudyCollab Realtime Debugger $VERSION" <<<"$out" || fail "$label: --version printed: $out"
  echo "ok - $label: dpkg -i, realtime-debugger --version ($VERSION)"
  if [ "$label" = "with a desktop menu" ]; then
    ls /usr/share/applications/*"$PKG"*.desktop >/dev/null 2>&1 || fail "$label: no menu entry registered: $(cat "$log")"
    ls /usr/share/mime/packages/*"$PKG"*.xml >/dev/null 2>&1 \
      || fail "$label: the .studycollab MIME type is not registered"
    grep -q 'MimeType=application/x-studycollab-session' /usr/share/applications/*"$PKG"*.desktop \
      || fail "$label: the menu entry does not open .studycollab files"
    echo "ok - $label: menu entry and .studycollab association registered"
  fi
  dpkg --purge "$PKG" >"$log" 2>&1 || fail "$label: dpkg --purge failed: $(cat "$log")"
  dpkg -s "$PKG" >/dev/null 2>&1 && fail "$label: still installed after --purge"
  [ ! -e /opt/$PKG ] && [ ! -e /usr/bin/$PKG ] || fail "$label: files left after --purge"
  if ls /usr/share/applications/*"$PKG"*.desktop /usr/share/mime/packages/*"$PKG"*.xml >/dev/null 2>&1; then
    fail "$label: menu entry or MIME type left after --purge"
  fi
  echo "ok - $label: dpkg --purge leaves nothing behind"
  rm -f "$log"
}

install_run_remove "without XDG menu directories"
if command -v xdg-desktop-menu >/dev/null; then
  for d in /etc/xdg/menus /usr/share/desktop-directories /usr/share/applications; do
    if [ ! -e "$d" ]; then mkdir -p "$d" && made+=("$d"); fi
  done
  install_run_remove "with a desktop menu"
else
  echo "ok - with a desktop menu # SKIP xdg-utils is not installed"
fi
echo "deb test: passed"
