"""Typed errors of the emnify portal client.

Every error carries what the server said (``status``, ``error_code``, ``error_token``,
``message``, nested ``errors``) and a message fit to show a person. Messages never contain the
password, a token or a secret: they are built from the server's ``message`` or from fixed text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.errors import AppError
from desktop_app.i18n import N_
from desktop_app.text import shown_text


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of a server error body (top level or nested ``errors``)."""

    error_code: int | None
    error_token: str
    message: str

    @classmethod
    def from_json(cls, data: Any) -> ErrorDetail | None:
        if not isinstance(data, dict):
            return None
        code = data.get("error_code")
        return cls(
            error_code=code if isinstance(code, int) and not isinstance(code, bool) else None,
            error_token=shown_text(data.get("error_token") or "", 64),
            message=shown_text(data.get("message") or ""),
        )


class PortalError(AppError):
    """Base of every portal failure."""

    default_message = N_("The emnify portal reported an error.")

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        error_code: int | None = None,
        error_token: str = "",
        server_message: str = "",
        errors: tuple[ErrorDetail, ...] = (),
    ) -> None:
        self.status = status
        self.error_code = error_code
        self.error_token = error_token
        self.server_message = shown_text(server_message)
        self.errors = errors
        super().__init__(message or server_message or self.default_message)

    @property
    def message(self) -> str:
        return str(self)

    def details(self) -> dict[str, Any]:
        """What the server said (status, codes, its message, field errors): for an error that
        tells the same answer in other words, ``OtherError(N_("..."), **exc.details())``."""
        return {
            "status": self.status,
            "error_code": self.error_code,
            "error_token": self.error_token,
            "server_message": self.server_message,
            "errors": self.errors,
        }

    def details_text(self) -> str:
        """The nested errors as one line (empty when there are none)."""
        return "; ".join(e.message for e in self.errors if e.message)


class PortalConfigError(PortalError):
    default_message = N_("The portal address is not usable.")


class NotSignedInError(PortalError):
    default_message = N_("Not signed in to the emnify portal.")


class PortalConnectionError(PortalError):
    default_message = N_(
        "The emnify portal cannot be reached. Check the network connection and the portal address."
    )


class PortalTimeoutError(PortalConnectionError):
    default_message = N_("The emnify portal did not answer in time. Try again later.")


class PortalTlsError(PortalConnectionError):
    default_message = N_(
        "The portal's certificate could not be verified (TLS error). The connection was refused "
        "to protect your credentials."
    )


class PortalServerError(PortalError):
    default_message = N_("The emnify portal had a problem and did not do it; try again later.")


class PortalProtocolError(PortalError):
    default_message = N_("The emnify portal sent an answer this app does not understand.")


class BadRequestError(PortalError):
    default_message = N_("The portal refused the request as malformed.")


class AuthenticationError(PortalError):
    """401."""

    default_message = N_("The portal refused the credentials.")


class InvalidCredentialsError(AuthenticationError):
    default_message = N_("Wrong e-mail address, password or code.")


class InvalidTokenError(AuthenticationError):
    default_message = N_("The session is not valid. Sign in again.")


class TokenExpiredError(AuthenticationError):
    default_message = N_("The session has expired. Sign in again.")


class SessionExpiredError(AuthenticationError):
    """The auth token expired and could not be renewed: a new sign-in is needed."""

    default_message = N_("The session has ended. Sign in again.")


class ForbiddenError(PortalError):
    default_message = N_("The portal does not allow this for your account.")


def is_enforced_refusal(exc: BaseException) -> bool:
    """The portal refused to remove an authenticator key because the organisation makes it
    mandatory (what its message says: nothing documented tells this before the refusal)."""
    if not isinstance(exc, ForbiddenError):
        return False
    said = (exc.server_message or str(exc)).lower()
    return any(word in said for word in ("mandatory", "enforc", "required"))


class NotAllowedError(ForbiddenError):
    """1406 NotAllowed: the portal does not allow this action (for example by policy)."""

    default_message = N_("The portal does not allow this action on your account.")


class RateLimitedError(PortalError):
    """429 (or a lockout). ``retry_after`` is in seconds when the server said."""

    default_message = N_(
        "Too many requests to the emnify portal. Wait a few minutes and try again."
    )

    def __init__(self, message: str | None = None, *, retry_after: float | None = None, **kw: Any):
        self.retry_after = retry_after
        super().__init__(message, **kw)


class AccountLockedError(RateLimitedError):
    default_message = N_(
        "Too many failed attempts: the account is locked for 5 minutes. Try again later."
    )


class NotFoundError(PortalError):
    default_message = N_("The portal does not know this item (it may have been removed).")


class ConflictError(PortalError):
    default_message = N_(
        "The portal refused the change because it conflicts with the current state."
    )


class ActiveKeyExistsError(ConflictError):
    """The account has an **active** authenticator key that this app's vault does not hold (set
    up on a phone or in another app). Replacing it stops that device's codes, so nothing is
    deleted without a person's yes: the message is the question to ask ("An authenticator set
    up on <date> is active; replace it?"); on yes, call again with ``replace_key_id=key_id``."""

    default_message = N_("An authenticator app is already active on this account; replace it?")

    def __init__(
        self, message: str | None = None, *, key_id: int, created: str = "", **kw: Any
    ) -> None:
        self.key_id = key_id
        self.created = created
        super().__init__(message, **kw)

    @property
    def since(self) -> str:
        """The key's creation day (YYYY-MM-DD), or empty."""
        return self.created[:10]


class KeyStateUnknownError(ConflictError):
    """The portal lists a two-factor key without saying its type or status: nothing is done to
    it (it may be the active key of a phone)."""

    default_message = N_(
        "The portal lists a two-factor key without saying whether it is active; nothing was "
        "changed. Check the key in the emnify Portal."
    )

    def __init__(self, message: str | None = None, *, key_id: int, created: str = "", **kw: Any):
        self.key_id = key_id
        self.created = created
        super().__init__(message, **kw)


class ValidationError(PortalError):
    """422: 1400 InputValidationFailed, 1401 InvalidReference, 1402 Required, 1403 InvalidFormat."""

    default_message = N_("The portal refused the input.")


class WrongCodeError(ValidationError):
    default_message = N_("The portal refused the code.")


class PasswordRejectedError(ValidationError):
    default_message = N_("The portal refused the password.")


ERROR_TOKENS: dict[int, str] = {
    1101: "InvalidCredentials",
    1102: "InvalidToken",
    1103: "TokenExpired",
    1104: "Forbidden",
    1105: "TooManyRequests",
    1201: "NotFound",
    1400: "InputValidationFailed",
    1401: "InvalidReference",
    1402: "Required",
    1403: "InvalidFormat",
    1406: "NotAllowed",
}
