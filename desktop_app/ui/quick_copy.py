"""The quick-copy window: a small window on top, at the pointer's screen, to copy a code in
two keystrokes (type a few letters, Enter).

    quick = QuickCopyWindow(main_window)
    quick.present()

Enter copies the selected match (the top one unless another is selected) through the main
window's copy path (same clipboard guard, same auto-clear), closes, and says which code was
copied and when the clipboard clears. Esc closes. A locked app asks for the password first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCursor, QFontDatabase, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.instance import label_of
from desktop_app.otp.search import matches, search_terms
from desktop_app.ui.accounts_model import ROLE_CODE, ROLE_ENTRY

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop_app.otp.model import Entry
    from desktop_app.ui.main_window import MainWindow

ROLE_UUID = Qt.ItemDataRole.UserRole + 1
MAX_ROWS = 8

_ATTRIBUTE = "_quick_copy_window"  # kept on the main window: a cycle the collector can free


def quick_window_for(window: MainWindow) -> QuickCopyWindow:
    """The one quick-copy window of ``window`` (the global shortcut, ``quick`` and the tray
    open the same one), made on first use."""
    quick: QuickCopyWindow | None = getattr(window, _ATTRIBUTE, None)
    if quick is None:
        quick = QuickCopyWindow(window)
        window.destroyed.connect(quick.deleteLater)
        setattr(window, _ATTRIBUTE, quick)
    return quick


class QuickCopyWindow(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(
            None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Dialog
        )
        self.main = window
        self.setObjectName("QuickCopy")
        self.setWindowTitle(self.tr("Copy a code"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(440, 300)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)

        # --- the search page
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(page)
        self.search.setObjectName("quickSearch")
        self.search.setPlaceholderText(self.tr("Type to find an account, Enter copies"))
        self.search.setAccessibleName(self.tr("Search accounts"))
        self.search.setMinimumHeight(34)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        pl.addWidget(self.search)
        self.list = QTreeWidget(page)
        self.list.setObjectName("quickList")
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setStretchLastSection(True)
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        code_font.setBold(True)
        self._code_font = code_font
        self.list.setAccessibleName(self.tr("Matching accounts"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search field keeps the keys
        self.list.itemActivated.connect(lambda *_: self.copy_selected())
        self.list.itemClicked.connect(lambda *_: self.copy_selected())
        pl.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No account matches."), page)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        pl.addWidget(self.empty)
        self.stack.addWidget(page)
        self.search_page = page

        # --- the locked page
        locked = QWidget()
        ll = QVBoxLayout(locked)
        ll.addStretch(1)
        locked_text = QLabel(self.tr("Authenticator is locked. Enter the password to unlock."))
        locked_text.setWordWrap(True)  # a longer translation wraps rather than widens the window
        ll.addWidget(locked_text)
        self.password = QLineEdit(locked)
        self.password.setObjectName("quickPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._unlock)
        ll.addWidget(self.password)
        self.unlock_button = QPushButton(self.tr("Unlock"), locked)
        self.unlock_button.clicked.connect(self._unlock)
        ll.addWidget(self.unlock_button)
        self.unlock_message = QLabel("", locked)
        self.unlock_message.setObjectName("quickUnlockMessage")
        ll.addWidget(self.unlock_message)
        ll.addStretch(1)
        self.stack.addWidget(locked)
        self.locked_page = locked

        window.locking.unlocked.connect(self._on_unlocked)
        window.locking.unlock_failed.connect(self.unlock_message.setText)
        window.locking.locked.connect(self._show_state)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.refresh)

    # --- showing -----------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.main.services.vault is None

    def present(self) -> None:
        """Show on the pointer's screen, on top, focused, with a fresh search."""
        self.search.clear()
        self.list.clear()  # the top match is selected, not the one of the last time
        self.password.clear()
        self.unlock_message.clear()
        self._show_state()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.center() - self.rect().center())
        self.show()
        self.raise_()
        self.activateWindow()
        (self.password if self.is_locked else self.search).setFocus(
            Qt.FocusReason.ActiveWindowFocusReason
        )
        self._ticker.start()

    def _show_state(self) -> None:
        self.stack.setCurrentWidget(self.locked_page if self.is_locked else self.search_page)
        self.refresh()

    def _unlock(self) -> None:
        if self.password.text():
            self.unlock_message.setText(self.tr("Unlocking…"))
            self.main.locking.unlock(self.password.text())

    def _on_unlocked(self) -> None:
        self.password.clear()
        self.unlock_message.clear()
        self._show_state()
        if self.isVisible():
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- matches -----------------------------------------------------------------------------

    def matching(self) -> list[tuple[Entry, str]]:
        """The accounts that match the search, in the window's order, with their codes."""
        if self.is_locked:
            return []
        terms = search_terms(self.search.text())
        model = self.main.proxy
        rows: list[tuple[Entry, str]] = []
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            entry = index.data(ROLE_ENTRY)
            if entry is not None and matches(entry, terms):
                rows.append((entry, str(index.data(ROLE_CODE) or "")))
        return rows

    def refresh(self) -> None:
        selected = self.selected_uuid()
        rows = self.matching()[:MAX_ROWS]
        self.list.clear()
        for entry, code in rows:
            item = QTreeWidgetItem([code, label_of(entry)])
            item.setFont(0, self._code_font)
            item.setToolTip(1, label_of(entry))
            item.setData(0, ROLE_UUID, entry.uuid)
            self.list.addTopLevelItem(item)
            if entry.uuid == selected:
                self.list.setCurrentItem(item)
        self.list.resizeColumnToContents(0)
        gap = self.fontMetrics().horizontalAdvance("MM")  # the code stands apart from the name
        self.list.setColumnWidth(0, self.list.columnWidth(0) + gap)
        if self.count() and self.current_row() < 0:
            self.select_row(0)
        self.empty.setVisible(not rows and not self.is_locked)

    def selected_uuid(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(0, ROLE_UUID))

    def count(self) -> int:
        return self.list.topLevelItemCount()

    def current_row(self) -> int:
        item = self.list.currentItem()
        return -1 if item is None else self.list.indexOfTopLevelItem(item)

    def row_text(self, row: int) -> str:
        """``CODE  LABEL`` of a shown row (tests, accessibility)."""
        item = self.list.topLevelItem(row)
        return "" if item is None else f"{item.text(0)}  {item.text(1)}"

    def select_row(self, row: int) -> None:
        item = self.list.topLevelItem(row)
        if item is not None:
            self.list.setCurrentItem(item)

    # --- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.count() - 1, self.current_row() + step))
                self.select_row(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy_selected()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def copy_selected(self) -> bool:
        """Copy the selected (else the top) match, close, tell. False when nothing matches."""
        uuid = self.selected_uuid()
        if uuid is None or not self.main.lists.copy_uuid(uuid):
            return False
        self.close()
        text = self.main.last_notice
        if not self.main.isVisible() and self.main.tray_message is not None:
            self.main.tray_message(self.tr("Authenticator"), text)
        return True

    def closeEvent(self, event: object) -> None:
        self._ticker.stop()
        self.search.clear()
        self.password.clear()
        super().closeEvent(event)  # type: ignore[arg-type]
