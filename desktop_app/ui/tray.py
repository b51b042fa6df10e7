"""Optional system tray icon (setting ``tray_icon``): closing the window keeps the app running.

The menu offers the search, the quick-copy window, the codes of the most used accounts (copied straight from the
menu), the window, lock and quit. The first time the window is closed to the tray, the tray says
once that the app keeps running (setting ``tray_notice_shown``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop_app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

MOST_USED = 5


def build_menu(window: MainWindow, menu: QMenu) -> None:
    """(Re)fill the tray menu: search, the most used codes, show, lock, quit."""
    menu.clear()
    search = menu.addAction(QCoreApplication.translate("Tray", "&Search Accounts…"))
    search.setObjectName("tray_search")
    search.triggered.connect(lambda: _search(window))
    quick = menu.addAction(QCoreApplication.translate("Tray", "&Quick Copy…"))
    quick.setObjectName("tray_quick")
    quick.triggered.connect(lambda: _quick(window))
    used = window.lists.most_used(MOST_USED) if window.services.vault is not None else []
    if used:
        menu.addSection(QCoreApplication.translate("Tray", "Copy a code"))
        for entry in used:
            label = (
                entry.issuer or entry.name or QCoreApplication.translate("Tray", "Unnamed account")
            )
            if entry.issuer and entry.name:
                label = f"{entry.issuer} ({entry.name})"
            action = menu.addAction(label)
            action.setObjectName("tray_copy")
            action.setData(entry.uuid)
            action.setToolTip(
                QCoreApplication.translate("Tray", "Copy the current code of {label}").format(
                    label=label
                )
            )
            action.triggered.connect(lambda _c=False, u=entry.uuid: window.lists.copy_uuid(u))
    menu.addSeparator()
    show = menu.addAction(QCoreApplication.translate("Tray", "Show Authenticator"))
    show.setObjectName("tray_show")
    show.triggered.connect(lambda: _show(window))
    menu.addSeparator()
    menu.addAction(window.commands.lock)
    menu.addAction(window.commands.quit)


def install_tray(app: QApplication, window: MainWindow) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(app.windowIcon(), window)
    tray.setToolTip(QCoreApplication.translate("Tray", "Authenticator"))
    menu = QMenu(window)
    menu.setObjectName("tray_menu")
    build_menu(window, menu)
    menu.aboutToShow.connect(lambda: build_menu(window, menu))
    tray.setContextMenu(menu)
    tray.activated.connect(
        lambda reason: _show(window) if reason == QSystemTrayIcon.ActivationReason.Trigger else None
    )
    window.keep_in_tray = True
    window.tray_message = lambda title, text: tray.showMessage(
        title, text, QSystemTrayIcon.MessageIcon.Information, 6000
    )
    app.setQuitOnLastWindowClosed(False)
    tray.show()
    return tray


def _show(window: MainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def _search(window: MainWindow) -> None:
    _show(window)
    window.focus_search()


def _quick(window: MainWindow) -> None:
    """The quick-copy window (a locked app asks for the password in it first)."""
    from desktop_app.ui.quick_copy import quick_window_for

    quick_window_for(window).present()
