"""The emulator's data: constants, records, error bodies and small helpers. No I/O but the
outbox file."""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import secrets
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.otp.codes import verify
from desktop_app.otp.model import Entry

ACCOUNT_KINDS = ("trial", "paid", "enforced")
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


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
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
    admin: bool = True


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


@dataclass(frozen=True)
class Exchange:
    """One answered API call, as the emulator's ``observers`` see it (``request`` and
    ``response`` are the parsed JSON bodies, None when empty; ``injected`` marks a fault)."""

    method: str
    path: str
    call: str
    status: int
    request: Any
    response: Any
    injected: bool = False


@dataclass
class Fault:
    call: str
    kind: str
    status: int = 503
    delay: float = 1.0
    times: int = 1


@dataclass
class Session:
    """What an auth token stands for (kept by the server, looked up by the JWT's ``jti``)."""

    user: EmulatorUser
    kind: str  # "user" (credentials) or "application"
    workspace: int


@dataclass
class Challenge:
    """An MFA second step in progress."""

    email: str
    expires: float
    method: str  # "email" or "totp"
    code: str = ""
    fingerprint: str = ""


class Reply(Exception):
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


def validation(code: int, token: str, message: str, field_name: str) -> Reply:
    nested = [error_body(code, token, f"{field_name}: {message}")]
    top_message = "Validation failed" if code == 1400 else message
    return Reply(422, error_body(code, token, top_message, nested))


def read_outbox(path: str | Path) -> list[dict[str, Any]]:
    """The messages of an outbox file (one JSON object a line), oldest first."""
    file = Path(path)
    if not file.exists():
        return []
    return [json.loads(line) for line in file.read_text("utf-8").splitlines() if line.strip()]


def random_base32() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def email_code() -> str:
    """A code as the e-mails carry it: letters and digits, at least one letter."""
    letters = [c for c in EMAIL_CODE_ALPHABET if c.isalpha()]
    chars = [secrets.choice(EMAIL_CODE_ALPHABET) for _ in range(EMAIL_CODE_LENGTH)]
    if not any(c.isalpha() for c in chars):
        chars[secrets.randbelow(EMAIL_CODE_LENGTH)] = secrets.choice(letters)
    return "".join(chars)


def code_ok(secret: str, code: str, at: float) -> bool:
    return verify(Entry(secret=secret), code, at=at, window=1)


NUMBER_FORMS = ("int", "float")
MFA_ITEM_FIELDS = ("status", "type", "creation_date", "description")


def whole(value: Any) -> int | None:
    """A whole JSON number (``1`` or ``1.0``) as an int, else None (as the real API reads ids)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def path_id(raw: str) -> int | None:
    """An id in a URL path: ``103``, or ``103.0`` as a client that keeps ids as floats (emnify's
    SDK) writes it; None for anything else."""
    text = raw.strip()
    if text.isdigit():
        return int(text)
    try:
        return whole(float(text)) if text[:1].isdigit() else None
    except ValueError:
        return None
