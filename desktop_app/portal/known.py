"""What the app has learnt about an emnify account that outlives a session: whether it sends
sign-in codes by e-mail, whether its organisation requires an authenticator app, and when a
lockout ends. None of it is a secret; it is kept in the keyring next to the session (when there
is one) and in memory for the account object, so a later sign-in -- by another command or a new
pane -- tells the truth from the start. No Qt, no network.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop_app.errors import KeyringUnavailableError
from desktop_app.i18n import N_
from desktop_app.portal.client import duration_text
from desktop_app.portal.errors import AccountLockedError
from desktop_app.portal.session import TokenStore
from desktop_app.vault import KeyStore

log = logging.getLogger(__name__)

LOCK_SECONDS = 300.0  # the portal locks an account for 5 minutes after the third failure


class KeyringProbe:
    """Whether sessions and facts can be kept: an OS keyring that answers. Probed once; a
    later failure (:meth:`failed`) turns it off for the rest of the account object's life."""

    def __init__(self, keystore: KeyStore, tokens: TokenStore) -> None:
        self._keystore = keystore
        self._tokens = tokens
        self._available: bool | None = None

    @property
    def available(self) -> bool:
        if self._available is None:
            try:
                # A configured backend may still fail (no Secret Service running): probe it.
                self._available = bool(self._keystore.available())
                if self._available:
                    self._tokens.fingerprint(create=False)
            except Exception:
                self._available = False
        return self._available

    def failed(self) -> None:
        self._available = False


def _key(user: str) -> str:
    return user.strip().lower()


class KnownFacts:
    """Per-account facts kept beyond sign-out (see the module docstring)."""

    def __init__(
        self, tokens: TokenStore, url: str, keyring: KeyringProbe, clock: Callable[[], float]
    ) -> None:
        self._tokens = tokens
        self._url = url
        self._keyring = keyring
        self._clock = clock
        self._email_codes: dict[str, bool] = {}
        self._enforced: set[str] = set()
        self._locked_until: dict[str, float] = {}

    # --- e-mailed sign-in codes ------------------------------------------------------------

    def email_codes(self, user: str) -> bool | None:
        """What an earlier session learnt about the account's e-mail codes; None: unknown."""
        remembered = self._email_codes.get(_key(user))
        if not self._keyring.available:
            return remembered
        try:
            stored = self._tokens.load_email_codes(self._url, user)
        except KeyringUnavailableError:
            return remembered
        return stored if stored is not None else remembered

    def remember_email_codes(self, user: str, email_codes: bool, *, in_keyring: bool) -> None:
        """Keep what was learnt; in the keyring too when the session is kept there."""
        self._email_codes[_key(user)] = email_codes
        if not in_keyring or not self._keyring.available:
            return
        try:
            self._tokens.save_email_codes(self._url, user, email_codes)
        except KeyringUnavailableError:
            self._keyring.failed()

    # --- an organisation that requires an authenticator app --------------------------------

    def enforced(self, user: str) -> bool:
        """Whether an earlier session learnt that the organisation requires an authenticator."""
        if _key(user) in self._enforced:
            return True
        if not self._keyring.available:
            return False
        try:
            return self._tokens.load_enforced(self._url, user)
        except KeyringUnavailableError:
            return False

    def remember_enforced(self, user: str) -> None:
        self._enforced.add(_key(user))
        if self._keyring.available:
            try:
                self._tokens.save_enforced(self._url, user)
            except KeyringUnavailableError:
                self._keyring.failed()

    # --- lockout ---------------------------------------------------------------------------

    def locked(self, user: str, exc: AccountLockedError) -> AccountLockedError:
        """The lockout with the time left. The portal's answer says "locked for 5 minutes"
        whenever it is asked (and no ``Retry-After`` is documented), so the end of the lockout
        is kept from the answer that started it."""
        now = self._clock()
        key = _key(user)
        known = self._locked_until.get(key)
        if known is None and self._keyring.available:
            try:
                known = self._tokens.load_locked_until(self._url, user)
            except KeyringUnavailableError:
                known = None
        if exc.retry_after:
            until = now + exc.retry_after
        elif known is not None and now < known <= now + LOCK_SECONDS:
            until = known
        else:
            until = now + LOCK_SECONDS  # this answer started the lockout
        self._locked_until[key] = until
        if self._keyring.available:
            try:
                self._tokens.save_locked_until(self._url, user, until)
            except KeyringUnavailableError:
                self._keyring.failed()
        left = max(1.0, until - now)
        return AccountLockedError(
            N_(
                "Too many failed attempts: the portal has locked the account. Try again in {wait}.",
                wait=duration_text(left),
            ),
            retry_after=left,
            **exc.details(),
        )
