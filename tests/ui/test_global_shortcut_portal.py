"""Issue 25: the global shortcut on Wayland, through the xdg-desktop-portal GlobalShortcuts
interface, against a stand-in portal (``tests/ui/shortcut_portal_standin.py``, served with jeepney)
that owns ``org.freedesktop.portal.Desktop`` on the test's private session bus (scripts/run-tests.sh
runs the suite under dbus-run-session, so no desktop's real portal is ever asked).

"Pressing the key" is the stand-in emitting ``Activated`` for its session, which the test asks
for with a D-Bus call to the stand-in."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop_app.settings import QUICK_COPY_SHORTCUT
from desktop_app.ui import global_shortcut, shortcut_portal
from desktop_app.ui.instance_server import InstanceServer
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.shortcut_portal import preferred_trigger
from tests.ui.helpers_main import Recorder, make_window, sample_entries
from tests.ui.portal_helpers import require_session_bus

pytestmark = pytest.mark.gui
STANDIN = Path(__file__).with_name("shortcut_portal_standin.py")


class Standin:
    def __init__(self, log: Path) -> None:
        self.log = log

    def calls(self, name: str | None = None) -> list[dict]:
        if not self.log.exists():
            return []
        rows = [json.loads(line) for line in self.log.read_text("utf-8").splitlines()]
        return [r for r in rows if name is None or r["call"] == name]

    def press(self, shortcut_id: str = "quick-copy") -> None:
        """The person presses the key: the stand-in emits Activated for its last session."""
        address = DBusAddress(
            "/standin", bus_name=shortcut_portal.PORTAL_SERVICE, interface="test.Standin"
        )
        with open_dbus_connection(bus="SESSION") as conn:
            conn.send_and_get_reply(
                new_method_call(address, "Press", "s", (shortcut_id,)), timeout=5
            )


@pytest.fixture
def start_portal(tmp_path: Path) -> Iterator[Callable[..., Standin]]:
    require_session_bus()
    procs: list[subprocess.Popen[str]] = []

    def start(
        *,
        create_response: int = 0,
        bind_response: int = 0,
        trigger: str = "",
        version: int = 1,
        configured: str = "",
    ) -> Standin:
        log = tmp_path / "shortcut-portal-calls.jsonl"
        command = [sys.executable, str(STANDIN), "--log", str(log), "--version", str(version)]
        command += ["--configured-trigger", configured]
        command += ["--create-response", str(create_response)]
        command += ["--bind-response", str(bind_response), "--trigger", trigger]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        procs.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", "the stand-in portal did not start"
        return Standin(log)

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()


@pytest.fixture
def window(services, qtbot, monkeypatch):
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")  # the app takes the session for Wayland
    services.vault.add_many(sample_entries())
    return make_window(services, qtbot, monkeypatch, Recorder())


@pytest.fixture(autouse=True)
def desktop_file() -> Iterator[None]:
    """The app's .desktop name, as application.create_app sets it (the test app has none)."""
    from desktop_app.ui.application import DESKTOP_FILE

    before = QGuiApplication.desktopFileName()
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    yield
    QGuiApplication.setDesktopFileName(before)


@pytest.fixture
def server(window) -> Iterator[Callable[[], InstanceServer]]:
    made: list[InstanceServer] = []

    def make() -> InstanceServer:
        made.append(InstanceServer(window))
        return made[-1]

    yield make
    for s in made:
        s.quick_window().close()
        s.close()


def settings_line(services, qtbot) -> str:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "shortcut_status")
    assert label is not None
    return label.text()


def test_the_trigger_is_written_the_way_the_portal_reads_it() -> None:
    assert preferred_trigger("Ctrl+Alt+A") == "CTRL+ALT+a"
    assert preferred_trigger("Shift+Super+F5") == "SHIFT+LOGO+F5"
    assert preferred_trigger("A") == "" and preferred_trigger("Hyper+A") == ""


def test_bound_through_the_portal_and_the_key_opens_the_quick_window(
    start_portal, server, services, qtbot, window
) -> None:
    portal = start_portal(trigger="Ctrl+Alt+A (desktop)")
    s = server()
    assert s.grab is None and s.portal is not None  # no X11 grab on Wayland
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    assert global_shortcut.is_active()
    register, create_call = portal.calls()[:2]  # the app says who it is, first
    assert register == {"call": "Register", "app_id": "net.emnify.DesktopAuthenticator"}
    assert create_call["call"] == "CreateSession"
    (create,) = portal.calls("CreateSession")
    assert create["options"]["handle_token"] and create["options"]["session_handle_token"]
    (bind,) = portal.calls("BindShortcuts")
    assert bind["session"].endswith(create["options"]["session_handle_token"])
    [[shortcut_id, info]] = bind["shortcuts"]
    assert shortcut_id == "quick-copy"
    assert info["preferred_trigger"] == "CTRL+ALT+a"
    assert info["description"] == "Open the quick-copy window"
    text = settings_line(services, qtbot)
    assert "every program" in text and "Ctrl+Alt+A (desktop)" in text
    assert "desktop-authenticator quick" not in text

    window.hide()  # works while the main window is in the tray
    quick = s.quick_window()
    assert not quick.isVisible()
    portal.press("some-other-id")  # another shortcut of the session: nothing
    qtbot.wait(200)
    assert not quick.isVisible()
    portal.press()
    qtbot.waitUntil(quick.isVisible, timeout=5000)
    qtbot.waitUntil(quick.search.hasFocus, timeout=2000)


def test_changing_the_shortcut_binds_again(start_portal, server, services, qtbot) -> None:
    portal = start_portal()
    s = server()
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    first = portal.calls("BindShortcuts")[0]["session"]
    services.settings.set(QUICK_COPY_SHORTCUT, "Ctrl+Alt+K")
    qtbot.waitUntil(lambda: len(portal.calls("BindShortcuts")) == 2, timeout=5000)
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    assert [c["session"] for c in portal.calls("Close")] == [first]  # the old one let go
    second = portal.calls("BindShortcuts")[1]
    assert second["session"] != first
    assert second["shortcuts"][0][1]["preferred_trigger"] == "CTRL+ALT+k"
    assert "CTRL+ALT+k" in settings_line(services, qtbot)
    portal.press()
    qtbot.waitUntil(s.quick_window().isVisible, timeout=5000)
    s.quick_window().close()
    services.settings.set(QUICK_COPY_SHORTCUT, "")  # no shortcut: the session is closed
    qtbot.waitUntil(lambda: len(portal.calls("Close")) == 2, timeout=5000)
    assert not global_shortcut.is_active()
    assert "desktop-authenticator quick" in settings_line(services, qtbot)


@pytest.mark.parametrize(("create", "bind"), [(0, 1), (1, 0), (0, 2)])
def test_a_declined_shortcut_shows_the_commands_instead(
    start_portal, server, services, qtbot, create, bind
) -> None:
    portal = start_portal(create_response=create, bind_response=bind)
    s = server()
    refused = create == 1 or bind == 1
    wanted = shortcut_portal.REFUSED if refused else shortcut_portal.FAILED
    qtbot.waitUntil(lambda: s.portal.state == wanted, timeout=5000)
    assert not global_shortcut.is_active()
    text = settings_line(services, qtbot)
    assert "desktop-authenticator quick" in text and "desktop-authenticator copy QUERY" in text
    assert ("did not allow" in text) == refused
    portal.press()  # nothing is bound: the key does nothing
    qtbot.wait(200)
    assert not s.quick_window().isVisible()


def test_no_portal_on_the_bus_shows_the_commands(server, services, qtbot) -> None:
    require_session_bus()
    s = server()
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.UNAVAILABLE, timeout=5000)
    assert s.portal.detail == "org.freedesktop.DBus.Error.ServiceUnknown"
    text = settings_line(services, qtbot)
    assert "No global shortcut" in text and "desktop-authenticator quick" in text


def test_the_settings_line_follows_the_portal_while_open(
    start_portal, server, services, qtbot
) -> None:
    """The Settings page is open while the desktop answers: the line changes with it."""
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "shortcut_status")
    assert label is not None
    start_portal()
    s = server()
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    qtbot.waitUntil(lambda: "every program" in label.text(), timeout=2000)


def test_a_change_before_the_desktop_answered_binds_only_the_new_key(
    start_portal, server, qtbot
) -> None:
    """The shortcut changes again while the first CreateSession is still unanswered: the late
    answers of the first are not followed (no second session bound with the old key)."""
    portal = start_portal()
    s = server()
    assert s.portal.state == shortcut_portal.PENDING
    s.portal.bind("Ctrl+Alt+B")  # before this event loop has read any answer
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    qtbot.wait(300)  # any late answer of the first request would have arrived by now
    assert len(portal.calls("CreateSession")) == 2
    (bind,) = portal.calls("BindShortcuts")
    assert bind["shortcuts"][0][1]["preferred_trigger"] == "CTRL+ALT+b"
    portal.press()
    qtbot.waitUntil(s.quick_window().isVisible, timeout=5000)


def test_a_change_opens_the_desktops_dialog_on_portal_version_2(
    start_portal, server, services, qtbot
) -> None:
    """The desktop keeps the key it has for the app; from version 2 on, a change in Settings
    opens the desktop's own dialog, and the key the person sets there is shown."""
    portal = start_portal(version=2, configured="Ctrl+Alt+K (set in the desktop)")
    s = server()
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    assert s.portal.version == 2
    assert portal.calls("ConfigureShortcuts") == []  # not at the first binding
    services.settings.set(QUICK_COPY_SHORTCUT, "Ctrl+Alt+K")
    qtbot.waitUntil(lambda: bool(portal.calls("ConfigureShortcuts")), timeout=5000)
    (configure,) = portal.calls("ConfigureShortcuts")
    assert configure["session"] == portal.calls("BindShortcuts")[1]["session"]
    qtbot.waitUntil(lambda: "set in the desktop" in settings_line(services, qtbot), timeout=5000)


def test_version_1_binds_again_without_the_dialog(start_portal, server, services, qtbot) -> None:
    portal = start_portal(version=1)
    s = server()
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    services.settings.set(QUICK_COPY_SHORTCUT, "Ctrl+Alt+K")
    qtbot.waitUntil(lambda: len(portal.calls("BindShortcuts")) == 2, timeout=5000)
    qtbot.waitUntil(lambda: s.portal.state == shortcut_portal.BOUND, timeout=5000)
    assert s.portal.version == 1 and portal.calls("ConfigureShortcuts") == []
