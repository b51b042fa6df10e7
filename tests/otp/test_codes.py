"""Code generation on the published vectors (RFC 4226, RFC 6238, Steam) and 80-bit secrets."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct

import pytest

from desktop_app.errors import OtpError
from desktop_app.otp.codes import code_at, group_code, next_code, seconds_remaining, verify
from desktop_app.otp.model import Entry, OtpType


def b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode().rstrip("=")


RFC4226_SECRET = b32(b"12345678901234567890")
RFC4226 = [
    "755224",
    "287082",
    "359152",
    "969429",
    "338314",
    "254676",
    "287922",
    "162583",
    "399871",
    "520489",
]


@pytest.mark.parametrize("counter,expected", list(enumerate(RFC4226)))
def test_rfc4226_hotp(counter: int, expected: str) -> None:
    entry = Entry(secret=RFC4226_SECRET, type=OtpType.HOTP, counter=counter)
    assert code_at(entry) == expected


SEEDS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
RFC6238 = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize("t,sha1,sha256,sha512", RFC6238)
def test_rfc6238_totp(t: int, sha1: str, sha256: str, sha512: str) -> None:
    for algorithm, expected in (("SHA1", sha1), ("SHA256", sha256), ("SHA512", sha512)):
        entry = Entry(secret=b32(SEEDS[algorithm]), algorithm=algorithm, digits=8)
        assert code_at(entry, t) == expected, algorithm


def test_steam_vector() -> None:
    entry = Entry(secret="63BEDWCQZKTQWPESARIERL5DTTQFCJTK", type=OtpType.STEAM, digits=5)
    assert code_at(entry, 1511200518) == "FR8RV"
    assert code_at(entry, 1511200714) == "9P3VP"


def _reference_totp(raw: bytes, t: int, digits: int = 6, period: int = 30) -> str:
    mac = hmac.new(raw, struct.pack(">Q", t // period), hashlib.sha1).digest()
    offset = mac[-1] & 0xF
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


@pytest.mark.parametrize("t", [0, 59, 1_700_000_000, 1_700_000_029, 4_000_000_000])
def test_80_bit_secret_works(t: int) -> None:
    raw = bytes(range(10))  # 80 bits, what many services still issue
    secret = b32(raw)
    assert len(secret) == 16
    entry = Entry(secret=secret)
    assert code_at(entry, t) == _reference_totp(raw, t)


def test_seven_and_ten_digits_and_custom_period() -> None:
    raw = b"12345678901234567890"
    seven = Entry(secret=b32(raw), digits=7, period=60)
    assert code_at(seven, 1_000_000) == _reference_totp(raw, 1_000_000, 7, 60)
    ten = Entry(secret=b32(raw), digits=10)
    assert len(code_at(ten, 59)) == 10


def test_next_code_is_the_following_step() -> None:
    entry = Entry(secret=RFC4226_SECRET)
    assert next_code(entry, 0) == code_at(entry, 30)
    hotp = Entry(secret=RFC4226_SECRET, type=OtpType.HOTP, counter=3)
    assert next_code(hotp) == RFC4226[4]


def test_seconds_remaining() -> None:
    entry = Entry(secret=RFC4226_SECRET, period=30)
    assert seconds_remaining(entry, 60) == 30
    assert seconds_remaining(entry, 89.5) == pytest.approx(0.5)
    assert seconds_remaining(Entry(secret=RFC4226_SECRET, type=OtpType.HOTP)) == 0


def test_verify_accepts_one_step_of_drift() -> None:
    entry = Entry(secret=b32(SEEDS["SHA1"]))
    code = code_at(entry, 1000)
    assert verify(entry, code, 1000 + 30)
    assert verify(entry, code, 1000 - 30)
    assert not verify(entry, code, 1000 + 90)


@pytest.mark.parametrize(
    "code,grouped",
    [("123456", "123 456"), ("1234567", "123 4567"), ("12345678", "1234 5678"), ("FR8RV", "FR8RV")],
)
def test_group_code(code: str, grouped: str) -> None:
    assert group_code(code) == grouped


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"digits": 5}, "digits"),
        ({"digits": 11}, "digits"),
        ({"algorithm": "MD5"}, "algorithm"),
        ({"period": 0}, "period"),
        ({"counter": -1}, "counter"),
        ({"type": OtpType.STEAM, "digits": 6}, "digits"),
    ],
)
def test_invalid_entries_name_the_field(changes: dict, field: str) -> None:
    with pytest.raises(OtpError) as info:
        Entry(secret=RFC4226_SECRET, **changes)
    assert info.value.field == field


def test_repr_never_shows_the_secret() -> None:
    entry = Entry(secret=RFC4226_SECRET, issuer="ACME", name="bob")
    assert RFC4226_SECRET not in repr(entry)
    assert RFC4226_SECRET not in str(entry)


def test_steam_accepts_short_secrets_and_long_periods() -> None:
    short = Entry(secret="JBSWY3DPEHPK3PXP", type=OtpType.STEAM, digits=5)  # 80 bits
    code = code_at(short, 1_000_000)
    assert len(code) == 5 and set(code) <= set("23456789BCDFGHJKMNPQRTVWXY")
    slow = Entry(secret="JBSWY3DPEHPK3PXP", type=OtpType.STEAM, digits=5, period=300)
    assert code_at(slow, 0) == code_at(slow, 299) != code_at(slow, 300)
    assert code_at(slow, 300) == code_at(short, 30)  # the same time step, 1


@pytest.mark.parametrize("period", [121, 3600, 86_400])
@pytest.mark.parametrize("algorithm", ["SHA1", "SHA256"])
def test_periods_beyond_pyotps_limit_give_rfc6238_codes(period: int, algorithm: str) -> None:
    raw = bytes(range(10))  # an 80-bit secret
    entry = Entry(secret=b32(raw), period=period, algorithm=algorithm, digits=8)
    for t in (0, period - 1, period, 1_700_000_000):
        digest = hashlib.sha1 if algorithm == "SHA1" else hashlib.sha256
        mac = hmac.new(raw, struct.pack(">Q", t // period), digest).digest()
        offset = mac[-1] & 0xF
        value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
        assert code_at(entry, t) == str(value % 10**8).zfill(8), t
    assert next_code(entry, 0) == code_at(entry, period)
    assert seconds_remaining(entry, 1) == period - 1


@pytest.mark.parametrize("period", [0, -30, 86_401, 10**9])
def test_periods_outside_the_supported_range_are_refused(period: int) -> None:
    with pytest.raises(OtpError, match="period"):
        Entry(secret=RFC4226_SECRET, period=period)
