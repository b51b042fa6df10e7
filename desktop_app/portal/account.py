"""One emnify account as the app sees it: sign-in (with the code filled in from the vault only
when it can be right), session resume from the keyring, sign-out, workspaces, 2FA enrolment and
trusted devices. No Qt.

The settings pane and the ``portal`` CLI both go through :class:`PortalAccount`, so they follow
the same rules. Every method blocks on the network: the GUI calls them in a worker thread. Each
one is one portal operation under one deadline (30 s in all).

Sign-in's second step: real paid accounts always ask for a code (e-mail codes are on and cannot
be turned off), so the code is filled in from the vault **only** when the vault holds this user's
key and last saw it active on the portal; otherwise the caller asks for the code that was sent
by e-mail (or the one of an authenticator app set up elsewhere).

Without an OS keyring (a password-mode vault on a system without Secret Service) everything works
but "keep me signed in" and "trust this device": :attr:`PortalAccount.keyring_available` says so.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from desktop_app.errors import KeyringUnavailableError, VaultError
from desktop_app.i18n import N_
from desktop_app.portal.admin import AdminTools
from desktop_app.portal.client import (
    LoginResult,
    PortalClient,
    TrustedDevice,
    Workspace,
    normalize_base_url,
)
from desktop_app.portal.enrolment import (
    EnrolmentService,
    TwoFactorStatus,
    VaultSource,
    active_key_entry,
    code_for,
    vault_session,
)
from desktop_app.portal.errors import (
    AccountLockedError,
    ForbiddenError,
    InvalidCredentialsError,
    NotFoundError,
    NotSignedInError,
    PortalError,
    SessionExpiredError,
    WrongCodeError,
    is_enforced_refusal,
)
from desktop_app.portal.known import KeyringProbe, KnownFacts
from desktop_app.portal.mfa import MfaApi
from desktop_app.portal.session import TokenStore
from desktop_app.portal.transport import DEFAULT_DEADLINE
from desktop_app.vault import KeyStore

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

FRESH_PASSWORD_SECONDS = 300.0  # a sign-in password may be reused this long, in memory only
NO_KEYRING_REASON = (
    "No OS keyring is available, so this app cannot keep you signed in or remember this device; "
    "you sign in again after the app closes."
)


@dataclass(frozen=True)
class SignInOutcome:
    signed_in: bool
    needs_code: bool = False
    autofilled: bool = False
    user: str = ""
    message: str = ""
    code_sent_to: str = ""  # where the portal sent the code (the account's e-mail address)


class PortalAccount:
    def __init__(
        self,
        url: str,
        keystore: KeyStore,
        vault: VaultSource | None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float | None = None,
        clock: Callable[[], float] = time.time,
        max_retry_wait: float = 3.0,
        deadline: float = DEFAULT_DEADLINE,
    ) -> None:
        self.url = normalize_base_url(url)
        self.tokens = TokenStore(keystore)
        self.keystore = keystore
        self.vault = vault
        self.clock = clock
        self.client = PortalClient(
            self.url,
            transport=transport,
            timeout=timeout,
            clock=clock,
            max_retry_wait=max_retry_wait,
            deadline=deadline,
        )
        self.client.on_refresh_token = self._refresh_token_changed
        self.mfa = MfaApi(self.client)  # this user's keys and trusted devices
        self.user: str | None = None
        self.keep_signed_in = True
        self.email_codes: bool | None = None  # learnt at sign-in (see _learn_method)
        self._mfa_token: str | None = None
        self._mfa_user: str | None = None
        self._trust = False
        self._evidence: Literal["asked", "not_asked", "unknown"] = "unknown"
        self._learnt = True
        self._pending_password: str | None = None
        self._fresh_password: tuple[str, float] | None = None
        self.keyring = KeyringProbe(keystore, self.tokens)
        # e-mail codes, enforcement and lockouts, kept beyond sign-out (portal/known.py)
        self.known = KnownFacts(self.tokens, self.url, self.keyring, clock)
        # The organisation requires an authenticator app (learnt from a refusal: see
        # learn_refusal); read at sign-in, kept beyond sign-out.
        self.enforced = False
        self.workspaces_limited = False  # the last workspaces() could list only the current one

    def close(self) -> None:
        self._fresh_password = None
        self.client.close()

    # --- session ---------------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self.user is not None and self.client.signed_in

    @property
    def awaiting_code(self) -> bool:
        return self._mfa_token is not None

    @property
    def session_kind(self) -> str:
        """ "password", "app_token" or "" (not signed in)."""
        return self.client.session_kind if self.signed_in else ""

    @property
    def keyring_available(self) -> bool:
        """Whether sessions and the device fingerprint can be kept (an OS keyring works)."""
        return self.keyring.available

    def fresh_password(self) -> str | None:
        """The password of a sign-in of the last few minutes (memory only), to enable 2FA
        without asking again; None when there is none."""
        if self._fresh_password is None:
            return None
        password, at = self._fresh_password
        if time.monotonic() - at > FRESH_PASSWORD_SECONDS:
            self._fresh_password = None
            return None
        return password

    def forget_password(self) -> None:
        self._fresh_password = None

    def _refresh_token_changed(self, token: str | None) -> None:
        user = self.user or self._mfa_user
        if not user or not self.keep_signed_in or not self.keyring_available:
            return
        try:
            self.tokens.save_refresh(self.url, user, token)
        except KeyringUnavailableError:
            self.keyring.failed()
            log.warning("the refresh token could not be kept in the keyring")

    def resume(self, user: str) -> bool:
        """Sign in again with the refresh token kept in the keyring; False when there is none
        or the portal no longer accepts it."""
        if not self.keyring_available:
            return False
        try:
            token = self.tokens.load_refresh(self.url, user)
        except KeyringUnavailableError:
            log.warning("the keyring cannot be read; no session to resume")
            return False
        if not token:
            return False
        self.client.set_refresh_token(token)
        self.client.username = user
        self.user = user
        self._evidence = "unknown"
        self._learnt = False
        self.email_codes = self.known.email_codes(user)
        self.enforced = self.known.enforced(user)
        try:
            with self.client.operation():
                self.client.refresh()
        except SessionExpiredError:
            self.user = None
            with contextlib.suppress(KeyringUnavailableError):
                self.tokens.save_refresh(self.url, user, None)
            return False
        except Exception:
            self.user = None
            self.client.forget_tokens()
            raise
        return True

    def learn_refusal(self, exc: BaseException) -> bool:
        """When ``exc`` is the portal refusing to remove the key because the organisation
        requires an authenticator app: remember it for this user (beyond sign-out; not a
        secret) and return True. The sign-in answer and the user record say nothing of it (the
        published API has no such field), so the first refusal is where it is learnt."""
        user = self.user
        if not user or not is_enforced_refusal(exc):
            return False
        self.enforced = True
        self.known.remember_enforced(user)
        return True

    def _signed_in(self, user: str, result: LoginResult, password: str | None) -> SignInOutcome:
        self.user = user
        self._mfa_token = None
        self._mfa_user = None
        self._pending_password = None
        if password is not None:
            self._fresh_password = (password, time.monotonic())
        message = ""
        if result.refresh_token and self.keep_signed_in:
            if not self.keyring_available:
                message = NO_KEYRING_REASON
            else:
                try:
                    self.tokens.save_refresh(self.url, user, result.refresh_token)
                except KeyringUnavailableError:
                    self.keyring.failed()
                    message = NO_KEYRING_REASON
        return SignInOutcome(True, user=user, message=message)

    def _fingerprint(self) -> str | None:
        if not self.keyring_available:
            return None
        try:
            return self.tokens.fingerprint(create=False)
        except KeyringUnavailableError:
            return None

    def sign_in(
        self,
        user: str,
        password: str,
        *,
        trust_device: bool = False,
        keep_signed_in: bool = True,
    ) -> SignInOutcome:
        """E-mail + password. When the portal asks for the second factor, the code is filled in
        from the vault only if it holds this user's active key; else ``needs_code`` is set
        (``code_sent_to`` names the address) and :meth:`complete_sign_in` must follow."""
        user = user.strip()
        self.user = None
        self._mfa_token = None
        self._fresh_password = None
        self.keep_signed_in = keep_signed_in
        with self.client.operation():
            fingerprint = self._fingerprint()
            try:
                result = self.client.login_with_password(user, password, fingerprint=fingerprint)
            except AccountLockedError as exc:
                raise self.known.locked(user, exc) from None
            fingerprint_sent = fingerprint is not None
            self.email_codes = self.known.email_codes(user)
            self.enforced = self.known.enforced(user)
            self._learnt = False
            if not result.mfa_required:
                # No code asked: no MFA at all (trial), unless this device is trusted.
                self._evidence = "unknown" if fingerprint_sent else "not_asked"
                if not fingerprint_sent:
                    self.email_codes = False
                    self._learnt = True
                outcome = self._signed_in(user, result, password)
                self._remember_codes()
                return outcome
            self._evidence = "asked"
            self._mfa_token = result.mfa_token
            self._mfa_user = user
            self._trust = trust_device and self.keyring_available
            self._pending_password = password
            entry = None
            if self.vault is not None:
                try:
                    with vault_session(self.vault) as vault:
                        entry = active_key_entry(vault.entries(), user, self.url)
                except VaultError:
                    log.warning("the vault could not be read for the sign-in code")
            asked = SignInOutcome(
                False,
                needs_code=True,
                user=user,
                code_sent_to=user,
                message=f"A code was sent to {user}. Type it here.",
            )
            if entry is None:
                return asked
            try:
                outcome = self.complete_sign_in(code_for(entry, self.clock()), trust_device)
                self._evidence = "unknown"  # the app's code was the one: says nothing on e-mail
                self._learnt = True
            except AccountLockedError:
                raise
            except (InvalidCredentialsError, WrongCodeError):
                return SignInOutcome(
                    False,
                    needs_code=True,
                    user=user,
                    code_sent_to=user,
                    message=(
                        "The code from this app's vault was not accepted. Type the code the "
                        f"portal sent to {user} (or the one of your authenticator app)."
                    ),
                )
        return SignInOutcome(True, autofilled=True, user=outcome.user, message=outcome.message)

    def complete_sign_in(self, code: str, trust_device: bool | None = None) -> SignInOutcome:
        if self._mfa_token is None or self._mfa_user is None:
            raise NotSignedInError(N_("No sign-in is waiting for a code; sign in again."))
        trust = self._trust if trust_device is None else trust_device
        device = None
        if trust and self.keyring_available:
            try:
                device = self.tokens.trusted_device()
            except KeyringUnavailableError:
                self.keyring.failed()
        try:
            with self.client.operation():
                result = self.client.complete_mfa(self._mfa_token, code, device)
        except AccountLockedError as exc:
            raise self.known.locked(self._mfa_user, exc) from None
        password, self._pending_password = self._pending_password, None
        outcome = self._signed_in(self._mfa_user, result, password)
        if device is not None:
            self._remember_device(outcome.user, device.operating_system, device.browser)
        return outcome

    def _remember_device(self, user: str, operating_system: str, browser: str) -> None:
        """The portal's id of the entry just trusted (its list has no fingerprint: the newest
        entry of this app on this system), kept so that sign-out removes it there too."""
        try:
            with self.client.operation():
                devices = self.mfa.trusted_devices()
            mine = [
                d
                for d in devices
                if d.browser == browser and d.operating_system == operating_system
            ]
            if mine:
                newest = max(mine, key=lambda d: (d.activation_date, d.id))
                self.tokens.save_device_id(self.url, user, newest.id)
        except (PortalError, KeyringUnavailableError):
            log.warning("the trusted device's portal entry could not be noted")

    def cancel_sign_in(self) -> None:
        self._mfa_token = None
        self._mfa_user = None
        self._pending_password = None

    def sign_in_with_token(self, application_token: str) -> SignInOutcome:
        """An application token: no refresh token, so the session is not kept after exit."""
        self.user = None
        self._fresh_password = None
        with self.client.operation():
            self.client.login_with_application_token(application_token.strip())
        user = self.client.username or self.client.user_ref()
        self.user = user
        self.email_codes = None
        self.enforced = self.known.enforced(user)
        self._evidence = "unknown"
        self._learnt = False
        return SignInOutcome(True, user=user)

    def sign_out(self) -> str:
        """Forget the session: the refresh token and the device fingerprint leave the keyring
        (when there is one; without it nothing was kept), and the portal's trusted-device entry
        of this device is deleted (signing in first with the kept session when needed).
        Returns what was done, as the end of a sentence ("the session ... were removed ...")."""
        user = self.user or self._mfa_user
        portal_note = ""
        try:
            if self.keyring_available and user:
                portal_note = self._untrust_on_portal(user)
            if self.keyring_available:
                self.tokens.forget(self.url, user)
        except KeyringUnavailableError:
            log.warning("the keyring could not be cleared at sign-out")
        finally:
            self.client.forget_tokens()
            self.user = None
            self.email_codes = None
            self.enforced = False  # kept in the keyring (and memory): read at the next sign-in
            self.cancel_sign_in()
            self._fresh_password = None
        done = "the session and device fingerprint were removed from the keyring"
        return f"{done}{portal_note}."

    def _untrust_on_portal(self, user: str) -> str:
        device_id = self.tokens.load_device_id(self.url, user)
        if device_id is None:
            return ""
        try:
            if not self.client.signed_in and not self.resume(user):
                return (
                    "; the portal's trusted-device entry of this device stays (no session to "
                    "remove it: see `portal devices`)"
                )
            with self.client.operation(), contextlib.suppress(NotFoundError):
                self.mfa.delete_trusted_device(device_id)
        except PortalError as exc:
            return f"; the portal's trusted-device entry could not be removed ({exc})"
        return ", and this device is no longer trusted on the portal"

    # --- workspaces ------------------------------------------------------------------------

    def workspaces(self) -> list[Workspace]:
        """The user's workspaces. The portal lists only those where the user is an
        Administrator (403 otherwise): then just the current one, and
        :attr:`workspaces_limited` is set."""
        if self.user is None:
            raise NotSignedInError()
        self.workspaces_limited = False
        try:
            return self.client.workspaces()
        except ForbiddenError:
            self.workspaces_limited = True
            current = self.client.current_workspace()
            return [current] if current is not None else []

    def current_workspace(self) -> Workspace | None:
        return self.client.current_workspace()

    def switch_workspace(self, workspace_id: int) -> None:
        if self.user is None:
            raise NotSignedInError()
        self.client.switch_workspace(workspace_id)

    # --- 2FA and devices -------------------------------------------------------------------

    def enrolment(self) -> EnrolmentService:
        if self.user is None:
            raise NotSignedInError()
        if self.vault is None:
            raise VaultError(N_("The vault is locked."))
        return EnrolmentService(
            self.client,
            self.vault,
            self.user,
            self.url,
            clock=self.clock,
            email_codes=self._email_codes_hint(),
            trusted_fingerprint=self._trusted_fingerprint(),
            mfa=self.mfa,
        )

    def _trusted_fingerprint(self) -> str | None:
        """The fingerprint, when this device was trusted on the portal for this user (so a
        password proof with it asks for no e-mailed code)."""
        if not self.user or not self.keyring_available:
            return None
        try:
            if self.tokens.load_device_id(self.url, self.user) is None:
                return None
            return self.tokens.fingerprint(create=False)
        except KeyringUnavailableError:
            return None

    def _email_codes_hint(self) -> bool | None:
        return self.email_codes

    def status(self) -> TwoFactorStatus:
        """The 2FA status (see :meth:`EnrolmentService.status`). The first one after a
        sign-in also learns whether the account sends codes by e-mail: a code was asked while
        no authenticator app is active → yes (paid accounts; it never turns off); no code was
        asked and this device is not trusted → no (a trial account without MFA)."""
        status = self.enrolment().status()
        if not self._learnt:
            self._learnt = True
            if status.state != "on" and self._evidence == "asked":
                self.email_codes = True
            elif status.state != "on" and self._evidence == "not_asked":
                self.email_codes = False
        if status.email_codes:
            self.email_codes = True
        status.email_codes = self.email_codes
        self._remember_codes()
        return status

    def _remember_codes(self) -> None:
        """Keep what was learnt about e-mail codes next to the session (not a secret)."""
        if self.email_codes is None or not self.user:
            return
        self.known.remember_email_codes(self.user, self.email_codes, in_keyring=self.keep_signed_in)

    def admin(self) -> AdminTools:
        """An administrator's tools (application tokens, recovery, events) on this session."""
        if self.user is None:
            raise NotSignedInError()
        return AdminTools(self.client)

    def devices(self) -> list[TrustedDevice]:
        if self.user is None:
            raise NotSignedInError()
        return self.mfa.trusted_devices()

    def forget_device(self, device_id: int) -> None:
        if self.user is None:
            raise NotSignedInError()
        self.mfa.delete_trusted_device(device_id)
