"""Authenticator Plus backup (authplus.db): an SQLCipher 3 database made here with SQLCipher
and the app's table layout, keyed with the master password."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
import zlib

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.importers.andotp import encrypt as andotp_encrypt
from tests.importers.vectors import RFC1, assert_codes, b32

sqlcipher3 = pytest.importorskip("sqlcipher3", reason="sqlcipher3-wheels is a dependency")


def authplus_db(tmp_path, password: str, rows: list[tuple]) -> bytes:
    path = tmp_path / "authplus.db"
    con = sqlcipher3.connect(str(path))
    con.execute("PRAGMA cipher_compatibility = 3")
    con.execute("PRAGMA key = '" + password.replace("'", "''") + "'")
    con.executescript(
        """CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL,
        secret TEXT NOT NULL, counter INTEGER DEFAULT 0, type INTEGER, provider INTEGER,
        issuer TEXT, original_name TEXT, position INTEGER, category TEXT);
        CREATE TABLE category (_id INTEGER PRIMARY KEY, name TEXT, position INTEGER);"""
    )
    con.executemany(
        "INSERT INTO accounts (email, secret, counter, type, issuer, original_name, category)"
        " VALUES (?,?,?,?,?,?,?)",
        rows,
    )
    con.commit()
    con.close()
    return path.read_bytes()


def test_authplus_database(tmp_path) -> None:
    rows = [
        ("me@example.com", b32(RFC1), 0, 0, "Example", "Example:me@example.com", "Work"),
        ("Bank:hotp", b32(RFC1), 3, 1, "", "Bank:hotp", "All Accounts"),
        ("EU-1234", RFC1.hex(), 0, 2, "", "", ""),
        ("odd", b32(RFC1), 0, 7, "Odd", "", ""),
    ]
    data = authplus_db(tmp_path, "master 'pw'", rows)
    assert importers.detect_format(data).name == "authplus"
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "wrong")
    result = importers.load(data, "master 'pw'")
    assert [(e.issuer, e.name, e.group, e.digits) for e in result.entries] == [
        ("Example", "me@example.com", "Work", 6),
        ("Bank", "hotp", "", 6),
        ("Battle.net", "EU-1234", "", 8),
    ]
    assert_codes(result.entries)
    assert [s.label for s in result.skipped] == ["Odd: odd"]


def test_a_page_sized_andotp_backup_still_reads_as_andotp() -> None:
    plain = json.dumps([{"secret": b32(RFC1), "type": "TOTP", "issuer": "A", "label": "b",
                         "digits": 6, "period": 30, "algorithm": "SHA1"}])  # fmt: skip
    pad = 2048 - (len(plain) + 4 + 12 + 12 + 16)
    plain = plain + " " * pad
    data = andotp_encrypt(plain.encode(), "pw", 1000, b"s" * 12, b"i" * 12)
    assert len(data) % 1024 == 0
    assert struct.unpack(">I", data[:4])[0] == 1000
    result = importers.load(data, "pw")
    assert result.format_name == "andotp"
    assert_codes(result.entries)


# --- the password-protected zip of the text export, written here byte by byte ------------------


def _crc_step(crc: int, byte: int) -> int:
    return ~zlib.crc32(bytes([byte]), ~crc & 0xFFFFFFFF) & 0xFFFFFFFF


def zipcrypto(plain: bytes, password: bytes, crc: int) -> bytes:
    """PKWARE traditional encryption (APPNOTE 6.1): 12-byte header, then the data."""
    k = [0x12345678, 0x23456789, 0x34567890]

    def update(c: int) -> None:
        k[0] = _crc_step(k[0], c)
        k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k[2] = _crc_step(k[2], k[1] >> 24)

    for c in password:
        update(c)
    out = bytearray()
    for p in os.urandom(11) + bytes([crc >> 24]) + plain:
        t = (k[2] | 2) & 0xFFFF
        out.append(p ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(p)
    return bytes(out)


def winzip_aes(plain: bytes, password: bytes) -> bytes:
    """WinZip AE-2, AES-256: salt, verifier, AES-CTR (little-endian counter from 1), HMAC."""
    salt = os.urandom(16)
    keys = hashlib.pbkdf2_hmac("sha1", password, salt, 1000, 66)
    enc = Cipher(algorithms.AES(keys[:32]), modes.ECB()).encryptor()
    blocks = (len(plain) + 15) // 16
    stream = enc.update(b"".join(i.to_bytes(16, "little") for i in range(1, blocks + 1)))
    sealed = bytes(a ^ b for a, b in zip(plain, stream, strict=False))
    tag = hmac.new(keys[32:64], sealed, hashlib.sha1).digest()[:10]
    return salt + keys[64:] + sealed + tag


def make_zip(name: str, plain: bytes, password: str | None, aes: bool = False) -> bytes:
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflater.compress(plain) + deflater.flush()
    crc = zlib.crc32(plain)
    method, extra, flags = 8, b"", 0
    if password is not None:
        flags = 1
        if aes:
            body = winzip_aes(packed, password.encode())
            method, crc = 99, 0
            extra = struct.pack("<HHH2sBH", 0x9901, 7, 2, b"AE", 3, 8)
        else:
            body = zipcrypto(packed, password.encode(), crc)
    else:
        body = packed
    fname = name.encode()
    fields = struct.pack("<HHHHHIIIHH", 20, flags, method, 0, 0x21, crc, len(body), len(plain),
                         len(fname), len(extra))  # fmt: skip
    local = b"PK\x03\x04" + fields + fname + extra + body
    central = (
        b"PK\x01\x02" + struct.pack("<H", 20) + fields
        + struct.pack("<HHHII", 0, 0, 0, 0, 0) + fname + extra
    )  # fmt: skip
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local), 0)
    return local + central + end


ACCOUNTS_TXT = (
    f"otpauth://totp/Example:me?secret={b32(RFC1)}&issuer=Example\n"
    f"otpauth://hotp/Bank:h?secret={b32(RFC1)}&counter=5&issuer=Bank\n"
).encode()


@pytest.mark.parametrize("aes", [False, True])
def test_password_zip_of_the_text_export(aes) -> None:
    data = make_zip("Accounts.txt", ACCOUNTS_TXT, "zip pw", aes=aes)
    assert importers.detect_format(data).name == "authplus"
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "nope")
    result = importers.load(data, "zip pw")
    assert [e.issuer for e in result.entries] == ["Example", "Bank"]
    assert_codes(result.entries)


def test_zip_bounds_and_other_zips() -> None:
    plain = make_zip("Accounts.txt", ACCOUNTS_TXT, None)
    assert not importers.needs_password(plain)
    assert len(importers.load(plain).entries) == 2
    bomb = make_zip("Accounts.txt", b"\n" * (80 * 1024 * 1024), None)
    with pytest.raises(ImportFormatError, match="too large"):
        importers.load(bomb)
    with pytest.raises(ImportFormatError, match=r"zip archive without an Accounts\.txt"):
        importers.load(make_zip("photo.jpg", b"x" * 100, None))
