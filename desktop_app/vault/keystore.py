"""The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker) behind one small API.

Only small items go there: the vault's 256-bit key, the emnify refresh token and device
fingerprint. Windows caps an item at 2.5 KB, so nothing large ever does.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from desktop_app.errors import KeyringUnavailableError

log = logging.getLogger(__name__)
SERVICE = "desktop-authenticator"


class _Backend(Protocol):
    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


class _MemoryBackend:
    def __init__(self) -> None:
        self._items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._items.pop((service, username), None)


class KeyStore:
    """Small secrets in the OS keyring. ``reads`` counts keyring round trips (for benchmarks)."""

    def __init__(self, backend: _Backend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self._service = service
        self._lock = threading.Lock()
        self.reads = 0

    @classmethod
    def memory(cls) -> KeyStore:
        """An in-memory keystore (tests, self-test)."""
        return cls(_MemoryBackend())

    def _get_backend(self) -> _Backend:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def backend_name(self) -> str:
        backend = self._get_backend()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def available(self) -> bool:
        """True when a real keyring backend is configured (not the 'fail' or null backend)."""
        try:
            backend = self._get_backend()
        except Exception:  # keyring raises many types while probing backends
            log.warning("no keyring backend could be loaded", exc_info=True)
            return False
        if isinstance(backend, _MemoryBackend):
            return True
        try:
            from keyring.backends import chainer, fail, null
        except ImportError:  # pragma: no cover - very old keyring
            return True
        if isinstance(backend, fail.Keyring | null.Keyring):
            return False
        if isinstance(backend, chainer.ChainerBackend):
            return bool(backend.backends)
        return True

    def get(self, name: str) -> str | None:
        with self._lock:
            self.reads += 1
            try:
                return self._get_backend().get_password(self._service, name)
            except Exception as exc:
                raise KeyringUnavailableError(
                    f"The OS keyring could not be read ({type(exc).__name__})."
                ) from None

    def set(self, name: str, value: str) -> None:
        with self._lock:
            try:
                self._get_backend().set_password(self._service, name, value)
            except Exception as exc:
                raise KeyringUnavailableError(
                    f"The OS keyring could not store an item ({type(exc).__name__})."
                ) from None

    def delete(self, name: str) -> None:
        with self._lock:
            try:
                self._get_backend().delete_password(self._service, name)
            except Exception as exc:
                if type(exc).__name__ == "PasswordDeleteError":
                    return  # already absent
                raise KeyringUnavailableError(
                    f"The OS keyring could not delete an item ({type(exc).__name__})."
                ) from None
