"""Issue 25: the quick-copy window, the single-instance channel, ``copy`` and ``quick``.

The window runs in the test; the command line runs as a real process talking to it through the
channel (an AF_UNIX socket), or on its own when no window runs."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop_app import instance
from desktop_app.otp.codes import code_at
from desktop_app.settings import CLIPBOARD_CLEAR_SECONDS, CLOCK_OFFSET_MS, QUICK_COPY_SHORTCUT
from desktop_app.ui.instance_server import InstanceServer
from desktop_app.ui.quick_copy import QuickCopyWindow
from tests.fast_kdf import FAST_CLI
from tests.ui.helpers_main import Recorder, make_window, sample_entries

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
NOW = 1_700_000_010.0  # the window's clock: codes do not roll over during a test


@pytest.fixture
def window(services, qtbot, monkeypatch):
    services.vault.add_many(sample_entries())
    services.settings.set(CLIPBOARD_CLEAR_SECONDS, 30)
    QGuiApplication.clipboard().clear()
    return make_window(services, qtbot, monkeypatch, Recorder(), clock=lambda: NOW)


@pytest.fixture
def quick(window, qtbot) -> QuickCopyWindow:
    q = QuickCopyWindow(window)
    qtbot.addWidget(q)
    q.present()
    qtbot.waitExposed(q)
    qtbot.waitUntil(q.search.hasFocus, timeout=2000)
    return q


def code_of(window, issuer: str) -> str:
    entry = next(e for e in window.model.entries() if e.issuer == issuer)
    return code_at(entry, NOW)


def shown(q: QuickCopyWindow) -> list[str]:
    return [q.row_text(i) for i in range(q.count())]


def test_search_lists_matches_with_codes(quick, qtbot, window) -> None:
    assert quick.search.hasFocus()
    assert len(shown(quick)) == 4
    qtbot.keyClicks(quick.search, "goo")
    rows = shown(quick)
    assert len(rows) == 1 and "Google" in rows[0]
    assert code_of(window, "Google")[:3] in rows[0]
    qtbot.keyClicks(quick.search, "zzz")
    assert shown(quick) == [] and quick.empty.isVisible()


def test_enter_copies_top_match_and_closes(quick, qtbot, window) -> None:
    qtbot.keyClicks(quick.search, "git")
    qtbot.keyClick(quick.search, Qt.Key.Key_Return)
    assert not quick.isVisible()
    assert QGuiApplication.clipboard().text() == code_of(window, "GitHub")
    assert "GitHub" in window.last_notice and "30 s" in window.last_notice


def test_enter_copies_the_selected_match(quick, qtbot, window) -> None:
    qtbot.keyClick(quick.search, Qt.Key.Key_Down)
    second = shown(quick)[1]
    qtbot.keyClick(quick.search, Qt.Key.Key_Enter)
    issuer = next(e.issuer for e in window.model.entries() if e.issuer in second)
    assert QGuiApplication.clipboard().text() == code_of(window, issuer)


def test_escape_closes_without_copying(quick, qtbot) -> None:
    qtbot.keyClicks(quick.search, "git")
    qtbot.keyClick(quick.search, Qt.Key.Key_Escape)
    assert not quick.isVisible() and QGuiApplication.clipboard().text() == ""


def test_works_while_main_window_hidden_and_tells_through_tray(quick, qtbot, window) -> None:
    told: list[tuple[str, str]] = []
    window.tray_message = lambda title, text: told.append((title, text))
    window.hide()
    qtbot.keyClicks(quick.search, "emnify")
    qtbot.keyClick(quick.search, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == code_of(window, "emnify")
    assert told and "emnify" in told[0][1] and "clears in 30 s" in told[0][1]


def test_locked_app_asks_to_unlock_first(services, qtbot, window) -> None:
    services.vault.use_password("correct horse")
    window.locking.lock()
    assert services.vault is None
    q = QuickCopyWindow(window)
    qtbot.addWidget(q)
    q.present()
    qtbot.waitExposed(q)
    assert q.stack.currentWidget() is q.locked_page
    qtbot.waitUntil(q.password.hasFocus, timeout=2000)
    assert shown(q) == []
    qtbot.keyClicks(q.password, "wrong")
    qtbot.keyClick(q.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong password" in q.unlock_message.text(), timeout=10000)
    q.password.clear()
    qtbot.keyClicks(q.password, "correct horse")
    qtbot.keyClick(q.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: q.stack.currentWidget() is q.search_page, timeout=10000)
    assert len(shown(q)) == 4
    qtbot.waitUntil(q.search.hasFocus, timeout=2000)


def test_quick_window_shows_and_copies_the_corrected_code(services, qtbot, window) -> None:
    """With a clock correction set (Settings, or the clock banner's "Correct the codes"), the
    quick window shows and copies the code of the corrected time, as the main window does."""
    github = next(e for e in window.model.entries() if e.issuer == "GitHub")
    services.settings.set(CLOCK_OFFSET_MS, 95_000)  # this computer is 95 s behind
    corrected, plain = code_at(github, NOW + 95), code_at(github, NOW)
    assert corrected != plain
    q = QuickCopyWindow(window)
    qtbot.addWidget(q)
    q.present()
    qtbot.waitExposed(q)
    qtbot.keyClicks(q.search, "git")
    (row,) = shown(q)
    assert corrected in row.replace(" ", "") and plain not in row.replace(" ", "")
    qtbot.keyClick(q.search, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == corrected
    services.settings.set(CLOCK_OFFSET_MS, 0)  # the system clock was synchronised again
    q.present()
    qtbot.keyClicks(q.search, "git")
    (row,) = shown(q)
    assert plain in row.replace(" ", "")


# --- the channel and the command line ---------------------------------------------------------


def cli_env(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "DESKTOP_AUTHENTICATOR_PASSWORD": "cli-test-password",
    }


def run_cli(qtbot, data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the command line while this test's event loop serves the window."""
    proc = subprocess.Popen(
        [*FAST_CLI, *args],
        env=cli_env(data_dir),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    out, err = proc.communicate()
    return proc.returncode, out, err


@pytest.fixture
def served(window) -> Iterator[InstanceServer]:
    server = InstanceServer(window)
    assert server.listening
    yield server
    server.close()


def test_copy_through_the_running_window(served, qtbot, window, data_dir) -> None:
    status, out, err = run_cli(qtbot, data_dir, "copy", "GITHUB")
    assert status == 0, err
    assert "GitHub" in out and "clears in 30 s" in out
    assert QGuiApplication.clipboard().text() == code_of(window, "GitHub")
    assert code_of(window, "GitHub") not in out + err
    assert window.clipboard_guard.pending  # the window's auto-clear applies


def test_copy_none_and_several(served, qtbot, data_dir) -> None:
    status, _out, err = run_cli(qtbot, data_dir, "copy", "nothing-like-this")
    assert status == 1 and err.count("\n") == 1
    status, _out, err = run_cli(qtbot, data_dir, "copy", "com")  # three e-mail addresses
    assert status == 2
    assert "3 accounts match" in err and "GitHub: octocat@example.com" in err
    assert QGuiApplication.clipboard().text() == ""


def test_quick_through_the_running_window(served, qtbot, data_dir) -> None:
    status, _out, err = run_cli(qtbot, data_dir, "quick")
    assert status == 0, err
    quick = served.quick_window()
    qtbot.waitExposed(quick)
    assert quick.isVisible() and quick.search.hasFocus()
    quick.close()


def test_second_start_raises_the_existing_window(served, qtbot, window, data_dir) -> None:
    window.hide()
    status, _out, err = run_cli(qtbot, data_dir, "--password-mode")
    assert status == 0, err
    assert window.isVisible()


def test_copy_without_a_window(qtbot, tmp_path) -> None:
    data_dir = tmp_path / "cli-vault"
    env = cli_env(data_dir)
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    added = subprocess.run(
        [*FAST_CLI, "add", f"otpauth://totp/Solo:me?secret={secret}"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings

    Settings(AppPaths.resolve(data_dir).config_dir).set(CLIPBOARD_CLEAR_SECONDS, 2)
    QGuiApplication.clipboard().clear()
    status, out, err = run_cli(qtbot, data_dir, "copy", "solo")
    assert status == 0, err
    assert "Solo: me" in out and "clears in 2 s" in out
    from desktop_app.otp.model import Entry

    now = time.time()
    codes = {code_at(Entry(secret, "Solo", "me"), now + d) for d in (-30, 0)}
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=5000)
    assert QGuiApplication.clipboard().text() in codes
    # the short-lived owner clears it after the configured time
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=10000)
    assert instance.send(data_dir, "ping") is None  # no window was involved


# --- the X11 global shortcut ----------------------------------------------------------------


def press_keys_with_xtest(*keysyms: str) -> None:
    """Press and release ``keysyms`` (held together) through the XTest extension, as xdotool
    would: the events come from the X server, so only a real grab sees them."""
    import ctypes
    import ctypes.util

    x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
    xtst = ctypes.CDLL(ctypes.util.find_library("Xtst"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XStringToKeysym.restype = ctypes.c_ulong
    x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
    x11.XKeysymToKeycode.restype = ctypes.c_ubyte
    x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    display = x11.XOpenDisplay(None)
    assert display
    codes = [x11.XKeysymToKeycode(display, x11.XStringToKeysym(k.encode())) for k in keysyms]
    for code in codes:
        xtst.XTestFakeKeyEvent(display, code, 1, 0)
    for code in reversed(codes):
        xtst.XTestFakeKeyEvent(display, code, 0, 0)
    x11.XFlush(display)
    x11.XCloseDisplay(display)


def test_global_shortcut_opens_the_quick_window(served, qtbot, window) -> None:
    from desktop_app.ui import global_shortcut

    assert served.grab is not None and global_shortcut.is_active()
    window.hide()
    press_keys_with_xtest("Control_L", "Alt_L", "a")
    quick = served.quick_window()
    qtbot.waitUntil(quick.isVisible, timeout=5000)
    qtbot.waitUntil(quick.search.hasFocus, timeout=2000)
    quick.close()


def test_global_shortcut_setting_changes_the_key(services, qtbot, window) -> None:
    from desktop_app.ui.global_shortcut import parse_shortcut

    assert parse_shortcut("Ctrl+Alt+A") == (4 | 8, "a")
    assert parse_shortcut("A") is None and parse_shortcut("Shift+A") is None
    assert parse_shortcut("Hyper+A") is None
    server = InstanceServer(window)
    assert server.grab is not None
    old_key = server.grab.keycode
    services.settings.set(QUICK_COPY_SHORTCUT, "Ctrl+Alt+K")  # applies at once
    qtbot.waitUntil(lambda: server.grab is not None and server.grab.keycode != old_key)
    try:
        press_keys_with_xtest("Control_L", "Alt_L", "a")  # the old key does nothing
        qtbot.wait(300)
        assert not server.quick_window().isVisible()
        press_keys_with_xtest("Control_L", "Alt_L", "k")
        qtbot.waitUntil(server.quick_window().isVisible, timeout=5000)
    finally:
        server.quick_window().close()
        server.close()


def test_settings_line_says_whether_the_shortcut_works(services, qtbot, window) -> None:
    from PySide6.QtWidgets import QLabel

    from desktop_app.ui.settings_dialog import SettingsDialog

    def status_text() -> str:
        dialog = SettingsDialog(services)
        qtbot.addWidget(dialog)
        label = dialog.findChild(QLabel, "shortcut_status")
        assert label is not None and "setting_quick_copy_shortcut" in {
            w.objectName() for w in dialog.widgets.values()
        }
        return label.text()

    services.settings.set(QUICK_COPY_SHORTCUT, "")  # no shortcut: the commands to bind
    server = InstanceServer(window)
    text = status_text()
    assert "No global shortcut" in text
    assert "desktop-authenticator quick" in text and "desktop-authenticator copy QUERY" in text
    server.close()
    services.settings.set(QUICK_COPY_SHORTCUT, "Ctrl+Alt+A")
    server = InstanceServer(window)
    assert server.grab is not None
    assert "works in every program" in status_text()
    server.close()


def test_quick_without_a_window_starts_one(qtbot, tmp_path) -> None:
    """``quick`` with no app running starts the app (keyring vault: no password asked), which
    then answers on the channel; a second ``quick`` goes through that channel."""
    data_dir = tmp_path / "started"
    env = {**os.environ, "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir)}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    app = subprocess.Popen(
        [*FAST_CLI, "quick"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(
            lambda: app.poll() is not None or instance.send(data_dir, "ping") == "ok",
            timeout=30000,
        )
        assert app.poll() is None, "the app did not start"
        again = subprocess.run(
            [*FAST_CLI, "quick"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=30
        )
        assert again.returncode == 0, again.stderr
        assert app.poll() is None  # the second one did not start another app
    finally:
        app.terminate()
        app.communicate(timeout=10)


def test_a_stale_socket_of_a_crashed_run_is_replaced(window, services) -> None:
    import socket

    path = instance.socket_path(services.paths.data_dir)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens
    assert path.exists() and instance.send(services.paths.data_dir, "ping") is None
    server = InstanceServer(window)
    try:
        assert server.listening
    finally:
        server.close()
