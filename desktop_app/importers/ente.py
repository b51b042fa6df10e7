"""ente Auth's encrypted export: ``{"version": 1, "kdfParams": {"memLimit", "opsLimit",
"salt"}, "encryptedData", "encryptionNonce"}`` (Base64 values).

key = Argon2id (libsodium ``crypto_pwhash``, v1.3, one lane) of the password with ``salt``
(16 bytes), ``opsLimit`` passes and ``memLimit`` bytes; the data is one
``crypto_secretstream_xchacha20poly1305`` message whose header is ``encryptionNonce``. The
plaintext is ente's plain export (one ``otpauth://`` link per line), read by
:func:`desktop_app.importers.text.parse_lines`.

ente derives "sensitive" keys: 1 GiB and 4 passes, or on smaller phones half the memory and
twice the passes, so memory x passes stays 4 GiB. Files asking for more are refused.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from nacl import bindings as b
from nacl import exceptions as nacl_exc
from nacl import pwhash

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.importers.contract import PasswordRequired, get_int
from desktop_app.importers.readers import b64decode, check_kdf, require_dict

LABEL: str = N_("ente Auth export")
VERSIONS = (1,)
MAX_MEMLIMIT = 1 << 30  # ente's MEMLIMIT_SENSITIVE
MAX_WORK = 1 << 33  # memLimit x opsLimit; ente keeps it at 4 GiB
MIN_MEMLIMIT = 8192


def is_encrypted_export(doc: Any) -> bool:
    return isinstance(doc, dict) and "kdfParams" in doc and "encryptedData" in doc


def derive_key(password: str, salt: bytes, ops: int, mem: int) -> bytes:
    return bytes(
        pwhash.argon2id.kdf(32, password.encode("utf-8"), salt, opslimit=ops, memlimit=mem)
    )


def encrypt(plaintext: bytes, password: str, *, ops: int, mem: int, salt: bytes) -> bytes:
    """An encrypted export as ente writes it (tests build files with it)."""
    key = derive_key(password, salt, ops, mem)
    state = b.crypto_secretstream_xchacha20poly1305_state()
    header = b.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    sealed = b.crypto_secretstream_xchacha20poly1305_push(
        state, plaintext, None, b.crypto_secretstream_xchacha20poly1305_TAG_FINAL
    )
    return json.dumps(
        {
            "version": 1,
            "kdfParams": {
                "memLimit": mem,
                "opsLimit": ops,
                "salt": base64.b64encode(salt).decode(),
            },
            "encryptedData": base64.b64encode(sealed).decode(),
            "encryptionNonce": base64.b64encode(header).decode(),
        }
    ).encode()


def decrypt(doc: dict[str, Any], password: str | None) -> bytes:
    version = doc.get("version", 1)
    if version not in VERSIONS or isinstance(version, bool):
        raise ImportFormatError(
            N_(
                "This encrypted ente Auth export has version {version}; this app reads version 1.",
                version=str(version)[:20],
            )
        )
    params = require_dict(doc.get("kdfParams"), N_("the ente key parameters"))
    try:
        mem = get_int(params, "memLimit", 0)
        ops = get_int(params, "opsLimit", 0)
    except ImportFormatError:
        raise ImportFormatError(
            N_("The ente export is damaged: its key parameters are not numbers.")
        ) from None
    check_kdf(LABEL, MIN_MEMLIMIT <= mem <= MAX_MEMLIMIT and ops >= 1 and mem * ops <= MAX_WORK)
    salt = b64decode(params.get("salt"), N_("the salt"))
    header = b64decode(doc.get("encryptionNonce"), N_("the nonce"))
    sealed = b64decode(doc.get("encryptedData"), N_("the encrypted data"))
    if len(salt) != 16 or len(header) != b.crypto_secretstream_xchacha20poly1305_HEADERBYTES:
        raise ImportFormatError(
            N_("The ente export is damaged: its salt or nonce has a wrong size.")
        )
    if len(sealed) < b.crypto_secretstream_xchacha20poly1305_ABYTES:
        raise ImportFormatError(N_("The ente export is truncated."))
    if password is None:
        raise PasswordRequired(LABEL)
    key = derive_key(password, salt, ops, mem)
    state = b.crypto_secretstream_xchacha20poly1305_state()
    try:
        b.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
        plain, _tag = b.crypto_secretstream_xchacha20poly1305_pull(state, sealed, None)
    except (nacl_exc.CryptoError, nacl_exc.RuntimeError, ValueError):
        raise WrongPasswordError(
            N_("Wrong password for this ente Auth export (or the file is damaged).")
        ) from None
    return bytes(plain)
