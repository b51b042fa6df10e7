#!/usr/bin/env bash
# Sets up everything the test suite needs and runs it: system packages (when root), a venv with the
# project (runtime versions pinned by constraints.txt) and its test and dev extras, a private
# D-Bus session with a real gnome-keyring (Secret Service), and an X server (Xvfb) for the GUI
# tests. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3-venv libzbar0 xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
  libdbus-1-3 fonts-dejavu-core desktop-file-utils appstream
  lintian patchelf man-db  # .deb checks: tests/packaging and packaging/deb_smoke_test.sh
  syncthing  # two real daemons on loopback: the sync_engine tests (tests/sync)
)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -c constraints.txt -e ".[test,dev]"

export DESKTOP_AUTHENTICATOR_REQUIRE_KEYRING=1  # keyring tests must run here, not skip
export PYTHONDONTWRITEBYTECODE=1
# A private session bus with an unlocked gnome-keyring, and Xvfb for the GUI tests.
# The keyring lives in a throw-away home so that no real keyring is touched.
KEYRING_HOME=$(mktemp -d)
trap 'rm -rf "$KEYRING_HOME"' EXIT
export KEYRING_HOME
dbus-run-session -- bash -c '
  set -e
  eval "$(printf "test-keyring" | HOME="$KEYRING_HOME" XDG_DATA_HOME="$KEYRING_HOME/share" \
    gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python -m pytest "$@"
' bash "$@"
