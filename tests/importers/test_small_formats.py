"""Steam maFile, Battle.net, Duo, Proton Authenticator, TOTP Authenticator, KeePassXC CSV:
files built here from each app's documented layout; every entry's code checked."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.importers.battlenet import SECRET_KEY, SERIAL_KEY, mask
from tests.importers.builders import totpauth_encrypt
from tests.importers.vectors import RFC1, RFC256, STEAM_RAW, assert_codes, b32, b64


def prefs(items: dict[str, str]) -> bytes:
    body = "".join(f'<string name="{k}">{escape(v)}</string>' for k, v in items.items())
    return f"<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>{body}</map>".encode()


MAFILE = {
    "shared_secret": b64(STEAM_RAW),
    "serial_number": "1234567890",
    "revocation_code": "R12345",
    "uri": "otpauth://totp/Steam:gamer?secret=XXXX&issuer=Steam",
    "server_time": 1700000000,
    "account_name": "gamer",
    "token_gid": "abc",
    "identity_secret": b64(b"i" * 20),
    "secret_1": b64(b"s" * 20),
    "status": 1,
    "device_id": "android:0000",
    "fully_enrolled": True,
    "Session": {"SteamID": 7656119},
}


def test_steam_mafile_old_and_new_app_files() -> None:
    result = importers.load(json.dumps(MAFILE).encode())
    assert result.format_name == "steam"
    assert [(e.issuer, e.name, e.type.value) for e in result.entries] == [
        ("Steam", "gamer", "steam")
    ]
    assert_codes(result.entries)
    newer = {"accounts": {"7656119": MAFILE, "7656120": {**MAFILE, "account_name": "two"}}}
    result = importers.load(json.dumps(newer).encode())
    assert [e.name for e in result.entries] == ["gamer", "two"]
    assert_codes(result.entries)
    manifest = {"encrypted": True, "first_run": False, "entries": [], "periodic_checking": False}
    with pytest.raises(ImportFormatError, match="manifest"):
        importers.load(json.dumps(manifest).encode())


def test_battle_net() -> None:
    data = prefs({SECRET_KEY: mask(RFC1.hex()), SERIAL_KEY: mask("EU-1234-5678-9012")})
    result = importers.load(data)
    assert result.format_name == "battlenet"
    e = result.entries[0]
    assert (e.issuer, e.name, e.digits) == ("Battle.net", "EU-1234-5678-9012", 8)
    assert_codes(result.entries)


def test_duo() -> None:
    doc = [
        {"name": "Corp VPN", "otpGenerator": {"otpSecret": b32(RFC1)}, "accountType": "OtpAccount"},
        {"name": "Old token", "otpGenerator": {"otpSecret": b32(RFC1), "counter": 3}},
        {"name": "Push only", "otpGenerator": {}},
    ]
    result = importers.load(json.dumps(doc).encode())
    assert result.format_name == "duo"
    assert [(e.issuer, e.type.value) for e in result.entries] == [
        ("Corp VPN", "totp"),
        ("Old token", "hotp"),
    ]
    assert_codes(result.entries)
    assert "Push" in result.skipped[0].reason


def test_proton_authenticator() -> None:
    doc = {
        "version": 1,
        "entries": [
            {"id": "1", "content": {"uri": f"otpauth://totp/GitHub:octo?secret={b32(RFC1)}"
             "&issuer=GitHub&digits=8", "entry_type": "Totp", "name": "GitHub"}, "note": "n1"},
            {"id": "2", "content": {"uri": f"otpauth://totp/plain?secret={b32(RFC256)}"
             "&algorithm=SHA256", "entry_type": "Totp", "name": "Label"}, "note": None},
            {"id": "3", "content": {"uri": "otpauth://totp/x?secret=!!", "entry_type": "Totp",
             "name": "Bad"}},
        ],
    }  # fmt: skip
    result = importers.load(json.dumps(doc).encode())
    assert result.format_name == "proton"
    assert [(e.issuer, e.name, e.note) for e in result.entries] == [
        ("GitHub", "octo", "n1"),
        ("Label", "plain", ""),
    ]
    assert_codes(result.entries)
    assert [s.label for s in result.skipped] == ["Bad"]
    doc["version"] = 7
    with pytest.raises(ImportFormatError, match="version 7"):
        importers.load(json.dumps(doc).encode())


TOTPAUTH_ITEMS = [
    {"issuer": "Hexa", "name": "h", "key": RFC1.hex(), "base": 16},
    {"issuer": "B32", "name": "b", "key": b32(RFC1), "base": 32},
    {"issuer": "B64", "name": "s", "key": b64(RFC1), "base": 64},
    {"issuer": "Odd", "name": "o", "key": "xx", "base": 8},
]


def test_totp_authenticator_backup_default_and_own_password() -> None:
    data = totpauth_encrypt(TOTPAUTH_ITEMS)
    assert not importers.needs_password(data)
    result = importers.load(data)
    assert result.format_name == "totpauth"
    assert [e.issuer for e in result.entries] == ["Hexa", "B32", "B64"]
    assert_codes(result.entries)
    assert "base 8" in result.skipped[0].reason
    own = totpauth_encrypt(TOTPAUTH_ITEMS, "my own")
    assert importers.needs_password(own)
    with pytest.raises(PasswordRequired):
        importers.load(own)
    with pytest.raises(WrongPasswordError):
        importers.load(own, "other")
    assert len(importers.load(own, "my own").entries) == 3


def test_totp_authenticator_internal_xml() -> None:
    listed = json.dumps([json.dumps(i) for i in TOTPAUTH_ITEMS[:3]])
    result = importers.load(prefs({"STATIC_TOTP_CODES_LIST": listed, "other": "1"}))
    assert result.format_name == "totpauth"
    assert_codes(result.entries)


def test_keepassxc_csv() -> None:
    text = (
        '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified",'
        '"Created"\n'
        f'"Root/Work","Mail","me","pw","","","otpauth://totp/Mail:me?secret={b32(RFC1)}'
        '&period=30&digits=6&issuer=Mail","0","",""\n'
        f'"Root","Bare","you","pw","","","{b32(RFC1)}","0","",""\n'
        '"Root","NoTotp","x","pw","","","","0","",""\n'
    )
    result = importers.load(text.encode())
    assert result.format_name == "keepass-csv"
    assert [(e.issuer, e.name, e.group) for e in result.entries] == [
        ("Mail", "me", "Work"),
        ("Bare", "you", ""),
    ]
    assert_codes(result.entries)
    assert "1 item without a TOTP key was ignored." in result.notes
