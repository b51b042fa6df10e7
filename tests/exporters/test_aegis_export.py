"""Aegis export: the documented file layout, and vault -> Aegis -> vault loses nothing."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app import importers
from desktop_app.exporters.aegis import export_encrypted, export_plain
from desktop_app.exporters.registry import write_export
from desktop_app.otp.model import Entry
from desktop_app.vault import Vault


def fill(vault: Vault, samples) -> None:
    rich = [
        samples[0].with_changes(
            group="Work",
            note="recovery codes in the safe",
            meta={"emnify.state": "active", "aegis.favorite": "1"},
        ),
        samples[1].with_changes(group="Work", meta={"aegis.groups": "Home\nTravel"}),
        *samples[2:],
    ]
    vault.add_many(rich)


def decrypt_as_documented(data: bytes, password: str) -> dict:
    """Independent reader following the spec (not the app's importer)."""
    doc = json.loads(data)
    assert doc["version"] == 1
    (slot,) = doc["header"]["slots"]
    assert (slot["type"], slot["n"], slot["r"], slot["p"]) == (1, 32768, 8, 1)
    assert len(bytes.fromhex(slot["salt"])) == 32
    derived = Scrypt(salt=bytes.fromhex(slot["salt"]), length=32, n=slot["n"], r=8, p=1).derive(
        password.encode()
    )
    kp = slot["key_params"]
    master = AESGCM(derived).decrypt(
        bytes.fromhex(kp["nonce"]), bytes.fromhex(slot["key"]) + bytes.fromhex(kp["tag"]), None
    )
    params = doc["header"]["params"]
    plain = AESGCM(master).decrypt(
        bytes.fromhex(params["nonce"]),
        base64.b64decode(doc["db"]) + bytes.fromhex(params["tag"]),
        None,
    )
    return json.loads(plain)


def test_encrypted_export_round_trip_loses_nothing(vault, samples, tmp_path) -> None:
    fill(vault, samples)
    out = tmp_path / "backup.json"
    write_export("aegis", vault.entries(), out, "correct horse ü")
    assert out.stat().st_mode & 0o077 == 0
    content = decrypt_as_documented(out.read_bytes(), "correct horse ü")
    assert content["version"] == 3
    assert {g["name"] for g in content["groups"]} == {"Work", "Home", "Travel"}
    steam = next(e for e in content["entries"] if e["type"] == "steam")
    assert steam["info"] == {"secret": samples[5].secret, "algo": "SHA1", "digits": 5, "period": 30}
    hotp = next(e for e in content["entries"] if e["type"] == "hotp")
    assert hotp["info"]["counter"] == 12345

    other = Vault.open_with_password(tmp_path / "second", "pw")
    try:
        result = importers.load_file(out, "correct horse ü")
        assert result.skipped == []
        other.add_many(result.entries)
        # what the accounts are; not when and where each vault stamped them (issue 21)
        assert [_content(e) for e in other.entries()] == [_content(e) for e in vault.entries()]
    finally:
        other.close()


def test_plain_export_round_trip_and_layout(vault, samples) -> None:
    fill(vault, samples)
    data = export_plain(vault.entries())
    doc = json.loads(data)
    assert doc["header"] == {"slots": None, "params": None}
    assert doc["db"]["version"] == 3
    back = importers.load(data).entries
    # order is assigned by the vault when the entries are added
    assert [e.with_changes(order=0) for e in back] == [
        e.with_changes(order=0) for e in vault.entries()
    ]


def test_encrypted_export_needs_password(samples) -> None:
    with pytest.raises(ValueError):
        export_encrypted(samples, "")
    data = export_encrypted(samples, "x", scrypt_n=4)
    assert importers.needs_password(data)


def test_account_pictures_travel_with_the_export(samples) -> None:
    from desktop_app.otp.model import Icon

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    with_icon = samples[0].with_changes(icon=Icon("image/png", png))
    doc = json.loads(export_plain([with_icon, samples[1]]))
    first, second = doc["db"]["entries"]
    assert (first["icon_mime"], base64.b64decode(first["icon"])) == ("image/png", png)
    assert len(first["icon_hash"]) == 64 and second["icon"] is None
    back = importers.load(export_encrypted([with_icon], "pw", scrypt_n=4), "pw").entries
    assert back[0].icon == Icon("image/png", png)


def test_the_icon_hash_is_computed_as_aegis_computes_it(samples) -> None:
    """Aegis's VaultEntryIcon.generateHash: SHA-256 over the MIME type, then the picture."""
    import hashlib

    from desktop_app.otp.model import Icon

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
    doc = json.loads(export_plain([samples[0].with_changes(icon=Icon("image/svg+xml", svg))]))
    entry = doc["db"]["entries"][0]
    assert entry["icon_mime"] == "image/svg+xml"
    assert entry["icon_hash"] == hashlib.sha256(b"image/svg+xml" + svg).hexdigest()
    assert entry["icon_hash"] != hashlib.sha256(svg).hexdigest()


def test_a_picture_aegis_cannot_read_stays_out_of_its_fields_but_comes_back(samples) -> None:
    """Aegis refuses an entry whose icon_mime is not SVG, PNG or JPEG; a GIF or WebP icon
    (imported from another app) travels in this app's own object instead."""
    from desktop_app.importers.aegis import EXTRA_KEY
    from desktop_app.otp.model import Icon

    gif = Icon("image/gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    doc = json.loads(export_plain([samples[0].with_changes(icon=gif)]))
    entry = doc["db"]["entries"][0]
    assert entry["icon"] is None and "icon_mime" not in entry
    assert entry[EXTRA_KEY]["icon"]["mime"] == "image/gif"
    back = importers.load(
        export_encrypted([samples[0].with_changes(icon=gif)], "pw", scrypt_n=4), "pw"
    )
    assert back.entries[0].icon == gif


def _content(entry: Entry) -> dict[str, object]:
    return {k: v for k, v in entry.to_dict().items() if k not in ("stamps", "history")}
