"""Authenticator Plus (Android): the backup ``authplus.db`` (its SQLCipher 3 database, encrypted
with the app's master password) and the password-protected zip of the text export, holding
``Accounts.txt`` (one ``otpauth://`` link per line) or the database.

Zip: traditional PKWARE encryption is read by :mod:`zipfile`; WinZip AES (AE-1/AE-2, method 99:
PBKDF2-HMAC-SHA1 with 1,000 iterations -- fixed by the format --, AES-CTR with a little-endian
counter, HMAC-SHA1 authentication) is read here. Member sizes are checked before anything is
inflated, and inflating stops at the bound.

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

import hashlib
import hmac
import io
import os
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.importers.andotp import AndOtpImporter
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    display_label,
    make_entry,
    numbered,
)
from desktop_app.importers.readers import (
    MAX_DECODED_BYTES,
    SQLCIPHER_HEAP_BYTES,
    headerless,
    read_table,
    row_int,
    row_str,
    secret_hex,
    sqlite_budget,
)
from desktop_app.importers.text import parse_lines
from desktop_app.otp.model import Entry, OtpType

NAME = "authplus"
LABEL: str = N_("Authenticator Plus backup")
PAGE = 1024  # SQLCipher 3's page size
READ_COLUMNS = ("email", "secret", "counter", "type", "issuer", "category")


def looks_like_sqlcipher(data: bytes) -> bool:
    return len(data) >= 2 * PAGE and len(data) % PAGE == 0 and headerless(data[:PAGE])


def read_sqlcipher(
    data: bytes, password: str, table: str, columns: tuple[str, ...]
) -> list[dict[str, Any]] | None:
    """The ``columns`` of ``table`` of an SQLCipher 3 database (:func:`read_table`'s checks: a
    plain table, no computed column), or None when the password does not open it. The library's
    own log lines are off (a wrong password would print three), its heap is capped and its steps
    are budgeted."""
    try:
        import sqlcipher3
    except ImportError:
        raise ImportFormatError(
            N_(
                "Reading Authenticator Plus backups needs SQLCipher (the sqlcipher3-wheels package), "
                "which is not installed."
            )
        ) from None
    fd, name = tempfile.mkstemp(prefix="authplus-", suffix=".db")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        con = sqlcipher3.connect(str(path))
        try:
            con.execute("PRAGMA cipher_log_level = NONE")
            con.execute(f"PRAGMA hard_heap_limit = {SQLCIPHER_HEAP_BYTES}")
            sqlite_budget(con)
            con.execute("PRAGMA cipher_compatibility = 3")
            con.execute("PRAGMA key = " + _quote(password))
            con.execute("PRAGMA query_only = ON")
            con.execute("PRAGMA trusted_schema = OFF")
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError:
                return None
            try:
                return read_table(con, table, LABEL, columns)
            except sqlcipher3.Error:
                raise ImportFormatError(
                    N_(
                        "The {label} opens but has no readable {table} table: it is not an "
                        "Authenticator Plus database, or it is damaged.",
                        label=LABEL,
                        table=table,
                    )
                ) from None
        finally:
            con.close()
    finally:
        path.unlink(missing_ok=True)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# --- the zip of the text export ---------------------------------------------------------------

ZIP_MAGIC = b"PK\x03\x04"
TEXT_NAME = "accounts.txt"
MAX_MEMBERS = 64


def _zip_member(data: bytes) -> Any:
    """The ZipInfo of Accounts.txt (or of a .db) in a zip, or None when ``data`` is no such zip."""
    if not data.startswith(ZIP_MAGIC):
        return None
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None
    if len(infos) > MAX_MEMBERS:
        return None
    by_name = {i.filename.rsplit("/", 1)[-1].lower(): i for i in infos if not i.is_dir()}
    if TEXT_NAME in by_name:
        return by_name[TEXT_NAME]
    return next((i for n, i in by_name.items() if n.endswith(".db")), None)


def _read_member(data: bytes, info: Any, password: str | None) -> bytes:
    if info.file_size > MAX_DECODED_BYTES or info.compress_size > len(data):
        raise ImportFormatError(
            N_("The {label} (zip) holds a file too large to be read.", label=LABEL)
        )
    encrypted = bool(info.flag_bits & 1)
    if encrypted and password is None:
        raise PasswordRequired(LABEL)
    if info.compress_type == 99:
        return _read_aes(data, info, password or "")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            pwd = password.encode("utf-8") if encrypted and password is not None else None
            with archive.open(info, pwd=pwd) as f:
                out = f.read(MAX_DECODED_BYTES + 1)
    except RuntimeError:
        raise WrongPasswordError(
            N_("Wrong password for this {label} (zip).", label=LABEL)
        ) from None
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        if "password" in str(exc).lower():
            raise WrongPasswordError(
                N_("Wrong password for this {label} (zip).", label=LABEL)
            ) from None
        raise ImportFormatError(
            N_("The {label} (zip) is damaged and cannot be read.", label=LABEL)
        ) from None
    if len(out) > MAX_DECODED_BYTES:
        raise ImportFormatError(
            N_("The {label} (zip) holds a file too large to be read.", label=LABEL)
        )
    return out


def _aes_extra(extra: bytes) -> tuple[int, int]:
    """(key length, actual compression method) from the 0x9901 extra field."""
    pos = 0
    while pos + 4 <= len(extra):
        kind, size = struct.unpack("<HH", extra[pos : pos + 4])
        body = extra[pos + 4 : pos + 4 + size]
        if kind == 0x9901 and len(body) >= 7 and body[2:4] == b"AE":
            strength, method = body[4], struct.unpack("<H", body[5:7])[0]
            if strength in (1, 2, 3):
                return 8 + 8 * strength, method
        pos += 4 + size
    raise ImportFormatError(
        N_("The {label} (zip) is damaged: its AES header is missing.", label=LABEL)
    )


def _aes_ctr_le(key: bytes, data: bytes) -> bytes:
    """AES-CTR with WinZip's little-endian block counter starting at 1."""
    blocks = (len(data) + 15) // 16
    counters = b"".join(i.to_bytes(16, "little") for i in range(1, blocks + 1))
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    stream = encryptor.update(counters) + encryptor.finalize()
    n = len(data)
    return (int.from_bytes(data, "big") ^ int.from_bytes(stream[:n], "big")).to_bytes(n, "big")


def _read_aes(data: bytes, info: Any, password: str) -> bytes:
    key_len, method = _aes_extra(info.extra)
    start = info.header_offset
    header = data[start : start + 30]
    if len(header) < 30 or not header.startswith(ZIP_MAGIC):
        raise ImportFormatError(N_("The {label} (zip) is damaged.", label=LABEL))
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    body_at = start + 30 + name_len + extra_len
    body = data[body_at : body_at + info.compress_size]
    salt_len = key_len // 2
    if len(body) != info.compress_size or len(body) < salt_len + 2 + 10:
        raise ImportFormatError(N_("The {label} (zip) is truncated.", label=LABEL))
    salt, check = body[:salt_len], body[salt_len : salt_len + 2]
    sealed, tag = body[salt_len + 2 : -10], body[-10:]
    keys = hashlib.pbkdf2_hmac("sha1", password.encode("utf-8"), salt, 1000, 2 * key_len + 2)
    if not hmac.compare_digest(keys[-2:], check):
        raise WrongPasswordError(N_("Wrong password for this {label} (zip).", label=LABEL))
    mac = hmac.new(keys[key_len : 2 * key_len], sealed, hashlib.sha1).digest()[:10]
    if not hmac.compare_digest(mac, tag):
        raise WrongPasswordError(
            N_("Wrong password for this {label} (zip), or it is damaged.", label=LABEL)
        )
    plain = _aes_ctr_le(keys[:key_len], sealed)
    if method == 0:
        return plain
    if method != 8:
        raise ImportFormatError(
            N_("The {label} (zip) uses an unknown compression method.", label=LABEL)
        )
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(plain, MAX_DECODED_BYTES + 1)
    except zlib.error:
        raise ImportFormatError(N_("The {label} (zip) is damaged.", label=LABEL)) from None
    if len(out) > MAX_DECODED_BYTES:
        raise ImportFormatError(
            N_("The {label} (zip) holds a file too large to be read.", label=LABEL)
        )
    return out


class AuthenticatorPlusImporter:
    name = NAME
    label = LABEL
    app = "Authenticator Plus"
    export_hint = (
        "Settings > Backup & Restore > Backup: the authplus.db file (with the master password)."
    )
    encrypted = True

    def detect(self, data: bytes) -> bool:
        return _zip_member(data) is not None or looks_like_sqlcipher(data)

    def needs_password(self, data: bytes) -> bool:
        info = _zip_member(data)
        return info is None or bool(info.flag_bits & 1)

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        info = _zip_member(data)
        if info is not None:
            member = _read_member(data, info, password)
            if info.filename.lower().endswith(".txt"):
                return parse_lines(member, LABEL, NAME)
            data = member
        if password is None:
            raise PasswordRequired(LABEL)
        rows = read_sqlcipher(data, password, "accounts", READ_COLUMNS)
        if rows is None:
            try:  # the same kind of random bytes may be an encrypted andOTP backup
                return AndOtpImporter().parse(data, password)
            except (WrongPasswordError, ImportFormatError):
                pass
            raise WrongPasswordError(
                N_(
                    "Wrong password for this Authenticator Plus backup (or the file is damaged, or "
                    "it is an encrypted file of another app)."
                )
            )
        out = Collector()
        for index, row in enumerate(rows):
            label = display_label(
                row.get("issuer"), row.get("email"), numbered("Account", index + 1)
            )
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
        raise EntryDataError(N_("Its type {kind} is unknown", kind=kind))
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
