"""What the status card says for each sign-in method, and which action it offers (translated;
no ids, no raw server strings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_app.portal.enrolment import TwoFactorStatus

if TYPE_CHECKING:
    from PySide6.QtCore import QObject


@dataclass(frozen=True)
class CardTexts:
    title: str
    detail: str
    action: str
    action_enabled: bool = True
    secondary: str = ""


def method_texts(_owner: QObject, status: TwoFactorStatus | None, vault_open: bool) -> CardTexts:
    if status is None:
        return CardTexts(
            QCoreApplication.translate("EmnifyPane", "Loading the account…"), "", "", False
        )
    since = status.since
    old = ""
    if status.inactive_entries:
        old = QCoreApplication.translate("EmnifyPane", "Remove old key from this app…")
    method = status.method
    if method == "app_here":
        entry = status.local.label if status.local is not None else ""
        detail = QCoreApplication.translate(
            "EmnifyPane", "Codes come from this app's vault entry “{entry}”"
        ).format(entry=entry)
        if since:
            detail += QCoreApplication.translate("EmnifyPane", ", since {day}").format(day=since)
        return CardTexts(
            QCoreApplication.translate(
                "EmnifyPane", "Sign-in codes: authenticator app (this app's vault)"
            ),
            detail + ".",
            QCoreApplication.translate("EmnifyPane", "Disable…"),
            secondary=old,
        )
    if method == "app_elsewhere":
        detail = QCoreApplication.translate(
            "EmnifyPane", "This app's vault does not hold its key (a phone or another app has it)."
        )
        if status.maybe_local is not None:
            detail = QCoreApplication.translate(
                "EmnifyPane", "This app did not set it up; the vault entry “{entry}” may hold it."
            ).format(entry=status.maybe_local.label)
        if since:
            detail = (
                QCoreApplication.translate("EmnifyPane", "Since {day}. ").format(day=since) + detail
            )
        return CardTexts(
            QCoreApplication.translate(
                "EmnifyPane", "Sign-in codes: authenticator app set up elsewhere"
            ),
            detail,
            QCoreApplication.translate("EmnifyPane", "Disable…"),
            secondary=old,
        )
    if method == "pending":
        entry = status.local.label if status.local is not None else ""
        return CardTexts(
            QCoreApplication.translate("EmnifyPane", "Sign-in codes: authenticator app pending"),
            QCoreApplication.translate(
                "EmnifyPane",
                "The key is saved in this app (entry “{entry}”) but not activated yet.",
            ).format(entry=entry),
            QCoreApplication.translate("EmnifyPane", "Finish activation"),
            vault_open,
            QCoreApplication.translate("EmnifyPane", "Cancel activation…"),
        )
    if method == "email":
        title = QCoreApplication.translate(
            "EmnifyPane", "Sign-in codes: by e-mail (can't be turned off on this account)"
        )
        detail = QCoreApplication.translate(
            "EmnifyPane", "Use this app instead: the portal then asks for the code this app shows."
        )
    elif method == "none":
        title = QCoreApplication.translate("EmnifyPane", "Sign-in codes: none")
        detail = QCoreApplication.translate(
            "EmnifyPane", "This account has no second factor. Protect it with this app."
        )
    else:
        title = QCoreApplication.translate("EmnifyPane", "Sign-in codes: no authenticator app")
        detail = QCoreApplication.translate(
            "EmnifyPane", "Codes come by e-mail if the account uses them. Protect it with this app."
        )
    if not vault_open:
        detail = QCoreApplication.translate(
            "EmnifyPane", "Unlock the vault to turn on the authenticator app."
        )
    return CardTexts(
        title, detail, QCoreApplication.translate("EmnifyPane", "Enable"), vault_open, old
    )
