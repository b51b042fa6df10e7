"""Numbers are written the way the language shown writes them ("2,5 s", "1.234")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from desktop_app.otp.model import Entry
from desktop_app.ui import i18n
from desktop_app.ui.confirm_dialog import ConfirmDialog
from tests.ui.helpers_main import secret_for

pytestmark = pytest.mark.gui


@pytest.fixture
def german(qapp):
    before = QLocale()
    i18n._use_number_locale("de")
    yield
    QLocale.setDefault(before)


def test_numbers_follow_the_chosen_language(german) -> None:
    assert i18n.number(2.5, 1) == "2,5"
    assert i18n.number(1234) == "1.234"
    QLocale.setDefault(QLocale("en_US"))
    assert i18n.number(2.5, 1) == "2.5"
    assert i18n.number(1234) == "1,234"


def test_the_review_counts_in_german(qtbot, vault, german) -> None:
    cands = [Entry(secret_for(str(i)), f"I{i}", "n") for i in range(1200)]
    dialog = ConfirmDialog(None, vault, cands)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "heading").text() == "1.200 accounts found"
    assert dialog.add_button.text() == "Add 1.200 Accounts"


def test_clock_banner_offset_in_german(qtbot, german, services) -> None:
    from desktop_app.ui.clock_banner import ClockBanner

    parent = QLabel()
    qtbot.addWidget(parent)
    banner = ClockBanner(parent, services.settings, synchronised=lambda: True)
    banner.measured = -2.5
    banner._show()
    assert "2,5 s" in banner.text.text()
