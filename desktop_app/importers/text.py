"""Text files of links, one per line: ``otpauth://`` lists, Google ``otpauth-migration://`` exports
and ente Auth's plain export.

Every line goes through :func:`desktop_app.intake.classify` -- the same path as a scanned QR code.
Blank lines and lines starting with ``#`` are ignored; any other line that is not a valid link is
listed as skipped with its line number. Google exports split over several codes are checked for
completeness: missing codes are listed as skipped.

ente Auth's plain export is such a list whose links carry a ``codeDisplay`` JSON parameter: its
first tag becomes the group, and entries in ente's trash are skipped. ente's encrypted export
(JSON with ``kdfParams``) is decrypted by :mod:`desktop_app.importers.ente` first.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, unquote

from desktop_app.errors import ImportFormatError
from desktop_app.importers.base import Collector, ImportResult, sniff_json, text_or_none
from desktop_app.intake import PayloadKind, classify
from desktop_app.otp.migration import MigrationBatch, SkippedEntry
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
                parsed = json.loads(value)
            except ValueError:
                return {}
            return parsed if isinstance(parsed, dict) else {}
    return {}


def _same(entry: Entry) -> Entry:
    return entry


def parse_lines(data: bytes, label: str, name: str, *, ente: bool = False) -> ImportResult:
    lines = _lines(data)
    if lines is None:
        raise ImportFormatError(f"The {label} is not UTF-8 text; it may be damaged.")
    out = Collector()
    batches: dict[int, dict[int, MigrationBatch]] = {}
    found_links = False
    for number, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        payload = classify(line)
        if payload.kind is PayloadKind.OTPAUTH:
            found_links = True
            entry = payload.entries[0]
            if ente:
                display = _ente_display(line)
                if display.get("trashed") is True:
                    out.skip(entry.label or f"Line {number}", "It is in ente Auth's trash")
                    continue
                tags = display.get("tags")
                if isinstance(tags, list):
                    first = next((t for t in tags if isinstance(t, str) and t.strip()), "")
                    entry = entry.with_changes(group=first.strip())
            out.add(entry.label, _same, entry)
        elif payload.kind is PayloadKind.MIGRATION and payload.batch is not None:
            found_links = True
            batch = payload.batch
            batches.setdefault(batch.batch_id, {})[batch.batch_index] = batch
            for e in batch.entries:
                out.add(e.label, _same, e)
            out.skipped.extend(batch.skipped)
        else:
            if line.lower().startswith(_OTPAUTH):
                shown = _label_of(line) or f"Line {number}"
            else:
                shown = f"Line {number}"
            found_links = found_links or payload.kind is PayloadKind.INVALID
            out.skip(shown, payload.message.rstrip("."))
    if not found_links:
        raise ImportFormatError(f"The {label} holds no otpauth:// or otpauth-migration:// links.")
    for got in batches.values():
        size = next(iter(got.values())).batch_size
        missing = [i + 1 for i in range(size) if i not in got]
        for m in missing:
            out.skipped.append(
                SkippedEntry(
                    f"Google export code {m} of {size}",
                    "This code of the export is not in the file; its accounts are missing",
                )
            )
    return out.result(label, name)


class OtpauthTextImporter:
    name = "otpauth"
    label = "Text file of otpauth:// links"

    def detect(self, data: bytes) -> bool:
        return any(x.lower().startswith(_OTPAUTH) for x in _link_lines(data))

    def needs_password(self, data: bytes) -> bool:
        return False

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        return parse_lines(data, self.label, self.name)


class GoogleMigrationImporter:
    name = "google"
    label = "Google Authenticator export"

    def detect(self, data: bytes) -> bool:
        links = _link_lines(data)
        return bool(links) and all(x.lower().startswith(_MIGRATION) for x in links)

    def needs_password(self, data: bytes) -> bool:
        return False

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        return parse_lines(data, self.label, self.name)


class EnteImporter:
    name = "ente"
    label = "ente Auth export"

    def detect(self, data: bytes) -> bool:
        from desktop_app.importers.ente import is_encrypted_export

        if is_encrypted_export(sniff_json(data)):
            return True
        return any("codeDisplay=" in x for x in _link_lines(data))

    def needs_password(self, data: bytes) -> bool:
        from desktop_app.importers.ente import is_encrypted_export

        return is_encrypted_export(sniff_json(data))

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        from desktop_app.importers.ente import decrypt, is_encrypted_export

        doc = sniff_json(data)
        if is_encrypted_export(doc):
            data = decrypt(doc, password)
            if not data.strip():
                return Collector().result(self.label, self.name)
        return parse_lines(data, self.label, self.name, ente=True)
