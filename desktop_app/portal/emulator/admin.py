"""The emulator's administrator calls: application tokens, security events (and, in
:mod:`.server`, other users' keys and trusted devices for administrators).

It reaches the server only through public methods (``user``, ``users``, ``workspace_name``,
``now``, ``new_id``, ``add_application_token``, ``revoke_application_token``). Readings where
the published text is silent (the emulator's choices):

* Only **Administrators** (``add_user(admin=True)``, the default) may list, create or revoke
  application tokens, list the organisation's events (``GET /api/v1/event``) and reach other
  users of their workspace; anyone else gets 403 ``{"error_code": 1104, "error_token":
  "Forbidden"}``. Everyone may read their own events (``/user/my/event``); events of a user
  that does not exist or is not accessible are 200 ``[]`` (as documented).
* Application tokens: items ``{id, description, created, status: {id, description}, creator:
  {id, username}}`` plus ``expiry_date`` / ``ip`` when set; status 0 "Activated", 1 "Revoked";
  ``PATCH`` takes ``{"status": {"id": 1}}`` (revoke; a revoked token cannot be re-activated:
  422) and/or ``{"description"}``. A created token signs in at once (``/authenticate``).
* Events: type ids 21 "User login", 22 "User login failed", 23 "Multi-factor authentication",
  24 "Application token", 1 "Endpoint update" (not a security event, for filters); ``page``
  (from 1), ``per_page`` (default 50, at most 1000), ``sort`` ``-timestamp`` (newest first, the
  default) or ``timestamp``.
"""

from __future__ import annotations

import ipaddress
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_app.portal.emulator.model import (
    EmulatorUser,
    Reply,
    Session,
    error_body,
    iso,
    path_id,
    validation,
)

if TYPE_CHECKING:
    from desktop_app.portal.emulator.server import EmulatorServer

ADMIN_CALLS = (
    "application_tokens",
    "create_application_token",
    "revoke_application_token",
    "user_events",
    "org_events",
)
EVENT_TYPES: dict[str, tuple[int, str]] = {
    "login": (21, "User login"),
    "login_failed": (22, "User login failed"),
    "mfa": (23, "Multi-factor authentication"),
    "token": (24, "Application token"),
    "other": (1, "Endpoint update"),
}
TOKEN_STATUS = {0: "Activated", 1: "Revoked"}
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 1000


@dataclass
class TokenRecord:
    id: int
    token: str
    email: str
    workspace: int
    description: str
    created: float
    expiry_date: str = ""
    ip: str = ""
    status: int = 0


@dataclass(frozen=True)
class EventRecord:
    id: int
    email: str
    user_id: int
    workspace: int
    kind: str
    description: str
    at: float


def forbidden(text: str) -> Reply:
    return Reply(403, error_body(1104, "Forbidden", text))


__all__ = ["ADMIN_CALLS", "EVENT_TYPES", "AdminApi", "EventRecord", "TokenRecord"]


class AdminApi:
    """Application tokens and security events of one emulator."""

    def __init__(self, server: EmulatorServer) -> None:
        self.server = server
        self._lock = threading.RLock()
        self.tokens: dict[int, TokenRecord] = {}
        self.events: list[EventRecord] = []

    # --- in-process API --------------------------------------------------------------------

    def record(self, user: EmulatorUser, kind: str, description: str) -> None:
        """Note one event about ``user`` (``kind`` one of :data:`EVENT_TYPES`)."""
        if kind not in EVENT_TYPES:
            raise ValueError(f"kind must be one of {', '.join(EVENT_TYPES)}")
        with self._lock:
            self.events.append(
                EventRecord(
                    self.server.new_id(),
                    user.email,
                    user.id,
                    user.default_workspace,
                    kind,
                    description,
                    self.server.now(),
                )
            )

    def handle(self, call: str, s: Session, params: dict[str, str], body: Any) -> Any:
        with self._lock:
            return getattr(self, f"call_{call}")(s, params, body)

    # --- application tokens ----------------------------------------------------------------

    def _admin(self, s: Session, what: str) -> None:
        if not s.user.admin:
            raise forbidden(f"Only administrators may {what}")

    def token_json(self, t: TokenRecord) -> dict[str, Any]:
        item: dict[str, Any] = {
            "id": t.id,
            "description": t.description,
            "created": iso(t.created),
            "status": {"id": t.status, "description": TOKEN_STATUS[t.status]},
            "creator": {"id": self.server.user(t.email).id, "username": t.email},
        }
        if t.expiry_date:
            item["expiry_date"] = t.expiry_date
        if t.ip:
            item["ip"] = t.ip
        return item

    def call_application_tokens(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._admin(s, "list application tokens")
        return [
            self.token_json(t)
            for t in sorted(self.tokens.values(), key=lambda t: t.id)
            if t.workspace == s.workspace
        ]

    def _expiry(self, value: Any) -> tuple[str, float | None]:
        if value is None:
            return "", None
        if not isinstance(value, str):
            raise validation(1403, "InvalidFormat", "must be a date", "expiry_date")
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise validation(1403, "InvalidFormat", "must be a date", "expiry_date") from None
        if when.tzinfo is None:
            when = datetime.fromisoformat(value + "+00:00")
        seconds = when.timestamp() - self.server.now()
        if seconds <= 0:
            raise validation(1400, "InputValidationFailed", "must be in the future", "expiry_date")
        return iso(when.timestamp()), seconds

    def call_create_application_token(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._admin(s, "create application tokens")
        if not isinstance(body, dict):
            raise Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        description = body.get("description", "")
        if not isinstance(description, str):
            raise validation(1403, "InvalidFormat", "must be a string", "description")
        expiry, seconds = self._expiry(body.get("expiry_date"))
        ip = body.get("ip", "")
        if ip:
            try:
                ip = str(ipaddress.ip_network(str(ip), strict=False))
            except ValueError:
                raise validation(1403, "InvalidFormat", "must be CIDR", "ip") from None
        token = self.server.add_application_token(
            s.user.email, expires_in=seconds, workspace=s.workspace
        )
        record = TokenRecord(
            self.server.new_id(),
            token,
            s.user.email,
            s.workspace,
            description,
            self.server.now(),
            expiry,
            ip,
        )
        self.tokens[record.id] = record
        self.record(s.user, "token", f"Application token with Id '{record.id}' created")
        return {"application_token": token}

    def call_revoke_application_token(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._admin(s, "change application tokens")
        ident = path_id(params["token"])
        record = self.tokens.get(ident) if ident is not None else None
        if record is None or record.workspace != s.workspace:
            raise Reply(404, error_body(1201, "NotFound", "Application token not found"))
        if not isinstance(body, dict):
            raise Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        if "description" in body:
            if not isinstance(body["description"], str):
                raise validation(1403, "InvalidFormat", "must be a string", "description")
            record.description = body["description"]
        if "status" in body:
            status = body["status"]
            sid = path_id(str(status.get("id"))) if isinstance(status, dict) else None
            if sid not in TOKEN_STATUS:
                raise validation(1401, "InvalidReference", "unknown status", "status.id")
            if record.status == 1 and sid == 0:
                raise validation(1400, "InputValidationFailed", "a revoked token stays", "status")
            if sid == 1 and record.status != 1:
                record.status = 1
                self.server.revoke_application_token(record.token)
                self.record(s.user, "token", f"Application token with Id '{record.id}' revoked")
        return None

    # --- events ----------------------------------------------------------------------------

    def event_json(self, e: EventRecord) -> dict[str, Any]:
        type_id, type_text = EVENT_TYPES[e.kind]
        return {
            "id": e.id,
            "alert": False,
            "description": e.description,
            "timestamp": iso(e.at),
            "event_type": {"id": type_id, "description": type_text},
            "event_source": {"id": 2, "description": "API"},
            "event_severity": {"id": 0, "description": "Info"},
            "organisation": {"id": e.workspace, "name": self.server.workspace_name(e.workspace)},
            "user": {"id": e.user_id, "username": e.email, "name": e.email.split("@")[0]},
        }

    def _page(self, events: list[EventRecord], params: dict[str, str]) -> list[dict[str, Any]]:
        try:
            page = int(params.get("query.page", "1"))
            per_page = int(params.get("query.per_page", str(DEFAULT_PER_PAGE)))
        except ValueError:
            raise Reply(400, error_body(None, "BadRequest", "Invalid paging parameters")) from None
        sort = params.get("query.sort", "-timestamp")
        if page < 1 or not 1 <= per_page <= MAX_PER_PAGE or sort not in ("timestamp", "-timestamp"):
            raise Reply(400, error_body(None, "BadRequest", "Invalid paging or sort parameters"))
        ordered = sorted(events, key=lambda e: (e.at, e.id), reverse=sort.startswith("-"))
        chunk = ordered[(page - 1) * per_page : page * per_page]
        return [self.event_json(e) for e in chunk]

    def call_user_events(self, s: Session, params: dict[str, str], body: Any) -> Any:
        ref = params.get("user", "my")
        target = self._reachable(s, ref)
        if target is None:
            return []  # documented: a missing or inaccessible user has no events, not 404
        return self._page([e for e in self.events if e.email == target.email], params)

    def call_org_events(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._admin(s, "list the organisation's events")
        return self._page([e for e in self.events if e.workspace == s.workspace], params)

    def _reachable(self, s: Session, ref: str) -> EmulatorUser | None:
        if ref == "my":
            return s.user
        wanted = path_id(ref)
        for user in self.server.users():
            if user.id == wanted or user.email.lower() == ref.lower():
                if user is s.user or (s.user.admin and s.workspace in user.workspaces):
                    return user
                return None
        return None
