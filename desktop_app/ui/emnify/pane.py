"""The "emnify account" settings pane: the view (:mod:`.view`) wired to its presenter
(:mod:`.presenter`, no Qt) — intents to actions, portal calls to worker threads, the
presenter's events to Qt signals, and the demo portal's inbox.

Signals: ``busy_changed(bool)``, ``signed_in_changed(bool)``, ``two_factor_changed(str)`` (the
TOTP state "on" | "off" | "pending" | "").
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from shiboken6 import isValid

from desktop_app.app import AppServices
from desktop_app.portal.account import PortalAccount
from desktop_app.portal.enrolment import TwoFactorStatus
from desktop_app.settings import PORTAL_USER
from desktop_app.ui.emnify.events_dialog import EventsDialog
from desktop_app.ui.emnify.presenter import EmnifyPresenter
from desktop_app.ui.emnify.recovery_dialog import RecoveryDialog
from desktop_app.ui.emnify.runner import job_runner
from desktop_app.ui.emnify.tokens_dialog import TokensDialog
from desktop_app.ui.emnify.view import EmnifyView
from desktop_app.ui.emnify.widgets import InboxBridge
from desktop_app.ui.workers import Job

if TYPE_CHECKING:
    import httpx
    from PySide6.QtWidgets import QWidget

    from desktop_app.portal.admin import AdminTools

log = logging.getLogger(__name__)


class EmnifyPane(EmnifyView):
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
        super().__init__(parent, url=_initial_url(services), user=_initial_user(services))
        self.services = services
        self._unsubscribe: Callable[[], None] | None = None
        self._job = Job(self)
        self.presenter = EmnifyPresenter(
            self,
            services,
            job_runner(self._job),
            translate=QCoreApplication.translate,
            clock=clock,
            transport=transport,
            timeout=timeout,
            on_busy=self.busy_changed.emit,
            on_signed_in=self.signed_in_changed.emit,
            on_two_factor=self.two_factor_changed.emit,
        )
        p = self.presenter
        self.sign_in_requested.connect(p.sign_in)
        self.code_submitted.connect(p.submit_code)
        self.sign_out_requested.connect(p.sign_out)
        self.primary_requested.connect(p.primary)
        self.secondary_requested.connect(p.secondary)
        self.enable_requested.connect(p.enable)
        self.switch_requested.connect(p.switch_workspace)
        self.forget_requested.connect(p.forget_device)
        self.tokens_requested.connect(self.open_tokens)
        self.tokens_dialog: TokensDialog | None = None
        self.events_requested.connect(self.open_events)
        self.events_dialog: EventsDialog | None = None
        self.recovery_requested.connect(self.open_recovery)
        self.recovery_dialog: RecoveryDialog | None = None
        self._init_demo()
        p.render()
        if auto_resume and self.email_edit.text().strip():
            p.resume(self.email_edit.text())

    def _admin_tools(self) -> Callable[[], AdminTools] | None:
        """What gives the signed-in account's admin tools (None, and no dialog opens, when
        signed out)."""
        account = self.presenter.account
        return account.admin if account is not None and self.presenter.signed_in else None

    def open_tokens(self) -> None:
        """The application-tokens dialog (window-modal; the list loads when it opens)."""
        admin = self._admin_tools()
        if admin is not None:
            use_token = self.presenter.use_application_token
            self.tokens_dialog = TokensDialog(admin, self, use_token=use_token)
            self.tokens_dialog.open()
            self.tokens_dialog.presenter.load()

    def open_events(self) -> None:
        """The security-events dialog (window-modal; the first page loads when it opens)."""
        admin = self._admin_tools()
        if admin is not None:
            self.events_dialog = EventsDialog(admin, self)
            self.events_dialog.open()
            self.events_dialog.presenter.load()

    def open_recovery(self) -> None:
        """The lost-phone recovery dialog (window-modal)."""
        admin = self._admin_tools()
        if admin is not None:
            self.recovery_dialog = RecoveryDialog(admin, self)
            self.recovery_dialog.open()

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
        self._bridge.received.connect(self._show_mail)
        self._unsubscribe = subscribe(self._bridge.deliver)

    def _show_mail(self, to: str, code: str) -> None:
        if isValid(self):
            text = self.tr("Demo inbox: the portal e-mailed the code {code} to {to}.")
            self.show_inbox(text.format(code=code, to=to))

    # --- what the settings dialog and tests read -------------------------------------------

    @property
    def busy(self) -> bool:
        return self.presenter.busy

    @property
    def signed_in(self) -> bool:
        return self.presenter.signed_in

    @property
    def account(self) -> PortalAccount | None:
        return self.presenter.account

    @property
    def awaiting_code(self) -> bool:
        return self.presenter.awaiting_code

    @property
    def two_factor(self) -> TwoFactorStatus | None:
        return self.presenter.two_factor

    def shutdown(self) -> None:
        """Drop pending results and close the HTTP client (the dialog calls this on close)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._job.cancel()
        self.presenter.shutdown()


def _initial_url(services: AppServices) -> str:
    if services.portal_url_typed:  # typed here earlier in this run, not signed in with yet
        return services.portal_url_typed
    try:
        return str(services.effective_portal_url())
    except Exception:
        return ""


def _initial_user(services: AppServices) -> str:
    return str(services.settings.value(PORTAL_USER) or "")
