"""2FAS backups (``.2fas``): JSON with ``services`` (plain) or ``servicesEncrypted`` (encrypted).

Encrypted: ``servicesEncrypted`` = ``b64(ciphertext+tag):b64(salt):b64(iv)``; key =
PBKDF2-HMAC-SHA256(password, salt, 10,000 iterations, 256 bits); AES-GCM; the plaintext is the
JSON list of services. Each service: ``name`` (shown as the issuer), ``secret``, ``otp``
{``account``/``label``, ``issuer``, ``digits``, ``period``, ``algorithm``, ``tokenType``
(TOTP/HOTP/STEAM), ``counter``}, ``groupId`` naming one of ``groups`` [{id, name}].
Schema versions 1 to 4 are read.
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    display_label,
    get_int,
    get_str,
    make_entry,
    otp_type,
)
from desktop_app.importers.readers import (
    b64decode,
    broken_json_with,
    load_json,
    names_by_id,
    require_list,
    sniff_json,
)
from desktop_app.otp.model import Entry

NAME = "2fas"
LABEL: str = N_("2FAS backup")
PBKDF2_ITERATIONS = 10_000
MAX_SCHEMA_VERSION = 4


def derive_key(password: str, salt: bytes) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=PBKDF2_ITERATIONS)
    return kdf.derive(password.encode("utf-8"))


def _encrypted(doc: dict[str, Any]) -> bool:
    return isinstance(doc.get("servicesEncrypted"), str) and bool(doc["servicesEncrypted"])


class TwoFasImporter:
    name = NAME
    label = LABEL
    app = "2FAS"
    export_hint = (
        "Settings > 2FAS Backup > Export to file: the .2fas file (with or without password)."
    )
    encrypted = True

    def detect(self, data: bytes) -> bool:
        doc = sniff_json(data)
        if doc is None:
            return broken_json_with(data, "services", "otp") or broken_json_with(
                data, "servicesEncrypted"
            )
        return (
            isinstance(doc, dict)
            and ("services" in doc or "servicesEncrypted" in doc)
            and ("schemaVersion" in doc or "servicesEncrypted" in doc or "appOrigin" in doc)
        )

    def needs_password(self, data: bytes) -> bool:
        doc = sniff_json(data)
        return isinstance(doc, dict) and _encrypted(doc)

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, LABEL, dict)
        version = doc.get("schemaVersion", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise ImportFormatError(N_("The 2FAS backup's schema version is invalid."))
        if version > MAX_SCHEMA_VERSION:
            raise ImportFormatError(
                N_(
                    "This 2FAS backup has schema version {version}; this app reads versions 1 "
                    "to {newest}.",
                    version=version,
                    newest=MAX_SCHEMA_VERSION,
                )
            )
        if _encrypted(doc):
            if password is None:
                raise PasswordRequired(LABEL)
            services = decrypt_services(doc["servicesEncrypted"], password)
        else:
            services = doc.get("services")
        services = require_list(services, N_("the 2FAS service list"))
        groups = names_by_id(doc.get("groups"))
        out = Collector()
        for fallback, raw in out.objects(services, "Service"):
            otp = raw["otp"] if isinstance(raw.get("otp"), dict) else {}
            label = display_label(raw.get("name"), otp.get("account"), fallback)
            out.add(label, _entry, raw, otp, groups)
        return out.result(LABEL, NAME)


def decrypt_services(blob: str, password: str) -> Any:
    parts = blob.split(":")
    if len(parts) != 3:
        raise ImportFormatError(
            N_("The 2FAS backup is damaged: its encrypted part does not have three fields.")
        )
    sealed = b64decode(parts[0], N_("the encrypted services"))
    salt = b64decode(parts[1], N_("the salt"))
    iv = b64decode(parts[2], N_("the IV"))
    if len(sealed) < 16 or len(iv) < 8 or not salt:
        raise ImportFormatError(N_("The 2FAS backup is damaged: its encrypted part is truncated."))
    try:
        plaintext = AESGCM(derive_key(password, salt)).decrypt(iv, sealed, None)
    except (InvalidTag, ValueError):
        raise WrongPasswordError(
            N_("Wrong password for this 2FAS backup (or the file is damaged).")
        ) from None
    return load_json(plaintext, LABEL)


def _entry(raw: dict[str, Any], otp: dict[str, Any], groups: dict[str, str]) -> Entry:
    issuer = get_str(raw, "name") or get_str(otp, "issuer")
    account = get_str(otp, "account")
    if not account:
        account = get_str(otp, "label")
        prefix, sep, rest = account.partition(":")
        if sep and prefix.strip() in (issuer, get_str(otp, "issuer")):
            account = rest
    kind = otp_type(get_str(otp, "tokenType", "TOTP"))
    group_id = raw.get("groupId")
    if group_id is not None and not isinstance(group_id, str):
        raise EntryDataError(N_("Its group is not text"))
    return make_entry(
        secret=get_str(raw, "secret"),
        issuer=issuer,
        name=account,
        type=kind,
        algorithm=get_str(otp, "algorithm", "SHA1"),
        digits=get_int(otp, "digits", 6),
        period=get_int(otp, "period", 30),
        counter=get_int(otp, "counter", 0),
        group=groups.get(group_id or "", ""),
    )
