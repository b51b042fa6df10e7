"""Proton Authenticator JSON export: ``{"version": 1, "entries": [{"id", "content": {"uri",
"entry_type", "name"}, "note"}]}``.

Each ``uri`` is an ``otpauth://`` link and goes through :func:`desktop_app.intake.classify`
(the one path from text to an account); ``name`` fills in an account name the link lacks and
``note`` is kept.
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
)
from desktop_app.importers.readers import load_json, require_list, sniff_json
from desktop_app.intake import PayloadKind, classify
from desktop_app.otp.model import Entry

NAME = "proton"
LABEL: str = N_("Proton Authenticator export")
VERSIONS = (1,)


def _looks(doc: Any) -> bool:
    entries = doc.get("entries") if isinstance(doc, dict) else None
    return (
        isinstance(entries, list)
        and "header" not in doc
        and (not entries or all(isinstance(e, dict) and "content" in e for e in entries))
        and "version" in doc
    )


class ProtonImporter(PlainImporter):
    name = NAME
    label = LABEL
    app = "Proton Authenticator"
    export_hint = "Settings > Export: the .json file."

    def detect(self, data: bytes) -> bool:
        return _looks(sniff_json(data))

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = load_json(data, LABEL, dict)
        version = doc.get("version")
        if version not in VERSIONS or isinstance(version, bool):
            raise ImportFormatError(
                N_(
                    "This Proton Authenticator export has version {version}; this app reads "
                    "version 1.",
                    version=str(version)[:20],
                )
            )
        out = Collector()
        entries = require_list(doc.get("entries"), N_("the Proton entry list"))
        for fallback, raw in out.objects(entries, "Entry"):
            content = raw.get("content")
            if not isinstance(content, dict):
                out.skip(fallback, N_("It has no content"))
                continue
            out.add(display_label(content.get("name"), None, fallback), _entry, raw, content)
        return out.result(LABEL, NAME)


def _entry(raw: dict[str, Any], content: dict[str, Any]) -> Entry:
    uri = get_str(content, "uri").strip()
    payload = classify(uri)
    if payload.kind is not PayloadKind.OTPAUTH:
        raise EntryDataError(payload.message)
    entry = payload.entries[0]
    name = get_str(content, "name").strip()
    return entry.with_changes(
        issuer=entry.issuer or (name if entry.name else ""),
        name=entry.name or name,
        note=get_str(raw, "note"),
    )
