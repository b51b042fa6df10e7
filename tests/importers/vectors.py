"""Known-answer vectors every importer test checks its entries against.

RFC 6238 appendix B (TOTP at t = 59, SHA1/SHA256/SHA512 secrets), RFC 4226 appendix D (HOTP
counters 0-9) and the Steam vector of ../shared/specs/otp-formats.md. Every entry a test file
holds uses one of these secrets, so :func:`assert_codes` can check the code of every imported
entry, not only that fields were copied.
"""

from __future__ import annotations

import base64

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry, OtpType

RFC1 = b"12345678901234567890"
RFC256 = b"12345678901234567890123456789012"
RFC512 = b"1234567890" * 6 + b"1234"
STEAM_B32 = "63BEDWCQZKTQWPESARIERL5DTTQFCJTK"
STEAM_RAW = base64.b32decode(STEAM_B32)


def b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode().rstrip("=")


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


TOTP_AT_59 = {
    (RFC1, 8): "94287082",
    (RFC1, 6): "287082",
    (RFC256, 8): "46119246",
    (RFC256, 6): "119246",
    (RFC512, 8): "90693936",
    (RFC512, 6): "693936",
}
ALGORITHM_OF = {RFC1: "SHA1", RFC256: "SHA256", RFC512: "SHA512"}
HOTP_RFC4226 = [
    "755224", "287082", "359152", "969429", "338314",
    "254676", "287922", "162583", "399871", "520489",
]  # fmt: skip


def assert_codes(entries: list[Entry]) -> None:
    """Every entry generates the published code of its vector (and there is at least one)."""
    assert entries
    for e in entries:
        raw = base64.b32decode(e.secret + "=" * (-len(e.secret) % 8))
        if e.type is OtpType.STEAM:
            assert raw == STEAM_RAW, e
            assert code_at(e, 1511200518) == "FR8RV"
            assert code_at(e, 1511200714) == "9P3VP"
        elif e.type is OtpType.HOTP:
            assert raw == RFC1 and e.algorithm == "SHA1", e
            assert code_at(e) == HOTP_RFC4226[e.counter][-e.digits :]
        else:
            assert e.period == 30, e
            assert e.algorithm == ALGORITHM_OF[raw], e
            assert code_at(e, 59) == TOTP_AT_59[(raw, e.digits)], e
