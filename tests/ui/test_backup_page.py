"""Automatic backups set up in one place (Settings → Backups): folder offered, password asked when
the box is ticked, a visible state, and the main window's warning while backups fail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from desktop_app.exporters.autobackup import PASSWORD_ITEM, AutoBackup, backup_files
from desktop_app.settings import BACKUP_ENABLED, BACKUP_FOLDER
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def backups(services, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    services.auto_backup = AutoBackup(
        services.vault, services.settings, services.keystore, scrypt_n=16
    ).install()
    return services


def _tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _page(qtbot, services) -> SettingsDialog:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_section("Backups")
    return dialog


def test_ticking_offers_the_folder_asks_the_password_and_then_backs_up(
    qtbot, backups, tmp_path
) -> None:
    dialog = _page(qtbot, backups)
    panel = dialog.backup_panel
    state = dialog.findChild(QLabel, "backup_state")
    assert state.text() == "Automatic backups are off."
    assert "Suggested:" in panel.default_text.text() and panel.default_row.isVisible()

    _tick(qtbot, dialog.widgets["backup_enabled"])
    suggested = tmp_path / "home" / "Documents" / "Authenticator backups"
    assert backups.settings.value(BACKUP_ENABLED) is True
    assert backups.settings.value(BACKUP_FOLDER) == str(suggested)
    assert dialog.widgets["backup_folder"].text() == str(suggested)
    assert not panel.default_row.isVisible()
    message = dialog.findChild(QLabel, "backup_message")
    assert message.isVisible() and "Choose a backup password" in message.text()
    password = dialog.findChild(QLineEdit, "backup_password")
    assert dialog.focusWidget() is password
    assert "No backup password is set." in state.text()

    qtbot.keyClicks(password, "backup password 1")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "backup_password_confirm"), "backup password 1")
    qtbot.mouseClick(
        dialog.findChild(QPushButton, "save_backup_password"), Qt.MouseButton.LeftButton
    )
    assert backups.keystore.get(PASSWORD_ITEM) == "backup password 1"
    assert backups.auto_backup.flush(10)
    assert len(backup_files(suggested)) == 1  # written at once: the state is the real one
    qtbot.waitUntil(lambda: state.text() == "Last backup just now.", timeout=5000)
    assert not message.isVisible()


def test_a_folder_that_cannot_be_written_is_named(qtbot, backups, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # (root writes into read-only folders: a file blocks)
    backups.keystore.set(PASSWORD_ITEM, "backup password 1")
    dialog = _page(qtbot, backups)
    folder = dialog.widgets["backup_folder"]
    folder.setText(str(blocker / "inner"))
    folder.editingFinished.emit()
    _tick(qtbot, dialog.widgets["backup_enabled"])
    state = dialog.findChild(QLabel, "backup_state")
    assert "The backup folder is not writable." in state.text()
    assert not dialog.findChild(QLabel, "backup_message").isVisible()  # a password is set


def test_main_window_warns_while_backups_fail_and_opens_the_page(qtbot, backups) -> None:
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(backups)
    qtbot.addWidget(window)
    window.show()
    banner = window.backup_banner
    qtbot.waitUntil(lambda: not banner.isHidden() or banner.text.text() != "", timeout=3000)
    assert banner.isHidden()  # off: nothing to say
    backups.settings.set(BACKUP_ENABLED, True)  # no folder, no password
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert "No backup folder is chosen." in banner.text.text()
    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.section_names[dialog.nav.currentRow()] == "Backups"
    dialog.backup_panel.choose_default_folder()
    dialog.backup_panel.password.setText("backup password 1")
    dialog.backup_panel.confirm.setText("backup password 1")
    qtbot.mouseClick(dialog.backup_panel.save, Qt.MouseButton.LeftButton)
    dialog.reject()
    assert backups.auto_backup.flush(10)
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=5000)


def test_export_dialog_links_to_the_page_and_claims_nothing(qtbot, backups) -> None:
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(backups)
    qtbot.addWidget(window)
    window.show()
    dialog = ExportDialog(backups, window)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "are written after each change" not in texts
    assert dialog.findChild(QLineEdit, "auto-backup-password") is None
    button = dialog.findChild(QPushButton, "open-backup-settings")
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, SettingsDialog), timeout=3000)
    opened = window.active_dialog
    assert opened.section_names[opened.nav.currentRow()] == "Backups"
    QApplication.processEvents()


def test_settings_reopens_on_the_last_page(qtbot, backups) -> None:
    first = SettingsDialog(backups)
    qtbot.addWidget(first)
    first.show()
    assert first.nav.currentRow() == 0
    row = first.section_names.index("Clock")
    rect = first.nav.visualItemRect(first.nav.item(row))
    qtbot.mouseClick(first.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    first.reject()
    again = SettingsDialog(backups)
    qtbot.addWidget(again)
    again.show()
    assert again.section_names[again.nav.currentRow()] == "Clock"
    assert again.pages.currentIndex() == row
