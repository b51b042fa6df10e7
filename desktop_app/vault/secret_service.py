"""The Secret Service (GNOME Keyring, KWallet, KeePassXC) through ``secretstorage``, without keyring.

It reads and writes the same items as keyring's Secret Service backend, the same way --
attributes ``service`` and ``username`` (and ``application`` when stored), the default collection,
unlocked on demand -- so that keys stored through keyring are found here, and keyring finds the
ones stored here. It exists because importing the ``keyring`` package loads its plugin machinery
(``importlib.metadata`` entry points, ``jaraco.context``, ``urllib.request``) before any backend,
at every vault command; benchmarks/README.md has the measurement that keeps it.

It is used only when nothing configures keyring (see :func:`keyring_configured`); then keyring
chooses.
"""

from __future__ import annotations

import os
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

#: what keyring's Secret Service backend writes as the items' ``application`` attribute
APPLICATION = "Python keyring library"


class KeyringLockedError(Exception):
    """The person dismissed the unlock prompt of the collection or the item."""


class PasswordDeleteError(Exception):
    """No item to delete (the same name as keyring's error, which KeyStore.delete ignores)."""


def keyring_configured() -> bool:
    """True when the person configured keyring (an environment variable or keyring's config
    file, which may name another backend, collection or attribute scheme): then keyring
    decides, as it always did."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    if any(name.startswith("KEYRING_PROPERTY_") for name in os.environ):
        return True
    root = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return (Path(root) / "python_keyring" / "keyringrc.cfg").exists()


class SecretServiceStore:
    """get/set/delete_password like a keyring backend, on the default Secret Service collection."""

    @staticmethod
    def usable() -> bool:
        """A Secret Service answers (or can be activated) on the session bus (~2 ms)."""
        if not sys.platform.startswith("linux"):
            return False
        try:
            import secretstorage

            with closing(secretstorage.dbus_init()) as connection:
                return bool(secretstorage.check_service_availability(connection))
        except Exception:  # no D-Bus session, no secretstorage, ...
            return False

    def _collection(self) -> Any:
        import secretstorage

        connection = secretstorage.dbus_init()
        try:
            collection = secretstorage.get_default_collection(connection)
            if collection.is_locked():
                collection.unlock()
                if collection.is_locked():
                    raise KeyringLockedError("The keyring collection stayed locked.")
        except BaseException:
            connection.close()
            raise
        return collection

    def get_password(self, service: str, username: str) -> str | None:
        collection = self._collection()
        with closing(collection.connection):
            for item in collection.search_items({"service": service, "username": username}):
                if item.is_locked():
                    item.unlock()
                    if item.is_locked():
                        raise KeyringLockedError("The keyring item stayed locked.")
                return str(item.get_secret().decode("utf-8"))
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        collection = self._collection()
        attributes = {"service": service, "username": username, "application": APPLICATION}
        label = f"Password for '{username}' on '{service}'"
        with closing(collection.connection):
            collection.create_item(label, attributes, password, replace=True)

    def delete_password(self, service: str, username: str) -> None:
        collection = self._collection()
        with closing(collection.connection):
            for item in collection.search_items({"service": service, "username": username}):
                item.delete()
                return
        raise PasswordDeleteError("No such item.")
