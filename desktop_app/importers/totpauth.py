"""TOTP Authenticator (Android, com.authenticator.authservice2): the encrypted ``.bin`` backup
and the app's internal shared-preferences XML.

* Backup: Base64 text of AES-256-CBC (PKCS#7, 16 zero bytes as IV) with key = SHA-256(password);
  a backup made without a password of its own uses the password ``TotpAuthenticator``, which is
  tried first. The plaintext is a JSON object whose first key is the JSON list of entries.
* Internal XML: ``STATIC_TOTP_CODES_LIST`` holds the same list.

The list holds JSON strings, each an entry {``issuer``, ``name``, ``key``, ``base`` (16, 32 or
64: the encoding of ``key``)}; codes are TOTP, SHA1, 6 digits, 30 s.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from typing import Any

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    MAX_ENTRIES,
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    display_label,
    get_int,
    get_str,
    make_entry,
)
from desktop_app.importers.readers import (
    aes_cbc_decrypt,
    android_prefs,
    json_loads,
    secret_b64,
    secret_hex,
)
from desktop_app.otp.model import Entry

NAME = "totpauth"
LABEL: str = N_("TOTP Authenticator backup")
DEFAULT_PASSWORD = "TotpAuthenticator"
PREF_KEY = "STATIC_TOTP_CODES_LIST"
_IV = bytes(16)
_B64_TEXT = re.compile(rb"\s*[A-Za-z0-9+/]{43,}={0,2}\s*")


def _ciphertext(data: bytes) -> bytes | None:
    if len(data) > 8 * 1024 * 1024 or not _B64_TEXT.fullmatch(data):
        return None
    try:
        raw = base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) >= 32 and len(raw) % 16 == 0 else None


def _decrypt(sealed: bytes, password: str) -> list[Any] | None:
    plain = aes_cbc_decrypt(hashlib.sha256(password.encode("utf-8")).digest(), _IV, sealed)
    if plain is None:
        return None
    try:
        doc = json_loads(plain.decode("utf-8"))
        if not isinstance(doc, dict) or not doc:
            return None
        items = json_loads(next(iter(doc)))
    except (UnicodeDecodeError, ValueError):
        return None
    return items if isinstance(items, list) else None


def _pref_list(data: bytes) -> list[Any] | None:
    prefs = android_prefs(data)
    if not prefs or PREF_KEY not in prefs:
        return None
    try:
        items = json_loads(prefs[PREF_KEY])
    except ValueError:
        raise ImportFormatError(
            N_("The TOTP Authenticator file is damaged: {key} is not JSON.", key=PREF_KEY)
        ) from None
    return items if isinstance(items, list) else []


class TotpAuthenticatorImporter:
    name = NAME
    label = LABEL
    app = "TOTP Authenticator"
    export_hint = "Settings > Backup: the .bin file (with or without a password)."
    encrypted = True

    def detect(self, data: bytes) -> bool:
        if _ciphertext(data) is not None:
            return True
        prefs = android_prefs(data)
        return prefs is not None and PREF_KEY in prefs

    def needs_password(self, data: bytes) -> bool:
        sealed = _ciphertext(data)
        return sealed is not None and _decrypt(sealed, DEFAULT_PASSWORD) is None

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        sealed = _ciphertext(data)
        if sealed is not None:
            items = _decrypt(sealed, DEFAULT_PASSWORD)
            if items is None:
                if password is None:
                    raise PasswordRequired(LABEL)
                items = _decrypt(sealed, password)
                if items is None:
                    raise WrongPasswordError(
                        N_(
                            "Wrong password for this TOTP Authenticator backup (or the file is "
                            "damaged, or it is another app's Base64 file, such as an encrypted Steam "
                            "Desktop Authenticator .maFile: turn encryption off in SDA first)."
                        )
                    )
        else:
            items = _pref_list(data)
            if items is None:
                raise ImportFormatError(N_("This is not a TOTP Authenticator file."))
        if len(items) > MAX_ENTRIES:
            raise ImportFormatError(N_("The TOTP Authenticator file holds too many entries."))
        out = Collector()
        for fallback, raw in out.objects(map(_json_text, items), "Entry"):
            out.add(display_label(raw.get("issuer"), raw.get("name"), fallback), _entry, raw)
        return out.result(LABEL, NAME)


def _json_text(item: Any) -> Any:
    """An entry of the list: JSON text, read (None when it is not JSON), or a value as is."""
    if not isinstance(item, str):
        return item
    try:
        return json_loads(item)
    except ValueError:
        return None


def _entry(raw: dict[str, Any]) -> Entry:
    key = get_str(raw, "key")
    base = get_int(raw, "base", 32)
    if base == 16:
        secret = secret_hex(key)
    elif base == 64:
        secret = secret_b64(key)
    elif base == 32:
        secret = key
    else:
        raise EntryDataError(N_("Its secret encoding (base {base}) is unknown", base=base))
    return make_entry(secret=secret, issuer=get_str(raw, "issuer"), name=get_str(raw, "name"))
