"""The emulator's state and API logic (:class:`EmulatorServer`); HTTP lives in
:mod:`.handler`."""

from __future__ import annotations

import collections
import json
import logging
import math
import secrets
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from desktop_app.portal.emulator.admin import ADMIN_CALLS, AdminApi
from desktop_app.portal.emulator.auth import AuthApi
from desktop_app.portal.emulator.control import ControlApi
from desktop_app.portal.emulator.handler import Handler, QuietServer, QuietServer6
from desktop_app.portal.emulator.mfa import MFA_CALLS, MfaApi
from desktop_app.portal.emulator.model import (
    ACCOUNT_KINDS,
    EMAIL_CODE_LIFETIME,
    FAULT_KINDS,
    MFA_ITEM_FIELDS,
    NUMBER_FORMS,
    TOKEN_LIFETIME,
    ApplicationToken,
    EmulatorDevice,
    EmulatorEmail,
    EmulatorKey,
    EmulatorUser,
    EmulatorWorkspace,
    Exchange,
    Fault,
    Reply,
    Session,
    email_code,
    error_body,
    find_null,
    iso,
    path_id,
    random_base32,
)
from desktop_app.portal.emulator.workspaces import WORKSPACE_CALLS, WorkspaceApi

log = logging.getLogger("desktop_app.portal.emulator")

#: every call the emulator answers (each part declares its own)
CALLS = ("authenticate", *WORKSPACE_CALLS, *MFA_CALLS, *ADMIN_CALLS)


def _check_options(
    account_kind: str,
    mfa_password_form: str,
    number_form: str,
    mfa_item_omit: Iterable[str],
    wrong_code_status: int,
) -> None:
    """ValueError with a message for an option the emulator does not know."""
    if account_kind not in ACCOUNT_KINDS:
        raise ValueError(f"account_kind must be one of {', '.join(ACCOUNT_KINDS)}")
    if mfa_password_form not in ("hashed", "plain", "either"):
        raise ValueError("mfa_password_form must be hashed, plain or either")
    if number_form not in NUMBER_FORMS:
        raise ValueError(f"number_form must be one of {', '.join(NUMBER_FORMS)}")
    if not set(mfa_item_omit) <= set(MFA_ITEM_FIELDS):
        raise ValueError(f"mfa_item_omit takes {', '.join(MFA_ITEM_FIELDS)}")
    if wrong_code_status not in (400, 401, 422):
        raise ValueError("wrong_code_status must be 400, 401 or 422")


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
        mfa_item_omit = tuple(mfa_item_omit)
        _check_options(
            account_kind, mfa_password_form, number_form, mfa_item_omit, wrong_code_status
        )
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
        self.number_form = number_form
        self.wrong_code_status = wrong_code_status
        self.last_headers: dict[str, dict[str, str]] = {}
        self.mfa_item_omit = frozenset(mfa_item_omit)
        self._init_state()
        if isinstance(users, Mapping):
            for email, password in users.items():
                self.add_user(email, password)
        elif users is not None:
            for user in users:
                self._add(user)

    def _init_state(self) -> None:
        """Empty state (users, workspaces, tokens, faults, mails) and the parts that answer."""
        self.clock_offset = 0.0
        self.lock = threading.RLock()
        self.accounts: dict[str, EmulatorUser] = {}
        self.organisations: dict[int, EmulatorWorkspace] = {}
        self.app_tokens: dict[str, ApplicationToken] = {}
        self._next_id = 100
        self._hits: dict[tuple[str, str], collections.deque[float]] = {}
        self.faults: list[Fault] = []
        self.emails: list[EmulatorEmail] = []
        self.observers: list[Callable[[Exchange], None]] = []
        self.calls: collections.Counter[str] = collections.Counter()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.stopping = threading.Event()
        self.admin = AdminApi(self)
        self.auth = AuthApi(self)
        self.mfa = MfaApi(self)
        self.workspace_calls = WorkspaceApi(self)
        self.control_api = ControlApi(self)
        self._part_of: dict[str, Any] = {
            **{c: self.mfa for c in MFA_CALLS},
            **{c: self.workspace_calls for c in WORKSPACE_CALLS},
        }

    # --- users and state -------------------------------------------------------------------

    def new_id(self) -> int:
        """A fresh id (users, keys, devices, workspaces, tokens, events share one series)."""
        with self.lock:
            self._next_id += 1
            return self._next_id

    def _add(self, user: EmulatorUser) -> EmulatorUser:
        with self.lock:
            if not user.id:
                user.id = self.new_id()
            if not user.created:
                user.created = self.now()
            if user.account_kind is not None and user.account_kind not in ACCOUNT_KINDS:
                raise ValueError(f"account_kind must be one of {', '.join(ACCOUNT_KINDS)}")
            self.accounts[user.email.lower()] = user
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

    def find_user(self, email: str) -> EmulatorUser | None:
        """The user of that e-mail address (any case), or None."""
        return self.accounts.get(email.lower())

    def workspace(self, workspace_id: int) -> EmulatorWorkspace:
        return self.organisations[workspace_id]

    def issue_auth_token(
        self, user: EmulatorUser, *, kind: str = "user", workspace: int | None = None
    ) -> str:
        """A signed auth token for ``user`` (see :meth:`AuthApi.issue_auth_token`)."""
        return self.auth.issue_auth_token(user, kind=kind, workspace=workspace)

    def control_request(self, method: str, action: str, body: Any, peer: str) -> tuple[int, Any]:
        """A call of the control endpoint (see :class:`ControlApi`)."""
        return self.control_api.control_request(method, action, body, peer)

    def count_call(self, call: str) -> None:
        with self.lock:
            self.calls[call] += 1

    def user(self, email: str) -> EmulatorUser:
        return self.accounts[email.lower()]

    def users(self) -> list[EmulatorUser]:
        with self.lock:
            return list(self.accounts.values())

    def workspace_name(self, workspace_id: int) -> str:
        with self.lock:
            ws = self.organisations.get(workspace_id)
            return ws.name if ws is not None else ""

    def revoke_application_token(self, token: str) -> None:
        """The token signs in no more."""
        with self.lock:
            self.app_tokens.pop(token, None)

    def kind_of(self, user: EmulatorUser) -> str:
        """The account kind that applies to ``user`` (their own, else the server's)."""
        return user.account_kind or self.account_kind

    def add_workspace(
        self, email: str, name: str, *, workspace_id: int | None = None
    ) -> EmulatorWorkspace:
        """Make ``email`` a member of a (new, or existing by ``workspace_id``) workspace."""
        with self.lock:
            wid = workspace_id or self.new_id()
            ws = self.organisations.setdefault(wid, EmulatorWorkspace(wid, name))
            user = self.user(email)
            if wid not in user.workspaces:
                user.workspaces.append(wid)
            return ws

    def workspaces(self, email: str) -> list[EmulatorWorkspace]:
        with self.lock:
            return [self.organisations[w] for w in self.user(email).workspaces]

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
        with self.lock:
            user = self.user(email)
            token = token or secrets.token_urlsafe(32)
            self.app_tokens[token] = ApplicationToken(
                user.email.lower(),
                workspace or user.default_workspace,
                None if expires_in is None else self.now() + expires_in,
            )
            return token

    def add_active_key(self, email: str, secret: str | None = None) -> EmulatorKey:
        """Give a user an active key (2FA already on); returns it (with its secret)."""
        with self.lock:
            key = EmulatorKey(
                id=self.new_id(),
                secret=secret or random_base32(),
                status_id=self.active_status_id,
                created=self.now(),
            )
            self.user(email).keys.append(key)
            return key

    def keys(self, email: str) -> list[EmulatorKey]:
        with self.lock:
            return list(self.user(email).keys)

    def active_keys(self, email: str) -> list[EmulatorKey]:
        return [k for k in self.keys(email) if k.status_id == self.active_status_id]

    def devices(self, email: str) -> list[EmulatorDevice]:
        with self.lock:
            return list(self.user(email).devices)

    def last_email_code(self, email: str) -> str | None:
        """The code of the last "e-mail" sent to ``email`` (None if none was)."""
        with self.lock:
            for mail in reversed(self.emails):
                if mail.to.lower() == email.lower():
                    return mail.code
            return None

    def send_email(self, user: EmulatorUser, purpose: str) -> str:
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

    def observe(self, exchange: Exchange) -> None:
        for observer in list(self.observers):
            try:
                observer(exchange)
            except Exception:  # an observer's bug must not change the answer
                log.exception("emulator: an observer failed")

    # --- clock, faults, limits -------------------------------------------------------------

    def now(self) -> float:
        return time.time() + self.clock_offset

    def advance_clock(self, seconds: float) -> None:
        with self.lock:
            self.clock_offset += seconds

    def set_clock_offset(self, seconds: float) -> None:
        with self.lock:
            self.clock_offset = float(seconds)

    def inject_fault(
        self, call: str, kind: str, *, status: int = 503, delay: float = 1.0, times: int = 1
    ) -> None:
        if call != "*" and call not in CALLS:
            raise ValueError(f"unknown call {call!r}; one of {', '.join(CALLS)} or *")
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(FAULT_KINDS)}")
        with self.lock:
            self.faults.append(Fault(call, kind, status, delay, times))

    def clear_faults(self) -> None:
        with self.lock:
            self.faults.clear()

    def set_rate_limits(
        self, *, auth: int | None = None, overall: int | None = None, window: float | None = None
    ) -> None:
        with self.lock:
            if auth is not None:
                self.auth_rate_limit = auth
            if overall is not None:
                self.overall_rate_limit = overall
            if window is not None:
                self.rate_window = window
            self._hits.clear()

    def take_fault(self, call: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.call in (call, "*"):
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
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
        self.stopping.clear()
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
        self.stopping.set()
        # shutdown() waits, without a limit, for serve_forever to notice: bounded here, so a
        # stuck server thread (a daemon) cannot keep a stopping process alive
        closer = threading.Thread(target=httpd.shutdown, name="portal-emulator-stop", daemon=True)
        closer.start()
        closer.join(timeout=5)
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- tokens ----------------------------------------------------------------------------

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
                    self.auth.retry_after(retry),
                )
        for bucket, _limit in checks:
            self._hits[(ip, bucket)].append(now)

    def handle(
        self, method: str, call: str, params: dict[str, str], headers: Any, body: Any, ip: str
    ) -> tuple[int, Any, dict[str, str]]:
        """Handle one API call (already routed); returns (status, body, headers)."""
        with self.lock:
            self.last_headers[call] = {str(k).lower(): str(v) for k, v in headers.items()}
            self._rate_check(ip, call)
            null_at = find_null(body) if body is not None else None
            if null_at:
                raise Reply(
                    400, error_body(1403, "InvalidFormat", f"{null_at}: null is not allowed")
                )
            if call == "authenticate":
                return 200, self.auth.authenticate(body), {}
            session = self.auth.session_from_token(headers.get("Authorization"))
            if call in ADMIN_CALLS:
                result = self.admin.handle(call, session, params, body)
            else:
                result = getattr(self._part_of[call], f"call_{call}")(session, params, body)
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

    def target_user(self, s: Session, ref: str = "my") -> EmulatorUser:
        """The user a path names: oneself, or (for an Administrator) another user of the
        session's workspace; another user otherwise is 403, an unknown one 404."""
        user = s.user
        ref = unquote(ref)
        if ref == "my" or path_id(ref) == user.id or ref.lower() == user.email.lower():
            return user
        for other in self.accounts.values():
            if path_id(ref) == other.id or ref.lower() == other.email.lower():
                if user.admin and s.workspace in other.workspaces:
                    return other
                raise Reply(403, error_body(1104, "Forbidden", "Access to this user is forbidden"))
        raise Reply(404, error_body(1201, "NotFound", "User not found"))

    # --- control endpoint ------------------------------------------------------------------
