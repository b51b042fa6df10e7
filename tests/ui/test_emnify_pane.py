"""The emnify account pane driven with pytest-qt against the portal emulator over real HTTP:
paid (e-mailed codes, read from the outbox), trial and enforced accounts; application tokens;
no keyring; errors beside the action that caused them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal.emulator import EmulatorServer, read_outbox
from desktop_app.portal.enrolment import META_STATE
from desktop_app.portal.session import refresh_item

pytestmark = pytest.mark.gui

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"
TOKEN = "tok-1"
WAIT = 10_000


@pytest.fixture(params=["paid"])
def kind(request) -> str:
    return request.param


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox.jsonl"


@pytest.fixture(params=["int", "float"], ids=["ids-int", "ids-float"])
def number_form(request) -> str:
    """Every pane test runs twice: the emulator sends ids as ``103`` and as ``103.0`` (the
    published schema types them as ``number``), as the core portal tests do."""
    return str(request.param)


@pytest.fixture
def emu(kind, outbox, number_form) -> Iterator[EmulatorServer]:
    with EmulatorServer(account_kind=kind, outbox=outbox, number_form=number_form) as e:
        e.add_user(USER, PASSWORD, application_token=TOKEN)
        yield e


@pytest.fixture
def make_pane(qtbot, services, emu):
    from desktop_app.ui.emnify.pane import EmnifyPane

    made = []

    def make(svc=None, **kw):
        svc = svc or services
        svc.portal_url = emu.url
        kw.setdefault("clock", emu.now)
        pane = EmnifyPane(svc, timeout=5.0, **kw)
        qtbot.addWidget(pane)
        pane.resize(480, 380)
        pane.show()
        made.append(pane)
        qtbot.waitUntil(lambda: not pane.busy, timeout=WAIT)
        return pane

    yield make
    for pane in made:
        qtbot.waitUntil(lambda p=pane: not p.busy, timeout=WAIT)
        pane.shutdown()


@pytest.fixture
def pane(make_pane):
    return make_pane()


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def admin_tool(qtbot, pane, action) -> None:
    """Open one of the admin tools from the "Account security…" button's menu."""
    button = pane.security_button
    assert button.isVisible() and button.isEnabled()
    assert action in button.menu().actions() and action.isEnabled()
    action.trigger()


def idle(qtbot, pane) -> None:
    qtbot.waitUntil(lambda: not pane.busy, timeout=WAIT)


def emailed(outbox: Path) -> str:
    mails = read_outbox(outbox)
    assert mails and mails[-1]["to"] == USER
    return str(mails[-1]["code"])


def type_in(qtbot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def sign_in(qtbot, pane, password: str = PASSWORD) -> None:
    type_in(qtbot, pane.email_edit, USER)
    type_in(qtbot, pane.password_edit, password)
    click(qtbot, pane.sign_in_button)
    idle(qtbot, pane)


def enter_code(qtbot, pane, code: str) -> None:
    assert pane.code_edit.isVisible()
    type_in(qtbot, pane.code_edit, code)
    click(qtbot, pane.code_button)
    idle(qtbot, pane)


def sign_in_paid(qtbot, pane, outbox) -> None:
    sign_in(qtbot, pane)
    assert f"A code was sent to {USER}" in pane.sign_in_feedback.text()
    enter_code(qtbot, pane, emailed(outbox))
    assert pane.signed_in


def state(pane) -> str:
    return pane.state_label.text()


def all_texts(pane) -> str:
    from PySide6.QtWidgets import QLabel

    texts = [w.text() for w in pane.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in pane.findChildren(QAbstractButton) if w.isVisible()]
    return "\n".join(texts)


def assert_no_ids_or_kernel_strings(pane, emu) -> None:
    text = all_texts(pane)
    for key in emu.keys(USER):
        assert f" {key.id}" not in text and f"key {key.id}" not in text
    for bad in ("Error", "Exception", "errno", "Traceback", "None", "null"):
        assert bad not in text, text


@pytest.mark.parametrize("kind", ["paid", "enforced"], indirect=True)
def test_enable_and_disable_on_an_account_with_e_mailed_codes(
    qtbot, pane, emu, outbox, services, monkeypatch
):
    sign_in_paid(qtbot, pane, outbox)
    assert "by e-mail (can't be turned off on this account)" in state(pane)
    assert pane.action_button.text() == "Enable the authenticator app"
    # The password was just given: no password step, one click.
    assert not pane.step_password.isVisible()
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    (entry,) = services.vault.entries()
    assert entry.meta[META_STATE] == "active" and emu.active_keys(USER)
    assert entry.label in pane.detail_label.text()
    assert "Done" in pane.action_feedback.text()
    assert_no_ids_or_kernel_strings(pane, emu)

    asked: list[str] = []

    def confirm_disable(text: str) -> tuple[bool, bool]:
        asked.append(text)
        return True, False

    monkeypatch.setattr(pane, "confirm_disable", confirm_disable)
    click(qtbot, pane.action_button)  # "Disable…"
    idle(qtbot, pane)
    assert "codes will come by e-mail again" in asked[0]
    if emu.account_kind == "enforced":
        # Refused by the organisation: said beside the action as a sentence, nothing changed,
        # and from now on the card says so and offers no Disable.
        feedback = pane.action_feedback.text()
        assert pane.action_feedback.is_error and "organisation requires" in feedback
        assert "mandatory" not in feedback and "portal said" not in feedback
        assert "this app's vault" in state(pane) and emu.active_keys(USER)
        assert services.vault.get(entry.uuid).meta[META_STATE] == "active"
        assert "cannot be turned off" in pane.detail_label.text()
        assert not pane.action_button.isVisible()
        return
    qtbot.waitUntil(lambda: "by e-mail" in state(pane), timeout=WAIT)
    assert emu.keys(USER) == []
    assert services.vault.get(entry.uuid).meta[META_STATE] == "inactive"
    assert "e-mail again" in pane.action_feedback.text()
    assert pane.secondary_button.isVisible()  # "Remove old key from this app…"


@pytest.mark.parametrize("kind", ["enforced"], indirect=True)
def test_an_enforced_organisation_is_told_up_front_after_sign_out_and_in_a_new_pane(
    qtbot, make_pane, emu, outbox, services, monkeypatch
):
    """Learnt at the first refusal (nothing the portal documents tells it sooner), kept for
    the account beyond sign-out: the next session says it up front and offers no Disable."""
    pane = make_pane()
    sign_in_paid(qtbot, pane, outbox)
    click(qtbot, pane.action_button)  # Enable
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    assert pane.action_button.isVisible()  # "Disable…": not known yet
    monkeypatch.setattr(pane, "confirm_disable", lambda _text: (True, False))
    click(qtbot, pane.action_button)
    idle(qtbot, pane)
    assert "organisation requires" in pane.action_feedback.text()
    click(qtbot, pane.sign_out_button)
    idle(qtbot, pane)
    pane.shutdown()

    fresh = make_pane(auto_resume=False)
    asked: list[str] = []
    monkeypatch.setattr(
        fresh, "confirm_disable", lambda text: (asked.append(text), (True, True))[1]
    )
    sign_in(qtbot, fresh)  # the vault's key fills the code in
    assert fresh.signed_in
    qtbot.waitUntil(lambda: "this app's vault" in state(fresh), timeout=WAIT)
    idle(qtbot, fresh)
    assert "cannot be turned off" in fresh.detail_label.text()
    assert not fresh.action_button.isVisible() and asked == []
    assert "Disable" not in all_texts(fresh)
    assert emu.active_keys(USER)


@pytest.mark.parametrize("kind", ["trial"], indirect=True)
def test_trial_enable_with_password_step_and_disable_removing_the_key(
    qtbot, pane, emu, outbox, services, monkeypatch
):
    sign_in(qtbot, pane)
    assert pane.signed_in and "Sign-in codes: none" in state(pane)
    pane.account.forget_password()  # as if the sign-in was long ago
    pane.presenter.render()
    assert pane.step_password.isVisible()
    click(qtbot, pane.action_button)
    assert pane.action_feedback.is_error and "password" in pane.action_feedback.text()
    type_in(qtbot, pane.step_password, PASSWORD)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    monkeypatch.setattr(pane, "confirm_disable", lambda _t: (True, True))
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "Sign-in codes: none" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    assert services.vault.entries() == [] and emu.keys(USER) == []
    assert not outbox.exists()


@pytest.mark.parametrize("kind", ["trial"], indirect=True)
def test_disable_wording_when_e_mail_codes_are_not_known_yet(
    qtbot, pane, emu, outbox, services, monkeypatch
):
    """A key that was already active at sign-in hides whether the account has e-mail codes
    (paid) or none (trial): the confirmation says both, never a flat "by e-mail again"."""
    sign_in(qtbot, pane)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    asked: list[str] = []
    monkeypatch.setattr(pane, "confirm_disable", lambda t: (asked.append(t), (False, False))[1])
    click(qtbot, pane.action_button)
    assert "no second factor" in asked[-1]  # learnt at this sign-in: a trial account
    pane.two_factor.email_codes = None  # as after a sign-in with the key already active
    click(qtbot, pane.action_button)
    assert "If your account uses e-mail codes" in asked[-1] and "no second factor" in asked[-1]
    assert "Sign-in codes will come by e-mail again" not in asked[-1]  # never flat
    assert emu.active_keys(USER)  # both times cancelled: nothing changed


def test_enable_showing_the_qr_code_first(qtbot, pane, emu, outbox, monkeypatch):
    sign_in_paid(qtbot, pane, outbox)
    shown: list[Entry] = []
    monkeypatch.setattr(pane, "show_key", lambda entry: shown.append(entry) or True)
    pane.show_qr_check.setChecked(True)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    assert shown and shown[0].secret == emu.active_keys(USER)[0].secret


def test_wrong_password_is_said_beside_sign_in(qtbot, pane, emu):
    sign_in(qtbot, pane, "wrong password")
    assert not pane.signed_in and pane.sign_in_feedback.is_error
    assert "Wrong" in pane.sign_in_feedback.text()
    assert "wrong password" not in pane.sign_in_feedback.text()


def test_wrong_code_then_right_code_then_lockout_is_explained(qtbot, pane, emu, outbox):
    sign_in(qtbot, pane)
    enter_code(qtbot, pane, "ZZZZZ9")
    assert pane.sign_in_feedback.is_error and pane.code_edit.isVisible()
    enter_code(qtbot, pane, emailed(outbox))
    assert pane.signed_in


def test_lockout_after_three_wrong_codes(qtbot, pane, emu, outbox):
    sign_in(qtbot, pane)
    for _ in range(3):
        enter_code(qtbot, pane, "ZZZZZ9")
    assert "locked" in pane.sign_in_feedback.text()
    assert "Try again in 5 min." in pane.sign_in_feedback.text()
    assert not pane.code_edit.isVisible()  # nothing more to spend attempts on
    assert emu.calls["authenticate"] == 4


def test_portal_errors_are_german_in_german(german, qtbot, pane, emu, outbox):
    """The portal client's messages (core text) are shown in the GUI's language."""
    sign_in(qtbot, pane, "wrong password")
    assert pane.sign_in_feedback.is_error
    assert (
        pane.sign_in_feedback.text()
        == "Falsche E-Mail-Adresse, falsches Passwort oder falscher Code."
    )
    sign_in(qtbot, pane)
    for _ in range(3):
        enter_code(qtbot, pane, "ZZZZZ9")
    assert pane.sign_in_feedback.text() == (
        "Zu viele Fehlversuche: Das Portal hat das Konto gesperrt. Versuchen Sie es in 5 min erneut."
    )
    assert "(HTTP" not in pane.sign_in_feedback.text()


def test_server_down_is_said_in_german(german, qtbot, pane, emu):
    emu.stop()
    sign_in(qtbot, pane)
    assert pane.sign_in_feedback.text().startswith("Das emnify-Portal ist nicht erreichbar.")


def test_vault_code_is_used_only_for_this_apps_active_key(qtbot, pane, emu, outbox, services):
    sign_in_paid(qtbot, pane, outbox)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    click(qtbot, pane.sign_out_button)
    idle(qtbot, pane)
    assert not pane.signed_in and services.keystore.get(refresh_item(emu.url, USER)) is None
    mails = len(emu.emails)
    sign_in(qtbot, pane)
    assert pane.signed_in and len(emu.emails) == mails  # filled in, nothing e-mailed
    idle(qtbot, pane)
    assert "vault" in pane.action_feedback.text()


def test_session_is_resumed_by_a_new_pane(qtbot, make_pane, emu, outbox):
    first = make_pane()
    sign_in_paid(qtbot, first, outbox)
    idle(qtbot, first)
    second = make_pane()
    qtbot.waitUntil(lambda: second.signed_in, timeout=WAIT)
    idle(qtbot, second)
    assert "by e-mail" in state(second)


def test_fault_between_create_and_activate_leaves_pending(qtbot, pane, emu, outbox, services):
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    emu.inject_fault("activate_key", "error", status=503)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "pending" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    assert pane.action_feedback.is_error and "(HTTP" not in pane.action_feedback.text()
    (entry,) = services.vault.entries()
    assert emu.active_keys(USER) == []  # never an active key without its secret in the vault
    assert pane.action_button.text() == "Finish activation"
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    assert emu.active_keys(USER)[0].secret == services.vault.get(entry.uuid).secret


def test_cancel_pending(qtbot, pane, emu, outbox, services, monkeypatch):
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    emu.inject_fault("activate_key", "drop")
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "pending" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    monkeypatch.setattr(pane, "confirm", lambda *_a: True)
    click(qtbot, pane.secondary_button)
    qtbot.waitUntil(lambda: "by e-mail" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    assert services.vault.entries() == [] and emu.keys(USER) == []


def test_application_token_sign_in_and_a_refused_change_is_explained(qtbot, pane, emu, services):
    emu.app_token_may_manage_mfa = False
    click(qtbot, pane.use_token_check)
    assert pane.token_edit.isVisible() and not pane.password_edit.isVisible()
    assert "single sign-on" in pane.use_token_check.toolTip()
    type_in(qtbot, pane.token_edit, TOKEN)
    click(qtbot, pane.sign_in_button)
    idle(qtbot, pane)
    assert pane.signed_in and "application token" in pane.account_label.text()
    assert services.keystore.get(refresh_item(emu.url, USER)) is None
    type_in(qtbot, pane.step_password, PASSWORD)
    click(qtbot, pane.action_button)
    idle(qtbot, pane)
    assert pane.action_feedback.is_error
    assert "application-token session" in pane.action_feedback.text()
    assert services.vault.entries() == [] and emu.keys(USER) == []


def test_workspace_picker_when_the_user_has_several(qtbot, pane, emu, outbox):
    second = emu.add_workspace(USER, "Second org")
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    assert pane.workspace_combo.isVisible() and pane.workspace_combo.count() == 2
    pane.workspace_combo.setCurrentIndex(pane.workspace_combo.findData(second.id))
    click(qtbot, pane.switch_button)
    idle(qtbot, pane)
    current = pane.account.current_workspace()
    assert current is not None and current.id == second.id


def test_a_non_admin_sees_their_workspace_and_the_admin_tools_disabled_with_the_reason(
    qtbot, make_pane, emu, outbox
):
    """The portal lists workspaces to Administrators only (403 otherwise): a non-admin member
    of two workspaces sees the current one named, no picker and no error; tokens and recovery
    are shown disabled with the reason; their own events stay open, and an organisation-wide
    view the portal refuses is a sentence, not a code."""
    emu.add_workspace(USER, "Second org")
    emu.user(USER).admin = False
    pane = make_pane()
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    workspace = emu.workspaces(USER)[0].name
    assert pane.account_label.text() == f"Signed in as {USER} · {workspace}"
    assert not pane.workspace_combo.isVisible()
    for area in (pane.action_feedback, pane.sign_in_feedback):
        assert not area.is_error, area.text()
    assert_no_ids_or_kernel_strings(pane, emu)
    assert pane.security_button.isEnabled()
    for action in (pane.tokens_action, pane.recovery_action):
        assert not action.isEnabled()
        assert action.toolTip().startswith("Only an Administrator of the organisation"), (
            action.toolTip()
        )
    note = pane.admin_note_action
    assert note.isVisible() and not note.isEnabled() and "Administrators only" in note.text()
    admin_tool(qtbot, pane, pane.events_action)
    dialog = pane.events_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    assert not dialog.message.is_error and dialog.tree.topLevelItemCount() > 0
    next_scope(qtbot, dialog)  # the organisation's: the portal says 403
    said = dialog.message.text()
    assert dialog.message.is_error and "Only an Administrator" in said, said
    assert "403" not in said and "1104" not in said
    dialog.reject()


def test_an_admin_keeps_the_admin_tools(qtbot, pane, emu, outbox):
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    assert pane.tokens_action.isEnabled() and pane.recovery_action.isEnabled()
    assert not pane.admin_note_action.isVisible()
    assert "Administrator" not in pane.tokens_action.toolTip()


def test_without_a_keyring_everything_but_keeping_the_session_works(
    qtbot, make_pane, services, emu, outbox, monkeypatch
):
    from desktop_app.vault import KeyStore

    class Broken:
        def get_password(self, service, username):
            raise RuntimeError("no keyring")

        def set_password(self, service, username, password):
            raise RuntimeError("no keyring")

        def delete_password(self, service, username):
            raise RuntimeError("no keyring")

    services.keystore = KeyStore(Broken())
    pane = make_pane(services)
    pane.presenter.make_account()
    pane.presenter.render()
    assert not pane.keep_check.isEnabled() and not pane.trust_check.isEnabled()
    assert pane.keyring_note.isVisible() and "keyring" in pane.keyring_note.text()
    sign_in_paid(qtbot, pane, outbox)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    monkeypatch.setattr(pane, "confirm_disable", lambda _t: (True, False))
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "by e-mail" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    click(qtbot, pane.sign_out_button)
    idle(qtbot, pane)
    assert not pane.signed_in and not pane.sign_in_feedback.is_error


def test_server_down_is_said_beside_sign_in(qtbot, pane, emu):
    emu.stop()
    sign_in(qtbot, pane)
    assert pane.sign_in_feedback.is_error and "cannot be reached" in pane.sign_in_feedback.text()


def test_bad_portal_address_is_explained(qtbot, pane):
    assert not pane.url_edit.isVisible()  # under "Advanced"
    click(qtbot, pane.advanced_button)
    type_in(qtbot, pane.url_edit, "ftp://example.com")
    sign_in(qtbot, pane)
    assert pane.sign_in_feedback.is_error and "https://" in pane.sign_in_feedback.text()
    click(qtbot, pane.advanced_button)
    assert not pane.url_edit.isVisible()
    sign_in(qtbot, pane)  # a bad address opens the section again, where it can be fixed
    assert pane.url_edit.isVisible() and pane.url_edit.text() == "ftp://example.com"


@pytest.mark.parametrize("suffix", ["", "/api"])
def test_sign_out_keeps_a_typed_portal_address(qtbot, make_pane, services, emu, outbox, suffix):
    """The command line names one portal, the person types another under "Advanced": signing
    in and out leaves what they typed (and the next sign-in goes there)."""
    pane = make_pane()
    services.portal_url = "http://127.0.0.1:9"  # the command-line value: nothing listens there
    pane.url_edit.setText(services.portal_url)
    click(qtbot, pane.advanced_button)
    typed = emu.url + suffix
    type_in(qtbot, pane.url_edit, typed)
    sign_in(qtbot, pane, password="wrong")  # not signed in: the typed address stays
    assert pane.sign_in_feedback.is_error and pane.url_edit.text() == typed
    sign_in_paid(qtbot, pane, outbox)
    click(qtbot, pane.sign_out_button)
    idle(qtbot, pane)
    assert not pane.signed_in and "Signed out" in pane.sign_in_feedback.text()
    assert pane.url_edit.text() == typed
    if not pane.url_edit.isVisible():
        click(qtbot, pane.advanced_button)
    assert pane.url_edit.isVisible() and pane.url_edit.text() == typed
    sign_in_paid(qtbot, pane, outbox)  # the typed portal again, not the command line's
    assert pane.account is not None and pane.account.url == emu.url


def test_a_typed_portal_address_outlives_sign_out_and_the_settings_dialog(
    qtbot, services, emu, outbox
):
    """Signed in at a typed address, signed out, Settings closed and opened again: the pane
    shows the typed address, not the command line's (nor does it resume at the latter)."""
    from desktop_app.ui.settings_dialog import EMNIFY_SECTION, SettingsDialog

    services.portal_url = "http://127.0.0.1:9"  # the command-line value: nothing listens there

    def open_pane():
        dialog = SettingsDialog(services)
        qtbot.addWidget(dialog)
        dialog.show_section(EMNIFY_SECTION)
        dialog.show()
        assert dialog.emnify_pane is not None
        idle(qtbot, dialog.emnify_pane)
        return dialog, dialog.emnify_pane

    dialog, pane = open_pane()
    assert pane.url_edit.text() == services.portal_url
    click(qtbot, pane.advanced_button)
    type_in(qtbot, pane.url_edit, emu.url)
    sign_in_paid(qtbot, pane, outbox)
    click(qtbot, pane.sign_out_button)
    idle(qtbot, pane)
    assert pane.url_edit.text() == emu.url
    dialog.close()
    pane.shutdown()
    dialog, pane = open_pane()
    assert pane.url_edit.text() == emu.url
    sign_in_paid(qtbot, pane, outbox)
    assert pane.account is not None and pane.account.url == emu.url
    pane.shutdown()


@pytest.mark.parametrize("how", ["wrong password", "unreachable", "not an address"])
def test_a_typed_portal_address_whose_sign_in_failed_is_kept_when_settings_reopen(
    qtbot, services, emu, outbox, how
):
    """What a person typed under Advanced is still there when they reopen Settings after a
    failed sign-in (to fix a typo or try again), for the rest of the run; the settings keep
    the last address that signed in."""
    from desktop_app.settings import PORTAL_URL
    from desktop_app.ui.settings_dialog import EMNIFY_SECTION, SettingsDialog

    services.portal_url = None  # no command-line address: the settings' one
    saved = services.settings.value(PORTAL_URL)

    def open_pane():
        dialog = SettingsDialog(services)
        qtbot.addWidget(dialog)
        dialog.show_section(EMNIFY_SECTION)
        dialog.show()
        assert dialog.emnify_pane is not None
        idle(qtbot, dialog.emnify_pane)
        return dialog, dialog.emnify_pane

    dialog, pane = open_pane()
    typed = {
        "wrong password": emu.url + "/api",
        "unreachable": "http://127.0.0.1:9",
        "not an address": "ftp://cdn.emnify.net",
    }[how]
    click(qtbot, pane.advanced_button)
    type_in(qtbot, pane.url_edit, typed)
    sign_in(qtbot, pane, password="wrong")
    assert pane.sign_in_feedback.is_error and not pane.signed_in
    dialog.close()
    pane.shutdown()
    dialog, pane = open_pane()
    assert pane.url_edit.text() == typed
    assert services.settings.value(PORTAL_URL) == saved  # only a sign-in saves it
    if how == "wrong password":
        sign_in_paid(qtbot, pane, outbox)
        assert pane.account is not None and pane.account.url == emu.url
        assert services.settings.value(PORTAL_URL) == emu.url
    pane.shutdown()


def test_every_control_has_an_accessible_name_and_takes_focus(qtbot, pane, emu, outbox):
    def check() -> None:
        for w in pane.findChildren(QLineEdit) + pane.findChildren(QComboBox):
            if w.isVisible():
                assert w.accessibleName(), w.objectName()
        for b in pane.findChildren(QAbstractButton):
            if b.isVisible():
                assert b.text() or b.accessibleName(), b.objectName()
                assert b.focusPolicy() != Qt.FocusPolicy.NoFocus, b.objectName()

    check()
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    check()


def test_demo_inbox_notice_shows_the_e_mailed_code(qtbot, make_pane, services):
    from desktop_app.portal.demo import start_demo

    demo = start_demo()
    try:
        services.demo_info = demo
        from desktop_app.ui.emnify.pane import EmnifyPane

        services.portal_url = demo.url
        pane = EmnifyPane(services, timeout=5.0, auto_resume=False)
        qtbot.addWidget(pane)
        pane.show()
        assert pane.email_edit.text() == demo.user
        assert demo.password in pane.sign_in_feedback.text()
        type_in(qtbot, pane.password_edit, demo.password)
        click(qtbot, pane.sign_in_button)
        qtbot.waitUntil(lambda: pane.inbox_label.isVisible(), timeout=WAIT)
        code = demo.last_code()
        assert code and code in pane.inbox_label.text()
        idle(qtbot, pane)
        enter_code(qtbot, pane, code)
        assert pane.signed_in
        idle(qtbot, pane)
        pane.shutdown()
    finally:
        demo.stop()


def test_vault_code_never_autofilled_from_a_hand_added_entry(qtbot, pane, emu, services):
    key = emu.add_active_key(USER)
    services.vault.add(Entry(secret=key.secret, issuer="emnify", name=USER))
    sign_in(qtbot, pane)
    assert not pane.signed_in and pane.code_edit.isVisible()
    enter_code(qtbot, pane, code_at(Entry(secret=key.secret), emu.now()))
    idle(qtbot, pane)
    assert "set up elsewhere" in state(pane)


def test_pane_fits_the_settings_dialog_without_scrolling(qtbot, services, emu, outbox):
    """At the dialog's default size every state fits (the same logical layout holds at 200 %:
    benchmarks/emnify_pane_shots.py --scale 2 checks it in its own process)."""
    from desktop_app.ui.settings_dialog import EMNIFY_SECTION, SettingsDialog

    services.portal_url = emu.url
    emu.add_workspace(USER, "Second org")
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show_section(EMNIFY_SECTION)
    dialog.show()
    pane = dialog.emnify_pane
    assert pane is not None
    page = dialog.pages.currentWidget()

    def fits() -> bool:
        qtbot.wait(10)
        return page.verticalScrollBar().maximum() == 0

    idle(qtbot, pane)
    assert fits()  # signed out
    sign_in(qtbot, pane)
    assert fits()  # code asked
    enter_code(qtbot, pane, emailed(outbox))
    idle(qtbot, pane)
    assert pane.workspace_combo.isVisible() and fits()  # e-mail codes
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    assert fits()  # on, with a two-line message
    pane.shutdown()


def _answer_modal(qtbot, act) -> None:
    """Act on the next modal dialog when it opens (its own event loop runs meanwhile)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(20, poll)


def test_disable_dialog_with_also_remove_the_key_clicked(qtbot, pane, emu, outbox, services):
    from desktop_app.ui.emnify.widgets import DisableDialog

    sign_in_paid(qtbot, pane, outbox)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    seen: list[str] = []

    def act(dialog) -> None:
        assert isinstance(dialog, DisableDialog)
        seen.append(dialog.findChildren(type(pane.state_label))[0].text())
        qtbot.mouseClick(dialog.remove_check, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    _answer_modal(qtbot, act)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "by e-mail" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    assert seen and "e-mail again" in seen[0]
    assert services.vault.entries() == [] and emu.keys(USER) == []
    assert "removed from this app" in pane.action_feedback.text()


def test_key_dialog_shows_the_qr_and_activates_on_click(qtbot, pane, emu, outbox, services):
    from desktop_app.ui.emnify.widgets import KeyDialog

    sign_in_paid(qtbot, pane, outbox)
    pane.show_qr_check.setChecked(True)
    shown: list[str] = []

    def act(dialog) -> None:
        assert isinstance(dialog, KeyDialog)
        assert not dialog.qr_label.pixmap().isNull()
        shown.append(dialog.secret_edit.text().replace(" ", ""))
        qtbot.mouseClick(dialog.activate_button, Qt.MouseButton.LeftButton)

    _answer_modal(qtbot, act)
    click(qtbot, pane.action_button)
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    assert shown == [emu.active_keys(USER)[0].secret]


@pytest.mark.parametrize("answer", [False, True])
def test_an_active_key_set_up_elsewhere_is_replaced_only_on_yes(
    qtbot, pane, emu, outbox, services, monkeypatch, answer
):
    """A phone's key became active after the status was read: Enable asks, naming its date,
    and without a yes the phone's key stays active and nothing is saved."""
    sign_in_paid(qtbot, pane, outbox)
    phone = emu.add_active_key(USER)
    asked: list[str] = []
    monkeypatch.setattr(pane, "confirm", lambda _title, text: asked.append(text) or answer)
    click(qtbot, pane.action_button)  # "Enable"
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    idle(qtbot, pane)
    assert "is active on this account" in asked[0] and "Replace it?" in asked[0]
    if not answer:
        assert [k.id for k in emu.active_keys(USER)] == [phone.id]
        assert services.vault.entries() == []
        assert "set up elsewhere" in state(pane)
        assert "Nothing was changed" in pane.action_feedback.text()
        return
    qtbot.waitUntil(lambda: "this app's vault" in state(pane), timeout=WAIT)
    idle(qtbot, pane)
    (entry,) = services.vault.entries()
    (active,) = emu.active_keys(USER)
    assert active.id != phone.id and active.secret == entry.secret


def test_application_tokens_create_shown_once_copied_and_revoked(
    qtbot, pane, emu, outbox, monkeypatch
):
    from PySide6.QtWidgets import QApplication

    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    admin_tool(qtbot, pane, pane.tokens_action)
    dialog = pane.tokens_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    before = dialog.tree.topLevelItemCount()
    assert not dialog.message.is_error
    click(qtbot, dialog.create_button)  # no description yet
    assert dialog.message.is_error and "Describe" in dialog.message.text()
    type_in(qtbot, dialog.description_edit, "backup script")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created_row.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    token = dialog.created_edit.text()
    assert token and "only this once" in dialog.message.text()
    assert dialog.tree.topLevelItemCount() == before + 1
    click(qtbot, dialog.copy_button)
    assert QApplication.clipboard().text() == token
    row = next(
        i
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == "backup script"
    )
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(row))
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm", lambda _t, text: asked.append(text) or True)
    click(qtbot, dialog.revoke_button)
    qtbot.waitUntil(lambda: "revoked" in dialog.message.text(), timeout=WAIT)
    assert "backup script" in asked[0]
    revoked = [
        dialog.tree.topLevelItem(i).text(3)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == "backup script"
    ]
    assert revoked == ["revoked"]
    dialog.reject()
    assert dialog.created_edit.text() == ""


def test_application_tokens_for_a_non_admin_are_one_sentence(qtbot, make_pane, emu, outbox):
    """An Administrator at sign-in who is one no more when opening the tool (the pane keeps
    the tools of a non-admin disabled: see the workspace test)."""
    pane = make_pane()
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    emu.user(USER).admin = False
    admin_tool(qtbot, pane, pane.tokens_action)
    dialog = pane.tokens_dialog
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=WAIT)
    assert "Only an Administrator" in dialog.message.text()
    assert "403" not in dialog.message.text()
    dialog.reject()


def test_security_events_newest_first_and_paged(qtbot, pane, emu, outbox, monkeypatch):
    from desktop_app.ui.emnify import events_presenter

    monkeypatch.setattr(events_presenter, "PER_PAGE", 2)
    user = emu.user(USER)
    for n in range(3):
        emu.admin.record(user, "mfa", f"MFA key {n} deleted")
        emu.advance_clock(60)
    sign_in_paid(qtbot, pane, outbox)  # a sign-in: the newest event
    idle(qtbot, pane)
    admin_tool(qtbot, pane, pane.events_action)
    dialog = pane.events_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() > 0, timeout=WAIT)

    def shown() -> list[str]:
        return [
            dialog.tree.topLevelItem(i).text(dialog.DETAILS)
            for i in range(dialog.tree.topLevelItemCount())
        ]

    first = shown()
    assert len(first) <= 2 and "MFA key 0 deleted" not in first
    while dialog.older_button.isEnabled():
        before = len(shown())
        click(qtbot, dialog.older_button)
        qtbot.waitUntil(
            lambda b=before: len(shown()) > b or not dialog.presenter.busy, timeout=WAIT
        )
        qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    texts = shown()
    deleted = [t for t in texts if t.startswith("MFA key")]
    assert deleted == ["MFA key 2 deleted", "MFA key 1 deleted", "MFA key 0 deleted"]
    assert texts.index("MFA key 2 deleted") > 0  # the sign-in came after: listed first
    assert not dialog.message.is_error
    dialog.reject()


def open_events(qtbot, pane, outbox):
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    admin_tool(qtbot, pane, pane.events_action)
    dialog = pane.events_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    return dialog


def event_rows(dialog) -> list[tuple[str, str]]:
    """(who, details) of every row shown."""
    tree = dialog.tree
    return [
        (tree.topLevelItem(i).text(dialog.WHO), tree.topLevelItem(i).text(dialog.DETAILS))
        for i in range(tree.topLevelItemCount())
    ]


def next_scope(qtbot, dialog) -> None:
    """The next "Show:" choice, by keyboard, as a person would without opening the list."""
    dialog.scope_combo.setFocus()
    qtbot.keyClick(dialog.scope_combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)


def test_security_events_of_the_organisation_and_of_a_user_for_an_admin(qtbot, pane, emu, outbox):
    colleague = "bob@example.com"
    emu.add_user(colleague, "bobs password", colleague_of=USER, admin=False)
    emu.admin.record(emu.user(colleague), "mfa", "MFA key 7 deleted")
    emu.admin.record(emu.user(USER), "mfa", "MFA key 1 deleted")
    dialog = open_events(qtbot, pane, outbox)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() > 0, timeout=WAIT)
    mine = [details for _, details in event_rows(dialog)]
    assert "MFA key 1 deleted" in mine and "MFA key 7 deleted" not in mine
    assert dialog.tree.isColumnHidden(dialog.WHO)

    next_scope(qtbot, dialog)  # the organisation's
    assert dialog.presenter.scope == "organisation" and not dialog.message.is_error
    rows = event_rows(dialog)
    assert (colleague, "MFA key 7 deleted") in rows and (USER, "MFA key 1 deleted") in rows
    assert not dialog.tree.isColumnHidden(dialog.WHO)
    assert not dialog.email_edit.isVisible()

    next_scope(qtbot, dialog)  # a user's: nothing of the organisation's stays
    assert dialog.email_edit.isVisible() and dialog.tree.topLevelItemCount() == 0
    type_in(qtbot, dialog.email_edit, colleague)
    click(qtbot, dialog.show_button)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    assert event_rows(dialog) == [(colleague, "MFA key 7 deleted")], dialog.message.text()

    type_in(qtbot, dialog.email_edit, "nobody@example.com")
    qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    assert dialog.message.is_error and dialog.tree.topLevelItemCount() == 0
    assert "knows no user with the e-mail address nobody@example.com" in dialog.message.text()
    dialog.reject()


def test_security_events_beyond_mine_are_one_sentence_for_a_non_admin(
    qtbot, make_pane, emu, outbox
):
    colleague = "bob@example.com"
    emu.add_user(colleague, "bobs password", colleague_of=USER, admin=False)
    emu.user(USER).admin = False
    pane = make_pane()
    dialog = open_events(qtbot, pane, outbox)
    assert not dialog.message.is_error, dialog.message.text()  # their own: allowed
    assert dialog.tree.topLevelItemCount() > 0  # the sign-in just made

    next_scope(qtbot, dialog)
    said = dialog.message.text()
    assert dialog.message.is_error and dialog.tree.topLevelItemCount() == 0
    assert said.startswith("Only an Administrator of the organisation can see"), said
    assert "403" not in said and "1104" not in said and "orbidden" not in said

    next_scope(qtbot, dialog)
    type_in(qtbot, dialog.email_edit, colleague)
    click(qtbot, dialog.show_button)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    said = dialog.message.text()
    assert dialog.message.is_error and dialog.tree.topLevelItemCount() == 0
    assert "Administrator" in said and "403" not in said and "orbidden" not in said, said
    dialog.reject()


def test_lost_phone_recovery_removes_a_colleagues_key_naming_them(
    qtbot, pane, emu, outbox, monkeypatch
):
    colleague = "bob@example.com"
    emu.add_user(colleague, "bobs password", colleague_of=USER, admin=False)
    phone = emu.add_active_key(colleague)
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    admin_tool(qtbot, pane, pane.recovery_action)
    dialog = pane.recovery_dialog
    assert dialog is not None
    type_in(qtbot, dialog.email_edit, colleague)
    click(qtbot, dialog.find_button)
    qtbot.waitUntil(lambda: dialog.items.count() > 0, timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    assert colleague in dialog.user_label.text()
    assert "created" in dialog.items.item(0).text()
    dialog.items.setCurrentRow(0)
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm", lambda title, text: asked.append(title + text) or True)
    click(qtbot, dialog.remove_button)
    qtbot.waitUntil(lambda: "Removed" in dialog.message.text(), timeout=WAIT)
    assert asked and colleague in asked[0]
    assert phone.id not in [k.id for k in emu.keys(colleague)]
    assert dialog.items.count() == 0
    dialog.reject()


def test_lost_phone_recovery_of_an_unknown_or_unreachable_user_is_a_sentence(
    qtbot, pane, emu, outbox
):
    emu.add_user("dora@example.com", "dora-pw")  # an Administrator of another organisation
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    admin_tool(qtbot, pane, pane.recovery_action)
    dialog = pane.recovery_dialog
    assert dialog is not None
    for email, said in (
        ("nobody@example.com", "The portal knows no user with the e-mail address nobody@"),
        ("dora@example.com", "The portal does not let you reach dora@example.com: only an"),
    ):
        type_in(qtbot, dialog.email_edit, email)
        click(qtbot, dialog.find_button)
        qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
        assert said in dialog.message.text(), dialog.message.text()
        assert "not found" not in dialog.message.text().lower()
        assert "forbidden" not in dialog.message.text().lower()
    dialog.reject()


def open_tokens(qtbot, pane, outbox):
    sign_in_paid(qtbot, pane, outbox)
    idle(qtbot, pane)
    admin_tool(qtbot, pane, pane.tokens_action)
    dialog = pane.tokens_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    return dialog


def test_new_token_with_expiry_and_ip_restriction(qtbot, pane, emu, outbox):
    from PySide6.QtCore import QDate

    dialog = open_tokens(qtbot, pane, outbox)
    assert not dialog.expiry_edit.isEnabled()
    type_in(qtbot, dialog.description_edit, "monitoring")
    click(qtbot, dialog.expiry_check)
    assert dialog.expiry_edit.isEnabled()
    day = QDate.currentDate().addDays(30)
    dialog.expiry_edit.setDate(day)
    type_in(qtbot, dialog.ip_edit, "203.0.113.7/24")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created_row.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    (record,) = [t for t in emu.admin.tokens.values() if t.description == "monitoring"]
    assert record.ip == "203.0.113.0/24"
    assert record.expiry_date.startswith(day.toString("yyyy-MM-dd"))
    shown = [
        dialog.tree.topLevelItem(i).text(2)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0) == "monitoring"
    ]
    assert shown == [day.toString("yyyy-MM-dd")]
    assert not dialog.expiry_check.isChecked() and dialog.ip_edit.text() == ""
    dialog.reject()


@pytest.mark.parametrize(("field", "said"), [("ip", "IP restriction"), ("expiry", "expiry date")])
def test_a_refused_new_token_is_one_sentence(qtbot, pane, emu, outbox, field, said):
    from PySide6.QtCore import QDate

    dialog = open_tokens(qtbot, pane, outbox)
    before = len(emu.admin.tokens)
    type_in(qtbot, dialog.description_edit, "refused")
    if field == "ip":
        type_in(qtbot, dialog.ip_edit, "not-an-address")
    else:
        click(qtbot, dialog.expiry_check)
        dialog.expiry_edit.setDate(QDate.currentDate().addDays(-2))
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.message.is_error, timeout=WAIT)
    text = dialog.message.text()
    assert said in text and text.endswith(".") and ". " not in text and "\n" not in text
    assert "422" not in text
    assert "must be" not in text and not dialog.created_row.isVisible()
    assert len(emu.admin.tokens) == before
    assert dialog.description_edit.text() == "refused"  # nothing typed is lost
    dialog.reject()


def test_new_token_used_as_this_apps_sign_in(qtbot, pane, emu, outbox, data_dir):
    dialog = open_tokens(qtbot, pane, outbox)
    type_in(qtbot, dialog.description_edit, "this app")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.created_row.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not dialog.presenter.busy, timeout=WAIT)
    token = dialog.created_edit.text()
    click(qtbot, dialog.use_button)
    assert not dialog.isVisible() and dialog.created_edit.text() == ""
    qtbot.waitUntil(lambda: "new application token" in pane.action_feedback.text(), timeout=WAIT)
    idle(qtbot, pane)
    assert pane.signed_in and pane.account.session_kind == "app_token"
    assert "application token" in pane.account_label.text()
    assert "memory only" in pane.action_feedback.text()
    for path in data_dir.rglob("*"):  # like the token sign-in: the token is never written down
        if path.is_file():
            assert token.encode() not in path.read_bytes()


def test_signed_out_pane_says_how_single_sign_on_users_get_in(qtbot, pane):
    hint = pane.token_hint
    assert hint.isVisible()
    text = hint.text()
    assert "single sign-on" in text and "no password" in text
    assert "Integrations → Application tokens" in text and "paste it here" in text
    click(qtbot, pane.use_token_check)
    assert pane.token_edit.isVisible() and hint.isVisible()


@pytest.mark.parametrize("omit", [("status",), ("type",)])
def test_a_key_the_portal_does_not_describe_is_unknown_in_the_pane(
    qtbot, pane, emu, outbox, services, omit
):
    """The user record lists a key without its status or type (the ``mfa[]`` item schema is
    not published): the card says so, offers neither Enable nor Disable, and nothing is
    deleted or created."""
    phone = emu.add_active_key(USER)
    emu.mfa_item_omit = frozenset(omit)
    sign_in(qtbot, pane)
    enter_code(qtbot, pane, code_at(Entry(secret=phone.secret), emu.now()))
    assert pane.signed_in
    idle(qtbot, pane)
    assert "unknown" in state(pane).lower(), state(pane)
    assert "no authenticator app" not in state(pane)
    assert "emnify Portal" in pane.detail_label.text()
    assert not pane.action_button.isVisible()
    assert "Enable" not in all_texts(pane) and "Disable" not in all_texts(pane)
    assert [k.id for k in emu.active_keys(USER)] == [phone.id]
    assert services.vault.entries() == []
