"""Google Authenticator export: ``otpauth-migration://offline?data=...``.

``data`` is percent-encoded standard Base64 of a small protobuf message (schema in
../shared/specs/otp-formats.md). The wire format is decoded and encoded here by hand: four
field kinds are all it uses, and a dependency on protobuf is not worth it.
"""

from __future__ import annotations

import base64
import binascii
import secrets as _secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote

from desktop_app.errors import OtpError
from desktop_app.i18n import N_
from desktop_app.otp.codes import secret_bytes
from desktop_app.otp.model import Entry, OtpType

_SCHEME = "otpauth-migration://"
_ALGORITHMS = {0: "SHA1", 1: "SHA1", 2: "SHA256", 3: "SHA512"}
_ALGORITHM_IDS = {"SHA1": 1, "SHA256": 2, "SHA512": 3}
_DIGITS = {0: 6, 1: 6, 2: 8}
_DIGIT_IDS = {6: 1, 8: 2}
MAX_ENTRIES_PER_CODE = 10


@dataclass(frozen=True)
class SkippedEntry:
    """An entry of an export that cannot be imported, with the reason in plain words."""

    label: str
    reason: str


@dataclass(frozen=True)
class MigrationBatch:
    entries: tuple[Entry, ...]
    skipped: tuple[SkippedEntry, ...] = ()
    batch_size: int = 1
    batch_index: int = 0
    batch_id: int = 0
    version: int = 1


@dataclass
class _Params:
    secret: bytes = b""
    name: str = ""
    issuer: str = ""
    algorithm: int = 0
    digits: int = 0
    type: int = 0
    counter: int = 0


@dataclass
class _Payload:
    params: list[_Params] = field(default_factory=list)
    version: int = 0
    batch_size: int = 0
    batch_index: int = 0
    batch_id: int = 0


# --- protobuf wire format -------------------------------------------------------------------


def _read_varint(buf: bytes, pos: int) -> tuple[int, int]:
    result = 0
    shift = 0
    while True:
        if pos >= len(buf):
            raise OtpError(N_("The export data is truncated."), "data")
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise OtpError(N_("The export data holds an invalid number."), "data")


def _fields(buf: bytes) -> list[tuple[int, int | bytes]]:
    out: list[tuple[int, int | bytes]] = []
    pos = 0
    while pos < len(buf):
        key, pos = _read_varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _read_varint(buf, pos)
            out.append((number, value))
        elif wire == 2:
            length, pos = _read_varint(buf, pos)
            if pos + length > len(buf):
                raise OtpError(N_("The export data is truncated."), "data")
            out.append((number, buf[pos : pos + length]))
            pos += length
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        else:
            raise OtpError(
                N_("The export data is not a valid Google Authenticator export."), "data"
            )
        if pos > len(buf):
            raise OtpError(N_("The export data is truncated."), "data")
    return out


def _text(value: int | bytes) -> str:
    if not isinstance(value, bytes):
        raise OtpError(N_("The export data has a malformed text field."), "data")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise OtpError(N_("The export data has text that is not UTF-8."), "data") from None


def _int(value: int | bytes) -> int:
    if isinstance(value, bytes):
        raise OtpError(N_("The export data has a malformed number field."), "data")
    return value


def _secret(value: int | bytes) -> bytes:
    if not isinstance(value, bytes):
        raise OtpError(N_("The export data has a malformed secret."), "data")
    return value


_Reader = Callable[[int | bytes], object]
#: field number -> (attribute, reader) of an account (``OtpParameters``) and of the payload
#: (its field 1, the repeated accounts, is read apart); fields not listed are passed over
_PARAM_FIELDS: dict[int, tuple[str, _Reader]] = {
    1: ("secret", _secret),
    2: ("name", _text),
    3: ("issuer", _text),
    4: ("algorithm", _int),
    5: ("digits", _int),
    6: ("type", _int),
    7: ("counter", _int),
}
_PAYLOAD_FIELDS: dict[int, tuple[str, _Reader]] = {
    2: ("version", _int),
    3: ("batch_size", _int),
    4: ("batch_index", _int),
    5: ("batch_id", _int),
}


def _read_field(
    into: object, fields: dict[int, tuple[str, _Reader]], number: int, value: int | bytes
) -> None:
    if number in fields:
        name, read = fields[number]
        setattr(into, name, read(value))


def _decode_payload(buf: bytes) -> _Payload:
    payload = _Payload()
    for number, value in _fields(buf):
        if number != 1:
            _read_field(payload, _PAYLOAD_FIELDS, number, value)
            continue
        if not isinstance(value, bytes):
            raise OtpError(N_("The export data is malformed."), "data")
        params = _Params()
        for pn, pv in _fields(value):
            _read_field(params, _PARAM_FIELDS, pn, pv)
        payload.params.append(params)
    return payload


def _varint(value: int) -> bytes:
    if value < 0:
        value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field_varint(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def _field_bytes(number: int, value: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(value)) + value


# --- public API -----------------------------------------------------------------------------


def is_migration_uri(text: str) -> bool:
    return text.strip().lower().startswith(_SCHEME)


def _entry_from_params(p: _Params) -> Entry:
    if not p.secret:
        raise OtpError(N_("it has no secret"), "secret")
    secret = base64.b32encode(p.secret).decode("ascii").rstrip("=")
    if p.algorithm not in _ALGORITHMS:
        raise OtpError(N_("its algorithm (MD5 or unknown) is not supported"), "algorithm")
    if p.digits not in _DIGITS:
        raise OtpError(N_("its number of digits is unknown"), "digits")
    if p.type not in (0, 1, 2):
        raise OtpError(N_("its type is unknown"), "type")
    issuer, name = p.issuer.strip(), p.name.strip()
    if not issuer and ":" in name:
        issuer, _, name = name.partition(":")
        issuer, name = issuer.strip(), name.strip()
    elif issuer and name.startswith(issuer + ":"):
        name = name[len(issuer) + 1 :].strip()
    otp_type = OtpType.HOTP if p.type == 1 else OtpType.TOTP
    return Entry(
        secret=secret,
        issuer=issuer,
        name=name,
        type=otp_type,
        algorithm=_ALGORITHMS[p.algorithm],
        digits=_DIGITS[p.digits],
        period=30,
        counter=p.counter if otp_type is OtpType.HOTP else 0,
    )


def parse_migration_uri(uri: str) -> MigrationBatch:
    """Decode one export QR payload. Entries that cannot be carried over are listed in
    ``skipped`` with a reason; a malformed payload raises :class:`OtpError`."""
    text = uri.strip()
    if not is_migration_uri(text):
        raise OtpError(N_("This is not an otpauth-migration:// link."), "uri")
    _, _, query = text.partition("?")
    params = dict(parse_qsl(query, keep_blank_values=True))
    data = params.get("data", "")
    if not data:
        raise OtpError(N_("The export link has no data."), "data")
    # '+' decoded as space by a careless copy; URL-safe Base64 seen from some tools
    data = data.replace(" ", "+").replace("-", "+").replace("_", "/").rstrip("=")
    try:
        raw = base64.b64decode(data + "=" * (-len(data) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise OtpError(N_("The export data is not valid Base64."), "data") from None
    payload = _decode_payload(raw)
    if not payload.params:
        raise OtpError(N_("The export holds no accounts."), "data")
    entries: list[Entry] = []
    skipped: list[SkippedEntry] = []
    for p in payload.params:
        try:
            entries.append(_entry_from_params(p))
        except OtpError as exc:
            label = f"{p.issuer}: {p.name}" if p.issuer else p.name or N_("(unnamed)")
            skipped.append(SkippedEntry(label, exc.args[0]))  # a Text (translatable)
    size = payload.batch_size if payload.batch_size > 0 else 1
    index = payload.batch_index if 0 <= payload.batch_index < size else 0
    return MigrationBatch(
        entries=tuple(entries),
        skipped=tuple(skipped),
        batch_size=size,
        batch_index=index,
        batch_id=payload.batch_id,
        version=payload.version,
    )


def exportable(entry: Entry) -> str | None:
    """None when the migration format can carry the entry, else the reason it cannot."""
    if entry.type is OtpType.STEAM:
        return "Steam entries cannot be carried by Google Authenticator exports"
    if entry.digits not in _DIGIT_IDS:
        return f"{entry.digits}-digit codes cannot be carried (only 6 or 8)"
    if entry.type is OtpType.TOTP and entry.period != 30:
        return "only a 30-second period can be carried"
    return None


def build_migration_uris(
    entries: list[Entry], per_code: int = MAX_ENTRIES_PER_CODE, batch_id: int | None = None
) -> tuple[list[str], list[tuple[Entry, str]]]:
    """Encode entries as export payloads of at most ``per_code`` accounts each.

    Returns (uris, left_out) where ``left_out`` pairs each entry that the format cannot carry
    with the reason.
    """
    carried: list[Entry] = []
    left_out: list[tuple[Entry, str]] = []
    for entry in entries:
        reason = exportable(entry)
        if reason:
            left_out.append((entry, reason))
        else:
            carried.append(entry)
    if batch_id is None:
        batch_id = _secrets.randbelow(2**31 - 1) + 1
    chunks = [carried[i : i + per_code] for i in range(0, len(carried), per_code)]
    uris: list[str] = []
    for index, chunk in enumerate(chunks):
        body = b""
        for e in chunk:
            p = (
                _field_bytes(1, secret_bytes(e))
                + _field_bytes(2, e.name.encode("utf-8"))
                + _field_bytes(3, e.issuer.encode("utf-8"))
                + _field_varint(4, _ALGORITHM_IDS[e.algorithm])
                + _field_varint(5, _DIGIT_IDS[e.digits])
                + _field_varint(6, 1 if e.type is OtpType.HOTP else 2)
            )
            if e.type is OtpType.HOTP:
                p += _field_varint(7, e.counter)
            body += _field_bytes(1, p)
        body += _field_varint(2, 1) + _field_varint(3, len(chunks)) + _field_varint(4, index)
        body += _field_varint(5, batch_id)
        data = base64.b64encode(body).decode("ascii")
        uris.append(f"{_SCHEME}offline?data={quote(data, safe='')}")
    return uris, left_out
