"""The German translation: complete enough, compiled, shipped as package data, loaded by
language (system or the ``language`` setting), and German where it shows."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.settings import setting
from desktop_app.ui import i18n

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "desktop_authenticator_de.ts"


def _messages() -> list[ET.Element]:
    root = ET.parse(TS).getroot()
    return [
        m
        for m in root.iter("message")
        if m.find("translation").get("type") not in ("vanished", "obsolete")
    ]


def test_german_catalogue_is_at_least_95_percent_finished():
    messages = _messages()
    assert len(messages) > 300
    done = [
        m
        for m in messages
        if m.find("translation").get("type") != "unfinished"
        and (m.find("translation").text or "").strip()
    ]
    assert len(done) / len(messages) >= 0.95, f"{len(done)} of {len(messages)}"


def _sources_module():
    """scripts/translation_sources.py: what update-translations.sh hands lupdate beyond the files."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "translation_sources", ROOT / "scripts" / "translation_sources.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_strings_behind_a_modules_own_translate_wrapper_are_in_the_catalogue():
    # lupdate does not follow a wrapper such as ``_tr(text)``; the update script lists its calls
    sources = _sources_module()
    wrapped = {
        (ctx, text) for ctx, text, _ in sources.wrapped_ui_messages(ROOT / "desktop_app" / "ui")
    }
    assert ("EmnifyPane", "Sign in") in wrapped
    catalogue = {
        (context.findtext("name"), m.findtext("source"))
        for context in ET.parse(TS).getroot().iter("context")
        for m in context.iter("message")
        if m.find("translation").get("type") not in ("vanished", "obsolete")
    }
    assert sorted(wrapped - catalogue) == []


def test_translations_keep_their_placeholders():
    import re

    for m in _messages():
        source, target = m.find("source").text or "", m.find("translation").text or ""
        if target:
            assert sorted(re.findall(r"\{\w+\}", source)) == sorted(
                re.findall(r"\{\w+\}", target)
            ), source


def test_compiled_catalogue_ships_in_the_package_and_matches_its_source(tmp_path):
    qm = i18n.catalogue_path("de")
    assert qm.is_file() and qm.parent == ROOT / "desktop_app" / "data" / "translations"
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.fail("pyside6-lrelease is missing (it comes with PySide6)")
    fresh = tmp_path / "de.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    # scripts/update-translations.sh compiles after editing: a stale .qm would hide strings
    assert fresh.read_bytes() == qm.read_bytes()


def test_language_follows_the_system_unless_the_setting_says_otherwise():
    assert i18n.resolve("system", QLocale(QLocale.Language.German, QLocale.Country.Austria)) == "de"
    assert i18n.resolve("system", QLocale(QLocale.Language.French)) == "en"
    assert i18n.resolve("en", QLocale(QLocale.Language.German)) == "en"
    assert i18n.resolve("de", QLocale(QLocale.Language.English)) == "de"
    choices = {value for value, _label in setting("language").choices}
    assert choices == {"system", "en", "de"}


def test_the_qm_loads_and_known_strings_come_out_german(german, services, qtbot, monkeypatch):
    from desktop_app.ui.settings_dialog import SettingsDialog
    from tests.ui.helpers_main import Recorder, make_window

    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    assert QCoreApplication.translate("Settings", "Appearance") == "Erscheinungsbild"
    window = make_window(services, qtbot, monkeypatch, Recorder())
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    assert window.commands.scan_screen.text() == "QR-Code auf dem &Bildschirm scannen"
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    assert dialog.nav.item(0).text() == "Allgemein"
    assert dialog.widgets["theme"].accessibleName() == "Erscheinungsbild"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Abbrechen"


def test_english_has_no_translator(qapp):
    assert i18n.install_translations(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_how_long_ago_is_said_in_german_and_english(german):
    assert i18n.ago(30) == "gerade eben"
    assert i18n.ago(125) == "vor 2 Min."
    assert i18n.ago(3 * 3600 + 5) == "vor 3 Std."
    assert i18n.ago(2 * 86400) == "vor 2 Tag(en)"
    assert QCoreApplication.translate("SyncStatus", "In step") == "Abgeglichen"


def test_how_long_ago_in_english(qapp):
    assert [i18n.ago(s) for s in (5, 60, 7200, 86400 * 3)] == [
        "just now",
        "1 min ago",
        "2 h ago",
        "3 day(s) ago",
    ]
