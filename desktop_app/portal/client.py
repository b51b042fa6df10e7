"""HTTP client of the emnify portal API (see ../shared/specs/emnify-portal-api.md). No Qt.

* The four ``/authenticate`` forms: application token, user credentials (password sent as the
  lower-case hex SHA-1), the MFA second step (optionally trusting this device), refresh.
* The auth token lives only in memory; its JWT ``exp`` claim says when to renew it. An expired
  token is renewed before a call; a 401 on a call triggers one renewal and one retry.
* 429 is honoured: a short ``Retry-After`` (at most ``max_retry_wait`` seconds) is waited out and
  the call retried once; a longer one is raised as :class:`RateLimitedError` and no further call
  is sent until it has passed.
* Timeouts are always set and certificates always checked (``verify=True``; there is no switch).
  Plain ``http://`` is refused except on a loopback address (the local emulator).
* Every portal operation has one overall deadline (30 s by default, :mod:`.transport`): a server
  that drips bytes cannot hold the caller. Proxies are never used for a loopback address.
* Requests never carry ``null`` fields (a field without a value is left out).
* The signed-in user's own two-factor keys and trusted devices are :mod:`.mfa`'s
  (``MfaApi(client)``), an administrator's tools :mod:`.admin`'s; both call
  :meth:`PortalClient.request`. This module keeps the session, the transport, the user record
  and workspaces, the types the portal sends and their readers, and the errors of answers.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import math
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Literal
from urllib.parse import quote, urlsplit

import httpx

from desktop_app import __version__
from desktop_app.i18n import N_, Text
from desktop_app.portal.errors import (
    AccountLockedError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    InvalidCredentialsError,
    InvalidTokenError,
    NotAllowedError,
    NotFoundError,
    NotSignedInError,
    PasswordRejectedError,
    PortalConfigError,
    PortalConnectionError,
    PortalError,
    PortalProtocolError,
    PortalServerError,
    PortalTimeoutError,
    PortalTlsError,
    RateLimitedError,
    SessionExpiredError,
    TokenExpiredError,
    ValidationError,
    WrongCodeError,
)
from desktop_app.portal.transport import (
    DEFAULT_DEADLINE,
    DeadlineTransport,
    current_deadline,
    env_proxy_for,
    is_loopback,
    operation_deadline,
)
from desktop_app.text import shown_text

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=10.0)
API = "/api/v1"
API_V2 = "/api/v2"
RENEW_MARGIN = 60.0  # renew the auth token this many seconds before its expiry
USER_AGENT = "desktop-authenticator"
ORIGIN_APP = "desktop-authenticator"

Context = Literal[
    "",
    "authenticate",
    "mfa_step",
    "refresh",
    "app_token",
    "create_key",
    "activate",
    "delete_key",
    "workspace",
]


def hash_password(password: str) -> str:
    """The lower-case hex SHA-1 of the password, as ``/authenticate`` expects it."""
    return hashlib.sha1(password.encode("utf-8")).hexdigest()


def jwt_claims(token: str) -> dict[str, Any]:
    """The (unverified) claims of a JWT; empty when it cannot be read."""
    parts = token.split(".")
    if len(parts) != 3:
        return {}
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, UnicodeError):
        return {}
    return claims if isinstance(claims, dict) else {}


def jwt_expiry(token: str) -> float | None:
    exp = jwt_claims(token).get("exp")
    if isinstance(exp, int | float) and not isinstance(exp, bool):
        return float(exp)
    return None


def normalize_base_url(url: str) -> str:
    """Validate a portal address; return it without a trailing slash."""
    text = (url or "").strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise PortalConfigError(N_("The portal address must look like https://cdn.emnify.net."))
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise PortalConfigError(
            N_(
                "The portal address must use https:// (plain http:// is only allowed for a local "
                "emulator on this computer)."
            )
        )
    # The SDK's convention is ``https://cdn.emnify.net/api``; the paths add ``/api/v1``.
    for suffix in (API, "/api"):
        if text.lower().endswith(suffix):
            text = text[: -len(suffix)].rstrip("/")
            break
    return text


def _is_loopback(host: str) -> bool:
    return is_loopback(host)


MAX_REPLY_BYTES = 1024 * 1024  # 1 MiB: generous for every documented answer
MAX_REPLY_DEPTH = 64  # no documented answer nests deeper than a few levels


def _read_capped(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """The answer with its body read while streaming, at most :data:`MAX_REPLY_BYTES`: a larger
    one is refused (never held whole in memory)."""
    chunks: list[bytes] = []
    size = 0
    try:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > MAX_REPLY_BYTES:
            raise PortalProtocolError(_TOO_LARGE)
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_REPLY_BYTES:
                raise PortalProtocolError(_TOO_LARGE)
            chunks.append(chunk)
    finally:
        response.close()
    headers = [(k, v) for k, v in response.headers.items() if k.lower() != "content-encoding"]
    return httpx.Response(
        response.status_code, headers=headers, content=b"".join(chunks), request=request
    )


_TOO_LARGE = N_("The portal sent an answer larger than 1 MiB; it was not read.")


def reply_json(content: bytes) -> Any:
    """A reply body as JSON, nested at most :data:`MAX_REPLY_DEPTH` deep (else one clear
    :class:`PortalProtocolError`, never a ``RecursionError``); ValueError when not JSON."""
    try:
        data = json.loads(content)
    except RecursionError:
        raise PortalProtocolError(_TOO_DEEP) from None
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_REPLY_DEPTH:
            raise PortalProtocolError(_TOO_DEEP)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, dict | list))
    return data


_TOO_DEEP = N_("The portal sent an answer nested too deeply to be read.")


def without_nulls(value: Any) -> Any:
    """``value`` with every ``None`` field of every object left out (the API takes no nulls)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value if v is not None]
    return value


def parse_retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class LoginResult:
    auth_token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    mfa_token: str | None = field(default=None, repr=False)

    @property
    def mfa_required(self) -> bool:
        return self.auth_token is None and self.mfa_token is not None


@dataclass(frozen=True)
class TrustedDeviceInfo:
    fingerprint: str = field(repr=False)
    operating_system: str
    browser: str
    name: str = ""

    def to_json(self) -> dict[str, str]:
        data = {
            "fingerprint": self.fingerprint,
            "operating_system": self.operating_system,
            "browser": self.browser,
        }
        if self.name:
            data["name"] = self.name
        return data


@dataclass(frozen=True)
class IdDescription:
    id: int
    description: str


@dataclass(frozen=True)
class MfaKey:
    """A key as the portal lists it. ``secret_key``/``otpauth`` are only set at creation."""

    id: int
    status: IdDescription | None
    type: IdDescription | None
    creation_date: str = ""
    secret_key: str = field(default="", repr=False)
    otpauth: str = field(default="", repr=False)

    def is_active(self, active_status_id: int = 1) -> bool:
        return self.status is not None and self.status.id == active_status_id

    @property
    def state_known(self) -> bool:
        """Whether the portal said both the key's type and its status (the published schema of
        ``GET /user/{id}`` ``mfa[]`` items is empty: either may be missing)."""
        return self.status is not None and self.type is not None

    def is_type(self, type_id: int) -> bool:
        return self.type is not None and self.type.id == type_id


@dataclass(frozen=True)
class Workspace:
    """A workspace (organisation) the user belongs to."""

    id: int
    name: str
    is_default: bool = False


@dataclass(frozen=True)
class TrustedDevice:
    id: int
    operating_system: str
    browser: str
    activation_date: str
    name: str = ""

    @property
    def label(self) -> str:
        what = " / ".join(p for p in (self.operating_system, self.browser) if p) or "device"
        if self.name:
            what = f"{self.name} ({what})"
        return f"{what}, trusted since {self.activation_date[:10] or '?'}"


def whole_number(value: Any) -> int | None:
    """A JSON number that is a whole number (``1``, ``1.0``) as an int; None for anything else
    (a bool, a fraction, a string, NaN or infinity, a missing value)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def read_id(value: Any, what: str) -> int:
    """An id the portal sent: a whole JSON number, else a clear :class:`PortalProtocolError`
    naming ``what`` (the published schema types ids as ``number``: ``103`` and ``103.0`` are
    the same id)."""
    ident = whole_number(value)
    if ident is None:
        raise PortalProtocolError(
            N_("The portal sent {what} whose id is not a whole number.", what=what)
        )
    return ident


def id_description(data: Any, what: str = N_("an entry")) -> IdDescription | None:
    """``{"id", "description"}``; None when missing (unknown), a protocol error when the id is
    present but not a whole number."""
    if data is None:
        return None
    if not isinstance(data, dict) or "id" not in data or data.get("id") is None:
        return None
    return IdDescription(read_id(data.get("id"), what), shown(data.get("description")))


def parse_key(data: Any) -> MfaKey:
    """A two-factor key as the portal sends it. Only the id is required; a missing ``status``
    or ``type`` is kept as None ("unknown": never a reason to act on the key)."""
    if not isinstance(data, dict):
        raise PortalProtocolError(N_("The portal sent a malformed two-factor key."))
    return MfaKey(
        id=read_id(data.get("id"), N_("a two-factor key")),
        status=id_description(data.get("status"), N_("a two-factor key status")),
        type=id_description(data.get("type"), N_("a two-factor key type")),
        creation_date=_text(data.get("creation_date")),
        secret_key=_text(data.get("secret_key")),
        otpauth=_text(data.get("otpauth")),
    )


def _text(value: Any) -> str:
    """A string field as sent (secrets, links, dates), else empty."""
    return value if isinstance(value, str) else ""


def shown(value: Any) -> str:
    """A string field a person will read (a name, a description): one clean line, capped."""
    return shown_text(value) if isinstance(value, str) else ""


def _is_tls_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLError | ssl.CertificateError):
            return True
        text = str(cur)
        if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text or "TLS" in text:
            return True
        cur = cur.__cause__ or cur.__context__
    return False


class PortalClient:
    """One user's conversation with one portal. Thread-safe; calls block (run them off the GUI
    thread)."""

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        max_retry_wait: float = 3.0,
        deadline: float = DEFAULT_DEADLINE,
    ) -> None:
        self.base_url = normalize_base_url(base_url)
        self.deadline = deadline
        # Certificates are always verified; a test passes a transport, never verify=False.
        # httpx never reads the proxy environment: the transport decides (never for loopback).
        self._http = httpx.Client(
            transport=transport or DeadlineTransport(env_proxy_for(self.base_url)),
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            verify=True,
            trust_env=False,
            follow_redirects=False,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
                # What emnify's own clients send: lets emnify support see where a call came from.
                "x-emn-origin-app": ORIGIN_APP,
                "x-emn-origin-app-version": __version__,
            },
        )
        self._clock = clock
        self._sleep = sleep
        self.max_retry_wait = max_retry_wait
        self._lock = threading.RLock()
        self._auth_token: str | None = None
        self._refresh_token: str | None = None
        self._application_token: str | None = None
        self._not_before = 0.0
        self.username: str | None = None
        self.on_refresh_token: Callable[[str | None], None] | None = None

    # --- session state ---------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self._auth_token is not None or self._refresh_token is not None

    @property
    def refresh_token(self) -> str | None:
        return self._refresh_token

    @property
    def session_kind(self) -> Literal["password", "app_token", ""]:
        """How the session was opened: user credentials, an application token, or not at all."""
        if self._application_token is not None:
            return "app_token"
        if self._auth_token is not None or self._refresh_token is not None:
            return "password"
        return ""

    @contextmanager
    def operation(self, seconds: float | None = None) -> Iterator[None]:
        """One portal operation: all requests inside share one deadline (``self.deadline``)."""
        with operation_deadline(self.deadline if seconds is None else seconds):
            yield

    @property
    def auth_token_expiry(self) -> float | None:
        return jwt_expiry(self._auth_token) if self._auth_token else None

    def set_refresh_token(self, token: str | None) -> None:
        with self._lock:
            self._refresh_token = token
            self._auth_token = None

    def set_tokens(self, auth_token: str | None, refresh_token: str | None = None) -> None:
        """Adopt tokens obtained elsewhere (tests, a restored session)."""
        with self._lock:
            self._auth_token = auth_token
            self._refresh_token = refresh_token

    def forget_tokens(self) -> None:
        with self._lock:
            self._auth_token = self._refresh_token = self._application_token = None
            self.username = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _take_login(self, result: LoginResult, username: str | None) -> LoginResult:
        if result.auth_token:
            self._auth_token = result.auth_token
            if result.refresh_token:
                self._refresh_token = result.refresh_token
                if self.on_refresh_token:
                    self.on_refresh_token(result.refresh_token)
            if username:
                self.username = username
        return result

    # --- /authenticate ---------------------------------------------------------------------

    def _authenticate(self, body: dict[str, Any], context: Context) -> LoginResult:
        data = self._request("POST", "/authenticate", body, auth=False, context=context)
        if not isinstance(data, dict):
            raise PortalProtocolError(N_("The portal's sign-in answer is malformed."))
        result = LoginResult(
            auth_token=_opt_str(data.get("auth_token")),
            refresh_token=_opt_str(data.get("refresh_token")),
            mfa_token=_opt_str(data.get("mfa_token")),
        )
        if not result.auth_token and not result.mfa_token:
            raise PortalProtocolError(N_("The portal's sign-in answer holds no token."))
        return result

    def login_with_password(
        self, username: str, password: str, fingerprint: str | None = None
    ) -> LoginResult:
        """User credentials. The result holds tokens, or an ``mfa_token`` for the second step."""
        body: dict[str, Any] = {"username": username, "password": hash_password(password)}
        if fingerprint:
            body["fingerprint"] = fingerprint
        with self._lock:
            result = self._authenticate(body, "authenticate")
            self._application_token = None
            if result.mfa_required:
                self.username = username
            return self._take_login(result, username)

    def verify_password(self, username: str, password: str, fingerprint: str | None = None) -> None:
        """Prove the password with ``/authenticate`` (hashed, as documented) without changing
        this session: a wrong one raises :class:`InvalidCredentialsError`. Any tokens the
        portal answers with are dropped (on accounts with e-mail codes it may send one)."""
        body: dict[str, Any] = {"username": username, "password": hash_password(password)}
        if fingerprint:
            body["fingerprint"] = fingerprint
        self._authenticate(body, "authenticate")

    def complete_mfa(
        self, mfa_token: str, code: str, trusted_device: TrustedDeviceInfo | None = None
    ) -> LoginResult:
        """The MFA second step; ``trusted_device`` asks the portal to skip it for 90 days."""
        body: dict[str, Any] = {"mfa_token": mfa_token, "code": code.replace(" ", "")}
        if trusted_device is not None:
            body["trusted_device"] = trusted_device.to_json()
        with self._lock:
            result = self._authenticate(body, "mfa_step")
            if not result.auth_token:
                raise PortalProtocolError(N_("The portal did not complete the sign-in."))
            return self._take_login(result, self.username)

    def login_with_application_token(self, token: str) -> LoginResult:
        """An application token gives an auth token (no refresh token); it is kept in memory
        only, to renew the session."""
        with self._lock:
            result = self._authenticate({"application_token": token}, "app_token")
            if not result.auth_token:
                raise PortalProtocolError(N_("The portal did not accept the application token."))
            self._application_token = token
            self._refresh_token = None
            self._take_login(result, None)
            self.username = self._username_from_token()
            return result

    def refresh(self) -> str:
        """A new auth token from the refresh token."""
        with self._lock:
            if not self._refresh_token:
                raise NotSignedInError()
            try:
                result = self._authenticate({"refresh_token": self._refresh_token}, "refresh")
            except AuthenticationError as exc:
                self._auth_token = None
                self._refresh_token = None
                if self.on_refresh_token:
                    self.on_refresh_token(None)
                raise SessionExpiredError(
                    SessionExpiredError.default_message,
                    **exc.details(),
                ) from None
            if not result.auth_token:
                raise PortalProtocolError(N_("The portal did not renew the session."))
            self._auth_token = result.auth_token
            if result.refresh_token and result.refresh_token != self._refresh_token:
                self._refresh_token = result.refresh_token
                if self.on_refresh_token:
                    self.on_refresh_token(result.refresh_token)
            if not self.username:
                self.username = self._username_from_token()
            return result.auth_token

    def _username_from_token(self) -> str | None:
        if not self._auth_token:
            return None
        claims = jwt_claims(self._auth_token)
        for key in ("esc.userName", "username", "email", "sub"):
            value = claims.get(key)
            if isinstance(value, str) and "@" in value:
                return value
        return None

    def user_ref(self) -> str:
        """How to name the signed-in user in ``/user/{user_id}``: e-mail, else id, else ``my``."""
        if self.username:
            return self.username
        claims = jwt_claims(self._auth_token) if self._auth_token else {}
        ident = claims.get("esc.user")
        return str(ident) if isinstance(ident, int | str) and ident != "" else "my"

    def _can_renew(self) -> bool:
        return bool(self._refresh_token or self._application_token)

    def _renew(self) -> None:
        if self._refresh_token:
            self.refresh()
        elif self._application_token:
            try:
                self.login_with_application_token(self._application_token)
            except AuthenticationError:
                self._auth_token = self._application_token = None
                raise SessionExpiredError() from None
        else:
            raise NotSignedInError()

    def _ensure_auth_token(self) -> str:
        with self._lock:
            token = self._auth_token
            if token:
                exp = jwt_expiry(token)
                if exp is None or exp - RENEW_MARGIN > self._clock() or not self._can_renew():
                    return token
            if not self._can_renew():
                raise NotSignedInError()
            self._renew()
            assert self._auth_token is not None
            return self._auth_token

    # --- transport -------------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        auth: bool = True,
        context: Context = "",
        api: str = API,
        params: dict[str, str] | None = None,
    ) -> Any:
        if current_deadline() is None:
            with self.operation():
                return self._request(
                    method, path, body, auth=auth, context=context, api=api, params=params
                )
        renewed = False
        waited = False
        while True:
            token = self._ensure_auth_token() if auth else None
            response = self._send(method, path, body, token, api, params)
            status = response.status_code
            if status == 429 and not waited:
                retry_after = parse_retry_after(response.headers.get("Retry-After"), self._clock())
                if retry_after is not None and retry_after <= self.max_retry_wait:
                    log.info("portal rate limit: waiting %.1f s", retry_after)
                    self._sleep(retry_after)
                    waited = True
                    continue
            if status == 401 and auth and not renewed and self._can_renew():
                detail = _detail(response)
                if detail is None or detail.error_code != 1105:
                    with self._lock:
                        if self._auth_token == token:  # no other thread renewed meanwhile
                            self._auth_token = None
                            self._renew()
                    renewed = True
                    continue
            if status >= 400:
                raise self._error_for(response, context)
            if status == 204 or not response.content:
                return None
            try:
                return reply_json(response.content)
            except ValueError:
                raise PortalProtocolError(
                    N_("The emnify portal sent an answer this app cannot read (not JSON)."),
                    status=status,
                ) from None

    def _send(
        self,
        method: str,
        path: str,
        body: Any,
        token: str | None,
        api: str = API,
        params: dict[str, str] | None = None,
    ) -> httpx.Response:
        deadline = current_deadline()
        if deadline is not None and deadline <= time.monotonic():
            raise PortalTimeoutError()
        now = self._clock()
        if self._not_before > now:
            wait = self._not_before - now
            raise RateLimitedError(
                N_(
                    "The emnify portal asked to wait: try again in {wait}.",
                    wait=duration_text(wait),
                ),
                retry_after=wait,
                status=429,
                error_code=1105,
                error_token="TooManyRequests",
            )
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        url = f"{self.base_url}{api}{path}"
        try:
            request = self._http.build_request(
                method,
                url,
                headers=headers,
                params=params,
                json=None if body is None else without_nulls(body),
            )
            return _read_capped(self._http.send(request, stream=True), request)
        except httpx.TimeoutException:
            raise PortalTimeoutError() from None
        except httpx.ConnectError as exc:
            if _is_tls_failure(exc):
                raise PortalTlsError() from None
            raise PortalConnectionError() from None
        except httpx.TransportError as exc:
            if _is_tls_failure(exc):
                raise PortalTlsError() from None
            raise PortalConnectionError(
                N_("The connection to the emnify portal broke before it answered. Try again.")
            ) from None

    def _error_for(self, response: httpx.Response, context: Context) -> PortalError:
        now = self._clock()
        error = error_for(response, context, now)
        wait = error.retry_after if isinstance(error, RateLimitedError) else None
        locked = isinstance(error, AccountLockedError)
        if response.status_code == 429 and wait is not None and not locked:
            self._not_before = now + wait  # no call until then
        return error

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        params: dict[str, str] | None = None,
        context: Context = "",
    ) -> Any:
        """One authenticated call of ``/api/v1{path}`` (renewal, rate limits, typed errors as
        every other call; ``context`` names the call for its errors); the parsed JSON answer,
        or None for 204. For :mod:`.mfa` and :mod:`.admin`."""
        return self._request(method, path, body, params=params, context=context)

    def get_user(self, user_ref: str | None = None) -> dict[str, Any]:
        ref = user_ref or self.user_ref()
        data = self._request("GET", f"/user/{quote(ref, safe='@')}")
        if not isinstance(data, dict):
            raise PortalProtocolError(N_("The portal's user record is malformed."))
        return data

    # --- workspaces ------------------------------------------------------------------------

    def user_id(self) -> int | None:
        """The numeric id of the signed-in user (resolved by e-mail; no JWT claim has it)."""
        ident = self.get_user().get("id")
        return None if ident is None else read_id(ident, N_("the user record"))

    def current_workspace(self) -> Workspace | None:
        """The workspace of the current auth token (JWT ``esc.org`` / ``esc.orgName``)."""
        claims = jwt_claims(self._auth_token) if self._auth_token else {}
        org = whole_number(claims.get("esc.org"))
        if org is not None:
            return Workspace(org, shown(claims.get("esc.orgName")))
        return None

    def workspaces(self) -> list[Workspace]:
        """The workspaces the user belongs to (``GET /api/v2/user/{id}/workspace``)."""
        with self.operation():
            user_id = self.user_id()
            if user_id is None:
                raise PortalProtocolError(N_("The portal's user record has no id."))
            data = self._request("GET", f"/user/{user_id}/workspace", api=API_V2)
        return parse_workspaces(data)

    def switch_workspace(self, workspace_id: int) -> None:
        """Work in another workspace (user-credential sessions only)."""
        with self._lock:
            data = self._request(
                "POST",
                "/authenticate/workspace",
                {"target_organisation": {"id": int(workspace_id)}},
                context="workspace",
            )
            token = _opt_str(data.get("auth_token")) if isinstance(data, dict) else None
            if not token:
                raise PortalProtocolError(N_("The portal did not switch the workspace."))
            self._auth_token = token


def error_for(response: httpx.Response, context: Context, now: float) -> PortalError:
    """The typed error of a failed answer (``context``: which call it answered; ``now``: for a
    ``Retry-After`` date)."""
    status = response.status_code
    detail = _detail(response)
    nested: tuple[ErrorDetail, ...] = ()
    try:
        body = reply_json(response.content) if response.content else None
    except (ValueError, PortalProtocolError):
        body = None
    if isinstance(body, dict) and isinstance(body.get("errors"), list):
        nested = tuple(d for d in map(ErrorDetail.from_json, body["errors"]) if d)
    code = detail.error_code if detail else None
    server_message = detail.message if detail else ""
    if server_message and nested:
        extra = "; ".join(d.message for d in nested if d.message)
        if extra and extra not in server_message:
            server_message = f"{server_message} ({extra})"
    kw: dict[str, Any] = {
        "status": status,
        "error_code": code,
        "error_token": detail.error_token if detail else "",
        "server_message": server_message,
        "errors": nested,
    }
    if status == 429 or code == 1105:
        retry_after = parse_retry_after(response.headers.get("Retry-After"), now)
        locked = status == 401 or (
            context in ("authenticate", "mfa_step") and "lock" in server_message.lower()
        )
        cls = AccountLockedError if locked else RateLimitedError
        msg = server_message or cls.default_message
        if retry_after:
            said = msg.as_reason() if isinstance(msg, Text) else msg.rstrip(".")
            msg = N_(
                "{message}. Try again in {wait}.", message=said, wait=duration_text(retry_after)
            )
        return cls(msg, retry_after=retry_after, **kw)
    if status == 401:
        if code == 1102:
            return InvalidTokenError(**kw)
        if code == 1103:
            return TokenExpiredError(**kw)
        if context == "mfa_step":
            return InvalidCredentialsError(
                server_message or N_("The code was not accepted (wrong or expired)."), **kw
            )
        if context == "refresh":
            return SessionExpiredError(SessionExpiredError.default_message, **kw)
        if context == "app_token":
            return InvalidCredentialsError(
                server_message or N_("The application token was not accepted."), **kw
            )
        return InvalidCredentialsError(**kw)
    if code == 1406:
        return NotAllowedError(**kw)
    if context == "mfa_step" and status in (400, 422) and code != 1402:
        # Some portals answer a wrong e-mailed code as invalid input, not 401.
        return WrongCodeError(N_("The code was not accepted (wrong or expired)."), **kw)
    if status == 400:
        return BadRequestError(**kw)
    if status == 403 or code == 1104:
        return ForbiddenError(**kw)
    if status == 404 or code == 1201:
        return NotFoundError(**kw)
    if status == 409:
        return ConflictError(**kw)
    if status == 422 or (code is not None and 1400 <= code <= 1403):
        if context == "activate" and code not in (1401, 1402):
            return WrongCodeError(**kw)
        if context == "create_key" and code not in (1401, 1402):
            return PasswordRejectedError(**kw)
        return ValidationError(**kw)
    if status >= 500:
        # A server's 5xx text may be anything (a stack trace): a fixed sentence instead, and
        # no "(HTTP 503)" (a status code tells a person nothing; it stays in ``status``).
        return PortalServerError(PortalServerError.default_message, **kw)
    return PortalError(server_message or N_("The emnify portal refused the request."), **kw)


def parse_workspaces(data: Any) -> list[Workspace]:
    """``GET /api/v2/user/{id}/workspace`` (a list, or an object holding one)."""
    if isinstance(data, dict):
        data = data.get("workspaces") or data.get("data") or []
    if not isinstance(data, list):
        raise PortalProtocolError(N_("The portal's list of workspaces is malformed."))
    out: list[Workspace] = []
    for item in data:
        if not isinstance(item, dict):
            continue
        org = item.get("organisation") if isinstance(item.get("organisation"), dict) else item
        assert isinstance(org, dict)
        if org.get("id") is not None:
            ident = read_id(org.get("id"), N_("a workspace"))
            name = shown(org.get("name")) or shown(item.get("name"))
            default = item.get("default_workspace", item.get("is_default"))
            out.append(Workspace(ident, name, default is True))
    return out


def parse_trusted_devices(data: Any) -> list[TrustedDevice]:
    """``GET /user/{id}/mfa/trusted_device``: items without an id are left out."""
    if not isinstance(data, list):
        raise PortalProtocolError(N_("The portal's list of trusted devices is malformed."))
    out = []
    for d in data:
        if isinstance(d, dict) and d.get("id") is not None:
            out.append(
                TrustedDevice(
                    id=read_id(d["id"], N_("a trusted device")),
                    operating_system=shown(d.get("operating_system")),
                    browser=shown(d.get("browser")),
                    activation_date=shown(d.get("activation_date")),
                    name=shown(d.get("name")),
                )
            )
    return out


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _detail(response: httpx.Response) -> ErrorDetail | None:
    if not response.content:
        return None
    try:
        return ErrorDetail.from_json(reply_json(response.content))
    except (ValueError, PortalProtocolError):
        return None


def duration_text(seconds: float) -> str:
    """A wait as a person reads it: "40 s", "3 min"."""
    seconds = max(1, round(seconds))
    if seconds < 90:
        return f"{seconds} s"
    return f"{round(seconds / 60)} min"
