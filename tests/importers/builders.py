"""Builders of encrypted files as other apps write them, for the tests and benchmarks (not
product code: the importers only read)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from desktop_app.importers.bitwarden import _derive
from desktop_app.importers.totpauth import _IV, DEFAULT_PASSWORD


def aes_cbc_encrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    """AES-CBC with PKCS#7 padding (the files of Authy, TOTP Authenticator, Bitwarden)."""
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def totpauth_encrypt(items: list[dict[str, Any]], password: str = DEFAULT_PASSWORD) -> bytes:
    """A TOTP Authenticator backup as the app writes it."""
    listed = json.dumps([json.dumps(i) for i in items])
    plain = json.dumps({listed: "backup"}).encode()
    key = hashlib.sha256(password.encode("utf-8")).digest()
    return base64.b64encode(aes_cbc_encrypt(key, _IV, plain))


def encrypt_protected(
    plain: bytes,
    password: str,
    salt: str,
    *,
    kdf: int = 0,
    iterations: int = 600_000,
    memory: int = 64,
    lanes: int = 4,
    iv: bytes = b"\x01" * 16,
) -> dict[str, Any]:
    """A password-protected export as Bitwarden writes it (tests build files with it)."""
    doc: dict[str, Any] = {
        "encrypted": True,
        "passwordProtected": True,
        "salt": salt,
        "kdfType": kdf,
        "kdfIterations": iterations,
        "kdfMemory": memory if kdf == 1 else None,
        "kdfParallelism": lanes if kdf == 1 else None,
    }
    enc, mac = _derive(doc, password)

    def seal(data: bytes) -> str:
        ct = aes_cbc_encrypt(enc, iv, data)
        tag = hmac.new(mac, iv + ct, hashlib.sha256).digest()
        return "2." + "|".join(base64.b64encode(x).decode() for x in (iv, ct, tag))

    doc["encKeyValidation_DO_NOT_EDIT"] = seal(b"b1c2d3e4-check")
    doc["data"] = seal(plain)
    return doc
