"""OTP core: the entry model, code generation and URI formats. Pure Python, no Qt.

The names below are loaded on first use (PEP 562): importing the entry model, as every vault
command does, does not load pyotp (and calendar, datetime, urllib) nor the URI parser; a
command that never computes a code (``list --json``) never pays for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.lazy import lazy_exports

if TYPE_CHECKING:
    from desktop_app.otp.codes import code_at, group_code, next_code, seconds_remaining, verify
    from desktop_app.otp.model import ALGORITHMS, Entry, OtpType, normalize_secret
    from desktop_app.otp.uri import build_uri, parse_uri

_WHERE = {
    "ALGORITHMS": "model",
    "Entry": "model",
    "OtpType": "model",
    "normalize_secret": "model",
    "build_uri": "uri",
    "parse_uri": "uri",
    "code_at": "codes",
    "group_code": "codes",
    "next_code": "codes",
    "seconds_remaining": "codes",
    "verify": "codes",
}

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


__getattr__, __dir__ = lazy_exports(__name__, globals(), _WHERE)
