"""OTP core: the entry model, code generation and URI formats. Pure Python, no Qt."""

from desktop_app.otp.codes import code_at, group_code, next_code, seconds_remaining, verify
from desktop_app.otp.model import ALGORITHMS, Entry, OtpType, normalize_secret
from desktop_app.otp.uri import build_uri, parse_uri

__all__ = [
    "ALGORITHMS",
    "Entry",
    "OtpType",
    "build_uri",
    "code_at",
    "group_code",
    "next_code",
    "normalize_secret",
    "parse_uri",
    "seconds_remaining",
    "verify",
]
