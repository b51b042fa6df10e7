"""The main window: the accounts with their rolling codes, search, and every way to add one.

Heavy or optional parts (dialogs, scanning, OpenCV, import/export, the emnify pane) are imported
inside the handlers that need them, so start-up stays fast and the window works while they are
absent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.accounts_model import (
    ROLE_ENTRY,
    ROLE_RAW_CODE,
    ROLE_RAW_NEXT,
    AccountsFilter,
    AccountsModel,
)
from desktop_app.ui.accounts_view import AccountsView
from desktop_app.ui.clipboard import ClipboardGuard

if TYPE_CHECKING:
    from desktop_app.app import AppServices
    from desktop_app.intake import BatchCollector, Payload
    from desktop_app.otp.migration import SkippedEntry
    from desktop_app.vault import Vault

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif);;All files (*)"

PAGE_EMPTY, PAGE_LIST, PAGE_NO_MATCH, PAGE_LOCKED = range(4)


class _Bridge(QObject):
    """Carries vault/settings notifications from any thread to the GUI thread."""

    vault_changed = Signal()
    setting_changed = Signal(str, object)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def qimage_to_gray(image: QImage) -> Any:
    """A QImage as a grayscale numpy array (copy)."""
    import numpy as np

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    buf = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    return buf.reshape(height, stride)[:, :width].copy()


class Toast(QLabel):
    """A short notice floating at the bottom of the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(False)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName("Notice")
        self._hide = QTimer(self)
        self._hide.setSingleShot(True)
        self._hide.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str, ms: int = 2600) -> None:
        from desktop_app.ui.theme import current_is_dark

        app = QApplication.instance()
        dark = isinstance(app, QApplication) and current_is_dark(app)
        colors = (
            "background: #e8e8e8; color: #1f1f1f;"
            if dark
            else ("background: rgba(30, 30, 30, 230); color: white;")
        )
        self.setStyleSheet(f"#toast {{ {colors} border-radius: 8px; padding: 8px 16px; }}")
        self.setText(text)
        self.adjustSize()
        self.reposition()
        self.show()
        self.raise_()
        self._hide.start(ms)

    def reposition(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        w = min(self.sizeHint().width(), parent.width() - 24)
        self.resize(w, self.sizeHint().height())
        self.move((parent.width() - w) // 2, parent.height() - self.height() - 18)


class _IdleWatch(QObject):
    """App-wide input watcher for auto-lock."""

    _INPUT = (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.MouseMove,
    )

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT:
            self._window.mark_active()
        return False


class MainWindow(QMainWindow):
    """``MainWindow(services)``: ``services.vault`` must be open."""

    accounts_added = Signal(int)

    def __init__(self, services: AppServices, *, clock: Callable[[], float] = time.time) -> None:
        super().__init__()
        self.services = services
        self.settings = services.settings
        self.setWindowTitle("Authenticator")
        self.setObjectName("MainWindow")
        self.setAccessibleName("Desktop Authenticator")
        self.resize(560, 680)
        self.setMinimumSize(380, 360)
        self.setAcceptDrops(True)

        self.model = AccountsModel(self, clock)
        self.proxy = AccountsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.clipboard_guard = ClipboardGuard(self)
        self.last_notice = ""
        self.active_dialog: QWidget | None = None
        self.scan_window: QWidget | None = None
        self._idle_since = time.monotonic()
        self.keep_in_tray = False
        self._quitting = False
        self._batch_collector: BatchCollector | None = None  # Google export batches

        self._bridge = _Bridge(self)
        self._bridge.vault_changed.connect(self.reload, Qt.ConnectionType.QueuedConnection)
        self._bridge.setting_changed.connect(
            self._apply_setting, Qt.ConnectionType.QueuedConnection
        )
        self.settings.add_listener(lambda n, v: self._bridge.setting_changed.emit(n, v))

        self._build_actions()
        self._build_menus()
        self._build_ui()
        self._attach_vault()
        self._apply_all_settings()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.model.dataChanged.connect(self._auto_lock_check)
        self._idle_watch: _IdleWatch | None = None
        self._update_idle_watch()

    # ===================================================================== construction ====

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
        action = QAction(text, self)
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
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_add = a("add", "&Enter Key Manually…", self.add_manually, "Ctrl+N")
        self.act_camera = a("scan_camera", "Scan with &Camera…", self.scan_camera, "Ctrl+Shift+C")
        self.act_screen = a("scan_screen", "Scan &Screen", self.scan_screen, "Ctrl+Shift+S")
        self.act_open = a("open_image", "&Open QR Image…", self.open_images, "Ctrl+O")
        self.act_paste = a(
            "paste", "&Paste QR Image or Link", self.paste, "Ctrl+V", "Paste a QR image or link"
        )
        self.act_import = a("import", "&Import Backup…", self.import_backup, "Ctrl+I")
        self.act_export = a("export", "E&xport…", self.export_backup, "Ctrl+E")
        self.act_settings = a("settings", "Se&ttings…", self.show_settings, "Ctrl+,")
        self.act_lock = a("lock", "&Lock", self.lock, "Ctrl+L", "Lock the vault")
        self.act_quit = a("quit", "&Quit", self.quit_app, "Ctrl+Q")
        self.act_about = a("about", "&About Authenticator", self.show_about)
        self.act_find = a("find", "&Find", self.focus_search, "Ctrl+F", "Search accounts")
        self.act_copy = a("copy", "&Copy Code", self.copy_current, "Ctrl+C")
        self.act_copy_next = a(
            "copy_next", "Copy &Next Code", self.copy_next_current, "Ctrl+Shift+Return"
        )
        self.act_show_next = a("show_next", "Show Ne&xt Code", self.toggle_next_current, "Ctrl+J")
        self.act_hotp_next = a(
            "hotp_next",
            "&Generate Next Code",
            self.hotp_next_current,
            "Ctrl+R",
            "Counter-based accounts: move to the next code (saved at once)",
        )
        self.act_edit = a("edit", "&Edit Account…", self.edit_current, "F2")
        self.act_qr = a("show_qr", "Show as &QR Code…", self.show_qr_current, "Ctrl+K")
        self.act_delete = a(
            "delete",
            "&Delete Account…",
            self.delete_current,
            QKeySequence.StandardKey.Delete,
            view_only=True,
        )
        self.act_up = a("move_up", "Move &Up", lambda: self.move_current(-1), "Ctrl+Up")
        self.act_down = a("move_down", "Move Do&wn", lambda: self.move_current(1), "Ctrl+Down")

        self.sort_group = QActionGroup(self)
        self.act_sort_custom = a(
            "sort_custom", "&Custom Order", lambda: self.set_sort("custom"), "Ctrl+1"
        )
        self.act_sort_name = a("sort_name", "By &Name", lambda: self.set_sort("name"), "Ctrl+2")
        for act in (self.act_sort_custom, self.act_sort_name):
            act.setCheckable(True)
            self.sort_group.addAction(act)
        self.act_next_all = a(
            "next_all",
            "Always Show Next &Codes",
            lambda: self.settings.set("show_next_code", self.act_next_all.isChecked()),
            "Ctrl+Shift+J",
        )
        self.act_next_all.setCheckable(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.add_menu = QMenu("&Add Account", self)
        self.add_menu.setObjectName("add_menu")
        for act in (self.act_camera, self.act_screen, self.act_open, self.act_paste):
            self.add_menu.addAction(act)
        self.add_menu.addSeparator()
        self.add_menu.addAction(self.act_add)
        self.add_menu.addAction(self.act_import)
        file_menu.addMenu(self.add_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_lock)
        file_menu.addAction(self.act_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit = bar.addMenu("&Edit")
        for act in (self.act_copy, self.act_copy_next, self.act_show_next, self.act_hotp_next):
            edit.addAction(act)
        edit.addSeparator()
        for act in (self.act_edit, self.act_qr, self.act_delete):
            edit.addAction(act)
        edit.addSeparator()
        edit.addAction(self.act_up)
        edit.addAction(self.act_down)
        edit.addSeparator()
        edit.addAction(self.act_find)

        view = bar.addMenu("&View")
        sort = view.addMenu("&Sort Accounts")
        sort.addAction(self.act_sort_custom)
        sort.addAction(self.act_sort_name)
        view.addAction(self.act_next_all)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)

    def _build_ui(self) -> None:
        central = QWidget(self)
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        # header: search + primary Add button
        header = QWidget(central)
        self.header = header
        header.setObjectName("header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(12, 10, 12, 10)
        hl.setSpacing(8)
        self.search = QLineEdit(header)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search accounts  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search accounts")
        self.search.setMinimumHeight(34)
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)
        hl.addWidget(self.search, 1)
        hl.addStretch(0)  # keeps the Add button at the right when the search field is hidden
        self.add_button = QToolButton(header)
        self.add_button.setObjectName("add_button")
        self.add_button.setText("+  Add")
        self.add_button.setToolTip("Add an account: scan a QR code, open an image, paste…")
        self.add_button.setAccessibleName("Add account")
        self.add_button.setMenu(self.add_menu)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMinimumHeight(34)
        self.add_button.setStyleSheet(
            "QToolButton#add_button { background: palette(highlight);"
            " color: palette(highlighted-text); border: none; border-radius: 6px;"
            " padding: 4px 14px; font-weight: 600; }"
            "QToolButton#add_button::menu-indicator { image: none; width: 0; }"
            "QToolButton#add_button:pressed { background: palette(dark); }"
            "QToolButton#add_button:disabled { background: palette(mid); }"
        )
        hl.addWidget(self.add_button)
        outer.addWidget(header)

        self.demo_banner = self._build_demo_banner(central)
        if self.demo_banner is not None:
            outer.addWidget(self.demo_banner)

        line = QFrame(central)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setStyleSheet("color: palette(mid);")
        outer.addWidget(line)

        self.stack = QStackedWidget(central)
        self.view = AccountsView(self.stack)
        self.view.setModel(self.proxy)
        self.view.copy_requested.connect(self.copy_index)
        self.view.action_requested.connect(self._hotp_next_index)
        self.view.files_dropped.connect(self.handle_paths)
        self.view.move_requested.connect(self.move_to)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.view.addAction(self.act_delete)

        self._pages: dict[int, QWidget] = {PAGE_LIST: self.view}
        self.stack.addWidget(self.view)
        self.no_match = QLabel("", self.stack)
        self.no_match.setObjectName("no_match")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        self.stack.addWidget(self.no_match)
        self._pages[PAGE_NO_MATCH] = self.no_match
        outer.addWidget(self.stack, 1)

        self.setCentralWidget(central)
        self.toast = Toast(central)

    def _build_demo_banner(self, parent: QWidget) -> QLabel | None:
        if not getattr(self.services, "demo", False):
            return None
        info = getattr(self.services, "demo_info", None)
        if info is not None:
            text = (
                f"<b>Demo mode</b>: emnify portal emulator at {getattr(info, 'url', '')}, "
                f"user <b>{getattr(info, 'user', '')}</b>, "
                f"password <b>{getattr(info, 'password', '')}</b>. "
                "Try <i>Settings → emnify account</i> (Ctrl+,) to turn two-factor "
                "authentication on and off."
            )
        else:
            text = "<b>Demo mode</b>: using a local emnify portal emulator."
        banner = QLabel(text, parent)
        banner.setObjectName("demo_banner")
        banner.setWordWrap(True)
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner.setAccessibleName("Demo mode notice")
        banner.setStyleSheet(
            "#demo_banner { background: #fdf0c8; color: #3d2f00; padding: 8px 14px;"
            " border-top: 1px solid #e8d48a; border-bottom: 1px solid #e8d48a; }"
        )
        return banner

    @staticmethod
    def _add_page_header(
        page: QWidget, lay: QVBoxLayout, text: str, *, icon_px: int, title_pt: int
    ) -> QLabel:
        """The app icon and a large centred title, as the empty and locked pages show them."""
        icon = QLabel(page)
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            icon.setPixmap(app_icon.pixmap(icon_px, icon_px))
        lay.addWidget(icon)
        title = QLabel(text, page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet(f"font-size: {title_pt}pt; font-weight: 600;")
        lay.addWidget(title)
        return title

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("empty_page")
        lay = QVBoxLayout(page)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.addStretch(2)
        title = self._add_page_header(page, lay, "No accounts yet", icon_px=72, title_pt=17)
        title.setObjectName("empty_title")
        text = QLabel(
            "Add your first account: when a website shows a QR code to set up two-factor "
            "sign-in, scan it from the screen or your camera, open a saved image, or type "
            "the setup key.",
            page,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: palette(placeholder-text);")
        text.setMaximumWidth(420)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(text, 4)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(12)
        buttons = [
            ("Scan QR Code on Screen", self.scan_screen, True),
            ("Scan with Camera", self.scan_camera, False),
            ("Open QR Image…", self.open_images, False),
            ("Enter Key Manually…", self.add_manually, False),
            ("Import Backup…", self.import_backup, False),
        ]
        self.empty_buttons: list[QPushButton] = []
        for label, slot, primary in buttons:
            button = QPushButton(label, page)
            button.setMinimumWidth(240)
            button.setMinimumHeight(34)
            button.setAccessibleName(label.rstrip("…"))
            button.clicked.connect(lambda _c=False, s=slot: s())
            if primary:
                button.setDefault(True)
                button.setStyleSheet(
                    "QPushButton { background: palette(highlight); color: palette(highlighted-text);"
                    " border: none; border-radius: 6px; font-weight: 600; padding: 4px 14px; }"
                )
            self.empty_buttons.append(button)
            hb = QHBoxLayout()
            hb.addStretch(1)
            hb.addWidget(button)
            hb.addStretch(1)
            lay.addLayout(hb)
        hint = QLabel("You can also drop an image here or paste one with Ctrl+V.", page)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
        lay.addSpacing(6)
        lay.addWidget(hint)
        lay.addStretch(3)
        return page

    def _build_locked_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("locked_page")
        lay = QVBoxLayout(page)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.setSpacing(10)
        lay.addStretch(2)
        self._add_page_header(page, lay, "Authenticator is locked", icon_px=64, title_pt=16)
        hint = QLabel("Enter your vault password to show your codes.", page)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: palette(placeholder-text);")
        lay.addWidget(hint)
        lay.addSpacing(6)
        self.unlock_field = QLineEdit(page)
        self.unlock_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_field.setPlaceholderText("Vault password")
        self.unlock_field.setAccessibleName("Vault password")
        self.unlock_field.setFixedWidth(280)
        self.unlock_field.setMinimumHeight(32)
        self.unlock_field.returnPressed.connect(self.unlock)
        self.unlock_error = QLabel("", page)
        self.unlock_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        from desktop_app.ui.theme import error_css

        self.unlock_error.setStyleSheet(error_css())
        self.unlock_button = QPushButton("Unlock", page)
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setFixedWidth(280)
        self.unlock_button.setMinimumHeight(32)
        self.unlock_button.setStyleSheet(
            "QPushButton { background: palette(highlight); color: palette(highlighted-text);"
            " border: none; border-radius: 6px; font-weight: 600; }"
        )
        self.unlock_button.clicked.connect(self.unlock)
        for w in (self.unlock_field, self.unlock_button):
            hb = QHBoxLayout()
            hb.addStretch(1)
            hb.addWidget(w)
            hb.addStretch(1)
            lay.addLayout(hb)
        lay.addWidget(self.unlock_error)
        lay.addStretch(3)
        return page

    # ===================================================================== vault & settings ====

    @property
    def vault(self) -> Vault:
        vault = self.services.vault
        if vault is None:
            raise AppError("The vault is locked.")
        return vault

    def _attach_vault(self) -> None:
        vault = self.services.vault
        if vault is not None:
            vault.add_listener(self._bridge.vault_changed.emit)
        self.reload()

    def _detach_vault(self) -> None:
        vault = self.services.vault
        if vault is not None:
            vault.remove_listener(self._bridge.vault_changed.emit)

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

    def _apply_all_settings(self) -> None:
        for name in ("sort_order", "show_next_code", "hide_codes"):
            self._apply_setting(name, self.settings.get(name))

    def _apply_setting(self, name: str, value: object) -> None:
        if name == "sort_order":
            by_name = value == "name"
            (self.act_sort_name if by_name else self.act_sort_custom).setChecked(True)
            self.proxy.set_sort_by_name(by_name)
            self._update_actions()
        elif name == "show_next_code":
            self.act_next_all.setChecked(bool(value))
            self.model.set_show_next_all(bool(value))
        elif name == "auto_lock_minutes":
            self._update_idle_watch()
        elif name == "hide_codes":
            self.view.delegate.hide_codes = bool(value)
            self.view.viewport().update()
        elif name == "theme":
            from desktop_app.ui.theme import apply_theme

            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, str(value))

    def set_sort(self, order: str) -> None:
        self.settings.set("sort_order", order)
        self._apply_setting("sort_order", order)

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
        if not unlocked:
            self._show_page(PAGE_LOCKED)
        elif self.model.rowCount() == 0:
            if self.stack.currentWidget() is not self._pages.get(PAGE_EMPTY):
                self._show_page(PAGE_EMPTY)
                self.empty_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.proxy.rowCount() == 0:
            self.no_match.setText(f"No account matches “{self.search.text().strip()}”.")
            self._show_page(PAGE_NO_MATCH)
        else:
            self._show_page(PAGE_LIST)

    def _show_page(self, which: int) -> None:
        """Switch pages; the empty and locked pages are built the first time they are needed."""
        page = self._pages.get(which)
        if page is None:
            page = self._build_empty_page() if which == PAGE_EMPTY else self._build_locked_page()
            self._pages[which] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def _collector(self) -> BatchCollector:
        if self._batch_collector is None:
            from desktop_app.intake import BatchCollector

            self._batch_collector = BatchCollector()
        return self._batch_collector

    def _update_actions(self) -> None:
        entry = self.current_entry()
        unlocked = self.services.vault is not None
        has = entry is not None and unlocked
        for act in (
            self.act_copy,
            self.act_copy_next,
            self.act_show_next,
            self.act_edit,
            self.act_qr,
            self.act_delete,
        ):
            act.setEnabled(has)
        self.act_hotp_next.setEnabled(has and entry is not None and entry.type is OtpType.HOTP)
        movable = has and not self.proxy.sort_by_name and not self.proxy.query
        self.act_up.setEnabled(movable)
        self.act_down.setEnabled(movable)
        self.view.reorder_enabled = not self.proxy.sort_by_name and not self.proxy.query
        for act in (
            self.act_add,
            self.act_camera,
            self.act_screen,
            self.act_open,
            self.act_paste,
            self.act_import,
            self.act_export,
            self.act_settings,
        ):
            act.setEnabled(unlocked)
        self.act_lock.setEnabled(unlocked and self.services.vault is not None and self._can_lock())
        self.search.setEnabled(unlocked)
        self.add_button.setEnabled(unlocked)

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._update_page()
        self._update_actions()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_idle_watch(self) -> None:
        """Watch input for auto-lock only when auto-lock is on (an app-wide filter costs CPU)."""
        app = QApplication.instance()
        wanted = bool(self.settings.get("auto_lock_minutes"))
        if wanted and self._idle_watch is None and app is not None:
            self._idle_watch = _IdleWatch(self)
            app.installEventFilter(self._idle_watch)
        elif not wanted and self._idle_watch is not None:
            if app is not None:
                app.removeEventFilter(self._idle_watch)
            self._idle_watch = None

    def mark_active(self) -> None:
        self._idle_since = time.monotonic()

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
                        self.copy_index(self.view.currentIndex())
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return False

    # ===================================================================== notices ====

    def notice(self, text: str) -> None:
        self.last_notice = text
        self.toast.show_text(text)
        log.debug("notice shown")

    def inform(self, title: str, text: str, *, warning: bool = False) -> None:
        """A message a person must read (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.exec()

    def ask(self, title: str, text: str, ok_label: str, *, destructive: bool = False) -> bool:
        """A yes/no confirmation (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        ok = box.addButton(ok_label, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        if destructive:
            ok.setStyleSheet("color: #c01c28; font-weight: 600;")
        box.exec()
        return box.clickedButton() is ok

    def _show_error(self, title: str, exc: BaseException) -> None:
        self.inform(title, str(exc) or type(exc).__name__, warning=True)

    # ===================================================================== copy & codes ====

    def copy_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        entry: Entry = index.data(ROLE_ENTRY)
        self._copy(entry, str(index.data(ROLE_RAW_CODE)), "Code")

    def _copy(self, entry: Entry, code: str, what: str) -> None:
        seconds = int(self.settings.get("clipboard_clear_seconds"))
        self.clipboard_guard.copy(code, seconds)
        who = entry.issuer or entry.name or "account"
        tail = f" — clears in {seconds} s" if seconds else ""
        self.notice(f"{what} for {who} copied{tail}")

    def copy_current(self) -> None:
        self.copy_index(self.view.currentIndex())

    def copy_next_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._copy(index.data(ROLE_ENTRY), str(index.data(ROLE_RAW_NEXT)), "Next code")

    def toggle_next_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.model.toggle_next(entry.uuid)

    def hotp_next_current(self) -> None:
        self._hotp_next_index(self.view.currentIndex())

    def _hotp_next_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry: Entry = index.data(ROLE_ENTRY)
        if entry.type is not OtpType.HOTP:
            return
        try:
            self.vault.increment_counter(entry.uuid)
        except AppError as exc:
            self._show_error("The counter could not be saved", exc)
            return
        self.reload()
        self.select_uuid(entry.uuid)
        self.notice(f"New code for {entry.issuer or entry.name or 'account'}")

    # ===================================================================== edit / delete / order ====

    def edit_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        from desktop_app.ui.edit_dialog import EditDialog

        dialog = EditDialog(self, self.vault, entry)
        dialog.saved.connect(lambda _e: self.reload())
        dialog.saved.connect(lambda e: self.notice(f"Saved {e.label or 'account'}"))
        self._open_dialog(dialog)

    def delete_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        label = entry.label or "this account"
        if not self.ask(
            "Delete account?",
            f"Delete “{label}”?\n\nYou will no longer get codes for it. Make sure you can "
            "still sign in to the service (for example with another authenticator or backup "
            "codes) before deleting.",
            "Delete",
            destructive=True,
        ):
            return
        row = self.view.currentIndex().row()
        try:
            self.vault.remove(entry.uuid)
        except AppError as exc:
            self._show_error("The account could not be deleted", exc)
            return
        self.reload()
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(min(row, self.proxy.rowCount() - 1), 0))
        self.notice(f"Deleted {label}")

    def move_current(self, delta: int) -> None:
        index = self.view.currentIndex()
        entry = self.current_entry()
        if entry is None or self.proxy.sort_by_name or self.proxy.query:
            return
        target = index.row() + delta
        if not (0 <= target < self.proxy.rowCount()):
            return
        self.move_to(entry.uuid, target + (1 if delta > 0 else 0))

    def move_to(self, uuid: str, target_row: int) -> None:
        """Custom order: put ``uuid`` before the row now at ``target_row`` (view order)."""
        order = [self.proxy.index(r, 0).data(ROLE_ENTRY).uuid for r in range(self.proxy.rowCount())]
        if uuid not in order:
            return
        source = order.index(uuid)
        order.remove(uuid)
        if target_row > source:
            target_row -= 1
        order.insert(max(0, min(target_row, len(order))), uuid)
        try:
            self.vault.reorder(order)
        except AppError as exc:
            self._show_error("The order could not be saved", exc)
            return
        self.reload()
        self.select_uuid(uuid)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        entry: Entry = index.data(ROLE_ENTRY)
        menu = QMenu(self)
        menu.addAction(self.act_copy)
        menu.addAction(self.act_copy_next)
        menu.addAction(self.act_show_next)
        if entry.type is OtpType.HOTP:
            menu.addAction(self.act_hotp_next)
        menu.addSeparator()
        menu.addAction(self.act_edit)
        menu.addAction(self.act_qr)
        menu.addSeparator()
        menu.addAction(self.act_delete)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # ===================================================================== adding ====

    def _open_dialog(self, dialog: QWidget) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._dialog_gone(dialog))
        dialog.open()  # type: ignore[attr-defined]

    def _dialog_gone(self, dialog: QWidget) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def add_manually(self, link: str = "") -> None:
        from desktop_app.ui.add_dialog import AddDialog

        dialog = AddDialog(self, link=link)
        dialog.candidates_ready.connect(self._on_manual_candidates)
        self._open_dialog(dialog)

    def _on_manual_candidates(self, payload: object) -> None:
        from desktop_app.intake import Payload, PayloadKind, find_duplicates

        assert isinstance(payload, Payload)
        if payload.kind is PayloadKind.MIGRATION:
            QTimer.singleShot(0, lambda: self.handle_payloads([payload]))
            return
        entries = list(payload.entries)
        if find_duplicates(self.vault.entries(), entries):
            QTimer.singleShot(0, lambda: self.confirm(entries))
            return
        self.save_entries(entries)

    def save_entries(self, entries: Sequence[Entry]) -> int:
        try:
            added = self.vault.add_many(entries)
        except AppError as exc:
            self._show_error("The account could not be saved", exc)
            return 0
        self._after_added(len(added), added[-1].uuid if added else None)
        return len(added)

    def _after_added(self, n: int, last_uuid: str | None) -> None:
        if n <= 0:
            return
        self.reload()
        if self.search.text():
            self.search.clear()
        if last_uuid:
            self.select_uuid(last_uuid)
        self.notice(f"Added {_plural(n, 'account')}" if n > 1 else "Account added")
        self.accounts_added.emit(n)

    def confirm(
        self,
        candidates: Sequence[Entry],
        skipped: Sequence[SkippedEntry] = (),
        progress: str | None = None,
        on_added: Callable[[int], None] | None = None,
    ) -> None:
        from desktop_app.ui.confirm_dialog import ConfirmDialog

        dialog = ConfirmDialog(self, self.vault, candidates, skipped, progress=progress)

        def finished(_result: int) -> None:
            n = dialog.added_count
            if on_added is not None:
                on_added(n)
            last = dialog.added_uuids[-1] if dialog.added_uuids else None
            self._after_added(n, last)

        dialog.finished.connect(finished)
        self._open_dialog(dialog)

    def handle_texts(self, texts: Sequence[str], *, nothing_found: str = "") -> None:
        from desktop_app.intake import classify

        if not texts:
            self.inform("No QR code found", nothing_found or "No QR code was found.")
            return
        self.handle_payloads([classify(t) for t in texts])

    def handle_payloads(self, payloads: Sequence[Payload]) -> None:
        """Key payloads -> confirmation -> vault.add_many; anything else is explained."""
        from desktop_app.intake import PayloadKind

        candidates: list[Entry] = []
        skipped: list[SkippedEntry] = []
        messages: list[str] = []
        migration = False
        for p in payloads:
            if p.kind is PayloadKind.OTPAUTH:
                candidates.extend(p.entries)
            elif p.kind is PayloadKind.MIGRATION and p.batch is not None:
                self._collector().add(p.batch)
                migration = True
            elif p.message and p.message not in messages:
                messages.append(p.message)
        progress = None
        if migration:
            batch = self._collector()
            candidates.extend(batch.entries())
            skipped.extend(batch.skipped())
            if batch.size > 1:
                progress = batch.progress_text()
                if not batch.complete:
                    missing = ", ".join(str(i) for i in batch.missing())
                    progress += f" — scan code {missing} too, or add these now"
                    self.notice(f"Google Authenticator export: {batch.progress_text()}")
        if not candidates and not skipped:
            self.inform("Nothing to add", "\n".join(messages) or "No authenticator key found.")
            return
        complete = migration and self._collector().complete

        def on_added(n: int) -> None:
            if complete and n:
                self._batch_collector = None

        if messages:
            self.notice(messages[0])
        self.confirm(candidates, skipped, progress, on_added)

    # --- images, clipboard, screen, camera ---------------------------------------------------

    def open_images(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open QR code images", str(Path.home()), IMAGE_FILTER
        )
        if paths:
            self.scan_files(paths)

    def handle_paths(self, paths: Sequence[str]) -> None:
        """Dropped (or pasted) files: images are scanned; anything else is imported."""
        images = [p for p in paths if Path(p).suffix.lower() in IMAGE_SUFFIXES]
        others = [p for p in paths if p not in images]
        if images:
            self.scan_files(images)
        for path in others[:1]:
            self.import_backup(path)

    def scan_files(self, paths: Sequence[str]) -> None:
        from desktop_app.ui.workers import run_in_thread

        self.notice(
            "Reading " + (Path(paths[0]).name if len(paths) == 1 else f"{len(paths)} images") + "…"
        )
        run_in_thread(
            _decode_files, list(paths), on_done=self._on_files_decoded, on_error=self._on_scan_error
        )

    def _on_files_decoded(self, result: tuple[list[str], list[str], list[str]]) -> None:
        texts, empty, errors = result
        if not texts:
            lines = [f"No QR code was found in {name}." for name in empty] + errors
            self.inform("No QR code found", "\n".join(lines) or "No QR code was found.")
            return
        if errors or empty:
            self.notice("; ".join(errors + [f"No QR code in {n}" for n in empty]))
        self.handle_texts(texts)

    def _on_scan_error(self, exc: BaseException) -> None:
        if isinstance(exc, ImportError):
            self.inform("Scanning is not available", "The QR scanner is not installed.")
        else:
            self._show_error("The image could not be read", exc)

    def paste(self) -> None:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is None:
            return
        if mime.hasImage():
            image = clipboard.image()
            if not image.isNull():
                self.scan_image(image)
                return
        if mime.hasUrls() and all(u.isLocalFile() for u in mime.urls()) and mime.urls():
            self.handle_paths([u.toLocalFile() for u in mime.urls()])
            return
        text = mime.text().strip()
        if not text:
            self.inform("Nothing to paste", "The clipboard holds no image or link.")
            return
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        keyish = ("otpauth://", "otpauth-migration://")
        if len(lines) > 1 and all(ln.lower().startswith(keyish) for ln in lines):
            self.handle_texts(lines)
        else:
            self.handle_texts([text])

    def scan_image(self, image: QImage) -> None:
        from desktop_app.ui.workers import run_in_thread

        try:  # composites transparency on white (screenshots with alpha)
            from desktop_app.ui.screen_scan import qimage_to_array

            array = qimage_to_array(image)
        except ImportError:
            array = qimage_to_gray(image)
        run_in_thread(
            _decode_array, array, on_done=self._on_image_decoded, on_error=self._on_scan_error
        )

    def _on_image_decoded(self, texts: list[str]) -> None:
        self.handle_texts(texts, nothing_found="No QR code was found in the pasted image.")

    def scan_screen(self) -> None:
        try:
            from desktop_app.ui.screen_scan import ScreenScanResult, start_screen_scan
        except ImportError:
            self.inform("Not available", "Screen scanning is not available in this build.")
            return

        def on_done(result: ScreenScanResult) -> None:  # decoded in a worker thread
            if result.cancelled:
                self.notice(result.message)
                return
            message = result.message or "No QR code was found on the screen."
            self.handle_texts(result.texts, nothing_found=message)

        start_screen_scan(self, on_done)

    def scan_camera(self) -> None:
        try:
            from desktop_app.ui.scan_window import ScanWindow
        except ImportError:
            self.inform("Not available", "Camera scanning is not available in this build.")
            return
        if self.scan_window is not None and self.scan_window.isVisible():
            self.scan_window.raise_()
            self.scan_window.activateWindow()
            return
        window = ScanWindow(self, self.services.camera_source)
        window.payloads_found.connect(self._on_camera_payloads)
        self.scan_window = window
        window.show()

    def _on_camera_payloads(self, payloads: list[Payload]) -> None:
        self.handle_payloads(payloads)

    # --- import / export / settings / about --------------------------------------------------

    def import_backup(self, path: str | None = None) -> None:
        try:
            from desktop_app.ui.import_dialog import run_import
        except ImportError:
            self.inform("Not available", "Importing backups is not available in this build.")
            return
        count = run_import(self, self.services, Path(path) if path else None)
        self.reload()
        if count:
            self.notice(f"Imported {_plural(count, 'account')}")

    def export_backup(self) -> None:
        try:
            from desktop_app.ui.export_dialog import run_export
        except ImportError:
            self.inform("Not available", "Exporting is not available in this build.")
            return
        run_export(self, self.services)

    def show_qr_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        try:
            from desktop_app.ui.export_dialog import show_entry_qr
        except ImportError:
            self.inform("Not available", "Showing QR codes is not available in this build.")
            return
        show_entry_qr(self, entry)

    def show_settings(self) -> None:
        from desktop_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        dialog.protection_changed.connect(self._update_actions)
        self._open_dialog(dialog)

    def show_about(self) -> None:
        from desktop_app import __version__

        QMessageBox.about(
            self,
            "About Authenticator",
            f"<h3>Desktop Authenticator {__version__}</h3>"
            "<p>Two-factor codes for your accounts, kept in an encrypted vault on this "
            "computer.</p><p>Licensed under the GNU GPL v3 or later.</p>",
        )

    # ===================================================================== lock ====

    def _can_lock(self) -> bool:
        vault = self.services.vault
        return vault is not None and vault.mode == "password"

    def lock(self) -> None:
        if not self._can_lock():
            return
        self.clipboard_guard.clear_if_ours()
        self._detach_vault()
        vault = self.services.vault
        self.services.vault = None
        if vault is not None:
            vault.close()
        self.model.refresh([])
        self.reload()  # builds and shows the locked page
        self.unlock_field.clear()
        self.unlock_error.clear()
        self.unlock_field.setFocus()

    def unlock(self) -> None:
        from desktop_app.app import open_vault_for
        from desktop_app.errors import VaultError, WrongPasswordError

        password = self.unlock_field.text()
        if not password:
            self.unlock_error.setText("Enter the vault password.")
            return
        try:
            self.services.vault = open_vault_for(self.services, lambda _creating: password)
        except WrongPasswordError:
            self.unlock_error.setText("Wrong password. Try again.")
            self.unlock_field.selectAll()
            return
        except VaultError as exc:
            self.unlock_error.setText(str(exc))
            return
        self.unlock_field.clear()
        self._idle_since = time.monotonic()
        self._attach_vault()
        self.view.setFocus()

    def _auto_lock_check(self, *_args: object) -> None:
        if self._idle_watch is None:
            return
        minutes = int(self.settings.get("auto_lock_minutes") or 0)
        if minutes and self._can_lock() and time.monotonic() - self._idle_since > minutes * 60:
            self.lock()

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
        if self.toast.isVisible():
            self.toast.reposition()

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
            self.handle_paths(paths)
        else:
            event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.keep_in_tray and not self._quitting:
            event.ignore()
            self.hide()
            return
        self.clipboard_guard.clear_if_ours()
        self.model.stop()
        app = QApplication.instance()
        if app is not None and self._idle_watch is not None:
            app.removeEventFilter(self._idle_watch)
            self._idle_watch = None
        self._detach_vault()
        super().closeEvent(event)

    def quit_app(self) -> None:
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def set_window_icon(self, icon: QIcon) -> None:
        self.setWindowIcon(icon)


# --- worker-thread functions (no Qt) --------------------------------------------------------


def _decode_files(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(texts of every QR found, names of files without a code, error lines)."""
    from desktop_app.errors import ScanError
    from desktop_app.scanning import decode_file

    texts: list[str] = []
    empty: list[str] = []
    errors: list[str] = []
    for path in paths:
        name = Path(path).name
        try:
            found = decode_file(path)
        except ScanError as exc:
            errors.append(f"{name}: {exc}")
            continue
        if not found:
            empty.append(name)
        texts.extend(t for t in found if t not in texts)
    return texts, empty, errors


def _decode_array(array: Any) -> list[str]:
    from desktop_app.scanning import decode

    return decode(array)
