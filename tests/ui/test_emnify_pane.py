"""The emnify account pane driven with pytest-qt against the portal emulator over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.portal.session import refresh_item

pytestmark = pytest.mark.gui

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"
WAIT = 10_000


@pytest.fixture
def emu() -> Iterator[EmulatorServer]:
    with EmulatorServer(account_kind="trial", empty_401_bodies=False) as e:
        e.add_user(USER, PASSWORD)
        yield e


@pytest.fixture
def make_pane(qtbot, services, emu):
    from desktop_app.ui.emnify_pane import EmnifyPane

    made = []

    def make(**kw):
        services.portal_url = emu.url
        kw.setdefault("clock", emu.now)
        pane = EmnifyPane(services, timeout=5.0, **kw)
        qtbot.addWidget(pane)
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
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def idle(qtbot, pane) -> None:
    qtbot.waitUntil(lambda: not pane.busy, timeout=WAIT)


def sign_in(qtbot, pane, password: str = PASSWORD) -> None:
    pane.email_edit.setText(USER)
    pane.password_edit.setText(password)
    click(qtbot, pane.sign_in_button)
    idle(qtbot, pane)


def refuse(*_a, **_k):
    raise AssertionError("this dialog must not be shown")


def enable(qtbot, pane, monkeypatch) -> None:
    monkeypatch.setattr(pane, "ask_password", lambda *_: PASSWORD)
    click(qtbot, pane.enable_button)
    qtbot.waitUntil(
        lambda: pane.two_factor is not None and pane.two_factor.state == "on", timeout=WAIT
    )
    idle(qtbot, pane)


def test_enable(qtbot, pane, emu, services, monkeypatch):
    busy_seen: list[bool] = []
    pane.busy_changed.connect(
        lambda b: busy_seen.append(
            b and not pane.enable_button.isEnabled() and pane.busy_bar.isVisible()
        )
    )
    sign_in(qtbot, pane)
    assert pane.signed_in and pane.two_factor.state == "off"
    assert pane.enable_button.isEnabled() and not pane.disable_button.isEnabled()
    with qtbot.waitSignal(
        pane.status_changed, check_params_cb=lambda t: "is on" in t, timeout=WAIT
    ):
        enable(qtbot, pane, monkeypatch)
    (entry,) = services.vault.entries()
    (key,) = emu.active_keys(USER)
    assert entry.secret == key.secret and entry.meta["emnify.state"] == "active"
    assert "authenticator app (this app's vault" in pane.state_label.text()
    assert pane.disable_button.isEnabled() and not pane.enable_button.isEnabled()
    assert True in busy_seen  # busy: bar shown, buttons disabled
    assert services.settings.get("portal_user") == USER


def test_enable_showing_the_key_first(qtbot, pane, emu, monkeypatch):
    from desktop_app.ui.emnify_pane import KeyDialog

    shown: list[Entry] = []

    def show_key(entry: Entry) -> bool:
        dialog = KeyDialog(entry, pane)
        assert not dialog.qr_label.pixmap().isNull()
        assert dialog.secret_edit.text().replace(" ", "") == entry.secret
        dialog.deleteLater()
        shown.append(entry)
        return True

    monkeypatch.setattr(pane, "show_key", show_key)
    sign_in(qtbot, pane)
    pane.show_key_check.setChecked(True)
    enable(qtbot, pane, monkeypatch)
    assert shown and shown[0].secret == emu.active_keys(USER)[0].secret


def test_sign_out_forgets_session(qtbot, pane, services, emu):
    sign_in(qtbot, pane)
    assert services.keystore.get(refresh_item(emu.url, USER))
    with qtbot.waitSignal(pane.signed_in_changed, check_params_cb=lambda s: not s, timeout=WAIT):
        click(qtbot, pane.sign_out_button)
    idle(qtbot, pane)
    assert not pane.signed_in and pane.sign_in_button.isEnabled()
    assert services.keystore.get(refresh_item(emu.url, USER)) is None
    assert "Not signed in" in pane.account_label.text()


def test_session_is_resumed_by_a_new_pane(qtbot, make_pane, services):
    first = make_pane()
    sign_in(qtbot, first)
    second = make_pane()
    qtbot.waitUntil(lambda: second.two_factor is not None, timeout=WAIT)
    assert second.signed_in


def test_sign_in_fills_code_from_vault(qtbot, pane, monkeypatch, emu):
    sign_in(qtbot, pane)
    enable(qtbot, pane, monkeypatch)
    click(qtbot, pane.sign_out_button)
    idle(qtbot, pane)
    monkeypatch.setattr(pane, "ask_code", refuse)
    sign_in(qtbot, pane)
    qtbot.waitUntil(lambda: pane.two_factor is not None, timeout=WAIT)
    assert pane.signed_in and "filled in from this app's vault" in pane.account_label.text()
    assert pane.two_factor.state == "on"


def test_disable_keeps_entry_marked_and_offers_removal(qtbot, pane, monkeypatch, services, emu):
    sign_in(qtbot, pane)
    enable(qtbot, pane, monkeypatch)
    questions: list[str] = []

    def confirm(title: str, text: str) -> bool:
        questions.append(title)
        return title.startswith("Disable")  # yes to disabling, no to removing

    monkeypatch.setattr(pane, "confirm", confirm)
    click(qtbot, pane.disable_button)
    qtbot.waitUntil(
        lambda: pane.two_factor is not None and pane.two_factor.state == "off", timeout=WAIT
    )
    idle(qtbot, pane)
    assert questions == ["Disable two-factor authentication", "Remove the old key?"]
    assert emu.keys(USER) == []
    (entry,) = services.vault.entries()
    assert entry.meta["emnify.state"] == "inactive"
    assert pane.remove_local_button.isVisible() and pane.remove_local_button.isEnabled()
    monkeypatch.setattr(pane, "confirm", lambda *_: True)
    click(qtbot, pane.remove_local_button)
    qtbot.waitUntil(lambda: services.vault.entries() == [], timeout=WAIT)
    idle(qtbot, pane)
    assert not pane.remove_local_button.isVisible()


def test_wrong_password(qtbot, pane):
    with qtbot.waitSignal(pane.error_shown, timeout=WAIT) as blocker:
        sign_in(qtbot, pane, password="wrong password")
    assert "Invalid credentials" in blocker.args[0]
    assert "wrong password" not in pane.error_label.text()
    assert not pane.signed_in and pane.sign_in_button.isEnabled() and pane.email_edit.isEnabled()


def test_wrong_password_when_enabling(qtbot, pane, monkeypatch, emu):
    sign_in(qtbot, pane)
    monkeypatch.setattr(pane, "ask_password", lambda *_: "not it")
    with qtbot.waitSignal(pane.error_shown, timeout=WAIT) as blocker:
        click(qtbot, pane.enable_button)
    idle(qtbot, pane)
    assert "password" in blocker.args[0].lower()
    assert emu.keys(USER) == [] and pane.enable_button.isEnabled()


def _wrong(code: str) -> str:
    return f"{(int(code) + 500_000) % 1_000_000:06d}"


def test_wrong_code_then_right_code(qtbot, pane, monkeypatch, emu):
    key = emu.add_active_key(USER)
    answers = [_wrong(code_at(Entry(secret=key.secret), emu.now())), None]
    prompts: list[str] = []

    def ask_code(prompt: str):
        prompts.append(prompt)
        answer = answers.pop(0)
        return answer

    monkeypatch.setattr(pane, "ask_code", ask_code)
    sign_in(qtbot, pane)
    qtbot.waitUntil(lambda: not answers, timeout=WAIT)
    idle(qtbot, pane)
    assert len(prompts) == 2 and "Invalid code" in prompts[1]
    assert "Invalid code" in pane.error_label.text()
    assert not pane.signed_in and pane.sign_in_button.isEnabled()
    # And with the right code.
    monkeypatch.setattr(pane, "ask_code", lambda _p: code_at(Entry(secret=key.secret), emu.now()))
    sign_in(qtbot, pane)
    qtbot.waitUntil(lambda: pane.two_factor is not None, timeout=WAIT)
    assert pane.signed_in and pane.two_factor.state == "on" and pane.two_factor.local_missing


def test_lockout(qtbot, pane, monkeypatch, emu):
    key = emu.add_active_key(USER)
    monkeypatch.setattr(
        pane, "ask_code", lambda _p: _wrong(code_at(Entry(secret=key.secret), emu.now()))
    )
    with qtbot.waitSignal(pane.error_shown, check_params_cb=lambda m: "locked" in m, timeout=WAIT):
        sign_in(qtbot, pane)
    idle(qtbot, pane)
    assert emu.calls["authenticate"] == 4  # password + 3 codes, then it stops asking
    assert "5 minutes" in pane.error_label.text()
    # Still locked with the right password; usable again after the lock ends.
    with qtbot.waitSignal(pane.error_shown, timeout=WAIT) as blocker:
        sign_in(qtbot, pane)
    assert "locked" in blocker.args[0]
    emu.advance_clock(301)
    monkeypatch.setattr(pane, "ask_code", lambda _p: code_at(Entry(secret=key.secret), emu.now()))
    sign_in(qtbot, pane)
    qtbot.waitUntil(lambda: pane.signed_in, timeout=WAIT)


def test_rate_limited(qtbot, pane, emu):
    emu.set_rate_limits(auth=0)
    with qtbot.waitSignal(pane.error_shown, timeout=WAIT) as blocker:
        sign_in(qtbot, pane)
    assert "Rate limit" in blocker.args[0] and "Try again in" in blocker.args[0]
    assert pane.sign_in_button.isEnabled()


def test_server_down(qtbot, pane, emu):
    emu.stop()
    with qtbot.waitSignal(pane.error_shown, timeout=WAIT) as blocker:
        sign_in(qtbot, pane)
    assert "cannot be reached" in blocker.args[0]
    assert pane.sign_in_button.isEnabled() and not pane.busy_bar.isVisible()


def test_token_expiry_refreshes(qtbot, make_pane, emu):
    import time

    pane = make_pane(clock=time.time)  # the app learns the expiry from the 401
    sign_in(qtbot, pane)
    qtbot.waitUntil(lambda: pane.two_factor is not None, timeout=WAIT)
    emu.advance_clock(241 * 60)
    logins = emu.calls["authenticate"]
    errors: list[str] = []
    pane.error_shown.connect(errors.append)
    click(qtbot, pane.refresh_button)
    idle(qtbot, pane)
    assert errors == [] and pane.signed_in
    assert emu.calls["authenticate"] == logins + 1  # one refresh


def test_fault_between_create_and_activate_leaves_pending(qtbot, pane, monkeypatch, emu, services):
    sign_in(qtbot, pane)
    emu.inject_fault("activate_key", "error", status=503)
    monkeypatch.setattr(pane, "ask_password", lambda *_: PASSWORD)
    with qtbot.waitSignal(pane.error_shown, timeout=WAIT) as blocker:
        click(qtbot, pane.enable_button)
    idle(qtbot, pane)
    assert "503" in blocker.args[0]
    (entry,) = services.vault.entries()
    assert entry.meta["emnify.state"] == "pending"
    assert emu.active_keys(USER) == []  # no active key without its local secret
    assert pane.two_factor.state == "pending"
    assert pane.finish_button.isVisible() and pane.finish_button.isEnabled()
    assert pane.cancel_button.isVisible() and not pane.enable_button.isEnabled()
    click(qtbot, pane.finish_button)
    qtbot.waitUntil(lambda: pane.two_factor.state == "on", timeout=WAIT)
    idle(qtbot, pane)
    assert emu.active_keys(USER)[0].secret == services.vault.get(entry.uuid).secret
    assert not pane.finish_button.isVisible()


def test_cancel_pending(qtbot, pane, monkeypatch, emu, services):
    sign_in(qtbot, pane)
    emu.inject_fault("activate_key", "drop")
    monkeypatch.setattr(pane, "ask_password", lambda *_: PASSWORD)
    click(qtbot, pane.enable_button)
    qtbot.waitUntil(lambda: pane.cancel_button.isEnabled(), timeout=WAIT)
    monkeypatch.setattr(pane, "confirm", lambda *_: True)
    click(qtbot, pane.cancel_button)
    qtbot.waitUntil(
        lambda: pane.two_factor is not None and pane.two_factor.state == "off", timeout=WAIT
    )
    idle(qtbot, pane)
    assert services.vault.entries() == [] and emu.keys(USER) == []


def test_trusted_devices_list_and_forget(qtbot, pane, monkeypatch, emu):
    key = emu.add_active_key(USER)
    monkeypatch.setattr(pane, "ask_code", lambda _p: code_at(Entry(secret=key.secret), emu.now()))
    pane.trust_check.setChecked(True)
    sign_in(qtbot, pane)
    qtbot.waitUntil(lambda: pane.two_factor is not None, timeout=WAIT)
    idle(qtbot, pane)
    assert len(pane.devices) == 1 and pane.devices_list.count() == 1
    pane.devices_list.setCurrentRow(0)
    monkeypatch.setattr(pane, "confirm", lambda *_: True)
    click(qtbot, pane.forget_button)
    qtbot.waitUntil(lambda: not pane.devices and not pane.busy, timeout=WAIT)
    assert emu.devices(USER) == []
    assert pane.devices_list.item(0).text() == "No trusted devices."


def test_application_token_sign_in(qtbot, pane, emu, services):
    emu.user(USER).application_token = "tok-1"
    pane.ask_token = lambda: "tok-1"
    click(qtbot, pane.token_button)
    qtbot.waitUntil(lambda: pane.two_factor is not None, timeout=WAIT)
    idle(qtbot, pane)
    assert pane.signed_in and USER in pane.account_label.text()
    assert services.keystore.get(refresh_item(emu.url, USER)) is None  # nothing kept


def test_bad_portal_address_is_explained(qtbot, pane):
    pane.url_edit.setText("http://portal.example.com")
    with qtbot.waitSignal(pane.error_shown, timeout=WAIT) as blocker:
        sign_in(qtbot, pane)
    assert "https://" in blocker.args[0]
    assert pane.sign_in_button.isEnabled()
