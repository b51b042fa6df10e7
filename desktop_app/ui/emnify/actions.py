"""What the emnify pane's actions do: enable (create, save, activate), finish or cancel an
activation, disable, remove old keys, switch workspace, forget a device. A mixin of
:class:`desktop_app.ui.emnify.pane.EmnifyPane`; every portal call goes through its ``_run``."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from desktop_app.otp.model import Entry
from desktop_app.portal.enrolment import TwoFactorStatus

if TYPE_CHECKING:
    from desktop_app.ui.emnify.pane import EmnifyPane


class PaneActions:
    # --- actions ---------------------------------------------------------------------------

    def _primary(self) -> None:
        pane = cast("EmnifyPane", self)
        status = pane.two_factor
        if status is None or pane._busy:
            return
        if status.state == "off":
            pane.enable()
        elif status.state == "pending":
            pane.finish_activation()
        elif (status.state == "on" and status.local is not None) or status.local_missing:
            pane.disable()

    def _secondary(self) -> None:
        pane = cast("EmnifyPane", self)
        status = pane.two_factor
        if status is None or pane._busy:
            return
        if status.state == "pending":
            pane.cancel_activation()
        elif status.inactive_entries:
            pane.remove_old_keys()

    def enable(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        if account is None or pane._busy or pane.services.vault is None:
            return
        account.vault = pane.services.vault
        fresh = account.fresh_password()
        password = fresh or pane.step_password.text()
        if not password:
            pane.action_feedback.error(pane.tr("Type your emnify password to create the key."))
            pane.step_password.setFocus()
            return
        pane.step_password.clear()
        enrolment = account.enrolment()

        def create() -> Entry:
            entry = enrolment.create_key(password, password_proven=fresh is not None)
            account.forget_password()
            return entry

        def created(entry: Entry) -> None:
            pane.two_factor = TwoFactorStatus(
                "pending",
                None,
                entry.meta.get("emnify.created", ""),
                entry,
                email_codes=pane.two_factor.email_codes if pane.two_factor else None,
            )
            pane.two_factor_changed.emit("pending")
            pane._update()
            if pane.show_qr_check.isChecked() and not pane.show_key(entry):
                pane.action_feedback.info(
                    pane.tr("Key created and saved in this app. Activation postponed.")
                )
                return
            pane._activate(entry.uuid, pane.tr("Key created and saved in this app. "))

        pane._run(
            pane.action_feedback,
            pane.tr("Creating the key and saving it in this app…"),
            create,
            on_done=created,
            on_error=lambda _e: pane._after_failed_enable(),
        )

    def _after_failed_enable(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        if account is None or account.user is None or pane.services.vault is None:
            return
        pending = account.enrolment().pending_entry()
        if pending is not None:
            pane.two_factor = TwoFactorStatus("pending", None, "", pending)
            pane.two_factor_changed.emit("pending")

    def _activate(self, entry_uuid: str, prefix: str = "") -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        if account is None:
            return

        def activated(_entry: Entry) -> None:
            pane.refresh(prefix + pane.tr("Code sent: the authenticator app is on. Done."))

        def failed(_exc: BaseException) -> None:
            entry = pane.services.vault.get(entry_uuid) if pane.services.vault else None
            if entry is not None:
                pane.two_factor = TwoFactorStatus("pending", None, "", entry)
                pane.two_factor_changed.emit("pending")

        pane._run(
            pane.action_feedback,
            prefix + pane.tr("Sending the code to activate it…"),
            account.enrolment().activate,
            entry_uuid,
            on_done=activated,
            on_error=failed,
        )

    def finish_activation(self) -> None:
        pane = cast("EmnifyPane", self)
        status = pane.two_factor
        if status is not None and status.local is not None and not pane._busy:
            pane._activate(status.local.uuid)

    def cancel_activation(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        status = pane.two_factor
        if account is None or status is None or status.local is None or pane._busy:
            return
        if not pane.confirm(
            pane.tr("Cancel activation"),
            pane.tr(
                "Cancel turning on the authenticator app? The pending key is deleted on the "
                "portal and removed from this app."
            ),
        ):
            return
        pane._run(
            pane.action_feedback,
            pane.tr("Cancelling the activation…"),
            account.enrolment().cancel_pending,
            status.local.uuid,
            on_done=lambda _r: pane.refresh(pane.tr("The activation was cancelled.")),
        )

    def disable(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        status = pane.two_factor
        if account is None or status is None or pane._busy:
            return
        if status.email_codes is False:
            after_text = pane.tr("The account then has no second factor.")
        else:
            after_text = pane.tr("Sign-in codes will come by e-mail again.")
        ok, remove = pane.confirm_disable(
            pane.tr("Remove the authenticator app key from your emnify account? {after}").format(
                after=after_text
            )
        )
        if not ok:
            return

        def disabled(marked: list[Entry]) -> None:
            if remove:
                text = pane.tr("Turned off, and the key was removed from this app.")
            else:
                text = pane.tr("Turned off. This app keeps the old key, marked no longer active.")
            pane.refresh(f"{text} {after_text}")

        def run() -> list[Entry]:
            return account.enrolment().disable(remove_local=remove)

        pane._run(
            pane.action_feedback,
            pane.tr("Turning off the authenticator app…"),
            run,
            on_done=disabled,
        )

    def remove_old_keys(self) -> None:
        pane = cast("EmnifyPane", self)
        status = pane.two_factor
        vault = pane.services.vault
        if status is None or not status.inactive_entries or vault is None or pane._busy:
            return
        if not pane.confirm(
            pane.tr("Remove the old key?"),
            pane.tr("Remove the emnify key that is no longer active on the portal from this app?"),
        ):
            return
        uuids = [e.uuid for e in status.inactive_entries]
        pane._run(
            pane.action_feedback,
            pane.tr("Removing the old key…"),
            vault.remove_many,
            uuids,
            on_done=lambda _r: pane.refresh(pane.tr("The old key was removed from this app.")),
        )

    def switch_workspace(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        ident = pane.workspace_combo.currentData()
        if account is None or ident is None or pane._busy:
            return
        pane._run(
            pane.extra_feedback,
            pane.tr("Switching the workspace…"),
            account.switch_workspace,
            int(ident),
            on_done=lambda _r: pane.refresh(pane.tr("Workspace switched.")),
        )

    def forget_device(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        ident = pane.devices_combo.currentData()
        if account is None or ident is None or pane._busy:
            return
        if not pane.confirm(
            pane.tr("Forget device"),
            pane.tr("Forget the trusted device “{name}”?").format(
                name=pane.devices_combo.currentText()
            ),
        ):
            return
        pane._run(
            pane.extra_feedback,
            pane.tr("Forgetting the device…"),
            account.forget_device,
            int(ident),
            on_done=lambda _r: pane.refresh(pane.tr("The device was forgotten.")),
        )
