"""Battle.net Authenticator (Android, com.blizzard.messenger): the shared-preferences file
``com.blizzard.messenger.authenticator_preferences.xml``.

``com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET`` and ``...AUTHENTICATOR_SERIAL`` are
masked: hex of the text XOR a fixed 56-byte key the app ships with. The unmasked secret is the
hex of the key; codes are TOTP, SHA1, 8 digits, 30 s; the serial becomes the account name.
"""

from __future__ import annotations

from desktop_app.errors import ImportFormatError
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PlainImporter,
    make_entry,
)
from desktop_app.importers.readers import android_prefs, secret_hex
from desktop_app.otp.model import Entry

NAME = "battlenet"
LABEL: str = N_("Battle.net Authenticator file")
SECRET_KEY = "com.blizzard.messenger.AUTHENTICATOR_DEVICE_SECRET"
SERIAL_KEY = "com.blizzard.messenger.AUTHENTICATOR_SERIAL"
MASK = bytes.fromhex(
    "398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6"
    "c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a"
)


def unmask(text: str) -> str:
    try:
        raw = bytes.fromhex(text.strip())
    except ValueError:
        raise EntryDataError(N_("Its masked value is not valid hex")) from None
    if len(raw) > len(MASK):
        raise EntryDataError(N_("Its masked value is too long"))
    return "".join(chr(b ^ k) for b, k in zip(raw, MASK, strict=False))


def mask(text: str) -> str:
    """The app's masking (tests build files with it)."""
    return bytes(ord(c) ^ k for c, k in zip(text, MASK, strict=False)).hex()


class BattleNetImporter(PlainImporter):
    name = NAME
    label = LABEL
    app = "Battle.net Authenticator"
    export_hint = (
        "Copy shared_prefs/com.blizzard.messenger.authenticator_preferences.xml off a rooted phone."
    )

    def detect(self, data: bytes) -> bool:
        prefs = android_prefs(data)
        return prefs is not None and SECRET_KEY in prefs

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        prefs = android_prefs(data)
        if not prefs or SECRET_KEY not in prefs:
            raise ImportFormatError(N_("This Battle.net file holds no authenticator secret."))
        out = Collector()
        out.add("Battle.net", _entry, prefs.get(SECRET_KEY, ""), prefs.get(SERIAL_KEY, ""))
        return out.result(LABEL, NAME)


def _entry(secret: str, serial: str) -> Entry:
    return make_entry(
        secret=secret_hex(unmask(secret)),
        issuer="Battle.net",
        name=unmask(serial) if serial else "",
        digits=8,
    )
