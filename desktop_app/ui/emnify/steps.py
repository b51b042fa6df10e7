"""The steps of turning the authenticator app on and off, as the pane runs them (no Qt).

Enable: password (unless just given) -> key created on the portal and saved in this app's vault
-> activated with the code this app computes (optionally after showing the QR code for a phone).
A failure between the steps leaves the key pending, never active without its secret in the
vault; "Finish activation" and "Cancel activation…" take it from there. Disable: one
confirmation, with "also remove the key from this app"; old keys the portal no longer has can
be removed from the vault. The portal logic is :class:`EnrolmentService`'s; this class only
orders the steps and says what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.portal.enrolment import TwoFactorStatus
from desktop_app.portal.errors import ActiveKeyExistsError

if TYPE_CHECKING:
    from desktop_app.otp.model import Entry
    from desktop_app.ui.emnify.ports import PresenterPort


class TwoFactorSteps:
    def __init__(self, presenter: PresenterPort) -> None:
        self.p = presenter

    def primary(self) -> None:
        status = self.p.two_factor
        if status is None or self.p.busy:
            return
        if status.state == "off":
            self.enable()
        elif status.state == "pending":
            self.finish_activation()
        elif status.state == "on" and not self.p.is_enforced():
            self.disable()

    def secondary(self) -> None:
        status = self.p.two_factor
        if status is None or self.p.busy:
            return
        if status.state == "pending":
            self.cancel_activation()
        elif status.inactive_entries:
            self.remove_old_keys()

    # --- enable ----------------------------------------------------------------------------

    def enable(self) -> None:
        p = self.p
        account, vault = p.account, p.services.vault
        if account is None or p.busy or vault is None:
            return
        account.vault = vault
        fresh = account.fresh_password()
        password = fresh or p.view.enable_password()
        if not password:
            p.view.feedback(
                "action",
                "error",
                p.translate("EmnifyPane", "Type your emnify password to create the key."),
            )
            p.view.focus_field("enable_password")
            return
        p.view.clear_field("enable_password")
        self._create(password, proven=fresh is not None)

    def _create(self, password: str, *, proven: bool, replace_key_id: int | None = None) -> None:
        p = self.p
        account = p.account
        if account is None:
            return
        enrolment = account.enrolment()

        def create() -> Entry:
            entry = enrolment.create_key(
                password, password_proven=proven, replace_key_id=replace_key_id
            )
            account.forget_password()
            return entry

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ActiveKeyExistsError):
                self._ask_to_replace(exc, password, proven)
            else:
                self._after_failed_enable()

        p.run(
            "action",
            p.translate("EmnifyPane", "Creating the key and saving it in this app…"),
            create,
            on_done=self._created,
            on_error=failed,
        )

    def _ask_to_replace(self, exc: ActiveKeyExistsError, password: str, proven: bool) -> None:
        """An active key this vault does not hold: replaced only on the person's yes."""
        p = self.p
        if exc.since:
            question = p.translate(
                "EmnifyPane",
                "An authenticator app set up on {day} is active on this account, and this "
                "app's vault does not hold its key (a phone or another app has it). Replace "
                "it? Its codes stop working.",
            ).format(day=exc.since)
        else:
            question = p.translate(
                "EmnifyPane",
                "An authenticator app is active on this account, and this app's vault does not "
                "hold its key (a phone or another app has it). Replace it? Its codes stop "
                "working.",
            )
        if p.view.confirm(p.translate("EmnifyPane", "Replace the authenticator app?"), question):
            self._create(password, proven=proven, replace_key_id=exc.key_id)
            return
        p.refresh(
            p.translate("EmnifyPane", "Nothing was changed: the other authenticator app stays on.")
        )

    def _created(self, entry: Entry) -> None:
        p = self.p
        email_codes = p.two_factor.email_codes if p.two_factor else None
        created = entry.meta.get("emnify.created", "")
        p.set_status(TwoFactorStatus("pending", None, created, entry, email_codes=email_codes))
        p.render()
        if p.view.show_qr() and not p.view.show_key(entry):
            p.view.feedback(
                "action",
                "info",
                p.translate(
                    "EmnifyPane", "Key created and saved in this app. Activation postponed."
                ),
            )
            return
        self._activate(entry.uuid, p.translate("EmnifyPane", "Key created and saved in this app. "))

    def _after_failed_enable(self) -> None:
        account = self.p.account
        if account is None or account.user is None or self.p.services.vault is None:
            return
        pending = account.enrolment().pending_entry()
        if pending is not None:
            self.p.set_status(TwoFactorStatus("pending", None, "", pending))

    def _activate(self, entry_uuid: str, prefix: str = "") -> None:
        p = self.p
        account = p.account
        if account is None:
            return

        def failed(_exc: BaseException) -> None:
            entry = p.services.vault.get(entry_uuid) if p.services.vault else None
            if entry is not None:
                p.set_status(TwoFactorStatus("pending", None, "", entry))

        done = p.translate("EmnifyPane", "Code sent: the authenticator app is on. Done.")
        p.run(
            "action",
            prefix + p.translate("EmnifyPane", "Sending the code to activate it…"),
            lambda: account.enrolment().activate(entry_uuid),
            on_done=lambda _entry: p.refresh(prefix + done),
            on_error=failed,
        )

    def finish_activation(self) -> None:
        status = self.p.two_factor
        if status is not None and status.local is not None and not self.p.busy:
            self._activate(status.local.uuid)

    def cancel_activation(self) -> None:
        p = self.p
        account, status = p.account, p.two_factor
        if account is None or status is None or status.local is None or p.busy:
            return
        if not p.view.confirm(
            p.translate("EmnifyPane", "Cancel activation"),
            p.translate(
                "EmnifyPane",
                "Cancel turning on the authenticator app? The pending key is deleted on the "
                "portal and removed from this app.",
            ),
        ):
            return
        uuid = status.local.uuid
        p.run(
            "action",
            p.translate("EmnifyPane", "Cancelling the activation…"),
            lambda: account.enrolment().cancel_pending(uuid),
            on_done=lambda _r: p.refresh(
                p.translate("EmnifyPane", "The activation was cancelled.")
            ),
        )

    # --- disable ---------------------------------------------------------------------------

    def after_disable_text(self, status: TwoFactorStatus) -> str:
        """What protects the sign-in once the authenticator app is off."""
        if status.email_codes is False:
            return self.p.translate("EmnifyPane", "The account then has no second factor.")
        if status.email_codes:
            return self.p.translate("EmnifyPane", "Sign-in codes will come by e-mail again.")
        # the key was active before this sign-in: e-mail codes not seen yet
        return self.p.translate(
            "EmnifyPane",
            "If your account uses e-mail codes, they will come by e-mail again; if it does "
            "not, it then has no second factor.",
        )

    def disable(self) -> None:
        p = self.p
        account, status = p.account, p.two_factor
        if account is None or status is None or p.busy or p.is_enforced():
            return
        after_text = self.after_disable_text(status)
        ok, remove = p.view.confirm_disable(
            p.translate(
                "EmnifyPane", "Remove the authenticator app key from your emnify account? {after}"
            ).format(after=after_text)
        )
        if not ok:
            return
        if remove:
            text = p.translate("EmnifyPane", "Turned off, and the key was removed from this app.")
        else:
            text = p.translate(
                "EmnifyPane", "Turned off. This app keeps the old key, marked no longer active."
            )
        p.run(
            "action",
            p.translate("EmnifyPane", "Turning off the authenticator app…"),
            lambda: account.enrolment().disable(remove_local=remove),
            on_done=lambda _marked: p.refresh(f"{text} {after_text}"),
            on_error=self._disable_refused,
        )

    def _disable_refused(self, exc: BaseException) -> None:
        """The organisation requires an authenticator app: said as a sentence, remembered for
        this account (Disable is then not offered)."""
        p = self.p
        if p.account is None or not p.account.learn_refusal(exc):
            return
        p.view.feedback(
            "action",
            "error",
            p.translate(
                "EmnifyPane",
                "Your organisation requires an authenticator app for signing in, so the portal "
                "did not turn it off. Nothing was changed.",
            ),
        )

    def remove_old_keys(self) -> None:
        p = self.p
        status, vault = p.two_factor, p.services.vault
        if status is None or not status.inactive_entries or vault is None or p.busy:
            return
        if not p.view.confirm(
            p.translate("EmnifyPane", "Remove the old key?"),
            p.translate(
                "EmnifyPane",
                "Remove the emnify key that is no longer active on the portal from this app?",
            ),
        ):
            return
        uuids = [e.uuid for e in status.inactive_entries]
        p.run(
            "action",
            p.translate("EmnifyPane", "Removing the old key…"),
            lambda: vault.remove_many(uuids),
            on_done=lambda _r: p.refresh(
                p.translate("EmnifyPane", "The old key was removed from this app.")
            ),
        )
