"""Stratum (formerly Authenticator Pro) backups: plain JSON, encrypted, legacy encrypted, and the
app's internal SQLite database ``authenticator.db3``.

* Plain ``.json``/``.authpro``: ``{"Authenticators": [{Type, Issuer, Username, Secret,
  Algorithm, Digits, Period, Counter, Icon}], "Categories": [{Id, Name}],
  "AuthenticatorCategories": [{CategoryId, AuthenticatorSecret}], "CustomIcons": [{Id, Data}]}``.
  Type: 1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, 5 Yandex. Algorithm: 0 SHA1, 1 SHA256, 2 SHA512.
* Encrypted: ``AUTHENTICATORPRO`` + salt (16) + IV (12) + AES-256-GCM ciphertext with tag;
  key = Argon2id(password, salt, 3 passes, 64 MiB, 4 lanes, 32 bytes). The parameters are fixed
  by the app (not read from the file), so a file cannot ask for more work.
* Legacy encrypted: ``AuthenticatorPro`` + salt (20) + IV (16) + AES-256-CBC (PKCS#7);
  key = PBKDF2-HMAC-SHA1(password, salt, 64,000, 256 bits).
* SQLite: table ``authenticator`` with the same fields in lower case; ``category`` and
  ``authenticatorcategory`` give the groups.

The first category becomes the entry's group; custom icons are kept as the entry's icon.
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    display_label,
    make_entry,
    numbered,
)
from desktop_app.importers.readers import (
    STRATUM_MAGIC,
    aes_cbc_decrypt,
    argon2id,
    broken_json_with,
    icon_or_none,
    load_json,
    pbkdf2,
    require_list,
    row_int,
    row_str,
    sniff_json,
    sqlite_rows,
    sqlite_schema,
)
from desktop_app.otp.model import Entry, Icon, OtpType

NAME = "stratum"
LABEL: str = N_("Stratum / Authenticator Pro backup")
HEADER, HEADER_LEGACY = STRATUM_MAGIC
ARGON2 = {"t": 3, "m_kib": 1 << 16, "p": 4}
LEGACY_ITERATIONS = 64_000
_TYPES = {1: OtpType.HOTP, 2: OtpType.TOTP, 4: OtpType.STEAM}
_UNSUPPORTED = {3: "mOTP", 5: "Yandex"}
_ALGORITHMS = {0: "SHA1", 1: "SHA256", 2: "SHA512"}


def _json_doc(data: bytes) -> dict[str, Any] | None:
    doc = sniff_json(data)
    return doc if isinstance(doc, dict) and "Authenticators" in doc else None


def _is_db(data: bytes) -> bool:
    schema = sqlite_schema(data)
    return schema is not None and {"secret", "issuer", "type"} <= schema.get(
        "authenticator", frozenset()
    )


def encrypt(plaintext: bytes, password: str, salt: bytes, iv: bytes) -> bytes:
    """The current encrypted format (tests build files with it)."""
    key = argon2id(password, salt, **ARGON2)
    return HEADER + salt + iv + AESGCM(key).encrypt(iv, plaintext, None)


class StratumImporter:
    name = NAME
    label = LABEL
    app = "Stratum / Authenticator Pro"
    export_hint = (
        "Settings > Backup (encrypted or not), or databases/authenticator.db3 off a rooted phone."
    )
    encrypted = True

    def detect(self, data: bytes) -> bool:
        return (
            data.startswith((HEADER, HEADER_LEGACY))
            or _json_doc(data) is not None
            or broken_json_with(data, "Authenticators", "Secret")
            or _is_db(data)
        )

    def needs_password(self, data: bytes) -> bool:
        return data.startswith((HEADER, HEADER_LEGACY))

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        if _is_db(data):
            return _parse_db(data)
        if data.startswith((HEADER, HEADER_LEGACY)):
            if password is None:
                raise PasswordRequired(LABEL)
            data = _decrypt(data, password)
        doc = load_json(data, LABEL)
        if not isinstance(doc, dict) or "Authenticators" not in doc:
            raise ImportFormatError(N_("This is not a Stratum backup (no Authenticators list)."))
        return _parse_doc(doc)


def _decrypt(data: bytes, password: str) -> bytes:
    if data.startswith(HEADER):
        body = data[len(HEADER) :]
        if len(body) < 16 + 12 + 16:
            raise ImportFormatError(N_("The Stratum backup is truncated."))
        salt, iv, sealed = body[:16], body[16:28], body[28:]
        key = argon2id(password, salt, **ARGON2)
        try:
            return AESGCM(key).decrypt(iv, sealed, None)
        except (InvalidTag, ValueError):
            raise WrongPasswordError(
                N_("Wrong password for this Stratum backup (or the file is damaged).")
            ) from None
    body = data[len(HEADER_LEGACY) :]
    if len(body) < 20 + 16 + 16:
        raise ImportFormatError(N_("The Stratum backup (old format) is truncated."))
    salt, iv, sealed = body[:20], body[20:36], body[36:]
    plain = aes_cbc_decrypt(pbkdf2("sha1", password, salt, LEGACY_ITERATIONS, 32), iv, sealed)
    if plain is None:
        raise WrongPasswordError(
            N_("Wrong password for this Stratum backup (or the file is damaged).")
        )
    return plain


def _parse_doc(doc: dict[str, Any]) -> ImportResult:
    items = require_list(doc.get("Authenticators"), N_("the Stratum authenticator list"))
    categories: dict[str, str] = {}
    for c in doc.get("Categories") or []:
        if isinstance(c, dict) and isinstance(c.get("Id"), str) and isinstance(c.get("Name"), str):
            categories[c["Id"]] = c["Name"]
    groups: dict[str, str] = {}
    for link in doc.get("AuthenticatorCategories") or []:
        if isinstance(link, dict):
            secret, cat = link.get("AuthenticatorSecret"), link.get("CategoryId")
            if isinstance(secret, str) and cat in categories and secret not in groups:
                groups[secret] = categories[cat]
    icons: dict[str, Icon] = {}
    for i in doc.get("CustomIcons") or []:
        if isinstance(i, dict) and isinstance(i.get("Id"), str) and isinstance(i.get("Data"), str):
            icon = icon_or_none(None, i["Data"])
            if icon is not None:
                icons["@" + i["Id"]] = icon
    out = Collector()
    for fallback, raw in out.objects(items, "Authenticator"):
        label = display_label(raw.get("Issuer"), raw.get("Username"), fallback)
        row = {k.lower(): v for k, v in raw.items() if isinstance(k, str)}
        out.add(label, _entry, row, groups, icons)
    return out.result(LABEL, NAME)


DB_READ = ("type", "issuer", "username", "secret", "algorithm", "digits", "period", "counter")


def _parse_db(data: bytes) -> ImportResult:
    rows = sqlite_rows(data, "authenticator", LABEL, DB_READ)
    groups: dict[str, str] = {}
    schema = sqlite_schema(data) or {}
    if {"id", "name"} <= schema.get("category", frozenset()) and {
        "categoryid",
        "authenticatorsecret",
    } <= schema.get("authenticatorcategory", frozenset()):
        try:  # groups are a nicety: a file whose category tables cannot be read keeps its accounts
            names = {
                c["id"]: c["name"] for c in sqlite_rows(data, "category", LABEL, ("id", "name"))
            }
            links = sqlite_rows(
                data, "authenticatorcategory", LABEL, ("authenticatorsecret", "categoryid")
            )
        except ImportFormatError:
            names, links = {}, []
        for link in links:
            secret, name = link["authenticatorsecret"], names.get(link["categoryid"])
            if isinstance(secret, str) and isinstance(name, str):
                groups.setdefault(secret, name)
    out = Collector()
    for index, row in enumerate(rows):
        label = display_label(
            row.get("issuer"), row.get("username"), numbered("Authenticator", index + 1)
        )
        out.add(label, _entry, row, groups, {})
    return out.result(LABEL, NAME)


def _entry(row: dict[str, Any], groups: dict[str, str], icons: dict[str, Icon]) -> Entry:
    kind_id = row_int(row, "type", 2)
    if kind_id in _UNSUPPORTED:
        raise EntryDataError(
            N_("This app does not support {kind} codes", kind=_UNSUPPORTED[kind_id])
        )
    kind = _TYPES.get(kind_id)
    if kind is None:
        raise EntryDataError(N_("Its type {kind} is unknown", kind=kind_id))
    algorithm = _ALGORITHMS.get(row_int(row, "algorithm", 0))
    if algorithm is None:
        raise EntryDataError(N_("Its algorithm is unknown"))
    secret = row_str(row, "secret")
    icon_ref = row.get("icon")
    return make_entry(
        secret=secret,
        issuer=row_str(row, "issuer"),
        name=row_str(row, "username"),
        type=kind,
        algorithm=algorithm,
        digits=row_int(row, "digits", 6),
        period=row_int(row, "period", 30),
        counter=row_int(row, "counter", 0),
        group=groups.get(secret, ""),
        icon=icons.get(icon_ref) if isinstance(icon_ref, str) else None,
    )
