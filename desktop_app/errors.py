"""The project's own error types. Messages never contain secrets."""


class AppError(Exception):
    """Base class of every error the application reports to a person."""


class OtpError(AppError, ValueError):
    """An OTP parameter, secret or URI is invalid. ``field`` names the offending field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class VaultError(AppError):
    """The vault cannot be opened, read or written."""


class VaultLockedError(VaultError):
    """Another running instance holds the vault."""


class VaultBusyError(VaultLockedError):
    """Another process kept the vault longer than this one waited for it."""


class WrongPasswordError(VaultError):
    """The password does not unlock the vault (or a backup)."""


class KeyringUnavailableError(VaultError):
    """No working OS keyring backend."""


class ImportFormatError(AppError):
    """A backup file is malformed, truncated, or of an unsupported version."""


class ScanError(AppError):
    """An image, video or camera cannot be read."""
