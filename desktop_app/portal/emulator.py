"""A local emnify portal emulator: a real HTTP server with the behaviour of the API spec.

For tests and for ``desktop-authenticator --demo`` / ``desktop-authenticator portal-emulator``.
Stdlib ``ThreadingHTTPServer`` in a background thread; all state in memory::

    with EmulatorServer(users={"ann@example.com": "secret"}) as emu:
        client = PortalClient(emu.url)
        ...
        emu.advance_clock(241 * 60)          # expire the auth tokens
        emu.inject_fault("activate_key", "error", status=503)

What it does (``/api/v1`` paths of ../shared/specs/emnify-portal-api.md):

* ``POST /authenticate``: application token; user credentials (the password must be the lower-case
  hex SHA-1); the ``mfa_token`` second step (valid 5 minutes, reusable until it succeeds) with an
  optional ``trusted_device`` (skips the second step for 90 days for the same ``fingerprint``);
  refresh tokens (valid 30 days). Auth tokens are HS256 JWTs signed with a per-instance random
  key, valid ``token_lifetime`` seconds (240 minutes), claims ``sub`` (e-mail), ``esc.user`` (id),
  ``iat``, ``exp``.
* Lockout: the 3rd failed password or code in a row locks the account for 5 minutes; that 3rd
  answer and every sign-in while locked is **401 with a TooManyRequests (1105) body** and a
  ``Retry-After`` header (the spec allows 401 or 429; the emulator picks 401).
* Bad credentials: 401 with an InvalidCredentials (1101) body (``empty_401_bodies=True`` sends an
  empty body, as the real portal often does).
* Rate limits per client IP over ``rate_window`` (300 s): ``auth_rate_limit`` (100) on
  ``/authenticate``, ``overall_rate_limit`` (2000) on everything; over it 429 + ``Retry-After``.
* Two-factor keys: types ``[{"id": 1, "TOTP"}]``, statuses ``[{"id": 1, "ACTIVE"}, {"id": 2,
  "ACTIVATION_PENDING"}]`` (ids configurable). One key per user (a second create is 409).
  **Readings of the spec's unsure points:** the ``POST /user/mfa`` password must be **SHA-1
  hashed** (``mfa_password_form="plain"`` or ``"either"`` switch this); the activation ``code`` is
  accepted **at the top level and inside ``status``**. A code is checked with one step of drift.
* Errors use the documented bodies: 1101 1102 1103 1104 (deleting an active key of a user with
  ``mfa_mandatory``, or another user's record) 1105 1201 1400 (wrong password / wrong code, with
  nested ``errors``) 1401 (unknown type or status id) 1402 (a field missing) 1403 (bad format),
  409 (a key exists / already active), 400 (malformed body).

Test switches (methods, the control endpoint ``/_emulator/...`` or CLI flags):

* ``inject_fault(call, kind, status=503, delay=1.0, times=1)``: ``kind`` is ``delay`` (sleep, then
  answer), ``error`` (answer ``status`` with an error body), ``drop`` (close the connection without
  answering, before handling), ``drop_after`` (handle the call, then close without answering).
  ``call`` is one of :data:`CALLS` or ``*``.
* ``advance_clock(seconds)`` / ``set_clock_offset(seconds)``: the emulator's own clock (tokens,
  TOTP, lockouts, rate windows, trusted devices) so tests never sleep.
* ``set_rate_limits(auth=, overall=, window=)``.
* Control endpoint (loopback only, no auth): ``GET /_emulator/state``, ``POST /_emulator/fault``
  ``{"call", "kind", "status"?, "delay"?, "times"?}``, ``POST /_emulator/clear-faults``,
  ``POST /_emulator/clock`` ``{"advance"?: s, "offset"?: s}``, ``POST /_emulator/rate-limit``
  ``{"auth"?, "overall"?, "window"?}``.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import hmac
import json
import logging
import math
import re
import secrets
import ssl
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from desktop_app.otp.codes import verify
from desktop_app.otp.model import Entry

log = logging.getLogger(__name__)

CALLS = (
    "authenticate",
    "mfa_types",
    "mfa_statuses",
    "create_key",
    "activate_key",
    "get_user",
    "delete_key",
    "trusted_devices",
    "delete_trusted_device",
)
FAULT_KINDS = ("delay", "error", "drop", "drop_after")
TOKEN_LIFETIME = 240 * 60
REFRESH_LIFETIME = 30 * 86400
MFA_TOKEN_LIFETIME = 300
TRUST_LIFETIME = 90 * 86400
LOCK_SECONDS = 300
MAX_FAILURES = 3

_ROUTES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("POST", re.compile(r"^/authenticate$"), "authenticate"),
    ("GET", re.compile(r"^/user/mfa/type$"), "mfa_types"),
    ("GET", re.compile(r"^/user/mfa/status$"), "mfa_statuses"),
    ("POST", re.compile(r"^/user/mfa$"), "create_key"),
    ("PATCH", re.compile(r"^/user/mfa/(?P<key>[^/]+)$"), "activate_key"),
    ("GET", re.compile(r"^/user/my/mfa/trusted_device$"), "trusted_devices"),
    (
        "DELETE",
        re.compile(r"^/user/my/mfa/trusted_device/(?P<dev>[^/]+)$"),
        "delete_trusted_device",
    ),
    ("DELETE", re.compile(r"^/user/(?P<user>[^/]+)/mfa/(?P<key>[^/]+)$"), "delete_key"),
    ("GET", re.compile(r"^/user/(?P<user>[^/]+)$"), "get_user"),
)


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
class EmulatorUser:
    email: str
    password: str
    id: int = 0
    application_token: str | None = None
    mfa_mandatory: bool = False
    keys: list[EmulatorKey] = field(default_factory=list)
    devices: list[EmulatorDevice] = field(default_factory=list)
    failures: int = 0
    locked_until: float = 0.0


@dataclass
class Fault:
    call: str
    kind: str
    status: int = 503
    delay: float = 1.0
    times: int = 1


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


class EmulatorServer:
    """The emulator. ``users`` maps e-mail to password, or is a list of :class:`EmulatorUser`."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        users: Mapping[str, str] | Iterable[EmulatorUser] | None = None,
        *,
        token_lifetime: int = TOKEN_LIFETIME,
        auth_rate_limit: int = 100,
        overall_rate_limit: int = 2000,
        rate_window: float = 300.0,
        mfa_password_form: str = "hashed",
        empty_401_bodies: bool = False,
        totp_type_id: int = 1,
        active_status_id: int = 1,
        pending_status_id: int = 2,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.host = host
        self._port = port
        self.token_lifetime = token_lifetime
        self.auth_rate_limit = auth_rate_limit
        self.overall_rate_limit = overall_rate_limit
        self.rate_window = rate_window
        if mfa_password_form not in ("hashed", "plain", "either"):
            raise ValueError("mfa_password_form must be hashed, plain or either")
        self.mfa_password_form = mfa_password_form
        self.empty_401_bodies = empty_401_bodies
        self.totp_type_id = totp_type_id
        self.active_status_id = active_status_id
        self.pending_status_id = pending_status_id
        self._ssl_context = ssl_context
        self.clock_offset = 0.0
        self._lock = threading.RLock()
        self._signing_key = secrets.token_bytes(32)
        self._users: dict[str, EmulatorUser] = {}
        self._next_id = 100
        self._refresh: dict[str, tuple[str, float]] = {}
        self._mfa_tokens: dict[str, tuple[str, float]] = {}
        self._hits: dict[tuple[str, str], collections.deque[float]] = {}
        self._faults: list[Fault] = []
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
            self._users[user.email.lower()] = user
            return user

    def add_user(
        self,
        email: str,
        password: str,
        *,
        application_token: str | None = None,
        mfa_mandatory: bool = False,
    ) -> EmulatorUser:
        return self._add(
            EmulatorUser(
                email=email,
                password=password,
                application_token=application_token,
                mfa_mandatory=mfa_mandatory,
            )
        )

    def user(self, email: str) -> EmulatorUser:
        return self._users[email.lower()]

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
        httpd = ThreadingHTTPServer((self.host, self._port), _Handler)
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

    def issue_auth_token(self, user: EmulatorUser) -> str:
        now = int(self.now())
        header = {"alg": "HS256", "typ": "JWT"}
        claims = {
            "iss": "emnify-portal-emulator",
            "sub": user.email,
            "esc.user": user.id,
            "iat": now,
            "exp": now + self.token_lifetime,
            "jti": secrets.token_hex(8),
        }
        signing_input = (
            _b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        sig = hmac.new(self._signing_key, signing_input.encode("ascii"), hashlib.sha256).digest()
        return f"{signing_input}.{_b64url(sig)}"

    def _user_from_token(self, header: str | None) -> EmulatorUser:
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
        if not isinstance(claims, dict) or float(claims.get("exp", 0)) <= self.now():
            raise _Reply(401, error_body(1103, "TokenExpired", "Token expired"))
        user = self._users.get(str(claims.get("sub", "")).lower())
        if user is None or user.id != claims.get("esc.user"):
            raise invalid
        return user

    def _issue_login(self, user: EmulatorUser) -> dict[str, str]:
        refresh = secrets.token_urlsafe(32)
        self._refresh[refresh] = (user.email.lower(), self.now() + REFRESH_LIFETIME)
        return {"auth_token": self.issue_auth_token(user), "refresh_token": refresh}

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
            if call == "authenticate":
                return 200, self._authenticate(body), {}
            user = self._user_from_token(headers.get("Authorization"))
            handler = getattr(self, f"_call_{call}")
            result = handler(user, params, body)
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

    def _failed_attempt(self, user: EmulatorUser, message: str) -> _Reply:
        user.failures += 1
        if user.failures >= MAX_FAILURES:
            user.failures = 0
            user.locked_until = self.now() + LOCK_SECONDS
            return self._locked_reply(user)
        if self.empty_401_bodies:
            return _Reply(401, None)
        return _Reply(401, error_body(1101, "InvalidCredentials", message))

    def _authenticate(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise _Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        now = self.now()
        if "application_token" in body:
            token = body.get("application_token")
            for user in self._users.values():
                if (
                    user.application_token
                    and isinstance(token, str)
                    and hmac.compare_digest(user.application_token, token)
                ):
                    return {"auth_token": self.issue_auth_token(user)}
            raise _Reply(401, error_body(1101, "InvalidCredentials", "Invalid application token"))
        if "refresh_token" in body:
            record = self._refresh.get(str(body.get("refresh_token")))
            if record is None or record[1] <= now or record[0] not in self._users:
                raise _Reply(401, error_body(1102, "InvalidToken", "Invalid refresh token"))
            return {"auth_token": self.issue_auth_token(self._users[record[0]])}
        if "mfa_token" in body:
            return self._mfa_step(body)
        if "username" in body or "password" in body:
            username, password = body.get("username"), body.get("password")
            if not isinstance(username, str) or not isinstance(password, str):
                raise _Reply(
                    400, error_body(1402, "Required", "username and password are required")
                )
            found = self._users.get(username.lower())
            if found is None:
                if self.empty_401_bodies:
                    raise _Reply(401, None)
                raise _Reply(401, error_body(1101, "InvalidCredentials", "Invalid credentials"))
            user = found
            if user.locked_until > now:
                raise self._locked_reply(user)
            if not hmac.compare_digest(password.lower(), sha1_hex(user.password)):
                raise self._failed_attempt(user, "Invalid credentials")
            user.failures = 0
            active = [k for k in user.keys if k.status_id == self.active_status_id]
            fingerprint = body.get("fingerprint")
            trusted = isinstance(fingerprint, str) and any(
                hmac.compare_digest(d.fingerprint, fingerprint)
                and d.activated + TRUST_LIFETIME > now
                for d in user.devices
            )
            if active and not trusted:
                mfa_token = secrets.token_urlsafe(24)
                self._mfa_tokens[mfa_token] = (user.email.lower(), now + MFA_TOKEN_LIFETIME)
                return {"mfa_token": mfa_token}
            return self._issue_login(user)
        raise _Reply(400, error_body(None, "BadRequest", "No known authentication form"))

    def _mfa_step(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self.now()
        record = self._mfa_tokens.get(str(body.get("mfa_token")))
        if record is None or record[1] <= now or record[0] not in self._users:
            raise _Reply(401, error_body(1102, "InvalidToken", "Invalid or expired MFA token"))
        user = self._users[record[0]]
        if user.locked_until > now:
            raise self._locked_reply(user)
        code = body.get("code")
        if not isinstance(code, str) or not code:
            raise _Reply(400, error_body(1402, "Required", "code is required"))
        if not any(
            k.status_id == self.active_status_id and _code_ok(k.secret, code, now)
            for k in user.keys
        ):
            raise self._failed_attempt(user, "Invalid code")
        user.failures = 0
        del self._mfa_tokens[str(body.get("mfa_token"))]
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

    def _call_mfa_types(self, user: EmulatorUser, params: dict[str, str], body: Any) -> Any:
        return [{"id": self.totp_type_id, "description": "TOTP (authenticator app)"}]

    def _statuses(self) -> list[dict[str, Any]]:
        return [
            {"id": self.active_status_id, "description": "ACTIVE"},
            {"id": self.pending_status_id, "description": "ACTIVATION_PENDING"},
        ]

    def _call_mfa_statuses(self, user: EmulatorUser, params: dict[str, str], body: Any) -> Any:
        return self._statuses()

    def _status_json(self, status_id: int) -> dict[str, Any]:
        for s in self._statuses():
            if s["id"] == status_id:
                return s
        return {"id": status_id, "description": "UNKNOWN"}

    def _key_json(self, key: EmulatorKey) -> dict[str, Any]:
        return {
            "id": key.id,
            "status": self._status_json(key.status_id),
            "type": {"id": self.totp_type_id, "description": "TOTP (authenticator app)"},
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

    def _call_create_key(self, user: EmulatorUser, params: dict[str, str], body: Any) -> Any:
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

    def _call_activate_key(self, user: EmulatorUser, params: dict[str, str], body: Any) -> Any:
        key = self._find_key(user, params["key"])
        if not isinstance(body, dict):
            raise _Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        status = body.get("status")
        if not isinstance(status, dict) or "id" not in status:
            raise _validation(1402, "Required", "may not be null", "status")
        if status["id"] != self.active_status_id:
            known = {s["id"] for s in self._statuses()}
            if status["id"] not in known:
                raise _validation(1401, "InvalidReference", "unknown status", "status.id")
            raise _validation(1401, "InvalidReference", "only activation is allowed", "status.id")
        code = body.get("code", status.get("code"))
        if code is None:
            raise _validation(1402, "Required", "may not be null", "code")
        if not isinstance(code, str) or not re.fullmatch(r"\d{6}", code):
            raise _validation(1403, "InvalidFormat", "must be 6 digits", "code")
        if key.status_id == self.active_status_id:
            raise _Reply(409, error_body(None, "Conflict", "The MFA key is already active"))
        if not _code_ok(key.secret, code, self.now()):
            raise _validation(1400, "InputValidationFailed", "invalid code", "code")
        key.status_id = self.active_status_id
        return None

    def _target_user(self, user: EmulatorUser, ref: str) -> EmulatorUser:
        ref = unquote(ref)
        if ref == "my" or ref == str(user.id) or ref.lower() == user.email.lower():
            return user
        if ref.lower() in self._users or any(str(u.id) == ref for u in self._users.values()):
            raise _Reply(403, error_body(1104, "Forbidden", "Access to this user is forbidden"))
        raise _Reply(404, error_body(1201, "NotFound", "User not found"))

    def _call_get_user(self, user: EmulatorUser, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(user, params["user"])
        return {
            "id": target.id,
            "username": target.email,
            "name": target.email.split("@")[0],
            "mfa": [self._key_json(k) for k in target.keys],
        }

    def _call_delete_key(self, user: EmulatorUser, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(user, params["user"])
        key = self._find_key(target, params["key"])
        if target.mfa_mandatory and key.status_id == self.active_status_id:
            raise _Reply(
                403,
                error_body(
                    1104,
                    "Forbidden",
                    "Two-factor authentication is mandatory in your organisation",
                ),
            )
        target.keys.remove(key)
        return None

    def _call_trusted_devices(self, user: EmulatorUser, params: dict[str, str], body: Any) -> Any:
        now = self.now()
        return [
            {
                "id": d.id,
                "operating_system": d.operating_system,
                "browser": d.browser,
                "name": d.name,
                "activation_date": iso(d.activated),
            }
            for d in user.devices
            if d.activated + TRUST_LIFETIME > now
        ]

    def _call_delete_trusted_device(
        self, user: EmulatorUser, params: dict[str, str], body: Any
    ) -> Any:
        for d in user.devices:
            if str(d.id) == params["dev"]:
                user.devices.remove(d)
                return None
        raise _Reply(404, error_body(1201, "NotFound", "Trusted device not found"))

    # --- control endpoint ------------------------------------------------------------------

    def control(self, method: str, action: str, body: Any) -> tuple[int, Any]:
        data = body if isinstance(body, dict) else {}
        try:
            if method == "GET" and action == "state":
                with self._lock:
                    return 200, {
                        "clock_offset": self.clock_offset,
                        "users": sorted(u.email for u in self._users.values()),
                        "faults": [vars(f) for f in self._faults],
                        "calls": dict(self.calls),
                    }
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
        except (TypeError, ValueError) as exc:
            return 400, {"message": str(exc)}
        return 404, {"message": "unknown control action"}


def _random_base32() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def _code_ok(secret: str, code: str, at: float) -> bool:
    return verify(Entry(secret=secret), code, at=at, window=1)


class _Handler(BaseHTTPRequestHandler):
    server_version = "emnify-portal-emulator"
    error_content_type = "application/json"

    @property
    def emulator(self) -> EmulatorServer:
        return self.server.emulator  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("emulator: " + format, *args)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _read_body(self) -> tuple[bytes, Any, bool]:
        length = int(self.headers.get("Content-Length") or 0)
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
            self.connection.shutdown(2)
        except OSError:
            pass

    def _dispatch(self, method: str) -> None:
        emulator = self.emulator
        path = urlsplit(self.path).path
        _raw, body, body_ok = self._read_body()
        if path.startswith("/_emulator/"):
            status, answer = emulator.control(method, path[len("/_emulator/") :], body)
            self._send(status, answer)
            return
        if not path.startswith("/api/v1/"):
            self._send(404, error_body(1201, "NotFound", "Not found"))
            return
        sub = path[len("/api/v1") :]
        call, params = "", {}
        for route_method, pattern, name in _ROUTES:
            m = pattern.match(sub)
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
