"""Authy (Android) tokens: the app's shared-preferences XML
``com.authy.storage.tokens.authenticator.xml``, plain or with encrypted secrets.

The XML is ``<map><string name="com.authy.storage.tokens.authenticator.key">JSON</string></map>``;
the JSON is a list of tokens: ``originalName`` (often ``Issuer:account``), ``accountType``,
``name``, ``digits`` and either ``decryptedSecret`` (Base32) or ``encryptedSecret`` (Base64)
with ``salt`` and, in newer versions, ``key_derivation_iterations`` and ``unique_iv``.

Encrypted secrets: key = PBKDF2-HMAC-SHA1(backup password, salt as UTF-8, iterations (1,000
when absent), 256 bits); AES-256-CBC, PKCS#7, IV = ``unique_iv`` (hex) or 16 zero bytes; the
plaintext is the Base32 secret. Codes are TOTP, SHA1, 30 s. Issuer: the part of
``originalName`` before ``:``, else the part of ``name`` before `` - ``, else ``accountType``.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

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
)
from desktop_app.importers.readers import (
    aes_cbc_decrypt,
    android_prefs,
    check_kdf,
    check_kdf_runs,
    json_loads,
    pbkdf2,
    require_list,
)
from desktop_app.otp.model import Entry

NAME = "authy"
LABEL: str = N_("Authy token file")
DEFAULT_ITERATIONS = 1_000
MAX_ITERATIONS = 500_000  # Authy writes 1,000 (old) or 100,000
_ZERO_IV = bytes(16)


def _tokens(data: bytes) -> list[Any] | None:
    prefs = android_prefs(data)
    if not prefs:
        return None
    for key, value in prefs.items():
        if "authy" not in key.lower() and "authenticator" not in key.lower():
            continue
        try:
            doc = json_loads(value)
        except ValueError:
            continue
        if isinstance(doc, list) and any(
            isinstance(t, dict) and ("originalName" in t or "accountType" in t) for t in doc
        ):
            return doc
    return None


def _encrypted(token: Any) -> bool:
    return (
        isinstance(token, dict) and not token.get("decryptedSecret") and "encryptedSecret" in token
    )


class AuthyImporter:
    name = NAME
    label = LABEL
    app = "Authy"
    export_hint = (
        "No export: copy shared_prefs/com.authy.storage.tokens.authenticator.xml off a "
        "rooted phone; encrypted secrets need the Authy backup password."
    )
    encrypted = True

    def detect(self, data: bytes) -> bool:
        return _tokens(data) is not None

    def needs_password(self, data: bytes) -> bool:
        return any(_encrypted(t) for t in _tokens(data) or [])

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        tokens = _tokens(data)
        if tokens is None:
            raise ImportFormatError(N_("This is not an Authy token file."))
        require_list(tokens, N_("the Authy token list"))
        encrypted = [t for t in tokens if _encrypted(t)]
        if encrypted and password is None:
            raise PasswordRequired(LABEL)
        keys = _Keys(password or "")
        if encrypted:
            runs = {_kdf_params(t) for t in encrypted}
            check_kdf_runs(LABEL, len(runs))
            # a wrong password is told apart from one damaged token by the first token
            if _decrypt(encrypted[0], keys) is None:
                raise WrongPasswordError(N_("Wrong backup password for these Authy tokens."))
        out = Collector()
        for fallback, raw in out.objects(tokens, "Token"):
            label = display_label(raw.get("originalName"), raw.get("name"), fallback)
            out.add(label, _entry, raw, keys)
        return out.result(LABEL, NAME)


def _kdf_params(token: dict[str, Any]) -> tuple[str, int]:
    salt = token.get("salt")
    if not isinstance(salt, str):
        raise ImportFormatError(N_("The Authy file is damaged: a token's salt is missing."))
    iterations = get_int(token, "key_derivation_iterations", DEFAULT_ITERATIONS)
    check_kdf(LABEL, 1 <= iterations <= MAX_ITERATIONS)
    return salt, iterations


class _Keys:
    """Derived keys per (salt, iterations): Authy uses one salt for all tokens of an account."""

    def __init__(self, password: str) -> None:
        self.password = password
        self._cache: dict[tuple[str, int], bytes] = {}

    def get(self, salt: str, iterations: int) -> bytes:
        key = self._cache.get((salt, iterations))
        if key is None:
            key = pbkdf2("sha1", self.password, salt.encode("utf-8"), iterations, 32)
            self._cache[(salt, iterations)] = key
        return key


def _iv(token: dict[str, Any]) -> bytes:
    raw = token.get("unique_iv")
    if not isinstance(raw, str) or not raw:
        return _ZERO_IV
    try:
        iv = bytes.fromhex(raw)
    except ValueError:
        try:
            iv = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            raise EntryDataError(N_("Its IV is not valid hex")) from None
    if len(iv) != 16:
        raise EntryDataError(N_("Its IV does not have 16 bytes"))
    return iv


def _decrypt(token: dict[str, Any], keys: _Keys) -> str | None:
    salt, iterations = _kdf_params(token)
    try:
        sealed = base64.b64decode(get_str(token, "encryptedSecret"), validate=True)
    except (binascii.Error, ValueError):
        raise EntryDataError(N_("Its encrypted secret is not valid Base64")) from None
    plain = aes_cbc_decrypt(keys.get(salt, iterations), _iv(token), sealed)
    if plain is None:
        return None
    try:
        return plain.decode("ascii")
    except UnicodeDecodeError:
        return None


def _entry(raw: dict[str, Any], keys: _Keys) -> Entry:
    if _encrypted(raw):
        secret = _decrypt(raw, keys)
        if secret is None:
            raise EntryDataError(N_("Its secret cannot be decrypted with this password"))
    else:
        secret = get_str(raw, "decryptedSecret")
    original = get_str(raw, "originalName")
    name = get_str(raw, "name")
    account_type = get_str(raw, "accountType")
    if ":" in original:
        issuer, sep = original.split(":", 1)[0], ":"
    elif " - " in name:
        issuer, sep = name.split(" - ", 1)[0], " - "
    else:
        issuer, sep = account_type[:1].upper() + account_type[1:], ""
    if issuer and name.startswith(issuer + sep):
        name = name[len(issuer + sep) :]
    return make_entry(
        secret=secret,
        issuer=issuer,
        name=name,
        digits=get_int(raw, "digits", 6),
    )
