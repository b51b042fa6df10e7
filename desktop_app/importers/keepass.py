"""KeePassXC CSV export (``Database > Export > CSV file``): header ``"Group","Title","Username",
"Password","URL","Notes","TOTP",...``. The ``TOTP`` column holds an ``otpauth://`` link (or a
bare Base32 secret); the title fills in a missing issuer, the username a missing account, the
group becomes the entry's group (KeePassXC writes the full path, e.g. ``Root/Work``; the root
is dropped). Rows without TOTP are ignored (counted in the notes).
"""

from __future__ import annotations

from desktop_app.errors import ImportFormatError
from desktop_app.i18n import N_
from desktop_app.importers.bitwarden import csv_rows, totp_rows
from desktop_app.importers.contract import ImportResult, PlainImporter
from desktop_app.importers.readers import text_or_none

COLUMNS = ("Title", "Username", "TOTP")


def _group(path: str) -> str:
    parts = [p for p in path.split("/") if p]
    return "/".join(parts[1:]) if len(parts) > 1 else ""


class KeePassCsvImporter(PlainImporter):
    name = "keepass-csv"
    label: str = N_("KeePassXC CSV export")
    app = "KeePassXC"
    export_hint = "Database > Export > CSV file (entries with TOTP)."

    def detect(self, data: bytes) -> bool:
        first = (text_or_none(data[:4096]) or "").lstrip().partition("\n")[0]
        return all(f'"{c}"' in first or f",{c}," in first for c in COLUMNS) and "Group" in first

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        rows = csv_rows(data, COLUMNS)
        if rows is None:
            raise ImportFormatError(N_("This is not a KeePassXC CSV export (no TOTP column)."))
        out = totp_rows(rows, "TOTP", "Title", "Username", lambda r: _group(r.get("Group", "")))
        return out.result(self.label, self.name)
