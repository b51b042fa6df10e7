"""The main window's actions (menu entries with shortcuts) and its menus.

commands = MainActions(window)     # QActions parented to the window, handlers on its
commands.build_menus(window.menuBar())          # controllers
commands.update(unlocked=..., entry=..., movable=..., can_lock=...)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app.otp.model import Entry, OtpType

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar

    from desktop_app.ui.main_window import MainWindow


class MainActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        w, a = window, self._action
        add, lists = w.adding, w.lists
        self.add = a(
            "add",
            QCoreApplication.translate("MainWindow", "&Enter Setup Key…"),
            lambda: add.add_manually(),
            "Ctrl+N",
        )
        self.scan_camera = a(
            "scan_camera",
            QCoreApplication.translate("MainWindow", "Scan QR Code with &Camera…"),
            add.scan_camera,
            "Ctrl+Shift+C",
        )
        self.scan_screen = a(
            "scan_screen",
            QCoreApplication.translate("MainWindow", "Scan QR Code on &Screen"),
            add.scan_screen,
            "Ctrl+Shift+S",
        )
        self.open_image = a(
            "open_image",
            QCoreApplication.translate("MainWindow", "&Open QR Image…"),
            add.open_images,
            "Ctrl+O",
        )
        self.paste = a(
            "paste",
            QCoreApplication.translate("MainWindow", "&Paste QR Image or Link"),
            add.paste,
            "Ctrl+V",
            QCoreApplication.translate("MainWindow", "Paste a QR image or link"),
        )
        self.import_backup = a(
            "import",
            QCoreApplication.translate("MainWindow", "&Import Backup…"),
            lambda: add.import_backup(),
            "Ctrl+I",
        )
        self.export = a(
            "export",
            QCoreApplication.translate("MainWindow", "E&xport…"),
            w.export_backup,
            "Ctrl+E",
        )
        self.settings = a(
            "settings",
            QCoreApplication.translate("MainWindow", "Se&ttings…"),
            w.show_settings,
            "Ctrl+,",
        )
        self.lock = a(
            "lock",
            QCoreApplication.translate("MainWindow", "&Lock"),
            w.lock,
            "Ctrl+L",
            QCoreApplication.translate("MainWindow", "Lock the vault"),
        )
        self.quit = a(
            "quit", QCoreApplication.translate("MainWindow", "&Quit"), w.quit_app, "Ctrl+Q"
        )
        self.shortcuts = a(
            "shortcuts",
            QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts"),
            w.show_shortcuts,
            "F1",
            QCoreApplication.translate("MainWindow", "List every keyboard shortcut"),
        )
        self.clear_search = a(
            "clear_search",
            QCoreApplication.translate("MainWindow", "Clear Search"),
            w.clear_search,
            "Esc",
            QCoreApplication.translate("MainWindow", "Clear the search, wherever the focus is"),
        )
        self.about = a(
            "about", QCoreApplication.translate("MainWindow", "&About Authenticator"), w.show_about
        )
        self.find = a(
            "find",
            QCoreApplication.translate("MainWindow", "&Find"),
            w.focus_search,
            "Ctrl+F",
            QCoreApplication.translate("MainWindow", "Search accounts"),
        )
        self.copy = a(
            "copy",
            QCoreApplication.translate("MainWindow", "&Copy Code"),
            lists.copy_current,
            "Ctrl+C",
        )
        self.copy_next = a(
            "copy_next",
            QCoreApplication.translate("MainWindow", "Copy &Next Code"),
            lists.copy_next_current,
            "Ctrl+Shift+Return",
        )
        self.show_next = a(
            "show_next",
            QCoreApplication.translate("MainWindow", "Show Ne&xt Code"),
            lists.toggle_next_current,
            "Ctrl+J",
        )
        self.hotp_next = a(
            "hotp_next",
            QCoreApplication.translate("MainWindow", "&Generate Next Code"),
            lists.hotp_next_current,
            "Ctrl+R",
            QCoreApplication.translate(
                "MainWindow", "Counter-based accounts: move to the next code (saved at once)"
            ),
        )
        self.edit = a(
            "edit",
            QCoreApplication.translate("MainWindow", "&Edit Account…"),
            lists.edit_current,
            "F2",
        )
        self.show_qr = a(
            "show_qr",
            QCoreApplication.translate("MainWindow", "Show as &QR Code…"),
            lists.show_qr_current,
            "Ctrl+K",
        )
        self.delete = a(
            "delete",
            QCoreApplication.translate("MainWindow", "&Delete Account…"),
            lists.delete_current,
            QKeySequence.StandardKey.Delete,
            view_only=True,
        )
        self.move_up = a(
            "move_up",
            QCoreApplication.translate("MainWindow", "Move &Up"),
            lambda: lists.move_current(-1),
            "Ctrl+Up",
        )
        self.move_down = a(
            "move_down",
            QCoreApplication.translate("MainWindow", "Move Do&wn"),
            lambda: lists.move_current(1),
            "Ctrl+Down",
        )
        self.sort_group = QActionGroup(window)
        self.sort_custom = a(
            "sort_custom",
            QCoreApplication.translate("MainWindow", "&Custom Order"),
            lambda: w.set_sort("custom"),
            "Ctrl+1",
        )
        self.sort_name = a(
            "sort_name",
            QCoreApplication.translate("MainWindow", "By &Name"),
            lambda: w.set_sort("name"),
            "Ctrl+2",
        )
        for act in (self.sort_custom, self.sort_name):
            act.setCheckable(True)
            self.sort_group.addAction(act)
        self.next_all = a(
            "next_all",
            QCoreApplication.translate("MainWindow", "Always Show Next &Codes"),
            lambda: w.settings.set("show_next_code", self.next_all.isChecked()),
            "Ctrl+Shift+J",
        )
        self.next_all.setCheckable(True)
        self.add_menu = QMenu(QCoreApplication.translate("MainWindow", "&Add Account"), window)
        self.add_menu.setObjectName("add_menu")

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        shortcut: str | QKeySequence.StandardKey | None = None,
        tip: str = "",
        *,
        view_only: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        plain = text.replace("&", "").rstrip("…").strip()
        action.setToolTip(tip or plain)
        action.setStatusTip(tip or plain)
        action.triggered.connect(lambda _checked=False: slot())
        if view_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            self.window.addAction(action)
        return action

    def build_menus(self, bar: QMenuBar) -> None:
        for act in (self.scan_camera, self.scan_screen, self.open_image, self.paste):
            self.add_menu.addAction(act)
        self.add_menu.addSeparator()
        self.add_menu.addAction(self.add)
        self.add_menu.addAction(self.import_backup)

        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        file_menu.addMenu(self.add_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_backup)
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.lock)
        file_menu.addAction(self.settings)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        for act in (self.copy, self.copy_next, self.show_next, self.hotp_next):
            edit.addAction(act)
        edit.addSeparator()
        for act in (self.edit, self.show_qr, self.delete):
            edit.addAction(act)
        edit.addSeparator()
        edit.addAction(self.move_up)
        edit.addAction(self.move_down)
        edit.addSeparator()
        edit.addAction(self.find)

        view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        sort = view.addMenu(QCoreApplication.translate("MainWindow", "&Sort Accounts"))
        sort.addAction(self.sort_custom)
        sort.addAction(self.sort_name)
        view.addAction(self.next_all)

        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        help_menu.addAction(self.shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(self.about)

    def all_actions(self) -> list[QAction]:
        """Every action of the window, in menu order (the shortcuts list is built from these)."""
        return [v for v in vars(self).values() if isinstance(v, QAction)]

    def row_menu(self, entry: Entry) -> QMenu:
        """The context menu of a row."""
        menu = QMenu(self.window)
        menu.addAction(self.copy)
        menu.addAction(self.copy_next)
        menu.addAction(self.show_next)
        if entry.type is OtpType.HOTP:
            menu.addAction(self.hotp_next)
        menu.addSeparator()
        menu.addAction(self.edit)
        menu.addAction(self.show_qr)
        menu.addSeparator()
        menu.addAction(self.delete)
        return menu

    def update(self, *, unlocked: bool, entry: Entry | None, movable: bool, can_lock: bool) -> None:
        has = entry is not None and unlocked
        for act in (
            self.copy,
            self.copy_next,
            self.show_next,
            self.edit,
            self.show_qr,
            self.delete,
        ):
            act.setEnabled(has)
        self.hotp_next.setEnabled(has and entry is not None and entry.type is OtpType.HOTP)
        self.move_up.setEnabled(has and movable)
        self.move_down.setEnabled(has and movable)
        for act in (
            self.add,
            self.scan_camera,
            self.scan_screen,
            self.open_image,
            self.paste,
            self.import_backup,
            self.export,
            self.settings,
        ):
            act.setEnabled(unlocked)
        self.lock.setEnabled(unlocked and can_lock)
