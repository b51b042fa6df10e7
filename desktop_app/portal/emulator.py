"""A local emnify portal emulator: a real HTTP server that behaves like the real portal.

For tests and for ``desktop-authenticator --demo`` / ``desktop-authenticator portal-emulator``
(``python -m desktop_app.portal.emulator`` runs the same command line). Stdlib
``ThreadingHTTPServer`` in a background thread; all state in memory. It follows
../shared/specs/emnify-portal-api.md, section "How real accounts behave" first.

In-process API (stable; tests and the demo use it)::

    with EmulatorServer(account_kind="paid", outbox=tmp_path / "outbox.jsonl") as emu:
        emu.add_user("ann@example.com", "secret", application_token="app-tok")
        client = PortalClient(emu.url)
        client.login_with_password(...)            # -> {"mfa_token"}: a code was "e-mailed"
        code = emu.last_email_code("ann@example.com")   # or read_outbox(path)[-1]["code"]
        emu.app_token_may_manage_mfa = False       # app-token sessions may not manage MFA keys
        emu.advance_clock(241 * 60)                # expire the auth tokens
        emu.inject_fault("activate_key", "error", status=503)

* ``EmulatorServer(host="127.0.0.1", port=0, users=None, *, account_kind="paid", outbox=None,
  on_email=None, app_token_may_manage_mfa=True, empty_401_bodies=True, ...)``; ``start()`` /
  ``stop()`` or ``with``; ``url``.
* Users: ``add_user(email, password, *, application_token=None, mfa_mandatory=False,
  account_kind=None)`` (``account_kind`` overrides the server's for this user);
  ``add_application_token(email, token=None, *, expires_in=None, workspace=None)``;
  ``add_workspace(email, name, *, workspace_id=None)``; ``add_active_key(email)``; ``keys()``,
  ``active_keys()``, ``devices()``, ``workspaces()``.
* "E-mails": every code sent is one :class:`EmulatorEmail` (``to``, ``code``, ``purpose``,
  ``sent_at``, ``valid_until``): kept in ``emu.emails``, appended as one JSON line to ``outbox``
  (a path) and passed to ``on_email`` (a callback, called from a server thread);
  ``last_email_code(email)``; :func:`read_outbox` reads an outbox file.

Account kinds (``account_kind``; ``--account-kind``), as real emnify accounts are:

* ``paid`` (default): **e-mail MFA is always on** and cannot be switched off. A password login
  answers ``{"mfa_token"}`` unless the device is trusted; without an active TOTP key a code is
  "e-mailed" (valid 20 minutes, 6 characters of upper-case letters and digits, at least one
  letter; checked case-insensitively, spaces and hyphens ignored). Adding and activating a TOTP
  key makes the authenticator app the method (the MFA step then wants the TOTP code and no e-mail
  is sent); deleting it falls back to e-mailed codes.
* ``trial``: no MFA at all until a TOTP key is activated (then TOTP, as above).
* ``enforced``: like ``paid``, and the organisation enforces MFA with an authenticator app: the
  emulator **refuses to delete the last active TOTP key** with ``403`` ``{"error_code": 1104,
  "error_token": "Forbidden", "message": "Multi-factor authentication is mandatory in your
  organisation: ..."}`` (the same refusal as a user with ``mfa_mandatory=True``). A pending key
  can still be deleted (cancelling an enrolment).

What it answers (paths of the spec):

* ``POST /api/v1/authenticate``: application token (-> ``{"auth_token"}`` only; tokens may
  expire); user credentials (password = lower-case hex SHA-1) -> ``{"auth_token",
  "refresh_token"}`` or ``{"mfa_token"}``; the MFA step ``{"mfa_token", "code",
  "trusted_device"?}`` (a trusted ``fingerprint`` skips the step for 90 days); refresh
  (-> ``{"auth_token"}``). Auth, refresh and MFA tokens are HS256 JWTs signed with a per-instance
  key; auth tokens live ``token_lifetime`` (240 min) with claims ``sub`` (e-mail), ``esc.org``,
  ``esc.orgName``, ``iat``, ``exp``, ``jti`` (no user-id claim: resolve the user by e-mail).
  MFA tokens live 20 min (e-mail) or 5 min (TOTP) and are reusable until the step succeeds.
* Failed logins (unknown user, wrong password, wrong code, bad or expired application token):
  **401 with an empty body** (``empty_401_bodies=False`` sends InvalidCredentials 1101 bodies).
  Lockout: the 3rd failure in a row locks the account for 5 minutes; that answer and every login
  while locked is 401 with a TooManyRequests (1105) body (the spec allows 401 or 429).
* Rate limits per client IP over ``rate_window`` (300 s): ``auth_rate_limit`` (100) on
  ``/authenticate``, ``overall_rate_limit`` (2000) on everything; over it 429 + ``Retry-After``.
* ``POST /api/v1/authenticate/workspace`` ``{"target_organisation": {"id"}}`` -> ``{"auth_token"}``
  for that workspace (user-credential sessions only; an application-token session gets 403/1104;
  a workspace the user is not in 422/1401). ``GET /api/v2/user/{id|e-mail|my}/workspace`` lists
  ``[{"id", "name", "status": {"status": {"id"}}, "roles": [{"id", "name"}], "owner",
  "default_workspace"}]`` (the published shape); ``PUT
  /api/v2/user/{...}/default_organisation/{id}`` -> 200 ``{}``.
  Each user starts in one workspace ("<name>'s organisation").
* Two-factor keys: types ``[{"id": 0, "description": "Time-Based One-Time Password"}]``
  (``email_type_listed=True`` adds ``{"id": 1, "description": "E-Mail"}`` and lists the e-mail
  method as an entry of the user's ``mfa``); statuses ``[{"id": 0, "description": "Activation
  Pending"}, {"id": 1, "description": "Active"}]`` (ids configurable). One TOTP key per user
  (another create is 409). Activation ``PATCH /api/v1/user/mfa/{id}`` needs **both**
  ``status.id == 1`` and a string ``code`` at the top level; the code is checked with one step of
  drift. Trusted devices at ``/api/v1/user/{id|e-mail|my}/mfa/trusted_device`` and
  ``/api/v1/user/mfa/trusted_device`` (items ``{id, operating_system, browser,
  activation_date}``). ``GET /api/v1/user/{id|e-mail|my}`` -> ``{id, username, name, created,
  status, organisation, roles, mfa}``.
* Application-token sessions may create, activate and delete MFA keys unless
  ``app_token_may_manage_mfa`` is False: then 403 ``{"error_code": 1104, "error_token":
  "Forbidden", ...}``.
* **Readings of the spec's unsure points:** the ``POST /user/mfa`` password must be **SHA-1
  hashed** (``mfa_password_form="plain"`` or ``"either"`` switch this); the activation ``code`` is
  accepted **only at the top level** (the published OpenAPI); the e-mail method is **not** listed
  in ``mfa`` unless ``email_type_listed``.
* Request bodies with a ``null`` anywhere are refused: 400 ``{"error_code": 1403,
  "error_token": "InvalidFormat"}`` (the real API documents no nullable request field).
* Other errors use the documented bodies: 1102 1103 1104 1105 1201 1400 (wrong password / wrong
  code, with nested ``errors``) 1401 1402 1403, 409 (a key exists / already active), 400.
* A client that disconnects mid-request is no error: no traceback, nothing logged above DEBUG.

Test switches (methods, the control endpoint ``/_emulator/...`` or command-line flags):

* ``inject_fault(call, kind, status=503, delay=1.0, times=1)``: ``kind`` is ``delay`` (sleep, then
  answer), ``error`` (answer ``status`` with an error body), ``drop`` (close the connection without
  answering, before handling), ``drop_after`` (handle the call, then close without answering).
  ``call`` is one of :data:`CALLS` or ``*``.
* ``advance_clock(seconds)`` / ``set_clock_offset(seconds)``: the emulator's own clock (tokens,
  TOTP, e-mailed codes, lockouts, rate windows, trusted devices) so tests never sleep.
* ``set_rate_limits(auth=, overall=, window=)``.
* Control endpoint (no auth; **refused with 403 to any peer that is not loopback**, even when the
  server is bound wider, see :func:`control_allowed`): ``GET /_emulator/state``,
  ``GET /_emulator/outbox``, ``POST /_emulator/fault`` ``{"call", "kind", "status"?, "delay"?,
  "times"?}``, ``POST /_emulator/clear-faults``, ``POST /_emulator/clock`` ``{"advance"?: s,
  "offset"?: s}``, ``POST /_emulator/rate-limit`` ``{"auth"?, "overall"?, "window"?}``,
  ``POST /_emulator/settings`` ``{"app_token_may_manage_mfa"?: bool}``.
"""

from __future__ import annotations

import argparse
import base64
import collections
import hashlib
import hmac
import ipaddress
import json
import logging
import math
import re
import secrets
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from desktop_app.otp.codes import verify
from desktop_app.otp.model import Entry

log = logging.getLogger(__name__)

ACCOUNT_KINDS = ("trial", "paid", "enforced")
CALLS = (
    "authenticate",
    "switch_workspace",
    "mfa_types",
    "mfa_statuses",
    "create_key",
    "activate_key",
    "get_user",
    "delete_key",
    "trusted_devices",
    "delete_trusted_device",
    "workspaces",
    "set_default_workspace",
)
FAULT_KINDS = ("delay", "error", "drop", "drop_after")
TOKEN_LIFETIME = 240 * 60
REFRESH_LIFETIME = 30 * 86400
MFA_TOKEN_LIFETIME = 300
EMAIL_CODE_LIFETIME = 20 * 60
TRUST_LIFETIME = 90 * 86400
LOCK_SECONDS = 300
MAX_FAILURES = 3
TOTP_DESCRIPTION = "Time-Based One-Time Password"
EMAIL_DESCRIPTION = "E-Mail"
EMAIL_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
EMAIL_CODE_LENGTH = 6
_DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)

_ROUTES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("POST", re.compile(r"^/api/v1/authenticate$"), "authenticate"),
    ("POST", re.compile(r"^/api/v1/authenticate/workspace$"), "switch_workspace"),
    ("GET", re.compile(r"^/api/v1/user/mfa/type$"), "mfa_types"),
    ("GET", re.compile(r"^/api/v1/user/mfa/status$"), "mfa_statuses"),
    ("POST", re.compile(r"^/api/v1/user/mfa$"), "create_key"),
    ("PATCH", re.compile(r"^/api/v1/user/mfa/(?P<key>[^/]+)$"), "activate_key"),
    ("GET", re.compile(r"^/api/v1/user/mfa/trusted_device$"), "trusted_devices"),
    (
        "DELETE",
        re.compile(r"^/api/v1/user/mfa/trusted_device/(?P<dev>[^/]+)$"),
        "delete_trusted_device",
    ),
    ("GET", re.compile(r"^/api/v1/user/(?P<user>[^/]+)/mfa/trusted_device$"), "trusted_devices"),
    (
        "DELETE",
        re.compile(r"^/api/v1/user/(?P<user>[^/]+)/mfa/trusted_device/(?P<dev>[^/]+)$"),
        "delete_trusted_device",
    ),
    ("DELETE", re.compile(r"^/api/v1/user/(?P<user>[^/]+)/mfa/(?P<key>[^/]+)$"), "delete_key"),
    ("GET", re.compile(r"^/api/v1/user/(?P<user>[^/]+)$"), "get_user"),
    ("GET", re.compile(r"^/api/v2/user/(?P<user>[^/]+)/workspace$"), "workspaces"),
    (
        "PUT",
        re.compile(r"^/api/v2/user/(?P<user>[^/]+)/default_organisation/(?P<org>[^/]+)$"),
        "set_default_workspace",
    ),
)


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def control_allowed(peer: str) -> bool:
    """Whether a client at address ``peer`` may use the control endpoint: loopback only
    (``127.0.0.0/8``, ``::1`` and IPv4-mapped loopback); anything unparsable is refused."""
    try:
        address = ipaddress.ip_address(peer.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def find_null(value: Any, path: str = "") -> str | None:
    """The path of the first ``null`` inside a JSON value (``"$"`` for the value itself)."""
    if value is None:
        return path or "$"
    if isinstance(value, dict):
        for k, v in value.items():
            found = find_null(v, f"{path}.{k}" if path else str(k))
            if found:
                return found
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = find_null(v, f"{path}[{i}]")
            if found:
                return found
    return None


@dataclass
class EmulatorKey:
    id: int
    secret: str
    status_id: int
    created: float


@dataclass
class EmulatorDevice:
    id: int
    fingerprint: str
    operating_system: str
    browser: str
    name: str
    activated: float


@dataclass
class EmulatorWorkspace:
    id: int
    name: str


@dataclass
class EmulatorUser:
    email: str
    password: str
    id: int = 0
    application_token: str | None = None
    mfa_mandatory: bool = False
    account_kind: str | None = None
    created: float = 0.0
    keys: list[EmulatorKey] = field(default_factory=list)
    devices: list[EmulatorDevice] = field(default_factory=list)
    workspaces: list[int] = field(default_factory=list)
    default_workspace: int = 0
    failures: int = 0
    locked_until: float = 0.0


@dataclass
class EmulatorEmail:
    """One "e-mail" the emulator sent (a one-time code)."""

    to: str
    code: str
    purpose: str
    sent_at: str
    valid_until: str
    subject: str = "Your emnify verification code"

    def as_json(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class ApplicationToken:
    email: str
    workspace: int
    expires: float | None = None


@dataclass
class Fault:
    call: str
    kind: str
    status: int = 503
    delay: float = 1.0
    times: int = 1


@dataclass
class _Session:
    """What an auth token stands for (kept by the server, looked up by the JWT's ``jti``)."""

    user: EmulatorUser
    kind: str  # "user" (credentials) or "application"
    workspace: int


@dataclass
class _Challenge:
    """An MFA second step in progress."""

    email: str
    expires: float
    method: str  # "email" or "totp"
    code: str = ""
    fingerprint: str = ""


class _Reply(Exception):
    """Raised inside a handler to answer with an error."""

    def __init__(
        self, status: int, body: Any = None, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = dict(headers or {})


def error_body(
    code: int | None, token: str, message: str, errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"error_token": token, "message": message}
    if code is not None:
        body["error_code"] = code
    if errors:
        body["errors"] = errors
    return body


def _validation(code: int, token: str, message: str, field_name: str) -> _Reply:
    nested = [error_body(code, token, f"{field_name}: {message}")]
    top_message = "Validation failed" if code == 1400 else message
    return _Reply(422, error_body(code, token, top_message, nested))


def read_outbox(path: str | Path) -> list[dict[str, Any]]:
    """The messages of an outbox file (one JSON object a line), oldest first."""
    file = Path(path)
    if not file.exists():
        return []
    return [json.loads(line) for line in file.read_text("utf-8").splitlines() if line.strip()]


class EmulatorServer:
    """The emulator. ``users`` maps e-mail to password, or is a list of :class:`EmulatorUser`."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        users: Mapping[str, str] | Iterable[EmulatorUser] | None = None,
        *,
        account_kind: str = "paid",
        outbox: str | Path | None = None,
        on_email: Callable[[EmulatorEmail], None] | None = None,
        app_token_may_manage_mfa: bool = True,
        email_type_listed: bool = False,
        token_lifetime: int = TOKEN_LIFETIME,
        auth_rate_limit: int = 100,
        overall_rate_limit: int = 2000,
        rate_window: float = 300.0,
        mfa_password_form: str = "hashed",
        empty_401_bodies: bool = True,
        totp_type_id: int = 0,
        email_type_id: int = 1,
        active_status_id: int = 1,
        pending_status_id: int = 0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if account_kind not in ACCOUNT_KINDS:
            raise ValueError(f"account_kind must be one of {', '.join(ACCOUNT_KINDS)}")
        if mfa_password_form not in ("hashed", "plain", "either"):
            raise ValueError("mfa_password_form must be hashed, plain or either")
        self.host = host
        self._port = port
        self.account_kind = account_kind
        self.outbox = Path(outbox) if outbox is not None else None
        self.on_email = on_email
        self.app_token_may_manage_mfa = app_token_may_manage_mfa
        self.email_type_listed = email_type_listed
        self.token_lifetime = token_lifetime
        self.auth_rate_limit = auth_rate_limit
        self.overall_rate_limit = overall_rate_limit
        self.rate_window = rate_window
        self.mfa_password_form = mfa_password_form
        self.empty_401_bodies = empty_401_bodies
        self.totp_type_id = totp_type_id
        self.email_type_id = email_type_id
        self.active_status_id = active_status_id
        self.pending_status_id = pending_status_id
        self._ssl_context = ssl_context
        self.clock_offset = 0.0
        self._lock = threading.RLock()
        self._signing_key = secrets.token_bytes(32)
        self._users: dict[str, EmulatorUser] = {}
        self._workspaces: dict[int, EmulatorWorkspace] = {}
        self._app_tokens: dict[str, ApplicationToken] = {}
        self._sessions: dict[str, _Session] = {}
        self._next_id = 100
        self._refresh: dict[str, tuple[str, float, int]] = {}
        self._mfa_tokens: dict[str, _Challenge] = {}
        self._hits: dict[tuple[str, str], collections.deque[float]] = {}
        self._faults: list[Fault] = []
        self.emails: list[EmulatorEmail] = []
        self.calls: collections.Counter[str] = collections.Counter()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        if isinstance(users, Mapping):
            for email, password in users.items():
                self.add_user(email, password)
        elif users is not None:
            for user in users:
                self._add(user)

    # --- users and state -------------------------------------------------------------------

    def _new_id(self) -> int:
        with self._lock:
            self._next_id += 1
            return self._next_id

    def _add(self, user: EmulatorUser) -> EmulatorUser:
        with self._lock:
            if not user.id:
                user.id = self._new_id()
            if not user.created:
                user.created = self.now()
            if user.account_kind is not None and user.account_kind not in ACCOUNT_KINDS:
                raise ValueError(f"account_kind must be one of {', '.join(ACCOUNT_KINDS)}")
            self._users[user.email.lower()] = user
            if not user.workspaces:
                name = user.email.split("@")[0].capitalize()
                self.add_workspace(user.email, f"{name}'s organisation")
            if not user.default_workspace:
                user.default_workspace = user.workspaces[0]
            return user

    def add_user(
        self,
        email: str,
        password: str,
        *,
        application_token: str | None = None,
        mfa_mandatory: bool = False,
        account_kind: str | None = None,
    ) -> EmulatorUser:
        """Add a user (in a workspace of their own); ``account_kind`` overrides the server's."""
        return self._add(
            EmulatorUser(
                email=email,
                password=password,
                application_token=application_token,
                mfa_mandatory=mfa_mandatory,
                account_kind=account_kind,
            )
        )

    def user(self, email: str) -> EmulatorUser:
        return self._users[email.lower()]

    def kind_of(self, user: EmulatorUser) -> str:
        """The account kind that applies to ``user`` (their own, else the server's)."""
        return user.account_kind or self.account_kind

    def add_workspace(
        self, email: str, name: str, *, workspace_id: int | None = None
    ) -> EmulatorWorkspace:
        """Make ``email`` a member of a (new, or existing by ``workspace_id``) workspace."""
        with self._lock:
            wid = workspace_id or self._new_id()
            ws = self._workspaces.setdefault(wid, EmulatorWorkspace(wid, name))
            user = self.user(email)
            if wid not in user.workspaces:
                user.workspaces.append(wid)
            return ws

    def workspaces(self, email: str) -> list[EmulatorWorkspace]:
        with self._lock:
            return [self._workspaces[w] for w in self.user(email).workspaces]

    def add_application_token(
        self,
        email: str,
        token: str | None = None,
        *,
        expires_in: float | None = None,
        workspace: int | None = None,
    ) -> str:
        """Issue an application token for ``email`` (scoped to one workspace, default theirs),
        valid for ``expires_in`` seconds of the emulator clock (None: no expiry)."""
        with self._lock:
            user = self.user(email)
            token = token or secrets.token_urlsafe(32)
            self._app_tokens[token] = ApplicationToken(
                user.email.lower(),
                workspace or user.default_workspace,
                None if expires_in is None else self.now() + expires_in,
            )
            return token

    def add_active_key(self, email: str, secret: str | None = None) -> EmulatorKey:
        """Give a user an active key (2FA already on); returns it (with its secret)."""
        with self._lock:
            key = EmulatorKey(
                id=self._new_id(),
                secret=secret or _random_base32(),
                status_id=self.active_status_id,
                created=self.now(),
            )
            self.user(email).keys.append(key)
            return key

    def keys(self, email: str) -> list[EmulatorKey]:
        with self._lock:
            return list(self.user(email).keys)

    def active_keys(self, email: str) -> list[EmulatorKey]:
        return [k for k in self.keys(email) if k.status_id == self.active_status_id]

    def devices(self, email: str) -> list[EmulatorDevice]:
        with self._lock:
            return list(self.user(email).devices)

    def last_email_code(self, email: str) -> str | None:
        """The code of the last "e-mail" sent to ``email`` (None if none was)."""
        with self._lock:
            for mail in reversed(self.emails):
                if mail.to.lower() == email.lower():
                    return mail.code
            return None

    def _send_email(self, user: EmulatorUser, purpose: str) -> str:
        now = self.now()
        code = _email_code()
        mail = EmulatorEmail(
            to=user.email,
            code=code,
            purpose=purpose,
            sent_at=iso(now),
            valid_until=iso(now + EMAIL_CODE_LIFETIME),
        )
        self.emails.append(mail)
        if self.outbox is not None:
            with self.outbox.open("a", encoding="utf-8") as f:
                f.write(json.dumps(mail.as_json()) + "\n")
        if self.on_email is not None:
            try:
                self.on_email(mail)
            except Exception:  # a broken listener must not break the login
                log.exception("emulator: the e-mail listener failed")
        return code

    # --- clock, faults, limits -------------------------------------------------------------

    def now(self) -> float:
        return time.time() + self.clock_offset

    def advance_clock(self, seconds: float) -> None:
        with self._lock:
            self.clock_offset += seconds

    def set_clock_offset(self, seconds: float) -> None:
        with self._lock:
            self.clock_offset = float(seconds)

    def inject_fault(
        self, call: str, kind: str, *, status: int = 503, delay: float = 1.0, times: int = 1
    ) -> None:
        if call != "*" and call not in CALLS:
            raise ValueError(f"unknown call {call!r}; one of {', '.join(CALLS)} or *")
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(FAULT_KINDS)}")
        with self._lock:
            self._faults.append(Fault(call, kind, status, delay, times))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def set_rate_limits(
        self, *, auth: int | None = None, overall: int | None = None, window: float | None = None
    ) -> None:
        with self._lock:
            if auth is not None:
                self.auth_rate_limit = auth
            if overall is not None:
                self.overall_rate_limit = overall
            if window is not None:
                self.rate_window = window
            self._hits.clear()

    def _take_fault(self, call: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.call in (call, "*"):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
            return None

    # --- server lifecycle ------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._httpd is None:
            return self._port
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        scheme = "https" if self._ssl_context else "http"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}"

    def start(self) -> EmulatorServer:
        if self._httpd is not None:
            return self
        server_class = _QuietServer6 if ":" in self.host else _QuietServer
        httpd = server_class((self.host, self._port), _Handler)
        httpd.daemon_threads = True
        if self._ssl_context is not None:
            httpd.socket = self._ssl_context.wrap_socket(httpd.socket, server_side=True)
        httpd.emulator = self  # type: ignore[attr-defined]
        self._httpd = httpd
        self._stopping.clear()
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.name = "portal-emulator"
        self._thread.start()
        log.info("portal emulator listening on %s", self.url)
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._port = int(httpd.server_address[1])
        self._stopping.set()
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- tokens ----------------------------------------------------------------------------

    def _sign(self, claims: Mapping[str, Any]) -> str:
        header = {"alg": "HS256", "typ": "JWT"}
        signing_input = (
            _b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        sig = hmac.new(self._signing_key, signing_input.encode("ascii"), hashlib.sha256).digest()
        return f"{signing_input}.{_b64url(sig)}"

    def issue_auth_token(
        self, user: EmulatorUser, *, kind: str = "user", workspace: int | None = None
    ) -> str:
        """A signed auth token for ``user`` (a credentials session in their default workspace
        unless told otherwise)."""
        with self._lock:
            now = int(self.now())
            ws = self._workspaces[workspace or user.default_workspace]
            jti = secrets.token_hex(8)
            self._sessions[jti] = _Session(user, kind, ws.id)
            return self._sign(
                {
                    "iss": "emnify-portal-emulator",
                    "sub": user.email,
                    "esc.org": ws.id,
                    "esc.orgName": ws.name,
                    "iat": now,
                    "exp": now + self.token_lifetime,
                    "jti": jti,
                }
            )

    def _short_token(self, user: EmulatorUser, purpose: str, lifetime: float) -> str:
        now = int(self.now())
        return self._sign(
            {
                "iss": "emnify-portal-emulator",
                "sub": user.email,
                "typ": purpose,
                "iat": now,
                "exp": now + int(lifetime),
                "jti": secrets.token_hex(12),
            }
        )

    def _session_from_token(self, header: str | None) -> _Session:
        if not header or not header.startswith("Bearer "):
            raise _Reply(401, error_body(1102, "InvalidToken", "Missing authorization token"))
        token = header[len("Bearer ") :].strip()
        parts = token.split(".")
        invalid = _Reply(401, error_body(1102, "InvalidToken", "Invalid token"))
        if len(parts) != 3:
            raise invalid
        signing_input = f"{parts[0]}.{parts[1]}"
        expected = hmac.new(
            self._signing_key, signing_input.encode("ascii"), hashlib.sha256
        ).digest()
        try:
            sig = _unb64url(parts[2])
            header_json = json.loads(_unb64url(parts[0]))
            claims = json.loads(_unb64url(parts[1]))
        except ValueError:
            raise invalid from None
        if not hmac.compare_digest(sig, expected) or header_json.get("alg") != "HS256":
            raise invalid
        if not isinstance(claims, dict) or "typ" in claims:
            raise invalid  # an MFA or refresh token is no auth token
        if float(claims.get("exp", 0)) <= self.now():
            raise _Reply(401, error_body(1103, "TokenExpired", "Token expired"))
        session = self._sessions.get(str(claims.get("jti", "")))
        if session is None or session.user.email.lower() != str(claims.get("sub", "")).lower():
            raise invalid
        if self._users.get(session.user.email.lower()) is not session.user:
            raise invalid
        return session

    def _issue_login(self, user: EmulatorUser, workspace: int | None = None) -> dict[str, str]:
        ws = workspace or user.default_workspace
        refresh = self._short_token(user, "refresh", REFRESH_LIFETIME)
        self._refresh[refresh] = (user.email.lower(), self.now() + REFRESH_LIFETIME, ws)
        return {"auth_token": self.issue_auth_token(user, workspace=ws), "refresh_token": refresh}

    # --- request handling ------------------------------------------------------------------

    def _rate_check(self, ip: str, call: str) -> None:
        now = self.now()
        checks = [("all", self.overall_rate_limit)]
        if call == "authenticate":
            checks.append(("auth", self.auth_rate_limit))
        for bucket, limit in checks:
            hits = self._hits.setdefault((ip, bucket), collections.deque())
            while hits and hits[0] <= now - self.rate_window:
                hits.popleft()
            if len(hits) >= limit:
                oldest = hits[0] if hits else now
                retry = max(1, math.ceil(oldest + self.rate_window - now))
                raise _Reply(
                    429,
                    error_body(1105, "TooManyRequests", "Rate limit exceeded"),
                    {"Retry-After": str(retry)},
                )
        for bucket, _limit in checks:
            self._hits[(ip, bucket)].append(now)

    def handle(
        self, method: str, call: str, params: dict[str, str], headers: Any, body: Any, ip: str
    ) -> tuple[int, Any, dict[str, str]]:
        """Handle one API call (already routed); returns (status, body, headers)."""
        with self._lock:
            self._rate_check(ip, call)
            null_at = find_null(body) if body is not None else None
            if null_at:
                raise _Reply(
                    400, error_body(1403, "InvalidFormat", f"{null_at}: null is not allowed")
                )
            if call == "authenticate":
                return 200, self._authenticate(body), {}
            session = self._session_from_token(headers.get("Authorization"))
            handler = getattr(self, f"_call_{call}")
            result = handler(session, params, body)
            if result is None:
                return 204, None, {}
            return 200, result, {}

    def _locked_reply(self, user: EmulatorUser) -> _Reply:
        retry = max(1, math.ceil(user.locked_until - self.now()))
        return _Reply(
            401,
            error_body(
                1105,
                "TooManyRequests",
                "Too many failed attempts: the account is locked for 5 minutes",
            ),
            {"Retry-After": str(retry)},
        )

    def _bad_credentials(self, message: str) -> _Reply:
        if self.empty_401_bodies:
            return _Reply(401, None)
        return _Reply(401, error_body(1101, "InvalidCredentials", message))

    def _failed_attempt(self, user: EmulatorUser, message: str) -> _Reply:
        user.failures += 1
        if user.failures >= MAX_FAILURES:
            user.failures = 0
            user.locked_until = self.now() + LOCK_SECONDS
            return self._locked_reply(user)
        return self._bad_credentials(message)

    def _authenticate(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise _Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        now = self.now()
        if "application_token" in body:
            token = body.get("application_token")
            if isinstance(token, str):
                tokens = dict(self._app_tokens)
                for u in self._users.values():  # the one token of add_user(application_token=)
                    if u.application_token and u.application_token not in tokens:
                        tokens[u.application_token] = ApplicationToken(
                            u.email.lower(), u.default_workspace
                        )
                for known, record in tokens.items():
                    if hmac.compare_digest(known, token):
                        if record.expires is not None and record.expires <= now:
                            break
                        user = self._users.get(record.email)
                        if user is None:
                            break
                        auth = self.issue_auth_token(
                            user, kind="application", workspace=record.workspace
                        )
                        return {"auth_token": auth}
            raise self._bad_credentials("Invalid application token")
        if "refresh_token" in body:
            refresh = self._refresh.get(str(body.get("refresh_token")))
            if refresh is None or refresh[1] <= now or refresh[0] not in self._users:
                raise _Reply(401, error_body(1102, "InvalidToken", "Invalid refresh token"))
            return {
                "auth_token": self.issue_auth_token(self._users[refresh[0]], workspace=refresh[2])
            }
        if "mfa_token" in body:
            return self._mfa_step(body)
        if "username" in body or "password" in body:
            return self._password_login(body)
        raise _Reply(400, error_body(None, "BadRequest", "No known authentication form"))

    def _password_login(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self.now()
        username, password = body.get("username"), body.get("password")
        if not isinstance(username, str) or not isinstance(password, str):
            raise _Reply(400, error_body(1402, "Required", "username and password are required"))
        user = self._users.get(username.lower())
        if user is None:
            raise self._bad_credentials("Invalid credentials")
        if user.locked_until > now:
            raise self._locked_reply(user)
        if not hmac.compare_digest(password.lower(), sha1_hex(user.password)):
            raise self._failed_attempt(user, "Invalid credentials")
        user.failures = 0
        active = [k for k in user.keys if k.status_id == self.active_status_id]
        fingerprint = body.get("fingerprint")
        trusted = isinstance(fingerprint, str) and any(
            hmac.compare_digest(d.fingerprint, fingerprint) and d.activated + TRUST_LIFETIME > now
            for d in user.devices
        )
        email_mfa = self.kind_of(user) != "trial"
        if trusted or not (active or email_mfa):
            return self._issue_login(user)
        mfa_token = self._short_token(
            user, "mfa", MFA_TOKEN_LIFETIME if active else EMAIL_CODE_LIFETIME
        )
        if active:
            challenge = _Challenge(user.email.lower(), now + MFA_TOKEN_LIFETIME, "totp")
        else:
            code = self._send_email(user, "login")
            challenge = _Challenge(user.email.lower(), now + EMAIL_CODE_LIFETIME, "email", code)
        self._mfa_tokens[mfa_token] = challenge
        return {"mfa_token": mfa_token}

    def _mfa_step(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self.now()
        token = str(body.get("mfa_token"))
        challenge = self._mfa_tokens.get(token)
        if challenge is None or challenge.expires <= now or challenge.email not in self._users:
            raise _Reply(401, error_body(1102, "InvalidToken", "Invalid or expired MFA token"))
        user = self._users[challenge.email]
        if user.locked_until > now:
            raise self._locked_reply(user)
        code = body.get("code")
        if not isinstance(code, str) or not code:
            raise _Reply(400, error_body(1402, "Required", "code is required"))
        if challenge.method == "email":
            sent = re.sub(r"[\s-]", "", code).upper()
            ok = hmac.compare_digest(sent.encode(), challenge.code.encode())
        else:
            ok = any(
                k.status_id == self.active_status_id and _code_ok(k.secret, code, now)
                for k in user.keys
            )
        if not ok:
            raise self._failed_attempt(user, "Invalid code")
        user.failures = 0
        del self._mfa_tokens[token]
        device = body.get("trusted_device")
        if isinstance(device, dict) and isinstance(device.get("fingerprint"), str):
            fp = device["fingerprint"]
            user.devices = [d for d in user.devices if d.fingerprint != fp]
            user.devices.append(
                EmulatorDevice(
                    id=self._new_id(),
                    fingerprint=fp,
                    operating_system=str(device.get("operating_system") or ""),
                    browser=str(device.get("browser") or ""),
                    name=str(device.get("name") or ""),
                    activated=now,
                )
            )
        return self._issue_login(user)

    def _call_switch_workspace(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        if s.kind != "user":
            raise _Reply(
                403,
                error_body(
                    1104,
                    "Forbidden",
                    "Switching workspaces needs a session signed in with user credentials",
                ),
            )
        if not isinstance(body, dict) or "target_organisation" not in body:
            raise _validation(1402, "Required", "may not be null", "target_organisation")
        target = body["target_organisation"]
        if not isinstance(target, dict) or not isinstance(target.get("id"), int):
            raise _validation(1403, "InvalidFormat", "must be an object with an id", "id")
        if target["id"] not in s.user.workspaces:
            raise _validation(1401, "InvalidReference", "unknown workspace", "target_organisation")
        return {"auth_token": self.issue_auth_token(s.user, workspace=target["id"])}

    def _types(self) -> list[dict[str, Any]]:
        types = [{"id": self.totp_type_id, "description": TOTP_DESCRIPTION}]
        if self.email_type_listed:
            types.append({"id": self.email_type_id, "description": EMAIL_DESCRIPTION})
        return types

    def _call_mfa_types(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        return self._types()

    def _statuses(self) -> list[dict[str, Any]]:
        return sorted(
            [
                {"id": self.pending_status_id, "description": "Activation Pending"},
                {"id": self.active_status_id, "description": "Active"},
            ],
            key=lambda s: int(s["id"]),
        )

    def _call_mfa_statuses(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        return self._statuses()

    def _status_json(self, status_id: int) -> dict[str, Any]:
        for s in self._statuses():
            if s["id"] == status_id:
                return s
        return {"id": status_id, "description": "Unknown"}

    def _key_json(self, key: EmulatorKey) -> dict[str, Any]:
        return {
            "id": key.id,
            "status": self._status_json(key.status_id),
            "type": {"id": self.totp_type_id, "description": TOTP_DESCRIPTION},
            "creation_date": iso(key.created),
        }

    def _password_ok(self, user: EmulatorUser, sent: str) -> bool:
        hashed = hmac.compare_digest(sent.lower(), sha1_hex(user.password))
        plain = hmac.compare_digest(sent, user.password)
        if self.mfa_password_form == "hashed":
            return hashed
        if self.mfa_password_form == "plain":
            return plain
        return hashed or plain

    def _may_manage_mfa(self, s: _Session) -> None:
        if s.kind == "application" and not self.app_token_may_manage_mfa:
            raise _Reply(
                403,
                error_body(
                    1104,
                    "Forbidden",
                    "Application tokens may not manage multi-factor authentication: "
                    "sign in with your user credentials",
                ),
            )

    def _call_create_key(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        user = s.user
        if not isinstance(body, dict):
            raise _Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        if "type" not in body:
            raise _validation(1402, "Required", "may not be null", "type")
        if "password" not in body:
            raise _validation(1402, "Required", "may not be null", "password")
        mfa_type = body["type"]
        if not isinstance(mfa_type, dict) or not isinstance(mfa_type.get("id"), int):
            raise _validation(1403, "InvalidFormat", "must be an object with an id", "type")
        if mfa_type["id"] != self.totp_type_id:
            raise _validation(1401, "InvalidReference", "unknown MFA type", "type.id")
        if not isinstance(body["password"], str):
            raise _validation(1403, "InvalidFormat", "must be a string", "password")
        if not self._password_ok(user, body["password"]):
            raise _validation(1400, "InputValidationFailed", "password is incorrect", "password")
        if user.keys:
            raise _Reply(
                409,
                error_body(None, "Conflict", "A two-factor key already exists for this user"),
            )
        key = EmulatorKey(
            id=self._new_id(),
            secret=_random_base32(),
            status_id=self.pending_status_id,
            created=self.now(),
        )
        user.keys.append(key)
        label = quote(f"emnify:{user.email}", safe="@:")
        return {
            **self._key_json(key),
            "secret_key": key.secret,
            "otpauth": f"otpauth://totp/{label}?secret={key.secret}&issuer=emnify",
        }

    def _find_key(self, user: EmulatorUser, raw: str) -> EmulatorKey:
        for key in user.keys:
            if str(key.id) == raw:
                return key
        raise _Reply(404, error_body(1201, "NotFound", "MFA key not found"))

    def _call_activate_key(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        key = self._find_key(s.user, params["key"])
        if not isinstance(body, dict):
            raise _Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        status = body.get("status")
        if not isinstance(status, dict) or "id" not in status:
            raise _validation(1402, "Required", "may not be null", "status")
        if status["id"] != self.active_status_id:
            known = {st["id"] for st in self._statuses()}
            if status["id"] not in known:
                raise _validation(1401, "InvalidReference", "unknown status", "status.id")
            raise _validation(1401, "InvalidReference", "only activation is allowed", "status.id")
        if "code" not in body:
            raise _validation(1402, "Required", "may not be null", "code")
        code = body["code"]
        if not isinstance(code, str) or not re.fullmatch(r"\d{6}", code):
            raise _validation(1403, "InvalidFormat", "must be a string of 6 digits", "code")
        if key.status_id == self.active_status_id:
            raise _Reply(409, error_body(None, "Conflict", "The MFA key is already active"))
        if not _code_ok(key.secret, code, self.now()):
            raise _validation(1400, "InputValidationFailed", "invalid code", "code")
        key.status_id = self.active_status_id
        return None

    def _target_user(self, s: _Session, ref: str = "my") -> EmulatorUser:
        user = s.user
        ref = unquote(ref)
        if ref == "my" or ref == str(user.id) or ref.lower() == user.email.lower():
            return user
        if ref.lower() in self._users or any(str(u.id) == ref for u in self._users.values()):
            raise _Reply(403, error_body(1104, "Forbidden", "Access to this user is forbidden"))
        raise _Reply(404, error_body(1201, "NotFound", "User not found"))

    def _user_mfa_json(self, user: EmulatorUser) -> list[dict[str, Any]]:
        items = [self._key_json(k) for k in user.keys]
        if self.email_type_listed and self.kind_of(user) != "trial":
            items.insert(
                0,
                {
                    "id": user.id * 10 + 1,
                    "status": self._status_json(self.active_status_id),
                    "type": {"id": self.email_type_id, "description": EMAIL_DESCRIPTION},
                    "creation_date": iso(0),
                },
            )
        return items

    def _call_get_user(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        ws = self._workspaces[s.workspace]
        return {
            "id": target.id,
            "username": target.email,
            "name": target.email.split("@")[0],
            "created": iso(target.created),
            "status": {"id": 1, "description": "ACTIVE"},
            "organisation": {"id": ws.id, "name": ws.name},
            "roles": [{"id": 1, "description": "Admin"}],
            "mfa": self._user_mfa_json(target),
        }

    def _call_delete_key(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        target = self._target_user(s, params.get("user", "my"))
        key = self._find_key(target, params["key"])
        enforced = target.mfa_mandatory or self.kind_of(target) == "enforced"
        if enforced and key.status_id == self.active_status_id:
            others = [
                k for k in target.keys if k is not key and k.status_id == self.active_status_id
            ]
            if not others:
                raise _Reply(
                    403,
                    error_body(
                        1104,
                        "Forbidden",
                        "Multi-factor authentication is mandatory in your organisation: "
                        "the last authenticator key cannot be removed",
                    ),
                )
        target.keys.remove(key)
        return None

    def _call_trusted_devices(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        now = self.now()
        return [
            {
                "id": d.id,
                "operating_system": d.operating_system,
                "browser": d.browser,
                "activation_date": iso(d.activated),
            }
            for d in target.devices
            if d.activated + TRUST_LIFETIME > now
        ]

    def _call_delete_trusted_device(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        for d in target.devices:
            if str(d.id) == params["dev"]:
                target.devices.remove(d)
                return None
        raise _Reply(404, error_body(1201, "NotFound", "Trusted device not found"))

    def _call_workspaces(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        # The published item shape, including its odd nesting of ``status``.
        return [
            {
                "id": wid,
                "name": self._workspaces[wid].name,
                "status": {"status": {"id": 1}},
                "roles": [{"id": 1, "name": "Administrator"}],
                "owner": i == 0,
                "default_workspace": wid == target.default_workspace,
            }
            for i, wid in enumerate(target.workspaces)
        ]

    def _call_set_default_workspace(self, s: _Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        raw = params["org"]
        if not raw.isdigit() or int(raw) not in target.workspaces:
            raise _Reply(404, error_body(1201, "NotFound", "Workspace not found"))
        target.default_workspace = int(raw)
        return {}  # the published answer: 200 with an empty object

    # --- control endpoint ------------------------------------------------------------------

    def control_request(self, method: str, action: str, body: Any, peer: str) -> tuple[int, Any]:
        """A call of the control endpoint from ``peer``: refused unless ``peer`` is loopback."""
        if not control_allowed(peer):
            log.warning("emulator: control endpoint refused to a non-loopback client")
            return 403, error_body(1104, "Forbidden", "The control endpoint is loopback only")
        return self.control(method, action, body)

    def control(self, method: str, action: str, body: Any) -> tuple[int, Any]:
        data = body if isinstance(body, dict) else {}
        try:
            if method == "GET" and action == "state":
                with self._lock:
                    return 200, {
                        "clock_offset": self.clock_offset,
                        "account_kind": self.account_kind,
                        "app_token_may_manage_mfa": self.app_token_may_manage_mfa,
                        "users": sorted(u.email for u in self._users.values()),
                        "faults": [vars(f) for f in self._faults],
                        "calls": dict(self.calls),
                        "emails_sent": len(self.emails),
                    }
            if method == "GET" and action == "outbox":
                with self._lock:
                    return 200, [m.as_json() for m in self.emails]
            if method == "POST" and action == "fault":
                self.inject_fault(
                    str(data.get("call", "*")),
                    str(data.get("kind", "error")),
                    status=int(data.get("status", 503)),
                    delay=float(data.get("delay", 1.0)),
                    times=int(data.get("times", 1)),
                )
                return 204, None
            if method == "POST" and action == "clear-faults":
                self.clear_faults()
                return 204, None
            if method == "POST" and action == "clock":
                if "offset" in data:
                    self.set_clock_offset(float(data["offset"]))
                if "advance" in data:
                    self.advance_clock(float(data["advance"]))
                return 200, {"clock_offset": self.clock_offset, "now": self.now()}
            if method == "POST" and action == "rate-limit":
                self.set_rate_limits(
                    auth=int(data["auth"]) if "auth" in data else None,
                    overall=int(data["overall"]) if "overall" in data else None,
                    window=float(data["window"]) if "window" in data else None,
                )
                return 204, None
            if method == "POST" and action == "settings":
                if "app_token_may_manage_mfa" in data:
                    value = data["app_token_may_manage_mfa"]
                    if not isinstance(value, bool):
                        raise ValueError("app_token_may_manage_mfa must be true or false")
                    with self._lock:
                        self.app_token_may_manage_mfa = value
                return 204, None
        except (TypeError, ValueError) as exc:
            return 400, {"message": str(exc)}
        return 404, {"message": "unknown control action"}


def _random_base32() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def _email_code() -> str:
    """A code as the e-mails carry it: letters and digits, at least one letter."""
    letters = [c for c in EMAIL_CODE_ALPHABET if c.isalpha()]
    chars = [secrets.choice(EMAIL_CODE_ALPHABET) for _ in range(EMAIL_CODE_LENGTH)]
    if not any(c.isalpha() for c in chars):
        chars[secrets.randbelow(EMAIL_CODE_LENGTH)] = secrets.choice(letters)
    return "".join(chars)


def _code_ok(secret: str, code: str, at: float) -> bool:
    return verify(Entry(secret=secret), code, at=at, window=1)


class _QuietServer(ThreadingHTTPServer):
    """A client that goes away mid-request is not an error worth a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, _DISCONNECTS) or (
            isinstance(exc, OSError) and exc.errno in (32, 104, 103)
        ):
            log.debug("emulator: client went away mid-request")
            return
        if isinstance(exc, ssl.SSLError):
            log.debug("emulator: TLS handshake failed: %s", exc.__class__.__name__)
            return
        super().handle_error(request, client_address)


class _QuietServer6(_QuietServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server_version = "emnify-portal-emulator"
    error_content_type = "application/json"

    @property
    def emulator(self) -> EmulatorServer:
        return self.server.emulator  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("emulator: " + format, *args)

    def handle(self) -> None:
        try:
            super().handle()
        except _DISCONNECTS:
            self.close_connection = True
            log.debug("emulator: client went away mid-request")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _read_body(self) -> tuple[bytes, Any, bool]:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return b"", None, False
        raw = self.rfile.read(length) if length > 0 else b""
        if not raw:
            return raw, None, True
        try:
            return raw, json.loads(raw), True
        except ValueError:
            return raw, None, False

    def _send(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        payload = b"" if body is None else json.dumps(body).encode("utf-8")
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _dispatch(self, method: str) -> None:
        emulator = self.emulator
        path = urlsplit(self.path).path
        _raw, body, body_ok = self._read_body()
        if path.startswith("/_emulator/"):
            action = path[len("/_emulator/") :]
            status, answer = emulator.control_request(
                method, action, body, str(self.client_address[0])
            )
            self._send(status, answer)
            return
        call, params = "", {}
        for route_method, pattern, name in _ROUTES:
            m = pattern.match(path)
            if m and route_method == method:
                call, params = name, {k: v for k, v in m.groupdict().items() if v is not None}
                break
        if not call:
            self._send(404, error_body(1201, "NotFound", "Not found"))
            return
        with emulator._lock:
            emulator.calls[call] += 1  # every attempt, faulted or not
        fault = emulator._take_fault(call)
        if fault is not None:
            if fault.kind == "delay":
                emulator._stopping.wait(fault.delay)
            elif fault.kind == "error":
                self._send(
                    fault.status,
                    {"message": f"Injected fault (HTTP {fault.status})"},
                )
                return
            elif fault.kind == "drop":
                self._drop()
                return
        if not body_ok:
            self._send(400, error_body(None, "BadRequest", "The request body is not valid JSON"))
            return
        try:
            status, answer, headers = emulator.handle(
                method, call, params, self.headers, body, self.client_address[0]
            )
        except _Reply as reply:
            status, answer, headers = reply.status, reply.body, reply.headers
        except Exception:  # an emulator bug: answer like a real server would
            log.exception("emulator: %s failed", call)
            status, answer, headers = 500, {"message": "Internal server error"}, {}
        if fault is not None and fault.kind == "drop_after":
            self._drop()
            return
        self._send(status, answer, headers)


# --- command line ---------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``portal-emulator`` (shared by the main CLI and ``python -m``)."""
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--user", dest="emu_user", metavar="EMAIL", default="demo@example.com")
    parser.add_argument("--password", dest="emu_password", metavar="PW", default="demo-password")
    parser.add_argument(
        "--application-token", metavar="TOKEN", help="accept this application token"
    )
    parser.add_argument(
        "--account-kind",
        choices=ACCOUNT_KINDS,
        default="paid",
        help="paid: e-mailed codes always on (default); trial: no MFA until a TOTP key is "
        "active; enforced: like paid, and the last authenticator key cannot be removed",
    )
    parser.add_argument(
        "--outbox",
        metavar="FILE",
        help="append one JSON line per e-mailed code (to, code, purpose, sent_at, valid_until)",
    )
    parser.add_argument(
        "--app-token-mfa",
        choices=("allow", "refuse"),
        default="allow",
        help="whether application-token sessions may create and delete MFA keys",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="CALL:KIND[:VALUE[:TIMES]]",
        help="inject a fault: KIND delay (VALUE seconds), error (VALUE HTTP status), drop, "
        "drop_after; CALL e.g. activate_key or *",
    )
    parser.add_argument(
        "--clock-offset", type=float, default=0.0, help="seconds added to the clock"
    )
    parser.add_argument(
        "--mfa-password-form", choices=("hashed", "plain", "either"), default="hashed"
    )


def parse_fault(text: str) -> dict[str, Any]:
    """``CALL:KIND[:VALUE[:TIMES]]`` -> keyword arguments of :meth:`EmulatorServer.inject_fault`
    (plus ``call`` and ``kind``); ValueError with a message when malformed."""
    parts = text.split(":")
    if len(parts) < 2:
        raise ValueError(f"--fault {text!r}: expected CALL:KIND[:VALUE[:TIMES]].")
    call, kind = parts[0], parts[1]
    fault: dict[str, Any] = {"call": call, "kind": kind}
    try:
        if len(parts) > 2 and parts[2]:
            if kind == "delay":
                fault["delay"] = float(parts[2])
            elif kind == "error":
                fault["status"] = int(parts[2])
        if len(parts) > 3:
            fault["times"] = int(parts[3])
    except ValueError:
        raise ValueError(f"--fault {text!r}: the value is not a number.") from None
    return fault


def build_from_args(args: argparse.Namespace) -> EmulatorServer:
    """An (unstarted) emulator as the options of :func:`add_arguments` describe it."""
    emu = EmulatorServer(
        args.host,
        args.port,
        account_kind=args.account_kind,
        outbox=args.outbox,
        app_token_may_manage_mfa=args.app_token_mfa == "allow",
        mfa_password_form=args.mfa_password_form,
    )
    emu.add_user(args.emu_user, args.emu_password, application_token=args.application_token)
    for text in args.fault:
        f = parse_fault(text)
        emu.inject_fault(
            f["call"],
            f["kind"],
            status=f.get("status", 503),
            delay=f.get("delay", 1.0),
            times=f.get("times", 1),
        )
    emu.set_clock_offset(args.clock_offset)
    return emu


def serve(args: argparse.Namespace, out: Any = None) -> int:
    """Run the emulator the options describe until Ctrl+C; prints where it listens."""
    out = out or sys.stdout
    emu = build_from_args(args)
    emu.start()
    try:
        print(f"emnify portal emulator at {emu.url}", file=out, flush=True)
        print(
            f"user {args.emu_user}, password {args.emu_password}, account kind {args.account_kind}",
            file=out,
            flush=True,
        )
        if args.outbox:
            print(f"e-mailed codes go to {args.outbox}", file=out, flush=True)
        print(f"control: {emu.url}/_emulator/state; stop with Ctrl+C", file=out, flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        emu.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.portal.emulator",
        description="run a local emnify portal emulator (for tests and demos) until Ctrl+C",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return serve(args)
    except ValueError as exc:
        parser.error(str(exc))
    return 2


if __name__ == "__main__":
    sys.exit(main())
