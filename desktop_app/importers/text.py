"""Text files of links, one per line: ``otpauth://`` lists, Google ``otpauth-migration://`` exports
and ente Auth's plain export.

Every line goes through :func:`desktop_app.intake.classify` and :func:`desktop_app.intake.gather`
-- the same path as a scanned QR code.
Blank lines and lines starting with ``#`` are ignored; any other line that is not a valid link is
listed as skipped with its line number. Google exports split over several codes are checked for
completeness: missing codes are listed as skipped.

ente Auth's plain export is such a list whose links carry a ``codeDisplay`` JSON parameter: its
first tag becomes the group, and entries in ente's trash are skipped. ente's encrypted export
(JSON with ``kdfParams``) is decrypted by :mod:`desktop_app.importers.ente` first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl, unquote

from desktop_app.errors import ImportFormatError
from desktop_app.i18n import N_
from desktop_app.importers.contract import Collector, ImportResult, PlainImporter, as_reason
from desktop_app.importers.ente import decrypt, is_encrypted_export
from desktop_app.importers.readers import json_loads, sniff_json, text_or_none
from desktop_app.intake import Payload, PayloadKind, classify, gather, too_many_accounts
from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import Entry

_OTPAUTH = "otpauth://"
_MIGRATION = "otpauth-migration://"


def _lines(data: bytes) -> list[str] | None:
    text = text_or_none(data)
    if text is None:
        return None
    return [line.strip() for line in text.splitlines()]


def _link_lines(data: bytes) -> list[str]:
    lines = _lines(data) or []
    return [x for x in lines if x.lower().startswith((_OTPAUTH, _MIGRATION))]


def _label_of(line: str) -> str:
    path = line.partition("?")[0]
    _, _, label = path[len(_OTPAUTH) :].partition("/")
    try:
        return unquote(label, errors="replace").strip()[:120]
    except (ValueError, TypeError):
        return ""


def _ente_display(line: str) -> dict[str, Any]:
    query = line.partition("?")[2].partition("#")[0]
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == "codeDisplay":
            try:
                parsed = json_loads(value)
            except ValueError:
                return {}
            return parsed if isinstance(parsed, dict) else {}
    return {}


def _same(entry: Entry) -> Entry:
    return entry


def _ente_payload(payload: Payload, line: str) -> Payload | str:
    """ente's ``codeDisplay``: its first tag becomes the group; a trashed entry -> the reason."""
    display = _ente_display(line)
    if display.get("trashed") is True:
        return N_("It is in ente Auth's trash")
    tags = display.get("tags")
    if not isinstance(tags, list):
        return payload
    first = next((t for t in tags if isinstance(t, str) and t.strip()), "")
    entry = payload.entries[0].with_changes(group=first.strip())
    return replace(payload, entries=(entry,))


def parse_lines(data: bytes, label: str, name: str, *, ente: bool = False) -> ImportResult:
    lines = _lines(data)
    if lines is None:
        raise ImportFormatError(
            N_("The {label} is not UTF-8 text; it may be damaged.", label=label)
        )
    refused = too_many_accounts(sum(1 for x in lines if x and not x.startswith("#")), "lines")
    if refused:  # each line is an account or a skipped one: refused before any is read
        raise ImportFormatError(refused)
    payloads: list[Payload] = []
    numbers: list[int] = []  # line number of each payload
    own_skips: list[tuple[int, SkippedEntry]] = []
    for number, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        payload = classify(line)
        if ente and payload.kind is PayloadKind.OTPAUTH:
            changed = _ente_payload(payload, line)
            if isinstance(changed, str):
                own_skips.append(
                    (
                        number,
                        SkippedEntry(
                            payload.entries[0].label or N_("Line {number}", number=number), changed
                        ),
                    )
                )
                continue
            payload = changed
        payloads.append(payload)
        numbers.append(number)
    gathered = gather(payloads)  # the same assembly as scanned codes
    found_links = bool(own_skips) or any(
        p.is_key or p.kind is PayloadKind.INVALID for p in payloads
    )
    if not found_links:
        raise ImportFormatError(
            N_("The {label} holds no otpauth:// or otpauth-migration:// links.", label=label)
        )
    out = Collector()
    for e in gathered.entries:
        out.add(e.label, _same, e)
    for index, p in gathered.rejected:
        number, line = numbers[index], lines[numbers[index] - 1]
        shown = (_label_of(line) if line.lower().startswith(_OTPAUTH) else "") or N_(
            "Line {number}", number=number
        )
        own_skips.append((number, SkippedEntry(shown, as_reason(p.message))))
    out.skipped.extend(gathered.skipped)
    out.skipped.extend(s for _n, s in sorted(own_skips, key=lambda x: x[0]))
    for export in gathered.incomplete:
        for m in export.missing:
            out.skipped.append(
                SkippedEntry(
                    N_("Google export code {index} of {size}", index=m, size=export.size),
                    N_("This code of the export is not in the file; its accounts are missing"),
                )
            )
    return out.result(label, name)


class OtpauthTextImporter(PlainImporter):
    name = "otpauth"
    label: str = N_("Text file of otpauth:// links")
    app = "WinAuth"
    export_hint = "Export > text file of otpauth:// links."

    def detect(self, data: bytes) -> bool:
        return any(x.lower().startswith(_OTPAUTH) for x in _link_lines(data))

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        return parse_lines(data, self.label, self.name)


class GoogleMigrationImporter(PlainImporter):
    name = "google"
    label: str = N_("Google Authenticator export")
    app = "Google Authenticator"
    export_hint = (
        "Transfer accounts > Export accounts: screenshot the QR codes and import the "
        "pictures; or copy databases/databases off a rooted phone."
    )

    def detect(self, data: bytes) -> bool:
        links = _link_lines(data)
        return bool(links) and all(x.lower().startswith(_MIGRATION) for x in links)

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        return parse_lines(data, self.label, self.name)


class EnteImporter:
    name = "ente"
    label: str = N_("ente Auth export")
    app = "ente Auth"
    export_hint = "Settings > Data > Export codes: plain text or encrypted (with a password)."
    encrypted = True

    def detect(self, data: bytes) -> bool:
        if is_encrypted_export(sniff_json(data)):
            return True
        return any("codeDisplay=" in x for x in _link_lines(data))

    def needs_password(self, data: bytes) -> bool:
        return is_encrypted_export(sniff_json(data))

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = sniff_json(data)
        if is_encrypted_export(doc):
            data = decrypt(doc, password)
            if not data.strip():
                return Collector().result(self.label, self.name)
        return parse_lines(data, self.label, self.name, ente=True)
