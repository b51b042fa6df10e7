"""Start-up: password dialogs when creating/unlocking a vault; clear failures."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.app import AppServices
from desktop_app.errors import VaultError
from desktop_app.paths import AppPaths
from desktop_app.settings import Settings
from desktop_app.ui import application
from desktop_app.ui.unlock_dialog import REASON_CHOSEN, PasswordDialog
from desktop_app.vault import KeyStore, Vault

pytestmark = pytest.mark.gui


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
    assert errors == ["Wrong password. Try again.", ""]
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


def test_run_gui_exits_1_when_vault_stays_closed(qtbot, pw_services, monkeypatch):
    monkeypatch.setattr(application, "open_vault_interactive", lambda s, p=None: False)
    assert application.run_gui(pw_services, None) == 1


def test_run_gui_installs_the_window_hook_once_the_main_window_is_shown(
    qtbot, services, monkeypatch
):
    """The hook on shown windows (screen clamp, button descriptions) is not in the way of the
    first paint: run_gui installs it from the event loop, after the main window is shown."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    hook = app.property("window_hooks")
    if hook is not None:  # installed by an earlier test's create_app()
        app.removeEventFilter(hook)
        app.setProperty("window_hooks", None)
    seen: dict[str, object] = {}

    def fake_exec():
        seen["before"] = app.property("window_hooks")
        seen["shown"] = [w for w in app.topLevelWidgets() if w.isVisible()]
        qtbot.wait(20)
        seen["after"] = app.property("window_hooks")
        for window in seen["shown"]:
            window.close()
        return 0

    monkeypatch.setattr(app, "exec", fake_exec)
    assert application.run_gui(services, None) == 0
    assert seen["before"] is None
    assert any(type(w).__name__ == "MainWindow" for w in seen["shown"])
    assert seen["after"] is not None
    dialog = QDialog()  # and the hook works: a too large window is shrunk into the screen
    qtbot.addWidget(dialog)
    dialog.resize(9000, 9000)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert app.primaryScreen().availableGeometry().contains(dialog.geometry())
