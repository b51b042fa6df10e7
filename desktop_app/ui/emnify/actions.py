"""What the emnify pane's actions do: enable (create, save, activate), finish or cancel an
activation, disable, remove old keys, switch workspace, forget a device. A mixin of
:class:`desktop_app.ui.emnify.pane.EmnifyPane`; every portal call goes through its ``_run``."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication

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
            pane.action_feedback.error(
                QCoreApplication.translate(
                    "EmnifyPane", "Type your emnify password to create the key."
                )
            )
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
                    QCoreApplication.translate(
                        "EmnifyPane", "Key created and saved in this app. Activation postponed."
                    )
                )
                return
            pane._activate(
                entry.uuid,
                QCoreApplication.translate("EmnifyPane", "Key created and saved in this app. "),
            )

        pane._run(
            pane.action_feedback,
            QCoreApplication.translate("EmnifyPane", "Creating the key and saving it in this app…"),
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
            pane.refresh(
                prefix
                + QCoreApplication.translate(
                    "EmnifyPane", "Code sent: the authenticator app is on. Done."
                )
            )

        def failed(_exc: BaseException) -> None:
            entry = pane.services.vault.get(entry_uuid) if pane.services.vault else None
            if entry is not None:
                pane.two_factor = TwoFactorStatus("pending", None, "", entry)
                pane.two_factor_changed.emit("pending")

        pane._run(
            pane.action_feedback,
            prefix + QCoreApplication.translate("EmnifyPane", "Sending the code to activate it…"),
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
            QCoreApplication.translate("EmnifyPane", "Cancel activation"),
            QCoreApplication.translate(
                "EmnifyPane",
                "Cancel turning on the authenticator app? The pending key is deleted on the "
                "portal and removed from this app.",
            ),
        ):
            return
        pane._run(
            pane.action_feedback,
            QCoreApplication.translate("EmnifyPane", "Cancelling the activation…"),
            account.enrolment().cancel_pending,
            status.local.uuid,
            on_done=lambda _r: pane.refresh(
                QCoreApplication.translate("EmnifyPane", "The activation was cancelled.")
            ),
        )

    def disable(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        status = pane.two_factor
        if account is None or status is None or pane._busy:
            return
        if status.email_codes is False:
            after_text = QCoreApplication.translate(
                "EmnifyPane", "The account then has no second factor."
            )
        elif status.email_codes:
            after_text = QCoreApplication.translate(
                "EmnifyPane", "Sign-in codes will come by e-mail again."
            )
        else:  # the key was active before this sign-in: e-mail codes not seen yet
            after_text = QCoreApplication.translate(
                "EmnifyPane",
                "Sign-in codes then come by e-mail, as on every paid account; a trial account "
                "has no second factor after this.",
            )
        ok, remove = pane.confirm_disable(
            QCoreApplication.translate(
                "EmnifyPane", "Remove the authenticator app key from your emnify account? {after}"
            ).format(after=after_text)
        )
        if not ok:
            return

        def disabled(marked: list[Entry]) -> None:
            if remove:
                text = QCoreApplication.translate(
                    "EmnifyPane", "Turned off, and the key was removed from this app."
                )
            else:
                text = QCoreApplication.translate(
                    "EmnifyPane", "Turned off. This app keeps the old key, marked no longer active."
                )
            pane.refresh(f"{text} {after_text}")

        def run() -> list[Entry]:
            return account.enrolment().disable(remove_local=remove)

        pane._run(
            pane.action_feedback,
            QCoreApplication.translate("EmnifyPane", "Turning off the authenticator app…"),
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
            QCoreApplication.translate("EmnifyPane", "Remove the old key?"),
            QCoreApplication.translate(
                "EmnifyPane",
                "Remove the emnify key that is no longer active on the portal from this app?",
            ),
        ):
            return
        uuids = [e.uuid for e in status.inactive_entries]
        pane._run(
            pane.action_feedback,
            QCoreApplication.translate("EmnifyPane", "Removing the old key…"),
            vault.remove_many,
            uuids,
            on_done=lambda _r: pane.refresh(
                QCoreApplication.translate("EmnifyPane", "The old key was removed from this app.")
            ),
        )

    def switch_workspace(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        ident = pane.workspace_combo.currentData()
        if account is None or ident is None or pane._busy:
            return
        pane._run(
            pane.extra_feedback,
            QCoreApplication.translate("EmnifyPane", "Switching the workspace…"),
            account.switch_workspace,
            int(ident),
            on_done=lambda _r: pane.refresh(
                QCoreApplication.translate("EmnifyPane", "Workspace switched.")
            ),
        )

    def forget_device(self) -> None:
        pane = cast("EmnifyPane", self)
        account = pane._account
        ident = pane.devices_combo.currentData()
        if account is None or ident is None or pane._busy:
            return
        if not pane.confirm(
            QCoreApplication.translate("EmnifyPane", "Forget device"),
            QCoreApplication.translate("EmnifyPane", "Forget the trusted device “{name}”?").format(
                name=pane.devices_combo.currentText()
            ),
        ):
            return
        pane._run(
            pane.extra_feedback,
            QCoreApplication.translate("EmnifyPane", "Forgetting the device…"),
            account.forget_device,
            int(ident),
            on_done=lambda _r: pane.refresh(
                QCoreApplication.translate("EmnifyPane", "The device was forgotten.")
            ),
        )
