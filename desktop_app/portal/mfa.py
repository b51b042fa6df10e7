"""The signed-in user's own two-factor keys and trusted devices on the emnify portal (see
../shared/specs/emnify-portal-api.md). No Qt.

:class:`MfaApi` is built on :meth:`PortalClient.request` (one session: the same renewal, rate
limits, deadline and typed errors as every call) and is reached as ``client.mfa``.

* Only keys of the TOTP type (picked from ``/user/mfa/type`` by its description, never "the
  only entry") are acted on; type and status ids are read from ``/user/mfa/type`` and
  ``/user/mfa/status``, never hard-coded.
* ``POST /user/mfa`` password (an **unsure** point of the spec): sent SHA-1 hashed. Only when
  the password was first proven with ``/authenticate`` (:meth:`PortalClient.verify_password`)
  and the hashed form is then refused (422) is it sent once more as typed; the working form is
  remembered (``mfa_password_form``). A mistyped password is so caught by ``/authenticate`` and
  never sent in plain text.
* Activation code: sent at the top level; if the server says the code is *required* (1402, or
  a 400), sent once more inside ``status`` (``code_in_status``). A wrong code is never sent
  twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from desktop_app.i18n import N_
from desktop_app.portal.client import (
    IdDescription,
    MfaKey,
    TrustedDevice,
    hash_password,
    id_description,
    parse_key,
    parse_trusted_devices,
)
from desktop_app.portal.errors import (
    BadRequestError,
    PasswordRejectedError,
    PortalProtocolError,
    ValidationError,
    WrongCodeError,
)

if TYPE_CHECKING:
    from desktop_app.portal.client import PortalClient


class MfaApi:
    """The two-factor keys and trusted devices of the user signed in on ``client``."""

    def __init__(self, client: PortalClient) -> None:
        self.client = client
        self.mfa_password_form: Literal["hashed", "plain"] = "hashed"
        self.code_in_status = False
        self._types: list[IdDescription] | None = None
        self._statuses: list[IdDescription] | None = None

    def mfa_types(self) -> list[IdDescription]:
        if self._types is None:
            self._types = _id_list(self.client.request("GET", "/user/mfa/type"))
        return self._types

    def mfa_statuses(self) -> list[IdDescription]:
        if self._statuses is None:
            self._statuses = _id_list(self.client.request("GET", "/user/mfa/status"))
        return self._statuses

    def totp_type_id(self) -> int:
        types = self.mfa_types()
        for t in types:
            if is_totp_description(t.description):
                return t.id
        # Never "the only entry": it may be e-mail codes or a hardware key.
        raise PortalProtocolError(N_("The portal offers no authenticator-app (TOTP) key type."))

    def active_status_id(self) -> int:
        for s in self.mfa_statuses():
            d = s.description.lower().replace("_", " ")
            if "active" in d and "pending" not in d and "inactive" not in d and "de" not in d[:2]:
                return s.id
        return 1  # the spec: id 1 = ACTIVE

    def create_mfa_key(self, password: str, *, password_proven: bool = False) -> MfaKey:
        """Create a TOTP key (status "activation pending"). The result holds the secret — the
        only time the portal ever sends it. The password goes as typed only when
        ``password_proven`` (by :meth:`verify_password`) and the hashed form was refused."""
        type_id = self.totp_type_id()
        forms: list[Literal["hashed", "plain"]] = [self.mfa_password_form]
        if self.mfa_password_form == "hashed" and password_proven:
            forms.append("plain")
        first_error: PasswordRejectedError | None = None
        for form in forms:
            sent = hash_password(password) if form == "hashed" else password
            try:
                data = self.client.request(
                    "POST",
                    "/user/mfa",
                    {"type": {"id": type_id}, "password": sent},
                    context="create_key",
                )
            except PasswordRejectedError as exc:
                first_error = first_error or exc
                continue
            self.mfa_password_form = form
            key = parse_key(data)
            if not key.secret_key and not key.otpauth:
                raise PortalProtocolError(N_("The portal created a key but sent no secret."))
            return key
        assert first_error is not None
        raise first_error

    def activate_mfa_key(self, key_id: int, code: str) -> None:
        status: dict[str, Any] = {"id": self.active_status_id()}
        code = code.replace(" ", "")
        if self.code_in_status:
            self.client.request(
                "PATCH",
                f"/user/mfa/{key_id}",
                {"status": {**status, "code": code}},
                context="activate",
            )
            return
        try:
            self.client.request(
                "PATCH", f"/user/mfa/{key_id}", {"status": status, "code": code}, context="activate"
            )
        except (ValidationError, BadRequestError) as exc:
            if isinstance(exc, WrongCodeError) or not (
                exc.error_code == 1402 or isinstance(exc, BadRequestError)
            ):
                raise
            # An older reading of the API wants the code inside ``status``.
            self.client.request(
                "PATCH",
                f"/user/mfa/{key_id}",
                {"status": {**status, "code": code}},
                context="activate",
            )
            self.code_in_status = True

    def mfa_keys(self, user_ref: str | None = None) -> list[MfaKey]:
        """Every entry of the user's ``mfa`` list (any type; see :meth:`totp_keys`)."""
        data = self.client.get_user(user_ref).get("mfa") or []
        if not isinstance(data, list):
            raise PortalProtocolError(N_("The portal's list of keys is malformed."))
        return [parse_key(k) for k in data]

    def totp_keys(self, user_ref: str | None = None) -> list[MfaKey]:
        """The user's keys of the TOTP type only (an e-mail entry is never acted on)."""
        type_id = self.totp_type_id()
        return [k for k in self.mfa_keys(user_ref) if k.is_type(type_id)]

    def has_email_mfa_entry(self, keys: list[MfaKey]) -> bool:
        """Whether the user's ``mfa`` list shows e-mail codes as an entry (may never appear)."""
        return any(k.type is not None and "mail" in k.type.description.lower() for k in keys)

    def delete_mfa_key(self, key_id: int, user_ref: str = "my") -> None:
        self.client.request(
            "DELETE", f"/user/{quote(user_ref, safe='@')}/mfa/{key_id}", context="delete_key"
        )

    def trusted_devices(self) -> list[TrustedDevice]:
        return parse_trusted_devices(self.client.request("GET", "/user/my/mfa/trusted_device"))

    def delete_trusted_device(self, device_id: int) -> None:
        self.client.request("DELETE", f"/user/my/mfa/trusted_device/{device_id}")


def is_totp_description(description: str) -> bool:
    d = description.lower()
    return "totp" in d or "authenticator" in d or "time-based" in d or "time based" in d


def _id_list(data: Any) -> list[IdDescription]:
    if not isinstance(data, list):
        raise PortalProtocolError(N_("The portal sent a malformed list."))
    return [d for d in map(id_description, data) if d is not None]
