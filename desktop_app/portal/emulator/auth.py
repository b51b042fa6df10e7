"""The emulator's sign-in: ``POST /api/v1/authenticate`` in its four forms, the signed JWTs
(auth, refresh and MFA tokens), sessions, failed attempts and the lockout. It reaches the server
only through its public methods and attributes."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import re
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop_app.portal.emulator.model import (
    EMAIL_CODE_LIFETIME,
    LOCK_SECONDS,
    MAX_FAILURES,
    MFA_TOKEN_LIFETIME,
    REFRESH_LIFETIME,
    TRUST_LIFETIME,
    ApplicationToken,
    Challenge,
    EmulatorDevice,
    EmulatorUser,
    Reply,
    Session,
    b64url,
    code_ok,
    error_body,
    sha1_hex,
    unb64url,
    validation,
)

if TYPE_CHECKING:
    from desktop_app.portal.emulator.server import EmulatorServer

log = logging.getLogger("desktop_app.portal.emulator")


class AuthApi:
    """See the module docstring."""

    def __init__(self, server: EmulatorServer) -> None:
        self.server = server
        self._signing_key = secrets.token_bytes(32)
        self._sessions: dict[str, Session] = {}
        self._refresh: dict[str, tuple[str, float, int]] = {}
        self._mfa_tokens: dict[str, Challenge] = {}

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
        with self.server.lock:
            now = int(self.server.now())
            ws = self.server.organisations[workspace or user.default_workspace]
            jti = secrets.token_hex(8)
            self._sessions[jti] = Session(user, kind, ws.id)
            return self._sign(
                {
                    "iss": "emnify-portal-emulator",
                    "sub": user.email,
                    "esc.org": ws.id,
                    "esc.orgName": ws.name,
                    "iat": now,
                    "exp": now + self.server.token_lifetime,
                    "jti": jti,
                }
            )

    def _short_token(self, user: EmulatorUser, purpose: str, lifetime: float) -> str:
        now = int(self.server.now())
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

    def session_from_token(self, header: str | None) -> Session:
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
        if float(claims.get("exp", 0)) <= self.server.now():
            raise Reply(401, error_body(1103, "TokenExpired", "Token expired"))
        session = self._sessions.get(str(claims.get("jti", "")))
        if session is None or session.user.email.lower() != str(claims.get("sub", "")).lower():
            raise invalid
        if self.server.accounts.get(session.user.email.lower()) is not session.user:
            raise invalid
        return session

    def _issue_login(self, user: EmulatorUser, workspace: int | None = None) -> dict[str, str]:
        ws = workspace or user.default_workspace
        refresh = self._short_token(user, "refresh", REFRESH_LIFETIME)
        self._refresh[refresh] = (user.email.lower(), self.server.now() + REFRESH_LIFETIME, ws)
        return {"auth_token": self.issue_auth_token(user, workspace=ws), "refresh_token": refresh}

    def retry_after(self, seconds: int) -> dict[str, str]:
        return {"Retry-After": str(seconds)} if self.server.retry_after_header else {}

    def _locked_reply(self, user: EmulatorUser) -> Reply:
        retry = max(1, math.ceil(user.locked_until - self.server.now()))
        return Reply(
            401,
            error_body(
                1105,
                "TooManyRequests",
                "Too many failed attempts: the account is locked for 5 minutes",
            ),
            self.retry_after(retry),
        )

    def _bad_credentials(self, message: str) -> Reply:
        if self.server.empty_401_bodies:
            return Reply(401, None)
        return Reply(401, error_body(1101, "InvalidCredentials", message))

    def _failed_attempt(self, user: EmulatorUser, message: str) -> Reply:
        user.failures += 1
        if user.failures >= MAX_FAILURES:
            user.failures = 0
            user.locked_until = self.server.now() + LOCK_SECONDS
            return self._locked_reply(user)
        return self._bad_credentials(message)

    def authenticate(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        now = self.server.now()
        if "application_token" in body:
            token = body.get("application_token")
            if isinstance(token, str):
                tokens = dict(self.server.app_tokens)
                for (
                    u
                ) in self.server.accounts.values():  # the one token of add_user(application_token=)
                    if u.application_token and u.application_token not in tokens:
                        tokens[u.application_token] = ApplicationToken(
                            u.email.lower(), u.default_workspace
                        )
                for known, record in tokens.items():
                    if hmac.compare_digest(known, token):
                        if record.expires is not None and record.expires <= now:
                            break
                        user = self.server.accounts.get(record.email)
                        if user is None:
                            break
                        auth = self.issue_auth_token(
                            user, kind="application", workspace=record.workspace
                        )
                        return {"auth_token": auth}
            raise self._bad_credentials("Invalid application token")
        if "refresh_token" in body:
            refresh = self._refresh.get(str(body.get("refresh_token")))
            if refresh is None or refresh[1] <= now or refresh[0] not in self.server.accounts:
                raise Reply(401, error_body(1102, "InvalidToken", "Invalid refresh token"))
            return {
                "auth_token": self.issue_auth_token(
                    self.server.accounts[refresh[0]], workspace=refresh[2]
                )
            }
        if "mfa_token" in body:
            return self._mfa_step(body)
        if "username" in body or "password" in body:
            return self._password_login(body)
        raise Reply(400, error_body(None, "BadRequest", "No known authentication form"))

    def _password_login(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self.server.now()
        username, password = body.get("username"), body.get("password")
        if not isinstance(username, str) or not isinstance(password, str):
            raise Reply(400, error_body(1402, "Required", "username and password are required"))
        user = self.server.accounts.get(username.lower())
        if user is None:
            raise self._bad_credentials("Invalid credentials")
        if user.locked_until > now:
            raise self._locked_reply(user)
        if not hmac.compare_digest(password.lower(), sha1_hex(user.password)):
            self.server.admin.record(user, "login_failed", "User login failed: wrong password")
            raise self._failed_attempt(user, "Invalid credentials")
        user.failures = 0
        active = [k for k in user.keys if k.status_id == self.server.active_status_id]
        fingerprint = body.get("fingerprint")
        trusted = isinstance(fingerprint, str) and any(
            hmac.compare_digest(d.fingerprint, fingerprint) and d.activated + TRUST_LIFETIME > now
            for d in user.devices
        )
        email_mfa = self.server.kind_of(user) != "trial"
        if trusted or not (active or email_mfa):
            how = " from a trusted device" if trusted else ""
            self.server.admin.record(user, "login", f"User login{how}")
            return self._issue_login(user)
        mfa_token = self._short_token(
            user, "mfa", MFA_TOKEN_LIFETIME if active else EMAIL_CODE_LIFETIME
        )
        if active:
            challenge = Challenge(user.email.lower(), now + MFA_TOKEN_LIFETIME, "totp")
        else:
            code = self.server.send_email(user, "login")
            challenge = Challenge(user.email.lower(), now + EMAIL_CODE_LIFETIME, "email", code)
        self._mfa_tokens[mfa_token] = challenge
        return {"mfa_token": mfa_token}

    def _mfa_step(self, body: dict[str, Any]) -> dict[str, Any]:
        now = self.server.now()
        token = str(body.get("mfa_token"))
        challenge = self._mfa_tokens.get(token)
        if (
            challenge is None
            or challenge.expires <= now
            or challenge.email not in self.server.accounts
        ):
            raise Reply(401, error_body(1102, "InvalidToken", "Invalid or expired MFA token"))
        user = self.server.accounts[challenge.email]
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
                k.status_id == self.server.active_status_id and code_ok(k.secret, code, now)
                for k in user.keys
            )
        if not ok:
            self.server.admin.record(user, "login_failed", "User login failed: wrong code")
            reply = self._failed_attempt(user, "Invalid code")
            if reply.status == 401 and self.server.wrong_code_status != 401 and user.failures:
                # Some portals answer a wrong second-step code as invalid input.
                wrong = validation(1400, "InputValidationFailed", "invalid code", "code")
                raise Reply(self.server.wrong_code_status, wrong.body)
            raise reply
        user.failures = 0
        del self._mfa_tokens[token]
        self.server.admin.record(user, "login", f"User login with a {challenge.method} code")
        device = body.get("trusted_device")
        if isinstance(device, dict) and isinstance(device.get("fingerprint"), str):
            fp = device["fingerprint"]
            user.devices = [d for d in user.devices if d.fingerprint != fp]
            user.devices.append(
                EmulatorDevice(
                    id=self.server.new_id(),
                    fingerprint=fp,
                    operating_system=str(device.get("operating_system") or ""),
                    browser=str(device.get("browser") or ""),
                    name=str(device.get("name") or ""),
                    activated=now,
                )
            )
        return self._issue_login(user)
