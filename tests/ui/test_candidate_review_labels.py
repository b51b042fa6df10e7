"""The import review warns on a row whose name is that of another key (a second account)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget

from desktop_app.otp.model import Entry
from desktop_app.ui.confirm_dialog import ConfirmDialog
from desktop_app.ui.theme import warning_color
from tests.ui.helpers_main import secret_for

pytestmark = pytest.mark.gui


def test_same_label_other_key_is_warned_on_its_row_and_kept_checked(qtbot, vault) -> None:
    vault.add(Entry(secret_for("old"), "GitHub", "me@example.com"))
    cands = [
        Entry(secret_for("new"), "github", " me@example.com"),  # same name, another key
        Entry(secret_for("old"), "GitHub (copy)", "x"),  # the same key: the duplicate warning
        Entry(secret_for("b"), "Bank", "card"),
        Entry(secret_for("c"), "Bank", "card"),  # repeats a row's name with another key
    ]
    dialog = ConfirmDialog(None, vault, cands)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QTableWidget, "candidates")
    status = [table.item(r, 5).text() for r in range(4)]
    assert status == [
        "Same name as a saved one, another key",
        "Already in your accounts (GitHub: me@example.com)",
        "",
        "Same name as a row above, another key",
    ]
    assert table.item(0, 5).foreground().color() == QColor(warning_color())
    review = dialog.review
    assert [review.is_checked(r) for r in range(4)] == [True, False, True, True]
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.added_count == 3


def test_single_candidate_with_a_known_name_says_so(qtbot, vault) -> None:
    vault.add(Entry(secret_for("old"), "GitHub", "me"))
    dialog = ConfirmDialog(None, vault, [Entry(secret_for("new"), "GitHub", "me")])
    qtbot.addWidget(dialog)
    dialog.show()
    warn = dialog.findChild(QLabel, "same_label_warning")
    assert warn is not None and warn.isVisible()
    assert "“GitHub: me” with another key" in warn.text()
    assert dialog.findChild(QLabel, "duplicate_warning") is None
