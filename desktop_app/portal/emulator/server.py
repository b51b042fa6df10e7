"""The emulator's state and API logic (:class:`EmulatorServer`); HTTP lives in
:mod:`.handler`."""

from __future__ import annotations

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
from collections.abc import Callable, Iterable, Mapping
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from desktop_app.portal.emulator.admin import AdminApi
from desktop_app.portal.emulator.handler import Handler, QuietServer, QuietServer6
from desktop_app.portal.emulator.model import (
    ACCOUNT_KINDS,
    ADMIN_CALLS,
    CALLS,
    EMAIL_CODE_LIFETIME,
    EMAIL_DESCRIPTION,
    FAULT_KINDS,
    LOCK_SECONDS,
    MAX_FAILURES,
    MFA_ITEM_FIELDS,
    MFA_TOKEN_LIFETIME,
    NUMBER_FORMS,
    REFRESH_LIFETIME,
    TOKEN_LIFETIME,
    TOTP_DESCRIPTION,
    TRUST_LIFETIME,
    ApplicationToken,
    Challenge,
    EmulatorDevice,
    EmulatorEmail,
    EmulatorKey,
    EmulatorUser,
    EmulatorWorkspace,
    Exchange,
    Fault,
    Reply,
    Session,
    b64url,
    code_ok,
    control_allowed,
    email_code,
    error_body,
    find_null,
    iso,
    path_id,
    random_base32,
    sha1_hex,
    unb64url,
    validation,
    whole,
)

log = logging.getLogger("desktop_app.portal.emulator")


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
        retry_after_header: bool = False,
        totp_type_id: int = 0,
        email_type_id: int = 1,
        active_status_id: int = 1,
        pending_status_id: int = 0,
        ssl_context: ssl.SSLContext | None = None,
        number_form: str = "int",
        mfa_item_omit: Iterable[str] = (),
        wrong_code_status: int = 401,
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
        self.retry_after_header = retry_after_header
        self.totp_type_id = totp_type_id
        self.email_type_id = email_type_id
        self.active_status_id = active_status_id
        self.pending_status_id = pending_status_id
        self._ssl_context = ssl_context
        if number_form not in NUMBER_FORMS:
            raise ValueError(f"number_form must be one of {', '.join(NUMBER_FORMS)}")
        self.number_form = number_form
        if wrong_code_status not in (400, 401, 422):
            raise ValueError("wrong_code_status must be 400, 401 or 422")
        self.wrong_code_status = wrong_code_status
        self.last_headers: dict[str, dict[str, str]] = {}
        self.mfa_item_omit = frozenset(mfa_item_omit)
        if not self.mfa_item_omit <= set(MFA_ITEM_FIELDS):
            raise ValueError(f"mfa_item_omit takes {', '.join(MFA_ITEM_FIELDS)}")
        self.clock_offset = 0.0
        self._lock = threading.RLock()
        self._signing_key = secrets.token_bytes(32)
        self._users: dict[str, EmulatorUser] = {}
        self._workspaces: dict[int, EmulatorWorkspace] = {}
        self._app_tokens: dict[str, ApplicationToken] = {}
        self._sessions: dict[str, Session] = {}
        self._next_id = 100
        self._refresh: dict[str, tuple[str, float, int]] = {}
        self._mfa_tokens: dict[str, Challenge] = {}
        self._hits: dict[tuple[str, str], collections.deque[float]] = {}
        self._faults: list[Fault] = []
        self.emails: list[EmulatorEmail] = []
        self.observers: list[Callable[[Exchange], None]] = []
        self.calls: collections.Counter[str] = collections.Counter()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.admin = AdminApi(self)
        if isinstance(users, Mapping):
            for email, password in users.items():
                self.add_user(email, password)
        elif users is not None:
            for user in users:
                self._add(user)

    # --- users and state -------------------------------------------------------------------

    def new_id(self) -> int:
        """A fresh id (users, keys, devices, workspaces, tokens, events share one series)."""
        with self._lock:
            self._next_id += 1
            return self._next_id

    def _add(self, user: EmulatorUser) -> EmulatorUser:
        with self._lock:
            if not user.id:
                user.id = self.new_id()
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
        admin: bool = True,
        colleague_of: str | None = None,
    ) -> EmulatorUser:
        """Add a user (in a workspace of their own, or in the default workspace of
        ``colleague_of``); ``account_kind`` overrides the server's; ``admin=False`` makes an
        Observer (no workspace list, no access to other users)."""
        user = EmulatorUser(
            email=email,
            password=password,
            application_token=application_token,
            mfa_mandatory=mfa_mandatory,
            account_kind=account_kind,
            admin=admin,
        )
        if colleague_of is not None:
            ws = self.user(colleague_of).default_workspace
            user.workspaces.append(ws)
            user.default_workspace = ws
        return self._add(user)

    def user(self, email: str) -> EmulatorUser:
        return self._users[email.lower()]

    def users(self) -> list[EmulatorUser]:
        with self._lock:
            return list(self._users.values())

    def workspace_name(self, workspace_id: int) -> str:
        with self._lock:
            ws = self._workspaces.get(workspace_id)
            return ws.name if ws is not None else ""

    def revoke_application_token(self, token: str) -> None:
        """The token signs in no more."""
        with self._lock:
            self._app_tokens.pop(token, None)

    def kind_of(self, user: EmulatorUser) -> str:
        """The account kind that applies to ``user`` (their own, else the server's)."""
        return user.account_kind or self.account_kind

    def add_workspace(
        self, email: str, name: str, *, workspace_id: int | None = None
    ) -> EmulatorWorkspace:
        """Make ``email`` a member of a (new, or existing by ``workspace_id``) workspace."""
        with self._lock:
            wid = workspace_id or self.new_id()
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
                id=self.new_id(),
                secret=secret or random_base32(),
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
        code = email_code()
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

    def _observe(self, exchange: Exchange) -> None:
        for observer in list(self.observers):
            try:
                observer(exchange)
            except Exception:  # an observer's bug must not change the answer
                log.exception("emulator: an observer failed")

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
        server_class = QuietServer6 if ":" in self.host else QuietServer
        httpd = server_class((self.host, self._port), Handler)
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
            b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        sig = hmac.new(self._signing_key, signing_input.encode("ascii"), hashlib.sha256).digest()
        return f"{signing_input}.{b64url(sig)}"

    def issue_auth_token(
        self, user: EmulatorUser, *, kind: str = "user", workspace: int | None = None
    ) -> str:
        """A signed auth token for ``user`` (a credentials session in their default workspace
        unless told otherwise)."""
        with self._lock:
            now = int(self.now())
            ws = self._workspaces[workspace or user.default_workspace]
            jti = secrets.token_hex(8)
            self._sessions[jti] = Session(user, kind, ws.id)
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

    def _session_from_token(self, header: str | None) -> Session:
        if not header or not header.startswith("Bearer "):
            raise Reply(401, error_body(1102, "InvalidToken", "Missing authorization token"))
        token = header[len("Bearer ") :].strip()
        parts = token.split(".")
        invalid = Reply(401, error_body(1102, "InvalidToken", "Invalid token"))
        if len(parts) != 3:
            raise invalid
        signing_input = f"{parts[0]}.{parts[1]}"
        expected = hmac.new(
            self._signing_key, signing_input.encode("ascii"), hashlib.sha256
        ).digest()
        try:
            sig = unb64url(parts[2])
            header_json = json.loads(unb64url(parts[0]))
            claims = json.loads(unb64url(parts[1]))
        except ValueError:
            raise invalid from None
        if not hmac.compare_digest(sig, expected) or header_json.get("alg") != "HS256":
            raise invalid
        if not isinstance(claims, dict) or "typ" in claims:
            raise invalid  # an MFA or refresh token is no auth token
        if float(claims.get("exp", 0)) <= self.now():
            raise Reply(401, error_body(1103, "TokenExpired", "Token expired"))
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
                raise Reply(
                    429,
                    error_body(1105, "TooManyRequests", "Rate limit exceeded"),
                    self._retry_after(retry),
                )
        for bucket, _limit in checks:
            self._hits[(ip, bucket)].append(now)

    def handle(
        self, method: str, call: str, params: dict[str, str], headers: Any, body: Any, ip: str
    ) -> tuple[int, Any, dict[str, str]]:
        """Handle one API call (already routed); returns (status, body, headers)."""
        with self._lock:
            self.last_headers[call] = {str(k).lower(): str(v) for k, v in headers.items()}
            self._rate_check(ip, call)
            null_at = find_null(body) if body is not None else None
            if null_at:
                raise Reply(
                    400, error_body(1403, "InvalidFormat", f"{null_at}: null is not allowed")
                )
            if call == "authenticate":
                return 200, self._authenticate(body), {}
            session = self._session_from_token(headers.get("Authorization"))
            if call in ADMIN_CALLS:
                result = self.admin.handle(call, session, params, body)
            else:
                result = getattr(self, f"_call_{call}")(session, params, body)
            if result is None:
                return 204, None, {}
            return 200, self.number_forms(result), {}

    def number_forms(self, answer: Any) -> Any:
        """``answer`` with every ``id`` as the configured JSON number form: ``103`` (``int``)
        or ``103.0`` (``float``: the published schema types ids as ``number``, emnify's SDK
        models them as ``float``)."""
        if self.number_form == "int":
            return answer
        if isinstance(answer, list):
            return [self.number_forms(v) for v in answer]
        if isinstance(answer, dict):
            return {
                k: float(v)
                if k == "id" and isinstance(v, int) and not isinstance(v, bool)
                else self.number_forms(v)
                for k, v in answer.items()
            }
        return answer

    def _retry_after(self, seconds: int) -> dict[str, str]:
        return {"Retry-After": str(seconds)} if self.retry_after_header else {}

    def _locked_reply(self, user: EmulatorUser) -> Reply:
        retry = max(1, math.ceil(user.locked_until - self.now()))
        return Reply(
            401,
            error_body(
                1105,
                "TooManyRequests",
                "Too many failed attempts: the account is locked for 5 minutes",
            ),
            self._retry_after(retry),
        )

    def _bad_credentials(self, message: str) -> Reply:
        if self.empty_401_bodies:
            return Reply(401, None)
        return Reply(401, error_body(1101, "InvalidCredentials", message))

    def _failed_attempt(self, user: EmulatorUser, message: str) -> Reply:
        user.failures += 1
        if user.failures >= MAX_FAILURES:
            user.failures = 0
            user.locked_until = self.now() + LOCK_SECONDS
            return self._locked_reply(user)
        return self._bad_credentials(message)

    def _authenticate(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise Reply(400, error_body(None, "BadRequest", "Malformed request body"))
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
                raise Reply(401, error_body(1102, "InvalidToken", "Invalid refresh token"))
            return {
                "auth_token": self.issue_auth_token(self._users[refresh[0]], workspace=refresh[2])
            }
        if "mfa_token" in body:
            return self._mfa_step(body)
        if "username" in body or "password" in body:
            return self._password_login(body)
        raise Reply(400, error_body(None, "BadRequest", "No known authentication form"))

    def _password_login(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self.now()
        username, password = body.get("username"), body.get("password")
        if not isinstance(username, str) or not isinstance(password, str):
            raise Reply(400, error_body(1402, "Required", "username and password are required"))
        user = self._users.get(username.lower())
        if user is None:
            raise self._bad_credentials("Invalid credentials")
        if user.locked_until > now:
            raise self._locked_reply(user)
        if not hmac.compare_digest(password.lower(), sha1_hex(user.password)):
            self.admin.record(user, "login_failed", "User login failed: wrong password")
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
            how = " from a trusted device" if trusted else ""
            self.admin.record(user, "login", f"User login{how}")
            return self._issue_login(user)
        mfa_token = self._short_token(
            user, "mfa", MFA_TOKEN_LIFETIME if active else EMAIL_CODE_LIFETIME
        )
        if active:
            challenge = Challenge(user.email.lower(), now + MFA_TOKEN_LIFETIME, "totp")
        else:
            code = self._send_email(user, "login")
            challenge = Challenge(user.email.lower(), now + EMAIL_CODE_LIFETIME, "email", code)
        self._mfa_tokens[mfa_token] = challenge
        return {"mfa_token": mfa_token}

    def _mfa_step(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self.now()
        token = str(body.get("mfa_token"))
        challenge = self._mfa_tokens.get(token)
        if challenge is None or challenge.expires <= now or challenge.email not in self._users:
            raise Reply(401, error_body(1102, "InvalidToken", "Invalid or expired MFA token"))
        user = self._users[challenge.email]
        if user.locked_until > now:
            raise self._locked_reply(user)
        code = body.get("code")
        if not isinstance(code, str) or not code:
            raise Reply(400, error_body(1402, "Required", "code is required"))
        if challenge.method == "email":
            sent = re.sub(r"[\s-]", "", code).upper()
            ok = hmac.compare_digest(sent.encode(), challenge.code.encode())
        else:
            ok = any(
                k.status_id == self.active_status_id and code_ok(k.secret, code, now)
                for k in user.keys
            )
        if not ok:
            self.admin.record(user, "login_failed", "User login failed: wrong code")
            reply = self._failed_attempt(user, "Invalid code")
            if reply.status == 401 and self.wrong_code_status != 401 and user.failures:
                # Some portals answer a wrong second-step code as invalid input.
                wrong = validation(1400, "InputValidationFailed", "invalid code", "code")
                raise Reply(self.wrong_code_status, wrong.body)
            raise reply
        user.failures = 0
        del self._mfa_tokens[token]
        self.admin.record(user, "login", f"User login with a {challenge.method} code")
        device = body.get("trusted_device")
        if isinstance(device, dict) and isinstance(device.get("fingerprint"), str):
            fp = device["fingerprint"]
            user.devices = [d for d in user.devices if d.fingerprint != fp]
            user.devices.append(
                EmulatorDevice(
                    id=self.new_id(),
                    fingerprint=fp,
                    operating_system=str(device.get("operating_system") or ""),
                    browser=str(device.get("browser") or ""),
                    name=str(device.get("name") or ""),
                    activated=now,
                )
            )
        return self._issue_login(user)

    def _call_switch_workspace(self, s: Session, params: dict[str, str], body: Any) -> Any:
        if s.kind != "user":
            raise Reply(
                403,
                error_body(
                    1104,
                    "Forbidden",
                    "Switching workspaces needs a session signed in with user credentials",
                ),
            )
        if not isinstance(body, dict) or "target_organisation" not in body:
            raise validation(1402, "Required", "may not be null", "target_organisation")
        target = body["target_organisation"]
        target_id = whole(target.get("id")) if isinstance(target, dict) else None
        if target_id is None:
            raise validation(1403, "InvalidFormat", "must be an object with an id", "id")
        if target_id not in s.user.workspaces:
            raise validation(1401, "InvalidReference", "unknown workspace", "target_organisation")
        return {"auth_token": self.issue_auth_token(s.user, workspace=target_id)}

    def _types(self) -> list[dict[str, Any]]:
        types = [{"id": self.totp_type_id, "description": TOTP_DESCRIPTION}]
        if self.email_type_listed:
            types.append({"id": self.email_type_id, "description": EMAIL_DESCRIPTION})
        return types

    def _call_mfa_types(self, s: Session, params: dict[str, str], body: Any) -> Any:
        return self._types()

    def _statuses(self) -> list[dict[str, Any]]:
        return sorted(
            [
                {"id": self.pending_status_id, "description": "Activation Pending"},
                {"id": self.active_status_id, "description": "Active"},
            ],
            key=lambda s: int(s["id"]),
        )

    def _call_mfa_statuses(self, s: Session, params: dict[str, str], body: Any) -> Any:
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

    def _may_manage_mfa(self, s: Session) -> None:
        if s.kind == "application" and not self.app_token_may_manage_mfa:
            raise Reply(
                403,
                error_body(
                    1104,
                    "Forbidden",
                    "Application tokens may not manage multi-factor authentication: "
                    "sign in with your user credentials",
                ),
            )

    def _call_create_key(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        user = s.user
        if not isinstance(body, dict):
            raise Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        if "type" not in body:
            raise validation(1402, "Required", "may not be null", "type")
        if "password" not in body:
            raise validation(1402, "Required", "may not be null", "password")
        mfa_type = body["type"]
        type_id = whole(mfa_type.get("id")) if isinstance(mfa_type, dict) else None
        if type_id is None:
            raise validation(1403, "InvalidFormat", "must be an object with an id", "type")
        if type_id != self.totp_type_id:
            raise validation(1401, "InvalidReference", "unknown MFA type", "type.id")
        if not isinstance(body["password"], str):
            raise validation(1403, "InvalidFormat", "must be a string", "password")
        if not self._password_ok(user, body["password"]):
            raise validation(1400, "InputValidationFailed", "password is incorrect", "password")
        if user.keys:
            raise Reply(
                409,
                error_body(None, "Conflict", "A two-factor key already exists for this user"),
            )
        key = EmulatorKey(
            id=self.new_id(),
            secret=random_base32(),
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
            if path_id(raw) == key.id:
                return key
        raise Reply(404, error_body(1201, "NotFound", "MFA key not found"))

    def _call_activate_key(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        key = self._find_key(s.user, params["key"])
        if not isinstance(body, dict):
            raise Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        status = body.get("status")
        if not isinstance(status, dict) or "id" not in status:
            raise validation(1402, "Required", "may not be null", "status")
        if status["id"] != self.active_status_id:
            known = {st["id"] for st in self._statuses()}
            if status["id"] not in known:
                raise validation(1401, "InvalidReference", "unknown status", "status.id")
            raise validation(1401, "InvalidReference", "only activation is allowed", "status.id")
        if "code" not in body:
            raise validation(1402, "Required", "may not be null", "code")
        code = body["code"]
        if not isinstance(code, str) or not re.fullmatch(r"\d{6}", code):
            raise validation(1403, "InvalidFormat", "must be a string of 6 digits", "code")
        if key.status_id == self.active_status_id:
            raise Reply(409, error_body(None, "Conflict", "The MFA key is already active"))
        if not code_ok(key.secret, code, self.now()):
            raise validation(1400, "InputValidationFailed", "invalid code", "code")
        key.status_id = self.active_status_id
        self.admin.record(
            s.user, "mfa", f"MFA key with Id '{key.id}' of Type '{TOTP_DESCRIPTION}' activated"
        )
        return None

    def _target_user(self, s: Session, ref: str = "my") -> EmulatorUser:
        """The user a path names: oneself, or (for an Administrator) another user of the
        session's workspace; another user otherwise is 403, an unknown one 404."""
        user = s.user
        ref = unquote(ref)
        if ref == "my" or path_id(ref) == user.id or ref.lower() == user.email.lower():
            return user
        for other in self._users.values():
            if path_id(ref) == other.id or ref.lower() == other.email.lower():
                if user.admin and s.workspace in other.workspaces:
                    return other
                raise Reply(403, error_body(1104, "Forbidden", "Access to this user is forbidden"))
        raise Reply(404, error_body(1201, "NotFound", "User not found"))

    def _user_mfa_json(self, user: EmulatorUser) -> list[dict[str, Any]]:
        items = [self._mfa_item(k) for k in user.keys]
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

    def _mfa_item(self, key: EmulatorKey) -> dict[str, Any]:
        """A key as ``GET /user/{id}`` lists it, less the fields of ``mfa_item_omit`` (the
        item schema is not published: a client must cope with what is missing)."""
        item = self._key_json(key)
        for name in self.mfa_item_omit:
            if name == "description":
                for part in ("status", "type"):
                    item[part] = {"id": item[part]["id"]}
            else:
                item.pop(name, None)
        return item

    def _call_get_user(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        ws = self._workspaces[s.workspace]
        return {
            "id": target.id,
            "username": target.email,
            "name": target.email.split("@")[0],
            "created": iso(target.created),
            "status": {"id": 1, "description": "ACTIVE"},
            "organisation": {"id": ws.id, "name": ws.name},
            "roles": [
                {"id": 1, "description": "Admin"}
                if target.admin
                else {"id": 2, "description": "Observer"}
            ],
            "mfa": self._user_mfa_json(target),
        }

    def _call_delete_key(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        target = self._target_user(s, params.get("user", "my"))
        key = self._find_key(target, params["key"])
        enforced = target.mfa_mandatory or self.kind_of(target) == "enforced"
        if enforced and key.status_id == self.active_status_id:
            others = [
                k for k in target.keys if k is not key and k.status_id == self.active_status_id
            ]
            if not others:
                raise Reply(
                    403,
                    error_body(
                        1104,
                        "Forbidden",
                        "Multi-factor authentication is mandatory in your organisation: "
                        "the last authenticator key cannot be removed",
                    ),
                )
        target.keys.remove(key)
        self.admin.record(
            target, "mfa", f"MFA key with Id '{key.id}' of Type '{TOTP_DESCRIPTION}' deleted"
        )
        return None

    def _call_trusted_devices(self, s: Session, params: dict[str, str], body: Any) -> Any:
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

    def _call_delete_trusted_device(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        for d in target.devices:
            if path_id(params["dev"]) == d.id:
                target.devices.remove(d)
                self.admin.record(target, "mfa", f"Trusted device with Id '{d.id}' removed")
                return None
        raise Reply(404, error_body(1201, "NotFound", "Trusted device not found"))

    def _call_workspaces(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        if not target.admin:
            # Only workspaces where the user is an Administrator are listed; none: 403.
            raise Reply(
                403, error_body(1104, "Forbidden", "Only administrators may list workspaces")
            )
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

    def _call_set_default_workspace(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self._target_user(s, params.get("user", "my"))
        raw = params["org"]
        wid = path_id(raw)
        if wid is None or wid not in target.workspaces:
            raise Reply(404, error_body(1201, "NotFound", "Workspace not found"))
        target.default_workspace = wid
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
