"""Aegis vault import: files built here from the documented format (not by our exporter)."""

from __future__ import annotations

import base64
import json
import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry, OtpType


def aegis_entry(e: Entry, *, version: int = 3, groups: list[str] | None = None) -> dict:
    info: dict = {"secret": e.secret, "algo": e.algorithm, "digits": e.digits}
    if e.type is OtpType.HOTP:
        info["counter"] = e.counter
    else:
        info["period"] = e.period
    raw = {
        "type": e.type.value,
        "uuid": e.uuid,
        "name": e.name,
        "issuer": e.issuer,
        "note": "a note",
        "favorite": False,
        "icon": None,
        "info": info,
    }
    if version >= 3:
        raw["groups"] = groups or []
    else:
        raw["group"] = None
    return raw


def content(entries: list[dict], version: int = 3, groups: list[dict] | None = None) -> dict:
    doc: dict = {"version": version, "entries": entries}
    if version >= 3:
        doc["groups"] = groups or []
    return doc


def plain_file(db: dict) -> bytes:
    return json.dumps({"version": 1, "header": {"slots": None, "params": None}, "db": db}).encode()


def encrypted_file(db: dict, password: str, n: int = 2**10) -> bytes:
    """Encrypt as documented: random master key; AES-256-GCM; scrypt password slot."""
    master = os.urandom(32)
    salt = os.urandom(32)
    derived = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(password.encode())
    slot_nonce = os.urandom(12)
    wrapped = AESGCM(derived).encrypt(slot_nonce, master, None)
    nonce = os.urandom(12)
    sealed = AESGCM(master).encrypt(nonce, json.dumps(db).encode(), None)
    header = {
        "slots": [
            {"type": 2, "uuid": "bio", "key": "00" * 32, "key_params": {"nonce": "", "tag": ""}},
            {
                "type": 1,
                "uuid": "0b4b3d5e-2f1c-4c0e-9b7e-1c2d3e4f5a6b",
                "key": wrapped[:-16].hex(),
                "key_params": {"nonce": slot_nonce.hex(), "tag": wrapped[-16:].hex()},
                "n": n,
                "r": 8,
                "p": 1,
                "salt": salt.hex(),
                "repaired": True,
            },
        ],
        "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()},
    }
    return json.dumps(
        {"version": 1, "header": header, "db": base64.b64encode(sealed[:-16]).decode()}
    ).encode()


def test_plain_v3_every_field_and_groups(samples, sample_codes, assert_same_accounts) -> None:
    groups = [{"uuid": "g-work", "name": "Work"}, {"uuid": "g-home", "name": "Home"}]
    raws = [aegis_entry(e) for e in samples]
    raws[0]["groups"] = ["g-work"]
    raws[1]["groups"] = ["g-home", "g-work"]
    raws[2]["favorite"] = True
    result = importers.load(plain_file(content(raws, groups=groups)))
    assert result.format_label == "Aegis vault"
    assert result.skipped == []
    assert_same_accounts(result.entries, samples)
    got = result.entries
    assert [e.uuid for e in got] == [e.uuid for e in samples]  # Aegis uuids are kept
    assert got[0].group == "Work"
    assert got[1].group == "Home" and got[1].meta["aegis.groups"] == "Work"
    assert got[2].meta["aegis.favorite"] == "1"
    assert all(e.note == "a note" for e in got)
    for entry, code in zip(got, sample_codes, strict=True):
        if code:
            assert code_at(entry, 59) == code
    steam = got[5]
    assert code_at(steam, 1511200518) == "FR8RV"


@pytest.mark.parametrize("version", [1, 2])
def test_plain_old_content_versions_use_group_names(samples, version, assert_same_accounts) -> None:
    raws = [aegis_entry(e, version=version) for e in samples]
    raws[3]["group"] = "Finance"
    result = importers.load(plain_file(content(raws, version=version)))
    assert_same_accounts(result.entries, samples)
    assert result.entries[3].group == "Finance"
    assert result.entries[0].group == ""


def test_encrypted_with_aegis_default_parameters(samples, assert_same_accounts) -> None:
    data = encrypted_file(content([aegis_entry(e) for e in samples]), "hunter2 ü", n=32768)
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    result = importers.load(data, "hunter2 ü")
    assert_same_accounts(result.entries, samples)


def test_encrypted_wrong_password_and_damage(samples) -> None:
    data = encrypted_file(content([aegis_entry(e) for e in samples]), "right")
    with pytest.raises(WrongPasswordError, match="Wrong password"):
        importers.load(data, "wrong")
    doc = json.loads(data)
    db = bytearray(base64.b64decode(doc["db"]))
    db[5] ^= 1
    doc["db"] = base64.b64encode(bytes(db)).decode()
    with pytest.raises(ImportFormatError, match="damaged"):
        importers.load(json.dumps(doc).encode(), "right")
    with pytest.raises(ImportFormatError, match=r"truncated|damaged"):
        importers.load(data[: len(data) // 2], "right")


def test_unsupported_versions_are_named() -> None:
    doc = json.loads(plain_file(content([])))
    doc["version"] = 2
    with pytest.raises(ImportFormatError, match="version 2"):
        importers.load(json.dumps(doc).encode())
    with pytest.raises(ImportFormatError, match="versions 1 to 3"):
        importers.load(plain_file(content([], version=4)))


def test_bad_entries_are_skipped_with_reasons(samples) -> None:
    good = aegis_entry(samples[0])
    bad_secret = aegis_entry(samples[1])
    bad_secret["info"]["secret"] = "not base32 !!"
    yandex = aegis_entry(samples[2])
    yandex["type"] = "yandex"
    bad_digits = aegis_entry(samples[3])
    bad_digits["info"]["digits"] = 11
    md5 = aegis_entry(samples[0])
    md5["info"]["algo"] = "MD5"
    result = importers.load(plain_file(content([good, bad_secret, yandex, bad_digits, md5])))
    assert [e.issuer for e in result.entries] == ["Exämple Bank"]
    reasons = {s.label: s.reason for s in result.skipped}
    assert "Base32" in reasons["A:B Corp: x+y@z.org"]
    assert "yandex" in reasons["Big: big"].lower()
    assert "Digits" in reasons["Seven: s"]
    assert len(result.skipped) == 4
    assert "MD5" in result.skipped[-1].reason


def test_repeated_uuids_become_unique(samples) -> None:
    a = aegis_entry(samples[0])
    b = aegis_entry(samples[1])
    b["uuid"] = a["uuid"]
    result = importers.load(plain_file(content([a, b])))
    assert len({e.uuid for e in result.entries}) == 2


def test_icons_are_imported_and_kept_encrypted_in_the_vault(samples, vault, data_dir) -> None:
    from desktop_app.vault import Vault

    png = b"\x89PNG\r\n\x1a\n" + b"\x01" * 40
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect/></svg>'
    raws = [aegis_entry(e) for e in samples[:4]]
    raws[0].update(icon=base64.b64encode(png).decode(), icon_mime="image/png")
    raws[1].update(icon=base64.b64encode(svg).decode(), icon_mime="image/svg+xml")
    raws[2].update(icon=base64.b64encode(b"x" * (300 * 1024)).decode(), icon_mime="image/png")
    result = importers.load(plain_file(content(raws)))
    icons = [e.icon for e in result.entries]
    assert icons[0] is not None and (icons[0].mime, icons[0].data) == ("image/png", png)
    assert icons[1] is not None and icons[1].mime == "image/svg+xml"
    assert icons[2] is None and icons[3] is None  # too large: the entry comes in without it
    assert "left out" in result.notes[0]
    importers.import_into(vault, plain_file(content(raws)))
    assert png not in vault.path.read_bytes()  # inside the encrypted payload only
    vault.close()
    again = Vault.open_with_password(data_dir, "test-password")
    try:
        by_issuer = {e.issuer: e for e in again.entries()}
        got = by_issuer[samples[0].issuer].icon
        assert got is not None and got.data == png
    finally:
        again.close()
