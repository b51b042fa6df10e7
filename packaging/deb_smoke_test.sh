#!/bin/sh
# Lint the .deb (lintian), install it, run the installed command's self-test, remove it, check
# nothing is left.
#
#   sudo packaging/deb_smoke_test.sh                 # freeze + self-test + build (fast .deb) first
#   sudo packaging/deb_smoke_test.sh dist/foo.deb    # test a .deb that is already built
#
# Needs root (dpkg -i / dpkg -r) and, when the package's Depends are not installed yet, apt access
# (apt-get install -f). Prints how long each phase took. Exit status 0 only if every step passed.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-"$ROOT/.venv/bin/python"}
PACKAGE=desktop-authenticator
APP_ID=net.emnify.DesktopAuthenticator

fail() { echo "deb_smoke_test: FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i / dpkg -r)"
T0=$(now)

if [ $# -ge 1 ]; then
    DEB=$1
else
    T=$(now)
    "$PYTHON" "$ROOT/packaging/release.py" --fast || fail "release.py --fast failed"
    DEB=$(ls -t "$ROOT"/dist/${PACKAGE}_*.deb | head -n 1)
    echo "== freeze + self-test + .deb: $(took "$T")"
fi
[ -f "$DEB" ] || fail "no .deb at $DEB"
echo "== testing $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb --info "$DEB" | sed -n 's/^ \(Depends\|Recommends\|Installed-Size\):/  \1:/p'

# Like a distribution's package: no lintian error or warning beyond those inherent to a bundle in
# /opt, which the package's own override file (packaging/debian/lintian-overrides) lists with the
# reason for each.
command -v lintian >/dev/null || fail "lintian is not installed (apt-get install lintian)"
T=$(now)
LINTIAN_OUT=$(mktemp)
LINTIAN_STATUS=0
lintian --fail-on error,warning --tag-display-limit 0 "$DEB" >"$LINTIAN_OUT" 2>&1 || LINTIAN_STATUS=$?
grep -v 'running with root privileges' "$LINTIAN_OUT" || true
echo "== lintian: $(took "$T")"
if [ "$LINTIAN_STATUS" != 0 ] || grep -q '^[EW]: ' "$LINTIAN_OUT"; then
    rm -f "$LINTIAN_OUT"
    fail "lintian reported errors or warnings that packaging/debian/lintian-overrides does not explain"
fi
rm -f "$LINTIAN_OUT"

if dpkg-query -W "$PACKAGE" >/dev/null 2>&1; then
    echo "== purging a previously installed $PACKAGE"
    dpkg --purge "$PACKAGE" >/dev/null
fi

T=$(now)
if ! dpkg -i "$DEB"; then
    echo "== dpkg -i left dependencies unmet: apt-get install -f"
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y --no-install-recommends \
        || fail "apt-get install -f could not install the dependencies"
fi
dpkg -s "$PACKAGE" | grep -q '^Status: install ok installed' || fail "package not configured"
echo "== install: $(took "$T")"
dpkg --verify "$PACKAGE" || fail "dpkg --verify: installed files differ from the package"

# What the package must have put in place.
for f in \
    /opt/desktop-authenticator/desktop-authenticator \
    /usr/share/applications/$APP_ID.desktop \
    /usr/share/metainfo/$APP_ID.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$APP_ID.svg \
    /usr/share/icons/hicolor/16x16/apps/$APP_ID.png \
    /usr/share/icons/hicolor/512x512/apps/$APP_ID.png \
    /usr/share/doc/$PACKAGE/copyright \
    /usr/share/doc/$PACKAGE/changelog.Debian.gz \
    /usr/share/man/man1/$PACKAGE.1.gz \
    /usr/share/lintian/overrides/$PACKAGE; do
    [ -e "$f" ] || fail "$f is missing after install"
done
CMD=$(command -v desktop-authenticator) || fail "desktop-authenticator is not on the PATH"
if command -v man >/dev/null; then
    man -w desktop-authenticator >/dev/null || fail "man does not find desktop-authenticator(1)"
    MANWIDTH=80 man desktop-authenticator 2>/dev/null | grep -q 'decode' \
        || fail "the installed man page does not list the commands"
fi
echo "== command: $CMD -> $(readlink -f "$CMD")"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/$APP_ID.desktop || fail "installed .desktop invalid"
fi
du -sh /opt/desktop-authenticator | sed 's/^/== installed bundle: /'
echo "== installed size (dpkg): $(dpkg-query -W -f='${Installed-Size}' "$PACKAGE") KiB"

# Self-test of the installed command, from an unrelated folder, with a throw-away HOME.
T=$(now)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
(cd "$SCRATCH" && HOME="$SCRATCH" QT_QPA_PLATFORM=offscreen desktop-authenticator --version) \
    || fail "desktop-authenticator --version failed"
(cd "$SCRATCH" && HOME="$SCRATCH" QT_QPA_PLATFORM=offscreen desktop-authenticator --self-test) \
    || fail "the installed command failed its self-test"
echo "== installed self-test: $(took "$T")"

T=$(now)
dpkg -r "$PACKAGE" || fail "dpkg -r failed"
echo "== remove: $(took "$T")"
[ ! -e /opt/desktop-authenticator ] || fail "/opt/desktop-authenticator is left after dpkg -r"
[ ! -e /usr/bin/desktop-authenticator ] || fail "/usr/bin/desktop-authenticator is left after dpkg -r"
for f in /usr/share/applications/$APP_ID.desktop /usr/share/metainfo/$APP_ID.metainfo.xml \
    /usr/share/man/man1/$PACKAGE.1.gz /usr/share/doc/$PACKAGE; do
    [ ! -e "$f" ] || fail "$f is left after dpkg -r"
done
LEFT=$(find /usr/share/icons/hicolor -name "$APP_ID.*" 2>/dev/null | head -n 1)
[ -z "$LEFT" ] || fail "$LEFT is left after dpkg -r"
# Not even a "config-files" (rc) entry may remain: the package has no conffiles or scripts.
if dpkg-query -W -f='${db:Status-Abbrev}' "$PACKAGE" 2>/dev/null | grep -q '[a-z]'; then
    fail "dpkg still lists $PACKAGE: $(dpkg-query -W -f='${db:Status-Abbrev}' "$PACKAGE")"
fi
echo "== deb smoke test passed in $(took "$T0")"
