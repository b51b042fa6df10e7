"""``otpauth://`` key URIs: parsing and building.

Rules (see ../shared/specs/otp-formats.md):

* ``otpauth://TYPE/LABEL?PARAMETERS`` with TYPE ``totp``, ``hotp`` or ``steam``; a ``totp`` URI with
  ``encoder=steam`` is a Steam entry.
* The label is ``issuer:account`` or ``account``. The separator is the first literal ``:``; when
  there is none, the first ``%3A``. The path is percent-decoded as UTF-8 and ``+`` stays a plus
  sign; in the query ``+`` means a space. Whitespace around issuer and account is dropped.
* **Issuer conflicts**: when both the ``issuer`` parameter and a label prefix exist and differ,
  the ``issuer`` parameter wins (it is the field the key-URI format recommends and the one
  services fill in deliberately); the label prefix is then dropped, and the account name is the
  part after the separator.
* ``secret`` is required. ``algorithm`` defaults to SHA1, ``digits`` to 6 (Steam 5), ``period`` to
  30. An HOTP URI without ``counter`` starts at 0. Unknown parameters (``image``, ``icon``,
  ``color`` ...) are ignored. Out-of-range values (period 0, digits 3 or 11, MD5) are refused with
  an :class:`~desktop_app.errors.OtpError` naming the field; nothing else is ever raised.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode

from desktop_app.errors import OtpError
from desktop_app.i18n import N_
from desktop_app.otp.model import (
    ALGORITHMS,
    DEFAULT_PERIOD,
    NOT_WHOLE_NUMBER,
    STEAM_DIGITS,
    Entry,
    OtpType,
)
from desktop_app.otp.model import normalize_secret as _normalize_secret

_SCHEME = "otpauth://"
_ENCODED_COLON = re.compile("%3a", re.IGNORECASE)
MAX_URI_LENGTH = 8192


def _int_param(params: dict[str, str], name: str, default: int) -> int:
    raw = params.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw.strip(), 10)
    except ValueError:
        raise OtpError(NOT_WHOLE_NUMBER[name], name) from None


def _split_label(raw_label: str) -> tuple[str, str, bool]:
    """Return (issuer prefix, account, had_prefix) from the raw (still encoded) label."""
    if ":" in raw_label:
        prefix, _, account = raw_label.partition(":")
    else:
        parts = _ENCODED_COLON.split(raw_label, maxsplit=1)
        if len(parts) == 1:
            return "", _decode(raw_label), False
        prefix, account = parts
    return _decode(prefix), _decode(account), True


def _decode(text: str) -> str:
    try:
        return unquote(text, encoding="utf-8", errors="strict").strip()
    except UnicodeDecodeError:
        raise OtpError(N_("The label is not valid UTF-8."), "name") from None


def parse_uri(uri: str) -> Entry:
    """Parse an ``otpauth://`` URI into an :class:`Entry` (with a fresh uuid)."""
    if not isinstance(uri, str):
        raise OtpError(N_("The link must be text."), "uri")
    text = uri.strip()
    if len(text) > MAX_URI_LENGTH:
        raise OtpError(N_("The link is too long."), "uri")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. from a mis-decoded command line
        raise OtpError(N_("The link holds characters that are not valid text."), "uri") from None
    if not text.lower().startswith(_SCHEME):
        raise OtpError(N_("This is not an otpauth:// link."), "uri")
    rest = text[len(_SCHEME) :]
    rest, _, _fragment = rest.partition("#")
    path, _, query = rest.partition("?")
    type_text, _, raw_label = path.partition("/")
    type_text = type_text.lower()
    try:
        pairs = parse_qsl(query, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise OtpError(N_("The link's parameters are not valid UTF-8."), "uri") from None
    params: dict[str, str] = {}
    for key, value in pairs:
        params.setdefault(key.lower(), value)

    if type_text == "totp" and params.get("encoder", "").lower() == "steam":
        type_text = "steam"
    try:
        otp_type = OtpType(type_text)
    except ValueError:
        raise OtpError(N_("The link's type must be totp, hotp or steam."), "type") from None

    if "secret" not in params:
        raise OtpError(N_("The link has no secret."), "secret")
    secret = _normalize_secret(params["secret"])

    prefix, account, _had_prefix = _split_label(raw_label)
    issuer_param = params.get("issuer", "").strip()
    issuer = issuer_param or prefix

    algorithm = params.get("algorithm", "SHA1").strip().upper().replace("-", "") or "SHA1"
    if algorithm not in ALGORITHMS:
        raise OtpError(N_("Unsupported algorithm (use SHA1, SHA256 or SHA512)."), "algorithm")

    default_digits = STEAM_DIGITS if otp_type is OtpType.STEAM else 6
    digits = _int_param(params, "digits", default_digits)
    if otp_type is OtpType.STEAM:
        digits = STEAM_DIGITS
        algorithm = "SHA1"
    period = _int_param(params, "period", DEFAULT_PERIOD)
    counter = _int_param(params, "counter", 0) if otp_type is OtpType.HOTP else 0

    return Entry(
        secret=secret,
        issuer=issuer,
        name=account,
        type=otp_type,
        algorithm=algorithm,
        digits=digits,
        period=period if otp_type is not OtpType.HOTP else DEFAULT_PERIOD,
        counter=counter,
    )


def _quote_label_part(text: str) -> str:
    return quote(text, safe="@")


def build_uri(entry: Entry) -> str:
    """Build the ``otpauth://`` URI of an entry; ``parse_uri(build_uri(e))`` equals ``e`` in all
    code-relevant fields, issuer and name."""
    issuer = entry.issuer.strip()
    name = entry.name.strip()
    if issuer or ":" in name:
        label = f"{_quote_label_part(issuer)}:{_quote_label_part(name)}"
    else:
        label = _quote_label_part(name)
    params: list[tuple[str, str]] = [("secret", entry.secret)]
    if issuer:
        params.append(("issuer", issuer))
    if entry.type is OtpType.STEAM:
        type_text = "totp"
        params += [("encoder", "steam"), ("digits", str(STEAM_DIGITS))]
        params.append(("period", str(entry.period)))
    else:
        type_text = entry.type.value
        params += [("algorithm", entry.algorithm), ("digits", str(entry.digits))]
        if entry.type is OtpType.HOTP:
            params.append(("counter", str(entry.counter)))
        else:
            params.append(("period", str(entry.period)))
    return f"{_SCHEME}{type_text}/{label}?{urlencode(params, quote_via=quote)}"
