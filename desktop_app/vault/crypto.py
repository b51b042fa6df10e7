"""The vault file's cryptography: AES-256-GCM under a random key; a password slot with scrypt.

The scrypt cost of new password slots and the costs a vault file may name come from one policy
object, :data:`KDF_POLICY`. Nothing else (no environment variable, no setting) changes them; the
test suite replaces the object with a cheaper one (``tests/conftest.py``).

A vault file only ever names a cost this app writes. Anything else is refused *before* scrypt
runs, as a modified file: a tampered ``n`` can neither take minutes or gigabytes nor pass as a
wrong password.
"""

import os
from typing import NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.errors import VaultError, WrongPasswordError
from desktop_app.i18n import N_

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 32
WRAPPED_KEY_BYTES = KEY_BYTES + 16  # AES-GCM tag
MODIFIED = "The vault file was modified"


# The three records below are NamedTuples (immutable, compared and hashed by value): they need no
# dataclass feature, and a dataclass type costs every vault command (benchmarks/README.md). This
# module has no ``from __future__ import annotations``: a NamedTuple's field annotations written
# as strings are compiled by typing, and the process's first compile() builds Python's AST types,
# ~10 M instructions of every vault command (benchmarks/README.md, "Decisions").


class ScryptCost(NamedTuple):
    n: int
    r: int
    p: int

    @property
    def memory_bytes(self) -> int:
        return 128 * self.n * self.r * self.p


#: 2**17 * 8 * 128 B = 128 MiB, about 0.3 s on a laptop.
PRODUCTION_COST = ScryptCost(n=2**17, r=8, p=1)
#: Hard ceiling whatever the policy says: 256 MiB and n * r * p <= 2**21.
MAX_MEMORY_BYTES = 256 * 2**20


class KdfPolicy(NamedTuple):
    """``write``: the cost of new password slots; ``accepted``: the costs a vault file may name."""

    write: ScryptCost
    accepted: frozenset[ScryptCost]

    def check(self, cost: ScryptCost) -> None:
        if cost not in self.accepted or cost.memory_bytes > MAX_MEMORY_BYTES:
            raise VaultError(
                N_(
                    "The vault file was modified: its key-derivation parameters are not ones this app writes. "
                    "Restore it from a backup."
                )
            )


KDF_POLICY = KdfPolicy(write=PRODUCTION_COST, accepted=frozenset({PRODUCTION_COST}))


class ScryptParams(NamedTuple):
    n: int
    r: int
    p: int
    salt: bytes

    @property
    def cost(self) -> ScryptCost:
        return ScryptCost(self.n, self.r, self.p)

    @classmethod
    def fresh(cls) -> "ScryptParams":
        cost = KDF_POLICY.write
        return cls(n=cost.n, r=cost.r, p=cost.p, salt=os.urandom(SALT_BYTES))

    def check(self) -> None:
        """Refuse (as a modified file) any cost or salt this app does not write."""
        if not all(type(v) is int for v in (self.n, self.r, self.p)):
            raise VaultError(
                N_("The vault file was modified: a key-derivation parameter is not a number.")
            )
        KDF_POLICY.check(self.cost)
        if len(self.salt) != SALT_BYTES:
            raise VaultError(
                N_("The vault file was modified: the password slot's salt has the wrong length.")
            )

    def derive(self, password: str) -> bytes:
        self.check()
        kdf = Scrypt(salt=self.salt, length=KEY_BYTES, n=self.n, r=self.r, p=self.p)
        try:
            return kdf.derive(password.encode("utf-8", "surrogatepass"))
        except MemoryError:
            raise VaultError(N_("Not enough memory to derive the vault key.")) from None


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    # os.urandom is what secrets.token_bytes returns; the secrets module would load random,
    # hmac and bisect at every vault command (benchmarks/README.md, "Decisions")
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    if len(nonce) != NONCE_BYTES:
        raise VaultError(N_("The vault file was modified or is damaged (bad nonce)."))
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError):
        raise VaultError(
            N_(
                "The vault file was modified or is damaged: its content does not match its key and header."
            )
        ) from None


#: associated data of a version-1 password slot (its parameters were not authenticated)
LEGACY_SLOT_AAD = b"password-slot"


def wrap_key(master: bytes, password: str, params: ScryptParams, aad: bytes) -> tuple[bytes, bytes]:
    return seal(params.derive(password), master, aad)


def unwrap_key(
    wrapped: bytes, nonce: bytes, password: str, params: ScryptParams, aad: bytes
) -> bytes:
    params.check()
    if len(nonce) != NONCE_BYTES or len(wrapped) != WRAPPED_KEY_BYTES:
        raise VaultError(N_("The vault file was modified: the password slot has the wrong size."))
    try:
        return AESGCM(params.derive(password)).decrypt(nonce, wrapped, aad)
    except (InvalidTag, ValueError):
        # The tag cannot tell a wrong password from a changed salt, nonce or wrapped key.
        raise WrongPasswordError(N_("Wrong password, or the file was changed.")) from None
