"""Application start: QApplication, theme, unlocking the vault, the main window, the event loop.

What the first frame may not wait for, and what waits for it, is in ui/startup.py."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app.app import AppServices, open_vault_for
from desktop_app.errors import VaultError, VaultLockedError
from desktop_app.settings import LANGUAGE, THEME, TRAY_ICON
from desktop_app.ui import startup
from desktop_app.ui.i18n import core_text, install_translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.theme import apply_theme
from desktop_app.ui.tray import install_tray
from desktop_app.ui.unlock_dialog import REASON_CHOSEN, REASON_NO_KEYRING, PasswordDialog
from desktop_app.vault import Vault

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.instance_server import InstanceServer

log = logging.getLogger(__name__)

APP_NAME = "Desktop Authenticator"
DESKTOP_FILE = "net.emnify.DesktopAuthenticator"
ICON = Path(__file__).resolve().parents[1] / "data" / "desktop-authenticator.svg"


def create_app(argv: list[str] | None = None, *, window_hooks: bool = True) -> QApplication:
    """The application (built by :func:`startup.new_application` unless one is running), set
    up. ``window_hooks=False`` leaves out the window hooks: :func:`run_gui` installs them once
    the main window has painted (ui/startup.py)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else startup.new_application(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Authenticator")
    app.setOrganizationName("emnify")
    app.setOrganizationDomain("emnify.net")
    app.setDesktopFileName(DESKTOP_FILE)
    # Pasted and dropped pictures Qt decodes itself: same budget as scanning.images (64 MiB).
    QImageReader.setAllocationLimit(64)
    if window_hooks:
        startup.ensure_window_hooks(app)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    return app


class _NeedPassword(Exception):
    def __init__(self, creating: bool) -> None:
        super().__init__("a password is needed")
        self.creating = creating


def _probe(creating: bool) -> str:
    raise _NeedPassword(creating)


def open_vault_interactive(services: AppServices, parent: QWidget | None = None) -> bool:
    """Open ``services.vault``; a password vault asks in a dialog that derives the key in a
    worker thread (the dialog stays responsive). False when the vault stays closed."""

    try:  # a keyring vault opens at once; a password vault asks for its password
        services.vault = open_vault_for(services, _probe)
        return True
    except _NeedPassword as need:
        creating = need.creating
    except VaultError as exc:
        _show_open_error(exc)
        return False

    def unlock(password: str) -> object:
        return open_vault_for(services, lambda _creating: password)

    startup.ensure_window_hooks()  # the password dialog comes before the main window
    if creating:
        reason = REASON_CHOSEN if services.password_mode else REASON_NO_KEYRING
        dialog = PasswordDialog(parent, mode="create", reason=reason, verify=unlock)
    else:
        dialog = PasswordDialog(parent, mode="unlock", verify=unlock)

    if dialog.exec() != QDialog.DialogCode.Accepted:
        if isinstance(dialog.failure, VaultError):
            _show_open_error(dialog.failure)
        elif dialog.failure is not None:
            show_fatal(
                QCoreApplication.translate("Application", "The vault cannot be opened"),
                core_text(dialog.failure),
            )
        return False
    assert isinstance(dialog.result_value, Vault)
    services.vault = dialog.result_value
    return True


def _show_open_error(exc: VaultError) -> None:
    if isinstance(exc, VaultLockedError):
        show_fatal(
            QCoreApplication.translate("Application", "Authenticator is already running"),
            QCoreApplication.translate(
                "Application", "{error}\n\nSwitch to the open window, or quit it first."
            ).format(error=core_text(exc)),
        )
    else:
        show_fatal(
            QCoreApplication.translate("Application", "The vault cannot be opened"), core_text(exc)
        )


def show_fatal(title: str, text: str) -> None:
    log.error("start-up failed: %s", title)
    startup.ensure_window_hooks()

    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close)
    box.exec()


def build_window(services: AppServices) -> MainWindow:
    window = MainWindow(services)
    icon = QApplication.windowIcon()
    if not icon.isNull():
        window.setWindowIcon(icon)
    return window


def _serve(window: MainWindow, open_quick: bool) -> InstanceServer:
    """The single-instance channel (a second start, ``quick``, ``copy``) and the global shortcut,
    started after the window's first frame: QtNetwork, the key grab and the quick-copy window
    cost a start more than the threshold in benchmarks/README.md (bench_startup)."""
    from desktop_app.ui.instance_server import InstanceServer

    server = InstanceServer(window)
    if open_quick:
        server.quick_window().present()
    return server


def run_gui(services: AppServices, args: argparse.Namespace | None = None) -> int:
    app = create_app(window_hooks=False)  # installed once the main window has painted
    install_translations(app, str(services.settings.value(LANGUAGE)))
    apply_theme(app, str(services.settings.value(THEME)))
    try:
        if services.vault is None and not open_vault_interactive(services):
            return 1
        window = build_window(services)
        startup.hooks_after_first_paint(window, app)
        servers: list[InstanceServer] = []
        open_quick = args is not None and bool(getattr(args, "open_quick", False))
        startup.after_first_paint(window, lambda: servers.append(_serve(window, open_quick)))
        window.show()
        tray = None
        if services.settings.value(TRAY_ICON):
            tray = install_tray(app, window)
        status = app.exec()
        for server in servers:
            server.close()
        if tray is not None:
            tray.hide()
        return int(status)
    finally:
        services.close()
