"""FreeOTP's tokens.xml and FreeOTP 2's encrypted backup, built here: the backup is written
with Java's object-serialisation protocol (a HashMap of strings) and encrypted as FreeOTP does
(PBKDF2-HMAC-SHA512 -> AES-GCM master key -> AES-GCM per token, the key's algorithm as AAD)."""

from __future__ import annotations

import json
import os
import struct
from xml.sax.saxutils import escape

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.importers.freeotp import secret_to_signed_bytes
from desktop_app.importers.readers import pbkdf2
from tests.importers.vectors import RFC1, RFC256, STEAM_RAW, assert_codes


def token(raw: bytes, issuer: str, label: str, **kw) -> dict:
    t = {"algo": kw.get("algo", "SHA1"), "counter": kw.get("counter", 0),
         "digits": kw.get("digits", 6), "issuerExt": issuer, "issuerInt": issuer,
         "label": label, "period": 30, "type": kw.get("type", "TOTP")}  # fmt: skip
    if raw:
        t["secret"] = secret_to_signed_bytes(raw)
    return t


TOKENS = [
    (RFC1, {"issuer": "Google", "label": "me", "digits": 8}),
    (RFC1, {"issuer": "Bank", "label": "hotp", "type": "HOTP", "counter": 2}),
    (STEAM_RAW, {"issuer": "Steam", "label": "gamer", "digits": 5}),
    (RFC256, {"issuer": "Sha2", "label": "x", "algo": "SHA256", "digits": 8}),
]


def _tok(raw: bytes, spec: dict, with_secret: bool = True) -> dict:
    kw = {k: v for k, v in spec.items() if k not in ("issuer", "label")}
    return token(raw if with_secret else b"", spec["issuer"], spec["label"], **kw)


def test_tokens_xml() -> None:
    rows = [f'<string name="tokenOrder">{escape(json.dumps(["a", "b", "c", "d"]))}</string>']
    for i, (raw, spec) in enumerate(TOKENS):
        rows.append(f'<string name="k{i}">{escape(json.dumps(_tok(raw, spec)))}</string>')
    rows.append('<string name="broken">{not json</string>')
    data = ("<?xml version='1.0' encoding='utf-8'?>\n<map>" + "".join(rows) + "</map>").encode()
    result = importers.load(data)
    assert result.format_name == "freeotp-xml"
    assert [e.issuer for e in result.entries] == ["Google", "Bank", "Steam", "Sha2"]
    assert result.entries[2].type.value == "steam"
    assert_codes(result.entries)
    assert [s.label for s in result.skipped] == ["broken"]


# --- Java serialisation, as ObjectOutputStream writes a HashMap<String, String> -------------


def _utf(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack(">H", len(raw)) + raw


def java_hashmap(items: dict[str, str]) -> bytes:
    out = bytearray(b"\xac\xed\x00\x05")
    out += b"\x73\x72" + _utf("java.util.HashMap")
    out += struct.pack(">q", 362498820763181265) + b"\x03" + struct.pack(">H", 2)
    out += b"F" + _utf("loadFactor") + b"I" + _utf("threshold")
    out += b"\x78\x70"  # end of class annotations, no superclass
    out += struct.pack(">fi", 0.75, 12)
    out += b"\x77\x08" + struct.pack(">ii", 16, len(items))
    for k, v in items.items():
        for s in (k, v):
            raw = s.encode("utf-8")
            if len(raw) < 65536:
                out += b"\x74" + _utf(s)
            else:
                out += b"\x7c" + struct.pack(">Q", len(raw)) + raw
    out += b"\x78"
    return bytes(out)


def _gcm_der(nonce: bytes, android6: bool = False) -> bytes:
    """Java's GCMParameters (Android 7+), or on Android 6 the DER OCTET STRING of the nonce."""
    octets = bytes([0x04, len(nonce)]) + nonce
    if android6:
        return octets
    return bytes([0x30, len(octets) + 3]) + octets + b"\x02\x01\x10"


def encrypted_key(key: bytes, plain: bytes, algorithm: str, android6: bool = False) -> dict:
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plain, algorithm.encode())
    params = _gcm_der(nonce, android6)
    return {"mCipher": "AES/GCM/NoPadding", "mCipherText": secret_to_signed_bytes(sealed),
            "mParameters": secret_to_signed_bytes(params), "mToken": algorithm}  # fmt: skip


def freeotp_backup(
    password: str,
    iterations: int = 100_000,
    claimed: int | None = None,
    orphan: bool = True,
    android6: bool = False,
) -> bytes:
    master = os.urandom(32)
    salt = os.urandom(32)
    derived = pbkdf2("sha512", password, salt, iterations, 32)
    items = {
        "masterKey": json.dumps(
            {
                "mAlgorithm": "PBKDF2withHmacSHA512",
                "mEncryptedKey": encrypted_key(derived, master, "AES", android6),
                "mIterations": claimed or iterations,
                "mSalt": secret_to_signed_bytes(salt),
            }
        )
    }
    for i, (raw, spec) in enumerate(TOKENS):
        uid = f"00000000-0000-0000-0000-00000000000{i}"
        items[f"{uid}-token"] = json.dumps(_tok(raw, spec, with_secret=False))
        algo = "Hmac" + spec.get("algo", "SHA1")
        items[uid] = json.dumps({"key": json.dumps(encrypted_key(master, raw, algo, android6))})
    if orphan:  # a token whose key is missing
        items["99999999-0000-0000-0000-000000000000-token"] = json.dumps(_tok(RFC1, TOKENS[0][1]))
    return java_hashmap(items)


@pytest.mark.parametrize("android6", [False, True], ids=["android-7+", "android-6"])
def test_freeotp2_backup(android6: bool) -> None:
    data = freeotp_backup("correct horse", android6=android6)
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "wrong")
    result = importers.load(data, "correct horse")
    assert result.format_name == "freeotp-backup"
    assert [e.issuer for e in result.entries] == ["Google", "Bank", "Steam", "Sha2"]
    assert_codes(result.entries)
    assert len(result.skipped) == 1 and "missing" in result.skipped[0].reason


def test_freeotp2_hostile_iterations_and_damage() -> None:
    with pytest.raises(ImportFormatError, match="key-derivation"):
        importers.load(freeotp_backup("pw", 1000, claimed=50_000_000), "pw")
    data = freeotp_backup("pw", iterations=1000)
    with pytest.raises(ImportFormatError, match="truncated"):
        importers.load(data[:-300], "pw")
    other = java_hashmap({"a": "b"})
    with pytest.raises(ImportFormatError, match="not a FreeOTP backup"):
        importers.load(other)


@pytest.mark.parametrize(
    "der",
    [
        b"\x04\x05short",  # a nonce too short
        b"\x30\x03\x02\x01\x10",  # no nonce
        b"\x04\x0c" + bytes(12) + b"\x00",  # bytes after it
        b"\x04\x20" + bytes(12),  # cut short
        b"\x31\x00",  # another type
    ],
)
def test_freeotp2_bad_cipher_parameters_are_named(der: bytes) -> None:
    from desktop_app.importers.freeotp2 import _gcm_params

    with pytest.raises(ImportFormatError, match="cipher settings"):
        _gcm_params(der)


def test_freeotp2_cipher_parameters_in_both_forms() -> None:
    from desktop_app.importers.freeotp2 import _gcm_params

    nonce = bytes(range(12))
    assert _gcm_params(_gcm_der(nonce)) == (nonce, 16)
    assert _gcm_params(_gcm_der(nonce, android6=True)) == (nonce, 16)
