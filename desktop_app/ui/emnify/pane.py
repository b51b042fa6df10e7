"""The "emnify account" settings pane: one guided flow around the portal's own steps.

Signed out: portal address, then e-mail + password (with "keep me signed in" and "trust this
device") or an application token (recommended for single sign-on users and scripts). When the
portal asks for a second factor the code field appears right below, saying where the code was
sent; it is filled in from the vault only when the vault holds the account's active key.

Signed in: a status card at the top (who, which workspace, the sign-in method, since when and
which vault entry) with **one** primary action (Enable / Disable / Finish activation); progress
and errors appear beside the action that caused them. Enable: password (unless just given) ->
key created and saved in this app -> code sent automatically -> done, optionally showing the QR
code for a phone first. Disable: one confirmation with "also remove the key from this app".

Every portal call runs in a worker thread; the logic is :class:`PortalAccount` (the CLI's too).
Dialogs go through overridable methods (``show_key``, ``confirm_disable``, ``confirm``) so tests
can answer them. Signals: ``busy_changed(bool)``, ``signed_in_changed(bool)``,
``two_factor_changed(str)`` (the TOTP state "on" | "off" | "pending" | "").
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop_app.app import AppServices
from desktop_app.errors import AppError
from desktop_app.otp.model import Entry
from desktop_app.portal.account import PortalAccount, SignInOutcome
from desktop_app.portal.client import TrustedDevice, Workspace, normalize_base_url
from desktop_app.portal.enrolment import TwoFactorStatus
from desktop_app.portal.errors import (
    AccountLockedError,
    InvalidCredentialsError,
    NotSignedInError,
    SessionExpiredError,
)
from desktop_app.ui.emnify.actions import PaneActions
from desktop_app.ui.emnify.layout import PaneWidgets, build_account, build_sign_in
from desktop_app.ui.emnify.texts import method_texts
from desktop_app.ui.emnify.widgets import DisableDialog, Feedback, InboxBridge, KeyDialog
from desktop_app.ui.workers import run_in_thread

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

Loaded = tuple[TwoFactorStatus, list[TrustedDevice], list[Workspace], Workspace | None]


class EmnifyPane(PaneActions, PaneWidgets, QWidget):
    busy_changed = Signal(bool)
    signed_in_changed = Signal(bool)
    two_factor_changed = Signal(str)

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float | None = None,
        auto_resume: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emnify_pane")
        self.services = services
        self._clock = clock or time.time
        self._transport = transport
        self._timeout = timeout
        self._account: PortalAccount | None = None
        self._busy = False
        self._generation = 0
        self._feedback: Feedback | None = None
        self.two_factor: TwoFactorStatus | None = None
        self.devices: list[TrustedDevice] = []
        self.workspaces: list[Workspace] = []
        self._unsubscribe: Callable[[], None] | None = None
        self._build()
        self._init_demo()
        self._update()
        if auto_resume and self.email_edit.text().strip():
            self.resume()

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.inbox_label = QLabel(self)
        self.inbox_label.setObjectName("emnify_inbox")
        self.inbox_label.setWordWrap(True)
        self.inbox_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.inbox_label.setStyleSheet(
            "QLabel#emnify_inbox { border: 1px dashed palette(mid); border-radius: 6px;"
            " padding: 4px 8px; }"
        )
        self.inbox_label.hide()
        outer.addWidget(self.inbox_label)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(build_sign_in(self))
        self.stack.addWidget(build_account(self))
        outer.addWidget(self.stack)
        outer.addStretch(1)

    def initial_url(self) -> str:
        try:
            return str(self.services.effective_portal_url())
        except Exception:
            return ""

    def _init_demo(self) -> None:
        demo = self.services.demo_info
        if demo is None:
            return
        if not self.email_edit.text():
            self.email_edit.setText(str(getattr(demo, "user", "")))
        self.sign_in_feedback.info(
            self.tr("Demo portal: e-mail {user}, password {password}").format(
                user=getattr(demo, "user", ""), password=getattr(demo, "password", "")
            )
        )
        subscribe = getattr(demo, "subscribe", None)
        if subscribe is None:
            return
        self._bridge = InboxBridge(self)
        self._bridge.received.connect(self._show_inbox)
        self._unsubscribe = subscribe(self._bridge.deliver)

    def _show_inbox(self, to: str, code: str) -> None:
        if not isValid(self):
            return
        self.inbox_label.setText(
            self.tr("Demo inbox: the portal e-mailed the code {code} to {to}.").format(
                code=code, to=to
            )
        )
        self.inbox_label.show()

    # --- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def signed_in(self) -> bool:
        return self._account is not None and self._account.signed_in

    @property
    def account(self) -> PortalAccount | None:
        return self._account

    @property
    def awaiting_code(self) -> bool:
        return self._account is not None and self._account.awaiting_code

    def _keyring_ok(self) -> bool:
        account = self._account
        if account is not None:
            return account.keyring_available
        try:
            return bool(self.services.keystore.available())
        except Exception:
            return False

    def _update(self) -> None:
        idle = not self._busy
        signed = self.signed_in
        self.stack.setCurrentIndex(1 if signed else 0)
        token = self.use_token_check.isChecked()
        waiting = self.awaiting_code
        keyring = self._keyring_ok()
        if not keyring:
            self.keep_check.setChecked(False)
            self.trust_check.setChecked(False)
        form = self.sign_in_form
        form.setRowVisible(self.email_edit, not token)
        form.setRowVisible(self.password_edit, not token and not waiting)
        form.setRowVisible(self.token_edit, token)
        form.setRowVisible(self.keep_check, not token and not waiting)
        form.setRowVisible(self.trust_check, not token and not waiting)
        form.setRowVisible(self.keyring_note, not keyring and not token and not waiting)
        form.setRowVisible(self.code_edit, waiting)
        self.token_hint.setVisible(not waiting)
        self.keep_check.setEnabled(idle and keyring)
        self.trust_check.setEnabled(idle and keyring)
        self.keyring_note.setText(
            self.tr(
                "No OS keyring: this app cannot keep you signed in or remember this device. "
                "Everything else works."
            )
        )
        for w in (self.url_edit, self.email_edit, self.password_edit, self.token_edit):
            w.setEnabled(idle and not waiting)
        self.use_token_check.setEnabled(idle and not waiting)
        self.code_button.setVisible(waiting)
        self.code_edit.setEnabled(idle)
        self.code_button.setEnabled(idle)
        self.sign_in_button.setText(self.tr("Start again") if waiting else self.tr("Sign in"))
        self.sign_in_button.setEnabled(idle)
        self.sign_in_button.setDefault(not waiting)
        self.code_button.setDefault(waiting)
        if signed:
            self._update_card(idle)

    def _update_card(self, idle: bool) -> None:
        account = self._account
        assert account is not None
        status = self.two_factor
        how = self.tr(" (application token)") if account.session_kind == "app_token" else ""
        text = self.tr("Signed in as {user}{how}").format(user=account.user or "", how=how)
        workspace = account.current_workspace()
        if workspace is not None and workspace.name:
            text = self.tr("{signed_in} · {workspace}").format(
                signed_in=text, workspace=workspace.name
            )
        self.account_label.setText(text)
        self.sign_out_button.setEnabled(idle)
        vault_open = self.services.vault is not None
        texts = method_texts(self, status, vault_open)
        self.state_label.setText(texts.title)
        self.detail_label.setText(texts.detail)
        self.detail_label.setVisible(bool(texts.detail))
        self.action_button.setText(texts.action)
        self.action_button.setVisible(bool(texts.action))
        self.action_button.setEnabled(idle and texts.action_enabled)
        self.action_button.setAccessibleName(texts.action)
        self.secondary_button.setText(texts.secondary)
        self.secondary_button.setVisible(bool(texts.secondary))
        self.secondary_button.setEnabled(idle)
        enabling = status is not None and status.state == "off" and vault_open
        self.step_row.setVisible(enabling)
        self.step_password.setVisible(enabling and account.fresh_password() is None)
        self.step_password.setEnabled(idle)
        self.show_qr_check.setEnabled(idle)
        several = len(self.workspaces) > 1
        self.extra_form.setRowVisible(0, several)  # the workspace picker
        self.switch_button.setEnabled(idle and account.session_kind == "password")
        self.devices_combo.setEnabled(idle and bool(self.devices))
        self.forget_button.setEnabled(idle and bool(self.devices))

    # --- running work ----------------------------------------------------------------------

    def _message_for(self, exc: BaseException) -> str:
        if isinstance(exc, AppError):
            return str(exc)
        log.error("emnify pane: unexpected failure", exc_info=exc)
        return self.tr("Something went wrong. The log file has the details.")

    def _run(
        self,
        feedback: Feedback,
        label: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` in a worker; ``feedback`` (beside the action) shows progress, then the
        error if there is one. One call at a time."""
        if self._busy:
            return
        self._generation += 1
        generation = self._generation
        self._busy = True
        self._feedback = feedback
        feedback.busy(label)
        self._update()
        self.busy_changed.emit(True)

        def finish() -> bool:
            if not isValid(self) or generation != self._generation:
                return False
            self._busy = False
            self.busy_changed.emit(False)
            return True

        def done(result: Any) -> None:
            if not finish():
                return
            feedback.clear()
            try:
                if on_done is not None:
                    on_done(result)
            except Exception as exc:
                feedback.error(self._message_for(exc))
            self._update()

        def failed(exc: BaseException) -> None:
            if not finish():
                return
            feedback.error(self._message_for(exc))
            if isinstance(exc, SessionExpiredError | NotSignedInError):
                self._signed_out_ui()
                self.sign_in_feedback.error(self._message_for(exc))
            if on_error is not None:
                on_error(exc)
            self._update()

        run_in_thread(fn, *args, on_done=done, on_error=failed)

    # --- dialogs (tests override these) ----------------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_disable(self, text: str) -> tuple[bool, bool]:
        """(go ahead, also remove the key from this app)."""
        dialog = DisableDialog(text, self)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return ok, dialog.remove_check.isChecked()

    def show_key(self, entry: Entry) -> bool:
        """Show the new key (QR and text); True to go on and activate."""
        return KeyDialog(entry, self).exec() == QDialog.DialogCode.Accepted

    # --- account ---------------------------------------------------------------------------

    def _make_account(self) -> PortalAccount | None:
        try:
            url = normalize_base_url(self.url_edit.text().strip())
        except AppError as exc:
            self.sign_in_feedback.error(str(exc))
            return None
        if self._account is not None and self._account.url == url:
            self._account.vault = self.services.vault  # the vault may have been unlocked since
            return self._account
        if self._account is not None:
            self._account.close()
        self._account = PortalAccount(
            url,
            self.services.keystore,
            self.services.vault,
            transport=self._transport,
            timeout=self._timeout,
            clock=self._clock,
        )
        return self._account

    def _remember(self, user: str) -> None:
        try:
            self.services.settings.set("portal_user", user)
            if self.services.portal_url is None and self._account is not None:
                self.services.settings.set("portal_url", self._account.url)
        except AppError:
            log.warning("could not remember the portal settings")

    def resume(self) -> None:
        """Sign in again with the kept session, if any."""
        user = self.email_edit.text().strip()
        if self._busy or self.signed_in or not user:
            return
        account = self._make_account()
        if account is None or not account.keyring_available:
            self._update()
            return

        def after(ok: bool) -> None:
            if ok:
                self._after_sign_in(SignInOutcome(True, user=user))

        self._run(
            self.sign_in_feedback,
            self.tr("Restoring the session…"),
            account.resume,
            user,
            on_done=after,
        )

    def sign_in(self) -> None:
        if self._busy or self.signed_in:
            return
        if self.awaiting_code and self._account is not None:  # "Start again"
            self._account.cancel_sign_in()
            self.code_edit.clear()
            self.sign_in_feedback.clear()
            self._update()
            return
        account = self._make_account()
        if account is None:
            return
        if self.use_token_check.isChecked():
            token = self.token_edit.text().strip()
            if not token:
                self.sign_in_feedback.error(self.tr("Paste your emnify application token."))
                return
            self.token_edit.clear()
            self._run(
                self.sign_in_feedback,
                self.tr("Signing in…"),
                account.sign_in_with_token,
                token,
                on_done=self._after_sign_in,
            )
            return
        user = self.email_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self.sign_in_feedback.error(
                self.tr("Type the e-mail address and password of your emnify account.")
            )
            return
        self.password_edit.clear()
        trust = self.trust_check.isChecked() and self.trust_check.isEnabled()
        keep = self.keep_check.isChecked() and self.keep_check.isEnabled()

        def first_step() -> SignInOutcome:
            return account.sign_in(user, password, trust_device=trust, keep_signed_in=keep)

        self._run(
            self.sign_in_feedback,
            self.tr("Signing in…"),
            first_step,
            on_done=self._after_first_step,
        )

    def _after_first_step(self, outcome: SignInOutcome) -> None:
        if outcome.signed_in:
            self._after_sign_in(outcome)
            return
        if outcome.message.startswith("The code from this app"):
            text = self.tr(
                "The code from this app's vault was not accepted. Type the code the portal "
                "sent to {to} (or the one of your authenticator app)."
            ).format(to=outcome.code_sent_to)
        else:
            text = self.tr(
                "A code was sent to {to}. Type it here (or the code of your authenticator app)."
            ).format(to=outcome.code_sent_to)
        self._update()
        self.sign_in_feedback.info(text)
        self.code_edit.setFocus()

    def submit_code(self) -> None:
        account = self._account
        code = self.code_edit.text().strip()
        if account is None or self._busy or not self.awaiting_code:
            return
        if not code:
            self.sign_in_feedback.error(self.tr("Type the code first."))
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, InvalidCredentialsError) and not isinstance(exc, AccountLockedError):
                self.code_edit.selectAll()
                self.code_edit.setFocus()
            elif isinstance(exc, AccountLockedError):
                account.cancel_sign_in()

        self._run(
            self.sign_in_feedback,
            self.tr("Checking the code…"),
            account.complete_sign_in,
            code,
            on_done=self._after_sign_in,
            on_error=failed,
        )

    def _after_sign_in(self, outcome: SignInOutcome) -> None:
        self.code_edit.clear()
        self._remember(outcome.user)
        self.signed_in_changed.emit(True)
        self._update()
        note = ""
        if outcome.autofilled:
            note = self.tr("Signed in; the code came from this app's vault.")
        if outcome.message and self._account is not None and not self._account.keyring_available:
            note = self.tr("Signed in. Without an OS keyring you sign in again next time.")
        self.refresh(note)

    def sign_out(self) -> None:
        account = self._account
        if account is None or self._busy:
            return

        def after(_: Any) -> None:
            self._signed_out_ui()
            self.sign_in_feedback.info(self.tr("Signed out. Nothing of the session is kept."))

        self._run(self.action_feedback, self.tr("Signing out…"), account.sign_out, on_done=after)

    def _signed_out_ui(self) -> None:
        self.two_factor = None
        self.devices = []
        self.workspaces = []
        self.devices_combo.clear()
        self.workspace_combo.clear()
        self.action_feedback.clear()
        self.extra_feedback.clear()
        self.signed_in_changed.emit(False)
        self.two_factor_changed.emit("")
        self._update()

    # --- status ----------------------------------------------------------------------------

    def refresh(self, note: str = "") -> None:
        account = self._account
        if account is None or not account.signed_in:
            return
        if self.services.vault is None:
            self._update()
            return
        account.vault = self.services.vault

        def load() -> Loaded:
            status = account.status()
            devices = account.devices()
            try:
                spaces = account.workspaces()
            except AppError:
                spaces = []  # not every session may list them; the picker stays hidden
            return status, devices, spaces, account.current_workspace()

        def shown(result: Loaded) -> None:
            self._show_state(result)
            if note:
                self.action_feedback.info(note)

        self._run(self.action_feedback, self.tr("Loading the account…"), load, on_done=shown)

    def _show_state(self, result: Loaded) -> None:
        status, devices, spaces, current = result
        self.two_factor = status
        self.devices = devices
        self.devices_combo.clear()
        for d in devices:
            self.devices_combo.addItem(
                self.tr("{what}, trusted since {day}").format(
                    what=" / ".join(p for p in (d.operating_system, d.browser) if p)
                    or self.tr("device"),
                    day=d.activation_date[:10] or "?",
                ),
                d.id,
            )
        if not devices:
            self.devices_combo.addItem(self.tr("none"))
        self.workspaces = spaces
        self.workspace_combo.clear()
        for w in spaces:
            self.workspace_combo.addItem(w.name or self.tr("(unnamed)"), w.id)
            if current is not None and current.id == w.id:
                self.workspace_combo.setCurrentIndex(self.workspace_combo.count() - 1)
        self._update()
        self.two_factor_changed.emit(status.state)

    def shutdown(self) -> None:
        """Drop pending results and close the HTTP client (the dialog calls this on close)."""
        self._generation += 1
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._account is not None:
            self._account.close()
            self._account = None
