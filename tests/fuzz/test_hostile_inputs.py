"""Hostile inputs of issue 23, one case each, run in the bounded worker (tests/fuzz/bounded.py):
each ends with a result or one of the project's own errors, within HOSTILE_MEMORY_BYTES of
resident memory. The time each took is reported by the worker (``Outcome.seconds``; under a
second each when measured, see the commit messages) -- a hang guard, never a timed assertion."""

from __future__ import annotations

import pytest

from desktop_app.errors import ImportFormatError
from tests.fuzz import bombs
from tests.fuzz.bounded import BoundedRunner, Outcome, check

HOSTILE_MEMORY_BYTES = 200 * 2**20
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def bounded(runner: BoundedRunner, target: str, case: bytes) -> Outcome:
    outcome = runner.run(f"tests.fuzz.targets:{target}", case)
    check(outcome, case, memory=HOSTILE_MEMORY_BYTES)
    return outcome


# --- SQLite: generated columns, limits -----------------------------------------------------------

_GENERATED = {
    "google-db, unread column": (
        "accounts",
        "_id INTEGER PRIMARY KEY, email TEXT, secret TEXT, type INTEGER, issuer TEXT",
        "original_name TEXT",
    ),
    "google-db, read column": (
        "accounts",
        "_id INTEGER PRIMARY KEY, email TEXT, secret TEXT, type INTEGER",
        "issuer TEXT",
    ),
    "microsoft": (
        "accounts",
        "_id INTEGER PRIMARY KEY, name TEXT, username TEXT, oath_secret_key TEXT, "
        "account_type INTEGER",
        "cid TEXT",
    ),
    "stratum": (
        "authenticator",
        "type INTEGER, issuer TEXT, username TEXT, secret TEXT, algorithm INTEGER, "
        "digits INTEGER, period INTEGER, counter INTEGER",
        "icon TEXT",
    ),
}


@pytest.mark.parametrize("name", list(_GENERATED))
def test_sqlite_generated_columns_are_refused(runner: BoundedRunner, name: str) -> None:
    table, columns, computed = _GENERATED[name]
    data = bombs.sqlite_generated_column(table, columns, computed)
    assert len(data) < 64 * 1024
    outcome = bounded(runner, "backup", data)
    assert outcome.error == "ImportFormatError", outcome
    assert "computed columns" in outcome.message


def test_sqlite_virtual_tables_are_refused() -> None:
    from desktop_app.importers.readers import sqlite_rows

    data = bombs.sqlite_file(
        "CREATE VIRTUAL TABLE accounts USING fts5(email, secret, type);"
        f"INSERT INTO accounts VALUES ('a', '{SECRET}', '0');"
    )
    with pytest.raises(ImportFormatError, match="computed columns"):
        sqlite_rows(data, "accounts", "Google Authenticator database", ("email", "secret"))


def test_sqlite_connections_carry_the_limits() -> None:
    import sqlite3

    from desktop_app.importers.readers import SQLITE_LIMITS, sqlite_open

    con = sqlite_open(bombs.sqlite_file("CREATE TABLE t (a TEXT);"))
    try:
        for name, value in SQLITE_LIMITS.items():
            assert con.getlimit(getattr(sqlite3, name)) == value, name
    finally:
        con.close()


def test_sqlite_value_over_the_length_limit_is_refused(runner: BoundedRunner) -> None:
    from desktop_app.importers.readers import SQLITE_MAX_VALUE_BYTES

    data = bombs.sqlite_file(
        "CREATE TABLE accounts (email TEXT, secret TEXT, type INTEGER);"
        f"INSERT INTO accounts VALUES (printf('%.*c', {SQLITE_MAX_VALUE_BYTES + 10}, 'x'), "
        f"'{SECRET}', 0);"
    )
    outcome = bounded(runner, "backup", data)
    assert outcome.error == "ImportFormatError" and "damaged" in outcome.message, outcome


def test_sqlite_only_the_needed_columns_are_read() -> None:
    from desktop_app.importers.readers import sqlite_rows

    data = bombs.sqlite_file(
        "CREATE TABLE accounts (email TEXT, secret TEXT, type INTEGER, extra BLOB);"
        f"INSERT INTO accounts VALUES ('a', '{SECRET}', 0, zeroblob(1000));"
    )
    (row,) = sqlite_rows(data, "accounts", "test", ("EMAIL", "secret", "missing"))
    assert row == {"email": "a", "secret": SECRET}


# --- images: many scans, ambiguous sizes ---------------------------------------------------------


@pytest.mark.parametrize("name", ["jpeg with 100,000 scans", "tiff with two sizes"])
def test_slow_or_ambiguous_images_are_bounded(runner: BoundedRunner, name: str) -> None:
    data = (
        bombs.jpeg_many_scans(100_000)
        if name.startswith("jpeg")
        else bombs.tiff_duplicate_size(64, 40000)
    )
    outcome = bounded(runner, "image", data)
    assert outcome.error == "ScanError", outcome
    if name.startswith("jpeg"):  # the QR-picture importer (TIFF is not one of its formats)
        outcome = bounded(runner, "backup", data)
        assert outcome.error == "ImportFormatError" and "scans" in outcome.message, outcome


# --- devices, FIFOs: only regular files, never more than the cap ---------------------------------


@pytest.fixture
def fifo(tmp_path):  # type: ignore[no-untyped-def]
    import os

    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("target", ["backup_path", "image_path"])
@pytest.mark.parametrize("where", ["/dev/zero", "/dev/urandom", "fifo"])
def test_devices_and_fifos_are_refused(
    runner: BoundedRunner, target: str, where: str, fifo
) -> None:  # type: ignore[no-untyped-def]
    path = str(fifo) if where == "fifo" else where
    outcome = bounded(runner, target, path.encode())
    assert outcome.error in ("ImportFormatError", "ScanError"), outcome
    assert "not a regular file" in outcome.message


def test_a_settings_file_that_is_a_fifo_gives_the_defaults(runner: BoundedRunner, fifo) -> None:  # type: ignore[no-untyped-def]
    fifo.rename(fifo.parent / "settings.json")
    outcome = bounded(runner, "settings_path", str(fifo.parent).encode())
    assert outcome.error is None and int(outcome.result or 0) > 0, outcome


def test_read_limited_reads_the_cap_only_and_names_folders(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.files import read_limited

    path = tmp_path / "f"
    path.write_bytes(b"x" * 11)
    with pytest.raises(ImportFormatError, match="too large"):
        read_limited(path, 10, ImportFormatError)
    assert read_limited(path, 11, ImportFormatError) == b"x" * 11
    with pytest.raises(ImportFormatError, match="is a folder"):
        read_limited(tmp_path, 10, ImportFormatError, kind="backup file")


# --- JSON: values and depth ----------------------------------------------------------------------


def test_a_json_file_of_empty_lists_is_refused(runner: BoundedRunner) -> None:
    data = bombs.steam_empty_lists()
    assert len(data) < 16 * 2**20
    outcome = bounded(runner, "backup", data)
    assert outcome.error == "ImportFormatError" and "500,000 values" in outcome.message, outcome


@pytest.mark.parametrize(
    "name",
    ["authy nested 1e5 deep", "10,001 settings", "unknown encoding", "multi-byte encoding"],
)
def test_odd_android_settings_files_are_bounded(runner: BoundedRunner, name: str) -> None:
    data = {
        "authy nested 1e5 deep": bombs.authy_deep(),
        "10,001 settings": bombs.prefs_file({f"k{i}": "v" for i in range(10_001)}),
        "unknown encoding": bombs.prefs_file({"a": "b"}, "x-mac-klingon"),
        "multi-byte encoding": bombs.prefs_file({"a": "b"}, "utf-32"),
    }[name]
    outcome = bounded(runner, "backup", data)
    assert outcome.error == "ImportFormatError", outcome


def test_json_values_are_counted_outside_strings() -> None:
    from desktop_app.importers.readers import MAX_JSON_VALUES, JsonTooComplex, json_loads

    commas = '{"note": "' + "," * (MAX_JSON_VALUES + 5) + '"}'
    assert json_loads(commas) == {"note": "," * (MAX_JSON_VALUES + 5)}
    with pytest.raises(JsonTooComplex, match="values"):
        json_loads("[" + "0," * MAX_JSON_VALUES + "0]")
    with pytest.raises(JsonTooComplex, match="deeply"):
        json_loads("[" * 100_000 + "]" * 100_000)


def test_a_text_file_of_200000_links_is_refused(runner: BoundedRunner) -> None:
    line = f"otpauth://totp/Issuer:name?secret={SECRET}\n".encode()
    data = line * 200_000
    assert len(data) < 16 * 2**20
    outcome = bounded(runner, "backup", data)
    assert outcome.error == "ImportFormatError" and "at most 10,000" in outcome.message, outcome
