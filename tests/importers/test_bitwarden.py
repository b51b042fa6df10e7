"""Bitwarden exports: JSON, password-protected JSON (encrypted here as Bitwarden does: PBKDF2 or
Argon2id, HKDF-stretched keys, AES-CBC + HMAC EncStrings) and CSV."""

from __future__ import annotations

import json

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.otp.model import OtpType
from desktop_app.otp.uri import build_uri
from tests.importers.builders import encrypt_protected


def export(items: list[dict]) -> bytes:
    return json.dumps(
        {"encrypted": False, "folders": [{"id": "f1", "name": "Work"}], "items": items}
    ).encode()


def login_item(name: str, username: str, totp: str | None, folder: str | None = None) -> dict:
    return {
        "id": name,
        "organizationId": None,
        "folderId": folder,
        "type": 1,
        "name": name,
        "notes": None,
        "favorite": False,
        "login": {"username": username, "password": "pw-not-imported", "totp": totp, "uris": []},
    }


def test_uri_bare_secret_steam_and_folders(samples, assert_same_accounts) -> None:
    items = [login_item(e.issuer, e.name, build_uri(e), "f1") for e in samples[:5]]
    items.append(login_item("Steam", "gamer", "steam://" + samples[5].secret))
    items.append(login_item("Bare", "me", samples[0].secret.lower()))
    items.append(login_item("No 2FA", "x", None))
    items.append({"type": 2, "name": "A secure note"})
    result = importers.load(export(items))
    assert result.format_name == "bitwarden"
    assert_same_accounts(result.entries[:6], samples)
    assert result.entries[0].group == "Work"
    assert result.entries[5].type is OtpType.STEAM
    bare = result.entries[6]
    assert (bare.issuer, bare.name, bare.digits, bare.period) == ("Bare", "me", 6, 30)
    assert result.notes == ["2 items without a TOTP key were ignored."]


def test_uri_without_label_takes_item_name_and_bad_totp_skipped(samples) -> None:
    uri = f"otpauth://totp/?secret={samples[0].secret}"
    items = [login_item("Item", "user@x", uri), login_item("Broken", "u", "otpauth://totp/x?s=1")]
    result = importers.load(export(items))
    assert (result.entries[0].issuer, result.entries[0].name) == ("Item", "user@x")
    assert result.skipped[0].label == "Broken: u"
    assert "no secret" in result.skipped[0].reason


def test_account_encrypted_export_is_refused_with_the_way_out() -> None:
    data = json.dumps({"encrypted": True, "encKeyValidation_DO_NOT_EDIT": "x", "data": "y"})
    with pytest.raises(ImportFormatError, match="account's key"):
        importers.load(data.encode())


def _vector_items() -> list[dict]:
    from tests.importers.vectors import RFC1, b32

    return [
        login_item("Mail", "me", f"otpauth://totp/Mail:me?secret={b32(RFC1)}&digits=8", "f1"),
        login_item("Bare", "you", b32(RFC1)),
        login_item("Nothing", "x", None),
    ]


@pytest.mark.parametrize(
    "kdf", [{"kdf": 0, "iterations": 600_000}, {"kdf": 1, "iterations": 3, "memory": 64}]
)
def test_password_protected_export(kdf) -> None:
    from tests.importers.vectors import assert_codes

    doc = encrypt_protected(export(_vector_items()), "file pässword", "c2FsdHk=", **kdf)
    data = json.dumps(doc).encode()
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "wrong")
    result = importers.load(data, "file pässword")
    assert [(e.issuer, e.group) for e in result.entries] == [("Mail", "Work"), ("Bare", "")]
    assert_codes(result.entries)
    tampered = dict(doc, data=doc["data"][:-8] + "AAAAAAA=")
    with pytest.raises(ImportFormatError, match="damaged"):
        importers.load(json.dumps(tampered).encode(), "file pässword")


@pytest.mark.parametrize(
    "params",
    [
        {"kdfType": 0, "kdfIterations": 100_000_000},
        {"kdfType": 1, "kdfIterations": 3, "kdfMemory": 65536, "kdfParallelism": 4},
        {"kdfType": 1, "kdfIterations": 1000, "kdfMemory": 64, "kdfParallelism": 4},
        {"kdfType": 1, "kdfIterations": 3, "kdfMemory": 64, "kdfParallelism": 255},
    ],
)
def test_hostile_key_derivation_is_refused_at_once(params) -> None:
    doc = encrypt_protected(export([]), "pw", "salt", kdf=0, iterations=1000)
    doc.update(params)
    with pytest.raises(ImportFormatError, match="key-derivation"):
        importers.load(json.dumps(doc).encode(), "pw")


def test_csv_export() -> None:
    from tests.importers.vectors import RFC1, assert_codes, b32

    text = (
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        "login_password,login_totp\n"
        f"Work,1,login,Mail,,,0,https://m.example,me,pw,otpauth://totp/Mail:me?secret={b32(RFC1)}\n"
        f',,login,"Bare, Inc",,,0,,you,pw,{b32(RFC1)}\n'
        ",,login,Plain,,,0,,x,pw,\n"
        ",,note,A note,text,,0,,,,\n"
    )
    result = importers.load(text.encode())
    assert result.format_name == "bitwarden-csv"
    assert [(e.issuer, e.name, e.group) for e in result.entries] == [
        ("Mail", "me", "Work"),
        ("Bare, Inc", "you", ""),
    ]
    assert_codes(result.entries)
    assert result.notes == ["2 items without a TOTP key were ignored."]
