"""Settings pane built from the declared settings; changes persist; vault protection switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from desktop_app.settings import (
    BACKUP_FOLDER,
    BACKUP_KEEP,
    CLIPBOARD_CLEAR_SECONDS,
    HIDE_CODES,
    SETTINGS,
    SETTINGS_PAGE,
    THEME,
    Settings,
)
from desktop_app.ui.settings_dialog import EMNIFY_SECTION, SettingsDialog
from desktop_app.vault import Vault

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(services, qtbot):
    d = SettingsDialog(services)
    qtbot.addWidget(d)
    d.show()
    return d


def test_one_widget_per_declared_setting(dialog):
    for s in SETTINGS:
        if s.internal:
            assert s.name not in dialog.widgets  # remembered by the app, not offered
            continue
        if s.section == EMNIFY_SECTION:
            assert s.name not in dialog.widgets  # the emnify pane handles these
            continue
        w = dialog.widgets[s.name]
        assert w.toolTip() == s.description
        assert w.accessibleName() == s.label
        if s.type is bool:
            assert isinstance(w, QCheckBox)
        elif s.type is int:
            assert isinstance(w, QSpinBox)
            assert (w.minimum(), w.maximum()) == (s.minimum, s.maximum)
        elif s.choices:
            assert isinstance(w, QComboBox)
            assert [w.itemData(i) for i in range(w.count())] == [c for c, _ in s.choices]
        else:
            assert isinstance(w, QLineEdit)
    assert dialog.nav.count() == len(dialog.section_names)
    assert EMNIFY_SECTION in dialog.section_names


def test_changes_persist(dialog, services, qtbot):
    spin = dialog.widgets["clipboard_clear_seconds"]
    dialog.show_section("General")
    spin.setValue(5)
    box = dialog.widgets["hide_codes"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    theme = dialog.widgets["theme"]
    theme.setCurrentIndex(theme.findData("dark"))
    folder = dialog.widgets["backup_folder"]
    folder.setText("/tmp/backups")
    folder.editingFinished.emit()
    reread = Settings(services.paths.config_dir)
    assert reread.value(CLIPBOARD_CLEAR_SECONDS) == 5
    assert reread.value(HIDE_CODES) is True
    assert reread.value(THEME) == "dark"
    assert reread.value(BACKUP_FOLDER) == "/tmp/backups"


def test_emnify_section_present(dialog):
    dialog.show_section(EMNIFY_SECTION)
    page = dialog.pages.currentWidget()
    assert page.isVisible()
    if dialog.emnify_pane is None:
        labels = page.findChildren(type(dialog.protection_label), "emnify_missing")
        assert labels and "not available" in labels[0].text()


def test_switch_to_password_and_back(
    dialog, services, data_dir, memory_keystore, monkeypatch, qtbot
):
    assert services.vault.mode == "keyring"
    assert not dialog.use_password_button.isHidden()
    monkeypatch.setattr(dialog, "ask_new_password", lambda change: ("", "a long password"))
    dialog.switch_to_password()
    assert dialog.protection_busy and not dialog.use_password_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.protection_busy)  # scrypt ran in a worker
    assert services.vault.mode == "password"
    assert "password" in dialog.protection_message.text()
    assert not dialog.change_password_button.isHidden()
    monkeypatch.setattr(dialog, "ask_new_password", lambda change: ("wrong", "another password"))
    dialog.change_password()
    qtbot.waitUntil(lambda: not dialog.protection_busy)
    assert "wrong" in dialog.protection_message.text()
    assert services.vault.check_password("a long password")
    monkeypatch.setattr(
        dialog, "ask_new_password", lambda change: ("a long password", "another password")
    )
    dialog.change_password()
    qtbot.waitUntil(lambda: not dialog.protection_busy)
    assert dialog.protection_message.text() == "The password was changed."
    assert services.vault.check_password("another password")
    services.vault.close()
    reopened = Vault.open_with_password(data_dir, "another password")
    reopened.close()
    services.vault = Vault.open(
        data_dir, keystore=memory_keystore, password_provider=lambda _c: "another password"
    )
    monkeypatch.setattr(dialog, "confirm", lambda *_a: True)
    dialog.switch_to_keyring()
    assert services.vault.mode == "keyring"


def test_invalid_value_shows_error(dialog, services):
    url = dialog.widgets.get("portal_url")
    assert url is None  # handled by the emnify pane
    # an out-of-range value cannot even be typed into a spin box; the setter refuses too
    from desktop_app.settings import BY_NAME

    dialog._set(BY_NAME["backup_keep"], 0)
    assert not dialog.errors["backup_keep"].isHidden()
    assert services.settings.value(BACKUP_KEEP) == 10


def test_a_refused_value_is_explained_in_german(german, services, qtbot):
    """A SettingError names the setting by its German label and says why in German; the
    English stays what the core and the command line see."""
    from desktop_app.settings import BY_NAME, SettingError

    german_dialog = SettingsDialog(services)
    qtbot.addWidget(german_dialog)
    german_dialog.show()
    german_dialog._set(BY_NAME["backup_keep"], 0)
    shown = german_dialog.errors["backup_keep"]
    assert not shown.isHidden()
    assert shown.text() == "Aufzubewahrende Sicherungen: Mindestens 1."
    with pytest.raises(SettingError, match=r"^Backups to keep: at least 1\.$"):
        BACKUP_KEEP.coerce(0)
    assert services.settings.value(BACKUP_KEEP) == 10


def _click_section(qtbot, dialog: SettingsDialog, section: str) -> int:
    row = dialog.section_names.index(section)
    rect = dialog.nav.visualItemRect(dialog.nav.item(row))
    qtbot.mouseClick(dialog.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return row


def test_reopens_on_the_last_page_in_the_next_run(services, qtbot):
    first = SettingsDialog(services)
    qtbot.addWidget(first)
    first.show()
    assert first.section_names[first.nav.currentRow()] == "General"
    row = _click_section(qtbot, first, "Clock")
    assert first.pages.currentIndex() == row
    first.reject()
    # the next run reads the settings file afresh
    services.settings = Settings(services.paths.config_dir)
    assert services.settings.value(SETTINGS_PAGE) == "Clock"
    again = SettingsDialog(services)
    qtbot.addWidget(again)
    again.show()
    assert again.section_names[again.nav.currentRow()] == "Clock"
    assert again.pages.currentIndex() == row
    assert again.pages.currentWidget().isVisible()
    assert "settings_page" not in again.widgets  # kept by the app, never offered as an option


def test_a_page_that_no_longer_exists_opens_the_first(services, qtbot):
    services.settings.set(SETTINGS_PAGE, "A page of an older version")
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.nav.currentRow() == 0 and dialog.pages.currentIndex() == 0
