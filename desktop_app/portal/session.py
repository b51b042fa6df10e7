"""What survives a restart of a portal session: the refresh token and the device fingerprint.

Both live in the OS keyring (:class:`desktop_app.vault.KeyStore`), never in a file; the auth token
stays in memory and the password is never kept anywhere. Items:

* ``emnify-refresh:<portal-url>:<user>`` — the refresh token of one user on one portal;
* ``emnify-device-fingerprint`` — a random id the app generated once, sent with "trust this
  device" and on every sign-in;
* ``emnify-codes:<portal-url>:<user>`` — what the app learnt at sign-in about the account's
  codes ("email" or "none"), so that a resumed session still tells the truth. Not a secret.

* ``emnify-device-id:<portal-url>:<user>`` — the portal's id of this device's trusted-device
  entry (learnt right after "trust this device"), so sign-out can remove it there too.
* ``emnify-enforced:<portal-url>:<user>`` — "yes" once the portal refused to remove the user's
  authenticator key because the organisation requires one (nothing documented tells it earlier:
  neither the sign-in answer nor the user record), so the next session says so up front. Not a
  secret.

* ``emnify-locked:<portal-url>:<user>`` — until when (seconds since the epoch) the portal locked
  the account after too many failed attempts, so a later sign-in (another command, a new pane)
  says how long is left; the portal's own answer says only "locked for 5 minutes". Not a secret.

Signing out forgets the refresh token, the fingerprint and the device id; what was learnt about
the account's codes and its organisation's rule is kept (no secret, and still true after a
sign-out).
"""

from __future__ import annotations

import platform
import secrets
import sys

from desktop_app import __version__
from desktop_app.portal.client import TrustedDeviceInfo
from desktop_app.vault.keystore import KeyStore

FINGERPRINT_ITEM = "emnify-device-fingerprint"


def refresh_item(url: str, user: str) -> str:
    return f"emnify-refresh:{url.rstrip('/')}:{user.strip().lower()}"


def codes_item(url: str, user: str) -> str:
    return f"emnify-codes:{url.rstrip('/')}:{user.strip().lower()}"


def enforced_item(url: str, user: str) -> str:
    return f"emnify-enforced:{url.rstrip('/')}:{user.strip().lower()}"


def locked_item(url: str, user: str) -> str:
    return f"emnify-locked:{url.rstrip('/')}:{user.strip().lower()}"


def device_item(url: str, user: str) -> str:
    return f"emnify-device-id:{url.rstrip('/')}:{user.strip().lower()}"


def operating_system_name() -> str:
    system = platform.system() or sys.platform
    release = platform.release()
    return f"{system} {release}".strip()


class TokenStore:
    """The keyring items of portal sessions."""

    def __init__(self, keystore: KeyStore) -> None:
        self.keystore = keystore

    def load_refresh(self, url: str, user: str) -> str | None:
        return self.keystore.get(refresh_item(url, user))

    def save_refresh(self, url: str, user: str, token: str | None) -> None:
        if token:
            self.keystore.set(refresh_item(url, user), token)
        else:
            self.keystore.delete(refresh_item(url, user))

    def load_email_codes(self, url: str, user: str) -> bool | None:
        value = self.keystore.get(codes_item(url, user))
        return {"email": True, "none": False}.get(value or "")

    def save_email_codes(self, url: str, user: str, value: bool | None) -> None:
        if value is None:
            self.keystore.delete(codes_item(url, user))
        else:
            self.keystore.set(codes_item(url, user), "email" if value else "none")

    def load_enforced(self, url: str, user: str) -> bool:
        return self.keystore.get(enforced_item(url, user)) == "yes"

    def save_enforced(self, url: str, user: str) -> None:
        self.keystore.set(enforced_item(url, user), "yes")

    def load_locked_until(self, url: str, user: str) -> float | None:
        value = self.keystore.get(locked_item(url, user)) or ""
        try:
            return float(value) if value else None
        except ValueError:
            return None

    def save_locked_until(self, url: str, user: str, until: float) -> None:
        self.keystore.set(locked_item(url, user), f"{until:.0f}")

    def fingerprint(self, create: bool = True) -> str | None:
        """The device fingerprint; generated (and stored) on first use when ``create``."""
        value = self.keystore.get(FINGERPRINT_ITEM)
        if value or not create:
            return value
        value = secrets.token_hex(16)
        self.keystore.set(FINGERPRINT_ITEM, value)
        return value

    def trusted_device(self, name: str = "") -> TrustedDeviceInfo:
        fingerprint = self.fingerprint(create=True)
        assert fingerprint is not None
        return TrustedDeviceInfo(
            fingerprint=fingerprint,
            operating_system=operating_system_name(),
            browser=f"Desktop Authenticator {__version__}",
            name=name or platform.node(),
        )

    def load_device_id(self, url: str, user: str) -> int | None:
        value = self.keystore.get(device_item(url, user)) or ""
        return int(value) if value.isdigit() else None

    def save_device_id(self, url: str, user: str, device_id: int | None) -> None:
        if device_id is None:
            self.keystore.delete(device_item(url, user))
        else:
            self.keystore.set(device_item(url, user), str(device_id))

    def forget(self, url: str, user: str | None) -> None:
        """Sign-out: drop the refresh token, the device fingerprint and the device id (what was
        learnt about e-mail codes and the organisation's rule stays: no secret, still true)."""
        if user:
            self.keystore.delete(refresh_item(url, user))
            self.keystore.delete(device_item(url, user))
        self.keystore.delete(FINGERPRINT_ITEM)
