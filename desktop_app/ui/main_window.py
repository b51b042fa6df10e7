"""The main window: the accounts with their rolling codes, search, menus -- and nothing else.

The window builds its widgets and actions and hands the work to controllers with one job each
(``desktop_app/ui/controllers``), each through the narrow port the window implements
(:class:`~desktop_app.ui.controllers.port.WindowPort`), not the window itself; its actions, menus
and empty page come from the table in :mod:`desktop_app.ui.main_actions`:

* ``self.adding`` (:class:`~desktop_app.ui.controllers.adding.AddingController`) -- every way to
  add accounts (typed, images, drops, clipboard, screen, camera, backups), all through
  ``desktop_app.intake`` and the one candidate review;
* ``self.locking`` (:class:`~desktop_app.ui.controllers.locking.LockController`) -- lock, unlock,
  auto-lock;
* ``self.lists`` (:class:`~desktop_app.ui.controllers.list_actions.ListActions`) -- copy, next
  code, HOTP step, edit, delete, QR, reorder, context menu;
* ``self.pages`` (:class:`~desktop_app.ui.controllers.pages.Pages`) -- list / empty / no-match /
  locked pages, the demo banner and toast notices.

Heavy or optional parts (dialogs, scanning, OpenCV, import/export, the emnify pane) are imported
inside the handlers that need them, so start-up stays fast and the window works while they are
absent. ``inform`` and ``ask`` are the window's only modal questions (tests replace them).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.clock import corrected_clock
from desktop_app.otp.model import Entry
from desktop_app.settings import (
    AUTO_LOCK_MINUTES,
    HIDE_CODES,
    SHOW_NEXT_CODE,
    SORT_ORDER,
    THEME,
    TRAY_NOTICE_SHOWN,
    Setting,
)
from desktop_app.ui import startup
from desktop_app.ui.accounts_model import ROLE_ENTRY, AccountsFilter, AccountsModel
from desktop_app.ui.accounts_view import AccountsView
from desktop_app.ui.backup_page import BackupBanner
from desktop_app.ui.clipboard import ClipboardGuard
from desktop_app.ui.clock_banner import ClockBanner
from desktop_app.ui.controllers.adding import AddingController
from desktop_app.ui.controllers.list_actions import ListActions
from desktop_app.ui.controllers.locking import LockController
from desktop_app.ui.controllers.pages import Pages, demo_banner
from desktop_app.ui.controllers.port import open_vault
from desktop_app.ui.controllers.vault_watch import VaultWatch
from desktop_app.ui.geometry import fit_to_screen, restore_geometry, save_geometry
from desktop_app.ui.i18n import core_text, sentence
from desktop_app.ui.main_actions import ActionState, MainActions
from desktop_app.ui.sync_page import install_sync

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent
    from PySide6.QtWidgets import QMenu

    from desktop_app.app import AppServices
    from desktop_app.vault import Vault

log = logging.getLogger(__name__)


class _Bridge(QObject):
    """Carries vault/settings notifications from any thread to the GUI thread."""

    vault_changed = Signal()
    setting_changed = Signal(object, object)  # the declared Setting, its new value


ADD_BUTTON_CSS = (
    "QToolButton#add_button { background: palette(highlight);"
    " color: palette(highlighted-text); border: none; border-radius: 6px;"
    " padding: 4px 14px; font-weight: 600; }"
    "QToolButton#add_button::menu-indicator { image: none; width: 0; }"
    "QToolButton#add_button:focus { border: 2px solid palette(window-text);"
    " padding: 2px 12px; }"
    "QToolButton#add_button:pressed { background: palette(dark); }"
    "QToolButton#add_button:disabled { background: palette(mid); }"
)


def add_button(parent: QWidget, menu: QMenu) -> QToolButton:
    """The header's primary button: the Add menu."""
    button = QToolButton(parent)
    button.setObjectName("add_button")
    button.setText(QCoreApplication.translate("MainWindow", "+  Add"))
    button.setToolTip(
        QCoreApplication.translate(
            "MainWindow", "Add an account: scan a QR code, open an image, paste…"
        )
    )
    button.setAccessibleName(QCoreApplication.translate("MainWindow", "Add account"))
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMinimumHeight(34)
    button.setStyleSheet(ADD_BUTTON_CSS)
    return button


def message_box(parent: QWidget, title: str, text: str, *, warning: bool) -> None:
    """A message to read, with OK (modal)."""
    from PySide6.QtWidgets import QMessageBox  # built at the first message, not at start

    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.exec()


def question_box(
    parent: QWidget, title: str, text: str, ok_label: str, *, destructive: bool
) -> bool:
    """A confirmation whose button names the action (modal); True when it was pressed."""
    from desktop_app.ui.confirm_dialog import ask  # the app's one confirmation style

    return ask(parent, title, text, ok_label, destructive=destructive)


def about_box(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app import __version__

    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About Authenticator"),
        QCoreApplication.translate(
            "MainWindow",
            "<h3>Desktop Authenticator {version}</h3>"
            "<p>Two-factor codes for your accounts, kept in an encrypted vault on this "
            "computer.</p><p>Licensed under the GNU GPL v3 or later.</p>",
        ).format(version=__version__),
    )


class MainWindow(QMainWindow):
    """``MainWindow(services)``: ``services.vault`` must be open."""

    accounts_added = Signal(int)

    def __init__(
        self,
        services: AppServices,
        *,
        clock: Callable[[], float] = time.time,
        idle_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.services = services
        self.settings = services.settings
        self.setWindowTitle(self.tr("Authenticator"))
        self.setObjectName("MainWindow")
        self.setAccessibleName(self.tr("Desktop Authenticator"))
        fit_to_screen(self, 560, 680)
        self.setMinimumSize(380, 360)
        self.setAcceptDrops(True)

        self.model = AccountsModel(self, corrected_clock(clock, self.settings))  # issue 25
        self.proxy = AccountsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.clipboard_guard = ClipboardGuard(self)
        self.active_dialog: QWidget | None = None
        self.keep_in_tray = False
        # set by the tray: shows a balloon message (title, text)
        self.tray_message: Callable[[str, str], None] | None = None
        self._quitting = False

        self.adding = AddingController(self, services, self)
        self.adding.accounts_added.connect(self.accounts_added)
        self.commands = MainActions(self, self)
        self.lists = ListActions(
            self,
            services,
            view=self._build_view(),
            model=self.model,
            proxy=self.proxy,
            clipboard=self.clipboard_guard,
            row_menu=self.commands.row_menu,
            parent=self,
        )
        self.locking = LockController(self, services, clock=idle_clock)
        self._bridge = _Bridge(self)
        self._bridge.vault_changed.connect(self.reload, Qt.ConnectionType.QueuedConnection)
        self._bridge.setting_changed.connect(
            self._apply_setting, Qt.ConnectionType.QueuedConnection
        )
        self.settings.add_listener(lambda which, v: self._bridge.setting_changed.emit(which, v))

        self.commands.build_menus(self.menuBar())
        self._build_ui()
        pages, locking = self.pages, self.locking
        pages.unlock_requested.connect(locking.unlock)
        locking.busy_changed.connect(pages.set_unlock_busy)
        locking.unlock_failed.connect(pages.unlock_failed)
        locking.about_to_lock.connect(self._before_lock)
        locking.locked.connect(self._after_lock)
        locking.unlocked.connect(self._after_unlock)
        self._attach_vault()
        # another process's save (a command, another window) reaches the list within a second
        self.vault_watch = VaultWatch(self, lambda: self.services.vault, services.paths.data_dir)
        self.vault_watch.failed.connect(self.pages.notice)
        self._apply_all_settings()
        restore_geometry(self, self.settings)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.model.dataChanged.connect(self._auto_lock_check)
        self.locking.watch_input(bool(self.settings.value(AUTO_LOCK_MINUTES)))

    # ===================================================================== construction ====

    def _build_view(self) -> AccountsView:
        self.stack = QStackedWidget()
        self.view = AccountsView(self.stack)
        self.view.setModel(self.proxy)
        return self.view

    def _build_ui(self) -> None:
        central = QWidget(self)
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header(central))

        self.demo_banner: QWidget | None = None
        demo = self.services.demo_info
        if self.services.demo:
            self.demo_banner = demo_banner(
                central,
                demo.url if demo is not None else "",
                demo.user if demo is not None else "",
                demo.password if demo is not None else "",
            )
            outer.addWidget(self.demo_banner)
        self.clock_banner = ClockBanner(central, self.settings)  # issue 25: is the clock right?
        outer.addWidget(self.clock_banner)
        # its D-Bus read runs in a worker: started after the first frame, not competing with it
        startup.after_first_paint(self, self.clock_banner.start)
        self.backup_banner = BackupBanner(
            central, self.services, lambda: self.show_settings("Backups")
        )
        outer.addWidget(self.backup_banner)
        startup.after_first_paint(self, self.backup_banner.refresh)  # reads the keyring

        line = QFrame(central)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setStyleSheet("color: palette(mid);")
        outer.addWidget(line)

        self.stack.setParent(central)
        self.view.copy_requested.connect(self.lists.copy_index)
        self.view.action_requested.connect(self.lists.hotp_next_index)
        self.view.files_dropped.connect(self.adding.handle_paths)
        self.view.move_requested.connect(self.lists.move_to)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.lists.context_menu)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.view.addAction(self.commands.delete)
        outer.addWidget(self.stack, 1)
        outer.addWidget(install_sync(self, central))
        self.setCentralWidget(central)

        self.pages: Pages = Pages(self, self.stack, self.view, central, self.commands.empty_page())

    def _build_header(self, parent: QWidget) -> QWidget:
        """Search field and the primary Add button."""
        header = QWidget(parent)
        self.header = header
        header.setObjectName("header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(12, 10, 12, 10)
        hl.setSpacing(8)
        self.search = QLineEdit(header)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search accounts  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search accounts"))
        self.search.setMinimumHeight(34)
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)
        hl.addWidget(self.search, 1)
        hl.addStretch(0)  # keeps the Add button at the right when the search field is hidden
        self.add_button = add_button(header, self.commands.add_menu)
        hl.addWidget(self.add_button)
        return header

    # ===================================================================== vault & settings ====

    @property
    def vault(self) -> Vault:
        return open_vault(self.services)

    def _attach_vault(self) -> None:
        vault = self.services.vault
        if vault is not None:
            vault.add_listener(self._bridge.vault_changed.emit)
        self.reload()

    def _detach_vault(self) -> None:
        vault = self.services.vault
        if vault is not None:
            vault.remove_listener(self._bridge.vault_changed.emit)

    def replace_vault(self, vault: Vault) -> None:
        """Open ``vault`` in place of the current one (after joining a sync folder): the list,
        the vault watch and the controllers follow it from now on; the old one is closed."""
        old = self.services.vault
        self._detach_vault()
        self.services.vault = vault
        if old is not None and old is not vault:
            old.close()
        self._attach_vault()  # the controllers and the vault watch read services.vault
        self.vault_watch.resume()

    def reload(self) -> None:
        """Re-read the entries from the vault (after any save, from any thread)."""
        vault = self.services.vault
        current = self.current_entry()
        self.model.refresh(vault.entries() if vault is not None else [])
        self.proxy.resort()
        if current is not None:
            self.select_uuid(current.uuid)
        self._update_page()
        self._update_actions()

    def show_added(self, last_uuid: str | None) -> None:
        """After accounts were added: show the full list with the last one selected."""
        self.reload()
        if self.search.text():
            self.search.clear()
        if last_uuid:
            self.select_uuid(last_uuid)

    def _apply_all_settings(self) -> None:
        shown: tuple[Setting[Any], ...] = (SORT_ORDER, SHOW_NEXT_CODE, HIDE_CODES)
        for which in shown:
            self._apply_setting(which, self.settings.value(which))

    def _apply_setting(self, which: Setting[Any], value: object) -> None:
        if which is SORT_ORDER:
            by_name = value == "name"
            (self.commands.sort_name if by_name else self.commands.sort_custom).setChecked(True)
            self.proxy.set_sort_by_name(by_name)
            self._update_actions()
        elif which is SHOW_NEXT_CODE:
            self.commands.next_all.setChecked(bool(value))
            self.model.set_show_next_all(bool(value))
        elif which is AUTO_LOCK_MINUTES:
            self.locking.watch_input(bool(value))
        elif which is HIDE_CODES:
            self.view.delegate.hide_codes = bool(value)
            self.view.viewport().update()
        elif which is THEME:
            from desktop_app.ui.theme import apply_theme

            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, str(value))

    def set_sort(self, order: str) -> None:
        self.settings.set(SORT_ORDER, order)
        self._apply_setting(SORT_ORDER, order)

    def show_next_all_toggled(self) -> None:
        self.settings.set(SHOW_NEXT_CODE, self.commands.next_all.isChecked())

    # ===================================================================== selection ====

    def current_entry(self) -> Entry | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        entry: Entry | None = index.data(ROLE_ENTRY)
        return entry

    def select_uuid(self, uuid: str) -> bool:
        row = self.model.row_of(uuid)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _update_page(self) -> None:
        unlocked = self.services.vault is not None
        self.header.setVisible(unlocked)
        self.search.setVisible(unlocked and self.model.rowCount() > 0)
        if self.search.isHidden() and self.search.text():
            self.search.clear()
        self.pages.update(
            unlocked=unlocked,
            has_accounts=self.model.rowCount() > 0,
            has_matches=self.proxy.rowCount() > 0,
            query=self.search.text().strip(),
        )

    def _update_actions(self) -> None:
        unlocked = self.services.vault is not None
        reorderable = not self.proxy.sort_by_name and not self.proxy.query
        self.commands.update(
            ActionState(
                unlocked=unlocked,
                entry=self.current_entry(),
                movable=reorderable,
                can_lock=self.locking.can_lock(),
            )
        )
        self.view.reorder_enabled = reorderable
        self.search.setEnabled(unlocked)
        self.add_button.setEnabled(unlocked)

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._update_page()
        self._update_actions()

    def clear_search(self) -> None:
        """Escape, wherever the focus is in the window: clear the search, back to the list."""
        if self.search.text():
            self.search.clear()
            self.focus_list()

    def focus_list(self) -> None:
        """Give the account list the keyboard focus (after a dialog, a search, ...)."""
        if not isValid(self) or not isValid(self.stack) or self._quitting:
            return
        if self.stack.currentWidget() is self.view:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid() and self.proxy.rowCount():
                self.view.setCurrentIndex(self.proxy.index(0, 0))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if watched is self.search and etype == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.proxy.rowCount():
                    if not self.view.currentIndex().isValid():
                        self.view.setCurrentIndex(self.proxy.index(0, 0))
                    self.view.setFocus()
                    if key != Qt.Key.Key_Down:
                        self.lists.copy_index(self.view.currentIndex())
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return False

    # ===================================================================== lock ====

    def lock(self) -> None:
        self.locking.lock()

    def _before_lock(self) -> None:
        self.clipboard_guard.clear_if_ours()
        self._detach_vault()

    def _after_lock(self) -> None:
        self.model.refresh([])
        self.reload()  # shows the locked page
        self.pages.reset_unlock()

    def _after_unlock(self) -> None:
        self.pages.reset_unlock()
        self._attach_vault()
        self.backup_banner.refresh()  # the vault opened again with its own AutoBackup
        self.view.setFocus()

    def _auto_lock_check(self, *_args: object) -> None:
        self.locking.check_idle(int(self.settings.value(AUTO_LOCK_MINUTES) or 0))

    # ===================================================================== notices & dialogs ====

    @property
    def last_notice(self) -> str:
        return self.pages.last_notice

    def notice(self, text: str) -> None:
        self.pages.notice(text)

    def dialog_parent(self) -> QWidget:
        return self

    def inform(self, title: str, text: str, *, warning: bool = False) -> None:
        """A message a person must read (tests replace this)."""
        self.pages.toast.hide()  # a notice such as "Reading …" must not linger behind it
        message_box(self, title, text, warning=warning)
        self.focus_list()

    def ask(self, title: str, text: str, ok_label: str, *, destructive: bool = False) -> bool:
        """A confirmation whose button names the action (tests replace this)."""
        self.pages.toast.hide()
        answer = question_box(self, title, text, ok_label, destructive=destructive)
        self.focus_list()
        return answer

    def show_error(self, title: str, exc: BaseException) -> None:
        self.inform(title, sentence(core_text(exc) or type(exc).__name__), warning=True)

    def open_dialog(self, dialog: QWidget) -> None:
        """Open a window-modal dialog that deletes itself; ``active_dialog`` while it is open."""
        self.active_dialog = dialog
        self.pages.toast.hide()  # the dialog says what happens now; no notice behind it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._dialog_gone(dialog))
        finished = getattr(dialog, "finished", None)
        if finished is not None:
            finished.connect(lambda *_: QTimer.singleShot(0, self, self.focus_list))
        dialog.open()  # type: ignore[attr-defined]

    def _dialog_gone(self, dialog: QWidget) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
            self.focus_list()  # the keyboard goes back where it was: the account list

    # ===================================================================== other windows ====

    def export_backup(self) -> None:
        try:
            from desktop_app.ui.export_dialog import run_export
        except ImportError:
            self.inform(
                self.tr("Not available"), self.tr("Exporting is not available in this build.")
            )
            return
        run_export(self, self.services)
        self.focus_list()

    def show_shortcuts(self) -> None:
        from desktop_app.ui.shortcuts_dialog import ShortcutsDialog

        self.open_dialog(ShortcutsDialog(self.commands.all_actions(), self))

    def show_settings(self, section: str | None = None) -> None:
        from desktop_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        dialog.protection_changed.connect(self._update_actions)
        if section is not None:
            dialog.show_section(section)
        dialog.finished.connect(lambda *_: self.backup_banner.refresh())
        self.open_dialog(dialog)

    def show_about(self) -> None:
        about_box(self)
        self.focus_list()

    # ===================================================================== window events ====

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.model.start()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.model.stop()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isMinimized():
                self.model.stop()
            elif self.isVisible():
                self.model.tick()
                self.model.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.pages.toast.isVisible():
            self.pages.toast.reposition()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.services.vault is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.services.vault is not None:
            event.acceptProposedAction()
            self.adding.handle_paths(paths)
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, self.settings)
        if self.keep_in_tray and not self._quitting:
            event.ignore()
            self.hide()
            self._say_keeps_running()
            return
        self.clipboard_guard.clear_if_ours()
        self.model.stop()
        self.locking.watch_input(False)
        self._detach_vault()
        super().closeEvent(event)

    def _say_keeps_running(self) -> None:
        """The first time the window closes to the tray, say so (once)."""
        if self.settings.value(TRAY_NOTICE_SHOWN):
            return
        title = self.tr("Authenticator keeps running")
        text = self.tr(
            "The app is still running in the system tray. Open it from the tray icon; "
            "quit it with File → Quit (Ctrl+Q)."
        )
        if self.tray_message is not None:
            self.tray_message(title, text)
        else:
            self.inform(title, text)
        self.settings.set(TRAY_NOTICE_SHOWN, True)

    def quit_app(self) -> None:
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


__all__ = ["MainWindow"]
