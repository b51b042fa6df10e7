"""Bitwarden exports: JSON (plain or password-protected) and CSV.

JSON: ``{"encrypted": false, "folders": [{id, name}], "items": [{"type": 1, "name", "folderId",
"login": {"username", "totp"}}]}``. ``login.totp`` holds an ``otpauth://`` URI, ``steam://SECRET``
or a bare Base32 secret (TOTP, SHA1, 6 digits, 30 s). A bare secret takes the item's name as
issuer and the username as account; a URI keeps its own label and fills in what it lacks from the
item. The folder becomes the group. Items without a TOTP key are ignored (counted in the notes).

Password-protected JSON (``"passwordProtected": true``): ``salt`` (text), ``kdfType`` (0 =
PBKDF2-HMAC-SHA256 with ``kdfIterations``; 1 = Argon2id with ``kdfIterations`` passes,
``kdfMemory`` MiB, ``kdfParallelism`` lanes, salted with SHA-256 of ``salt``), 32-byte key
stretched with HKDF-Expand-SHA256 into an encryption key (info "enc") and a MAC key (info
"mac"); ``encKeyValidation_DO_NOT_EDIT`` and ``data`` are EncStrings ``2.iv|ciphertext|mac``
(Base64; AES-256-CBC, HMAC-SHA256 over iv + ciphertext). ``data`` holds the plain JSON export.
Account-restricted encrypted exports (``encrypted`` without ``passwordProtected``) need the
Bitwarden account key and are refused with the way out.

CSV (``bitwarden_export.csv``): header ``folder,favorite,type,name,notes,fields,reprompt,
login_uri,login_username,login_password,login_totp``.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import hmac
import io
from collections.abc import Callable
from typing import Any

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    MAX_ENTRIES,
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    PlainImporter,
    display_label,
    get_int,
    get_str,
    make_entry,
)
from desktop_app.importers.readers import (
    aes_cbc_decrypt,
    argon2id,
    broken_json_with,
    check_kdf,
    load_json,
    names_by_id,
    pbkdf2,
    require_list,
    sniff_json,
    text_or_none,
)
from desktop_app.intake import PayloadKind, classify
from desktop_app.otp.model import Entry, OtpType

NAME = "bitwarden"
LABEL: str = N_("Bitwarden export")
# Bitwarden's own limits for the key derivation a user may choose
MAX_PBKDF2_ITERATIONS = 2_000_000
MAX_ARGON2_ITERATIONS = 10
MAX_ARGON2_MEMORY_MIB = 1024
MAX_ARGON2_PARALLELISM = 16


class BitwardenImporter:
    name = NAME
    label = LABEL
    app = "Bitwarden"
    export_hint = "Tools > Export vault: .json, .json (Encrypted) with a file password, or .csv."
    encrypted = True

    def detect(self, data: bytes) -> bool:
        doc = sniff_json(data)
        if doc is None:
            return broken_json_with(data, "encrypted", "items")
        return (
            isinstance(doc, dict)
            and "encrypted" in doc
            and ("items" in doc or "encKeyValidation_DO_NOT_EDIT" in doc or "data" in doc)
        )

    def needs_password(self, data: bytes) -> bool:
        doc = sniff_json(data)
        return isinstance(doc, dict) and doc.get("passwordProtected") is True

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, LABEL, dict)
        if doc.get("passwordProtected") is True:
            if password is None:
                raise PasswordRequired(LABEL)
            doc = load_json(decrypt_protected(doc, password), LABEL)
            if not isinstance(doc, dict):
                raise ImportFormatError(N_("The decrypted Bitwarden export is not a JSON object."))
        if doc.get("encrypted") is True:
            raise ImportFormatError(
                N_(
                    "This Bitwarden export is encrypted with the Bitwarden account's key, which only "
                    "Bitwarden can open. In Bitwarden, export the vault again as .json (or as .json "
                    "(Encrypted) with a file password), import that file, then delete it."
                )
            )
        items = require_list(doc.get("items"), N_("the Bitwarden item list"))
        folders = names_by_id(doc.get("folders"))
        out = Collector()
        ignored = 0
        for fallback, raw in out.objects(items, "Item"):
            login = raw.get("login")
            totp = login.get("totp") if isinstance(login, dict) else None
            if not totp:
                ignored += 1
                continue
            assert isinstance(login, dict)
            label = display_label(raw.get("name"), login.get("username"), fallback)
            folder_id = raw.get("folderId")
            group = folders.get(folder_id, "") if isinstance(folder_id, str) else ""
            out.add(
                label,
                lambda r=raw, lg=login, g=group: entry_from_totp(
                    get_str(lg, "totp"), get_str(r, "name"), get_str(lg, "username"), g
                ),
            )
        _note_ignored(out, ignored)
        return out.result(LABEL, NAME)


def _note_ignored(out: Collector, ignored: int) -> None:
    if ignored:
        out.notes.append(
            N_("1 item without a TOTP key was ignored.")
            if ignored == 1
            else N_("{n} items without a TOTP key were ignored.", n=ignored)
        )


# --- password-protected JSON -------------------------------------------------------------


def _derive(doc: dict[str, Any], password: str) -> tuple[bytes, bytes]:
    salt = doc.get("salt")
    if not isinstance(salt, str) or not salt:
        raise ImportFormatError(N_("The Bitwarden export is damaged: its salt is missing."))
    try:
        kdf = get_int(doc, "kdfType", 0)
        iterations = get_int(doc, "kdfIterations", 0)
        memory = get_int(doc, "kdfMemory", 64)
        lanes = get_int(doc, "kdfParallelism", 4)
    except ImportFormatError:
        raise ImportFormatError(
            N_("The Bitwarden export is damaged: its key parameters are bad.")
        ) from None
    if kdf == 0:
        check_kdf(LABEL, 1 <= iterations <= MAX_PBKDF2_ITERATIONS)
        key = pbkdf2("sha256", password, salt.encode("utf-8"), iterations, 32)
    elif kdf == 1:
        check_kdf(
            LABEL,
            1 <= iterations <= MAX_ARGON2_ITERATIONS
            and 1 <= memory <= MAX_ARGON2_MEMORY_MIB
            and 1 <= lanes <= MAX_ARGON2_PARALLELISM,
        )
        key = argon2id(
            password,
            hashlib.sha256(salt.encode("utf-8")).digest(),
            t=iterations,
            m_kib=memory * 1024,
            p=lanes,
        )
    else:
        raise ImportFormatError(
            N_(
                "This Bitwarden export uses key derivation type {kdf}, which this app does not "
                "know.",
                kdf=kdf,
            )
        )
    enc = hmac.new(key, b"enc\x01", hashlib.sha256).digest()
    mac = hmac.new(key, b"mac\x01", hashlib.sha256).digest()
    return enc, mac


def _enc_string(value: Any, what: str) -> tuple[bytes, bytes, bytes]:
    if not isinstance(value, str) or not value.startswith("2."):
        raise ImportFormatError(
            N_("The Bitwarden export is damaged: {what} is not readable.", what=what)
        )
    parts = value[2:].split("|")
    if len(parts) != 3:
        raise ImportFormatError(
            N_("The Bitwarden export is damaged: {what} is not readable.", what=what)
        )
    try:
        iv, data, mac = (base64.b64decode(p, validate=True) for p in parts)
    except (binascii.Error, ValueError):
        raise ImportFormatError(
            N_("The Bitwarden export is damaged: {what} is not Base64.", what=what)
        ) from None
    return iv, data, mac


def _open(enc_key: bytes, mac_key: bytes, value: Any, what: str) -> bytes | None:
    iv, data, mac = _enc_string(value, what)
    if not hmac.compare_digest(hmac.new(mac_key, iv + data, hashlib.sha256).digest(), mac):
        return None
    return aes_cbc_decrypt(enc_key, iv, data)


def decrypt_protected(doc: dict[str, Any], password: str) -> bytes:
    enc, mac = _derive(doc, password)
    if _open(enc, mac, doc.get("encKeyValidation_DO_NOT_EDIT"), N_("the key check")) is None:
        raise WrongPasswordError(N_("Wrong file password for this Bitwarden export."))
    plain = _open(enc, mac, doc.get("data"), N_("the data"))
    if plain is None:
        raise ImportFormatError(
            N_(
                "The Bitwarden export is damaged: the password is right but the data does not decrypt."
            )
        )
    return plain


# --- one TOTP field -------------------------------------------------------------------------


def entry_from_totp(totp: str, item_name: str, username: str, group: str = "") -> Entry:
    """An entry from a password manager's TOTP field: otpauth URI, steam:// or a bare secret."""
    totp = totp.strip()
    if totp.lower().startswith("otpauth://"):
        payload = classify(totp)
        if payload.kind is not PayloadKind.OTPAUTH:
            raise EntryDataError(payload.message)
        entry = payload.entries[0]
        return entry.with_changes(
            issuer=entry.issuer or item_name.strip(),
            name=entry.name or username.strip(),
            group=group,
        )
    if totp.lower().startswith("steam://"):
        return make_entry(
            secret=totp[len("steam://") :],
            issuer=item_name,
            name=username,
            type=OtpType.STEAM,
            group=group,
        )
    if "://" in totp:
        raise EntryDataError(N_("Its TOTP field holds an unknown kind of link"))
    return make_entry(secret=totp, issuer=item_name, name=username, group=group)


# --- CSV -------------------------------------------------------------------------------------

CSV_COLUMNS = ("name", "login_username", "login_totp")


def csv_rows(data: bytes, required: tuple[str, ...]) -> list[dict[str, str]] | None:
    """The rows of a CSV file whose header has ``required`` columns, else None."""
    text = text_or_none(data)
    if text is None:
        return None
    first = text.lstrip().partition("\n")[0]
    if not all(c in first for c in required):
        return None
    try:
        reader = csv.DictReader(io.StringIO(text.lstrip()))
        if reader.fieldnames is None or not all(c in reader.fieldnames for c in required):
            return None
        rows = []
        for row in reader:
            rows.append({k: v if isinstance(v, str) else "" for k, v in row.items() if k})
            if len(rows) > MAX_ENTRIES * 10:
                raise ImportFormatError(N_("The CSV file has too many rows."))
        return rows
    except csv.Error:
        raise ImportFormatError(N_("The CSV file is damaged (unbalanced quotes).")) from None


def totp_rows(
    rows: list[dict[str, str]],
    totp_column: str,
    title_column: str,
    user_column: str,
    group_of: Callable[[dict[str, str]], str],
) -> Collector:
    """The entries of a password manager's CSV export (Bitwarden, KeePassXC): one per row with
    a TOTP value (a link or a bare secret); the title and user fill in a missing issuer and
    account; rows without one are counted in a note."""
    out = Collector()
    ignored = 0
    for index, row in enumerate(rows):
        totp = row.get(totp_column, "").strip()
        if not totp:
            ignored += 1
            continue
        title, user = row.get(title_column, ""), row.get(user_column, "")
        label = display_label(title, user, f"Row {index + 2}")
        out.add(label, entry_from_totp, totp, title, user, group_of(row))
    _note_ignored(out, ignored)
    return out


class BitwardenCsvImporter(PlainImporter):
    name = "bitwarden-csv"
    label: str = N_("Bitwarden CSV export")
    app = "Bitwarden"
    export_hint = ""  # said by the other importer of this app

    def detect(self, data: bytes) -> bool:
        text = text_or_none(data[:4096]) or ""
        first = text.lstrip().partition("\n")[0]
        return all(c in first for c in CSV_COLUMNS)

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        rows = csv_rows(data, CSV_COLUMNS)
        if rows is None:
            raise ImportFormatError(
                N_("This is not a Bitwarden CSV export (no login_totp column).")
            )
        out = totp_rows(rows, "login_totp", "name", "login_username", lambda r: r.get("folder", ""))
        return out.result(self.label, self.name)
