"""Import dialog: password prompt, preview with checkboxes, duplicate marking, one-step save."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget

from desktop_app.exporters.aegis import export_encrypted, export_plain
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.import_dialog import PAGE_CHOOSE, PAGE_PASSWORD, PAGE_PREVIEW, ImportDialog

pytestmark = pytest.mark.gui

ENTRIES = [
    Entry(secret="JBSWY3DPEHPK3PXP", issuer="GitHub", name="me@example.com"),
    Entry(
        secret="GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        issuer="Bänk",
        name="a+b",
        digits=8,
        algorithm="SHA256",
    ),
    Entry(
        secret="63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
        issuer="Steam",
        name="g",
        type=OtpType.STEAM,
        digits=5,
    ),
]


def widgets(dialog: ImportDialog):
    return (
        dialog.findChild(QTableWidget, "candidates"),
        dialog.findChild(QPushButton, "import-button"),
    )


def test_encrypted_import_with_duplicates(qtbot, services, tmp_path) -> None:
    services.vault.add(ENTRIES[0].with_changes(issuer="GitHub (old)"))
    before = services.vault.path.read_bytes()
    path = tmp_path / "aegis-backup.json"
    path.write_bytes(export_encrypted(ENTRIES, "s3cret pass", scrypt_n=16))

    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == PAGE_PASSWORD
    password = dialog.findChild(QLineEdit, "backup-password")
    unlock = dialog.findChild(QPushButton, "unlock")
    qtbot.keyClicks(password, "wrong")
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "Wrong password" in dialog.findChild(QLabel, "password-error").text()
    assert dialog.pages.currentIndex() == PAGE_PASSWORD
    password.clear()
    qtbot.keyClicks(password, "s3cret pass")
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_PREVIEW)

    table, button = widgets(dialog)
    assert table.rowCount() == 3
    assert table.item(0, 0).checkState() == Qt.CheckState.Unchecked  # duplicate
    assert "Already in your accounts (GitHub (old): me@example.com)" in table.item(0, 5).text()
    assert table.item(1, 0).checkState() == Qt.CheckState.Checked
    assert table.item(1, 1).text() == "Bänk" and table.item(1, 2).text() == "a+b"
    assert "SHA-256 · 8 digits" in table.item(1, 3).text()
    assert button.text() == "Import 2 accounts"
    assert services.vault.path.read_bytes() == before  # nothing saved before confirming

    table.item(2, 0).setCheckState(Qt.CheckState.Unchecked)
    assert button.text() == "Import 1 account"
    with qtbot.waitSignal(dialog.imported) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == [1]
    assert dialog.added == 1
    assert [e.issuer for e in services.vault.entries()] == ["GitHub (old)", "Bänk"]


def test_skipped_entries_listed_and_select_all(qtbot, services, tmp_path) -> None:
    doc = json.loads(export_plain(ENTRIES))
    doc["db"]["entries"][2]["info"]["secret"] = "!!bad!!"
    doc["db"]["entries"].append({"type": "motp", "name": "m", "issuer": "Old", "info": {}})
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(doc))
    dialog = ImportDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == PAGE_CHOOSE
    dialog.ask_file = lambda: path  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.findChild(QPushButton, "choose-file"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_PREVIEW)
    skipped = dialog.findChild(QListWidget, "skipped-entries")
    texts = [skipped.item(i).text() for i in range(skipped.count())]
    assert texts[0].startswith("Steam: g — ") and "Base32" in texts[0]
    assert texts[1].startswith("Old: m — ") and "mOTP" in texts[1]
    table, button = widgets(dialog)
    qtbot.mouseClick(dialog.findChild(QPushButton, "select-none"), Qt.MouseButton.LeftButton)
    assert not button.isEnabled()
    assert all(table.item(r, 0).checkState() == Qt.CheckState.Unchecked for r in range(2))
    qtbot.mouseClick(dialog.findChild(QPushButton, "select-all"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(services.vault.entries()) == 2
    dialog.grab().save(str(tmp_path / "import.png"))


def test_unreadable_file_is_named_and_vault_unchanged(qtbot, services, tmp_path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(export_plain(ENTRIES)[:50])
    before = services.vault.path.read_bytes()
    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.pages.currentIndex() == PAGE_CHOOSE
    error = dialog.findChild(QLabel, "choose-error").text()
    assert error.startswith("broken.json:") and "truncated" in error
    assert services.vault.path.read_bytes() == before
    assert not dialog.findChild(QPushButton, "import-button").isEnabled()


def test_dropped_file_is_opened(qtbot, services, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "links.txt"
    path.write_text("otpauth://totp/Drop:me?secret=JBSWY3DPEHPK3PXP\n")
    dialog = ImportDialog(services, None)
    qtbot.addWidget(dialog)
    dialog.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(event)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_PREVIEW)
    table, _button = widgets(dialog)
    assert table.item(0, 1).text() == "Drop"


def _andotp_file(entries: list[Entry], password: str) -> bytes:
    import os

    from desktop_app.importers.andotp import encrypt

    items = [
        {
            "secret": e.secret,
            "issuer": e.issuer,
            "label": e.name,
            "digits": e.digits,
            "type": e.type.value.upper(),
            "algorithm": e.algorithm,
            "period": e.period,
            "tags": [],
        }
        for e in entries
    ]
    return encrypt(json.dumps(items).encode(), password, 1500, os.urandom(12), os.urandom(12))


@pytest.mark.parametrize("fmt", ["aegis", "andotp"])
def test_event_loop_keeps_ticking_while_an_encrypted_file_is_unlocked(
    qtbot, services, tmp_path, monkeypatch, fmt
) -> None:
    """The key derivation (Aegis scrypt, andOTP PBKDF2) runs off the GUI thread.

    The real derivation is held back until the GUI thread's timer has ticked three times: if it
    ran on the GUI thread, the timer could never tick, and the gate would time out."""
    import hashlib
    import threading

    from PySide6.QtCore import QThread, QTimer

    from desktop_app.importers import aegis, andotp

    gate = threading.Event()
    seen: dict[str, object] = {}

    def held(real):
        def derive(*args, **kwargs):
            seen["gui_thread"] = QThread.currentThread() is dialog.thread()
            seen["opened"] = gate.wait(10)
            return real(*args, **kwargs)

        return derive

    if fmt == "aegis":
        path = tmp_path / "aegis.json"
        path.write_bytes(export_encrypted(ENTRIES[:2], "pass phrase", scrypt_n=1 << 14))
        monkeypatch.setattr(aegis, "derive_key", held(aegis.derive_key))
    else:
        path = tmp_path / "otp_accounts.json.aes"
        path.write_bytes(_andotp_file(ENTRIES[:2], "pass phrase"))
        monkeypatch.setattr(andotp.hashlib, "pbkdf2_hmac", held(hashlib.pbkdf2_hmac))

    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == PAGE_PASSWORD
    ticks: list[bool] = []
    timer = QTimer(dialog)
    timer.setInterval(5)

    def tick() -> None:
        ticks.append(dialog.busy)
        if len(ticks) == 3:
            gate.set()

    timer.timeout.connect(tick)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "backup-password"), "pass phrase")
    qtbot.mouseClick(dialog.findChild(QPushButton, "unlock"), Qt.MouseButton.LeftButton)
    assert dialog.busy and dialog.busy_row.isVisibleTo(dialog)
    assert not dialog.findChild(QPushButton, "unlock").isEnabled()
    timer.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_PREVIEW, timeout=15000)
    timer.stop()
    assert seen == {"gui_thread": False, "opened": True}
    assert ticks[:3] == [True, True, True]  # the window ticked while the key was derived
    assert not dialog.busy and not dialog.busy_row.isVisibleTo(dialog)
    table, button = widgets(dialog)
    assert table.rowCount() == 2 and button.text() == "Import 2 accounts"


def test_cancel_while_unlocking_abandons_the_read(qtbot, services, tmp_path, monkeypatch) -> None:
    import threading

    from desktop_app.importers import aegis

    gate = threading.Event()
    real = aegis.derive_key
    monkeypatch.setattr(aegis, "derive_key", lambda *a: (gate.wait(10), real(*a))[1])
    path = tmp_path / "aegis.json"
    path.write_bytes(export_encrypted(ENTRIES, "pw", scrypt_n=16))
    before = services.vault.path.read_bytes()
    dialog = ImportDialog(services, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "backup-password"), "pw")
    qtbot.mouseClick(dialog.findChild(QPushButton, "unlock"), Qt.MouseButton.LeftButton)
    assert dialog.busy
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not dialog.busy
    gate.set()
    from PySide6.QtCore import QCoreApplication, QThreadPool

    assert QThreadPool.globalInstance().waitForDone(10000)  # the abandoned read finishes...
    QCoreApplication.processEvents()  # ...and its queued result arrives, to be dropped
    assert dialog.import_result is None and dialog.pages.currentIndex() == PAGE_PASSWORD
    assert services.vault.path.read_bytes() == before


SKIPPED_REASONS = {
    "en": [
        "Steam: g — The secret is not valid Base32 (letters A-Z and digits 2-7)",
        "Hash: a — Its algorithm MD5 is not supported",
        "Broken: b — Its digits is not a whole number",
        "Old: m — This app does not support mOTP codes",
        "Entry 6 — It is not an object",
    ],
    "de": [
        "Steam: g — Der geheime Schlüssel ist kein gültiges Base32 (Buchstaben A–Z und Ziffern 2–7)",
        "Hash: a — Der Algorithmus MD5 wird nicht unterstützt",
        "Broken: b — Das Feld „digits“ ist keine ganze Zahl",
        "Old: m — Diese App unterstützt keine mOTP-Codes",
        "Eintrag 6 — Der Eintrag ist kein Objekt",
    ],
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_skipped_reasons_are_in_the_gui_language(qtbot, qapp, services, tmp_path, language):
    from desktop_app.ui import i18n

    doc = json.loads(export_plain([ENTRIES[0], ENTRIES[2]]))
    entries = doc["db"]["entries"]
    entries[1]["info"]["secret"] = "!!bad!!"
    md5 = {"secret": "JBSWY3DPEHPK3PXP", "algo": "MD5", "digits": 6, "period": 30}
    bad = {"secret": "JBSWY3DPEHPK3PXP", "algo": "SHA1", "digits": "x", "period": 30}
    entries += [
        {"type": "totp", "name": "a", "issuer": "Hash", "info": md5},
        {"type": "totp", "name": "b", "issuer": "Broken", "info": bad},
        {"type": "motp", "name": "m", "issuer": "Old", "info": {}},
        42,
    ]
    path = tmp_path / "aegis.json"
    path.write_text(json.dumps(doc))
    assert i18n.install_translations(qapp, language) == language
    try:
        dialog = ImportDialog(services, path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_PREVIEW)
        skipped = dialog.findChild(QListWidget, "skipped-entries")
        texts = [skipped.item(i).text() for i in range(skipped.count())]
        summary = dialog.summary.text()
    finally:
        i18n.install_translations(qapp, "en")
    assert texts == SKIPPED_REASONS[language]
    assert summary.startswith("<b>" + {"en": "Aegis vault", "de": "Aegis-Tresor"}[language])


def test_file_errors_are_german_in_german(qtbot, qapp, services, tmp_path) -> None:
    from desktop_app.ui import i18n

    encrypted = tmp_path / "aegis-backup.json"
    encrypted.write_bytes(export_encrypted(ENTRIES, "s3cret pass", scrypt_n=16))
    doc = json.loads(export_plain(ENTRIES))
    doc["db"]["entries"] = {"not": "a list"}
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(doc))
    assert i18n.install_translations(qapp, "de") == "de"
    try:
        dialog = ImportDialog(services, encrypted)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "backup-password"), "wrong")
        qtbot.mouseClick(dialog.findChild(QPushButton, "unlock"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy)
        assert dialog.findChild(QLabel, "password-error").text() == (
            "Falsches Passwort für diesen Aegis-Tresor. Versuchen Sie es noch einmal."
        )
        other = ImportDialog(services, damaged)
        qtbot.addWidget(other)
        other.show()
        error = other.findChild(QLabel, "choose-error")
        qtbot.waitUntil(lambda: bool(error.text()))
        assert error.text() == (
            "damaged.json: Die Datei ist beschädigt: „Aegis-Eintragsliste“ fehlt oder ist "
            "keine Liste."
        )
    finally:
        i18n.install_translations(qapp, "en")
    assert services.vault.entries() == []
