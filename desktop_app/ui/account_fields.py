"""The issuer and account-name fields, as the review card and the edit dialog show them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from desktop_app.otp.model import Entry

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def label_edits(entry: Entry, parent: QWidget) -> tuple[QLineEdit, QLineEdit]:
    """(issuer, account name) line edits filled from ``entry``, named for assistive tools."""
    issuer = QLineEdit(entry.issuer, parent)
    issuer.setAccessibleName(QCoreApplication.translate("AccountFields", "Issuer"))
    issuer.setAccessibleDescription(
        QCoreApplication.translate(
            "AccountFields", "The service the account belongs to, for example GitHub."
        )
    )
    name = QLineEdit(entry.name, parent)
    name.setAccessibleName(QCoreApplication.translate("AccountFields", "Account name"))
    name.setAccessibleDescription(
        QCoreApplication.translate(
            "AccountFields", "Your user name or e-mail address at the service."
        )
    )
    return issuer, name
