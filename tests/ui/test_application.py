"""Start-up: password dialogs when creating/unlocking a vault; clear failures."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.app import AppServices
from desktop_app.errors import VaultError
from desktop_app.paths import AppPaths
from desktop_app.settings import Settings
from desktop_app.ui import application, startup
from desktop_app.ui.unlock_dialog import REASON_CHOSEN, PasswordDialog
from desktop_app.vault import KeyStore, Vault

pytestmark = pytest.mark.gui


@pytest.fixture
def app_without_hooks(qapp):
    """The application without the window hooks (an earlier test's create_app() installs
    them)."""
    hook = qapp.property("window_hooks")
    if hook is not None:
        qapp.removeEventFilter(hook)
        qapp.setProperty("window_hooks", None)
    return qapp


@pytest.fixture
def pw_services(data_dir):
    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=KeyStore.memory())
    svc.password_mode = True
    yield svc
    svc.close()


def _script(monkeypatch, qtbot, answers):
    """PasswordDialog.exec() types the (password, repeat) answers one after another into the
    same dialog, clicking OK after each (None: Close), until the dialog closes; ``errors`` gets
    what the dialog said after each answer."""
    seen: list[PasswordDialog] = []
    errors: list[str] = []

    def fake_exec(self):
        seen.append(self)
        self.setResult(QDialog.DialogCode.Rejected)
        while answers:
            answer = answers.pop(0)
            if answer is None:
                self.reject()
                return self.result()
            self.password_edit.setText(answer[0])
            if self.repeat_edit is not None:
                self.repeat_edit.setText(answer[1])
            self.accept()
            assert self.busy == (not self.buttons.isEnabled())  # no second click while deriving
            qtbot.waitUntil(lambda: not self.busy, timeout=10000)
            errors.append("" if self.error_label.isHidden() else self.error_label.text())
            if self.result() == QDialog.DialogCode.Accepted:
                break
        return self.result()

    monkeypatch.setattr(PasswordDialog, "exec", fake_exec)
    return seen, errors


def test_create_then_unlock_with_retry(qtbot, pw_services, monkeypatch, data_dir):
    application.create_app()
    seen, errors = _script(monkeypatch, qtbot, [("short", "short"), None])
    # the first answer is refused by the dialog itself (too short); then Close
    assert application.open_vault_interactive(pw_services) is False
    assert seen[0].mode == "create" and "8 characters" in errors[0]
    assert REASON_CHOSEN.split(":")[0] in seen[0].findChildren(type(seen[0].error_label))[1].text()
    assert not (data_dir / "vault.json").exists()
    seen, errors = _script(monkeypatch, qtbot, [("a good password", "a good password")])
    assert application.open_vault_interactive(pw_services) is True
    assert pw_services.vault is not None and pw_services.vault.mode == "password"
    pw_services.vault.close()
    pw_services.vault = None
    seen, errors = _script(monkeypatch, qtbot, [("nope", ""), ("a good password", "")])
    assert application.open_vault_interactive(pw_services) is True
    assert [d.mode for d in seen] == ["unlock"]  # a wrong password is said in the same dialog
    assert errors == ["Wrong password, or the file was changed.", ""]
    assert pw_services.vault is not None and len(pw_services.vault) == 0


def test_cancel_unlock_returns_false(qtbot, pw_services, monkeypatch, data_dir):
    application.create_app()
    Vault.open_with_password(data_dir, "a good password").close()
    _script(monkeypatch, qtbot, [None])
    assert application.open_vault_interactive(pw_services) is False
    assert pw_services.vault is None


def test_vault_error_is_shown(qtbot, pw_services, monkeypatch, data_dir):
    application.create_app()
    (data_dir / "vault.json").write_text("not json")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(application, "show_fatal", lambda t, x: shown.append((t, x)))
    assert application.open_vault_interactive(pw_services) is False
    assert shown and "damaged" in shown[0][1]
    _ = VaultError


def test_a_damaged_vault_is_explained_in_german(german, qtbot, pw_services, monkeypatch, data_dir):
    application.create_app()
    (data_dir / "vault.json").write_text("not json")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(application, "show_fatal", lambda t, x: shown.append((t, x)))
    assert application.open_vault_interactive(pw_services) is False
    assert shown == [
        ("Der Tresor kann nicht geöffnet werden", "Die Tresordatei ist beschädigt (kein JSON).")
    ]


def test_a_vault_in_use_is_explained_in_german(german, monkeypatch) -> None:
    from desktop_app.errors import VaultBusyError
    from desktop_app.i18n import N_

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(application, "show_fatal", lambda t, x: shown.append((t, x)))
    busy = N_(
        "The vault is in use by another Desktop Authenticator (window or command) whose save "
        "has not finished; try again in a moment."
    )
    application._show_open_error(VaultBusyError(busy))
    assert shown[0][1].startswith(
        "Der Tresor wird von einem anderen Desktop Authenticator (Fenster oder Befehl) verwendet"
    ), shown
    assert str(VaultBusyError(busy)) == busy  # the log and the command line keep the English


def test_run_gui_exits_1_when_vault_stays_closed(qtbot, pw_services, monkeypatch):
    monkeypatch.setattr(application, "open_vault_interactive", lambda s, p=None: False)
    assert application.run_gui(pw_services, None) == 1


def test_run_gui_installs_the_window_hook_once_the_main_window_is_shown(
    qtbot, services, monkeypatch, app_without_hooks
):
    """The hook on shown windows (screen clamp, button descriptions) is not in the way of the
    first paint: run_gui installs it from the event loop, after the main window is shown."""
    app = app_without_hooks
    seen: dict[str, object] = {}

    def fake_exec():
        seen["before"] = startup.has_window_hooks(app)
        seen["shown"] = [w for w in app.topLevelWidgets() if w.isVisible()]
        qtbot.wait(20)
        seen["after"] = startup.has_window_hooks(app)
        for window in seen["shown"]:
            window.close()
        return 0

    monkeypatch.setattr(app, "exec", fake_exec)
    assert application.run_gui(services, None) == 0
    assert seen["before"] is False
    assert any(type(w).__name__ == "MainWindow" for w in seen["shown"])
    assert seen["after"] is True
    dialog = QDialog()  # and the hook works: a too large window is shrunk into the screen
    qtbot.addWidget(dialog)
    dialog.resize(9000, 9000)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert app.primaryScreen().availableGeometry().contains(dialog.geometry())


# The app started in a fresh process as ``main()`` starts it (a keyring vault of 30 accounts, in
# the test's data dir, offscreen). The probe records, when the account list has painted its
# first frame, whether QStyle's Python type exists and whether the window hooks are installed;
# then which style the application has and whether the hooks came, and quits.
START_AS_MAIN = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from desktop_app.otp.model import Entry
from desktop_app.vault import KeyStore, Vault
data_dir = sys.argv[1]
with Vault.open(data_dir, keystore=KeyStore()) as vault:
    vault.add_many([Entry("JBSWY3DPEHPK3PXP", f"Service {i}", "me") for i in range(30)])

from PySide6 import QtWidgets
from PySide6.QtCore import QTimer
from desktop_app.cli import main
from desktop_app.ui import application, startup

build_window = application.build_window
seen = {}

def probed_build_window(services):
    window = build_window(services)
    view = type(window.view)
    paint = view.paintEvent

    def paint_event(self, event):
        paint(self, event)
        if "first_paint" not in seen:
            app = QtWidgets.QApplication.instance()
            seen["first_paint"] = ("QStyle" in vars(QtWidgets), startup.has_window_hooks(app))
            QTimer.singleShot(300, finish)

    view.paintEvent = paint_event
    return window

def finish():
    app = QtWidgets.QApplication.instance()
    seen["after"] = (startup.has_window_hooks(app), app.style().name().lower())
    print("SEEN", seen, flush=True)
    app.quit()

application.build_window = probed_build_window
sys.exit(main(["--data-dir", data_dir]))
"""


def test_a_start_as_main_paints_its_first_frame_before_qstyle_and_the_window_hooks(tmp_path):
    """The start-up contract (ui/startup.py): the main window's first frame comes before
    ``QStyle``'s Python type is built and before the window hooks; the application runs Fusion
    and the hooks come right after that frame."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", START_AS_MAIN, str(tmp_path / "vault")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    expected = "SEEN {'first_paint': (False, False), 'after': (True, 'fusion')}"
    assert expected in out.stdout, out.stdout + out.stderr
    assert out.returncode == 0, out.stderr


def test_window_hooks_come_even_if_the_window_is_never_painted(
    qtbot, app_without_hooks, monkeypatch
):
    """A main window started minimised paints late: the hooks come after HOOKS_LATEST_MS."""
    from PySide6.QtWidgets import QWidget

    qapp = app_without_hooks
    monkeypatch.setattr(startup, "HOOKS_LATEST_MS", 50)
    window = QWidget()  # never shown
    qtbot.addWidget(window)
    startup.hooks_after_first_paint(window, qapp)
    assert not startup.has_window_hooks(qapp)
    qtbot.waitUntil(lambda: startup.has_window_hooks(qapp), timeout=5000)


def test_after_first_paint_waits_for_the_frame_when_the_window_is_slow_to_build(qtbot, monkeypatch):
    """The latest wait counts from the event loop's start: a window whose construction takes
    longer than HOOKS_LATEST_MS (a slow computer, a large vault) still paints before what waits
    for its first frame."""
    import time

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    monkeypatch.setattr(startup, "HOOKS_LATEST_MS", 500)  # the paint comes well within it
    order: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in order:
                order.append("paint")
            return False

    window = QWidget()
    qtbot.addWidget(window)
    spy = Paints(window)
    window.installEventFilter(spy)
    startup.after_first_paint(window, lambda: order.append("then"))
    time.sleep(0.7)  # the rest of the window built, longer than HOOKS_LATEST_MS
    window.show()
    qtbot.waitUntil(lambda: "then" in order, timeout=5000)
    assert order == ["paint", "then"]


def test_what_waits_for_the_first_frame_runs_in_order_after_it(qtbot):
    """Every callable given for a window runs once, in the order given, after its first paint;
    one given after that waits for the next one."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    order: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                order.append("paint")
            return False

    window = QWidget()
    qtbot.addWidget(window)
    spy = Paints(window)
    window.installEventFilter(spy)
    for name in ("hooks", "banner", "sync"):
        startup.after_first_paint(window, lambda name=name: order.append(name))
    window.show()
    qtbot.waitUntil(lambda: "sync" in order, timeout=5000)
    assert [step for step in order if step != "paint"] == ["hooks", "banner", "sync"]
    assert order.index("paint") < order.index("hooks")
    assert order.count("hooks") == 1

    startup.after_first_paint(window, lambda: order.append("later"))
    window.update()
    qtbot.waitUntil(lambda: "later" in order, timeout=5000)
    assert order.count("hooks") == 1
