"""One confirmation style: icon, a title that is not cut, a verb on the button, never Yes/No."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget

from desktop_app.ui.confirm_dialog import ConfirmBox, ask

pytestmark = pytest.mark.gui


def _answer_next_box(qtbot, press: str, seen: list[ConfirmBox]) -> None:
    """When the next confirmation is open, note it and press its button ("ok" or "cancel")."""

    def press_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConfirmBox):
            QTimer.singleShot(20, press_it)
            return
        seen.append(box)
        button = box.ok_button if press == "ok" else box.cancel_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_it)


def _texts(box: ConfirmBox) -> list[str]:
    return [b.text().replace("&", "") for b in box.findChildren(QPushButton)]


@pytest.mark.parametrize("press, expected", [("ok", True), ("cancel", False)])
def test_ask_names_the_action_and_answers(qtbot, press, expected) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[ConfirmBox] = []
    _answer_next_box(qtbot, press, seen)
    title = "Delete the account “A very long issuer name: someone@example.com”?"
    assert ask(parent, title, "Its codes can no longer be made here.", "Delete") is expected
    (box,) = seen
    assert _texts(box) == ["Delete", "Cancel"]
    assert not {"Yes", "No"} & set(_texts(box))
    assert box.cancel_button.isDefault()  # Enter does not delete
    assert not box.icon.pixmap().isNull()
    assert box.heading.text() == title  # the question is also the heading: never cut
    assert box.width() >= box.fontMetrics().horizontalAdvance(title) or box.width() >= 640


def test_a_cancel_action_beside_cancel_becomes_go_back(qtbot) -> None:
    box = ConfirmBox(None, "Cancel activation", "The pending key is deleted.", "Cancel activation")
    qtbot.addWidget(box)
    assert _texts(box) == ["Cancel activation", "Go Back"]


def test_emnify_view_and_admin_dialogs_confirm_with_a_verb(qtbot) -> None:
    from desktop_app.ui.emnify.admin_dialog import AdminDialog
    from desktop_app.ui.emnify.view import EmnifyView

    view = EmnifyView()
    qtbot.addWidget(view)
    seen: list[ConfirmBox] = []
    _answer_next_box(qtbot, "ok", seen)
    assert view.confirm("Revoke the token?", "Scripts using it can no longer sign in.") is True
    assert _texts(seen[-1]) == ["Revoke the token", "Cancel"]

    admin = AdminDialog(None, "Application tokens", 500, 400)
    qtbot.addWidget(admin)
    _answer_next_box(qtbot, "cancel", seen)
    assert admin.confirm("Forget device", "Forget the trusted device “x”?") is False
    assert _texts(seen[-1]) == ["Forget device", "Cancel"]


def test_disable_dialog_is_as_wide_as_its_title(qtbot) -> None:
    from desktop_app.ui.emnify.widgets import DisableDialog

    dialog = DisableDialog("Turn off the authenticator app for this account?")
    qtbot.addWidget(dialog)
    dialog.show()
    title = dialog.windowTitle()
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(title) + 150
    assert dialog.width() > 262
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert {b.text().replace("&", "") for b in buttons} == {"Turn off", "Cancel"}


def test_settings_confirmation_is_the_same_style(qtbot, services) -> None:
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    seen: list[ConfirmBox] = []
    _answer_next_box(qtbot, "cancel", seen)
    assert (
        dialog.confirm("Use the system keyring?", "No password asked.", "Use the Keyring") is False
    )
    assert _texts(seen[0]) == ["Use the Keyring", "Cancel"]
