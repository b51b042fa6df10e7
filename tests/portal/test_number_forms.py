"""Issue 22, "must never happen": ids as any whole JSON number, ``mfa[]`` items with fields
missing, and an active key this vault does not hold is never deleted unasked."""

from __future__ import annotations

import pytest

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal import errors as E
from desktop_app.portal.account import PortalAccount
from desktop_app.portal.client import PortalClient, parse_key, read_id, whole_number
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.portal.enrolment import META_KEY_ID, META_STATE
from desktop_app.portal.mfa import MfaApi

from .conftest import PASSWORD, USER


@pytest.mark.parametrize(("value", "expected"), [(1, 1), (1.0, 1), (103.0, 103), (0, 0)])
def test_whole_numbers_are_ids(value: object, expected: int) -> None:
    assert whole_number(value) == expected
    assert read_id(value, "a key") == expected


@pytest.mark.parametrize("value", [1.5, "1", True, None, float("nan"), float("inf"), [1], {}])
def test_anything_else_is_a_protocol_error(value: object) -> None:
    assert whole_number(value) is None
    with pytest.raises(E.PortalProtocolError, match="a key whose id is not a whole number"):
        read_id(value, "a key")


def test_a_key_without_type_or_status_is_unknown_not_off() -> None:
    key = parse_key({"id": 7.0})
    assert key.id == 7 and key.status is None and key.type is None and not key.state_known
    assert parse_key({"id": 7, "status": {"id": 1.0}, "type": {"id": 0.0}}).state_known
    with pytest.raises(E.PortalProtocolError):
        parse_key({"id": 7, "status": {"id": "active"}})


@pytest.fixture
def float_emulator():
    with EmulatorServer(account_kind="paid", number_form="float") as emu:
        emu.add_user(USER, PASSWORD)
        yield emu


def _signed_in(emu: EmulatorServer, vault, keystore, key_secret: str | None = None):
    acc = PortalAccount(emu.url, keystore, vault, timeout=5.0, clock=emu.now)
    acc.sign_in(USER, PASSWORD)
    if acc.awaiting_code:
        code = code_at(Entry(secret=key_secret), emu.now()) if key_secret else None
        acc.complete_sign_in(code or emu.last_email_code(USER) or "")
    return acc


def test_float_ids_active_elsewhere_is_on_and_enable_asks(float_emulator, vault, memory_keystore):
    """The reported bug: ``status.id`` 1.0 read as "by e-mail", then Enable deleted the phone's
    key after the 409. Now the status is "on" and Enable asks, naming the key's date."""
    emu = float_emulator
    phone = emu.add_active_key(USER)
    acc = _signed_in(emu, vault, memory_keystore, phone.secret)
    try:
        status = acc.status()
        assert status.state == "on" and status.local_missing and status.key_id == phone.id
        with pytest.raises(E.ActiveKeyExistsError) as info:
            acc.enrolment().enable(PASSWORD, password_proven=True)
        assert info.value.key_id == phone.id
        assert str(info.value).startswith(f"An authenticator set up on {status.since} is active")
        assert [k.id for k in emu.active_keys(USER)] == [phone.id]
        assert vault.entries() == []
        # The person said yes: that key (and only when named) is replaced.
        entry = acc.enrolment().create_key(PASSWORD, password_proven=True, replace_key_id=phone.id)
        acc.enrolment().activate(entry.uuid)
        (now_active,) = emu.active_keys(USER)
        assert now_active.id != phone.id and now_active.secret == vault.get(entry.uuid).secret
    finally:
        acc.close()


def test_replace_names_one_key_only(float_emulator, vault, memory_keystore):
    """A yes for another key id (stale) is no yes for the active one."""
    emu = float_emulator
    phone = emu.add_active_key(USER)
    acc = _signed_in(emu, vault, memory_keystore, phone.secret)
    try:
        with pytest.raises(E.ActiveKeyExistsError):
            acc.enrolment().create_key(PASSWORD, password_proven=True, replace_key_id=phone.id + 1)
        assert [k.id for k in emu.active_keys(USER)] == [phone.id]
    finally:
        acc.close()


def test_created_key_id_as_float_is_kept_and_activated(float_emulator, vault, memory_keystore):
    """Key id 103.0 at creation: stored (as "103"), activated, no pending key left behind."""
    emu = float_emulator
    acc = _signed_in(emu, vault, memory_keystore)
    try:
        entry = acc.enrolment().enable(PASSWORD, password_proven=True)
        (key,) = emu.keys(USER)
        assert entry.meta[META_KEY_ID] == str(key.id) and entry.meta[META_STATE] == "active"
        assert key.status_id == emu.active_status_id
        assert acc.status().method == "app_here"
        acc.enrolment().disable()
        assert emu.keys(USER) == []
    finally:
        acc.close()


@pytest.mark.parametrize("omit", [("status",), ("type",), ("status", "type")])
def test_missing_type_or_status_is_unknown_and_nothing_is_deleted(
    omit, vault, memory_keystore
) -> None:
    with EmulatorServer(account_kind="paid", mfa_item_omit=omit) as emu:
        emu.add_user(USER, PASSWORD)
        phone = emu.add_active_key(USER)
        acc = _signed_in(emu, vault, memory_keystore, phone.secret)
        try:
            status = acc.status()
            assert status.state == "unknown" and status.method == "key_unknown"
            assert "without saying whether it is active" in status.text()
            with pytest.raises(E.KeyStateUnknownError) as info:
                acc.enrolment().enable(PASSWORD, password_proven=True)
            assert info.value.key_id == phone.id
            with pytest.raises(E.KeyStateUnknownError):
                acc.enrolment().create_key(PASSWORD, password_proven=True, replace_key_id=phone.id)
            with pytest.raises(E.KeyStateUnknownError):
                acc.enrolment().disable()
            assert [k.id for k in emu.active_keys(USER)] == [phone.id]
        finally:
            acc.close()


def test_missing_descriptions_and_dates_still_read(vault, memory_keystore) -> None:
    with EmulatorServer(
        account_kind="trial", number_form="float", mfa_item_omit=("description", "creation_date")
    ) as emu:
        emu.add_user(USER, PASSWORD)
        acc = _signed_in(emu, vault, memory_keystore)
        try:
            acc.enrolment().enable(PASSWORD, password_proven=True)
            status = acc.status()
            assert status.method == "app_here" and status.since == ""
        finally:
            acc.close()


def test_ids_read_from_every_list_as_floats(float_emulator) -> None:
    emu = float_emulator
    emu.add_workspace(USER, "Second")
    with PortalClient(emu.url, timeout=5.0) as client:
        first = client.login_with_password(USER, PASSWORD)
        assert first.mfa_token is not None
        client.complete_mfa(first.mfa_token, emu.last_email_code(USER) or "")
        assert MfaApi(client).totp_type_id() == 0 and MfaApi(client).active_status_id() == 1
        assert isinstance(client.user_id(), int)
        spaces = client.workspaces()
        assert len(spaces) == 2 and all(isinstance(w.id, int) for w in spaces)
        client.switch_workspace(spaces[1].id)
        current = client.current_workspace()
        assert current is not None and current.id == spaces[1].id
