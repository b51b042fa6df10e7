"""Optional system tray icon (setting ``tray_icon``): closing the window keeps the app running."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from desktop_app.ui.main_window import MainWindow


def install_tray(app: QApplication, window: MainWindow) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(app.windowIcon(), window)
    tray.setToolTip(QCoreApplication.translate("Tray", "Authenticator"))
    menu = QMenu(window)
    show = menu.addAction(QCoreApplication.translate("Tray", "Show Authenticator"))
    show.triggered.connect(lambda: _show(window))
    menu.addSeparator()
    menu.addAction(window.commands.lock)
    menu.addAction(window.commands.quit)
    tray.setContextMenu(menu)
    tray.activated.connect(
        lambda reason: _show(window) if reason == QSystemTrayIcon.ActivationReason.Trigger else None
    )
    window.keep_in_tray = True
    app.setQuitOnLastWindowClosed(False)
    tray.show()
    return tray


def _show(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
