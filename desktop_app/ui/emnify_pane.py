"""The "emnify account" settings pane: sign in, two-factor authentication on/off, trusted devices.

Every portal call runs in a worker thread (:func:`desktop_app.ui.workers.run_in_thread`); while one
runs the pane shows a busy bar and its buttons are disabled. Errors show the portal's message and
leave the pane usable. The logic lives in :class:`desktop_app.portal.account.PortalAccount` (the
CLI uses the same); this module only asks, shows and starts.

Dialogs go through overridable methods (``ask_password``, ``ask_code``, ``ask_token``,
``confirm``, ``show_key``) so tests can answer them. Signals for observers and tests:
``busy_changed(bool)``, ``status_changed(str)``, ``error_shown(str)``,
``signed_in_changed(bool)``, ``two_factor_changed(str)`` ("on" | "off" | "pending" | "").
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.errors import AppError
from desktop_app.otp.model import Entry
from desktop_app.portal.account import PortalAccount, SignInOutcome
from desktop_app.portal.client import TrustedDevice, normalize_base_url
from desktop_app.portal.enrolment import TwoFactorStatus
from desktop_app.portal.errors import (
    AccountLockedError,
    InvalidCredentialsError,
    NotSignedInError,
    SessionExpiredError,
)
from desktop_app.ui.workers import run_in_thread

log = logging.getLogger(__name__)


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    """A QR code of ``text`` rendered by segno (PNG bytes) as a pixmap."""
    import io

    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


def grouped_secret(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class KeyDialog(QDialog):
    """Shows the new key as a QR code and as text, before it is activated."""

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop_app.otp.uri import build_uri

        self.setWindowTitle("Add the key to a phone as well")
        lay = QVBoxLayout(self)
        intro = QLabel(
            "The key is stored in this app's vault. To have it on a phone as well, scan this "
            "code with the phone's authenticator app now — the portal will not show it again.",
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.qr_label = QLabel(self)
        self.qr_label.setObjectName("emnify_qr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setPixmap(qr_pixmap(build_uri(entry)))
        self.qr_label.setAccessibleName("QR code of the new key")
        lay.addWidget(self.qr_label)
        self.secret_edit = QLineEdit(grouped_secret(entry.secret), self)
        self.secret_edit.setReadOnly(True)
        self.secret_edit.setAccessibleName("Secret key")
        self.secret_edit.setMinimumWidth(
            self.secret_edit.fontMetrics().horizontalAdvance(self.secret_edit.text()) + 24
        )
        form = QFormLayout()
        form.addRow("Secret key:", self.secret_edit)
        lay.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.activate_button = buttons.addButton(
            "Activate now", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


class EmnifyPane(QWidget):
    busy_changed = Signal(bool)
    status_changed = Signal(str)
    error_shown = Signal(str)
    signed_in_changed = Signal(bool)
    two_factor_changed = Signal(str)

    def __init__(
        self,
        services: Any,
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
        self.two_factor: TwoFactorStatus | None = None
        self.devices: list[TrustedDevice] = []
        self._pending_uuid: str | None = None
        self._build()
        demo = getattr(services, "demo_info", None)
        if demo is not None and not self.email_edit.text():
            self.email_edit.setText(str(getattr(demo, "user", "")))
            self.hint_label.setText(
                f"Demo portal: e-mail {getattr(demo, 'user', '')}, password "
                f"{getattr(demo, 'password', '')}"
            )
            self.hint_label.show()
        self._update_controls()
        if auto_resume and self.email_edit.text().strip():
            self.resume()

    # --- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("emnify_hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.hide()
        outer.addWidget(self.hint_label)

        signin = QGroupBox("Portal account", self)
        form = QFormLayout(signin)
        self.url_edit = QLineEdit(self._initial_url(), signin)
        self.url_edit.setObjectName("emnify_url")
        self.url_edit.setPlaceholderText("https://cdn.emnify.net")
        form.addRow("Portal address:", self.url_edit)
        self.email_edit = QLineEdit(str(self.services.settings.get("portal_user") or ""), signin)
        self.email_edit.setObjectName("emnify_email")
        self.email_edit.setPlaceholderText("you@example.com")
        form.addRow("E-mail address:", self.email_edit)
        self.password_edit = QLineEdit(signin)
        self.password_edit.setObjectName("emnify_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.sign_in)
        form.addRow("Password:", self.password_edit)
        self.trust_check = QCheckBox("Trust this device (no code needed here for 90 days)", signin)
        form.addRow("", self.trust_check)
        row = QHBoxLayout()
        self.sign_in_button = QPushButton("Sign in", signin)
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.token_button = QPushButton("Use an application token…", signin)
        self.token_button.clicked.connect(self.sign_in_with_token)
        self.sign_out_button = QPushButton("Sign out", signin)
        self.sign_out_button.clicked.connect(self.sign_out)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.token_button)
        row.addStretch(1)
        row.addWidget(self.sign_out_button)
        form.addRow(row)
        self.account_label = QLabel("Not signed in.", signin)
        self.account_label.setObjectName("emnify_account_label")
        self.account_label.setWordWrap(True)
        form.addRow(self.account_label)
        outer.addWidget(signin)

        tfa = QGroupBox("Two-factor authentication", self)
        tlay = QVBoxLayout(tfa)
        self.state_label = QLabel("Sign in to see the status.", tfa)
        self.state_label.setObjectName("emnify_state")
        self.state_label.setWordWrap(True)
        tlay.addWidget(self.state_label)
        self.show_key_check = QCheckBox(
            "Show the key (QR code) before activating, to add it to a phone too", tfa
        )
        tlay.addWidget(self.show_key_check)
        row2 = QHBoxLayout()
        self.enable_button = QPushButton("Enable…", tfa)
        self.enable_button.clicked.connect(self.enable)
        self.finish_button = QPushButton("Finish activation", tfa)
        self.finish_button.clicked.connect(self.finish_activation)
        self.cancel_button = QPushButton("Cancel activation", tfa)
        self.cancel_button.clicked.connect(self.cancel_activation)
        self.disable_button = QPushButton("Disable…", tfa)
        self.disable_button.clicked.connect(self.disable)
        self.remove_local_button = QPushButton("Remove old key from vault…", tfa)
        self.remove_local_button.clicked.connect(self.remove_local)
        self.refresh_button = QPushButton("Refresh", tfa)
        self.refresh_button.clicked.connect(self.refresh)
        for b in (
            self.enable_button,
            self.finish_button,
            self.cancel_button,
            self.disable_button,
            self.remove_local_button,
        ):
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addWidget(self.refresh_button)
        tlay.addLayout(row2)
        outer.addWidget(tfa)

        dev = QGroupBox("Trusted devices", self)
        dlay = QVBoxLayout(dev)
        self.devices_list = QListWidget(dev)
        self.devices_list.setObjectName("emnify_devices")
        self.devices_list.setMaximumHeight(110)
        self.devices_list.itemSelectionChanged.connect(self._update_controls)
        dlay.addWidget(self.devices_list)
        row3 = QHBoxLayout()
        self.forget_button = QPushButton("Forget selected device", dev)
        self.forget_button.clicked.connect(self.forget_device)
        row3.addStretch(1)
        row3.addWidget(self.forget_button)
        dlay.addLayout(row3)
        outer.addWidget(dev)

        busy_row = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.busy_label = QLabel("", self)
        self.busy_label.setObjectName("emnify_busy")
        busy_row.addWidget(self.busy_bar)
        busy_row.addWidget(self.busy_label, 1)
        outer.addLayout(busy_row)
        self.status_label = QLabel("", self)
        self.status_label.setObjectName("emnify_status")
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("emnify_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.error_label)
        outer.addStretch(1)

        self._buttons = [
            self.sign_in_button,
            self.token_button,
            self.sign_out_button,
            self.enable_button,
            self.finish_button,
            self.cancel_button,
            self.disable_button,
            self.remove_local_button,
            self.refresh_button,
            self.forget_button,
        ]

    def _initial_url(self) -> str:
        try:
            return str(self.services.effective_portal_url())
        except Exception:
            return ""

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

    def _set_busy(self, busy: bool, label: str = "") -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(label if busy else "")
        self._update_controls()
        self.busy_changed.emit(busy)

    def _update_controls(self) -> None:
        idle = not self._busy
        signed = self.signed_in
        state = self.two_factor.state if self.two_factor else ""
        vault_open = getattr(self.services, "vault", None) is not None
        self.url_edit.setEnabled(idle and not signed)
        self.email_edit.setEnabled(idle and not signed)
        self.password_edit.setEnabled(idle and not signed)
        self.trust_check.setEnabled(idle and not signed)
        self.sign_in_button.setEnabled(idle and not signed)
        self.token_button.setEnabled(idle and not signed)
        self.sign_out_button.setEnabled(idle and signed)
        self.refresh_button.setEnabled(idle and signed)
        self.enable_button.setEnabled(idle and signed and vault_open and state == "off")
        self.disable_button.setEnabled(idle and signed and state == "on")
        has_pending = self._pending_uuid is not None
        self.finish_button.setEnabled(idle and signed and has_pending)
        self.cancel_button.setEnabled(idle and signed and has_pending)
        self.finish_button.setVisible(has_pending)
        self.cancel_button.setVisible(has_pending)
        inactive = bool(self.two_factor and self.two_factor.inactive_entries)
        self.remove_local_button.setVisible(inactive)
        self.remove_local_button.setEnabled(idle and inactive)
        self.forget_button.setEnabled(idle and signed and bool(self.devices_list.selectedItems()))
        self.show_key_check.setEnabled(idle and signed and state == "off")

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_changed.emit(text)

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            message = str(exc)
        else:
            log.error("emnify pane: unexpected %s", type(exc).__name__, exc_info=exc)
            message = f"Something went wrong ({type(exc).__name__}). The log file has details."
        if isinstance(exc, SessionExpiredError | NotSignedInError):
            self._signed_out_ui()
        self.error_label.setText(message)
        self.error_shown.emit(message)
        self._update_controls()

    def _clear_error(self) -> None:
        self.error_label.setText("")

    def _run(
        self,
        label: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        clear_error: bool = True,
    ) -> None:
        """Run ``fn`` in a worker; busy until it ends; its result or error back on the GUI.
        One call at a time: while one runs, another request is ignored."""
        if self._busy:
            log.info("emnify pane: busy, ignoring %s", label)
            return
        self._generation += 1
        generation = self._generation
        if clear_error:
            self._clear_error()
        self._set_busy(True, label)

        def done(result: Any) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self._set_busy(False)
            if on_done is not None:
                try:
                    on_done(result)
                except Exception as exc:
                    self._show_error(exc)

        def failed(exc: BaseException) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self._set_busy(False)
            self._show_error(exc)
            if on_error is not None:
                on_error(exc)

        run_in_thread(fn, *args, on_done=done, on_error=failed)

    # --- dialogs (tests override these) ----------------------------------------------------

    def ask_password(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def ask_code(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, "Two-factor code", prompt)
        return text.strip() if ok and text.strip() else None

    def ask_token(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            "Application token",
            "emnify application token (kept in memory only, not after the app closes):",
            QLineEdit.EchoMode.Password,
        )
        return text.strip() if ok and text.strip() else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_key(self, entry: Entry) -> bool:
        """Show the new key (QR and text); True to go on and activate."""
        return KeyDialog(entry, self).exec() == QDialog.DialogCode.Accepted

    # --- account ---------------------------------------------------------------------------

    def _make_account(self) -> PortalAccount | None:
        url = self.url_edit.text().strip()
        try:
            normalized = normalize_base_url(url)
        except AppError as exc:
            self._show_error(exc)
            return None
        if self._account is not None and self._account.url == normalized:
            self._account.vault = self.services.vault  # the vault may have been unlocked since
            return self._account
        if self._account is not None:
            self._account.close()
        self._account = PortalAccount(
            normalized,
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
            if getattr(self.services, "portal_url", None) is None and self._account is not None:
                self.services.settings.set("portal_url", self._account.url)
        except AppError:
            log.warning("could not remember the portal settings")

    def resume(self) -> None:
        """Sign in again with the kept session, if any."""
        user = self.email_edit.text().strip()
        if self._busy or self.signed_in or not user:
            return
        account = self._make_account()
        if account is None:
            return

        def after(ok: bool) -> None:
            if ok:
                self._after_sign_in(SignInOutcome(True, user=user))
            else:
                self._update_controls()

        self._run("Restoring the session…", account.resume, user, on_done=after)

    def sign_in(self) -> None:
        if self._busy or self.signed_in:
            return
        user = self.email_edit.text().strip()
        if not user:
            self._show_error(AppError("Type the e-mail address of your emnify account."))
            return
        password = self.password_edit.text() or self.ask_password(
            "Sign in to emnify", f"Password of {user}:"
        )
        if not password:
            return
        self.password_edit.clear()
        account = self._make_account()
        if account is None:
            return
        self._run(
            "Signing in…",
            functools.partial(account.sign_in, trust_device=self.trust_check.isChecked()),
            user,
            password,
            on_done=self._after_first_step,
        )

    def _after_first_step(self, outcome: SignInOutcome) -> None:
        if outcome.signed_in:
            self._after_sign_in(outcome)
            return
        if outcome.message:
            self._set_status(outcome.message)
        self._ask_code_and_complete()

    def _ask_code_and_complete(self, problem: str = "") -> None:
        prompt = "Code from your authenticator app for the emnify portal:"
        if problem:
            prompt = f"{problem}\n\n{prompt}"
        code = self.ask_code(prompt)
        if not code:
            self._set_status("Sign-in cancelled.")
            return
        account = self._account
        assert account is not None

        def failed(exc: BaseException) -> None:
            if isinstance(exc, InvalidCredentialsError) and not isinstance(exc, AccountLockedError):
                self._ask_code_and_complete(str(exc))

        self._run(
            "Checking the code…",
            account.complete_sign_in,
            code,
            self.trust_check.isChecked(),
            on_done=self._after_sign_in,
            on_error=failed,
            clear_error=not problem,
        )

    def sign_in_with_token(self) -> None:
        if self._busy or self.signed_in:
            return
        token = self.ask_token()
        if not token:
            return
        account = self._make_account()
        if account is None:
            return
        self._run("Signing in…", account.sign_in_with_token, token, on_done=self._after_sign_in)

    def _after_sign_in(self, outcome: SignInOutcome) -> None:
        self._remember(outcome.user)
        how = " — code filled in from this app's vault" if outcome.autofilled else ""
        self.account_label.setText(f"Signed in as {outcome.user}{how}.")
        self._set_status(f"Signed in as {outcome.user}. {outcome.message}".strip())
        self.signed_in_changed.emit(True)
        self.refresh()

    def sign_out(self) -> None:
        account = self._account
        if account is None or self._busy:
            return

        def after(_: Any) -> None:
            self._signed_out_ui()
            self._set_status("Signed out. The session was removed from the keyring.")

        self._run("Signing out…", account.sign_out, on_done=after)

    def _signed_out_ui(self) -> None:
        self.two_factor = None
        self.devices = []
        self._pending_uuid = None
        self.devices_list.clear()
        self.account_label.setText("Not signed in.")
        self.state_label.setText("Sign in to see the status.")
        self.signed_in_changed.emit(False)
        self.two_factor_changed.emit("")
        self._update_controls()

    # --- status ----------------------------------------------------------------------------

    def refresh(self) -> None:
        account = self._account
        if account is None or not account.signed_in:
            return

        def load() -> tuple[TwoFactorStatus, list[TrustedDevice]]:
            status = account.enrolment().status()
            return status, account.devices()

        self._run("Loading the account status…", load, on_done=self._show_state)

    def _show_state(self, result: tuple[TwoFactorStatus, list[TrustedDevice]]) -> None:
        status, devices = result
        self.two_factor = status
        self._pending_uuid = (
            status.local.uuid if status.state == "pending" and status.local else None
        )
        text = status.text()
        if status.inactive_entries:
            n = len(status.inactive_entries)
            text += (
                f" {n} old emnify key{'s' if n > 1 else ''} in this app's vault "
                f"{'are' if n > 1 else 'is'} no longer active on the portal."
            )
        self.state_label.setText(text)
        self.devices = devices
        self.devices_list.clear()
        for d in devices:
            item = QListWidgetItem(d.label)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.devices_list.addItem(item)
        if not devices:
            item = QListWidgetItem("No trusted devices.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.devices_list.addItem(item)
        self._update_controls()
        self.two_factor_changed.emit(status.state)

    def _set_local_pending(self, entry_uuid: str) -> None:
        """After a failure past key creation: the entry is pending in the vault."""
        account = self._account
        if account is None:
            return
        try:
            entry = self.services.vault.get(entry_uuid)
        except AppError:
            return
        self._pending_uuid = entry_uuid
        self.two_factor = TwoFactorStatus(
            "pending",
            int(entry.meta.get("emnify.key_id", "0") or 0),
            entry.meta.get("emnify.created", ""),
            entry,
        )
        self.state_label.setText(self.two_factor.text())
        self._update_controls()
        self.two_factor_changed.emit("pending")

    # --- enabling / disabling --------------------------------------------------------------

    def enable(self) -> None:
        account = self._account
        if account is None or self._busy:
            return
        account.vault = self.services.vault
        password = self.ask_password(
            "Enable two-factor authentication",
            "Your emnify password (needed by the portal to create the key):",
        )
        if not password:
            return
        enrolment = account.enrolment()

        def created(entry: Entry) -> None:
            self._set_local_pending(entry.uuid)
            if self.show_key_check.isChecked() and not self.show_key(entry):
                self._set_status("Activation postponed: finish or cancel it.")
                return
            self._activate(entry.uuid)

        self._run(
            "Creating the key and storing it in the vault…",
            enrolment.create_key,
            password,
            on_done=created,
            on_error=lambda _exc: self._check_pending(),
        )

    def _check_pending(self) -> None:
        account = self._account
        if account is None or account.user is None:
            return
        pending = account.enrolment().pending_entry()
        if pending is not None:
            self._set_local_pending(pending.uuid)

    def _activate(self, entry_uuid: str) -> None:
        account = self._account
        if account is None:
            return

        def activated(_entry: Entry) -> None:
            self._pending_uuid = None
            self._set_status("Two-factor authentication is on.")
            self.refresh()

        self._run(
            "Activating the key…",
            account.enrolment().activate,
            entry_uuid,
            on_done=activated,
            on_error=lambda _exc: self._set_local_pending(entry_uuid),
        )

    def finish_activation(self) -> None:
        if self._pending_uuid is not None and not self._busy:
            self._activate(self._pending_uuid)

    def cancel_activation(self) -> None:
        account = self._account
        uuid = self._pending_uuid
        if account is None or uuid is None or self._busy:
            return
        if not self.confirm(
            "Cancel activation",
            "Cancel turning on two-factor authentication? The pending key is deleted on the "
            "portal and removed from this app's vault.",
        ):
            return

        def cancelled(_: Any) -> None:
            self._pending_uuid = None
            self._set_status("The activation was cancelled.")
            self.refresh()

        self._run(
            "Cancelling the activation…",
            account.enrolment().cancel_pending,
            uuid,
            on_done=cancelled,
        )

    def disable(self) -> None:
        account = self._account
        if account is None or self._busy:
            return
        if not self.confirm(
            "Disable two-factor authentication",
            "Turn off two-factor authentication for your emnify account? The key is deleted on "
            "the portal; this app keeps its copy, marked no longer active.",
        ):
            return

        def disabled(marked: list[Entry]) -> None:
            self._set_status("Two-factor authentication is off.")
            if marked and self.confirm(
                "Remove the old key?",
                "The key is no longer active on the portal. Remove it from this app's vault too?",
            ):
                self._remove_entries([e.uuid for e in marked])
                return
            self.refresh()

        self._run(
            "Turning off two-factor authentication…",
            account.enrolment().disable,
            on_done=disabled,
        )

    def remove_local(self) -> None:
        if self.two_factor is None or not self.two_factor.inactive_entries or self._busy:
            return
        entries = self.two_factor.inactive_entries
        if not self.confirm(
            "Remove the old key?",
            "Remove the emnify key that is no longer active on the portal from this app's vault?",
        ):
            return
        self._remove_entries([e.uuid for e in entries])

    def _remove_entries(self, uuids: list[str]) -> None:
        vault = self.services.vault

        def after(_: Any) -> None:
            self._set_status("The old key was removed from the vault.")
            self.refresh()

        self._run("Removing the old key…", vault.remove_many, uuids, on_done=after)

    # --- trusted devices -------------------------------------------------------------------

    def forget_device(self) -> None:
        account = self._account
        items = self.devices_list.selectedItems()
        if account is None or not items or self._busy:
            return
        device_id = items[0].data(Qt.ItemDataRole.UserRole)
        if device_id is None:
            return
        if not self.confirm("Forget device", f"Forget the trusted device “{items[0].text()}”?"):
            return

        def after(_: Any) -> None:
            self._set_status("The device was forgotten.")
            self.refresh()

        self._run("Forgetting the device…", account.forget_device, int(device_id), on_done=after)

    def shutdown(self) -> None:
        """Drop pending results and close the HTTP client (the dialog calls this on close)."""
        self._generation += 1
        if self._account is not None:
            self._account.close()
            self._account = None
