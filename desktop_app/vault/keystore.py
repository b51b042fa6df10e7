"""The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker) behind one small API.

Only small items go there: the vault's 256-bit key, the emnify refresh token and device
fingerprint. Windows caps an item at 2.5 KB, so nothing large ever does.

The platform's backend is chosen directly (Secret Service on Linux, the Keychain on macOS, the
Credential Locker on Windows) rather than by keyring's probing, which loads and tries every
backend it knows at every vault command (the macOS backend's ``find_library`` spawns processes
on Linux). On Linux the Secret Service is reached without importing keyring at all
(vault/secret_service.py). When the platform's backend is not usable, or an environment variable
or keyring's config file configures keyring, keyring chooses.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from typing import Any, Protocol

from desktop_app.errors import KeyringUnavailableError
from desktop_app.i18n import N_
from desktop_app.logs import get_logger
from desktop_app.vault.secret_service import SecretServiceStore, keyring_configured

log = get_logger(__name__)
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


#: the backend each platform has: (module, class). On Linux it is this app's own thin client of
#: the Secret Service (vault/secret_service.py: the same items as keyring's backend, without
#: importing keyring); elsewhere keyring's backend for the platform.
NATIVE_BACKENDS = {
    "linux": ("desktop_app.vault.secret_service", "SecretServiceStore"),
    "darwin": ("keyring.backends.macOS", "Keyring"),
    "win32": ("keyring.backends.Windows", "WinVaultKeyring"),
}


def _keyring_configured(platform_key: str) -> bool:
    if platform_key == "linux":  # without importing keyring
        return keyring_configured()
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    import keyring.core

    return keyring.core.load_config() is not None


def platform_backend() -> Any | None:
    """The platform's keyring backend when it is usable here and nothing else was configured;
    None otherwise (then keyring's own choice applies)."""
    key = "linux" if sys.platform.startswith("linux") else sys.platform
    native = NATIVE_BACKENDS.get(key)
    if native is None:
        return None
    try:
        if _keyring_configured(key):  # the person chose a backend, collection or scheme
            return None
        cls = getattr(importlib.import_module(native[0]), native[1])
        usable = getattr(cls, "usable", None)
        if usable is not None:
            if not usable():
                return None
        elif cls.priority <= 0:  # raises when the backend cannot work here (no D-Bus, ...)
            return None
        return cls()
    except Exception:  # any failure: fall back to keyring's probing, as before
        log.debug("the platform's keyring backend is not usable", exc_info=True)
        return None


class KeyStore:
    """Small secrets in the OS keyring."""

    def __init__(self, backend: _Backend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self._service = service
        self._lock = threading.Lock()

    @classmethod
    def memory(cls) -> KeyStore:
        """An in-memory keystore (tests, self-test)."""
        return cls(_MemoryBackend())

    def _get_backend(self) -> _Backend:
        if self._backend is None:
            backend = platform_backend()
            if backend is None:
                import keyring

                backend = keyring.get_keyring()
            self._backend = backend
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
        if isinstance(backend, _MemoryBackend | SecretServiceStore):
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
            try:
                return self._get_backend().get_password(self._service, name)
            except Exception as exc:
                raise KeyringUnavailableError(
                    N_("The OS keyring could not be read ({error}).", error=type(exc).__name__)
                ) from None

    def set(self, name: str, value: str) -> None:
        with self._lock:
            try:
                self._get_backend().set_password(self._service, name, value)
            except Exception as exc:
                raise KeyringUnavailableError(
                    N_(
                        "The OS keyring could not store an item ({error}).",
                        error=type(exc).__name__,
                    )
                ) from None

    def delete(self, name: str) -> None:
        with self._lock:
            try:
                self._get_backend().delete_password(self._service, name)
            except Exception as exc:
                if type(exc).__name__ == "PasswordDeleteError":
                    return  # already absent
                raise KeyringUnavailableError(
                    N_(
                        "The OS keyring could not delete an item ({error}).",
                        error=type(exc).__name__,
                    )
                ) from None
