"""FreeOTP+ JSON import (secrets as signed byte arrays)."""

from __future__ import annotations

import base64
import json

from desktop_app import importers
from desktop_app.importers.freeotp import secret_to_signed_bytes
from desktop_app.otp.model import Entry, OtpType


def token(e: Entry) -> dict:
    raw = base64.b32decode(e.secret + "=" * (-len(e.secret) % 8))
    return {
        "algo": e.algorithm,
        "counter": e.counter,
        "digits": e.digits,
        "issuerExt": e.issuer,
        "issuerInt": e.issuer,
        "label": e.name,
        "period": e.period,
        "secret": secret_to_signed_bytes(raw),
        "type": e.type.value.upper(),
    }


def test_every_field(samples, assert_same_accounts) -> None:
    chosen = samples[:5]  # FreeOTP+ has no Steam tokens
    doc = {
        "tokenOrder": [f"{e.issuer}:{e.name}" for e in chosen],
        "tokens": [token(e) for e in chosen],
    }
    assert any(b < 0 for b in doc["tokens"][3]["secret"])  # high bytes are negative
    result = importers.load(json.dumps(doc).encode())
    assert result.format_name == "freeotp"
    assert_same_accounts(result.entries, chosen)


def test_steam_tokens(samples) -> None:
    steam = token(samples[5])
    steam["type"] = "TOTP"
    doc = {"tokenOrder": [], "tokens": [steam]}
    (entry,) = importers.load(json.dumps(doc).encode()).entries
    assert entry.type is OtpType.STEAM and entry.secret == samples[5].secret


def test_bad_secret_bytes_skipped(samples) -> None:
    bad = token(samples[0])
    bad["secret"] = [1, 2, 999]
    doc = {"tokenOrder": [], "tokens": [bad, token(samples[1])]}
    result = importers.load(json.dumps(doc).encode())
    assert len(result.entries) == 1
    assert "bytes" in result.skipped[0].reason
