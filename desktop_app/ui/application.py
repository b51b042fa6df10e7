"""Application start: QApplication, theme, unlocking the vault, the main window, the event loop."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication

from desktop_app.errors import VaultError, VaultLockedError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.app import AppServices
    from desktop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "Desktop Authenticator"
DESKTOP_FILE = "net.emnify.DesktopAuthenticator"
ICON = Path(__file__).resolve().parents[1] / "data" / "desktop-authenticator.svg"


def create_app(argv: list[str] | None = None, *, window_hooks: bool = True) -> QApplication:
    """The application, set up. ``window_hooks=False`` leaves out the hook on shown windows
    (ui/window_hooks.py): :func:`run_gui` installs it once the main window has painted
    (:func:`hooks_after_first_paint`)."""
    from desktop_app.ui import theme

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([*(argv or sys.argv[:1]), *theme.APP_ARGS])
        theme.started_with_fusion()
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Authenticator")
    app.setOrganizationName("emnify")
    app.setOrganizationDomain("emnify.net")
    app.setDesktopFileName(DESKTOP_FILE)
    # Pasted and dropped pictures Qt decodes itself: same budget as scanning.images (64 MiB).
    QImageReader.setAllocationLimit(64)
    if window_hooks:
        ensure_window_hooks(app)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    return app


def ensure_window_hooks(app: QApplication | None = None) -> None:
    """:func:`desktop_app.ui.window_hooks.ensure_window_hooks`, imported when first needed (after
    the main window's first paint on a normal start)."""
    from desktop_app.ui import window_hooks

    window_hooks.ensure_window_hooks(app)


HOOKS_LATEST_MS = 2000


class _AfterFirstPaint(QObject):
    """Installs the window hooks once the main window has painted its first frame.

    The hook is a Python event filter on the whole application: every object it meets gets its
    Python type built, ``QWindow``'s and the style's (``QStyle``, ~14 ms of enums) among them.
    Installed from a zero timer right after ``show()``, it still ran before the first frame.
    A window that is not painted soon (started minimised) gets them after ``HOOKS_LATEST_MS``."""

    def __init__(self, window: QWidget, app: QApplication) -> None:
        super().__init__(window)
        self._app = app
        window.installEventFilter(self)
        QTimer.singleShot(HOOKS_LATEST_MS, lambda: ensure_window_hooks(app))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            app = self._app
            QTimer.singleShot(0, lambda: ensure_window_hooks(app))  # after the whole frame
        return False


def hooks_after_first_paint(window: QWidget, app: QApplication) -> None:
    """:func:`ensure_window_hooks` once ``window`` (shown next) has painted its first frame."""
    _AfterFirstPaint(window, app)


class _NeedPassword(Exception):
    def __init__(self, creating: bool) -> None:
        super().__init__("a password is needed")
        self.creating = creating


def _probe(creating: bool) -> str:
    raise _NeedPassword(creating)


def open_vault_interactive(services: AppServices, parent: QWidget | None = None) -> bool:
    """Open ``services.vault``; a password vault asks in a dialog that derives the key in a
    worker thread (the dialog stays responsive). False when the vault stays closed."""
    from desktop_app.app import open_vault_for
    from desktop_app.ui.unlock_dialog import REASON_CHOSEN, REASON_NO_KEYRING, PasswordDialog

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

    ensure_window_hooks()  # the password dialog comes before the main window
    if creating:
        reason = REASON_CHOSEN if services.password_mode else REASON_NO_KEYRING
        dialog = PasswordDialog(parent, mode="create", reason=reason, verify=unlock)
    else:
        dialog = PasswordDialog(parent, mode="unlock", verify=unlock)
    from PySide6.QtWidgets import QDialog

    if dialog.exec() != QDialog.DialogCode.Accepted:
        if isinstance(dialog.failure, VaultError):
            _show_open_error(dialog.failure)
        elif dialog.failure is not None:
            show_fatal(
                QCoreApplication.translate("Application", "The vault cannot be opened"),
                str(dialog.failure),
            )
        return False
    from desktop_app.vault import Vault

    assert isinstance(dialog.result_value, Vault)
    services.vault = dialog.result_value
    return True


def _show_open_error(exc: VaultError) -> None:
    if isinstance(exc, VaultLockedError):
        show_fatal(
            QCoreApplication.translate("Application", "Authenticator is already running"),
            QCoreApplication.translate(
                "Application", "{error}\n\nSwitch to the open window, or quit it first."
            ).format(error=exc),
        )
    else:
        show_fatal(
            QCoreApplication.translate("Application", "The vault cannot be opened"), str(exc)
        )


def show_fatal(title: str, text: str) -> None:
    log.error("start-up failed: %s", title)
    ensure_window_hooks()
    from PySide6.QtWidgets import QMessageBox  # only when start-up fails

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
    app = create_app(window_hooks=False)  # installed once the main window has painted
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.theme import apply_theme

    install_translations(app, str(services.settings.get("language")))
    apply_theme(app, str(services.settings.get("theme")))
    try:
        if services.vault is None and not open_vault_interactive(services):
            return 1
        window = build_window(services)
        hooks_after_first_paint(window, app)
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
