"""Screen scan through the xdg-desktop-portal Screenshot interface, against a stand-in portal.

The stand-in (``tests/ui/screen_portal_standin.py``, served with jeepney) owns
``org.freedesktop.portal.Desktop`` on the test's private session bus: scripts/run-tests.sh runs
the suite under dbus-run-session, so no desktop's real portal is ever asked. It answers like the
real one: a Request handle, then a Response signal with a file:// URI of a fresh copy of a PNG
that holds a QR code made by the test, or response 1 (cancelled) / 2 (failed).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMainWindow

from desktop_app.otp.model import Entry
from desktop_app.otp.uri import build_uri
from desktop_app.ui import screen_portal, screen_scan
from desktop_app.ui.screen_scan import scan_screens, use_portal
from tests.scanning.qr_helpers import URI
from tests.ui.helpers_main import Recorder, make_window, secret_for
from tests.ui.portal_helpers import (
    StandinPortal,
    require_session_bus,
    standin_portals,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def start_portal(tmp_path: Path) -> Iterator[Callable[..., StandinPortal]]:
    with standin_portals(tmp_path) as start:
        yield start


@pytest.fixture
def wayland(monkeypatch: pytest.MonkeyPatch) -> None:
    """The session looks like Wayland to the app (the Qt platform itself stays as it is)."""
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")


@pytest.fixture
def no_grab(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts X11-style screen grabs (the portal path must not need one)."""
    calls: list[int] = []
    black = QImage(64, 64, QImage.Format.Format_RGB32)
    black.fill(0)

    def grab() -> list[tuple[str, QImage]]:
        calls.append(1)
        return [("screen 1 (64x64)", black)]

    monkeypatch.setattr(screen_scan, "_grab_screens", grab)
    return calls


def _main_window(qtbot) -> QMainWindow:
    main = QMainWindow()
    main.setWindowTitle("Authenticator")
    main.resize(300, 200)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("xcb", {}, False),
        ("xcb", {"XDG_SESSION_TYPE": "wayland"}, True),  # XWayland sees no other windows
        ("xcb", {"WAYLAND_DISPLAY": "wayland-0"}, True),
        ("wayland", {}, True),
        ("xcb", {"SNAP": "/snap/desktop-authenticator/1"}, True),
        ("xcb", {"XDG_SESSION_TYPE": "x11"}, False),
    ],
)
def test_portal_is_used_on_wayland_and_in_sandboxes(monkeypatch, platform, env, expected) -> None:
    for name in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "SNAP"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(screen_scan.QGuiApplication, "platformName", staticmethod(lambda: platform))
    in_flatpak = Path("/.flatpak-info").exists()  # a Flatpak always uses the portal
    assert use_portal() is (expected or in_flatpak)


def test_portal_screenshot_is_decoded_off_the_gui_thread_and_deleted(
    qtbot, start_portal, wayland, no_grab, monkeypatch
) -> None:
    portal = start_portal()
    main = _main_window(qtbot)
    hidden_at_request: list[bool] = []
    original_start = screen_portal.PortalScreenshot.start

    def spy_start(self, **kw):
        hidden_at_request.append(not main.isVisible())
        return original_start(self, **kw)

    monkeypatch.setattr(screen_portal.PortalScreenshot, "start", spy_start)
    decode_threads: list[bool] = []
    real_decode = screen_scan.decode

    def spy_decode(image, **kw):
        decode_threads.append(threading.current_thread() is threading.main_thread())
        return real_decode(image, **kw)

    monkeypatch.setattr(screen_scan, "decode", spy_decode)

    result = scan_screens(main)

    assert result.texts == [URI] and result.found and result.message == ""
    assert result.method == "portal" and not result.cancelled
    assert result.sources == ("screenshot (900x600)",)
    assert no_grab == []
    assert decode_threads == [False]  # decoded once, in a worker thread
    assert hidden_at_request == [True] and main.isVisible()
    (call,) = portal.calls()
    assert call["options"]["interactive"] is False
    assert re.fullmatch(r"[A-Za-z0-9_]+", call["options"]["handle_token"])
    if screen_scan.QGuiApplication.platformName() == "xcb":
        assert call["parent_window"] == f"x11:{int(main.winId()):x}"
    # the screenshot may show a secret: the file the portal wrote for us is gone
    assert portal.screenshot_files() == []


def test_cancelled_portal_screenshot_says_so_and_grabs_nothing(
    qtbot, start_portal, wayland, no_grab
) -> None:
    start_portal(response=1)
    main = _main_window(qtbot)
    result = scan_screens(main)
    assert result.cancelled and result.texts == []
    assert result.message == "The screen scan was cancelled."
    assert no_grab == [] and main.isVisible()


def test_failed_portal_screenshot_says_why_and_what_to_do(
    qtbot, start_portal, wayland, no_grab
) -> None:
    start_portal(response=2)
    main = _main_window(qtbot)
    result = scan_screens(main)
    assert not result.cancelled and result.texts == []
    assert result.message.startswith(
        "The screen could not be captured (the desktop did not take the screenshot)."
    )
    assert "Open QR Image" in result.message and "Paste QR Image" in result.message
    assert no_grab == [] and main.isVisible()


@pytest.mark.parametrize("uri_mode", ["missing", "not-image"])
def test_unreadable_portal_file_is_one_clear_message(
    qtbot, start_portal, wayland, no_grab, uri_mode
) -> None:
    start_portal(uri_mode=uri_mode)
    main = _main_window(qtbot)
    result = scan_screens(main)
    assert result.texts == [] and not result.cancelled
    assert result.message.startswith("The screenshot from the desktop could not be read.")
    assert "Paste" in result.message
    assert main.isVisible()


def test_screenshot_without_a_code_says_nothing_found(
    qtbot, start_portal, wayland, no_grab
) -> None:
    start_portal(text=None)
    result = scan_screens(None)
    assert result.texts == [] and result.captured == 1 and not result.blank
    assert result.message.startswith("No QR code was found on the screen.")
    assert no_grab == []


def test_wayland_without_portal_falls_back_and_explains(qtbot, wayland, no_grab) -> None:
    require_session_bus()  # a bus on which nobody owns the portal's name
    result = scan_screens(None, include_windows=False)
    assert no_grab == [1]  # the portal was not there: the grab was tried
    assert result.blank and result.texts == []
    assert "Wayland" in result.message and "xdg-desktop-portal" in result.message
    assert "Paste" in result.message


# --- through the main window ------------------------------------------------------------------


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def test_scan_screen_button_on_wayland_adds_the_account(
    services, qtbot, monkeypatch, recorder, start_portal, wayland, no_grab
) -> None:
    from desktop_app.ui.confirm_dialog import ConfirmDialog

    entry = Entry(secret_for("wayland"), "Wayland Co", "me@example.com")
    start_portal(text=build_uri(entry))
    window = make_window(services, qtbot, monkeypatch, recorder)
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, ConfirmDialog), timeout=10000)
    qtbot.mouseClick(window.active_dialog.add_button, Qt.MouseButton.LeftButton)
    assert [e.issuer for e in services.vault.entries()] == ["Wayland Co"]
    assert recorder.informed == [] and no_grab == []


def test_cancelling_the_portal_from_the_main_window_only_notes_it(
    services, qtbot, monkeypatch, recorder, start_portal, wayland, no_grab
) -> None:
    start_portal(response=1)
    window = make_window(services, qtbot, monkeypatch, recorder)
    window.commands.scan_screen.trigger()
    qtbot.waitUntil(lambda: getattr(window, "last_notice", "") != "", timeout=10000)
    assert window.last_notice == "The screen scan was cancelled."
    assert recorder.informed == [] and window.active_dialog is None
    assert services.vault.entries() == [] and window.isVisible()
