"""The one importer contract: what every importer declares, what it returns, how it fails.

Invariant: every format is an object with ``name``, ``label``, ``app``, ``export_hint``,
``encrypted``, ``detect(data)``, ``needs_password(data)`` and ``parse(data, password) ->
ImportResult``, and follows these rules:

* A file that cannot be read as a whole (not the format, truncated, damaged, unsupported version)
  raises :class:`~desktop_app.errors.ImportFormatError` with a message naming the problem.
* A wrong password raises :class:`~desktop_app.errors.WrongPasswordError`; an encrypted file
  given no password raises :class:`PasswordRequired`.
* One bad entry never spoils the file: it becomes a :class:`SkippedEntry` with the reason
  (:class:`EntryDataError` raised while reading it, caught by :class:`Collector`).
* Messages never hold a secret or a password.

The bytes-reading helpers the formats share live in :mod:`desktop_app.importers.readers`.
"""

from __future__ import annotations

import re
import uuid as _uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from desktop_app.errors import AppError, ImportFormatError, OtpError
from desktop_app.i18n import N_, Text, reason_form
from desktop_app.intake import MAX_IMPORT_ACCOUNTS
from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import STEAM_DIGITS, Entry, Icon, OtpType, new_uuid, normalize_secret

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_ENTRIES = MAX_IMPORT_ACCOUNTS  # items of one list in a file (accounts, or lines of links)


class PasswordRequired(ImportFormatError):
    """The file is encrypted and no password was given."""

    def __init__(self, format_label: str) -> None:
        super().__init__(
            N_("This {label} file is encrypted: its password is needed.", label=format_label)
        )
        self.format_label = format_label


@dataclass(frozen=True)
class ImportResult:
    """What a backup file holds: entries ready for ``vault.add_many`` and the ones left out."""

    entries: list[Entry]
    skipped: list[SkippedEntry]
    format_label: str
    format_name: str = ""
    notes: list[str] = field(default_factory=list)  # e.g. "3 items without a TOTP key ignored"


@runtime_checkable
class Importer(Protocol):
    name: str  # short id used by ``--format``
    label: str  # shown to people
    app: str  # the app whose files it reads ("Aegis"), as the import dialog lists it
    export_hint: str  # how to export from that app ("" when another importer of the app says it)
    encrypted: bool  # whether its files can be password-protected

    def detect(self, data: bytes) -> bool: ...

    def needs_password(self, data: bytes) -> bool: ...

    def parse(self, data: bytes, password: str | None) -> ImportResult: ...


class PlainImporter:
    """The base of a format whose files are never encrypted: it never needs a password."""

    encrypted = False

    def needs_password(self, data: bytes) -> bool:
        return False


# --- reading ------------------------------------------------------------------------------------

# --- per-entry fields (errors here become skipped entries) --------------------------------------


class EntryDataError(ImportFormatError):
    """One entry of a file is malformed; the importer skips it with this reason."""


def get_str(obj: dict[str, Any], key: str, default: str = "") -> str:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise EntryDataError(N_("its {field} is not text", field=key))
    return value


def get_int(obj: dict[str, Any], key: str, default: int) -> int:
    value = obj.get(key)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise EntryDataError(N_("its {field} is not a whole number", field=key))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,19}\s*", value):
        return int(value)
    raise EntryDataError(N_("its {field} is not a whole number", field=key))


def norm_algorithm(text: str) -> str:
    """``sha1``, ``HmacSHA256``, ``SHA-512`` ... -> ``SHA1``/``SHA256``/``SHA512`` (else as is)."""
    cleaned = text.strip().upper().replace("-", "").replace("_", "")
    if cleaned.startswith("HMAC"):
        cleaned = cleaned[4:]
    return cleaned or "SHA1"


def otp_type(text: str) -> OtpType:
    lowered = text.strip().lower()
    try:
        return OtpType(lowered)
    except ValueError:
        if lowered in ("motp", "yandex"):
            shown = {"motp": "mOTP", "yandex": "Yandex"}[lowered]
            raise EntryDataError(N_("This app does not support {kind} codes", kind=shown)) from None
        raise EntryDataError(N_("its type {kind} is unknown", kind=repr(text[:20]))) from None


def make_entry(
    *,
    secret: str,
    issuer: str = "",
    name: str = "",
    type: OtpType = OtpType.TOTP,
    algorithm: str = "SHA1",
    digits: int | None = None,
    period: int = 30,
    counter: int = 0,
    group: str = "",
    note: str = "",
    uuid: str | None = None,
    meta: dict[str, str] | None = None,
    created: float | None = None,
    icon: Icon | None = None,
) -> Entry:
    """Build a validated Entry from loosely typed file values (raises OtpError/EntryDataError)."""
    if type is OtpType.STEAM:
        digits, algorithm = STEAM_DIGITS, "SHA1"
    algorithm = norm_algorithm(algorithm)
    if algorithm == "MD5":
        raise EntryDataError(N_("its algorithm MD5 is not supported"))
    kwargs: dict[str, Any] = {
        "secret": normalize_secret(secret),
        "issuer": issuer.strip(),
        "name": name.strip(),
        "type": type,
        "algorithm": algorithm,
        "digits": 6 if digits is None else digits,
        "period": period if type is not OtpType.HOTP else (period if 1 <= period <= 86400 else 30),
        "counter": counter if type is OtpType.HOTP else 0,
        "group": group.strip(),
        "note": note,
        "meta": dict(meta or {}),
        "icon": icon,
    }
    if uuid:
        kwargs["uuid"] = uuid
    if created is not None:
        kwargs["created"] = created
    return Entry(**kwargs)


def display_label(issuer: Any, name: Any, fallback: str) -> str:
    issuer = issuer.strip() if isinstance(issuer, str) else ""
    name = name.strip() if isinstance(name, str) else ""
    label = f"{issuer}: {name}" if issuer and name else issuer or name
    return label[:120] or fallback


#: the field an OtpError names, as "Its ... is unknown (digits)" adds it to a skipped reason
FIELD_NAMES = {
    "secret": N_("secret"),
    "type": N_("type"),
    "algorithm": N_("algorithm"),
    "digits": N_("digits"),
    "period": N_("period"),
    "counter": N_("counter"),
    "issuer": N_("issuer"),
    "name": N_("name"),
    "group": N_("group"),
    "note": N_("note"),
    "icon": N_("icon"),
    "meta": N_("meta"),
    "uri": N_("uri"),
    "data": N_("data"),
}


#: the label of the n-th item of a file's list when it names nothing better (one literal a noun)
_NUMBERED: dict[str, Callable[[int], Text]] = {
    "Entry": lambda n: N_("Entry {n}", n=n),
    "Account": lambda n: N_("Account {n}", n=n),
    "Token": lambda n: N_("Token {n}", n=n),
    "Steam account": lambda n: N_("Steam account {n}", n=n),
    "Authenticator": lambda n: N_("Authenticator {n}", n=n),
    "Service": lambda n: N_("Service {n}", n=n),
    "Item": lambda n: N_("Item {n}", n=n),
}


def numbered(noun: str, n: int) -> str:
    """``"{noun} {n}"`` ("Entry 3"), translatable for the nouns the importers use."""
    make = _NUMBERED.get(noun)
    return make(n) if make else f"{noun} {n}"


def _malformed(exc: BaseException) -> Text:
    return N_("Its data is malformed ({error})", error=type(exc).__name__)


def as_reason(message: str) -> str:
    """``message`` in the form of a skipped entry's reason (:func:`reason_form`), still
    translatable when it is a :class:`Text`."""
    return message.as_reason() if isinstance(message, Text) else reason_form(message)


def _reason(exc: BaseException) -> str:
    message = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    if not reason_form(message):
        return _malformed(exc)
    return as_reason(message)


class Collector:
    """Gathers entries and skipped entries; keeps entry uuids unique within one file."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.skipped: list[SkippedEntry] = []
        self.notes: list[str] = []
        self._uuids: set[str] = set()

    def skip(self, label: str, reason: str) -> None:
        self.skipped.append(SkippedEntry(label, reason))

    def objects(self, items: Iterable[Any], noun: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each item of a file's list that is an object, with the label it has when it names
        nothing better (``"{noun} {n}"``, counted from 1); any other item is skipped."""
        for index, raw in enumerate(items):
            fallback = numbered(noun, index + 1)
            if isinstance(raw, dict):
                yield fallback, raw
            else:
                self.skip(fallback, N_("It is not an object"))

    def add(self, label: str, build: Callable[..., Entry | None], *args: Any) -> None:
        """Add ``build(*args)``; any error it raises makes a skipped entry with the reason."""
        try:
            entry = build(*args)
        except (AppError, ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            reason = _reason(exc) if isinstance(exc, AppError) else _malformed(exc)
            if isinstance(exc, OtpError) and exc.field and exc.field not in reason.lower():
                field_name = FIELD_NAMES.get(exc.field, exc.field)
                reason = N_("{reason} ({field})", reason=reason, field=field_name)
            self.skipped.append(SkippedEntry(label, reason))
            return
        if entry is None:
            return
        if entry.uuid in self._uuids or not _valid_uuid(entry.uuid):
            entry = entry.with_changes(uuid=new_uuid())
        self._uuids.add(entry.uuid)
        self.entries.append(entry)

    def result(self, label: str, name: str) -> ImportResult:
        return ImportResult(list(self.entries), list(self.skipped), label, name, list(self.notes))


def _valid_uuid(text: str) -> bool:
    try:
        _uuid.UUID(text)
    except (ValueError, TypeError, AttributeError):
        return False
    return True
