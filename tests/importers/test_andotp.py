"""andOTP import: plain JSON, the current encrypted format and the old one."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app import importers
from desktop_app.errors import WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.importers.andotp import encrypt
from desktop_app.otp.model import Entry


def item(e: Entry, tags: list[str] | None = None) -> dict:
    raw = {
        "secret": e.secret,
        "issuer": e.issuer,
        "label": e.name,
        "digits": e.digits,
        "type": e.type.value.upper(),
        "algorithm": e.algorithm,
        "thumbnail": "Default",
        "last_used": 0,
        "used_frequency": 0,
        "tags": tags or [],
    }
    if e.type.value == "hotp":
        raw["counter"] = e.counter
    else:
        raw["period"] = e.period
    return raw


def test_plain_every_field_and_tags(samples, assert_same_accounts) -> None:
    data = json.dumps([item(e, ["Work", "Old"] if i == 2 else None) for i, e in enumerate(samples)])
    result = importers.load(data.encode())
    assert result.format_name == "andotp"
    assert_same_accounts(result.entries, samples)
    assert result.entries[2].group == "Work"


def test_encrypted_current_format(samples, assert_same_accounts) -> None:
    plain = json.dumps([item(e) for e in samples]).encode()
    data = encrypt(plain, "pw", 1500, os.urandom(12), os.urandom(12))
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "other")
    assert_same_accounts(importers.load(data, "pw").entries, samples)


def test_encrypted_old_format(samples, assert_same_accounts) -> None:
    plain = json.dumps([item(e) for e in samples]).encode()
    iv = os.urandom(12)
    data = iv + AESGCM(hashlib.sha256(b"old pw").digest()).encrypt(iv, plain, None)
    assert_same_accounts(importers.load(data, "old pw").entries, samples)
