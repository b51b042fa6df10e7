"""The emnify pane's presenter: what the pane knows and what its actions do, without Qt.

The invariant: one portal operation at a time, and a result only lands when nothing replaced it
(a newer operation, :meth:`EmnifyPresenter.shutdown`). Every portal call goes through
:meth:`EmnifyPresenter._run`, which marks the pane busy, shows progress beside the action that
caused it (``Area``), hands the call to the injected ``run`` (a worker thread in the app, a
queue or a direct call in tests) and afterwards shows the result or the error as one sentence.

The view (:class:`PaneView`) gives the presenter what was typed and chosen, shows what the
presenter renders (:class:`PaneState`) and answers the questions (confirmations, the new key's
QR code). The presenter holds the account (:class:`PortalAccount`, shared with the CLI), its
2FA status, trusted devices and workspaces; its public methods are the pane's actions:
sign in / submit the code / resume / sign out / refresh, and the 2FA steps in
:mod:`desktop_app.ui.emnify.steps`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.errors import AppError
from desktop_app.i18n import translated
from desktop_app.portal.account import PortalAccount, SignInOutcome
from desktop_app.portal.client import TrustedDevice, Workspace, normalize_base_url
from desktop_app.portal.errors import (
    AccountLockedError,
    InvalidCredentialsError,
    NotSignedInError,
    SessionExpiredError,
)
from desktop_app.settings import PORTAL_URL, PORTAL_USER
from desktop_app.ui.emnify.ports import (
    Area,
    CardState,
    Field,
    Kind,
    PaneState,
    PaneView,
    Runner,
    SignInForm,
)
from desktop_app.ui.emnify.steps import TwoFactorSteps
from desktop_app.ui.emnify.texts import Translate, method_texts

if TYPE_CHECKING:
    import httpx

    from desktop_app.app import AppServices
    from desktop_app.portal.enrolment import TwoFactorStatus

log = logging.getLogger(__name__)
_HTTP_STATUS = re.compile(r" ?\(HTTP \d{3}\)")  # a status code tells a person nothing

Loaded = tuple["TwoFactorStatus", list[TrustedDevice], list[Workspace], Workspace | None]


def _untranslated(_context: str, text: str) -> str:
    return text


def _nothing(_value: Any) -> None:
    return None


class EmnifyPresenter:
    def __init__(
        self,
        view: PaneView,
        services: AppServices,
        run: Runner,
        *,
        translate: Translate = _untranslated,
        clock: Callable[[], float] | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float | None = None,
        on_busy: Callable[[bool], None] = _nothing,
        on_signed_in: Callable[[bool], None] = _nothing,
        on_two_factor: Callable[[str], None] = _nothing,
    ) -> None:
        self.view = view
        self.services = services
        self.translate = translate
        self._start = run
        self._clock = clock or time.time
        self._transport = transport
        self._timeout = timeout
        self._on_busy = on_busy
        self._on_signed_in = on_signed_in
        self.on_two_factor = on_two_factor
        self.account: PortalAccount | None = None
        self.busy = False
        self._generation = 0
        self.two_factor: TwoFactorStatus | None = None
        self.devices: list[TrustedDevice] = []
        self.workspaces: list[Workspace] = []
        self.not_admin = False  # the portal refused the workspace list (see CardState)
        self.steps = TwoFactorSteps(self)

    # --- state -----------------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self.account is not None and self.account.signed_in

    @property
    def awaiting_code(self) -> bool:
        return self.account is not None and self.account.awaiting_code

    def keyring_ok(self) -> bool:
        if self.account is not None:
            return self.account.keyring_available
        try:
            return bool(self.services.keystore.available())
        except Exception:
            return False

    def is_enforced(self) -> bool:
        """The signed-in user's organisation requires an authenticator app (learnt from the
        portal's first refusal, kept per account beyond sign-out: :meth:`PortalAccount.learn_refusal`)."""
        return self.account is not None and self.account.signed_in and self.account.enforced

    def set_status(self, status: TwoFactorStatus) -> None:
        self.two_factor = status
        self.on_two_factor(status.state)

    def state(self) -> PaneState:
        return PaneState(
            idle=not self.busy,
            waiting_for_code=self.awaiting_code,
            keyring=self.keyring_ok(),
            card=self._card() if self.signed_in else None,
        )

    def render(self) -> None:
        self.view.show_state(self.state())

    def _card(self) -> CardState:
        account = self.account
        assert account is not None
        how = (
            self.translate("EmnifyPane", " (application token)")
            if account.session_kind == "app_token"
            else ""
        )
        text = self.translate("EmnifyPane", "Signed in as {user}{how}").format(
            user=account.user or "", how=how
        )
        workspace = account.current_workspace()
        if workspace is not None and workspace.name:
            text = self.translate("EmnifyPane", "{signed_in} · {workspace}").format(
                signed_in=text, workspace=workspace.name
            )
        status = self.two_factor
        vault_open = self.services.vault is not None
        enabling = status is not None and status.state == "off" and vault_open
        return CardState(
            account=text,
            texts=method_texts(self.translate, status, vault_open, self.is_enforced()),
            enabling=enabling,
            needs_password=enabling and account.fresh_password() is None,
            several_workspaces=len(self.workspaces) > 1,
            can_switch=account.session_kind == "password",
            has_devices=bool(self.devices),
            admin_tools=not self.not_admin,
        )

    # --- running work ----------------------------------------------------------------------

    def message_for(self, exc: BaseException) -> str:
        if isinstance(exc, AppError):
            return _HTTP_STATUS.sub("", translated(exc, self.translate))
        log.error("emnify pane: unexpected failure", exc_info=exc)
        return self.translate("EmnifyPane", "Something went wrong. The log file has the details.")

    def run(
        self,
        area: Area,
        label: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn`` through the runner; ``area`` (beside the action) shows progress, then the
        error if there is one. One call at a time; a superseded result is dropped."""
        if self.busy:
            return
        self._generation += 1
        generation = self._generation
        self.busy = True
        self.view.feedback(area, "busy", label)
        self.render()
        self._on_busy(True)

        def finish() -> bool:
            if generation != self._generation:
                return False
            self.busy = False
            self._on_busy(False)
            return True

        def done(result: Any) -> None:
            if not finish():
                return
            self.view.feedback(area, "clear")
            try:
                if on_done is not None:
                    on_done(result)
            except Exception as exc:
                self.view.feedback(area, "error", self.message_for(exc))
            self.render()

        def failed(exc: BaseException) -> None:
            if not finish():
                return
            self.view.feedback(area, "error", self.message_for(exc))
            if isinstance(exc, SessionExpiredError | NotSignedInError):
                self._signed_out()
                self.view.feedback("sign_in", "error", self.message_for(exc))
            if on_error is not None:
                on_error(exc)
            self.render()

        self._start(fn, done, failed)

    def shutdown(self) -> None:
        """Drop pending results and close the HTTP client."""
        self._generation += 1
        if self.account is not None:
            self.account.close()
            self.account = None

    # --- account ---------------------------------------------------------------------------

    def make_account(self) -> PortalAccount | None:
        try:
            url = normalize_base_url(self.view.sign_in_form().url.strip())
        except AppError as exc:
            self.view.feedback("sign_in", "error", translated(exc, self.translate))
            self.view.show_address()
            return None
        if self.account is not None and self.account.url == url:
            self.account.vault = self.services.vault  # the vault may have been unlocked since
            return self.account
        if self.account is not None:
            self.account.close()
        self.account = PortalAccount(
            url,
            self.services.keystore,
            self.services.vault,
            transport=self._transport,
            timeout=self._timeout,
            clock=self._clock,
        )
        return self.account

    def _remember(self, user: str) -> None:
        """After a sign-in: the user and the portal address are what the next pane shows. With
        a portal address from the command line, the settings keep theirs and an address typed
        here replaces the command line's for the rest of this run only."""
        account = self.account
        self.services.portal_url_typed = None  # it worked: remembered below
        if account is not None and self.services.portal_url is not None:
            self.services.portal_url = account.url
            account = None
        try:
            self.services.settings.set(PORTAL_USER, user)
            if account is not None:
                self.services.settings.set(PORTAL_URL, account.url)
        except AppError:
            log.warning("could not remember the portal settings")

    def _keep_typed_address(self) -> None:
        """The address a sign-in is tried with, when it is not the one the app would use
        anyway: kept for this run so that a reopened Settings shows it (a failed sign-in must
        not make the person type it again)."""
        typed = self.view.sign_in_form().url.strip()
        try:
            usual = self.services.effective_portal_url()
        except AppError:
            usual = ""
        self.services.portal_url_typed = typed if typed and typed != usual else None

    def resume(self, user: str) -> None:
        """Sign in again with the kept session, if any."""
        user = user.strip()
        if self.busy or self.signed_in or not user:
            return
        account = self.make_account()
        if account is None or not account.keyring_available:
            self.render()
            return

        def after(ok: bool) -> None:
            if ok:
                self._after_sign_in(SignInOutcome(True, user=user))

        label = self.translate("EmnifyPane", "Restoring the session…")
        self.run("sign_in", label, lambda: account.resume(user), on_done=after)

    def sign_in(self) -> None:
        if self.busy or self.signed_in:
            return
        if self.awaiting_code and self.account is not None:  # "Start again"
            self.account.cancel_sign_in()
            self.view.clear_field("code")
            self.view.feedback("sign_in", "clear")
            self.render()
            return
        self._keep_typed_address()
        account = self.make_account()
        if account is None:
            return
        form = self.view.sign_in_form()
        if form.use_token:
            token = form.token.strip()
            if not token:
                self.view.feedback(
                    "sign_in",
                    "error",
                    self.translate("EmnifyPane", "Paste your emnify application token."),
                )
                return
            self.view.clear_field("token")
            self.run(
                "sign_in",
                self.translate("EmnifyPane", "Signing in…"),
                lambda: account.sign_in_with_token(token),
                on_done=self._after_sign_in,
            )
            return
        user, password = form.user.strip(), form.password
        if not user or not password:
            text = self.translate(
                "EmnifyPane", "Type the e-mail address and password of your emnify account."
            )
            self.view.feedback("sign_in", "error", text)
            return
        self.view.clear_field("password")

        def first_step() -> SignInOutcome:
            return account.sign_in(
                user, password, trust_device=form.trust, keep_signed_in=form.keep
            )

        label = self.translate("EmnifyPane", "Signing in…")
        self.run("sign_in", label, first_step, on_done=self._after_first_step)

    def _after_first_step(self, outcome: SignInOutcome) -> None:
        if outcome.signed_in:
            self._after_sign_in(outcome)
            return
        if outcome.message.startswith("The code from this app"):
            text = self.translate(
                "EmnifyPane",
                "The code from this app's vault was not accepted. Type the code the portal "
                "sent to {to} (or the one of your authenticator app).",
            ).format(to=outcome.code_sent_to)
        else:
            text = self.translate(
                "EmnifyPane",
                "A code was sent to {to}. Type it here (or the code of your authenticator app).",
            ).format(to=outcome.code_sent_to)
        self.render()
        self.view.feedback("sign_in", "info", text)
        self.view.focus_field("code")

    def submit_code(self) -> None:
        account = self.account
        code = self.view.code().strip()
        if account is None or self.busy or not self.awaiting_code:
            return
        if not code:
            self.view.feedback(
                "sign_in", "error", self.translate("EmnifyPane", "Type the code first.")
            )
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, AccountLockedError):
                account.cancel_sign_in()
            elif isinstance(exc, InvalidCredentialsError):
                self.view.focus_field("code", select=True)

        self.run(
            "sign_in",
            self.translate("EmnifyPane", "Checking the code…"),
            lambda: account.complete_sign_in(code),
            on_done=self._after_sign_in,
            on_error=failed,
        )

    def _after_sign_in(self, outcome: SignInOutcome) -> None:
        self.view.clear_field("code")
        self._remember(outcome.user)
        self._on_signed_in(True)
        self.render()
        note = ""
        if outcome.autofilled:
            note = self.translate("EmnifyPane", "Signed in; the code came from this app's vault.")
        if outcome.message and self.account is not None and not self.account.keyring_available:
            note = self.translate(
                "EmnifyPane", "Signed in. Without an OS keyring you sign in again next time."
            )
        self.refresh(note)

    def use_application_token(self, token: str) -> None:
        """Sign the pane in with a token just created in the tokens dialog, through the same
        path as the token sign-in (kept in memory only, not after the app closes)."""
        account = self.account
        token = token.strip()
        if account is None or self.busy or not token:
            return

        def after(outcome: SignInOutcome) -> None:
            self._remember(outcome.user)
            self._on_signed_in(True)
            self.render()
            self.refresh(
                self.translate(
                    "EmnifyPane",
                    "Signed in with the new application token. It is kept in memory only: "
                    "after the app closes, sign in again.",
                )
            )

        self.run(
            "action",
            self.translate("EmnifyPane", "Signing in with the new token…"),
            lambda: account.sign_in_with_token(token),
            on_done=after,
        )

    def sign_out(self) -> None:
        account = self.account
        if account is None or self.busy:
            return

        def after(_: Any) -> None:
            self._signed_out()
            self.view.feedback(
                "sign_in",
                "info",
                self.translate("EmnifyPane", "Signed out. Nothing of the session is kept."),
            )

        label = self.translate("EmnifyPane", "Signing out…")
        self.run("action", label, account.sign_out, on_done=after)

    def _signed_out(self) -> None:
        self.two_factor = None
        self.devices = []
        self.workspaces = []
        self.not_admin = False
        self.view.show_lists([], [], None)
        self.view.feedback("action", "clear")
        self.view.feedback("extra", "clear")
        self._on_signed_in(False)
        self.on_two_factor("")
        self.render()

    # --- status ----------------------------------------------------------------------------

    def refresh(self, note: str = "") -> None:
        account = self.account
        if account is None or not account.signed_in:
            return
        if self.services.vault is None:
            self.render()
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
                self.view.feedback("action", "info", note)

        label = self.translate("EmnifyPane", "Loading the account…")
        self.run("action", label, load, on_done=shown)

    def _show_state(self, result: Loaded) -> None:
        status, devices, spaces, current = result
        self.two_factor = status
        self.devices = devices
        self.workspaces = spaces
        self.not_admin = self.account is not None and self.account.workspaces_limited
        self.view.show_lists(
            [(d.id, self.device_label(d)) for d in devices]
            or [(None, self.translate("EmnifyPane", "none"))],
            [(w.id, w.name or self.translate("EmnifyPane", "(unnamed)")) for w in spaces],
            current.id if current is not None else None,
        )
        self.render()
        self.on_two_factor(status.state)

    def device_label(self, device: TrustedDevice) -> str:
        what = " / ".join(p for p in (device.operating_system, device.browser) if p)
        return self.translate("EmnifyPane", "{what}, trusted since {day}").format(
            what=what or self.translate("EmnifyPane", "device"),
            day=device.activation_date[:10] or "?",
        )

    # --- the card's actions (the 2FA steps, workspaces and devices) ------------------------

    def primary(self) -> None:
        self.steps.primary()

    def secondary(self) -> None:
        self.steps.secondary()

    def enable(self) -> None:
        self.steps.enable()

    def disable(self) -> None:
        self.steps.disable()

    def switch_workspace(self) -> None:
        ident = self.view.chosen_workspace()
        account = self.account
        if account is None or ident is None or self.busy:
            return
        self.run(
            "extra",
            self.translate("EmnifyPane", "Switching the workspace…"),
            lambda: account.switch_workspace(ident),
            on_done=lambda _r: self.refresh(self.translate("EmnifyPane", "Workspace switched.")),
        )

    def forget_device(self) -> None:
        chosen = self.view.chosen_device()
        account = self.account
        if account is None or chosen is None or self.busy:
            return
        ident, name = chosen
        if not self.view.confirm(
            self.translate("EmnifyPane", "Forget device"),
            self.translate("EmnifyPane", "Forget the trusted device “{name}”?").format(name=name),
        ):
            return
        self.run(
            "extra",
            self.translate("EmnifyPane", "Forgetting the device…"),
            lambda: account.forget_device(ident),
            on_done=lambda _r: self.refresh(
                self.translate("EmnifyPane", "The device was forgotten.")
            ),
        )


__all__ = [
    "Area",
    "CardState",
    "EmnifyPresenter",
    "Field",
    "Kind",
    "PaneState",
    "PaneView",
    "Runner",
    "SignInForm",
]
