"""Google Authenticator and Microsoft Authenticator SQLite databases, built here with the
apps' documented tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError
from tests.importers.vectors import RFC1, assert_codes, b32, b64


def db_bytes(tmp_path: Path, script: str, rows: list[tuple], insert: str) -> bytes:
    path = tmp_path / "db"
    con = sqlite3.connect(path)
    con.executescript(script)
    con.executemany(insert, rows)
    con.commit()
    con.close()
    return path.read_bytes()


GOOGLE = """CREATE TABLE android_metadata (locale TEXT);
CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, secret TEXT NOT NULL,
  counter INTEGER DEFAULT 0, type INTEGER, provider INTEGER DEFAULT 0, issuer TEXT DEFAULT NULL,
  original_name TEXT DEFAULT NULL);"""
GOOGLE_INSERT = "INSERT INTO accounts (email, secret, counter, type, issuer) VALUES (?,?,?,?,?)"

MICROSOFT = """CREATE TABLE accounts (_id INTEGER PRIMARY KEY, name TEXT, username TEXT,
  oath_secret_key TEXT, account_type INTEGER, cid TEXT);"""
MS_INSERT = "INSERT INTO accounts (name, username, oath_secret_key, account_type) VALUES (?,?,?,?)"


def test_google_authenticator_database(tmp_path) -> None:
    rows = [
        ("alice@example.com", b32(RFC1).lower(), 0, 0, "Example"),
        ("GitHub:octo", b32(RFC1), 0, 0, None),
        ("hotp user", b32(RFC1), 7, 1, "Bank"),
        ("weird", b32(RFC1), 0, 9, "X"),
    ]
    data = db_bytes(tmp_path, GOOGLE, rows, GOOGLE_INSERT)
    result = importers.load(data)
    assert result.format_name == "google-db"
    assert [(e.issuer, e.name, e.type.value) for e in result.entries] == [
        ("Example", "alice@example.com", "totp"),
        ("GitHub", "octo", "totp"),
        ("Bank", "hotp user", "hotp"),
    ]
    assert result.entries[2].counter == 7
    assert_codes(result.entries)
    assert [s.label for s in result.skipped] == ["X: weird"]


def test_microsoft_authenticator_database(tmp_path) -> None:
    rows = [
        ("Contoso", "me@contoso.com", b32(RFC1), 0),
        ("Microsoft", "me@outlook.com", b64(RFC1), 1),
        ("Work", "me@corp.com", "", 2),
    ]
    data = db_bytes(tmp_path, MICROSOFT, rows, MS_INSERT)
    result = importers.load(data)
    assert result.format_name == "microsoft"
    assert [(e.issuer, e.digits) for e in result.entries] == [("Contoso", 6), ("Microsoft", 8)]
    assert_codes(result.entries)
    assert "notification" in result.skipped[0].reason


def test_unknown_and_damaged_databases(tmp_path) -> None:
    data = db_bytes(
        tmp_path, "CREATE TABLE notes (t TEXT);", [("x",)], "INSERT INTO notes VALUES (?)"
    )
    with pytest.raises(ImportFormatError, match="SQLite database, but not one of a known app"):
        importers.load(data)
    (tmp_path / "db").unlink()
    google = db_bytes(tmp_path, GOOGLE, [("a", b32(RFC1), 0, 0, "I")], GOOGLE_INSERT)
    with pytest.raises(ImportFormatError):
        importers.load(google[:200])


def test_a_view_posing_as_the_table_cannot_run_away(tmp_path) -> None:
    """A crafted 'accounts' view (endless recursive query) is refused, also when forced."""
    script = (
        "CREATE TABLE t (x); CREATE VIEW accounts AS WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL "
        "SELECT n + 1 FROM c) SELECT 'a' AS email, 'JBSWY3DPEHPK3PXP' AS secret, 0 AS type, "
        "n AS counter, '' AS issuer FROM c WHERE n < 0;"
    )
    data = db_bytes(tmp_path, script, [(1,)], "INSERT INTO t VALUES (?)")
    with pytest.raises(ImportFormatError, match="not recognised"):
        importers.load(data)
    with pytest.raises(ImportFormatError, match="no accounts table"):
        importers.load(data, format="google-db")


def wal_db_bytes(tmp_path: Path, script: str, rows: list[tuple], insert: str) -> bytes:
    """The database as Android leaves it: in WAL mode (header bytes 18-19 are 2, 2), every
    change checkpointed, no -wal file beside it (as when copied off the phone)."""
    path = tmp_path / "wal.db"
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    con.executescript(script)
    con.executemany(insert, rows)
    con.commit()
    con.close()
    assert not (tmp_path / "wal.db-wal").exists()
    data = path.read_bytes()
    assert data[18:20] == b"\x02\x02"
    return data


def test_wal_mode_databases_are_read(tmp_path) -> None:
    google = wal_db_bytes(
        tmp_path, GOOGLE, [("alice@example.com", b32(RFC1), 0, 0, "Example")], GOOGLE_INSERT
    )
    result = importers.load(google)
    assert result.format_name == "google-db"
    assert [(e.issuer, e.name) for e in result.entries] == [("Example", "alice@example.com")]
    (tmp_path / "wal.db").unlink()
    microsoft = wal_db_bytes(
        tmp_path, MICROSOFT, [("Contoso", "me@contoso.com", b32(RFC1), 0)], MS_INSERT
    )
    result = importers.load(microsoft)
    assert result.format_name == "microsoft"
    assert [(e.issuer, e.name) for e in result.entries] == [("Contoso", "me@contoso.com")]
    assert_codes(result.entries)
