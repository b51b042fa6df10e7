"""Application start: QApplication, theme, unlocking the vault, the main window, the event loop."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop_app.errors import VaultError, VaultLockedError, WrongPasswordError

if TYPE_CHECKING:
    from desktop_app.app import AppServices
    from desktop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "Desktop Authenticator"
DESKTOP_FILE = "net.emnify.DesktopAuthenticator"
ICON = Path(__file__).resolve().parents[1] / "data" / "desktop-authenticator.svg"


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Authenticator")
    app.setOrganizationName("emnify")
    app.setOrganizationDomain("emnify.net")
    app.setDesktopFileName(DESKTOP_FILE)
    from desktop_app.ui.geometry import install_screen_clamp

    install_screen_clamp(app)
    from desktop_app.ui.a11y import install_standard_descriptions

    install_standard_descriptions(app)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    return app


class _Cancelled(Exception):
    pass


def ask_password_provider(
    services: AppServices, parent: QWidget | None = None
) -> tuple[object, list[str]]:
    """A PasswordProvider showing dialogs; the returned list collects errors to show next time."""
    from desktop_app.ui.unlock_dialog import REASON_CHOSEN, REASON_NO_KEYRING, PasswordDialog

    errors: list[str] = []

    def provide(creating: bool) -> str | None:
        if creating:
            reason = REASON_CHOSEN if services.password_mode else REASON_NO_KEYRING
            dialog = PasswordDialog(parent, mode="create", reason=reason)
        else:
            dialog = PasswordDialog(parent, mode="unlock", error=errors[-1] if errors else "")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            raise _Cancelled
        return dialog.password()

    return provide, errors


def open_vault_interactive(services: AppServices, parent: QWidget | None = None) -> bool:
    """Open ``services.vault``, asking for a password in dialogs; False when it stays closed."""
    from desktop_app.app import open_vault_for

    provide, errors = ask_password_provider(services, parent)
    while True:
        try:
            services.vault = open_vault_for(services, provide)  # type: ignore[arg-type]
            return True
        except _Cancelled:
            return False
        except WrongPasswordError:
            errors.append(QCoreApplication.translate("Application", "Wrong password. Try again."))
        except VaultLockedError as exc:
            show_fatal(
                QCoreApplication.translate("Application", "Authenticator is already running"),
                QCoreApplication.translate(
                    "Application", "{error}\n\nSwitch to the open window, or quit it first."
                ).format(error=exc),
            )
            return False
        except VaultError as exc:
            show_fatal(
                QCoreApplication.translate("Application", "The vault cannot be opened"), str(exc)
            )
            return False


def show_fatal(title: str, text: str) -> None:
    log.error("start-up failed: %s", title)
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Close)
    box.exec()


def build_window(services: AppServices) -> MainWindow:
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(services)
    icon = QApplication.windowIcon()
    if not icon.isNull():
        window.setWindowIcon(icon)
    return window


def run_gui(services: AppServices, args: argparse.Namespace | None = None) -> int:
    app = create_app()
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.theme import apply_theme

    install_translations(app, str(services.settings.get("language")))
    apply_theme(app, str(services.settings.get("theme")))
    try:
        if services.vault is None and not open_vault_interactive(services):
            return 1
        window = build_window(services)
        window.show()
        tray = None
        if services.settings.get("tray_icon"):
            from desktop_app.ui.tray import install_tray

            tray = install_tray(app, window)
        status = app.exec()
        if tray is not None:
            tray.hide()
        return int(status)
    finally:
        services.close()
