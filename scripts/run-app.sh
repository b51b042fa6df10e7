#!/usr/bin/env bash
# Sets up and starts Desktop Authenticator from this source tree: system libraries Qt and the
# QR decoders need (when run as root on Debian/Ubuntu), a venv with the app, then the app.
# Arguments go to the app, e.g. `scripts/run-app.sh --demo` or `scripts/run-app.sh list`.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3-venv libzbar0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-python3}" -m venv .venv
fi
if ! .venv/bin/python -c "import desktop_app, PySide6, zxingcpp" 2>/dev/null \
   || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -c constraints.txt -e .
  touch .venv/.installed
fi
exec .venv/bin/desktop-authenticator "$@"
