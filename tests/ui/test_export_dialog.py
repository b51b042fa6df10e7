"""Export dialog: encrypted export with password, readable-secret warnings, Google QR codes,
single-account QR and the automatic-backup password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton

from desktop_app import importers
from desktop_app.otp.model import Entry, OtpType
from desktop_app.scanning.decoders import decode
from desktop_app.ui.export_dialog import ExportDialog, GoogleQrDialog, show_entry_qr

pytestmark = pytest.mark.gui


def fill(vault, n: int = 12) -> None:
    es = [
        Entry(secret=f"JBSWY3DPEHPK3PX{c}", issuer=f"Site {i}", name=f"u{i}")
        for i, c in zip(range(n), "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2, strict=False)
    ]
    es.append(
        Entry(
            secret="63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
            issuer="Steam",
            name="g",
            type=OtpType.STEAM,
            digits=5,
        )
    )
    vault.add_many(es)


def choose(dialog: ExportDialog, fmt: str) -> None:
    box = dialog.findChild(QComboBox, "export-format")
    box.setCurrentIndex(box.findData(fmt))


def test_encrypted_export_with_password(qtbot, services, tmp_path) -> None:
    fill(services.vault, 3)
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "mine"
    dialog.ask_save_path = lambda suggested: out  # type: ignore[method-assign]
    button = dialog.findChild(QPushButton, "export-button")
    assert not button.isEnabled()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "export-password"), "long password")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "export-password-confirm"), "long passwrod")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.findChild(QLabel, "export-message").text()
    confirm = dialog.findChild(QLineEdit, "export-password-confirm")
    confirm.clear()
    qtbot.keyClicks(confirm, "long password")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not button.isEnabled()  # scrypt runs in a worker
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    written = tmp_path / "mine.json"
    assert "Exported 4 accounts" in dialog.findChild(QLabel, "export-message").text()
    assert not dialog.findChild(QLineEdit, "export-password").text()  # not kept around
    result = importers.load_file(written, "long password")
    assert [e.uuid for e in result.entries] == [e.uuid for e in services.vault.entries()]
    assert dialog.exported == 4


def test_plain_formats_need_the_warning_acknowledged(qtbot, services, tmp_path) -> None:
    fill(services.vault, 2)
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "otpauth")
    warning = dialog.findChild(QLabel, "readable-warning")
    assert warning.isVisible() and "readable form" in warning.text()
    button = dialog.findChild(QPushButton, "export-button")
    assert not button.isEnabled()
    dialog.findChild(QCheckBox, "readable-understood").setChecked(True)
    out = tmp_path / "links.txt"
    dialog.ask_save_path = lambda suggested: out  # type: ignore[method-assign]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert len(out.read_text().splitlines()) == 3


def test_google_codes_one_after_another(qtbot, services, tmp_path) -> None:
    fill(services.vault, 12)
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "google-qr")
    dialog.findChild(QCheckBox, "readable-understood").setChecked(True)
    qtbot.mouseClick(dialog.findChild(QPushButton, "export-button"), Qt.MouseButton.LeftButton)
    qr = dialog.qr_dialog
    assert isinstance(qr, GoogleQrDialog)
    counter = qr.findChild(QLabel, "qr-counter")
    assert counter.text() == "Code 1 of 2"
    left = qr.findChild(QListWidget, "qr-left-out")
    assert left.count() == 1 and left.item(0).text().startswith("Steam: g — ")
    first = qr.qr.payload
    qtbot.mouseClick(qr.findChild(QPushButton, "qr-next"), Qt.MouseButton.LeftButton)
    assert counter.text() == "Code 2 of 2"
    assert not qr.findChild(QPushButton, "qr-next").isEnabled()
    assert qr.qr.payload != first and qr.qr.payload.startswith("otpauth-migration://")
    qr.grab().save(str(tmp_path / "google.png"))


def test_single_account_qr_scans_back(qtbot, services) -> None:
    import numpy as np
    from PySide6.QtGui import QImage

    entry = Entry(secret="JBSWY3DPEHPK3PXP", issuer="Exämple", name="me+1@x")
    dialog = show_entry_qr(None, entry)
    qtbot.addWidget(dialog)
    assert "secret" in dialog.findChild(QLabel, "entry-qr-warning").text()
    image = dialog.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    arr = np.array(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    (text,) = decode(arr[:, : image.width()].copy())
    assert importers.load(text.encode()).entries[0].name == "me+1@x"


def test_failed_write_says_so_and_writes_nothing(qtbot, services, tmp_path) -> None:
    fill(services.vault, 1)
    dialog = ExportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog, "otpauth")
    dialog.findChild(QCheckBox, "readable-understood").setChecked(True)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    dialog.ask_save_path = lambda suggested: blocker / "links.txt"  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.findChild(QPushButton, "export-button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    message = dialog.findChild(QLabel, "export-message").text()
    assert message.startswith("Nothing was exported:") and "cannot be written" in message
    assert dialog.findChild(QPushButton, "export-button").isEnabled()
    assert blocker.read_text() == "x" and dialog.exported == 0
