"""2FAS import: plain and encrypted files built here from the documented format."""

from __future__ import annotations

import base64
import json
import os

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.otp.model import Entry, OtpType


def service(e: Entry, group: str | None = None) -> dict:
    return {
        "name": e.issuer,
        "secret": e.secret.lower(),
        "updatedAt": 1700000000000,
        "otp": {
            "label": f"{e.issuer}:{e.name}",
            "account": e.name,
            "issuer": e.issuer,
            "digits": e.digits,
            "period": e.period,
            "algorithm": e.algorithm,
            "tokenType": e.type.value.upper(),
            "counter": e.counter,
            "source": "Link",
        },
        "order": {"position": 0},
        "icon": {"selected": "Label", "label": {"text": "XX", "backgroundColor": "Red"}},
        "groupId": group,
    }


GROUPS = [{"id": "g1", "name": "Work", "isExpanded": True}]


def plain(services: list[dict]) -> bytes:
    return json.dumps(
        {
            "services": services,
            "groups": GROUPS,
            "updatedAt": 1,
            "schemaVersion": 4,
            "appVersionCode": 5000000,
            "appVersionName": "5.0.0",
            "appOrigin": "android",
        }
    ).encode()


def encrypted(services: list[dict], password: str) -> bytes:
    salt, iv = os.urandom(256), os.urandom(12)
    key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10_000).derive(
        password.encode()
    )
    sealed = AESGCM(key).encrypt(iv, json.dumps(services).encode(), None)
    blob = ":".join(base64.b64encode(x).decode() for x in (sealed, salt, iv))
    return json.dumps(
        {
            "services": [],
            "groups": GROUPS,
            "schemaVersion": 4,
            "appOrigin": "ios",
            "servicesEncrypted": blob,
            "reference": blob,
        }
    ).encode()


def test_plain_every_field(samples, assert_same_accounts) -> None:
    data = plain([service(e, "g1" if i == 0 else None) for i, e in enumerate(samples)])
    result = importers.load(data)
    assert result.format_name == "2fas"
    assert_same_accounts(result.entries, samples)
    assert result.entries[0].group == "Work"
    assert result.entries[1].group == ""
    assert result.entries[5].type is OtpType.STEAM


def test_encrypted_password_and_errors(samples, assert_same_accounts) -> None:
    data = encrypted([service(e) for e in samples], "pässword")
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "nope")
    assert_same_accounts(importers.load(data, "pässword").entries, samples)
    doc = json.loads(data)
    doc["servicesEncrypted"] = "abc:def"
    with pytest.raises(ImportFormatError, match="three fields"):
        importers.load(json.dumps(doc).encode(), "pässword")


def test_newer_schema_is_refused_and_bad_entry_skipped(samples) -> None:
    doc = json.loads(plain([service(samples[0])]))
    doc["schemaVersion"] = 9
    with pytest.raises(ImportFormatError, match="schema version 9"):
        importers.load(json.dumps(doc).encode())
    bad = service(samples[1])
    bad["secret"] = "1111"
    bad["otp"]["digits"] = "eight"
    result = importers.load(plain([service(samples[0]), bad]))
    assert len(result.entries) == 1
    assert result.skipped[0].label == "A:B Corp: x+y@z.org"
