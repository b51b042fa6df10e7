"""The emnify pane's presenter without Qt: a real :class:`PortalAccount` against the portal
emulator over loopback HTTP, a real vault, and a view that records what it is told (the
presenter's only window on the screen). Portal calls run directly or wait in a queue, so the
single-flight and stale-result rules can be seen."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.otp.model import Entry
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.portal.enrolment import META_STATE
from desktop_app.settings import PORTAL_USER
from desktop_app.ui.emnify.presenter import (
    Area,
    EmnifyPresenter,
    Field,
    Kind,
    PaneState,
    SignInForm,
)

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"
ROOT = Path(__file__).resolve().parents[2]


class RecordingView:
    """What a person typed (set the attributes) and what the presenter showed."""

    def __init__(self, url: str) -> None:
        self.form = SignInForm(url, USER, PASSWORD, "", False, True, False)
        self.typed_code = ""
        self.typed_password = ""
        self.qr = False
        self.workspace: int | None = None
        self.device: tuple[int, str] | None = None
        self.states: list[PaneState] = []
        self.messages: dict[Area, tuple[Kind, str]] = {}
        self.cleared: list[Field] = []
        self.focused: list[Field] = []
        self.lists: tuple[Any, ...] = ()
        self.questions: list[str] = []
        self.answer = True
        self.remove_local = False

    @property
    def state(self) -> PaneState:
        return self.states[-1]

    def text(self, area: Area) -> str:
        return self.messages.get(area, ("clear", ""))[1]

    def is_error(self, area: Area) -> bool:
        return self.messages.get(area, ("clear", ""))[0] == "error"

    # PaneView
    def sign_in_form(self) -> SignInForm:
        return self.form

    def code(self) -> str:
        return self.typed_code

    def enable_password(self) -> str:
        return self.typed_password

    def show_qr(self) -> bool:
        return self.qr

    def chosen_workspace(self) -> int | None:
        return self.workspace

    def chosen_device(self) -> tuple[int, str] | None:
        return self.device

    def clear_field(self, name: Field) -> None:
        self.cleared.append(name)

    def focus_field(self, name: Field, select: bool = False) -> None:
        self.focused.append(name)

    def feedback(self, area: Area, kind: Kind, text: str = "") -> None:
        self.messages[area] = (kind, text)

    def show_address(self) -> None:
        self.focused.append("address")  # type: ignore[arg-type]

    def show_state(self, state: PaneState) -> None:
        self.states.append(state)

    def show_lists(self, devices: Any, workspaces: Any, current: Any) -> None:
        self.lists = (devices, workspaces, current)

    def confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer

    def confirm_disable(self, text: str) -> tuple[bool, bool]:
        self.questions.append(text)
        return self.answer, self.remove_local

    def show_key(self, entry: Entry) -> bool:
        self.questions.append(f"key {entry.label}")
        return self.answer


def run_now(
    fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None]
) -> None:
    try:
        result = fn()
    except Exception as exc:
        failed(exc)
    else:
        done(result)


class Queue:
    """A runner that keeps the calls until :meth:`deliver`."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Callable[[], Any], Callable[[Any], None], Any]] = []

    def __call__(self, fn: Any, done: Any, failed: Any) -> None:
        self.waiting.append((fn, done, failed))

    def deliver(self) -> None:
        fn, done, failed = self.waiting.pop(0)
        run_now(fn, done, failed)


@pytest.fixture(params=["paid"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["int", "float"], ids=["ids-int", "ids-float"])
def number_form(request: pytest.FixtureRequest) -> str:
    """The emulator sends ids as ``103`` and as ``103.0``, as in the core portal tests."""
    return str(request.param)


@pytest.fixture
def emu(kind: str, number_form: str) -> Iterator[EmulatorServer]:
    with EmulatorServer(account_kind=kind, number_form=number_form) as e:
        e.add_user(USER, PASSWORD)
        yield e


@pytest.fixture
def view(emu: EmulatorServer) -> RecordingView:
    return RecordingView(emu.url)


def presenter_for(view: RecordingView, services: Any, emu: EmulatorServer, run: Any = run_now):
    events: list[tuple[str, Any]] = []
    p = EmnifyPresenter(
        view,
        services,
        run,
        clock=emu.now,
        timeout=5.0,
        on_busy=lambda b: events.append(("busy", b)),
        on_signed_in=lambda s: events.append(("signed_in", s)),
        on_two_factor=lambda s: events.append(("2fa", s)),
    )
    return p, events


@pytest.fixture
def presenter(view: RecordingView, services: Any, emu: EmulatorServer) -> Iterator[Any]:
    p, events = presenter_for(view, services, emu)
    p.events = events  # type: ignore[attr-defined]
    yield p
    p.shutdown()


def sign_in_with_emailed_code(p: EmnifyPresenter, view: RecordingView, emu: EmulatorServer) -> None:
    p.sign_in()
    assert view.state.waiting_for_code and view.state.card is None
    assert f"A code was sent to {USER}" in view.text("sign_in")
    assert view.focused[-1] == "code"
    view.typed_code = emu.last_email_code(USER) or ""
    p.submit_code()
    assert p.signed_in


def test_the_module_imports_no_qt() -> None:
    code = (
        "import sys, desktop_app.ui.emnify.presenter, desktop_app.ui.emnify.steps;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "assert not bad, bad"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)


@pytest.mark.parametrize("kind", ["paid"], indirect=True)
def test_sign_in_enable_and_disable_step_by_step(presenter, view, emu, services) -> None:
    sign_in_with_emailed_code(presenter, view, emu)
    card = view.state.card
    assert card is not None and "Signed in as ann@example.com" in card.account
    assert "by e-mail" in card.texts.title and card.texts.action == "Enable the authenticator app"
    assert card.enabling and not card.needs_password  # the password was just given
    assert "password" in view.cleared and "code" in view.cleared
    assert services.settings.value(PORTAL_USER) == USER

    presenter.primary()  # Enable
    (entry,) = services.vault.entries()
    assert entry.meta[META_STATE] == "active" and emu.active_keys(USER)
    assert "Done" in view.text("action")
    assert presenter.two_factor.method == "app_here"
    assert view.state.card.texts.action == "Disable…"

    view.remove_local = False
    presenter.primary()  # Disable…
    assert "codes will come by e-mail again" in view.questions[-1]
    assert emu.keys(USER) == []
    assert services.vault.get(entry.uuid).meta[META_STATE] == "inactive"
    assert "e-mail again" in view.text("action")
    assert view.state.card.texts.secondary  # "Remove old key from this app…"
    presenter.secondary()
    assert services.vault.entries() == []
    assert "removed" in view.text("action")
    twofa = [v for k, v in presenter.events if k == "2fa"]
    assert twofa[0] == "off" and "pending" in twofa and "on" in twofa and twofa[-1] == "off"


@pytest.mark.parametrize("kind", ["trial"], indirect=True)
def test_trial_asks_the_password_when_it_is_not_fresh(presenter, view, emu, services) -> None:
    presenter.sign_in()
    assert presenter.signed_in and presenter.two_factor.method == "none"
    presenter.account.forget_password()
    presenter.render()
    assert view.state.card.needs_password
    presenter.enable()
    assert view.is_error("action") and "password" in view.text("action")
    assert view.focused[-1] == "enable_password" and services.vault.entries() == []
    view.typed_password = PASSWORD
    presenter.enable()
    assert presenter.two_factor.method == "app_here"
    view.answer = False
    presenter.disable()
    assert "no second factor" in view.questions[-1]
    assert emu.active_keys(USER)  # cancelled: nothing changed


def test_missing_e_mail_or_password_is_said_and_nothing_is_sent(presenter, view, emu) -> None:
    view.form = SignInForm(emu.url, USER, "", "", False, True, False)
    presenter.sign_in()
    assert view.is_error("sign_in") and "password" in view.text("sign_in")
    assert emu.calls["authenticate"] == 0 and not view.states


def test_a_bad_portal_address_is_said_beside_sign_in(presenter, view) -> None:
    view.form = SignInForm("ftp://example.com", USER, PASSWORD, "", False, True, False)
    presenter.sign_in()
    assert view.is_error("sign_in") and "https://" in view.text("sign_in")
    assert presenter.account is None and view.focused == ["address"]


def test_one_call_at_a_time_and_busy_is_announced(view, services, emu) -> None:
    queue = Queue()
    p, events = presenter_for(view, services, emu, queue)
    p.sign_in()
    assert p.busy and not view.state.idle and len(queue.waiting) == 1
    assert view.messages["sign_in"] == ("busy", "Signing in…")
    p.sign_in()
    p.sign_out()
    assert len(queue.waiting) == 1  # ignored while busy
    queue.deliver()
    assert not p.busy and events[:2] == [("busy", True), ("busy", False)]
    assert view.state.waiting_for_code
    p.shutdown()


def test_a_result_after_shutdown_is_dropped(view, services, emu) -> None:
    queue = Queue()
    p, events = presenter_for(view, services, emu, queue)
    p.sign_in()
    shown = len(view.states)
    p.shutdown()
    queue.deliver()  # the account is closed: the call fails, and nobody hears of it
    assert len(view.states) == shown and ("busy", False) not in events
    assert view.messages["sign_in"][0] == "busy"


def test_wrong_code_selects_it_and_lockout_ends_the_wait(presenter, view, emu) -> None:
    presenter.sign_in()
    view.typed_code = "ZZZZZ9"
    presenter.submit_code()
    assert view.is_error("sign_in") and view.focused[-1] == "code"
    assert presenter.awaiting_code
    presenter.submit_code()
    presenter.submit_code()
    assert "locked" in view.text("sign_in") and not presenter.awaiting_code


def test_start_again_forgets_the_waiting_sign_in(presenter, view, emu) -> None:
    presenter.sign_in()
    assert presenter.awaiting_code
    presenter.sign_in()  # the button says "Start again" now
    assert not presenter.awaiting_code and not view.state.waiting_for_code
    assert view.messages["sign_in"][0] == "clear" and view.cleared[-1] == "code"


def test_sign_out_clears_the_account_state(presenter, view, emu) -> None:
    emu.add_workspace(USER, "Second org")
    sign_in_with_emailed_code(presenter, view, emu)
    _devices, workspaces, _current = view.lists
    assert len(workspaces) == 2 and view.state.card.several_workspaces
    presenter.sign_out()
    assert not presenter.signed_in and view.state.card is None
    assert presenter.two_factor is None and view.lists == ([], [], None)
    assert "Signed out" in view.text("sign_in")
    assert ("signed_in", False) in presenter.events and presenter.events[-1] == ("2fa", "")
