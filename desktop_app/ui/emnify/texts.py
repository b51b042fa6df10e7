"""What the status card says for each sign-in method, and which action it offers (translated;
no ids, no raw server strings)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from desktop_app.portal.enrolment import TwoFactorStatus


def tr(text: str) -> str:
    return QCoreApplication.translate("EmnifyPane", text)


@dataclass(frozen=True)
class CardTexts:
    title: str
    detail: str
    action: str
    action_enabled: bool = True
    secondary: str = ""


def method_texts(_owner: QObject, status: TwoFactorStatus | None, vault_open: bool) -> CardTexts:
    if status is None:
        return CardTexts(tr("Loading the account…"), "", "", False)
    since = status.since
    old = ""
    if status.inactive_entries:
        old = tr("Remove old key from this app…")
    method = status.method
    if method == "app_here":
        entry = status.local.label if status.local is not None else ""
        detail = tr("Codes come from this app's vault entry “{entry}”").format(entry=entry)
        if since:
            detail += tr(", since {day}").format(day=since)
        return CardTexts(
            tr("Sign-in codes: authenticator app (this app's vault)"),
            detail + ".",
            tr("Disable…"),
            secondary=old,
        )
    if method == "app_elsewhere":
        detail = tr("This app's vault does not hold its key (a phone or another app has it).")
        if status.maybe_local is not None:
            detail = tr(
                "This app did not set it up; the vault entry “{entry}” may hold it."
            ).format(entry=status.maybe_local.label)
        if since:
            detail = tr("Since {day}. ").format(day=since) + detail
        return CardTexts(
            tr("Sign-in codes: authenticator app set up elsewhere"),
            detail,
            tr("Disable…"),
            secondary=old,
        )
    if method == "pending":
        entry = status.local.label if status.local is not None else ""
        return CardTexts(
            tr("Sign-in codes: authenticator app pending"),
            tr("The key is saved in this app (entry “{entry}”) but not activated yet.").format(
                entry=entry
            ),
            tr("Finish activation"),
            vault_open,
            tr("Cancel activation…"),
        )
    if method == "email":
        title = tr("Sign-in codes: by e-mail (can't be turned off on this account)")
        detail = tr("Use this app instead: the portal then asks for the code this app shows.")
    elif method == "none":
        title = tr("Sign-in codes: none")
        detail = tr("This account has no second factor. Protect it with this app.")
    else:
        title = tr("Sign-in codes: no authenticator app")
        detail = tr("Codes come by e-mail if the account uses them. Protect it with this app.")
    if not vault_open:
        detail = tr("Unlock the vault to turn on the authenticator app.")
    return CardTexts(title, detail, tr("Enable"), vault_open, old)
