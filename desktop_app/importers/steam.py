"""Steam Guard account files: Steam Desktop Authenticator's ``.maFile`` and the Steam app's own
``Steamguard-<id>`` file (older versions: one account per file; newer: ``{"accounts": {id:
account}}``).

An account: ``shared_secret`` (Base64 of the 20-byte key), ``account_name``, and more
(``identity_secret``, ``revocation_code``, ``serial_number``, ``uri``) that are not needed for
codes. Codes: Steam Guard (5 characters). An SDA ``manifest.json`` is recognised: it holds no
keys, and encrypted maFiles are refused with the way out.
"""

from __future__ import annotations

from typing import Any

from desktop_app.errors import ImportFormatError
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PlainImporter,
    display_label,
    get_str,
    make_entry,
)
from desktop_app.importers.readers import load_json, secret_b64, sniff_json
from desktop_app.otp.model import Entry, OtpType

NAME = "steam"
LABEL: str = N_("Steam Guard file")


def _is_account(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and "shared_secret" in doc
        and ("account_name" in doc or "identity_secret" in doc or "revocation_code" in doc)
    )


def _is_manifest(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and "entries" in doc
        and (("encrypted" in doc and "first_run" in doc) or "periodic_checking" in doc)
    )


class SteamImporter(PlainImporter):
    name = NAME
    label = LABEL
    app = "Steam"
    export_hint = (
        "Steam Desktop Authenticator's .maFile (encryption turned off), or "
        "files/Steamguard-<id> off a rooted phone."
    )

    def detect(self, data: bytes) -> bool:
        doc = sniff_json(data)
        if _is_account(doc) or _is_manifest(doc):
            return True
        accounts = doc.get("accounts") if isinstance(doc, dict) else None
        return isinstance(accounts, dict) and any(_is_account(a) for a in accounts.values())

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, LABEL)
        if _is_manifest(doc):
            raise ImportFormatError(
                N_(
                    "This is Steam Desktop Authenticator's manifest.json, which holds no keys. Import "
                    "the account's .maFile instead (if SDA encrypts them, turn encryption off in SDA "
                    "first)."
                )
            )
        if _is_account(doc):
            accounts = [doc]
        elif isinstance(doc, dict) and isinstance(doc.get("accounts"), dict):
            accounts = list(doc["accounts"].values())
        else:
            raise ImportFormatError(N_("This is not a Steam Guard file (no shared_secret)."))
        out = Collector()
        for fallback, raw in out.objects(accounts[:10_000], "Steam account"):
            out.add(display_label("Steam", raw.get("account_name"), fallback), _entry, raw)
        return out.result(LABEL, NAME)


def _entry(raw: dict[str, Any]) -> Entry:
    shared = get_str(raw, "shared_secret")
    if not shared:
        raise EntryDataError(N_("It has no shared secret"))
    return make_entry(
        secret=secret_b64(shared),
        issuer="Steam",
        name=get_str(raw, "account_name"),
        type=OtpType.STEAM,
    )
