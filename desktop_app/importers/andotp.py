"""andOTP backups: a JSON list (plain ``.json``) or AES-GCM encrypted (``.json.aes``).

Plain entry: ``secret`` (Base32), ``issuer``, ``label``, ``digits``, ``type`` (TOTP/HOTP/STEAM),
``algorithm``, ``period``, ``counter`` (HOTP), ``tags`` (the first becomes the group).

Encrypted, current format (andOTP >= 0.6.3): ``iterations`` (4 bytes, big-endian) + ``salt``
(12 bytes) + ``iv`` (12 bytes) + ciphertext + tag (16 bytes); key = PBKDF2-HMAC-SHA1(password,
salt, iterations, 256 bits). Old format (<= 0.6.2): ``iv`` (12) + ciphertext + tag, key =
SHA-256(password). Both are tried. An iteration count outside 1,000..500,000 (andOTP writes
140,000..160,000) is not run: the file is then read as the old format only. A GCM failure cannot tell a wrong password from a damaged
file, so the message names both.
"""

from __future__ import annotations

import hashlib
import struct
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
    get_int,
    get_str,
    make_entry,
    otp_type,
)
from desktop_app.importers.readers import (
    broken_json_with,
    headerless,
    load_json,
    require_list,
    sniff_json,
)
from desktop_app.otp.model import Entry

NAME = "andotp"
LABEL: str = N_("andOTP backup")
MIN_ITERATIONS = 1_000
MAX_ITERATIONS = 500_000  # andOTP writes 140,000 to 160,000
_HEADER = 4 + 12 + 12
_MIN_SIZE = 12 + 16 + 2


def _plain_list(data: bytes) -> bool:
    doc = sniff_json(data)
    if doc is None:
        return data.lstrip()[:1] == b"[" and broken_json_with(data, "secret", "type")
    return (
        isinstance(doc, list)
        and bool(doc)
        and all(isinstance(e, dict) and "secret" in e and "type" in e for e in doc)
    )


def _binary(data: bytes) -> bool:
    return len(data) >= _MIN_SIZE and headerless(data)


class AndOtpImporter:
    name = NAME
    label = LABEL
    app = "andOTP"
    export_hint = "Backups > Backup (encrypted .json.aes or plain .json)."
    encrypted = True

    def detect(self, data: bytes) -> bool:
        return _plain_list(data) or _binary(data)

    def needs_password(self, data: bytes) -> bool:
        return not _plain_list(data) and _binary(data)

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        if not _plain_list(data) and _binary(data):
            if password is None:
                raise PasswordRequired(LABEL)
            data = decrypt(data, password)
        doc = load_json(data, LABEL)
        items = require_list(doc, N_("the andOTP entry list"))
        out = Collector()
        for fallback, raw in out.objects(items, "Entry"):
            label = display_label(raw.get("issuer"), raw.get("label"), fallback)
            out.add(label, _entry, raw)
        return out.result(LABEL, NAME)


def _gcm(key: bytes, iv: bytes, sealed: bytes) -> bytes | None:
    try:
        return AESGCM(key).decrypt(iv, sealed, None)
    except (InvalidTag, ValueError):
        return None


def decrypt(data: bytes, password: str) -> bytes:
    secret = password.encode("utf-8")
    if len(data) < _MIN_SIZE:
        raise ImportFormatError(N_("The andOTP backup is truncated."))
    if len(data) >= _HEADER + 16:
        (iterations,) = struct.unpack(">I", data[:4])
        if MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
            key = hashlib.pbkdf2_hmac("sha1", secret, data[4:16], iterations, 32)
            plain = _gcm(key, data[16:28], data[28:])
            if plain is not None:
                return plain
    plain = _gcm(hashlib.sha256(secret).digest(), data[:12], data[12:])
    if plain is not None:
        return plain
    raise WrongPasswordError(N_("Wrong password for this andOTP backup, or the file is damaged."))


def encrypt(plaintext: bytes, password: str, iterations: int, salt: bytes, iv: bytes) -> bytes:
    """The current andOTP format (used by tests to build files)."""
    key = hashlib.pbkdf2_hmac("sha1", password.encode("utf-8"), salt, iterations, 32)
    return struct.pack(">I", iterations) + salt + iv + AESGCM(key).encrypt(iv, plaintext, None)


def _entry(raw: dict[str, Any]) -> Entry:
    issuer = get_str(raw, "issuer")
    name = get_str(raw, "label")
    if issuer and name.startswith(f"{issuer} - "):
        name = name[len(issuer) + 3 :]
    elif issuer and name.startswith(f"{issuer}:"):
        name = name[len(issuer) + 1 :]
    tags = raw.get("tags") or []
    if not isinstance(tags, list):
        raise EntryDataError(N_("Its tags are not a list"))
    group = next((t for t in tags if isinstance(t, str) and t.strip()), "")
    return make_entry(
        secret=get_str(raw, "secret"),
        issuer=issuer,
        name=name,
        type=otp_type(get_str(raw, "type", "TOTP")),
        algorithm=get_str(raw, "algorithm", "SHA1"),
        digits=get_int(raw, "digits", 6),
        period=get_int(raw, "period", 30),
        counter=get_int(raw, "counter", 0),
        group=group,
    )
