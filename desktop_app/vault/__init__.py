"""Encrypted storage of the accounts; its key in the OS keyring or behind a password. No Qt."""

from desktop_app.vault.keystore import KeyStore
from desktop_app.vault.store import MAX_ACCOUNTS, Vault, atomic_write

__all__ = ["MAX_ACCOUNTS", "KeyStore", "Vault", "atomic_write"]
