#!/usr/bin/env bash
# Refresh the translation catalogues from the source and compile them:
#   pyside6-lupdate  desktop_app/ui/**/*.py + texts the core marks (settings, export formats)
#                    -> resources/translations/desktop_authenticator_<lang>.ts  (edited by people,
#                       e.g. with pyside6-linguist; existing translations are kept, new strings
#                       come in as "unfinished", strings that vanished are kept as "vanished"
#                       and come back with their translation if the string returns)
#   pyside6-lrelease -> desktop_app/data/translations/desktop_authenticator_<lang>.qm  (shipped
#                       as package data, so in the wheel and the PyInstaller bundle too)
# Re-run it whenever GUI strings change (after merging another branch, too), translate what is
# unfinished, run it again to compile, and commit both files. Prints how complete each is.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${PYSIDE_BIN:-.venv/bin}
LANGS=(de)

mapfile -t SOURCES < <(
  find desktop_app/ui -name '*.py' | sort
  echo desktop_app/settings.py
  echo desktop_app/exporters/registry.py
  echo build/translations/ui_wrapped_messages.py
)
# Strings lupdate cannot see by itself (the core's N_() messages, context "Core", in their own
# catalogue core_<lang>.ts; the calls of a UI module's own translate wrapper, e.g. _tr("...")) are
# written out as QT_TRANSLATE_NOOP calls first, by scripts/translation_sources.py.
CORE_LIST=build/translations/core_messages.py
UI_LIST=build/translations/ui_wrapped_messages.py
"$BIN/python" scripts/translation_sources.py "$CORE_LIST" "$UI_LIST"
for lang in "${LANGS[@]}"; do
  ts=resources/translations/core_${lang}.ts
  qm=desktop_app/data/translations/core_${lang}.qm
  "$BIN/pyside6-lupdate" -locations none -target-language "$lang" "$CORE_LIST" -ts "$ts"
  "$BIN/pyside6-lrelease" -silent "$ts" -qm "$qm"
done

for lang in "${LANGS[@]}"; do
  ts=resources/translations/desktop_authenticator_${lang}.ts
  qm=desktop_app/data/translations/desktop_authenticator_${lang}.qm
  mkdir -p "$(dirname "$ts")" "$(dirname "$qm")"
  "$BIN/pyside6-lupdate" -locations relative -target-language "$lang" "${SOURCES[@]}" -ts "$ts"
  "$BIN/pyside6-lrelease" -silent "$ts" -qm "$qm"
  "$BIN/python" - "$ts" <<'PY'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
current = [m for m in root.iter("message")
           if m.find("translation").get("type") not in ("vanished", "obsolete")]
done = [m for m in current
        if m.find("translation").get("type") != "unfinished"
        and ((m.find("translation").text or "").strip()
             or m.find("translation").find("numerusform") is not None)]
share = 100.0 * len(done) / max(1, len(current))
print(f"{sys.argv[1]}: {len(done)} of {len(current)} strings translated ({share:.1f} %)")
PY
done
