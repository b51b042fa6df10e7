"""Bitwarden JSON export (unencrypted ``.json``).

``{"encrypted": false, "folders": [{id, name}], "items": [{"type": 1, "name", "folderId",
"login": {"username", "totp"}}]}``. ``login.totp`` holds an ``otpauth://`` URI, ``steam://SECRET``
or a bare Base32 secret (TOTP, SHA1, 6 digits, 30 s). A bare secret takes the item's name as
issuer and the username as account; a URI keeps its own label and fills in what it lacks from the
item. The folder becomes the group. Items without a TOTP key are ignored (counted in the notes).
Encrypted Bitwarden exports are refused with a message saying how to export them plainly.
"""

from __future__ import annotations

from typing import Any

from desktop_app.errors import ImportFormatError
from desktop_app.importers.base import (
    Collector,
    EntryDataError,
    ImportResult,
    broken_json_with,
    display_label,
    get_str,
    load_json,
    make_entry,
    require_list,
    sniff_json,
)
from desktop_app.intake import PayloadKind, classify
from desktop_app.otp.model import Entry, OtpType

NAME = "bitwarden"
LABEL = "Bitwarden export"


class BitwardenImporter:
    name = NAME
    label = LABEL

    def detect(self, data: bytes) -> bool:
        doc = sniff_json(data)
        if doc is None:
            return broken_json_with(data, "encrypted", "items")
        return (
            isinstance(doc, dict)
            and "encrypted" in doc
            and ("items" in doc or "encKeyValidation_DO_NOT_EDIT" in doc)
        )

    def needs_password(self, data: bytes) -> bool:
        return False

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, LABEL)
        if not isinstance(doc, dict):
            raise ImportFormatError("This is not a Bitwarden export (not a JSON object).")
        if doc.get("encrypted") is True or doc.get("passwordProtected") is True:
            raise ImportFormatError(
                "This Bitwarden export is encrypted, which this app cannot read. In Bitwarden, "
                "export the vault as .json (not encrypted), import that file, then delete it."
            )
        items = require_list(doc.get("items"), "the Bitwarden item list")
        folders: dict[str, str] = {}
        raw_folders = doc.get("folders")
        if isinstance(raw_folders, list):
            for f in raw_folders:
                if isinstance(f, dict) and isinstance(f.get("id"), str):
                    folders[f["id"]] = f["name"] if isinstance(f.get("name"), str) else ""
        out = Collector()
        ignored = 0
        for index, raw in enumerate(items):
            fallback = f"Item {index + 1}"
            if not isinstance(raw, dict):
                out.skip(fallback, "It is not an object")
                continue
            login = raw.get("login")
            totp = login.get("totp") if isinstance(login, dict) else None
            if not totp:
                ignored += 1
                continue
            assert isinstance(login, dict)
            label = display_label(raw.get("name"), login.get("username"), fallback)
            out.add(label, _entry, raw, login, folders)
        if ignored:
            out.notes.append(
                f"{ignored} item{'s' if ignored != 1 else ''} without a TOTP key "
                f"{'were' if ignored != 1 else 'was'} ignored."
            )
        return out.result(LABEL, NAME)


def _entry(raw: dict[str, Any], login: dict[str, Any], folders: dict[str, str]) -> Entry:
    totp = get_str(login, "totp").strip()
    item_name = get_str(raw, "name")
    username = get_str(login, "username")
    folder_id = raw.get("folderId")
    group = folders.get(folder_id, "") if isinstance(folder_id, str) else ""
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
        raise EntryDataError("Its TOTP field holds an unknown kind of link")
    return make_entry(secret=totp, issuer=item_name, name=username, group=group)
