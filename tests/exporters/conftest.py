"""Sample accounts for the importer tests: odd labels, 7/8 digits, SHA256/512, HOTP, Steam.

Codes are checked against RFC 6238 appendix B (t=59, 8 digits) and the Steam vector of the spec.
"""

from __future__ import annotations

import base64

import pytest

from desktop_app.otp.model import Entry, OtpType

RFC_SHA1 = base64.b32encode(b"12345678901234567890").decode().rstrip("=")
RFC_SHA256 = base64.b32encode(b"12345678901234567890" * 1 + b"123456789012").decode().rstrip("=")
RFC_SHA512 = base64.b32encode(b"1234567890" * 6 + b"1234").decode().rstrip("=")
STEAM_SECRET = "63BEDWCQZKTQWPESARIERL5DTTQFCJTK"
SHORT_SECRET = "JBSWY3DPEHPK3PXP"  # 80 bits

# (entry, code at t=59) -- the same accounts are written in every format under test
SAMPLES: list[tuple[Entry, str | None]] = [
    (Entry(secret=RFC_SHA1, issuer="Exämple Bank", name="jöhn@example.com", digits=8), "94287082"),
    (
        Entry(secret=RFC_SHA256, issuer="A:B Corp", name="x+y@z.org", algorithm="SHA256", digits=8),
        "46119246",
    ),
    (Entry(secret=RFC_SHA512, issuer="Big", name="big", algorithm="SHA512", digits=8), "90693936"),
    (Entry(secret=SHORT_SECRET, issuer="Seven", name="s", digits=7, period=60), None),
    (
        Entry(
            secret=SHORT_SECRET + "AAAA",
            issuer="Counter",
            name="c",
            type=OtpType.HOTP,
            counter=12345,
        ),
        None,
    ),
    (Entry(secret=STEAM_SECRET, issuer="Steam", name="gamer", type=OtpType.STEAM, digits=5), None),
]


@pytest.fixture
def samples() -> list[Entry]:
    return [e for e, _ in SAMPLES]


@pytest.fixture
def sample_codes() -> list[str | None]:
    return [c for _, c in SAMPLES]


def same_account(a: Entry, b: Entry) -> bool:
    return (a.secret, a.issuer, a.name, a.type, a.algorithm, a.digits, a.counter) == (
        b.secret,
        b.issuer,
        b.name,
        b.type,
        b.algorithm,
        b.digits,
        b.counter,
    ) and (a.type is OtpType.HOTP or a.period == b.period)


def assert_same_accounts(got: list[Entry], expected: list[Entry]) -> None:
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert same_account(g, e), (g, e)


@pytest.fixture(name="assert_same_accounts")
def _assert_same_accounts_fixture():
    return assert_same_accounts
