"""Stratum / Authenticator Pro: plain JSON, encrypted (Argon2id + AES-GCM, the app's fixed
parameters), legacy encrypted (PBKDF2 + AES-CBC) and the internal SQLite database."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.importers.readers import pbkdf2
from desktop_app.importers.stratum import HEADER_LEGACY, encrypt
from tests.importers.builders import aes_cbc_encrypt
from tests.importers.vectors import RFC1, RFC256, RFC512, STEAM_B32, assert_codes, b32, b64

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def auth(type_: int, secret: str, algo: int = 0, digits: int = 6, **kw) -> dict:
    base = {"Type": type_, "Icon": None, "Issuer": kw.get("issuer", "Svc"),
            "Username": kw.get("user"), "Secret": secret, "Pin": None, "Algorithm": algo,
            "Digits": digits, "Period": 30, "Counter": kw.get("counter", 0), "Ranking": 0}  # fmt: skip
    base.update({k: v for k, v in kw.items() if k[0].isupper()})
    return base


def backup() -> dict:
    return {
        "Authenticators": [
            auth(2, b32(RFC1), 0, 8, issuer="One", user="u1", Icon="@ic1"),
            auth(2, b32(RFC256), 1, 8, issuer="Two"),
            auth(2, b32(RFC512), 2, 6, issuer="Three"),
            auth(1, b32(RFC1), 0, 6, issuer="Hotp", counter=4),
            auth(4, STEAM_B32, 0, 5, issuer="Steam"),
            auth(3, "abcdef12", 0, 6, issuer="Motp"),
            auth(5, b32(RFC1), 0, 6, issuer="Yandex"),
        ],
        "Categories": [{"Id": "c1", "Name": "Work", "Ranking": 0}],
        "AuthenticatorCategories": [{"CategoryId": "c1", "AuthenticatorSecret": b32(RFC256)}],
        "CustomIcons": [{"Id": "ic1", "Data": b64(PNG)}],
    }


def check(result) -> None:
    assert result.format_name == "stratum"
    assert [e.issuer for e in result.entries] == ["One", "Two", "Three", "Hotp", "Steam"]
    assert_codes(result.entries)
    assert result.entries[1].group == "Work"
    assert [s.label for s in result.skipped] == ["Motp", "Yandex"]
    assert "mOTP" in result.skipped[0].reason and "Yandex" in result.skipped[1].reason


def test_plain_json_with_groups_icons_and_unsupported_types() -> None:
    result = importers.load(json.dumps(backup()).encode())
    check(result)
    assert result.entries[0].icon is not None and result.entries[0].icon.data == PNG


def test_encrypted_backup_with_the_apps_argon2_parameters() -> None:
    data = encrypt(json.dumps(backup()).encode(), "pässword", os.urandom(16), os.urandom(12))
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "wrong")
    check(importers.load(data, "pässword"))
    with pytest.raises(ImportFormatError, match="truncated"):
        importers.load(data[:30], "pässword")


def test_legacy_encrypted_backup() -> None:
    salt, iv = os.urandom(20), os.urandom(16)
    key = pbkdf2("sha1", "old pw", salt, 64_000, 32)
    data = HEADER_LEGACY + salt + iv + aes_cbc_encrypt(key, iv, json.dumps(backup()).encode())
    with pytest.raises(WrongPasswordError):
        importers.load(data, "new pw")
    check(importers.load(data, "old pw"))


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal-as-android-leaves-it"])
def test_internal_database(tmp_path, wal: bool) -> None:
    path = tmp_path / "authenticator.db3"
    con = sqlite3.connect(path)
    if wal:  # Android keeps the app's database in WAL mode; a copied file has no -wal beside it
        assert con.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    con.executescript(
        """CREATE TABLE authenticator (type INTEGER, icon TEXT, issuer TEXT, username TEXT,
        secret TEXT PRIMARY KEY, pin TEXT, algorithm INTEGER, digits INTEGER, period INTEGER,
        counter INTEGER, ranking INTEGER, copyCount INTEGER);
        CREATE TABLE category (id TEXT PRIMARY KEY, name TEXT, ranking INTEGER);
        CREATE TABLE authenticatorcategory (categoryId TEXT, authenticatorSecret TEXT,
        ranking INTEGER);"""
    )
    items = backup()["Authenticators"]
    for a in [items[0], items[1], items[2], items[4]]:  # the secret is the table's key
        con.execute(
            "INSERT INTO authenticator VALUES (?,?,?,?,?,?,?,?,?,?,?,0)",
            (a["Type"], None, a["Issuer"], a["Username"], a["Secret"], None, a["Algorithm"],
             a["Digits"], a["Period"], a["Counter"], 0),
        )  # fmt: skip
    con.execute("INSERT INTO category VALUES ('c1', 'Work', 0)")
    con.execute("INSERT INTO authenticatorcategory VALUES ('c1', ?, 0)", (b32(RFC256),))
    con.commit()
    con.close()
    data = path.read_bytes()
    assert data[18:20] == (b"\x02\x02" if wal else b"\x01\x01")
    assert not path.with_name(path.name + "-wal").exists()
    result = importers.load(data)
    assert result.format_name == "stratum"
    assert [e.issuer for e in result.entries] == ["One", "Two", "Three", "Steam"]
    assert result.entries[1].group == "Work"
    assert_codes(result.entries)


def test_not_andotp_any_more() -> None:
    """A damaged Stratum file used to be called "a damaged andOTP backup"."""
    with pytest.raises(ImportFormatError) as info:
        importers.load(b"AUTHENTICATORPRO" + b"\x00" * 10, "pw")
    assert "andOTP" not in str(info.value) and "Stratum" in str(info.value)
