"""One emnify account as the app sees it: sign-in (with the code filled in from the vault),
session resume from the keyring, sign-out, 2FA enrolment and trusted devices. No Qt.

The settings pane and the ``portal`` CLI both go through :class:`PortalAccount`, so they follow
the same rules. Every method blocks on the network: the GUI calls them in a worker thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from desktop_app.errors import KeyringUnavailableError
from desktop_app.portal.client import LoginResult, PortalClient, TrustedDevice, normalize_base_url
from desktop_app.portal.enrolment import EnrolmentService, code_for, find_emnify_entry
from desktop_app.portal.errors import (
    AccountLockedError,
    InvalidCredentialsError,
    NotSignedInError,
    SessionExpiredError,
)
from desktop_app.portal.session import TokenStore
from desktop_app.vault import KeyStore, Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignInOutcome:
    signed_in: bool
    needs_code: bool = False
    autofilled: bool = False
    user: str = ""
    message: str = ""


class PortalAccount:
    def __init__(
        self,
        url: str,
        keystore: KeyStore,
        vault: Vault | None,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float | None = None,
        clock: Callable[[], float] = time.time,
        max_retry_wait: float = 3.0,
    ) -> None:
        self.url = normalize_base_url(url)
        self.tokens = TokenStore(keystore)
        self.vault = vault
        self.clock = clock
        self.client = PortalClient(
            self.url,
            transport=transport,
            timeout=timeout,
            clock=clock,
            max_retry_wait=max_retry_wait,
        )
        self.client.on_refresh_token = self._refresh_token_changed
        self.user: str | None = None
        self._mfa_token: str | None = None
        self._mfa_user: str | None = None
        self._trust = False

    def close(self) -> None:
        self.client.close()

    # --- session ---------------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self.user is not None and self.client.signed_in

    @property
    def awaiting_code(self) -> bool:
        return self._mfa_token is not None

    def _refresh_token_changed(self, token: str | None) -> None:
        user = self.user or self._mfa_user
        if user:
            try:
                self.tokens.save_refresh(self.url, user, token)
            except KeyringUnavailableError:
                log.warning("the refresh token could not be kept in the keyring")

    def resume(self, user: str) -> bool:
        """Sign in again with the refresh token kept in the keyring; False when there is none
        or the portal no longer accepts it."""
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
        try:
            self.client.refresh()
        except SessionExpiredError:
            self.user = None
            self.tokens.save_refresh(self.url, user, None)
            return False
        except Exception:
            self.user = None
            self.client.forget_tokens()
            raise
        return True

    def _signed_in(self, user: str, result: LoginResult) -> SignInOutcome:
        self.user = user
        self._mfa_token = None
        self._mfa_user = None
        message = ""
        if result.refresh_token:
            try:
                self.tokens.save_refresh(self.url, user, result.refresh_token)
            except KeyringUnavailableError:
                message = (
                    "The OS keyring is not available: you will have to sign in again after "
                    "the app closes."
                )
        return SignInOutcome(True, user=user, message=message)

    def sign_in(self, user: str, password: str, *, trust_device: bool = False) -> SignInOutcome:
        """E-mail + password. When the portal asks for the second factor, the code is filled in
        from the vault if it holds this user's emnify key; else ``needs_code`` is set and
        :meth:`complete_sign_in` must follow."""
        user = user.strip()
        self.user = None
        self._mfa_token = None
        try:
            fingerprint = self.tokens.fingerprint(create=False)
        except KeyringUnavailableError:
            fingerprint = None
        result = self.client.login_with_password(user, password, fingerprint=fingerprint)
        if not result.mfa_required:
            return self._signed_in(user, result)
        self._mfa_token = result.mfa_token
        self._mfa_user = user
        self._trust = trust_device
        entry = (
            find_emnify_entry(self.vault.entries(), user, self.url)
            if self.vault is not None
            else None
        )
        if entry is None:
            return SignInOutcome(False, needs_code=True, user=user)
        try:
            outcome = self.complete_sign_in(code_for(entry, self.clock()), trust_device)
        except AccountLockedError:
            raise
        except InvalidCredentialsError:
            return SignInOutcome(
                False,
                needs_code=True,
                user=user,
                message="The code from this app's vault was refused; type the code instead.",
            )
        return SignInOutcome(True, autofilled=True, user=outcome.user, message=outcome.message)

    def complete_sign_in(self, code: str, trust_device: bool | None = None) -> SignInOutcome:
        if self._mfa_token is None or self._mfa_user is None:
            raise NotSignedInError("No sign-in is waiting for a code; sign in again.")
        trust = self._trust if trust_device is None else trust_device
        device = self.tokens.trusted_device() if trust else None
        result = self.client.complete_mfa(self._mfa_token, code, device)
        return self._signed_in(self._mfa_user, result)

    def sign_in_with_token(self, application_token: str) -> SignInOutcome:
        """An application token: no refresh token, so the session is not kept after exit."""
        self.user = None
        self.client.login_with_application_token(application_token.strip())
        user = self.client.username or self.client.user_ref()
        self.user = user
        return SignInOutcome(True, user=user)

    def sign_out(self) -> None:
        """Forget the session: the refresh token and the device fingerprint leave the keyring."""
        try:
            self.tokens.forget(self.url, self.user or self._mfa_user)
        finally:
            self.client.forget_tokens()
            self.user = None
            self._mfa_token = None
            self._mfa_user = None

    # --- 2FA and devices -------------------------------------------------------------------

    def enrolment(self) -> EnrolmentService:
        if self.user is None:
            raise NotSignedInError()
        if self.vault is None:
            from desktop_app.errors import VaultError

            raise VaultError("The vault is locked.")
        return EnrolmentService(self.client, self.vault, self.user, self.url, clock=self.clock)

    def devices(self) -> list[TrustedDevice]:
        if self.user is None:
            raise NotSignedInError()
        return self.client.trusted_devices()

    def forget_device(self, device_id: int) -> None:
        if self.user is None:
            raise NotSignedInError()
        self.client.delete_trusted_device(device_id)
