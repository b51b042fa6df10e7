"""'Add account' dialog: manual entry, advanced options, pasted links, refusals naming the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.otp.migration import build_migration_uris
from desktop_app.otp.model import Entry, OtpType
from desktop_app.otp.uri import build_uri
from desktop_app.ui.add_dialog import AddDialog
from tests.ui.helpers_main import Recorder, make_window, secret_for

pytestmark = pytest.mark.gui


@pytest.fixture
def window(services, qtbot, monkeypatch):
    return make_window(services, qtbot, monkeypatch, Recorder())


def _open(window, qtbot) -> AddDialog:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, AddDialog) and dialog.isVisible()
    return dialog


def test_manual_entry_saved(window, services, qtbot):
    dialog = _open(window, qtbot)
    qtbot.keyClicks(dialog.issuer_edit, "GitHub")
    qtbot.keyClicks(dialog.name_edit, "octocat")
    secret = secret_for("manual")
    qtbot.keyClicks(
        dialog.secret_edit, " ".join(secret[i : i + 4].lower() for i in range(0, 32, 4))
    )
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [saved] = services.vault.entries()
    assert (saved.issuer, saved.name, saved.secret) == ("GitHub", "octocat", secret)
    assert (saved.type, saved.algorithm, saved.digits, saved.period) == (
        OtpType.TOTP,
        "SHA1",
        6,
        30,
    )
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.last_notice == "Account added"


@pytest.mark.parametrize(
    ("secret", "issuer", "field_label"),
    [
        ("abc", "X", "Secret key"),
        ("", "X", "Secret key"),
        ("JBSWY3DPEHPK3PX!", "X", "Secret key"),
        (secret_for("no-name"), "", "Issuer"),
    ],
)
def test_invalid_input_refused_naming_field(window, services, qtbot, secret, issuer, field_label):
    dialog = _open(window, qtbot)
    dialog.issuer_edit.setText(issuer)
    dialog.secret_edit.setText(secret)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith(field_label + ":")
    assert services.vault.entries() == []
    # typing again clears the error
    qtbot.keyClicks(dialog.secret_edit if field_label == "Secret key" else dialog.issuer_edit, "A")
    assert not dialog.error_label.isVisible()


def test_advanced_hotp_sha256(window, services, qtbot):
    dialog = _open(window, qtbot)
    qtbot.mouseClick(dialog.advanced_toggle, Qt.MouseButton.LeftButton)
    assert dialog.advanced.isVisible()
    dialog.issuer_edit.setText("Bank")
    dialog.secret_edit.setText(secret_for("hotp"))
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("hotp"))
    assert dialog.counter_spin.isEnabled() and not dialog.period_spin.isEnabled()
    dialog.algorithm_combo.setCurrentIndex(dialog.algorithm_combo.findData("SHA256"))
    dialog.digits_spin.setValue(8)
    dialog.counter_spin.setValue(42)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [saved] = services.vault.entries()
    assert (saved.type, saved.algorithm, saved.digits, saved.counter) == (
        OtpType.HOTP,
        "SHA256",
        8,
        42,
    )


def test_steam_forces_five_characters(window, services, qtbot):
    dialog = _open(window, qtbot)
    dialog.issuer_edit.setText("Steam")
    dialog.secret_edit.setText(secret_for("steam"))
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("steam"))
    assert not dialog.digits_spin.isEnabled() and dialog.digits_spin.value() == 5
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [saved] = services.vault.entries()
    assert saved.type is OtpType.STEAM and saved.digits == 5


def test_pasted_link_saved(window, services, qtbot):
    entry = Entry(secret_for("link"), "ACME Co", "john@example.com", digits=8, period=60)
    dialog = _open(window, qtbot)
    dialog.tabs.setCurrentIndex(AddDialog.TAB_LINK)
    dialog.link_edit.setPlainText(build_uri(entry))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [saved] = services.vault.entries()
    assert (saved.issuer, saved.name, saved.digits, saved.period, saved.secret) == (
        "ACME Co",
        "john@example.com",
        8,
        60,
        entry.secret,
    )


@pytest.mark.parametrize(
    ("link", "words"),
    [
        ("otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=3", "Digits"),
        ("otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=MD5", "algorithm"),
        ("otpauth://totp/X:y?digits=6", "secret"),
        ("https://example.com", "web link"),
        ("", "Paste a link"),
    ],
)
def test_bad_link_refused(window, services, qtbot, link, words):
    dialog = _open(window, qtbot)
    dialog.tabs.setCurrentIndex(AddDialog.TAB_LINK)
    dialog.link_edit.setPlainText(link)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    text = dialog.error_label.text()
    assert text.startswith("Link:") and words.lower() in text.lower()
    assert services.vault.entries() == []


def test_duplicate_manual_entry_goes_through_confirmation(window, services, qtbot):
    from desktop_app.ui.confirm_dialog import ConfirmDialog

    services.vault.add(Entry(secret_for("dup"), "Old", "x"))
    dialog = _open(window, qtbot)
    dialog.issuer_edit.setText("New")
    dialog.secret_edit.setText(secret_for("dup"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, ConfirmDialog))
    confirm = window.active_dialog
    assert "Old" in confirm.findChild(type(confirm.error_label), "duplicate_warning").text()
    qtbot.mouseClick(confirm.cancel_button, Qt.MouseButton.LeftButton)
    assert [e.issuer for e in services.vault.entries()] == ["Old"]


def test_migration_link_in_dialog_goes_to_confirmation(window, services, qtbot):
    from desktop_app.ui.confirm_dialog import ConfirmDialog

    entries = [Entry(secret_for(f"m{i}"), "Svc", f"u{i}") for i in range(2)]
    uris, _ = build_migration_uris(entries)
    dialog = _open(window, qtbot)
    dialog.tabs.setCurrentIndex(AddDialog.TAB_LINK)
    dialog.link_edit.setPlainText(uris[0])
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, ConfirmDialog))
    confirm = window.active_dialog
    assert len(confirm.candidates) == 2 and confirm.review.checked_count() == 2
    qtbot.mouseClick(confirm.add_button, Qt.MouseButton.LeftButton)
    assert sorted(e.name for e in services.vault.entries()) == ["u0", "u1"]


def test_cancel_saves_nothing(window, services, qtbot):
    dialog = _open(window, qtbot)
    dialog.issuer_edit.setText("X")
    dialog.secret_edit.setText(secret_for("cancel"))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert services.vault.entries() == []


def test_field_errors_are_german_in_german(german, window, services, qtbot):
    dialog = _open(window, qtbot)
    dialog.issuer_edit.setText("X")
    dialog.secret_edit.setText("JBSWY3DP")  # 8 characters: too short
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "Geheimer Schlüssel: Der geheime Schlüssel ist zu kurz (mindestens 16 Base32-Zeichen)."
    )
    dialog.secret_edit.setText("JBSWY3DPEHPK3PX!")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "Geheimer Schlüssel: Der geheime Schlüssel ist kein gültiges Base32 "
        "(Buchstaben A–Z und Ziffern 2–7)."
    )
    assert services.vault.entries() == []


@pytest.mark.parametrize(
    ("link", "german_text"),
    [
        (
            "otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=3",
            "Link: Dieser Authenticator-Link ist ungültig: "
            "Die Stellenzahl muss zwischen 6 und 10 liegen.",
        ),
        (
            "otpauth://totp/X:y?secret=JBSWY3DPE",  # 9 characters: one too many
            "Link: Dieser Authenticator-Link ist ungültig: "
            "Der geheime Schlüssel ist abgeschnitten oder hat ein Zeichen zu viel: "
            "Kopieren Sie ihn erneut.",
        ),
        (
            "https://example.com",
            "Link: Dieser Code enthält einen Weblink, keinen Authenticator-Schlüssel.",
        ),
    ],
)
def test_bad_link_is_refused_in_german(german, window, services, qtbot, link, german_text):
    dialog = _open(window, qtbot)
    dialog.tabs.setCurrentIndex(AddDialog.TAB_LINK)
    dialog.link_edit.setPlainText(link)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.text() == german_text
    assert services.vault.entries() == []
