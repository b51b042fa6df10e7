"""Code generation for TOTP (RFC 6238), HOTP (RFC 4226) and Steam Guard.

pyotp >= 2.12 refuses secrets under 112 bits and fewer than 6 digits; real services issue 80-bit
secrets, so the generators below lower the minimum; Steam Guard codes come from pyotp's own
``contrib.Steam`` (5 characters from Steam's alphabet), the only Steam implementation here.

Periods: pyotp refuses more than 120 s (NIST SP 800-63B's limit for a new authenticator). The
app reads what is already in use, so it supports 1 to 86,400 s (a day), the range the entry
model validates at every way in (links, the Add dialog, every importer): most services use 30
or 60 s, some hardware tokens and enterprise systems longer ones, and a period beyond a day no
longer works as a time-based code. The generators take any period of that range: only the
counter depends on it (``code_at`` computes it, pyotp's ``generate_otp`` takes it).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import time
from functools import lru_cache
from typing import Any, ClassVar

import pyotp
from pyotp.contrib import Steam

from desktop_app.errors import OtpError
from desktop_app.i18n import N_
from desktop_app.otp.model import MIN_SECRET_BITS, Entry, OtpType

_DIGESTS: dict[str, Any] = {
    "SHA1": hashlib.sha1,
    "SHA256": hashlib.sha256,
    "SHA512": hashlib.sha512,
}


def _decode_b32(secret: str) -> bytes:
    return base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)


class _ShortSecretMixin:
    min_secret_length_bits: ClassVar[int] = MIN_SECRET_BITS


class Hotp(_ShortSecretMixin, pyotp.HOTP):
    """pyotp HOTP that accepts 80-bit secrets."""


class Totp(_ShortSecretMixin, pyotp.TOTP):
    """pyotp TOTP that accepts 80-bit secrets and any period the entry model allows (pyotp
    itself stops at 120 s)."""

    def __init__(self, s: str, *, digits: int, digest: Any, interval: int = 30) -> None:
        super().__init__(s, digits=digits, digest=digest, interval=min(interval, 120))
        self.interval = interval


class SteamTotp(_ShortSecretMixin, Steam):
    """pyotp's Steam Guard generator (TOTP/SHA1, 5 characters from Steam's alphabet), accepting
    80-bit secrets and any period the entry model allows (pyotp itself stops at 120 s)."""

    def __init__(self, s: str, interval: int = 30) -> None:
        super().__init__(s, interval=min(interval, 120))
        self.interval = interval


@lru_cache(maxsize=4096)
def _generator(
    otp_type: OtpType, secret: str, algorithm: str, digits: int, period: int
) -> pyotp.OTP:
    if otp_type is OtpType.STEAM:
        return SteamTotp(secret, interval=period)
    digest = _DIGESTS[algorithm]
    if otp_type is OtpType.HOTP:
        return Hotp(secret, digits=digits, digest=digest)
    return Totp(secret, digits=digits, digest=digest, interval=period)


def clear_cache() -> None:
    """Forget every cached generator (each holds a secret). Called when a vault closes or locks."""
    _generator.cache_clear()


def generator_for(entry: Entry) -> pyotp.OTP:
    return _generator(entry.type, entry.secret, entry.algorithm, entry.digits, entry.period)


#: codes are defined for counters of 0 .. 2**64 - 1 (8 bytes, RFC 4226)
MAX_COUNTER = 2**64 - 1


def _checked_time(at: float | None) -> float:
    now = time.time() if at is None else at
    if not isinstance(now, int | float) or not math.isfinite(now) or now < 0:
        raise OtpError(N_("The time must be a finite, non-negative number of seconds."), "at")
    return now


def time_step(entry: Entry, at: float | None = None) -> int:
    return int(_checked_time(at) // entry.period)


def code_at(entry: Entry, at: float | None = None, *, step_offset: int = 0) -> str:
    """The code of a time-based entry at ``at`` (default now), or of an HOTP entry's counter.

    Raises :class:`~desktop_app.errors.OtpError` for a time that is NaN, infinite, negative or
    beyond the last 64-bit time step."""
    gen = generator_for(entry)
    if entry.type is OtpType.HOTP:
        counter = entry.counter + step_offset
    else:
        counter = time_step(entry, at) + step_offset
    if not 0 <= counter <= MAX_COUNTER:
        raise OtpError(N_("The time or counter is outside the range codes are defined for."), "at")
    return gen.generate_otp(counter)


def next_code(entry: Entry, at: float | None = None) -> str:
    return code_at(entry, at, step_offset=1)


def seconds_remaining(entry: Entry, at: float | None = None) -> float:
    """Seconds until the code changes (TOTP/Steam); 0 for HOTP."""
    if entry.type is OtpType.HOTP:
        return 0.0
    now = time.time() if at is None else at
    return entry.period - (now % entry.period)


def group_code(code: str) -> str:
    """``123456`` -> ``123 456``; ``12345678`` -> ``1234 5678``; Steam codes unchanged."""
    n = len(code)
    if n < 6 or not code.isdigit():
        return code
    if n == 6:
        return f"{code[:3]} {code[3:]}"
    if n == 7:
        return f"{code[:3]} {code[3:]}"
    if n == 8:
        return f"{code[:4]} {code[4:]}"
    return " ".join(code[i : i + 3] for i in range(0, n, 3))


def verify(entry: Entry, code: str, at: float | None = None, window: int = 1) -> bool:
    """True when ``code`` matches within ``window`` time steps (constant-time compare)."""
    _checked_time(at)
    for offset in range(-window, window + 1):
        try:
            expected = code_at(entry, at, step_offset=offset)
        except OtpError:  # the step before the first one (or after the last) has no code
            continue
        if hmac.compare_digest(expected, code):
            return True
    return False


def secret_bytes(entry: Entry) -> bytes:
    return _decode_b32(entry.secret)
