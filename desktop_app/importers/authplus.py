"""Authenticator Plus (Android) backup ``authplus.db``: its SQLCipher 3 database, encrypted with
the app's master password.

Read with SQLCipher (``sqlcipher3`` wheel, imported only for such a file) in SQLCipher 3
compatibility (PBKDF2-HMAC-SHA1, 64,000 iterations: fixed by the format, not read from the
file). Table ``accounts``: ``email`` (account), ``secret`` (Base32; hex for Battle.net),
``counter``, ``type`` (0 TOTP, 1 HOTP, 2 Battle.net: 8 digits), ``issuer``, ``category`` (the
group). An SQLCipher file is random bytes from its first byte, like an encrypted andOTP
backup; a binary file whose size is a whole number of 1 KiB pages is tried as Authenticator
Plus first, then as andOTP.

The database is decrypted by SQLCipher from a private temporary copy of the (still encrypted)
file, which is deleted at once; no decrypted byte is written to disk.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers.base import (
    IMAGE_MAGIC,
    MAX_ENTRIES,
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    display_label,
    make_entry,
    row_int,
    row_str,
    secret_hex,
    text_or_none,
)
from desktop_app.otp.model import Entry, OtpType

NAME = "authplus"
LABEL = "Authenticator Plus backup"
PAGE = 1024  # SQLCipher 3's page size
_OTHER_MAGIC = (
    b"SQLite format 3\x00",
    b"\xac\xed\x00\x05",
    b"AUTHENTICATORPRO",
    b"AuthenticatorPro",
)


def looks_like_sqlcipher(data: bytes) -> bool:
    return (
        len(data) >= 2 * PAGE
        and len(data) % PAGE == 0
        and not data.startswith(IMAGE_MAGIC)
        and not data.startswith(_OTHER_MAGIC)
        and text_or_none(data[:PAGE]) is None
    )


def read_sqlcipher(data: bytes, password: str, table: str) -> list[dict[str, Any]] | None:
    """Rows of ``table`` of an SQLCipher 3 database, or None when the password does not open it."""
    try:
        import sqlcipher3
    except ImportError:
        raise ImportFormatError(
            "Reading Authenticator Plus backups needs SQLCipher (the sqlcipher3-wheels package), "
            "which is not installed."
        ) from None
    fd, name = tempfile.mkstemp(prefix="authplus-", suffix=".db")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        con = sqlcipher3.connect(str(path))
        try:
            con.execute("PRAGMA cipher_compatibility = 3")
            con.execute("PRAGMA key = " + _quote(password))
            con.execute("PRAGMA query_only = ON")
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError:
                return None
            try:
                cur = con.execute(f'SELECT * FROM "{table}" LIMIT ?', (MAX_ENTRIES + 1,))
                names = [str(d[0]).lower() for d in cur.description]
                rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            except sqlcipher3.DatabaseError:
                raise ImportFormatError(
                    f"The {LABEL} opens but has no readable {table} table: it is not an "
                    "Authenticator Plus database, or it is damaged."
                ) from None
        finally:
            con.close()
    finally:
        path.unlink(missing_ok=True)
    if len(rows) > MAX_ENTRIES:
        raise ImportFormatError(f"The {LABEL} holds too many accounts.")
    return rows


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class AuthenticatorPlusImporter:
    name = NAME
    label = LABEL

    def detect(self, data: bytes) -> bool:
        return looks_like_sqlcipher(data)

    def needs_password(self, data: bytes) -> bool:
        return True

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        if password is None:
            raise PasswordRequired(LABEL)
        rows = read_sqlcipher(data, password, "accounts")
        if rows is None:
            from desktop_app.importers.andotp import AndOtpImporter

            try:  # the same kind of random bytes may be an encrypted andOTP backup
                return AndOtpImporter().parse(data, password)
            except (WrongPasswordError, ImportFormatError):
                pass
            raise WrongPasswordError(
                "Wrong password for this Authenticator Plus backup (or the file is damaged, or "
                "it is an encrypted file of another app)."
            )
        out = Collector()
        for index, row in enumerate(rows):
            label = display_label(row.get("issuer"), row.get("email"), f"Account {index + 1}")
            out.add(label, _entry, row)
        return out.result(LABEL, NAME)


def _entry(row: dict[str, Any]) -> Entry:
    kind = row_int(row, "type", 0)
    issuer = row_str(row, "issuer")
    name = row_str(row, "email")
    group = row_str(row, "category")
    group = "" if group.lower() in ("", "all accounts") else group
    if kind == 2:
        return make_entry(
            secret=secret_hex(row_str(row, "secret")),
            issuer=issuer or "Battle.net",
            name=name,
            digits=8,
            group=group,
        )
    if kind not in (0, 1):
        raise EntryDataError(f"Its type {kind} is unknown")
    prefix, sep, rest = name.partition(":")
    if sep and (not issuer or prefix.strip() == issuer):
        issuer, name = issuer or prefix, rest
    return make_entry(
        secret=row_str(row, "secret"),
        issuer=issuer,
        name=name,
        type=OtpType.HOTP if kind == 1 else OtpType.TOTP,
        counter=row_int(row, "counter", 0) if kind == 1 else 0,
        group=group,
    )
