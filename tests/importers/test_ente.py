"""ente Auth's encrypted export, encrypted here as ente does (libsodium Argon2id +
crypto_secretstream_xchacha20poly1305). ente's own parameters (1 GiB x 4 passes, or the same
work with less memory) take seconds; the tests use smaller parameters of the same kind."""

from __future__ import annotations

import json
import os

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers import PasswordRequired
from desktop_app.importers.ente import encrypt
from tests.importers.vectors import RFC1, RFC512, assert_codes, b32

PLAIN = (
    f"otpauth://totp/GitHub:octo?secret={b32(RFC1)}&issuer=GitHub&digits=8"
    "&codeDisplay=%7B%22pinned%22%3Afalse%2C%22trashed%22%3Afalse%2C%22tags%22%3A%5B%22Dev%22%5D%7D\n"
    f"otpauth://totp/Big:b?secret={b32(RFC512)}&algorithm=SHA512&issuer=Big\n"
).encode()


def test_encrypted_export() -> None:
    data = encrypt(PLAIN, "ente pw", ops=2, mem=8 * 1024 * 1024, salt=os.urandom(16))
    assert importers.needs_password(data)
    with pytest.raises(PasswordRequired):
        importers.load(data)
    with pytest.raises(WrongPasswordError):
        importers.load(data, "wrong")
    result = importers.load(data, "ente pw")
    assert result.format_name == "ente"
    assert [(e.issuer, e.group) for e in result.entries] == [("GitHub", "Dev"), ("Big", "")]
    assert_codes(result.entries)


def test_hostile_or_damaged_parameters() -> None:
    doc = json.loads(encrypt(PLAIN, "pw", ops=1, mem=8192 * 1024, salt=bytes(16)))
    for params in ({"memLimit": 1 << 34, "opsLimit": 4}, {"memLimit": 1 << 30, "opsLimit": 64}):
        bad = dict(doc, kdfParams=dict(doc["kdfParams"], **params))
        with pytest.raises(ImportFormatError, match="key-derivation"):
            importers.load(json.dumps(bad).encode(), "pw")
    bad = dict(doc, encryptionNonce="AAAA")
    with pytest.raises(ImportFormatError, match="nonce"):
        importers.load(json.dumps(bad).encode(), "pw")
    bad = dict(doc, version=2)
    with pytest.raises(ImportFormatError, match="version 2"):
        importers.load(json.dumps(bad).encode(), "pw")
