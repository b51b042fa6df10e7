"""Confirmation of candidates: checkboxes, duplicates, skipped entries, one all-or-nothing save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QTableWidget

from desktop_app.errors import VaultError
from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.candidate_review import describe
from desktop_app.ui.confirm_dialog import ConfirmDialog
from tests.ui.helpers_main import secret_for

pytestmark = pytest.mark.gui


def _dialog(qtbot, vault, candidates, skipped=(), progress=None) -> ConfirmDialog:
    dialog = ConfirmDialog(None, vault, candidates, skipped, progress=progress)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_many_with_duplicate_and_skipped(qtbot, vault):
    vault.add(Entry(secret_for("a"), "Existing", "e"))
    cands = [
        Entry(secret_for("a"), "Again", "a"),
        Entry(secret_for("b"), "B", "b"),
        Entry(secret_for("c"), "C", "c", type=OtpType.HOTP, counter=7),
    ]
    skipped = [SkippedEntry("Weird", "MD5 is not supported")]
    dialog = _dialog(qtbot, vault, cands, skipped, progress="1 of 2 scanned")
    review = dialog.review
    assert not review.is_checked(0)
    assert review.is_checked(1) and review.is_checked(2)
    table = dialog.findChild(QTableWidget, "candidates")
    assert table.item(0, 0).checkState() == Qt.CheckState.Unchecked
    assert table.item(0, 5).text() == "Already in your accounts (Existing: e)"
    assert table.item(1, 5).text() == ""
    assert dialog.findChild(QLabel, "skipped").text() == "Cannot be added (1):"
    skipped = dialog.findChild(QListWidget, "skipped-entries")
    assert [skipped.item(i).text() for i in range(skipped.count())] == [
        "Weird — MD5 is not supported"
    ]
    assert dialog.findChild(QLabel, "progress").text() == "1 of 2 scanned"
    assert dialog.add_button.text() == "Add 2 Accounts"
    calls = []
    original = vault.add_many
    vault.add_many = lambda entries: calls.append(list(entries)) or original(entries)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(calls) == 1 and [e.issuer for e in calls[0]] == ["B", "C"]
    assert dialog.added_count == 2 and len(dialog.added_uuids) == 2
    assert [e.issuer for e in vault.entries()] == ["Existing", "B", "C"]


def test_unchecking_all_disables_add(qtbot, vault):
    cands = [Entry(secret_for("x"), "X", "x"), Entry(secret_for("y"), "Y", "y")]
    dialog = _dialog(qtbot, vault, cands)
    dialog.set_checked(0, False)
    dialog.set_checked(1, False)
    assert not dialog.add_button.isEnabled()
    dialog.set_checked(1, True)
    assert dialog.add_button.isEnabled() and dialog.add_button.text() == "Add"


def test_single_candidate_can_be_renamed(qtbot, vault):
    dialog = _dialog(qtbot, vault, [Entry(secret_for("s"), "Orig", "n")])
    assert "Time-based (TOTP) · SHA-1 · 6 digits · every 30 s" in [
        w.text() for w in dialog.findChildren(QLabel)
    ]
    dialog.review.issuer_edit.setText("Renamed")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [e.issuer for e in vault.entries()] == ["Renamed"]
    assert dialog.added_count == 1


def test_failed_save_keeps_dialog_and_saves_nothing(qtbot, vault, monkeypatch):
    def boom(_entries):
        raise VaultError("disk full")

    monkeypatch.setattr(vault, "add_many", boom)
    cands = [Entry(secret_for("x"), "X", "x"), Entry(secret_for("y"), "Y", "y")]
    dialog = _dialog(qtbot, vault, cands)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Nothing was saved" in dialog.error_label.text()
    assert dialog.added_count == 0
    assert vault.entries() == []


def test_only_skipped_entries(qtbot, vault):
    dialog = _dialog(qtbot, vault, [], [SkippedEntry("Bad", "unsupported type")])
    assert not dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.added_count == 0


def test_describe():
    assert describe(Entry(secret_for("st"), type=OtpType.STEAM, digits=5)).startswith("Steam")
    assert "counter 3" in describe(Entry(secret_for("h"), type=OtpType.HOTP, counter=3))


def test_repeated_candidate_is_marked_against_the_first(qtbot, vault):
    cands = [Entry(secret_for("r"), "First", "a"), Entry(secret_for("r"), "Second", "b")]
    dialog = _dialog(qtbot, vault, cands)
    assert dialog.review.is_checked(0) and not dialog.review.is_checked(1)
    table = dialog.findChild(QTableWidget, "candidates")
    assert table.item(1, 5).text() == "Repeats First: a in this list"
    qtbot.mouseClick(dialog.findChild(QPushButton, "select-all"), Qt.MouseButton.LeftButton)
    assert dialog.add_button.text() == "Add 2 Accounts"
    qtbot.mouseClick(dialog.findChild(QPushButton, "select-none"), Qt.MouseButton.LeftButton)
    assert not dialog.add_button.isEnabled()
