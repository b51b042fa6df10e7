"""What the status card says for each sign-in method, and which action it offers (translated;
no ids, no raw server strings). No Qt: ``translate`` is ``QCoreApplication.translate`` in the
app and any ``(context, text) -> text`` function elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.portal.enrolment import TwoFactorStatus

Translate = Callable[[str, str], str]


@dataclass(frozen=True)
class CardTexts:
    title: str
    detail: str
    action: str
    action_enabled: bool = True
    secondary: str = ""


def method_texts(
    translate: Translate, status: TwoFactorStatus | None, vault_open: bool, enforced: bool = False
) -> CardTexts:
    """``enforced``: the organisation requires an authenticator app (learnt from a refusal),
    so turning it off is not offered."""
    if status is None:
        return CardTexts(translate("EmnifyPane", "Loading the account…"), "", "", False)
    if enforced and status.state == "on":
        return _enforced(translate, status)
    old = ""
    if status.inactive_entries:
        old = translate("EmnifyPane", "Remove old key from this app…")
    card = _CARDS.get(status.method, _no_app)
    return card(translate, status, vault_open, enforced, old)


def _app_here(
    translate: Translate, status: TwoFactorStatus, vault_open: bool, enforced: bool, old: str
) -> CardTexts:
    entry = status.local.label if status.local is not None else ""
    detail = translate("EmnifyPane", "Codes come from this app's vault entry “{entry}”").format(
        entry=entry
    )
    if status.since:
        detail += translate("EmnifyPane", ", since {day}").format(day=status.since)
    return CardTexts(
        translate("EmnifyPane", "Sign-in codes: authenticator app (this app's vault)"),
        detail + ".",
        _disable(translate, enforced),
        secondary=old,
    )


def _app_elsewhere(
    translate: Translate, status: TwoFactorStatus, vault_open: bool, enforced: bool, old: str
) -> CardTexts:
    detail = translate(
        "EmnifyPane", "This app's vault does not hold its key (a phone or another app has it)."
    )
    if status.maybe_local is not None:
        detail = translate(
            "EmnifyPane", "This app did not set it up; the vault entry “{entry}” may hold it."
        ).format(entry=status.maybe_local.label)
    if status.since:
        detail = translate("EmnifyPane", "Since {day}. ").format(day=status.since) + detail
    return CardTexts(
        translate("EmnifyPane", "Sign-in codes: authenticator app set up elsewhere"),
        detail,
        _disable(translate, enforced),
        secondary=old,
    )


def _pending(
    translate: Translate, status: TwoFactorStatus, vault_open: bool, enforced: bool, old: str
) -> CardTexts:
    entry = status.local.label if status.local is not None else ""
    return CardTexts(
        translate("EmnifyPane", "Sign-in codes: authenticator app pending"),
        translate(
            "EmnifyPane",
            "The key is saved in this app (entry “{entry}”) but not activated yet.",
        ).format(entry=entry),
        translate("EmnifyPane", "Finish activation"),
        vault_open,
        translate("EmnifyPane", "Cancel activation…"),
    )


def _key_unknown(
    translate: Translate, status: TwoFactorStatus, vault_open: bool, enforced: bool, old: str
) -> CardTexts:
    # The portal lists a key without its type or status: it may be a phone's active key,
    # so neither Enable nor Disable is offered (see EnrolmentService: nothing is done to it).
    detail = translate(
        "EmnifyPane",
        "The portal lists a two-factor key without saying whether it is active, so this "
        "app changes nothing. Check the key in the emnify Portal.",
    )
    if status.since:
        detail = translate("EmnifyPane", "Set up on {day}. ").format(day=status.since) + detail
    return CardTexts(translate("EmnifyPane", "Sign-in codes: unknown"), detail, "", False, old)


def _no_app(
    translate: Translate, status: TwoFactorStatus, vault_open: bool, enforced: bool, old: str
) -> CardTexts:
    """No authenticator app: codes by e-mail, none at all, or not known; Enable is offered."""
    if status.method == "email":
        title = translate(
            "EmnifyPane", "Sign-in codes: by e-mail (can't be turned off on this account)"
        )
        detail = translate(
            "EmnifyPane", "Use this app instead: the portal then asks for the code this app shows."
        )
    elif status.method == "none":
        title = translate("EmnifyPane", "Sign-in codes: none")
        detail = translate(
            "EmnifyPane", "This account has no second factor. Protect it with this app."
        )
    else:
        title = translate("EmnifyPane", "Sign-in codes: no authenticator app")
        detail = translate(
            "EmnifyPane", "Codes come by e-mail if the account uses them. Protect it with this app."
        )
    if not vault_open:
        detail = translate("EmnifyPane", "Unlock the vault to turn on the authenticator app.")
    return CardTexts(
        title, detail, translate("EmnifyPane", "Enable the authenticator app"), vault_open, old
    )


_Card = Callable[[Translate, TwoFactorStatus, bool, bool, str], CardTexts]
_CARDS: dict[str, _Card] = {
    "app_here": _app_here,
    "app_elsewhere": _app_elsewhere,
    "pending": _pending,
    "key_unknown": _key_unknown,
}


def _disable(translate: Translate, enforced: bool) -> str:
    return "" if enforced else translate("EmnifyPane", "Disable…")


def _enforced(translate: Translate, status: TwoFactorStatus) -> CardTexts:
    """An authenticator app is on, and the organisation does not let it be turned off."""
    if status.local is not None:
        title = translate("EmnifyPane", "Sign-in codes: authenticator app (this app's vault)")
        detail = translate(
            "EmnifyPane", "Codes come from this app's vault entry “{entry}”."
        ).format(entry=status.local.label)
    else:
        title = translate("EmnifyPane", "Sign-in codes: authenticator app set up elsewhere")
        detail = translate(
            "EmnifyPane", "This app's vault does not hold its key (a phone or another app has it)."
        )
    detail += " " + translate(
        "EmnifyPane",
        "Your organisation requires an authenticator app, so it cannot be turned off here.",
    )
    old = ""
    if status.inactive_entries:
        old = translate("EmnifyPane", "Remove old key from this app…")
    return CardTexts(title, detail, "", False, old)
