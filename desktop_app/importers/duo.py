"""Duo Mobile (Android): ``files/duokit/accounts.json``, a JSON list of accounts.

Account: ``name``, ``otpGenerator`` {``otpSecret`` (Base32), ``counter`` (present: HOTP)};
codes SHA1, 6 digits, 30 s. Duo Push-only accounts have no ``otpSecret`` and are listed as
skipped.
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
    get_int,
    get_str,
    make_entry,
)
from desktop_app.importers.readers import load_json, require_list, sniff_json
from desktop_app.otp.model import Entry, OtpType

NAME = "duo"
LABEL: str = N_("Duo Mobile account file")


class DuoImporter(PlainImporter):
    name = NAME
    label = LABEL
    app = "Duo Mobile"
    export_hint = "Copy files/duokit/accounts.json off a rooted phone."

    def detect(self, data: bytes) -> bool:
        doc = sniff_json(data)
        return (
            isinstance(doc, list)
            and bool(doc)
            and all(isinstance(a, dict) and "otpGenerator" in a for a in doc)
        )

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, LABEL, list)
        out = Collector()
        for fallback, raw in out.objects(require_list(doc, N_("the Duo account list")), "Account"):
            out.add(display_label(raw.get("name"), None, fallback), _entry, raw)
        return out.result(LABEL, NAME)


def _entry(raw: dict[str, Any]) -> Entry:
    gen = raw.get("otpGenerator")
    if not isinstance(gen, dict) or not gen.get("otpSecret"):
        raise EntryDataError(N_("It is a Duo Push account without a code secret"))
    hotp = gen.get("counter") is not None
    return make_entry(
        secret=get_str(gen, "otpSecret"),
        issuer=get_str(raw, "name"),
        type=OtpType.HOTP if hotp else OtpType.TOTP,
        counter=get_int(gen, "counter", 0) if hotp else 0,
    )
