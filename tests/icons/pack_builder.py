"""Aegis icon packs built in the test: a zip with pack.json and its pictures."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

PACK_UUID = "6d1a6a8b-0f4e-4f2b-9a57-3c0e8b2f1d11"


def svg(color: str, extra: str = "") -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10">'
        f'<rect width="10" height="10" fill="{color}"/>{extra}</svg>'
    ).encode()


def icon(filename: str, *issuers: str, name: str | None = None, category: str = "Services"):
    item: dict[str, Any] = {"filename": filename, "category": category, "issuer": list(issuers)}
    if name is not None:
        item["name"] = name
    return item


DEFAULT_ICONS = [
    icon("SVG/GitHub.svg", "github", name="GitHub"),
    icon("SVG/Google.svg", "google", name="Google"),
    icon("SVG/GoogleCloud.svg", "google cloud", name="Google Cloud"),
    icon("SVG/Blizzard.svg", "blizzard", "battle.net", name="Blizzard"),
]
DEFAULT_FILES = {
    "SVG/GitHub.svg": svg("#000000"),
    "SVG/Google.svg": svg("#ff0000"),
    "SVG/GoogleCloud.svg": svg("#0000ff"),
    "SVG/Blizzard.svg": svg("#00ff00"),
}


def pack_zip(
    *,
    uuid: str = PACK_UUID,
    name: str = "Test Icons",
    version: int = 1,
    icons: list[dict[str, Any]] | None = None,
    files: dict[str, bytes] | None = None,
    pack_json: bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The bytes of a pack; ``pack_json`` replaces the generated pack.json verbatim."""
    doc = {"uuid": uuid, "name": name, "version": version, "icons": icons or DEFAULT_ICONS}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        zf.writestr("pack.json", pack_json if pack_json is not None else json.dumps(doc))
        for path, data in (DEFAULT_FILES if files is None else files).items():
            zf.writestr(path, data)
    return out.getvalue()
