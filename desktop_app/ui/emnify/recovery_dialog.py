"""The lost-phone recovery dialog of the emnify pane (the view of
:class:`~desktop_app.ui.emnify.recovery_presenter.RecoveryPresenter`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
)

from desktop_app.portal.admin import AdminTools
from desktop_app.portal.client import MfaKey, TrustedDevice
from desktop_app.ui.emnify.admin_dialog import AdminDialog
from desktop_app.ui.emnify.recovery_presenter import RecoveryPresenter
from desktop_app.ui.emnify.runner import job_runner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class RecoveryDialog(AdminDialog):
    def __init__(self, tools: Callable[[], AdminTools], parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Lost phone: another user's sign-in"), 600, 420)
        lay = self.lay
        row = QHBoxLayout()
        self.email_edit = self.user_email_field("emnify_recovery_email")
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.setObjectName("emnify_recovery_find")
        row.addWidget(self.email_edit, 1)
        row.addWidget(self.find_button)
        lay.addLayout(row)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("emnify_recovery_user")
        lay.addWidget(self.user_label)
        self.items = QListWidget(self)
        self.items.setObjectName("emnify_recovery_items")
        self.items.setAccessibleName(self.tr("Two-factor keys and trusted devices"))
        lay.addWidget(self.items, 1)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName("emnify_recovery_remove")
        lay.addWidget(self.remove_button)
        self.add_footer("emnify_recovery_message")
        self.presenter = RecoveryPresenter(
            self, tools, job_runner(self.job), translate=QCoreApplication.translate
        )
        self.find_button.clicked.connect(lambda: self.presenter.find())
        self.email_edit.returnPressed.connect(lambda: self.presenter.find())
        self.remove_button.clicked.connect(self.presenter.remove)

    def email(self) -> str:
        return self.email_edit.text()

    def chosen(self) -> MfaKey | TrustedDevice | None:
        row = self.items.currentRow()
        user = self.presenter.user
        if user is None or row < 0:
            return None
        things: list[MfaKey | TrustedDevice] = [*user.keys, *self.presenter.devices]
        return things[row] if row < len(things) else None

    def show_user(self, title: str, keys: list[str], devices: list[str]) -> None:
        self.user_label.setText(title)
        self.items.clear()
        self.items.addItems(keys + devices)
        if not keys and not devices:
            self.message.info(self.tr("No two-factor keys and no trusted devices."))
