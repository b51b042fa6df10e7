"""Internal SQLite databases of Google Authenticator and Microsoft Authenticator (Android).

Both are copied off a rooted phone (``/data/data/<app>/databases/...``); the file itself is
read from memory (``sqlite3`` deserialise, read-only), never written to disk.

* Google Authenticator, ``databases`` (com.google.android.apps.authenticator2): table
  ``accounts`` with ``email`` (the account, sometimes ``issuer:account``), ``secret`` (Base32),
  ``issuer``, ``type`` (0 TOTP, 1 HOTP) and ``counter``. Codes: SHA1, 6 digits, 30 s.
* Microsoft Authenticator, ``PhoneFactor`` (com.azure.authenticator): table ``accounts`` with
  ``name`` (issuer), ``username``, ``oath_secret_key`` and ``account_type``: 0 = TOTP with a
  Base32 secret, 6 digits; 1 = Microsoft account with a Base64 secret, 8 digits. Other types
  (push-only work or school sign-ins) have no code and are listed as skipped.
"""

from __future__ import annotations

from typing import Any

from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PlainImporter,
    display_label,
    make_entry,
)
from desktop_app.importers.readers import row_int, row_str, secret_b64, sqlite_rows, sqlite_schema
from desktop_app.otp.model import Entry, OtpType

GOOGLE_COLUMNS = frozenset({"email", "secret", "type"})
GOOGLE_READ = ("email", "secret", "type", "counter", "issuer")  # the only columns read
MICROSOFT_COLUMNS = frozenset({"oath_secret_key", "account_type", "username"})
MICROSOFT_READ = ("name", "username", "oath_secret_key", "account_type")


class GoogleAuthDbImporter(PlainImporter):
    name = "google-db"
    label: str = N_("Google Authenticator database")
    app = "Google Authenticator"
    export_hint = ""  # said by the other importer of this app

    def detect(self, data: bytes) -> bool:
        schema = sqlite_schema(data)
        return schema is not None and schema.get("accounts", frozenset()) >= GOOGLE_COLUMNS

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        out = Collector()
        for index, row in enumerate(sqlite_rows(data, "accounts", self.label, GOOGLE_READ)):
            label = display_label(row.get("issuer"), row.get("email"), f"Account {index + 1}")
            out.add(label, _google_entry, row)
        return out.result(self.label, self.name)


def _google_entry(row: dict[str, Any]) -> Entry:
    kind = row_int(row, "type", 0)
    if kind not in (0, 1):
        raise EntryDataError(f"Its type {kind} is unknown")
    issuer = row_str(row, "issuer")
    name = row_str(row, "email")
    prefix, sep, rest = name.partition(":")
    if sep:
        issuer = issuer or prefix
        name = rest
    return make_entry(
        secret=row_str(row, "secret"),
        issuer=issuer,
        name=name,
        type=OtpType.HOTP if kind == 1 else OtpType.TOTP,
        counter=row_int(row, "counter", 0) if kind == 1 else 0,
    )


class MicrosoftAuthImporter(PlainImporter):
    name = "microsoft"
    label: str = N_("Microsoft Authenticator database")
    app = "Microsoft Authenticator"
    export_hint = "Copy databases/PhoneFactor off a rooted phone."

    def detect(self, data: bytes) -> bool:
        schema = sqlite_schema(data)
        return schema is not None and schema.get("accounts", frozenset()) >= MICROSOFT_COLUMNS

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        out = Collector()
        for index, row in enumerate(sqlite_rows(data, "accounts", self.label, MICROSOFT_READ)):
            label = display_label(row.get("name"), row.get("username"), f"Account {index + 1}")
            out.add(label, _microsoft_entry, row)
        return out.result(self.label, self.name)


def _microsoft_entry(row: dict[str, Any]) -> Entry:
    kind = row_int(row, "account_type", 0)
    secret = row_str(row, "oath_secret_key")
    if kind == 0:
        digits = 6
    elif kind == 1:
        secret, digits = secret_b64(secret), 8
    else:
        raise EntryDataError("It is a sign-in approved by notification only; it has no code")
    if not secret.strip():
        raise EntryDataError("It has no code secret (sign-in approved by notification only)")
    return make_entry(
        secret=secret,
        issuer=row_str(row, "name"),
        name=row_str(row, "username"),
        digits=digits,
    )
