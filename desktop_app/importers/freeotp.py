"""FreeOTP+ JSON export: ``{"tokenOrder": [...], "tokens": [...]}``.

Token: ``secret`` as a list of signed bytes (-128..127), ``algo``, ``digits``, ``period``,
``counter``, ``type`` (TOTP/HOTP), ``issuerExt`` (the issuer shown), ``issuerInt``, ``label``.
A 5-digit TOTP token issued by "Steam" is a Steam entry (that is how FreeOTP keeps them).
"""

from __future__ import annotations

import base64
from typing import Any

from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PlainImporter,
    display_label,
    get_int,
    get_str,
    make_entry,
    otp_type,
)
from desktop_app.importers.readers import broken_json_with, load_json, require_list, sniff_json
from desktop_app.otp.model import STEAM_DIGITS, Entry, OtpType

NAME = "freeotp"
LABEL: str = N_("FreeOTP+ export")


class FreeOtpImporter(PlainImporter):
    name = NAME
    label = LABEL
    app = "FreeOTP+"
    export_hint = "Menu > Export > JSON, or shared_prefs/tokens.xml off a rooted phone."

    def detect(self, data: bytes) -> bool:
        doc = sniff_json(data)
        if doc is None:
            return broken_json_with(data, "tokens", "secret")
        return isinstance(doc, dict) and "tokens" in doc and "tokenOrder" in doc

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, LABEL, dict)
        tokens = require_list(doc.get("tokens"), N_("the FreeOTP+ token list"))
        out = Collector()
        for fallback, raw in out.objects(tokens, "Token"):
            issuer = raw.get("issuerExt") or raw.get("issuerInt")
            label = display_label(issuer, raw.get("label"), fallback)
            out.add(label, _entry, raw)
        return out.result(LABEL, NAME)


def secret_from_signed_bytes(values: Any) -> str:
    if not isinstance(values, list) or not values:
        raise EntryDataError(N_("Its secret is missing"))
    if any(isinstance(v, bool) or not isinstance(v, int) or not -128 <= v <= 255 for v in values):
        raise EntryDataError(N_("Its secret is not a list of bytes"))
    return base64.b32encode(bytes(v & 0xFF for v in values)).decode("ascii").rstrip("=")


def secret_to_signed_bytes(raw: bytes) -> list[int]:
    return [b - 256 if b > 127 else b for b in raw]


def _entry(raw: dict[str, Any]) -> Entry:
    issuer = get_str(raw, "issuerExt") or get_str(raw, "issuerInt")
    name = get_str(raw, "label")
    if issuer and name.startswith(f"{issuer}:"):
        name = name[len(issuer) + 1 :]
    kind = otp_type(get_str(raw, "type", "TOTP"))
    digits = get_int(raw, "digits", 6)
    if kind is OtpType.TOTP and issuer == "Steam" and digits == STEAM_DIGITS:
        kind = OtpType.STEAM  # FreeOTP keeps Steam tokens as 5-digit TOTP issued by "Steam"
    return make_entry(
        secret=secret_from_signed_bytes(raw.get("secret")),
        issuer=issuer,
        name=name,
        type=kind,
        algorithm=get_str(raw, "algo", "SHA1"),
        digits=digits,
        period=get_int(raw, "period", 30),
        counter=get_int(raw, "counter", 0),
    )
