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

from collections.abc import Callable
from typing import Any

from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PlainImporter,
    display_label,
    make_entry,
    numbered,
)
from desktop_app.importers.readers import row_int, row_str, secret_b64, sqlite_rows, sqlite_schema
from desktop_app.otp.model import Entry, OtpType


class _AccountsTable(PlainImporter):
    """An app's own SQLite database whose ``accounts`` table holds one account a row: told by
    the table's columns; each row becomes an entry, labelled by its issuer and name columns."""

    name: str
    label: str
    columns: frozenset[str]  # the columns that tell this app's table
    read: tuple[str, ...]  # the only columns read
    label_columns: tuple[str, str]  # (issuer, name)
    entry: Callable[[dict[str, Any]], Entry]

    def detect(self, data: bytes) -> bool:
        schema = sqlite_schema(data)
        return schema is not None and schema.get("accounts", frozenset()) >= self.columns

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        out = Collector()
        issuer, name = self.label_columns
        for index, row in enumerate(sqlite_rows(data, "accounts", self.label, self.read)):
            label = display_label(row.get(issuer), row.get(name), numbered("Account", index + 1))
            out.add(label, self.entry, row)
        return out.result(self.label, self.name)


def _google_entry(row: dict[str, Any]) -> Entry:
    kind = row_int(row, "type", 0)
    if kind not in (0, 1):
        raise EntryDataError(N_("Its type {kind} is unknown", kind=kind))
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


def _microsoft_entry(row: dict[str, Any]) -> Entry:
    kind = row_int(row, "account_type", 0)
    secret = row_str(row, "oath_secret_key")
    if kind == 0:
        digits = 6
    elif kind == 1:
        secret, digits = secret_b64(secret), 8
    else:
        raise EntryDataError(N_("It is a sign-in approved by notification only; it has no code"))
    if not secret.strip():
        raise EntryDataError(N_("It has no code secret (sign-in approved by notification only)"))
    return make_entry(
        secret=secret,
        issuer=row_str(row, "name"),
        name=row_str(row, "username"),
        digits=digits,
    )


class GoogleAuthDbImporter(_AccountsTable):
    name = "google-db"
    label: str = N_("Google Authenticator database")
    app = "Google Authenticator"
    export_hint = ""  # said by the other importer of this app
    columns = frozenset({"email", "secret", "type"})
    read = ("email", "secret", "type", "counter", "issuer")
    label_columns = ("issuer", "email")
    entry = staticmethod(_google_entry)


class MicrosoftAuthImporter(_AccountsTable):
    name = "microsoft"
    label: str = N_("Microsoft Authenticator database")
    app = "Microsoft Authenticator"
    export_hint = "Copy databases/PhoneFactor off a rooted phone."
    columns = frozenset({"oath_secret_key", "account_type", "username"})
    read = ("name", "username", "oath_secret_key", "account_type")
    label_columns = ("name", "username")
    entry = staticmethod(_microsoft_entry)
