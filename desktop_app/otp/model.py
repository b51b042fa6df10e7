"""The account entry: everything needed to generate codes for one account.

Sync stamps (issue 21): an entry's fields are grouped into *stamp keys* (:data:`FIELD_KEYS`:
``otp`` covers secret, type, algorithm, digits and period, which only make sense together;
``issuer``, ``name``, ``group``, ``note``, ``order``, ``counter``, ``icon``; one ``meta:KEY`` per
annotation). ``Entry.stamps`` maps a key to the hybrid-logical-clock stamp of the edit that set
its value (:mod:`desktop_app.sync.clock`'s 26-character text), followed by the stamp of the value
that edit replaced (its *parent*, 26 more characters) when there was one. The key ``*`` holds the
entry's base stamp (its creation); a key without a stamp of its own has the base stamp; an entry
without any (a vault written before sync) has :data:`ZERO_STAMP` everywhere. ``Entry.history``
keeps the values that lost a conflict (newest first, at most :data:`HISTORY_LIMIT`).

Stamps and history are bookkeeping, not the account: ``==`` ignores them. The vault stamps a
change with :meth:`Entry.stamped` when it writes it; nothing else needs to know about them.

:class:`Entry`, :class:`Icon` and :class:`HistoryItem` are immutable values written as plain
slotted classes (``==``, ``hash``, ``repr``, ``copy``/``pickle``; :meth:`Entry.with_changes` in
place of ``dataclasses.replace``): they need no dataclass feature, and building a dataclass type
(and importing ``dataclasses``, which loads ``inspect``) is a cost every vault command paid
(benchmarks/README.md, "Decisions").
"""

from __future__ import annotations

import base64
import binascii
import os
import time
from enum import StrEnum
from typing import Any

from desktop_app.errors import OtpError
from desktop_app.i18n import N_


class OtpType(StrEnum):
    TOTP = "totp"
    HOTP = "hotp"
    STEAM = "steam"


_OTP_TYPES = {t.value: t for t in OtpType}


def otp_type(value: Any) -> OtpType:
    """``OtpType(value)`` as a dict lookup: the Enum call costs ~5 K instructions, paid by each
    entry a vault command reads (benchmarks/README.md, "Decisions"). ValueError as the Enum's."""
    try:
        return _OTP_TYPES[value]
    except (KeyError, TypeError):
        raise ValueError(N_("not a valid OTP type")) from None


ALGORITHMS = ("SHA1", "SHA256", "SHA512")
MIN_DIGITS = 6
MAX_DIGITS = 10
STEAM_DIGITS = 5
DEFAULT_PERIOD = 30
MIN_SECRET_BITS = 80  # many services still issue 80-bit (16 Base32 characters) secrets
# Size bounds, checked wherever an entry is made (URI, importers, vault, dialogs). Real secrets are
# 16-103 Base32 characters (80-512 bits); the bounds leave a wide margin and stop a 15 MB
# "secret" or note from reaching the vault.
MAX_SECRET_CHARS = 1024  # canonical Base32, 640 bytes
MAX_SECRET_INPUT = 4 * MAX_SECRET_CHARS  # before spaces and dashes are dropped
MAX_LABEL_CHARS = 512  # issuer, account name
MAX_GROUP_CHARS = 512
MAX_NOTE_CHARS = 65536
MAX_META_ITEMS = 64
MAX_META_KEY_CHARS = 128
MAX_META_VALUE_CHARS = 4096
#: at most this many losing edits are kept per entry (the newest)
HISTORY_LIMIT = 20
MAX_STAMP_KEYS = 4 * MAX_META_ITEMS + 16  # removed annotations keep their stamp
STAMP_CHARS = 26  # desktop_app.sync.clock.STAMP_CHARS (not imported: start-up path)
ZERO_STAMP = ""
BASE_KEY = "*"
META_PREFIX = "meta:"
#: the stamp keys every entry has (plus one ``meta:KEY`` per annotation)
FIELD_KEYS = ("otp", "issuer", "name", "group", "note", "order", "counter", "icon")
OTP_FIELDS = ("secret", "type", "algorithm", "digits", "period")


ICON_MIMES = ("image/png", "image/jpeg", "image/svg+xml", "image/webp", "image/gif")
MAX_ICON_BYTES = 256 * 1024


_setattr = object.__setattr__


class _Made:
    """The default of a field made for each entry (the time now, a new uuid, an empty dict):
    a value given explicitly, None too, is kept (and validated) as given."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<made for each entry>"


_MADE: Any = _Made()


class _Value:
    """An immutable value: its attributes are set once, in ``__init__``."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def _key(self) -> tuple[Any, ...]:  # the fields ``==`` and ``hash`` compare
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle: through __init__
        names: tuple[str, ...] = self.__slots__
        return (self.__class__, tuple(getattr(self, name) for name in names))


class Icon(_Value):
    """A small picture shown in place of the letter avatar (imported from another app)."""

    __slots__ = ("mime", "data")  # noqa: RUF023 (in __init__'s order: __reduce__ uses it)
    mime: str
    data: bytes

    def __init__(self, mime: str, data: bytes) -> None:
        _setattr(self, "mime", mime)
        _setattr(self, "data", data)

    def _key(self) -> tuple[Any, ...]:
        return (self.mime, self.data)

    def __repr__(self) -> str:
        return f"Icon(mime={self.mime!r}, {len(self.data)} bytes)"


def new_uuid() -> str:
    """A random (version 4) UUID, as ``str(uuid.uuid4())`` gives, without importing ``uuid``
    (and ``platform``) at every start."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class HistoryItem(_Value):
    """A value of one stamp key that lost a conflict: ``value`` in its stored (JSON) form, the
    ``stamp`` of the edit that set it, and the stamp of the edit it lost to."""

    __slots__ = ("key", "value", "stamp", "lost_to")  # noqa: RUF023 (as for Icon)
    key: str
    value: Any
    stamp: str
    lost_to: str

    def __init__(self, key: str, value: Any, stamp: str, lost_to: str) -> None:
        _setattr(self, "key", key)
        _setattr(self, "value", value)
        _setattr(self, "stamp", stamp)
        _setattr(self, "lost_to", lost_to)

    def _key(self) -> tuple[Any, ...]:
        return (self.key, self.value, self.stamp, self.lost_to)

    def __repr__(self) -> str:  # the value may be a secret
        return f"HistoryItem(key={self.key!r}, stamp={self.stamp!r}, lost_to={self.lost_to!r})"

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "value": self.value, "stamp": self.stamp, "lost_to": self.lost_to}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryItem:
        key, stamp, lost_to = data["key"], data["stamp"], data["lost_to"]
        if not (isinstance(key, str) and isinstance(stamp, str) and isinstance(lost_to, str)):
            raise OtpError(N_("An item of the entry's history is damaged."), "history")
        return cls(key, data.get("value"), stamp, lost_to)


class Entry(_Value):
    """One account. ``secret`` is normalised Base32 (upper case, no padding, no spaces).

    ``meta`` holds small string annotations owned by other parts of the app, e.g. the emnify
    enrolment state (``emnify.state`` = ``pending`` | ``active`` | ``inactive``). ``created``
    (now), ``uuid`` (a new one), ``meta`` and ``stamps`` (empty) are made when not given.
    Every entry is validated when it is made (:func:`validate`).
    """

    # the fields, in the order of __init__'s arguments (__reduce__ uses it); == and hash compare
    # all but the last two (ACCOUNT_FIELDS)
    __slots__ = (  # noqa: RUF023
        "secret",
        "issuer",
        "name",
        "type",
        "algorithm",
        "digits",
        "period",
        "counter",
        "group",
        "note",
        "order",
        "created",
        "uuid",
        "meta",
        "icon",
        "stamps",
        "history",
    )
    secret: str
    issuer: str
    name: str
    type: OtpType
    algorithm: str
    digits: int
    period: int
    counter: int
    group: str
    note: str
    order: int
    created: float
    uuid: str
    meta: dict[str, str]
    icon: Icon | None
    stamps: dict[str, str]
    history: tuple[HistoryItem, ...]

    def __init__(
        self,
        secret: str,
        issuer: str = "",
        name: str = "",
        type: OtpType = OtpType.TOTP,
        algorithm: str = "SHA1",
        digits: int = 6,
        period: int = DEFAULT_PERIOD,
        counter: int = 0,
        group: str = "",
        note: str = "",
        order: int = 0,
        created: float = _MADE,
        uuid: str = _MADE,
        meta: dict[str, str] = _MADE,
        icon: Icon | None = None,
        stamps: dict[str, str] = _MADE,
        history: tuple[HistoryItem, ...] = (),
    ) -> None:
        # The fields are set on a draft: an entry's own __setattr__ refuses, and going round it
        # (object.__setattr__) costs ~1.1 K instructions a field, 17 fields for each entry a
        # command reads, where a plain assignment to a slot costs ~40 (benchmarks/README.md,
        # "Decisions"). Frozen again before validate().
        cls = self.__class__
        _setattr(self, "__class__", _EntryDraft)
        self.secret = secret
        self.issuer = issuer
        self.name = name
        self.type = type
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
        self.counter = counter
        self.group = group
        self.note = note
        self.order = order
        self.created = time.time() if created is _MADE else created
        self.uuid = new_uuid() if uuid is _MADE else uuid
        self.meta = {} if meta is _MADE else meta
        self.icon = icon
        self.stamps = {} if stamps is _MADE else stamps
        self.history = history
        self.__class__ = cls
        validate(self)

    def _key(self) -> tuple[Any, ...]:  # ACCOUNT_FIELDS: stamps and history are not compared
        return (
            self.secret,
            self.issuer,
            self.name,
            self.type,
            self.algorithm,
            self.digits,
            self.period,
            self.counter,
            self.group,
            self.note,
            self.order,
            self.created,
            self.uuid,
            self.meta,
            self.icon,
        )

    def __repr__(self) -> str:  # never show the secret
        return (
            f"Entry(uuid={self.uuid!r}, type={self.type.value!r}, issuer={self.issuer!r}, "
            f"name={self.name!r}, algorithm={self.algorithm!r}, digits={self.digits}, "
            f"period={self.period}, counter={self.counter})"
        )

    __str__ = __repr__

    @property
    def label(self) -> str:
        return (
            f"{self.issuer}: {self.name}" if self.issuer and self.name else self.issuer or self.name
        )

    def with_changes(self, **changes: Any) -> Entry:
        """A copy with some fields changed (validated like any new entry)."""
        for name in self.__slots__:
            if name not in changes:
                changes[name] = getattr(self, name)
        return self.__class__(**changes)

    def same_secret(self, other: Entry) -> bool:
        return self.secret == other.secret

    def to_dict(self) -> dict[str, Any]:
        """The stored form, field by field. ``stamps`` and ``history`` only when there are any."""
        data = {name: getattr(self, name) for name in ACCOUNT_FIELDS}
        data["type"] = self.type.value
        data["icon"] = _icon_json(self.icon)
        data["meta"] = dict(self.meta)
        if self.stamps:
            data["stamps"] = dict(self.stamps)
        if self.history:
            data["history"] = [item.to_dict() for item in self.history]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        """An entry from its stored form (keys it does not know are ignored; a missing key
        takes the field's default; validated like any new entry)."""
        if "secret" not in data:
            raise TypeError("Entry.from_dict: no secret")
        get = data.get
        stamps = get("stamps")
        history = get("history")
        return cls(
            data["secret"],
            get("issuer", ""),
            get("name", ""),
            otp_type(get("type", "totp")),
            get("algorithm", "SHA1"),
            get("digits", 6),
            get("period", DEFAULT_PERIOD),
            get("counter", 0),
            get("group", ""),
            get("note", ""),
            get("order", 0),
            get("created", _MADE),
            get("uuid", _MADE),
            dict(get("meta") or {}),
            _icon_from(get("icon")),
            dict(stamps) if stamps else {},
            tuple(HistoryItem.from_dict(h) for h in history) if history else (),
        )

    # --- sync stamps ---------------------------------------------------------------------

    def stamp_keys(self) -> list[str]:
        """Every stamp key of this entry: :data:`FIELD_KEYS`, then ``meta:KEY`` for each
        annotation and each removed annotation that has a stamp."""
        keys = list(FIELD_KEYS)
        seen = set()
        for k in self.meta:
            seen.add(k)
            keys.append(META_PREFIX + k)
        for k in self.stamps:
            if k.startswith(META_PREFIX) and k[5:] not in seen:
                keys.append(k)
        return keys

    def stamp_of(self, key: str) -> str:
        """The stamp of the edit that set ``key`` (the base stamp if it has none of its own)."""
        stamps = self.stamps
        record = stamps.get(key) or stamps.get(BASE_KEY, ZERO_STAMP)
        return record[:STAMP_CHARS]

    def parent_of(self, key: str) -> str:
        """The stamp of the value the edit of ``key`` replaced (:data:`ZERO_STAMP` if none)."""
        return self.stamps.get(key, "")[STAMP_CHARS:]

    def latest_stamp(self) -> str:
        """The newest stamp of this entry (its last change)."""
        stamps = self.stamps
        if not stamps:
            return ZERO_STAMP
        return max(record[:STAMP_CHARS] for record in stamps.values())

    def value_of(self, key: str) -> Any:
        """The value of a stamp key, in a form compared with ``==``."""
        if key == "otp":
            return (self.secret, self.type, self.algorithm, self.digits, self.period)
        if key.startswith(META_PREFIX):
            return self.meta.get(key[5:])
        return getattr(self, key)

    def json_of(self, key: str) -> Any:
        """The value of a stamp key in its stored (JSON) form, as history keeps it."""
        if key == "otp":
            return {
                "secret": self.secret,
                "type": self.type.value,
                "algorithm": self.algorithm,
                "digits": self.digits,
                "period": self.period,
            }
        if key == "icon":
            return _icon_json(self.icon)
        return self.value_of(key)

    def changes_for(self, key: str, value: Any) -> dict[str, Any]:
        """The ``with_changes`` arguments that give ``key`` the JSON-form ``value``."""
        if key == "otp":
            return {
                "secret": value["secret"],
                "type": otp_type(value["type"]),
                "algorithm": value["algorithm"],
                "digits": value["digits"],
                "period": value["period"],
            }
        if key == "icon":
            return {"icon": _icon_from(value)}
        if key.startswith(META_PREFIX):
            meta = dict(self.meta)
            if value is None:
                meta.pop(key[5:], None)
            else:
                meta[key[5:]] = value
            return {"meta": meta}
        if key not in FIELD_KEYS:
            raise OtpError(N_("Unknown field."), key)
        return {key: value}

    def restored_from(self, item: HistoryItem) -> Entry:
        """This entry with the value of a history item back (not stamped: the vault stamps it
        as a new edit when it writes it). The value it replaces goes into the history (newest
        first), so the restore can be undone the same way; its ``lost_to`` is the restore's
        stamp, filled in by :meth:`stamped`."""
        current = self.json_of(item.key)
        restored = self.with_changes(**self.changes_for(item.key, item.value))
        if current == item.value:
            return restored
        kept = HistoryItem(item.key, current, self.stamp_of(item.key), "")
        others = [h for h in self.history if (h.key, h.stamp) != (kept.key, kept.stamp)]
        return restored.with_changes(history=(kept, *others)[:HISTORY_LIMIT])

    def stamped(self, previous: Entry | None, stamp: str) -> Entry:
        """This entry as the vault writes it: ``stamp`` (a fresh clock stamp) recorded for every
        key whose value differs from ``previous`` (the entry as stored before this change), the
        replaced value's stamp as its parent. A new entry (``previous`` None) gets ``stamp`` as
        its base stamp. Keys that did not change keep ``previous``'s stamps; history is
        ``previous``'s unless this entry carries its own."""
        if previous is None:
            return self.with_changes(stamps={**self.stamps, BASE_KEY: stamp})
        stamps = dict(previous.stamps)
        for key in dict.fromkeys([*self.stamp_keys(), *previous.stamp_keys()]):
            if self.value_of(key) != previous.value_of(key):
                stamps[key] = stamp + previous.stamp_of(key)
        history = self.history or previous.history
        if any(not h.lost_to for h in history):  # a value this edit replaced (a restore)
            history = tuple(
                h if h.lost_to else HistoryItem(h.key, h.value, h.stamp, stamp) for h in history
            )
        if stamps == self.stamps and history is self.history:
            return self
        return self.with_changes(stamps=stamps, history=history)


def _icon_json(icon: Icon | None) -> dict[str, str] | None:
    if icon is None:
        return None
    return {"mime": icon.mime, "data": base64.b64encode(icon.data).decode()}


def _icon_from(value: Any) -> Icon | None:
    if not isinstance(value, dict):
        return None
    mime, data = value.get("mime"), value.get("data")
    if not isinstance(mime, str) or not isinstance(data, str):
        return None
    try:
        return Icon(mime, base64.b64decode(data, validate=True))
    except (binascii.Error, ValueError):
        return None


class _EntryDraft(Entry):
    """An entry while ``Entry.__init__`` sets its fields: object's own __setattr__ and
    __delattr__ (both, so that CPython stores to the slots directly; it keeps one C slot for the
    two)."""

    __slots__ = ()
    __setattr__ = object.__setattr__  # type: ignore[assignment]
    __delattr__ = object.__delattr__


#: the fields of the account itself: ``==`` compares them (stamps and history are bookkeeping)
ACCOUNT_FIELDS = Entry.__slots__[:-2]
_B32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


#: "The {field} must be a whole number." said once per field (a German sentence names each its own way)
NOT_WHOLE_NUMBER = {
    "digits": N_("The digits must be a whole number."),
    "period": N_("The period must be a whole number."),
    "counter": N_("The counter must be a whole number."),
}
#: "The {field} must be text." per text field
NOT_TEXT = {
    "issuer": N_("The issuer must be text."),
    "name": N_("The name must be text."),
    "group": N_("The group must be text."),
    "note": N_("The note must be text."),
}


def normalize_secret(secret: str) -> str:
    """Accept lower case, spaces, dashes and (missing) padding; return canonical Base32."""
    if not isinstance(secret, str):
        raise OtpError(N_("The secret must be text."), "secret")
    if len(secret) > MAX_SECRET_INPUT:
        raise OtpError(
            N_("The secret is too long (at most {n} Base32 characters).", n=MAX_SECRET_CHARS),
            "secret",
        )
    cleaned = "".join(secret.split()).replace("-", "").upper().rstrip("=")
    if not cleaned:
        raise OtpError(N_("The secret is empty."), "secret")
    if not _B32.issuperset(cleaned):
        raise OtpError(N_("The secret is not valid Base32 (letters A-Z and digits 2-7)."), "secret")
    if len(cleaned) % 8 in (1, 3, 6):
        raise OtpError(
            N_("The secret is cut short or has a character too many: copy it again."), "secret"
        )
    if len(cleaned) > MAX_SECRET_CHARS:
        raise OtpError(
            N_("The secret is too long (at most {n} Base32 characters).", n=MAX_SECRET_CHARS),
            "secret",
        )
    if len(cleaned) * 5 < MIN_SECRET_BITS:
        raise OtpError(
            N_(
                "The secret is too short (at least {n} Base32 characters).",
                n=MIN_SECRET_BITS // 5,
            ),
            "secret",
        )
    return cleaned


def _is_canonical(secret: Any) -> bool:
    """Whether ``normalize_secret`` would return ``secret`` itself, told without making a copy
    (each entry read is checked: a third of validate()'s cost otherwise). When False,
    normalize_secret decides, and names what is wrong."""
    return (
        type(secret) is str
        and 5 * len(secret) >= MIN_SECRET_BITS
        and len(secret) <= MAX_SECRET_CHARS
        and len(secret) % 8 not in (1, 3, 6)
        and _B32.issuperset(secret)
    )


def validate(entry: Entry) -> None:
    if not isinstance(entry.type, OtpType):
        raise OtpError(N_("Unknown OTP type."), "type")
    if not (type(entry.digits) is type(entry.period) is type(entry.counter) is int):
        for name in ("digits", "period", "counter"):
            if type(getattr(entry, name)) is not int:
                raise OtpError(NOT_WHOLE_NUMBER[name], name)
    secret = entry.secret
    if not _is_canonical(secret) and secret != normalize_secret(secret):
        raise OtpError(N_("The secret is not in canonical Base32 form."), "secret")
    if entry.algorithm not in ALGORITHMS:
        raise OtpError(N_("The algorithm must be SHA1, SHA256 or SHA512."), "algorithm")
    if entry.type is OtpType.STEAM:
        if entry.digits != STEAM_DIGITS:
            raise OtpError(N_("Steam codes have 5 characters."), "digits")
    elif not (MIN_DIGITS <= entry.digits <= MAX_DIGITS):
        raise OtpError(
            N_("Digits must be between {low} and {high}.", low=MIN_DIGITS, high=MAX_DIGITS),
            "digits",
        )
    if entry.type is not OtpType.HOTP and not (1 <= entry.period <= 86400):
        raise OtpError(N_("The period must be between 1 and 86400 seconds."), "period")
    if entry.counter < 0 or entry.counter >= 2**63:
        raise OtpError(N_("The counter must be a non-negative integer."), "counter")
    if entry.icon is not None and (
        not isinstance(entry.icon, Icon)
        or entry.icon.mime not in ICON_MIMES
        or not entry.icon.data
        or len(entry.icon.data) > MAX_ICON_BYTES
    ):
        raise OtpError(N_("The icon is not a small PNG, JPEG, SVG, WebP or GIF picture."), "icon")
    if not (
        isinstance(entry.issuer, str)
        and isinstance(entry.name, str)
        and isinstance(entry.group, str)
        and isinstance(entry.note, str)
    ):
        for name in ("issuer", "name", "group", "note"):
            if not isinstance(getattr(entry, name), str):
                raise OtpError(NOT_TEXT[name], name)
    if len(entry.issuer) > MAX_LABEL_CHARS:
        raise OtpError(
            N_("The issuer is too long (at most {n} characters).", n=MAX_LABEL_CHARS), "issuer"
        )
    if len(entry.name) > MAX_LABEL_CHARS:
        raise OtpError(
            N_("The account name is too long (at most {n} characters).", n=MAX_LABEL_CHARS),
            "name",
        )
    if len(entry.group) > MAX_GROUP_CHARS:
        raise OtpError(
            N_("The group is too long (at most {n} characters).", n=MAX_GROUP_CHARS), "group"
        )
    if len(entry.note) > MAX_NOTE_CHARS:
        raise OtpError(
            N_("The note is too long (at most {n} characters).", n=MAX_NOTE_CHARS), "note"
        )
    if not isinstance(entry.meta, dict) or len(entry.meta) > MAX_META_ITEMS:
        raise OtpError(N_("The entry has too many annotations."), "meta")
    for key, value in entry.meta.items():
        if not (isinstance(key, str) and isinstance(value, str)):
            raise OtpError(N_("An annotation of the entry is not text."), "meta")
        if len(key) > MAX_META_KEY_CHARS or len(value) > MAX_META_VALUE_CHARS:
            raise OtpError(N_("An annotation of the entry is too long."), "meta")
    _validate_sync(entry)


def _validate_sync(entry: Entry) -> None:
    stamps, history = entry.stamps, entry.history
    if not isinstance(stamps, dict) or len(stamps) > MAX_STAMP_KEYS:
        raise OtpError(N_("The entry's sync stamps are damaged."), "stamps")
    for key, value in stamps.items():
        if not (isinstance(key, str) and isinstance(value, str)) or len(value) not in (
            STAMP_CHARS,
            2 * STAMP_CHARS,
        ):
            raise OtpError(N_("The entry's sync stamps are damaged."), "stamps")
    if not isinstance(history, tuple) or len(history) > HISTORY_LIMIT:
        raise OtpError(N_("The entry's history is damaged."), "history")
    for item in history:
        if not isinstance(item, HistoryItem):
            raise OtpError(N_("The entry's history is damaged."), "history")
