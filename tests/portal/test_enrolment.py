"""2FA enrolment and the account facade against the emulator, with a real vault (no Qt)."""

from __future__ import annotations

import pytest

from desktop_app.errors import VaultError
from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal import errors as E
from desktop_app.portal.account import PortalAccount
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.portal.enrolment import (
    META_KEY_ID,
    META_STATE,
    META_USER,
    find_emnify_entry,
)
from desktop_app.portal.session import FINGERPRINT_ITEM, refresh_item

from .conftest import PASSWORD, USER


def assert_no_active_key_without_local_secret(emulator: EmulatorServer, vault) -> None:
    """The invariant: every active key on the portal has its secret in the vault."""
    secrets_in_vault = {e.secret for e in vault.entries()}
    for key in emulator.active_keys(USER):
        assert key.secret in secrets_in_vault


def test_enable_stores_then_activates(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    assert enrolment.status().state == "off"
    entry = enrolment.enable(PASSWORD)
    assert entry.meta[META_STATE] == "active" and entry.meta[META_USER] == USER
    (remote,) = emulator.active_keys(USER)
    assert entry.meta[META_KEY_ID] == str(remote.id)
    assert vault.get(entry.uuid).secret == remote.secret
    assert entry.issuer == "emnify" and entry.name == USER
    status = enrolment.status()
    assert status.state == "on" and status.local is not None and status.key_id == remote.id
    assert "authenticator app (this app's vault" in status.text()
    assert entry.label in status.text() and str(remote.id) not in status.text()


def test_vault_holds_the_key_before_activation(emulator, account, vault, monkeypatch):
    account.sign_in(USER, PASSWORD)
    seen = {}
    real = account.mfa.activate_mfa_key

    def spy(key_id: int, code: str) -> None:
        (entry,) = vault.entries()
        seen["state"] = entry.meta[META_STATE]
        real(key_id, code)

    monkeypatch.setattr(account.mfa, "activate_mfa_key", spy)
    account.enrolment().enable(PASSWORD)
    assert seen["state"] == "pending"


def test_fault_between_create_and_activate_leaves_pending_entry(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    emulator.inject_fault("activate_key", "error", status=503)
    with pytest.raises(E.PortalServerError):
        enrolment.enable(PASSWORD)
    (entry,) = vault.entries()
    assert entry.meta[META_STATE] == "pending"
    assert emulator.active_keys(USER) == []
    assert_no_active_key_without_local_secret(emulator, vault)
    status = enrolment.status()
    assert status.state == "pending" and status.local is not None
    finished = enrolment.activate(entry.uuid)  # "finish activation"
    assert finished.meta[META_STATE] == "active"
    assert emulator.active_keys(USER)[0].secret == finished.secret


def test_lost_answer_of_activation_is_reconciled(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    emulator.inject_fault("activate_key", "drop_after")
    with pytest.raises(E.PortalConnectionError):
        enrolment.enable(PASSWORD)
    assert_no_active_key_without_local_secret(emulator, vault)
    assert len(emulator.active_keys(USER)) == 1
    assert enrolment.status().state == "on"
    assert vault.entries()[0].meta[META_STATE] == "active"


def test_finish_when_already_active_is_success(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    emulator.inject_fault("activate_key", "drop_after")
    with pytest.raises(E.PortalConnectionError):
        enrolment.enable(PASSWORD)
    entry = vault.entries()[0]
    assert enrolment.activate(entry.uuid).meta[META_STATE] == "active"


def test_lost_answer_of_create_leaves_no_active_key_and_retry_works(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    emulator.inject_fault("create_key", "drop_after")
    with pytest.raises(E.PortalConnectionError):
        enrolment.enable(PASSWORD)
    assert vault.entries() == []
    assert len(emulator.keys(USER)) == 1 and emulator.active_keys(USER) == []
    entry = enrolment.enable(PASSWORD)  # 409 -> the orphan pending key is replaced
    assert [k.secret for k in emulator.keys(USER)] == [entry.secret]
    assert_no_active_key_without_local_secret(emulator, vault)


def test_vault_save_failure_deletes_the_pending_key(emulator, account, vault, monkeypatch):
    account.sign_in(USER, PASSWORD)

    def broken(entry: Entry) -> Entry:
        raise VaultError("disk full")

    monkeypatch.setattr(vault, "add", broken)
    with pytest.raises(VaultError):
        account.enrolment().enable(PASSWORD)
    assert emulator.keys(USER) == []


def test_clock_drift_one_step_is_retried_with_next_step(emulator, vault, memory_keystore):
    # This computer is 60 s behind: the first code is 2 steps old, the next one is accepted.
    acc = PortalAccount(
        emulator.url, memory_keystore, vault, timeout=5, clock=lambda: emulator.now() - 60
    )
    acc.sign_in(USER, PASSWORD)
    entry = acc.enrolment().enable(PASSWORD)
    assert entry.meta[META_STATE] == "active"
    assert emulator.calls["activate_key"] == 2
    acc.close()


def test_large_clock_drift_explains_and_stays_pending(emulator, vault, memory_keystore):
    acc = PortalAccount(
        emulator.url, memory_keystore, vault, timeout=5, clock=lambda: emulator.now() - 600
    )
    acc.sign_in(USER, PASSWORD)
    with pytest.raises(E.WrongCodeError) as info:
        acc.enrolment().enable(PASSWORD)
    assert "clock" in str(info.value)
    assert emulator.calls["activate_key"] == 2
    assert vault.entries()[0].meta[META_STATE] == "pending"
    assert emulator.active_keys(USER) == []
    acc.close()


def test_cancel_pending(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    entry = enrolment.create_key(PASSWORD)
    assert enrolment.pending_entry() is not None
    enrolment.cancel_pending(entry.uuid)
    assert vault.entries() == [] and emulator.keys(USER) == []
    assert enrolment.status().state == "off"


def test_disable_keeps_local_entry_marked_inactive(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    entry = enrolment.enable(PASSWORD)
    (marked,) = enrolment.disable()
    assert marked.uuid == entry.uuid and marked.meta[META_STATE] == "inactive"
    assert emulator.keys(USER) == []
    status = enrolment.status()
    assert status.state == "off" and [e.uuid for e in status.inactive_entries] == [entry.uuid]
    enrolment.remove_local(entry.uuid)
    assert vault.entries() == []
    with pytest.raises(E.NotFoundError):
        enrolment.disable()


def test_mandatory_mfa_disable_refused_keeps_entry_active(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    enrolment = account.enrolment()
    enrolment.enable(PASSWORD)
    emulator.user(USER).mfa_mandatory = True
    with pytest.raises(E.ForbiddenError):
        enrolment.disable()
    assert vault.entries()[0].meta[META_STATE] == "active"


def test_key_set_up_elsewhere_is_reported(emulator, account):
    key = emulator.add_active_key(USER)
    account.sign_in(USER, PASSWORD)  # no key in the vault: the code is needed
    assert account.awaiting_code
    account.complete_sign_in(code_at(Entry(secret=key.secret), emulator.now()))
    status = account.enrolment().status()
    assert status.state == "on" and status.local_missing
    with pytest.raises(E.ActiveKeyExistsError) as info:
        account.enrolment().enable(PASSWORD)
    assert info.value.key_id == key.id
    assert f"set up on {info.value.since}" in str(info.value) and "Replace it?" in str(info.value)
    assert [k.id for k in emulator.active_keys(USER)] == [key.id]  # nothing was deleted


def test_key_disabled_elsewhere_marks_local_inactive(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    entry = account.enrolment().enable(PASSWORD)
    emulator.user(USER).keys.clear()
    assert account.enrolment().status().state == "off"
    assert vault.get(entry.uuid).meta[META_STATE] == "inactive"


def test_sign_in_fills_code_from_vault(emulator, account, vault, memory_keystore):
    account.sign_in(USER, PASSWORD)
    account.enrolment().enable(PASSWORD)
    account.sign_out()
    outcome = account.sign_in(USER, PASSWORD)
    assert outcome.signed_in and outcome.autofilled
    assert account.enrolment().status().state == "on"


def test_hand_added_emnify_entry_is_never_used_for_autofill(emulator, account, vault):
    """Only a key this app enrolled and saw active may fill in the code: a hand-added entry
    might be stale, and a refused code costs one of three attempts before a lockout."""
    key = emulator.add_active_key(USER)
    hand = vault.add(Entry(secret=key.secret, issuer="emnify", name=USER.upper()))
    outcome = account.sign_in(USER, PASSWORD)
    assert not outcome.autofilled and outcome.needs_code and outcome.code_sent_to == USER
    assert find_emnify_entry(vault.entries(), USER) is not None
    account.complete_sign_in(code_at(hand, emulator.now()))
    status = account.status()
    assert status.method == "app_elsewhere" and status.maybe_local is not None


def test_wrong_code_asks_again_then_lockout(emulator, account):
    key = emulator.add_active_key(USER)
    assert account.sign_in(USER, PASSWORD).needs_code
    good = code_at(Entry(secret=key.secret), emulator.now())
    bad = f"{(int(good) + 500_000) % 1_000_000:06d}"
    with pytest.raises(E.InvalidCredentialsError):
        account.complete_sign_in(bad)
    with pytest.raises(E.InvalidCredentialsError):
        account.complete_sign_in(bad)
    with pytest.raises(E.AccountLockedError):
        account.complete_sign_in(bad)
    with pytest.raises(E.AccountLockedError):
        account.complete_sign_in(good)
    emulator.advance_clock(301)
    assert account.sign_in(USER, PASSWORD).needs_code


def test_session_kept_in_keyring_and_sign_out_forgets(emulator, account, vault, memory_keystore):
    account.sign_in(USER, PASSWORD, trust_device=False)
    assert memory_keystore.get(refresh_item(account.url, USER))
    other = PortalAccount(emulator.url, memory_keystore, vault, timeout=5)
    assert other.resume(USER) and other.enrolment().status().state == "off"
    other.close()
    account.sign_out()
    assert memory_keystore.get(refresh_item(account.url, USER)) is None
    again = PortalAccount(emulator.url, memory_keystore, vault, timeout=5)
    assert not again.resume(USER)
    again.close()


def test_password_is_never_kept(emulator, account, memory_keystore):
    account.sign_in(USER, PASSWORD)
    values = list(memory_keystore._backend._items.values())
    assert values and all(PASSWORD not in v for v in values)


def test_trust_this_device_and_forget_it(emulator, account, vault, memory_keystore):
    key = emulator.add_active_key(USER)
    assert account.sign_in(USER, PASSWORD, trust_device=True).needs_code
    account.complete_sign_in(code_at(Entry(secret=key.secret), emulator.now()))
    fingerprint = memory_keystore.get(FINGERPRINT_ITEM)
    assert fingerprint and emulator.devices(USER)[0].fingerprint == fingerprint
    # Session lost (not signed out): the trusted device skips the second step.
    memory_keystore.delete(refresh_item(account.url, USER))
    fresh = PortalAccount(emulator.url, memory_keystore, vault, timeout=5, clock=emulator.now)
    outcome = fresh.sign_in(USER, PASSWORD)
    assert outcome.signed_in and not outcome.autofilled
    (device,) = fresh.devices()
    fresh.forget_device(device.id)
    assert fresh.devices() == []
    fresh.sign_out()
    assert memory_keystore.get(FINGERPRINT_ITEM) is None
    fresh.close()


def test_application_token_sign_in(emulator, account):
    from .conftest import APP_TOKEN

    outcome = account.sign_in_with_token(APP_TOKEN)
    assert outcome.signed_in and outcome.user == USER
    assert account.enrolment().status().state == "off"


class _BrokenBackend:
    def get_password(self, service, username):
        raise RuntimeError("no keyring")

    def set_password(self, service, username, password):
        raise RuntimeError("no keyring")

    def delete_password(self, service, username):
        raise RuntimeError("no keyring")


def test_sign_in_works_without_a_keyring(emulator, vault):
    from desktop_app.vault import KeyStore

    acc = PortalAccount(emulator.url, KeyStore(_BrokenBackend()), vault, timeout=5)
    assert not acc.resume(USER)
    outcome = acc.sign_in(USER, PASSWORD)
    assert outcome.signed_in and "keyring" in outcome.message
    assert acc.enrolment().status().state == "off"
    assert not acc.keyring_available
    acc.sign_out()  # nothing was kept: signing out just works
    assert not acc.signed_in
    acc.close()


def test_enrolled_key_gets_the_icon_packs_emnify_logo(emulator, account, vault, data_dir):
    """An installed icon pack with an emnify icon: the enrolled account shows it, as every new
    account gets its pack icon (issue 25); another issuer's icon is not taken."""
    from desktop_app.icons import IconLibrary
    from tests.icons.pack_builder import icon, pack_zip, svg

    icons = [icon("SVG/emnify.svg", "emnify", name="emnify"), icon("SVG/GitHub.svg", "github")]
    files = {"SVG/emnify.svg": svg("#13294b"), "SVG/GitHub.svg": svg("#000000")}
    IconLibrary.of(data_dir).install(pack_zip(icons=icons, files=files))
    wanted = IconLibrary.of(data_dir).match("emnify")
    assert wanted is not None
    account.sign_in(USER, PASSWORD)
    entry = account.enrolment().enable(PASSWORD)
    assert entry.issuer == "emnify"
    stored = vault.get(entry.uuid)
    assert stored.icon is not None and stored.icon.data == wanted.data
    assert stored.icon != IconLibrary.of(data_dir).match("github")


def test_enrolled_key_without_icon_packs_has_no_icon(emulator, account, vault):
    account.sign_in(USER, PASSWORD)
    entry = account.enrolment().enable(PASSWORD)
    assert vault.get(entry.uuid).icon is None
