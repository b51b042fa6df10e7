"""Authenticator Plus backup (authplus.db): an SQLCipher 3 database made here with SQLCipher
and the app's table layout, keyed with the master password."""

from __future__ import annotations

import json
import struct

import pytest

from desktop_app import importers
from desktop_app.errors import WrongPasswordError
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
