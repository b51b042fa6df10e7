"""Bitwarden JSON export import."""

from __future__ import annotations

import json

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError
from desktop_app.otp.model import OtpType
from desktop_app.otp.uri import build_uri


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


def test_encrypted_export_is_refused() -> None:
    data = json.dumps({"encrypted": True, "encKeyValidation_DO_NOT_EDIT": "x", "data": "y"})
    with pytest.raises(ImportFormatError, match="encrypted"):
        importers.load(data.encode())
