"""Entry model helpers (desktop_app/otp/model.py)."""

from __future__ import annotations

import copy
import pickle
import time
import uuid

import pytest

from desktop_app.errors import OtpError
from desktop_app.otp.model import (
    ACCOUNT_FIELDS,
    Entry,
    HistoryItem,
    Icon,
    OtpType,
    _is_canonical,
    new_uuid,
    normalize_secret,
    otp_type,
)


def test_new_uuid_is_a_random_rfc4122_version_4_uuid() -> None:
    made = [new_uuid() for _ in range(200)]
    assert len(set(made)) == 200
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text  # canonical lower-case 8-4-4-4-12 form
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122


# --- the value classes (plain slotted classes, not dataclasses) -----------------------------

SECRET = "JBSWY3DPEHPK3PXP"


def _entry(**changes: object) -> Entry:
    fields: dict[str, object] = {"secret": SECRET, "issuer": "Example", "name": "me@example.com"}
    fields.update(changes)
    return Entry(**fields)  # type: ignore[arg-type]


def test_entries_are_equal_by_their_account_fields_not_by_stamps_or_history() -> None:
    a = _entry(uuid="u1", created=1.0)
    stamped = a.with_changes(stamps={"*": "0" * 26}, history=(HistoryItem("name", "x", "", ""),))
    assert stamped == a and stamped is not a
    assert a != a.with_changes(name="other")
    assert a != a.with_changes(meta={"k": "v"})
    assert (a == "not an entry") is False
    assert set(ACCOUNT_FIELDS) == set(Entry.__slots__) - {"stamps", "history"}


def test_an_entry_is_immutable_and_unhashable_like_its_meta_dict() -> None:
    e = _entry()
    with pytest.raises(AttributeError):
        e.name = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del e.issuer
    with pytest.raises(TypeError):  # meta is a dict, as a frozen dataclass's hash found too
        hash(e)
    assert hash(Icon("image/png", b"x")) == hash(Icon("image/png", b"x"))
    assert hash(HistoryItem("name", "a", "s", "t")) == hash(HistoryItem("name", "a", "s", "t"))


def test_an_entry_is_frozen_once_made_and_an_entry_not_its_draft() -> None:
    """The fields are set on a draft (assignable) class; what __init__ returns is an Entry,
    frozen, also when validation refused an earlier one."""
    with pytest.raises(OtpError):
        Entry("not base32!", "x")
    e = _entry()
    assert type(e) is Entry
    for name in Entry.__slots__:
        with pytest.raises(AttributeError):
            setattr(e, name, getattr(e, name))
    assert type(e.with_changes(name="other")) is Entry


@pytest.mark.parametrize(
    "text",
    [
        "JBSWY3DPEHPK3PXP",  # 80 bits: canonical
        "JBSWY3DPEHPK3PX",  # 75 bits: too short
        "jbswy3dpehpk3pxp",
        "JBSW Y3DP EHPK 3PXP",
        "JBSWY3DPEHPK3PXP====",
        "JBSW-Y3DP-EHPK-3PXP",
        "JBSWY3DPEHPK3PXP1",  # not Base32
        "JBSWY3DPEHPK3PXPA",  # 17 characters: a length no Base32 text has
        "A" * 1024,
        "A" * 1025,
        "",
        "ÄBSWY3DPEHPK3PXP",
    ],
)
def test_the_canonical_check_agrees_with_normalize_secret(text: str) -> None:
    try:
        canonical = normalize_secret(text) == text
    except OtpError:
        canonical = False
    assert _is_canonical(text) is canonical


def test_otp_type_is_the_enum_lookup_with_its_error() -> None:
    assert [otp_type(t.value) for t in OtpType] == list(OtpType)
    assert otp_type(OtpType.STEAM) is OtpType.STEAM
    for bad in ("TOTP", "motp", None, ["totp"]):
        with pytest.raises(ValueError):
            otp_type(bad)
    with pytest.raises(TypeError, match="no secret"):
        Entry.from_dict({"type": "totp"})
    with pytest.raises(ValueError):
        Entry.from_dict({"secret": "JBSWY3DPEHPK3PXP", "type": {"a": 1}})


def test_defaults_are_made_for_each_entry() -> None:
    a, b = _entry(), _entry()
    assert a.uuid != b.uuid
    assert a.meta == {} and a.meta is not b.meta
    assert a.stamps == {} and a.stamps is not b.stamps
    assert a.history == () and a.icon is None
    assert abs(a.created - time.time()) < 60
    positional = Entry(SECRET, "Issuer", "name", OtpType.HOTP, "SHA256", 8, 30, 5)
    assert (positional.type, positional.algorithm, positional.digits) == (OtpType.HOTP, "SHA256", 8)
    assert positional.counter == 5


def test_with_changes_validates_and_refuses_unknown_fields() -> None:
    e = _entry(icon=Icon("image/png", b"png"), stamps={"*": "1" * 26})
    changed = e.with_changes(issuer="Other", digits=8)
    assert (changed.issuer, changed.digits, changed.uuid, changed.icon) == (
        "Other",
        8,
        e.uuid,
        e.icon,
    )
    assert changed.stamps == e.stamps and e.issuer == "Example"
    with pytest.raises(OtpError):
        e.with_changes(digits=3)
    with pytest.raises(TypeError):
        e.with_changes(colour="red")


def test_copy_and_pickle_give_an_equal_entry_with_its_bookkeeping() -> None:
    item = HistoryItem("name", "old", "2" * 26, "3" * 26)
    e = _entry(icon=Icon("image/png", b"png"), stamps={"*": "1" * 26}, history=(item,))
    for clone in (copy.copy(e), copy.deepcopy(e), pickle.loads(pickle.dumps(e))):
        assert clone == e
        assert (clone.stamps, clone.history, clone.icon) == (e.stamps, e.history, e.icon)


def test_repr_shows_no_secret_nor_a_history_value() -> None:
    e = _entry()
    assert SECRET not in repr(e) and SECRET not in str(e)
    assert "hidden-value" not in repr(HistoryItem("otp", "hidden-value", "", ""))
    assert repr(Icon("image/png", b"abc")) == "Icon(mime='image/png', 3 bytes)"


def test_from_dict_ignores_unknown_keys_and_round_trips() -> None:
    item = HistoryItem("name", "old", "2" * 26, "3" * 26)
    e = _entry(icon=Icon("image/png", b"png"), stamps={"*": "1" * 26}, history=(item,))
    data = e.to_dict()
    back = Entry.from_dict({**data, "added_by_a_newer_version": 1})
    assert back == e and back.stamps == e.stamps and back.history == e.history
