"""One voice: the same names for the same actions, verbs on buttons, the link masked like the
key, no notice behind a dialog, other ways offered when there is no camera, file dialogs that
remember their folder, and exporting apart from the backup settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.settings import LAST_FOLDER
from desktop_app.ui.camera_worker import CameraScanner
from desktop_app.ui.confirm_dialog import ConfirmBox
from tests.ui.helpers_main import Recorder, make_window, sample_entries

pytestmark = pytest.mark.gui


@pytest.fixture
def window(services, qtbot, monkeypatch):
    services.vault.add_many(sample_entries())
    return make_window(services, qtbot, monkeypatch, Recorder())


def test_actions_and_empty_page_use_the_same_names(services, qtbot, monkeypatch):
    empty = make_window(services, qtbot, monkeypatch, Recorder())
    buttons = {b.text() for b in empty.pages.empty_buttons}
    menu = {a.text().replace("&", "") for a in empty.commands.add_menu.actions() if a.text()}
    shared = {"Scan QR Code on Screen", "Scan QR Code with Camera…", "Open QR Image…",
              "Enter Setup Key…", "Import Backup…"}  # fmt: skip
    assert shared <= buttons
    assert shared <= menu
    assert empty.commands.scan_screen.text().replace("&", "") == "Scan QR Code on Screen"


def test_paste_link_tab_masks_the_secret_like_the_manual_tab(qtbot):
    from desktop_app.ui.add_dialog import AddDialog

    link = "otpauth://totp/ACME:jo@example.com?secret=JBSWY3DPEHPK3PXP"
    dialog = AddDialog(None, link=link)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tabs.currentIndex() == dialog.TAB_LINK
    assert dialog.link_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.secret_edit.echoMode() == QLineEdit.EchoMode.Password
    assert "JBSWY3DP" not in dialog.link_edit.displayText()
    qtbot.mouseClick(dialog.link_reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.link_edit.displayText() == link
    assert dialog.build_payload().entries[0].issuer == "ACME"


def test_no_notice_stays_behind_a_dialog(window, qtbot):
    from desktop_app.ui.add_dialog import AddDialog

    window.notice("Reading code.png…")
    assert window.pages.toast.isVisible()
    window.open_dialog(AddDialog(window))
    assert not window.pages.toast.isVisible()
    window.active_dialog.reject()


def test_no_camera_offers_image_clipboard_and_screen(window, qtbot, monkeypatch):
    monkeypatch.setattr(  # the camera process would probe this machine's cameras
        CameraScanner, "list_cameras", lambda self, skip=(): self.cameras_listed.emit([])
    )
    chosen: list[str] = []
    monkeypatch.setattr(window.adding, "paste", lambda: chosen.append("paste"))
    window.adding.scan_camera()
    scan = window.adding.scan_window
    assert scan is not None
    qtbot.waitUntil(lambda: scan.alternatives.isVisible(), timeout=5000)
    texts = {k: b.text() for k, b in scan.alternative_buttons.items()}
    assert texts == {
        "image": "Open QR Image…",
        "paste": "Paste QR Image or Link",
        "screen": "Scan QR Code on Screen",
    }
    qtbot.mouseClick(scan.alternative_buttons["paste"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: chosen == ["paste"])
    assert window.adding.scan_window is None  # closed, and deleted with it


def test_switching_to_the_keyring_asks_with_a_verb(services, qtbot, monkeypatch):
    from desktop_app.ui.settings_dialog import SettingsDialog

    services.vault.use_password("a long password")
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    seen: list[list[str]] = []

    def exec_(box: ConfirmBox) -> int:
        seen.append([b.text() for b in box.buttons.buttons()])
        return 0

    monkeypatch.setattr(ConfirmBox, "exec", exec_)
    dialog.switch_to_keyring()
    assert seen and "Use the System Keyring" in seen[0]
    assert not {"&Yes", "Yes", "&No", "No"} & set(seen[0])
    assert services.vault.mode == "password"  # nothing was clicked: nothing changed


def test_file_dialogs_open_in_the_last_folder(window, qtbot, monkeypatch, tmp_path: Path):
    starts: list[str] = []
    folder = tmp_path / "pictures"
    folder.mkdir()
    picked = str(folder / "qr.png")

    def fake_open(_parent, _title, start, _filter):
        starts.append(start)
        return ([picked] if len(starts) == 1 else []), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    monkeypatch.setattr(window.adding, "scan_files", lambda paths: None)
    window.adding.open_images()
    window.adding.open_images()
    assert starts[0] == str(Path.home())
    assert starts[1] == str(folder)
    assert window.settings.value(LAST_FOLDER) == str(folder)


def test_export_now_is_apart_from_the_backup_settings(services, qtbot):
    """Exporting is done here; automatic backups are set up in Settings → Backups only."""
    from desktop_app.ui.export_dialog import ExportDialog

    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    link = dialog.findChild(QWidget, "automatic-backups")
    assert not link.isAncestorOf(dialog.export_button)
    assert dialog.findChild(QPushButton, "save-backup-password") is None
    assert "Settings → Backups" in dialog.findChild(QLabel, "backup-link-text").text()
    bottom = dialog.findChild(QDialogButtonBox)
    assert [b.text() for b in bottom.buttons()] == ["&Close"] or len(bottom.buttons()) == 1


def test_error_messages_are_sentences():
    from desktop_app.ui.i18n import sentence

    assert sentence("wrong password") == "Wrong password."
    assert sentence("No camera found.") == "No camera found."
    assert sentence("") == ""
