"""The account-security tools of an emnify administrator: application tokens, lost-phone
recovery for another user of the organisation, security events. No Qt.

Built on :meth:`PortalClient.request` (same renewal, rate limits, deadline and typed errors as
every other call). Every method blocks on the network: the GUI calls them in a worker thread.
A user who is not an Administrator gets :class:`~desktop_app.portal.errors.ForbiddenError`
(HTTP 403) from the portal: :func:`is_admin_refusal` tells that case apart for a friendly
sentence.

Paths and fields (published OpenAPI, api-evangelist/emnify ``openapi/``):

* ``GET /api/v1/application_token`` -> ``[{id, description, created, status: {id,
  description}, expiry_date, ip, creator}]``; ``POST`` ``{description?, expiry_date?, ip?}`` ->
  ``{"application_token"}`` (the token text, **only this once**); ``PATCH
  /api/v1/application_token/{id}`` ``{"status": {"id": 1}}`` revokes (status 0 = Activated,
  1 = Revoked) -> 204.
* ``GET /api/v1/user/{e-mail}`` finds a user; ``GET /api/v1/user/{id}/mfa/trusted_device``;
  ``DELETE /api/v1/user/{id}/mfa/{key_id}``; ``DELETE
  /api/v1/user/{id}/mfa/trusted_device/{device_id}``.
* ``GET /api/v1/user/{id}/event`` (``my`` for oneself) and ``GET /api/v1/event`` (the
  organisation's) with ``page``, ``per_page``, ``sort``; items ``{id, alert, description,
  timestamp, event_type: {id, description}, event_source, event_severity, organisation, user:
  {id, username, name}}``. A user id that does not exist or is not accessible answers 200 ``[]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote

from desktop_app.i18n import N_
from desktop_app.portal.client import (
    IdDescription,
    MfaKey,
    PortalClient,
    TrustedDevice,
    id_description,
    parse_key,
    parse_trusted_devices,
    read_id,
    shown,
)
from desktop_app.portal.errors import (
    BadRequestError,
    ForbiddenError,
    NotFoundError,
    PortalProtocolError,
    ValidationError,
)

TOKEN_ACTIVE = 0
TOKEN_REVOKED = 1
DEFAULT_PER_PAGE = 50

# Words of event types and texts that are sign-ins or two-factor changes.
SECURITY_WORDS = (
    "login",
    "log in",
    "logged in",
    "sign-in",
    "sign in",
    "authenticat",
    "mfa",
    "multi-factor",
    "two-factor",
    "2fa",
    "trusted device",
    "password",
    "application token",
)


@dataclass(frozen=True)
class ApplicationTokenInfo:
    """One application token of the organisation (never its text: that is shown once, at
    creation). Dates are the portal's strings (ISO 8601); empty when not sent."""

    id: int
    description: str
    created: str
    expiry_date: str
    ip: str
    status: IdDescription | None
    creator: str = ""

    @property
    def revoked(self) -> bool:
        return self.status is not None and self.status.id == TOKEN_REVOKED

    @property
    def status_text(self) -> str:
        """ "active", "revoked", or the portal's description of another status."""
        if self.status is None:
            return "unknown"
        if self.status.id == TOKEN_ACTIVE:
            return "active"
        if self.status.id == TOKEN_REVOKED:
            return "revoked"
        return self.status.description or "unknown"


@dataclass(frozen=True)
class CreatedToken:
    """A new application token: ``token`` is its text, sent by the portal only this once."""

    token: str = field(repr=False)
    description: str = ""


@dataclass(frozen=True)
class OrgUser:
    """A user of the organisation as an administrator sees them (for lost-phone recovery)."""

    id: int
    username: str
    name: str
    keys: list[MfaKey]


@dataclass(frozen=True)
class SecurityEvent:
    id: int
    timestamp: str
    description: str
    type: IdDescription | None
    user: str = ""  # the username (e-mail) the event is about, when sent

    @property
    def kind(self) -> str:
        return self.type.description if self.type is not None else ""


@dataclass(frozen=True)
class EventPage:
    """One page of security events, newest first. ``has_more``: another page may follow.
    ``scanned`` counts the portal's events on this page before the filter."""

    events: list[SecurityEvent]
    page: int
    has_more: bool
    scanned: int = 0


class UserNotFoundError(NotFoundError):
    """No user of that e-mail address (:meth:`AdminTools.find_user`); ``email`` names it."""

    def __init__(self, message: str | None = None, *, email: str = "", **kw: Any) -> None:
        self.email = email
        super().__init__(message, **kw)


class UserNotReachableError(ForbiddenError):
    """The portal does not let this session reach that user: not an Administrator, or the
    user is of another organisation (one 403 for both)."""

    def __init__(self, message: str | None = None, *, email: str = "", **kw: Any) -> None:
        self.email = email
        super().__init__(message, **kw)


def is_admin_refusal(exc: BaseException) -> bool:
    """Whether ``exc`` is the portal's 403 for a user who is not an Administrator (not one
    for a user out of reach: :class:`UserNotReachableError` says that itself)."""
    return (
        isinstance(exc, ForbiddenError)
        and exc.status == 403
        and not isinstance(exc, UserNotReachableError)
    )


TokenField = Literal["expiry", "ip", ""]


def token_refusal_field(exc: BaseException) -> TokenField:
    """Which field of a new application token the portal refused ("" when it does not say
    or the error is no refusal of the input), read from its message and field errors."""
    if not isinstance(exc, ValidationError | BadRequestError):
        return ""
    said = " ".join([exc.server_message, exc.details_text()]).lower()
    if "expiry" in said:
        return "expiry"
    if "ip" in said.replace(":", " ").split():
        return "ip"
    return ""


def is_security_event(event: SecurityEvent) -> bool:
    """Sign-ins and two-factor changes (read from the event's type and text)."""
    text = f"{event.kind} {event.description}".lower()
    return any(word in text for word in SECURITY_WORDS)


def _text(value: Any) -> str:
    """A field a person reads: one clean line, capped (see :mod:`desktop_app.text`)."""
    return shown(value)


def parse_token_info(data: Any) -> ApplicationTokenInfo:
    if not isinstance(data, dict):
        raise PortalProtocolError(N_("The portal sent a malformed application token."))
    creator = data.get("creator")
    who = ""
    if isinstance(creator, dict):
        who = _text(creator.get("username")) or _text(creator.get("name"))
    return ApplicationTokenInfo(
        id=read_id(data.get("id"), N_("an application token")),
        description=_text(data.get("description")),
        created=_text(data.get("created")),
        expiry_date=_text(data.get("expiry_date")),
        ip=_text(data.get("ip")),
        status=id_description(data.get("status"), N_("an application token status")),
        creator=who,
    )


def parse_event(data: Any) -> SecurityEvent:
    if not isinstance(data, dict):
        raise PortalProtocolError(N_("The portal sent a malformed event."))
    user = data.get("user")
    return SecurityEvent(
        id=read_id(data.get("id"), N_("an event")),
        timestamp=_text(data.get("timestamp")),
        description=_text(data.get("description")),
        type=id_description(data.get("event_type"), N_("an event type")),
        user=_text(user.get("username")) if isinstance(user, dict) else "",
    )


def _list(data: Any, what: str) -> list[Any]:
    if not isinstance(data, list):
        raise PortalProtocolError(N_("The portal's list of {what} is malformed.", what=what))
    return data


class AdminTools:
    """An administrator's tools on one signed-in :class:`PortalClient`."""

    def __init__(self, client: PortalClient) -> None:
        self.client = client

    # --- application tokens ----------------------------------------------------------------

    def application_tokens(self) -> list[ApplicationTokenInfo]:
        """The organisation's application tokens (description, created, expiry, status)."""
        data = _list(self.client.request("GET", "/application_token"), N_("application tokens"))
        return [parse_token_info(item) for item in data]

    def create_application_token(
        self, description: str = "", *, expiry_date: str | None = None, ip: str | None = None
    ) -> CreatedToken:
        """A new token. ``expiry_date``: ISO 8601 (optional time and zone); ``ip``: a CIDR
        range (optional). The token text in the result is never sent again: show it once."""
        body: dict[str, Any] = {}
        if description:
            body["description"] = description
        if expiry_date:
            body["expiry_date"] = expiry_date
        if ip:
            body["ip"] = ip
        data = self.client.request("POST", "/application_token", body)
        token = data.get("application_token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise PortalProtocolError(N_("The portal created no application token."))
        return CreatedToken(token, description)

    def revoke_application_token(self, token_id: int) -> None:
        """Revoke (status 1); a revoked token signs in no more."""
        self.client.request(
            "PATCH", f"/application_token/{int(token_id)}", {"status": {"id": TOKEN_REVOKED}}
        )

    # --- lost-phone recovery ---------------------------------------------------------------

    def find_user(self, email: str) -> OrgUser:
        """A user of the organisation by e-mail, with their two-factor keys (any type;
        :meth:`MfaKey.state_known` false means the portal did not say what the key is)."""
        email = email.strip()
        try:
            data = self.client.request("GET", f"/user/{quote(email, safe='@')}")
        except NotFoundError as exc:
            raise UserNotFoundError(
                N_("The portal knows no user with the e-mail address {email}.", email=email),
                email=email,
                **exc.details(),
            ) from None
        except ForbiddenError as exc:
            if exc.status != 403:
                raise
            raise UserNotReachableError(
                N_(
                    "The portal does not let you reach {email}: only an Administrator can, and "
                    "only for users of their own organisation.",
                    email=email,
                ),
                email=email,
                **exc.details(),
            ) from None
        if not isinstance(data, dict):
            raise PortalProtocolError(N_("The portal's user record is malformed."))
        keys = data.get("mfa") or []
        return OrgUser(
            id=read_id(data.get("id"), N_("the user record")),
            username=_text(data.get("username")) or email,
            name=_text(data.get("name")),
            keys=[parse_key(k) for k in _list(keys, N_("two-factor keys"))],
        )

    def user_trusted_devices(self, user_id: int) -> list[TrustedDevice]:
        return parse_trusted_devices(
            self.client.request("GET", f"/user/{int(user_id)}/mfa/trusted_device")
        )

    def delete_user_key(self, user_id: int, key_id: int) -> None:
        """Remove another user's two-factor key (their sign-in no longer asks for its codes;
        whether e-mailed codes then protect it depends on their account)."""
        self.client.request("DELETE", f"/user/{int(user_id)}/mfa/{int(key_id)}")

    def delete_user_trusted_device(self, user_id: int, device_id: int) -> None:
        self.client.request("DELETE", f"/user/{int(user_id)}/mfa/trusted_device/{int(device_id)}")

    # --- security events -------------------------------------------------------------------

    def security_events(
        self,
        user_id: int | str | None = "my",
        *,
        page: int = 1,
        per_page: int = DEFAULT_PER_PAGE,
        only_security: bool = True,
    ) -> EventPage:
        """One page of events, newest first: of ``user_id`` (an id, or ``"my"``), or of the
        whole organisation with ``user_id=None`` (administrators). ``only_security`` keeps
        sign-ins and two-factor changes."""
        path = "/event" if user_id is None else f"/user/{quote(str(user_id), safe='')}/event"
        params = {"page": str(max(1, page)), "per_page": str(per_page), "sort": "-timestamp"}
        raw = _list(self.client.request("GET", path, params=params), N_("events"))
        events = [parse_event(item) for item in raw]
        events.sort(key=lambda e: (e.timestamp, e.id), reverse=True)
        if only_security:
            events = [e for e in events if is_security_event(e)]
        return EventPage(events, max(1, page), len(raw) >= per_page, len(raw))


__all__ = [
    "DEFAULT_PER_PAGE",
    "TOKEN_ACTIVE",
    "TOKEN_REVOKED",
    "AdminTools",
    "ApplicationTokenInfo",
    "CreatedToken",
    "EventPage",
    "OrgUser",
    "SecurityEvent",
    "TokenField",
    "UserNotFoundError",
    "UserNotReachableError",
    "is_admin_refusal",
    "is_security_event",
    "token_refusal_field",
]
