"""The account service on real-looking accounts (emulator kinds paid / trial / enforced), over
real HTTP, with a real vault: e-mailed codes read from the emulator's outbox, a code filled in
from the vault only when it can be right, truthful status, refusals explained."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.portal import errors as E
from desktop_app.portal.account import PortalAccount
from desktop_app.portal.emulator import EmulatorServer, read_outbox
from desktop_app.portal.enrolment import META_STATE
from desktop_app.portal.session import codes_item, enforced_item, refresh_item

from .conftest import APP_TOKEN, PASSWORD, USER


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox.jsonl"


def _emu(kind: str, outbox: Path, **kw: object) -> EmulatorServer:
    emu = EmulatorServer(account_kind=kind, outbox=outbox, **kw)  # type: ignore[arg-type]
    emu.add_user(USER, PASSWORD, application_token=APP_TOKEN)
    return emu


@pytest.fixture(params=["paid", "enforced"])
def emailing(request, outbox) -> Iterator[EmulatorServer]:
    with _emu(request.param, outbox) as emu:
        yield emu


@pytest.fixture
def paid(outbox) -> Iterator[EmulatorServer]:
    with _emu("paid", outbox) as emu:
        yield emu


@pytest.fixture
def trial(outbox) -> Iterator[EmulatorServer]:
    with _emu("trial", outbox) as emu:
        yield emu


def _account(emu: EmulatorServer, keystore, vault) -> PortalAccount:
    return PortalAccount(emu.url, keystore, vault, timeout=5.0, clock=emu.now)


def _emailed_code(outbox: Path) -> str:
    mails = read_outbox(outbox)
    assert mails and mails[-1]["to"] == USER
    return str(mails[-1]["code"])


def test_paid_account_e_mail_code_then_app_then_e_mail_again(
    emailing, outbox, vault, memory_keystore
):
    acc = _account(emailing, memory_keystore, vault)
    outcome = acc.sign_in(USER, PASSWORD)
    # No key in the vault: nothing is filled in, the e-mailed code is asked for.
    assert outcome.needs_code and not outcome.autofilled and outcome.code_sent_to == USER
    assert USER in outcome.message
    acc.complete_sign_in(_emailed_code(outbox))
    status = acc.status()
    assert status.method == "email" and "by e-mail (can't be turned off" in status.text()

    # Enable right after the sign-in: the password just given is reused (proven by it).
    password = acc.fresh_password()
    assert password == PASSWORD
    before = emailing.calls["authenticate"]
    entry = acc.enrolment().enable(password, password_proven=True)
    assert emailing.calls["authenticate"] == before  # no extra /authenticate was needed
    status = acc.status()
    assert status.method == "app_here" and status.local is not None
    assert entry.label in status.text() and str(status.key_id) not in status.text()

    # Signing in again: the authenticator key is active and in the vault -> filled in, no mail.
    acc.sign_out()
    mails = len(read_outbox(outbox))
    again = acc.sign_in(USER, PASSWORD)
    assert again.signed_in and again.autofilled
    assert len(read_outbox(outbox)) == mails

    assert not acc.enforced  # nothing the portal documents says it before a refusal
    if emailing.account_kind == "enforced":
        with pytest.raises(E.ForbiddenError) as info:
            acc.enrolment().disable()
        assert "mandatory" in str(info.value)
        assert vault.get(entry.uuid).meta[META_STATE] == "active"
        assert emailing.active_keys(USER)
        assert acc.learn_refusal(info.value) and acc.enforced
        assert memory_keystore.get(enforced_item(acc.url, USER)) == "yes"
        # kept beyond sign-out, read again by the next sign-in, by another account object too
        acc.sign_out()
        assert not acc.enforced and memory_keystore.get(enforced_item(acc.url, USER)) == "yes"
        acc.close()
        other = _account(emailing, memory_keystore, vault)
        assert other.sign_in(USER, PASSWORD).signed_in and other.enforced
        other.close()
        return
    # a refusal of another kind teaches nothing
    assert not acc.learn_refusal(E.ForbiddenError("Not for application tokens.", status=403))
    assert not acc.enforced and memory_keystore.get(enforced_item(acc.url, USER)) is None
    marked = acc.enrolment().disable()
    assert [e.uuid for e in marked] == [entry.uuid]
    assert vault.get(entry.uuid).meta[META_STATE] == "inactive"
    assert acc.status().method == "email"
    # The inactive entry is never used for the code again: the e-mailed one is asked for.
    acc.sign_out()
    third = acc.sign_in(USER, PASSWORD)
    assert third.needs_code and not third.autofilled
    acc.complete_sign_in(_emailed_code(outbox))
    acc.close()


def test_trial_account_has_no_code_until_the_app_is_on(trial, outbox, vault, memory_keystore):
    acc = _account(trial, memory_keystore, vault)
    assert acc.sign_in(USER, PASSWORD).signed_in
    assert acc.status().method == "none"
    acc.enrolment().enable(PASSWORD)  # not proven by this call: /authenticate proves it first
    assert acc.status().method == "app_here"
    acc.sign_out()
    assert acc.sign_in(USER, PASSWORD).autofilled
    acc.enrolment().disable(remove_local=True)
    assert not [e for e in vault.entries() if META_STATE in e.meta]
    assert acc.status().method == "none"
    assert not outbox.exists() or read_outbox(outbox) == []
    acc.close()


def test_resumed_session_remembers_e_mail_codes(paid, outbox, vault, memory_keystore):
    acc = _account(paid, memory_keystore, vault)
    acc.sign_in(USER, PASSWORD)
    acc.complete_sign_in(_emailed_code(outbox))
    assert acc.status().method == "email"
    acc.close()
    fresh = _account(paid, memory_keystore, vault)
    assert fresh.resume(USER)
    assert fresh.status().method == "email"
    fresh.sign_out()
    # Not a secret, and still true after a sign-out: kept (issue 22).
    assert memory_keystore.get(codes_item(paid.url, USER)) == "email"
    assert memory_keystore.get(refresh_item(paid.url, USER)) is None
    again = _account(paid, memory_keystore, vault)
    again.sign_in(USER, PASSWORD)
    assert again.email_codes is True
    again.close()
    fresh.close()


def test_mistyped_password_on_e_mail_account_triggers_no_e_mail_and_is_never_sent_plain(
    paid, outbox, vault, memory_keystore
):
    """No proof with /authenticate (it would e-mail an unrequested code): the hashed form goes
    to /user/mfa alone, is refused, and is not retried as typed."""
    acc = _account(paid, memory_keystore, vault)
    acc.sign_in(USER, PASSWORD)
    acc.complete_sign_in(_emailed_code(outbox))
    mails = len(paid.emails)
    with pytest.raises(E.PasswordRejectedError) as info:
        acc.enrolment().create_key("correct horse battery stapel")
    assert "did not accept the password" in str(info.value)
    assert len(paid.emails) == mails and paid.calls["authenticate"] == 2
    assert paid.calls["create_key"] == 1  # once, hashed: never retried in plain text
    assert paid.keys(USER) == [] and len(vault) == 0
    acc.close()


def test_enable_after_resume_on_e_mail_account_sends_no_e_mail(
    paid, outbox, vault, memory_keystore
):
    acc = _account(paid, memory_keystore, vault)
    acc.sign_in(USER, PASSWORD)
    acc.complete_sign_in(_emailed_code(outbox))
    acc.close()
    later = _account(paid, memory_keystore, vault)
    assert later.resume(USER)
    mails = len(paid.emails)
    later.enrolment().enable(PASSWORD)
    assert len(paid.emails) == mails
    assert later.status().method == "app_here"
    later.close()


def test_mistyped_password_on_trial_is_caught_by_authenticate(vault, memory_keystore, outbox):
    with _emu("trial", outbox) as emu:
        acc = _account(emu, memory_keystore, vault)
        acc.sign_in(USER, PASSWORD)  # no code asked: no e-mail MFA, a proof is harmless
        with pytest.raises(E.PasswordRejectedError) as info:
            acc.enrolment().create_key("correct horse battery stapel")
        assert "password is wrong" in str(info.value)
        assert emu.calls["create_key"] == 0  # never reached /user/mfa
        acc.close()


def test_application_token_session_refused_mfa_changes_explained(outbox, vault, memory_keystore):
    with _emu("paid", outbox, app_token_may_manage_mfa=False) as emu:
        acc = _account(emu, memory_keystore, vault)
        assert acc.sign_in_with_token(APP_TOKEN).user == USER
        assert acc.session_kind == "app_token"
        with pytest.raises(E.ForbiddenError) as info:
            acc.enrolment().create_key(PASSWORD)
        # What the server said, not a guess about the kind of session.
        assert "The portal said: Application tokens may not" in str(info.value)
        assert emu.keys(USER) == [] and len(vault) == 0
        acc.close()


def test_workspace_picker_lists_and_switches(paid, outbox, vault, memory_keystore):
    second = paid.add_workspace(USER, "Second org")
    acc = _account(paid, memory_keystore, vault)
    acc.sign_in(USER, PASSWORD)
    acc.complete_sign_in(_emailed_code(outbox))
    spaces = acc.workspaces()
    assert len(spaces) == 2 and second.id in {w.id for w in spaces}
    current = acc.current_workspace()
    assert current is not None and current.id != second.id
    acc.switch_workspace(second.id)
    now = acc.current_workspace()
    assert now is not None and now.id == second.id and now.name == "Second org"
    acc.close()


def test_no_keyring_sign_in_enable_disable_sign_out(paid, outbox, vault):
    from desktop_app.vault import KeyStore

    class Broken:
        def get_password(self, service, username):
            raise RuntimeError("no keyring")

        def set_password(self, service, username, password):
            raise RuntimeError("no keyring")

        def delete_password(self, service, username):
            raise RuntimeError("no keyring")

    acc = PortalAccount(paid.url, KeyStore(Broken()), vault, timeout=5.0, clock=paid.now)
    assert not acc.keyring_available
    outcome = acc.sign_in(USER, PASSWORD, trust_device=True)
    assert outcome.needs_code
    done = acc.complete_sign_in(_emailed_code(outbox))
    assert done.signed_in and "keyring" in done.message
    assert paid.devices(USER) == []  # "trust this device" needs the keyring: not done
    entry = acc.enrolment().enable(PASSWORD)
    assert acc.status().method == "app_here"
    acc.enrolment().disable()
    assert vault.get(entry.uuid).meta[META_STATE] == "inactive"
    acc.sign_out()
    assert not acc.signed_in
    acc.close()


def test_e_mailed_codes_are_read_from_the_outbox_file(paid, outbox, vault, memory_keystore):
    acc = _account(paid, memory_keystore, vault)
    acc.sign_in(USER, PASSWORD)
    lines = outbox.read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["code"] == paid.last_email_code(USER)
    acc.close()


def test_code_from_vault_refused_asks_for_the_e_mailed_one(paid, outbox, vault, memory_keystore):
    """The key was removed elsewhere since this app last saw it: the vault's code is refused
    once, then the person is asked for the e-mailed code (one attempt spent, no lockout)."""
    acc = _account(paid, memory_keystore, vault)
    acc.sign_in(USER, PASSWORD)
    acc.complete_sign_in(_emailed_code(outbox))
    entry = acc.enrolment().enable(PASSWORD, password_proven=True)
    acc.sign_out()
    paid.user(USER).keys.clear()  # removed in the web portal
    outcome = acc.sign_in(USER, PASSWORD)
    assert outcome.needs_code and "not accepted" in outcome.message
    acc.complete_sign_in(_emailed_code(outbox))
    assert acc.status().method == "email"
    assert vault.get(entry.uuid).meta[META_STATE] == "inactive"
    acc.close()
