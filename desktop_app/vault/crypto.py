"""The vault file's cryptography: AES-256-GCM under a random key; password slots with scrypt."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.errors import VaultError, WrongPasswordError

KEY_BYTES = 32
NONCE_BYTES = 12
FAST_KDF_ENV = "DESKTOP_AUTHENTICATOR_TEST_FAST_KDF"


@dataclass(frozen=True)
class ScryptParams:
    n: int
    r: int
    p: int
    salt: bytes

    @classmethod
    def fresh(cls) -> ScryptParams:
        # 2**17 * 8 * 128 B = 128 MiB, about 0.3 s on a laptop; tests may ask for a cheap KDF.
        n = 2**10 if os.environ.get(FAST_KDF_ENV) == "1" else 2**17
        return cls(n=n, r=8, p=1, salt=secrets.token_bytes(32))

    def derive(self, password: str) -> bytes:
        if not (2 <= self.n <= 2**22 and 1 <= self.r <= 32 and 1 <= self.p <= 16):
            raise VaultError("The vault's key-derivation parameters are out of range.")
        kdf = Scrypt(salt=self.salt, length=KEY_BYTES, n=self.n, r=self.r, p=self.p)
        return kdf.derive(password.encode("utf-8"))


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise VaultError(
            "The vault could not be decrypted: the key does not match or the file is damaged."
        ) from None
    except ValueError:
        raise VaultError("The vault file is damaged.") from None


def wrap_key(master: bytes, password: str, params: ScryptParams) -> tuple[bytes, bytes]:
    return seal(params.derive(password), master, b"password-slot")


def unwrap_key(wrapped: bytes, nonce: bytes, password: str, params: ScryptParams) -> bytes:
    try:
        return AESGCM(params.derive(password)).decrypt(nonce, wrapped, b"password-slot")
    except (InvalidTag, ValueError):
        raise WrongPasswordError("Wrong password.") from None
