"""The emulator's two-factor calls: key types and statuses, create / activate / delete a key,
the user record with its ``mfa`` list, trusted devices (one's own, or a colleague's for an
Administrator). It reaches the server only through its public methods and attributes."""

from __future__ import annotations

import hmac
import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from desktop_app.portal.emulator.model import (
    EMAIL_DESCRIPTION,
    TOTP_DESCRIPTION,
    TRUST_LIFETIME,
    EmulatorKey,
    EmulatorUser,
    Reply,
    Session,
    code_ok,
    error_body,
    iso,
    path_id,
    random_base32,
    sha1_hex,
    validation,
    whole,
)

if TYPE_CHECKING:
    from desktop_app.portal.emulator.server import EmulatorServer

log = logging.getLogger("desktop_app.portal.emulator")


MFA_CALLS = (
    "mfa_types",
    "mfa_statuses",
    "create_key",
    "activate_key",
    "get_user",
    "delete_key",
    "trusted_devices",
    "delete_trusted_device",
)


class MfaApi:
    """See the module docstring."""

    def __init__(self, server: EmulatorServer) -> None:
        self.server = server

    def _types(self) -> list[dict[str, Any]]:
        types = [{"id": self.server.totp_type_id, "description": TOTP_DESCRIPTION}]
        if self.server.email_type_listed:
            types.append({"id": self.server.email_type_id, "description": EMAIL_DESCRIPTION})
        return types

    def call_mfa_types(self, s: Session, params: dict[str, str], body: Any) -> Any:
        return self._types()

    def statuses(self) -> list[dict[str, Any]]:
        return sorted(
            [
                {"id": self.server.pending_status_id, "description": "Activation Pending"},
                {"id": self.server.active_status_id, "description": "Active"},
            ],
            key=lambda s: int(s["id"]),
        )

    def call_mfa_statuses(self, s: Session, params: dict[str, str], body: Any) -> Any:
        return self.statuses()

    def _status_json(self, status_id: int) -> dict[str, Any]:
        for s in self.statuses():
            if s["id"] == status_id:
                return s
        return {"id": status_id, "description": "Unknown"}

    def _key_json(self, key: EmulatorKey) -> dict[str, Any]:
        return {
            "id": key.id,
            "status": self._status_json(key.status_id),
            "type": {"id": self.server.totp_type_id, "description": TOTP_DESCRIPTION},
            "creation_date": iso(key.created),
        }

    def _password_ok(self, user: EmulatorUser, sent: str) -> bool:
        hashed = hmac.compare_digest(sent.lower(), sha1_hex(user.password))
        plain = hmac.compare_digest(sent, user.password)
        if self.server.mfa_password_form == "hashed":
            return hashed
        if self.server.mfa_password_form == "plain":
            return plain
        return hashed or plain

    def _may_manage_mfa(self, s: Session) -> None:
        if s.kind == "application" and not self.server.app_token_may_manage_mfa:
            raise Reply(
                403,
                error_body(
                    1104,
                    "Forbidden",
                    "Application tokens may not manage multi-factor authentication: "
                    "sign in with your user credentials",
                ),
            )

    def call_create_key(self, s: Session, params: dict[str, str], body: Any) -> Any:
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
        if type_id != self.server.totp_type_id:
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
            id=self.server.new_id(),
            secret=random_base32(),
            status_id=self.server.pending_status_id,
            created=self.server.now(),
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

    def call_activate_key(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        key = self._find_key(s.user, params["key"])
        if not isinstance(body, dict):
            raise Reply(400, error_body(None, "BadRequest", "Malformed request body"))
        status = body.get("status")
        if not isinstance(status, dict) or "id" not in status:
            raise validation(1402, "Required", "may not be null", "status")
        if status["id"] != self.server.active_status_id:
            known = {st["id"] for st in self.statuses()}
            if status["id"] not in known:
                raise validation(1401, "InvalidReference", "unknown status", "status.id")
            raise validation(1401, "InvalidReference", "only activation is allowed", "status.id")
        if "code" not in body:
            raise validation(1402, "Required", "may not be null", "code")
        code = body["code"]
        if not isinstance(code, str) or not re.fullmatch(r"\d{6}", code):
            raise validation(1403, "InvalidFormat", "must be a string of 6 digits", "code")
        if key.status_id == self.server.active_status_id:
            raise Reply(409, error_body(None, "Conflict", "The MFA key is already active"))
        if not code_ok(key.secret, code, self.server.now()):
            raise validation(1400, "InputValidationFailed", "invalid code", "code")
        key.status_id = self.server.active_status_id
        self.server.admin.record(
            s.user, "mfa", f"MFA key with Id '{key.id}' of Type '{TOTP_DESCRIPTION}' activated"
        )
        return None

    def _user_mfa_json(self, user: EmulatorUser) -> list[dict[str, Any]]:
        items = [self._mfa_item(k) for k in user.keys]
        if self.server.email_type_listed and self.server.kind_of(user) != "trial":
            items.insert(
                0,
                {
                    "id": user.id * 10 + 1,
                    "status": self._status_json(self.server.active_status_id),
                    "type": {"id": self.server.email_type_id, "description": EMAIL_DESCRIPTION},
                    "creation_date": iso(0),
                },
            )
        return items

    def _mfa_item(self, key: EmulatorKey) -> dict[str, Any]:
        """A key as ``GET /user/{id}`` lists it, less the fields of ``mfa_item_omit`` (the
        item schema is not published: a client must cope with what is missing)."""
        item = self._key_json(key)
        for name in self.server.mfa_item_omit:
            if name == "description":
                for part in ("status", "type"):
                    item[part] = {"id": item[part]["id"]}
            else:
                item.pop(name, None)
        return item

    def call_get_user(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self.server.target_user(s, params.get("user", "my"))
        ws = self.server.organisations[s.workspace]
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

    def call_delete_key(self, s: Session, params: dict[str, str], body: Any) -> Any:
        self._may_manage_mfa(s)
        target = self.server.target_user(s, params.get("user", "my"))
        key = self._find_key(target, params["key"])
        enforced = target.mfa_mandatory or self.server.kind_of(target) == "enforced"
        if enforced and key.status_id == self.server.active_status_id:
            others = [
                k
                for k in target.keys
                if k is not key and k.status_id == self.server.active_status_id
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
        self.server.admin.record(
            target, "mfa", f"MFA key with Id '{key.id}' of Type '{TOTP_DESCRIPTION}' deleted"
        )
        return None

    def call_trusted_devices(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self.server.target_user(s, params.get("user", "my"))
        now = self.server.now()
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

    def call_delete_trusted_device(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self.server.target_user(s, params.get("user", "my"))
        for d in target.devices:
            if path_id(params["dev"]) == d.id:
                target.devices.remove(d)
                self.server.admin.record(target, "mfa", f"Trusted device with Id '{d.id}' removed")
                return None
        raise Reply(404, error_body(1201, "NotFound", "Trusted device not found"))
